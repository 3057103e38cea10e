//! Joints, and staging systems with their stages and sub-types.

use super::{figures, is_kebab, Lint, Rule};
use crate::files::{parsed, Content, StageEntry};
use std::collections::BTreeSet;

pub(super) fn check(lint: &mut Lint, c: &Content) {
    for (e, j) in parsed(&c.joints) {
        lint.patient(&e.path, "name", &j.name);
        lint.patient(&e.path, "title", &j.title);
        lint.patient(&e.path, "about", &j.about);
        lint.patient(&e.path, "phase.early", &j.phase.early);
        lint.patient(&e.path, "phase.intermediate", &j.phase.intermediate);
        lint.patient(&e.path, "phase.late", &j.phase.late);
        lint.date(&e.path, "reviewed", &j.reviewed);
        lint.order("joint", j.order, e);
    }
    for (e, s) in parsed(&c.systems) {
        lint.joint(&e.path, "joint", &s.joint);
        lint.order(&format!("system of {}", s.joint), s.order, e);
        lint.patient(&e.path, "name", &s.name);
        lint.patient(&e.path, "about", &s.about);
        lint.date(&e.path, "reviewed", &s.reviewed);
        lint.sources(&e.path, "sources", &s.sources);
        if s.stage.is_empty() {
            lint.push(
                Rule::Empty,
                &e.path,
                "stage",
                "a staging system needs at least one [[stage]]",
            );
        }
        let several_systems = parsed(&c.systems)
            .filter(|(_, o)| o.joint == s.joint)
            .count()
            > 1;
        let mut seen = BTreeSet::new();
        for st in &s.stage {
            stage(lint, &e.path, st, several_systems, &mut seen);
        }
        let mut modifier_codes = BTreeSet::new();
        for m in &s.modifier {
            let at = |field: &str| format!("modifier \"{}\".{field}", m.code);
            if !modifier_codes.insert(m.code.as_str()) {
                lint.push(
                    Rule::Duplicate,
                    &e.path,
                    at("code"),
                    "this sub-type appears twice",
                );
            }
            lint.patient(&e.path, &at("meaning"), &m.meaning);
            lint.sources(&e.path, &at("sources"), &m.sources);
            for (i, f) in m.figure.iter().enumerate() {
                figures::check(lint, &e.path, &at(&format!("figure[{i}]")), f);
            }
        }
    }
}

fn stage<'a>(
    lint: &mut Lint,
    path: &str,
    st: &'a StageEntry,
    several_systems: bool,
    seen: &mut BTreeSet<(&'a str, Option<&'a str>)>,
) {
    let shown = match &st.part {
        Some(part) => format!("{}-{part}", st.code),
        None => st.code.clone(),
    };
    let at = |field: &str| format!("stage \"{shown}\".{field}");
    if st.code.is_empty() || !st.code.chars().all(|c| c.is_ascii_alphanumeric()) {
        lint.push(
            Rule::BadName,
            path,
            at("code"),
            "a stage code is letters and digits only, as on reports (e.g. IIIA)",
        );
    }
    if !seen.insert((st.code.as_str(), st.part.as_deref())) {
        lint.push(
            Rule::Duplicate,
            path,
            at("code"),
            format!("stage \"{shown}\" appears twice in this system"),
        );
    }
    if !is_report_code(&st.code) && st.name.is_none() {
        lint.push(
            Rule::CodeAsWord,
            path,
            at("name"),
            format!(
                "\"{}\" is not a code as on reports (such as II, IIIA or 3B): give the stage a \
                 `name` for patients so the code itself is never shown",
                st.code
            ),
        );
    }
    if let Some(name) = &st.name {
        lint.patient(path, &at("name"), name);
    }
    match (&st.part, &st.part_name) {
        (Some(part), name) => {
            if !is_kebab(part) {
                lint.push(
                    Rule::BadName,
                    path,
                    at("part"),
                    "a part is lower-case letters, digits and dashes (it is part of the stage ID)",
                );
            }
            match name {
                Some(name) => lint.patient(path, &at("part_name"), name),
                None => lint.push(
                    Rule::MissingText,
                    path,
                    at("part_name"),
                    "a stage split into parts needs part_name: what this part means",
                ),
            }
        }
        (None, Some(_)) => lint.push(
            Rule::Schema,
            path,
            at("part_name"),
            "part_name needs a part (the ID of this part of the stage)",
        ),
        (None, None) => {}
    }
    lint.patient(path, &at("summary"), &st.summary);
    lint.patient(path, &at("meaning"), &st.meaning);
    lint.patient(path, &at("imaging"), &st.imaging);
    lint.patient(path, &at("reversibility"), &st.reversibility);
    lint.sources(path, &at("sources"), &st.sources);
    if let Some(nh) = &st.natural_history {
        lint.patient(path, &at("natural_history"), nh);
    }
    for (i, f) in st.figure.iter().enumerate() {
        figures::check(lint, path, &at(&format!("figure[{i}]")), f);
    }
    if several_systems && st.milestones.is_empty() {
        lint.push(
            Rule::UnmappedStage,
            path,
            at("milestones"),
            "this joint has several staging systems: list the imaging milestones this stage spans",
        );
    }
}

/// Whether `code` is written the way reports write stage codes: Roman numerals or digits,
/// with at most one letter A to C after them (0, I, IIIA, 3B, IVC).
pub fn is_report_code(code: &str) -> bool {
    let body = code.strip_suffix(['A', 'B', 'C']).unwrap_or(code);
    !body.is_empty()
        && (body.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
            || body.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn report_codes_are_numerals_with_at_most_one_letter() {
        for code in ["0", "I", "IIIA", "3B", "IVC", "12"] {
            assert!(super::is_report_code(code), "{code}");
        }
        for code in ["AtRisk", "C", "IIIAB", "Early", "3D"] {
            assert!(!super::is_report_code(code), "{code}");
        }
    }
}
