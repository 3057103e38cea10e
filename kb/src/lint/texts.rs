//! Checks every patient text shares: present in the default language, only in declared
//! languages, readable, and every medical-looking word explained by the glossary.

use super::{Problem, Rule};
use crate::files::{parsed, Content, LocalText};
use crate::readability;

/// The glossary as the linter needs it: every known term form, and the plain-word list.
#[derive(Default)]
pub struct Glossary {
    /// Terms and their other forms, lower case.
    pub known: Vec<String>,
    /// Words that look medical but need no entry, lower case.
    pub plain: Vec<String>,
}

impl Glossary {
    /// Reads the glossary file's terms in the default language.
    pub fn of(c: &Content, default: &str) -> Glossary {
        let mut glossary = Glossary::default();
        for (_, g) in parsed(&c.glossary) {
            for t in &g.term {
                glossary
                    .known
                    .extend(t.term.get(default).map(|s| s.to_lowercase()));
                glossary
                    .known
                    .extend(t.also.iter().map(|s| s.to_lowercase()));
            }
            glossary
                .plain
                .extend(g.plain.iter().map(|s| s.to_lowercase()));
        }
        glossary
    }
}

pub(super) struct TextCheck<'a> {
    pub(super) languages: &'a [String],
    pub(super) default: &'a str,
    pub(super) glossary: &'a Glossary,
}

impl TextCheck<'_> {
    /// Patient text: present in the default language, in declared languages only, readable,
    /// and with every medical-looking word explained by the glossary.
    pub(super) fn patient(
        &self,
        out: &mut Vec<Problem>,
        file: &str,
        field: &str,
        text: &LocalText,
    ) {
        self.check(out, file, field, text);
        let Some(t) = text.get(self.default) else {
            return;
        };
        if let Some(grade) = readability::grade(t, &self.glossary.known) {
            if grade > 10.0 {
                out.push(Problem::new(
                    Rule::HardToRead,
                    file,
                    field,
                    format!(
                        "reading grade {grade:.1} is above 10: use shorter sentences and words"
                    ),
                ));
            }
        }
        let unexplained =
            readability::unexplained_terms(t, &self.glossary.known, &self.glossary.plain);
        if !unexplained.is_empty() {
            out.push(Problem::new(
                Rule::UnexplainedTerm,
                file,
                field,
                format!(
                    "{} not in glossary.toml: add a [[term]] (or, if plain, add it to `plain`)",
                    unexplained.join(", ")
                ),
            ));
        }
    }

    pub(super) fn check(&self, out: &mut Vec<Problem>, file: &str, field: &str, text: &LocalText) {
        match text.get(self.default) {
            Some(t) if !t.trim().is_empty() => {}
            _ => out.push(Problem::new(
                Rule::MissingText,
                file,
                field,
                format!(
                    "needs text in the default language ({field}.{} = \"…\")",
                    self.default
                ),
            )),
        }
        for lang in text.keys().filter(|l| !self.languages.contains(l)) {
            out.push(Problem::new(
                Rule::UnknownLanguage,
                file,
                format!("{field}.{lang}"),
                format!("\"{lang}\" is not a language declared in kb.toml"),
            ));
        }
    }
}
