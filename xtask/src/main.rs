//! `cargo xtask`: the project's build, serve and content-lint commands, in Rust, so a fresh
//! machine needs no global CLI beyond cargo (wasm-bindgen runs as a library; wasm-opt comes
//! from the npm `binaryen` package).

mod css;
mod dist;
mod first_view;
mod reference;
mod serve;
mod size_report;
mod wordpress;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command>
  build            build the optimised app into dist/ and print the shipped sizes
  build-test-panic build the test-only variant with a panic button into target/dist-test-panic/
  serve [--port N] build, then serve dist/ on http://127.0.0.1:N/ (default 8000)
  size-report      where the last build's wasm bytes go (code by crate, largest functions)
  lint [DIR]       lint the content folder (default content/) and list every problem";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // Work from the repository root so every path in messages reads `content/…`, `dist/…`.
    if let Err(e) = std::env::set_current_dir(root()) {
        eprintln!("error: cannot enter the repository root: {e}");
        return ExitCode::FAILURE;
    }
    let result = match args.first().map(String::as_str) {
        Some("build") => dist::build(Path::new("."), &dist::RELEASE).map(|_| ()),
        Some("build-test-panic") => dist::build(Path::new("."), &dist::TEST_PANIC).map(|_| ()),
        Some("serve") => serve_command(&args[1..]),
        Some("size-report") => size_report::report(Path::new(".")),
        Some("lint") => lint(args.get(1).map(PathBuf::from)),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The repository root (the parent of this crate).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn serve_command(args: &[String]) -> Result<(), String> {
    let port = match args {
        [] => 8000,
        [flag, n] if flag == "--port" => n.parse().map_err(|_| format!("bad port {n:?}"))?,
        _ => return Err(format!("unexpected arguments {args:?}\n{USAGE}")),
    };
    let dist = dist::build(Path::new("."), &dist::RELEASE)?;
    serve::serve(&dist, port)
}

fn lint(dir: Option<PathBuf>) -> Result<(), String> {
    let dir = dir.unwrap_or_else(|| PathBuf::from("content"));
    match avn_kb::load::load_dir(&dir) {
        Ok(kb) => {
            print!("{}", avn_kb::load::summary(&kb));
            Ok(())
        }
        Err(problems) => {
            for p in &problems {
                println!("{p}");
            }
            Err(format!(
                "{} problem(s) in {}",
                problems.len(),
                dir.display()
            ))
        }
    }
}
