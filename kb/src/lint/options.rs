//! Treatment options: texts in balance (also in each variant), offers, figures, variants.

use super::{figures, Lint, Rule};
use crate::files::{parsed, Content, LocalText, OptionFile};

pub(super) fn check(lint: &mut Lint, c: &Content) {
    for (e, o) in parsed(&c.options) {
        lint.order("option", o.order, e);
        for (field, text) in [
            ("name", &o.name),
            ("summary", &o.summary),
            ("involves", &o.involves),
            ("benefits", &o.benefits),
            ("harms", &o.harms),
            ("living_with", &o.living_with),
        ] {
            lint.patient(&e.path, field, text);
        }
        balance(lint, &e.path, "benefits / harms", &o.benefits, &o.harms);
        for (i, offer) in o.offered.iter().enumerate() {
            lint.joint(&e.path, &format!("offered[{i}].joint"), &offer.joint);
        }
        if let Some([low, high]) = o.recovery_weeks {
            if low > high {
                lint.push(
                    Rule::BadFigure,
                    &e.path,
                    "recovery_weeks",
                    format!("the range {low}–{high} weeks must have its low end first"),
                );
            }
        }
        for (i, f) in o.figure.iter().enumerate() {
            figures::check(lint, &e.path, &format!("figure[{i}]"), f);
            if let Some(j) = &f.joint {
                if lint.known.joints.contains(j) && !offers(o, j) {
                    lint.push(
                        Rule::FigureForOtherJoint,
                        &e.path,
                        format!("figure[{i}].joint"),
                        format!("this option has no [[offered]] for joint \"{j}\": offer it there or fix the joint"),
                    );
                }
            }
        }
        variants(lint, &e.path, o);
        lint.date(&e.path, "reviewed", &o.reviewed);
        lint.sources(&e.path, "sources", &o.sources);
    }
}

fn offers(o: &OptionFile, joint: &str) -> bool {
    o.offered.iter().any(|x| x.joint == joint)
}

/// Each `[[variant]]`: it names where it applies (joints the option is offered for), sets some
/// text, and the benefits and harms a patient sees there stay in balance.
fn variants(lint: &mut Lint, path: &str, o: &OptionFile) {
    for (i, v) in o.variant.iter().enumerate() {
        let at = |field: &str| format!("variant[{i}].{field}");
        if v.joints.is_empty() && v.phases.is_empty() {
            lint.push(
                Rule::VariantNowhere,
                path,
                at("joints"),
                "a variant names the joints and/or stage groups (phases) it is for",
            );
        }
        for (k, joint) in v.joints.iter().enumerate() {
            if !lint.known.joints.contains(joint) {
                lint.joint(path, &at(&format!("joints[{k}]")), joint);
            } else if !offers(o, joint) {
                lint.push(
                    Rule::VariantNowhere,
                    path,
                    at(&format!("joints[{k}]")),
                    format!("this option is not offered for \"{joint}\", so no patient sees this variant"),
                );
            }
        }
        let fields = [
            ("summary", &v.summary),
            ("involves", &v.involves),
            ("benefits", &v.benefits),
            ("harms", &v.harms),
            ("living_with", &v.living_with),
        ];
        if fields.iter().all(|(_, t)| t.is_none()) {
            lint.push(
                Rule::VariantNowhere,
                path,
                format!("variant[{i}]"),
                "a variant sets at least one text (summary, involves, benefits, harms, living_with)",
            );
        }
        for (field, text) in fields {
            if let Some(text) = text {
                lint.patient(path, &at(field), text);
            }
        }
        if v.benefits.is_some() || v.harms.is_some() {
            let benefits = v.benefits.as_ref().unwrap_or(&o.benefits);
            let harms = v.harms.as_ref().unwrap_or(&o.harms);
            balance(lint, path, &at("benefits / harms"), benefits, harms);
        }
    }
}

/// Benefits and harms in equal detail: neither has over twice the words of the other.
fn balance(lint: &mut Lint, path: &str, field: &str, benefits: &LocalText, harms: &LocalText) {
    let default = lint.texts.default;
    let words = |t: &LocalText| t.get(default).map_or(0, |s| s.split_whitespace().count());
    let (b, h) = (words(benefits), words(harms));
    if b > 2 * h.max(1) || h > 2 * b.max(1) {
        lint.push(
            Rule::Unbalanced,
            path,
            field,
            format!("benefits have {b} words and harms {h}: give both in equal detail"),
        );
    }
}
