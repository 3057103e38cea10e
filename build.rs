//! Loads and lints `content/` with the kb crate, so broken content fails the build, then embeds
//! the validated knowledge base in the app as compact binary (postcard).

use std::path::Path;

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
    let bytes = postcard::to_allocvec(&kb).expect("the knowledge base serialises");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("kb.postcard");
    std::fs::write(out, bytes).expect("OUT_DIR is writable");
}
