//! The content linter: every rule has a stable code, and a run reports every problem in every
//! file at once, each with the file, the field and what to do about it. Each kind of file has
//! its own checks (one module each); `cross` then checks what only the whole content can show
//! (orphan sources, watch and wait everywhere, enough choices, warning signs per joint).

mod about;
mod cross;
mod figures;
mod options;
mod reference;
mod report;
mod rules;
mod signs;
mod staging;
mod texts;

pub use rules::{Problem, Rule};
pub use texts::Glossary;

use crate::files::{Content, Entry};
use std::collections::{BTreeMap, BTreeSet};
use texts::TextCheck;

/// Runs every rule over content that has been read. Files that did not parse are skipped here
/// (their problem is already reported), but still count as existing, so one broken file does
/// not also make everything that cites it look broken.
pub fn check(c: &Content) -> Vec<Problem> {
    let languages: Vec<String> = c
        .about
        .as_ref()
        .and_then(|e| e.file.as_ref())
        .map(|a| a.language.iter().map(|l| l.code.clone()).collect())
        .unwrap_or_else(|| vec!["en".into()]);
    let default = languages.first().cloned().unwrap_or_default();
    let glossary = Glossary::of(c, &default);
    let known = Known::of(c);
    let mut lint = Lint {
        out: Vec::new(),
        texts: TextCheck {
            languages: &languages,
            default: &default,
            glossary: &glossary,
        },
        known: &known,
        cited: BTreeSet::new(),
        orders: BTreeMap::new(),
    };
    about::check(&mut lint, c);
    staging::check(&mut lint, c);
    options::check(&mut lint, c);
    reference::check(&mut lint, c);
    signs::check(&mut lint, c);
    signs::situations(&mut lint, c);
    report::check(&mut lint, c);
    cross::check(&mut lint, c);
    lint.out
}

/// The IDs that exist, for checking references.
struct Known {
    joints: BTreeSet<String>,
    sources: BTreeSet<String>,
    options: BTreeSet<String>,
    /// Stage IDs, with the joint of their system.
    stages: BTreeMap<String, String>,
}

impl Known {
    fn of(c: &Content) -> Known {
        let ids = |ids: Vec<&String>| ids.into_iter().cloned().collect();
        Known {
            joints: ids(c.joints.iter().map(|e| &e.id).collect()),
            sources: ids(c.sources.iter().map(|e| &e.id).collect()),
            options: ids(c.options.iter().map(|e| &e.id).collect()),
            stages: crate::files::parsed(&c.systems)
                .flat_map(|(e, s)| {
                    s.stage.iter().map(move |st| {
                        let id = crate::files::stage_id(&e.id, &st.code, st.part.as_deref());
                        (id, s.joint.clone())
                    })
                })
                .collect(),
        }
    }
}

/// One lint run: the problems found so far, and what the checks share.
struct Lint<'a> {
    out: Vec<Problem>,
    texts: TextCheck<'a>,
    known: &'a Known,
    /// Sources something cites.
    cited: BTreeSet<String>,
    /// Display orders in use, by kind, with the file using each.
    orders: BTreeMap<(String, u32), String>,
}

impl Lint<'_> {
    fn push(
        &mut self,
        rule: Rule,
        file: &str,
        field: impl Into<String>,
        message: impl Into<String>,
    ) {
        self.out.push(Problem::new(rule, file, field, message));
    }

    /// Patient text: present, in declared languages, readable, terms explained.
    fn patient(&mut self, file: &str, field: &str, text: &crate::files::LocalText) {
        self.texts.patient(&mut self.out, file, field, text);
    }

    /// Text that must exist in the default language, in declared languages only.
    fn present(&mut self, file: &str, field: &str, text: &crate::files::LocalText) {
        self.texts.check(&mut self.out, file, field, text);
    }

    fn date(&mut self, file: &str, field: &str, value: &str) {
        if !rules::is_iso_date(value) {
            self.push(
                Rule::BadDate,
                file,
                field,
                format!("\"{value}\" is not an ISO date (YYYY-MM-DD)"),
            );
        }
    }

    /// A list of cited sources: at least one, each existing; they count as cited.
    fn sources(&mut self, file: &str, field: &str, cited: &[String]) {
        if cited.is_empty() {
            self.push(
                Rule::MissingSource,
                file,
                field,
                "cite at least one source (a file name under content/sources/)",
            );
        }
        for id in cited {
            if !self.known.sources.contains(id) {
                self.push(
                    Rule::BrokenReference,
                    file,
                    field,
                    format!("no source \"{id}\" in content/sources/"),
                );
            }
            self.cited.insert(id.clone());
        }
    }

    /// A joint reference that must exist.
    fn joint(&mut self, file: &str, field: &str, joint: &str) {
        if !self.known.joints.contains(joint) {
            self.push(
                Rule::BrokenReference,
                file,
                field,
                format!("no joint \"{joint}\" in content/joints/"),
            );
        }
    }

    /// An option reference that must exist.
    fn option(&mut self, file: &str, field: &str, option: &str) {
        if !self.known.options.contains(option) {
            self.push(
                Rule::BrokenReference,
                file,
                field,
                format!("no option \"{option}\" in content/options/"),
            );
        }
    }

    /// A display order that must be unique among files of `kind`.
    fn order<T>(&mut self, kind: &str, order: u32, e: &Entry<T>) {
        if let Some(other) = self.orders.insert((kind.to_string(), order), e.id.clone()) {
            self.push(
                Rule::Duplicate,
                &e.path,
                "order",
                format!("order {order} is also used by \"{other}\""),
            );
        }
    }

    /// An ID written inside a list (a glossary term, a finder question, a warning sign):
    /// kebab-case, and not already in `seen`.
    fn listed_id(
        &mut self,
        path: &str,
        at: String,
        id: &str,
        seen: &mut BTreeSet<String>,
        twice: &str,
    ) {
        if !is_kebab(id) {
            self.push(
                Rule::BadName,
                path,
                at.clone(),
                "an ID is lower-case letters, digits and dashes",
            );
        }
        if !seen.insert(id.to_string()) {
            self.push(Rule::Duplicate, path, at, twice);
        }
    }
}

/// Whether `s` is a valid ID: lower-case letters, digits and single dashes.
pub fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

pub use rules::is_iso_date;
