//! Warning signs and situations: where they show, what they say, and where that comes from.

use super::{Lint, Rule};
use crate::files::{parsed, Content};
use std::collections::BTreeSet;

pub(super) fn check(lint: &mut Lint, c: &Content) {
    let mut ids = BTreeSet::new();
    for (e, f) in parsed(&c.warning_signs) {
        for s in &f.sign {
            let at = |field: &str| format!("sign \"{}\".{field}", s.id);
            lint.listed_id(
                &e.path,
                at("id"),
                &s.id,
                &mut ids,
                "this sign appears twice",
            );
            lint.patient(&e.path, &at("text"), &s.text);
            lint.sources(&e.path, &at("sources"), &s.sources);
            for (i, joint) in s.joints.iter().enumerate() {
                lint.joint(&e.path, &at(&format!("joints[{i}]")), joint);
            }
            for (i, option) in s.after.iter().enumerate() {
                lint.option(&e.path, &at(&format!("after[{i}]")), option);
            }
            if s.joints.is_empty() && s.after.is_empty() && !s.after_operation {
                lint.push(
                    Rule::VariantNowhere,
                    &e.path,
                    at("joints"),
                    "this sign shows nowhere: name its joints, or the treatments it follows (after)",
                );
            }
        }
    }
}

/// Situations: each has notes, and each note names real joints and options.
pub(super) fn situations(lint: &mut Lint, c: &Content) {
    for (e, f) in parsed(&c.situations) {
        lint.order("situation", f.order, e);
        lint.patient(&e.path, "name", &f.name);
        lint.date(&e.path, "reviewed", &f.reviewed);
        if f.note.is_empty() {
            lint.push(
                Rule::Empty,
                &e.path,
                "note",
                "a situation needs at least one [[note]]: what matters in it",
            );
        }
        for (i, n) in f.note.iter().enumerate() {
            let at = |field: &str| format!("note[{i}].{field}");
            lint.patient(&e.path, &at("text"), &n.text);
            lint.sources(&e.path, &at("sources"), &n.sources);
            for (k, joint) in n.joints.iter().enumerate() {
                lint.joint(&e.path, &at(&format!("joints[{k}]")), joint);
            }
            for (k, option) in n.options.iter().enumerate() {
                lint.option(&e.path, &at(&format!("options[{k}]")), option);
            }
        }
    }
}
