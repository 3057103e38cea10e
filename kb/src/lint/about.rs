//! `kb.toml` (format, dates, languages, the change log) and the interface-text files.

use super::{Lint, Rule};
use crate::files::Content;
use std::collections::BTreeSet;

pub(super) fn check(lint: &mut Lint, c: &Content) {
    if let Some((e, a)) = c.about.as_ref().and_then(|e| Some((e, e.file.as_ref()?))) {
        if a.format_version != 1 {
            lint.push(
                Rule::Schema,
                &e.path,
                "format_version",
                format!(
                    "format_version {} is not supported; use 1",
                    a.format_version
                ),
            );
        }
        lint.date(&e.path, "published", &a.published);
        lint.date(&e.path, "reviewed", &a.reviewed);
        lint.date(&e.path, "next_review", &a.next_review);
        if a.language.is_empty() {
            lint.push(
                Rule::Empty,
                &e.path,
                "language",
                "declare at least one [[language]]; the first is the default",
            );
        }
        let mut seen = BTreeSet::new();
        for (i, l) in a.language.iter().enumerate() {
            if !seen.insert(&l.code) {
                lint.push(
                    Rule::Duplicate,
                    &e.path,
                    format!("language[{i}].code"),
                    format!("language \"{}\" is declared twice", l.code),
                );
            }
            if !c.ui.iter().any(|u| u.id == l.code) {
                lint.push(
                    Rule::UnknownLanguage,
                    &e.path,
                    format!("language[{i}].code"),
                    format!(
                        "\"{}\" is declared but content/ui/{}.toml is missing",
                        l.code, l.code
                    ),
                );
            }
        }
        for (i, change) in a.change.iter().enumerate() {
            let at = |field: &str| format!("change[{i}].{field}");
            lint.date(&e.path, &at("date"), &change.date);
            if change.version.trim().is_empty() {
                lint.push(
                    Rule::Empty,
                    &e.path,
                    at("version"),
                    "name the content version",
                );
            }
            lint.patient(&e.path, &at("summary"), &change.summary);
        }
    }
    for u in &c.ui {
        if !lint.texts.languages.contains(&u.id) {
            lint.push(
                Rule::UnknownLanguage,
                &u.path,
                "(file name)",
                format!("language \"{}\" is not declared in kb.toml", u.id),
            );
        }
    }
}
