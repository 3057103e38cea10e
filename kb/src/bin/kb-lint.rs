//! `kb-lint [DIR]`: lints a content folder (default `content`) without building the app, and
//! prints the counts and the reading-grade distribution, or every problem.

use std::process::ExitCode;

fn main() -> ExitCode {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "content".into());
    match avn_kb::load::load_dir(std::path::Path::new(&dir)) {
        Ok(kb) => {
            print!("{}", avn_kb::load::summary(&kb));
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for p in &problems {
                println!("{p}");
            }
            eprintln!("error: {} problem(s) in {dir}", problems.len());
            ExitCode::FAILURE
        }
    }
}
