//! Warning signs: where they show, what they say, and where that comes from.

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
                if !lint.known.options.contains(option) {
                    lint.push(
                        Rule::BrokenReference,
                        &e.path,
                        at(&format!("after[{i}]")),
                        format!("no option \"{option}\" in content/options/"),
                    );
                }
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
