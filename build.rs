//! Loads and lints `content/` with the kb crate, so broken content fails the build, then embeds
//! the validated knowledge base's structure and default-language text in the app as compact
//! binary (postcard), with the stylesheets.

use std::path::Path;

// The same stylesheet reader as the page builder's.
#[path = "xtask/src/css.rs"]
mod css;

fn main() {
    let content = Path::new("content");
    println!("cargo:rerun-if-changed=content");
    let kb = match avn_kb::load::load_dir(content) {
        Ok(kb) => kb,
        Err(problems) => {
            for p in &problems {
                println!("cargo:warning={p}");
            }
            let all: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
            panic!(
                "the content has {} problem(s); fix them before building:\n{}",
                problems.len(),
                all.join("\n")
            );
        }
    };
    let out = std::env::var("OUT_DIR").unwrap();
    // The structure, and the default language's text as a string table; each other language
    // is a pack beside the code (xtask writes them from the same split, so their fingerprints
    // match this structure).
    let (bytes, packs) =
        avn_kb::pack::split(&kb, postcard::to_allocvec).expect("the knowledge base serialises");
    std::fs::write(Path::new(&out).join("default.pack"), packs[0].write())
        .expect("OUT_DIR is writable");
    std::fs::write(Path::new(&out).join("kb.postcard"), bytes).expect("OUT_DIR is writable");
    std::fs::write(Path::new(&out).join("styles.css"), styles()).expect("OUT_DIR is writable");
}

/// Every stylesheet under `styles/`, in name order, as one, for the app to adopt into each
/// instance's shadow root.
fn styles() -> String {
    println!("cargo:rerun-if-changed=styles");
    println!("cargo:rerun-if-changed=xtask/src/css.rs");
    css::stylesheets(Path::new("styles")).expect("styles/ is readable")
}
