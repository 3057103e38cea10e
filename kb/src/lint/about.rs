//! `kb.toml` (format, dates, languages, the change log) and the interface-text files.

use super::{Lint, Rule};
use crate::files::Content;
use crate::LanguageStatus;
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
            if i == 0 && !c.ui.iter().any(|u| u.id == l.code) {
                lint.push(
                    Rule::UnknownLanguage,
                    &e.path,
                    format!("language[{i}].code"),
                    format!(
                        "\"{}\" is the default language but content/ui/{}.toml is missing",
                        l.code, l.code
                    ),
                );
            }
            let problem = if i == 0 && l.status == LanguageStatus::Draft {
                Some("the default language is what every other one falls back to: it cannot be a draft")
            } else if i == 0 && l.pseudo {
                Some("the default language is the source of the pseudo-translation, not one")
            } else if l.pseudo && l.status != LanguageStatus::Draft {
                Some("a pseudo-language is never offered to patients: give it status = \"draft\"")
            } else {
                None
            };
            if let Some(message) = problem {
                lint.push(
                    Rule::LanguageDeclaration,
                    &e.path,
                    format!("language[{i}]"),
                    message,
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
    let default = lint.texts.default;
    for u in &c.ui {
        let translated = u.path.contains("/i18n/");
        if !translated && u.id != default && lint.texts.languages.contains(&u.id) {
            lint.push(
                Rule::UnknownLanguage,
                &u.path,
                "(file name)",
                format!(
                    "only the default language's interface text lives in content/ui/: move \
                     \"{}\" to content/i18n/{}/ui.toml (a translation file)",
                    u.id, u.id
                ),
            );
        }
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
