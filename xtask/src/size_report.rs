//! `cargo xtask size-report`: where the wasm's bytes go, for CI output (never fails the run).
//! It re-optimises the last build's wasm with names kept, then lists the code size by crate
//! and the largest functions, so growth from a change is visible.

use std::collections::BTreeMap;
use std::path::Path;
use wasmparser::{KnownCustom, Name, Parser, Payload};

/// Prints the report for the wasm of the last `cargo xtask build`.
pub fn report(root: &Path) -> Result<(), String> {
    let staging = root.join("target/xtask");
    let shipped = std::fs::read(staging.join("avn-aid.opt.wasm"))
        .map_err(|_| "no build found: run `cargo xtask build` first".to_string())?;
    let named = staging.join("avn-aid.named.wasm");
    // The same optimisation as the shipped build, with function names kept (-g).
    crate::dist::wasm_opt(root, &staging.join("avn-aid_bg.wasm"), &named, &["-g"])?;
    let bytes = std::fs::read(&named).map_err(|e| e.to_string())?;
    let module = Module::parse(&bytes)?;

    println!("wasm size report");
    println!(
        "  shipped wasm: {} B raw, {} B gzip",
        shipped.len(),
        crate::dist::gzip_len(&shipped)
    );
    println!(
        "  code {} B in {} functions, data {} B (measured with names kept)",
        module.code_total(),
        module.functions.len(),
        module.data
    );
    println!("  code by crate:");
    let mut by_crate: BTreeMap<String, usize> = BTreeMap::new();
    for f in &module.functions {
        *by_crate.entry(crate_of(&f.name)).or_default() += f.size;
    }
    let mut by_crate: Vec<_> = by_crate.into_iter().collect();
    by_crate.sort_by_key(|c| std::cmp::Reverse(c.1));
    for (name, size) in by_crate.iter().take(12) {
        println!(
            "    {size:>8} B  {:>5.1} %  {name}",
            percent(*size, module.code_total())
        );
    }
    println!("  largest functions:");
    let mut largest: Vec<_> = module.functions.iter().collect();
    largest.sort_by_key(|f| std::cmp::Reverse(f.size));
    for f in largest.iter().take(15) {
        let name: String = f.name.chars().take(100).collect();
        println!("    {:>8} B  {name}", f.size);
    }
    Ok(())
}

struct Function {
    name: String,
    size: usize,
}

struct Module {
    functions: Vec<Function>,
    data: usize,
}

impl Module {
    fn parse(bytes: &[u8]) -> Result<Module, String> {
        let mut imported = 0u32;
        let mut sizes = Vec::new();
        let mut names: BTreeMap<u32, String> = BTreeMap::new();
        let mut data = 0;
        for payload in Parser::new(0).parse_all(bytes) {
            match payload.map_err(|e| e.to_string())? {
                Payload::ImportSection(imports) => {
                    // Only function imports take function indices, but counting every import is
                    // close enough here: the app imports functions only.
                    imported = imports.count();
                }
                Payload::CodeSectionEntry(body) => sizes.push(body.range().len()),
                Payload::DataSection(reader) => {
                    for segment in reader {
                        data += segment.map_err(|e| e.to_string())?.data.len();
                    }
                }
                Payload::CustomSection(custom) => {
                    if let KnownCustom::Name(reader) = custom.as_known() {
                        for name in reader.into_iter().flatten() {
                            if let Name::Function(map) = name {
                                for naming in map.into_iter().flatten() {
                                    names.insert(naming.index, naming.name.to_string());
                                }
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        let functions = sizes
            .into_iter()
            .enumerate()
            .map(|(i, size)| Function {
                name: names
                    .remove(&(imported + i as u32))
                    .unwrap_or_else(|| format!("function #{i}")),
                size,
            })
            .collect();
        Ok(Module { functions, data })
    }

    fn code_total(&self) -> usize {
        self.functions.iter().map(|f| f.size).sum()
    }
}

/// The crate a (demangled) function name belongs to: its first path segment, looking inside
/// `<T as Trait>` forms at the implementing type.
fn crate_of(name: &str) -> String {
    let trimmed = name
        .trim_start_matches(['<', '&', '*'])
        .trim_start_matches("mut ");
    trimmed
        .split("::")
        .next()
        .filter(|c| !c.is_empty() && c.chars().all(|ch| ch.is_alphanumeric() || ch == '_'))
        .unwrap_or("(other)")
        .to_string()
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 * 100.0 / whole as f64
    }
}

#[cfg(test)]
mod tests {
    use super::crate_of;

    #[test]
    fn functions_are_grouped_by_their_crate() {
        assert_eq!(crate_of("yew::dom_bundle::btag::BTag::reconcile"), "yew");
        assert_eq!(
            crate_of("<alloc::vec::Vec<T> as core::clone::Clone>::clone"),
            "alloc"
        );
        assert_eq!(crate_of("avn_aid::content::kb"), "avn_aid");
        assert_eq!(crate_of("memcpy"), "memcpy");
        assert_eq!(crate_of("{closure#0}"), "(other)");
    }
}
