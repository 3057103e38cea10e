//! Stylesheets made smaller for download: shared by the app's build script (the styles it
//! adopts) and the page builder (the start view's styles), included in both by path.

use std::fs;
use std::path::{Path, PathBuf};

/// Every stylesheet in `dir`, in name order, made smaller and joined.
pub fn stylesheets(dir: &Path) -> Result<String, String> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "css"))
        .collect();
    files.sort();
    let mut out = String::new();
    for file in files {
        let css = fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        out.push_str(&without_comments_and_indents(&css));
    }
    Ok(out)
}

/// CSS without its comments and with each run of white space made one space, and none next to
/// `{`, `}` or `;`: every patient downloads them. (Strings and `url()` in the aid's
/// styles hold no `/*` or significant runs of spaces.)
pub fn without_comments_and_indents(css: &str) -> String {
    let mut text = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(at) = rest.find("/*") {
        text.push_str(&rest[..at]);
        rest = rest[at + 2..]
            .find("*/")
            .map_or("", |end| &rest[at + 2 + end + 2..]);
    }
    text.push_str(rest);
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        let joins = |c: char| matches!(c, '{' | '}' | ';');
        if !out.is_empty() && !out.ends_with(joins) && !word.starts_with(joins) {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_styles_lose_comments_and_indents_only() {
        let css = "/* a note */\n.a b:hover {\n  color: red;\n  margin: 0 auto;\n}\n@media print { .c { x: y } }";
        assert_eq!(
            without_comments_and_indents(css),
            ".a b:hover{color: red;margin: 0 auto;}@media print{.c{x: y}}"
        );
    }
}
