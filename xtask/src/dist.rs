//! The build pipeline: cargo (wasm32, size profile) → wasm-bindgen (as a library, no-modules
//! output so one classic script works on any page and from disk) → wasm-opt -Oz → dist/.

use flate2::{write::GzEncoder, Compression};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const APP: &str = "avn-aid";

/// Builds `dist/` under `root` and prints what it ships. Returns the dist folder.
pub fn build(root: &Path) -> Result<PathBuf, String> {
    let started = Instant::now();
    let kb = avn_kb::load::load_dir(&root.join("content")).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        format!("the content has problems:\n{}", lines.join("\n"))
    })?;

    step("cargo build (wasm32, release)");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .current_dir(root)
        .args(["build", "--release", "--target", "wasm32-unknown-unknown"])
        .args(["--package", APP, "--bin", APP])
        .status()
        .map_err(|e| format!("could not run cargo: {e}"))?;
    if !status.success() {
        return Err("cargo build failed".into());
    }
    let raw_wasm = root.join(format!("target/wasm32-unknown-unknown/release/{APP}.wasm"));

    step("wasm-bindgen");
    let staging = root.join("target/xtask");
    let _ = fs::remove_dir_all(&staging);
    fs::create_dir_all(&staging).map_err(|e| e.to_string())?;
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&raw_wasm)
        .out_name(APP)
        .no_modules(true)
        .and_then(|b| {
            b.typescript(false)
                .omit_default_module_path(false)
                .generate(&staging)
        })
        .map_err(|e| format!("wasm-bindgen: {e:#}"))?;

    step("wasm-opt -Oz");
    let wasm_opt = root.join("node_modules/.bin/wasm-opt");
    if !wasm_opt.exists() {
        return Err(format!(
            "{} is missing: run `npm ci` (the README commands do it for you)",
            wasm_opt.display()
        ));
    }
    let bindgen_wasm = staging.join(format!("{APP}_bg.wasm"));
    let dist = root.join("dist");
    let _ = fs::remove_dir_all(&dist);
    fs::create_dir_all(&dist).map_err(|e| e.to_string())?;
    let status = Command::new(&wasm_opt)
        // -Oz to a fixed point; rustc/LLD never use the first KiB of memory (data starts at
        // 1 MiB), which lets binaryen fold address offsets; the two custom sections are
        // read by wasm-opt itself and are not needed by browsers.
        .args(["-Oz", "--converge", "--low-memory-unused"])
        .args(["--strip-producers", "--strip-target-features"])
        .arg(&bindgen_wasm)
        .arg("-o")
        .arg(dist.join(format!("{APP}_bg.wasm")))
        .status()
        .map_err(|e| format!("could not run wasm-opt: {e}"))?;
    if !status.success() {
        return Err("wasm-opt failed".into());
    }

    step("assemble dist/");
    let glue = fs::read_to_string(staging.join(format!("{APP}.js"))).map_err(|e| e.to_string())?;
    // The glue finds the .wasm next to its own <script src>, so the page needs no inline
    // script (strict CSP) and a hospital can host the files anywhere.
    let script = format!("{glue}\nwasm_bindgen();\n");
    write(&dist.join(format!("{APP}.js")), script.as_bytes())?;
    write(&dist.join(format!("{APP}.css")), styles(root)?.as_bytes())?;
    let ui = &kb.ui[0].1;
    let page = fs::read_to_string(root.join("index.html"))
        .map_err(|e| e.to_string())?
        .replace("{{title}}", &ui.app_title)
        .replace("{{content_version}}", &kb.about.content_version);
    write(&dist.join("index.html"), page.as_bytes())?;

    print_sizes(&dist)?;
    println!(
        "built dist/ in {:.1}s (content version {})",
        started.elapsed().as_secs_f64(),
        kb.about.content_version
    );
    Ok(dist)
}

fn step(name: &str) {
    println!("[xtask] {name}");
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// Every stylesheet under `styles/`, in name order, as one file.
fn styles(root: &Path) -> Result<String, String> {
    let mut names: Vec<PathBuf> = fs::read_dir(root.join("styles"))
        .map_err(|e| format!("styles/: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "css"))
        .collect();
    names.sort();
    let mut css = String::new();
    for name in names {
        css.push_str(&fs::read_to_string(&name).map_err(|e| e.to_string())?);
        css.push('\n');
    }
    Ok(css)
}

/// The gzip size of `bytes` at the best compression level (what a server would send).
pub fn gzip_len(bytes: &[u8]) -> usize {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes).expect("in-memory write");
    encoder.finish().expect("in-memory write").len()
}

fn print_sizes(dist: &Path) -> Result<(), String> {
    let mut files: Vec<PathBuf> = fs::read_dir(dist)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    println!("\n{:<24} {:>10} {:>10}", "shipped file", "raw B", "gzip B");
    let (mut raw_total, mut gz_total) = (0, 0);
    for path in files {
        let bytes = fs::read(&path).map_err(|e| e.to_string())?;
        let gz = gzip_len(&bytes);
        raw_total += bytes.len();
        gz_total += gz;
        let name = path.file_name().unwrap().to_string_lossy();
        println!("{name:<24} {:>10} {:>10}", bytes.len(), gz);
    }
    println!("{:<24} {raw_total:>10} {gz_total:>10}\n", "total");
    Ok(())
}
