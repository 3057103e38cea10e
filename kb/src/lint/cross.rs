//! Rules only the whole content can check: every joint staged, watch and wait and enough
//! alternatives at every stage group, an operation for late stages, warning signs for every
//! joint and after every operation, one certainty per figure, and no source left uncited.

use super::{Lint, Rule};
use crate::files::{parsed, Content, FigureEntry, OptionFile};
use crate::{Certainty, Offered, OptionKind, Phase, Role, Urgency};
use std::collections::BTreeMap;

pub(super) fn check(lint: &mut Lint, c: &Content) {
    // A file that did not parse may be the one that stages a joint, offers an option or cites a
    // source: judge what is missing only when every such file could be read.
    let systems_ok = c.systems.iter().all(|e| e.file.is_some());
    let options_ok = c.options.iter().all(|e| e.file.is_some());
    let signs_ok = c.warning_signs.iter().all(|e| e.file.is_some());
    let citers_ok = systems_ok
        && options_ok
        && signs_ok
        && c.topics.iter().all(|e| e.file.is_some())
        && c.risk_factors.iter().all(|e| e.file.is_some())
        && c.faqs.iter().all(|e| e.file.is_some())
        && c.situations.iter().all(|e| e.file.is_some());

    for (e, _) in parsed(&c.joints) {
        let systems: Vec<_> = parsed(&c.systems)
            .filter(|(_, s)| s.joint == e.id)
            .collect();
        if systems_ok && systems.is_empty() {
            lint.push(
                Rule::Empty,
                &e.path,
                "(file)",
                format!(
                    "no staging system in content/staging/ names joint \"{}\"",
                    e.id
                ),
            );
        }
        if options_ok {
            let has_late = systems
                .iter()
                .any(|(_, s)| s.stage.iter().any(|st| st.phase == Phase::Late));
            choices(lint, c, &e.path, &e.id, has_late);
        }
        if signs_ok {
            own_sign(lint, c, &e.path, &e.id);
        }
    }
    if signs_ok {
        for (e, o) in parsed(&c.options).filter(|(_, o)| o.kind.is_operation()) {
            let covered = parsed(&c.warning_signs)
                .flat_map(|(_, f)| &f.sign)
                .any(|s| s.after_operation || s.after.contains(&e.id));
            if !covered && !o.offered.is_empty() {
                lint.push(
                    Rule::NoAftercareSign,
                    &e.path,
                    "(file)",
                    "no warning sign covers the time after this operation: add one with \
                     after = [\"<this option>\"] (or after_operation = true) in content/warning-signs/",
                );
            }
        }
    }
    one_certainty_per_figure(lint, c);
    if citers_ok {
        for e in &c.sources {
            if !lint.cited.contains(&e.id) {
                lint.push(
                    Rule::OrphanSource,
                    &e.path,
                    "(file)",
                    "nothing cites this source: cite it or remove the file",
                );
            }
        }
    }
}

/// Watch and wait, at least two alternatives, and (where the joint has late stages) an
/// operation, at every stage group of `joint`.
fn choices(lint: &mut Lint, c: &Content, path: &str, joint: &str, has_late: bool) {
    let offered = |phase: Phase| -> Vec<(&OptionFile, Offered, Role)> {
        parsed(&c.options)
            .filter_map(|(_, o)| {
                let offer = o.offered.iter().find(|x| x.joint == joint)?;
                let at = match phase {
                    Phase::Early => offer.early,
                    Phase::Intermediate => offer.intermediate,
                    Phase::Late => offer.late,
                };
                Some((o, at, offer.role.unwrap_or(o.role)))
            })
            .collect()
    };
    for phase in Phase::ALL {
        let options = offered(phase);
        let alternatives: Vec<_> = options
            .iter()
            .filter(|(_, _, role)| *role == Role::Alternative)
            .collect();
        let group = format!("{phase:?}").to_lowercase();
        if !alternatives
            .iter()
            .any(|(o, _, _)| o.kind == OptionKind::WatchAndWait)
        {
            lint.push(
                Rule::NoWatchAndWait,
                path,
                format!("({group} stages)"),
                format!(
                    "watch and wait is not offered as an alternative for \"{joint}\" at {group} \
                     stages: it must always be an option"
                ),
            );
        }
        if alternatives.len() < 2 {
            lint.push(
                Rule::TooFewAlternatives,
                path,
                format!("({group} stages)"),
                format!(
                    "\"{joint}\" has {} alternative(s) at {group} stages: a patient needs at \
                     least two to choose between (role = \"alternative\")",
                    alternatives.len()
                ),
            );
        }
        if phase == Phase::Late
            && has_late
            && !options.iter().any(|(o, at, _)| {
                o.kind.is_operation() && matches!(at, Offered::Usually | Offered::Sometimes)
            })
        {
            lint.push(
                Rule::NoLateOperation,
                path,
                "(late stages)",
                format!(
                    "no operation is usually or sometimes offered for \"{joint}\" at late stages"
                ),
            );
        }
    }
}

/// A sign naming at most this many joints counts as a joint's own (two: the knee's two kinds
/// share their signs); one naming more is general advice, however true for the joint.
const OWN_SIGN_JOINTS: usize = 2;

/// At least one same-day or emergency sign of the joint's own.
fn own_sign(lint: &mut Lint, c: &Content, path: &str, joint: &str) {
    let has_own = parsed(&c.warning_signs)
        .flat_map(|(_, f)| &f.sign)
        .any(|s| {
            !s.after_operation
                && s.after.is_empty()
                && matches!(s.urgency, Urgency::Emergency | Urgency::SameDay)
                && s.joints.iter().any(|j| j == joint)
                && s.joints.len() <= OWN_SIGN_JOINTS
        });
    if !has_own {
        lint.push(
            Rule::NoOwnWarningSign,
            path,
            "(file)",
            format!(
                "\"{joint}\" has no same-day or emergency warning sign of its own: add one with \
                 joints = [\"{joint}\"] in content/warning-signs/"
            ),
        );
    }
}

/// Every figure in the content, with where it is.
fn all_figures(c: &Content) -> Vec<(&str, String, &FigureEntry)> {
    let mut all = Vec::new();
    for (e, o) in parsed(&c.options) {
        for (i, f) in o.figure.iter().enumerate() {
            all.push((e.path.as_str(), format!("figure[{i}]"), f));
        }
    }
    for (e, s) in parsed(&c.systems) {
        for st in &s.stage {
            for (i, f) in st.figure.iter().enumerate() {
                all.push((
                    e.path.as_str(),
                    format!("stage \"{}\".figure[{i}]", st.code),
                    f,
                ));
            }
        }
        for m in &s.modifier {
            for (i, f) in m.figure.iter().enumerate() {
                all.push((
                    e.path.as_str(),
                    format!("modifier \"{}\".figure[{i}]", m.code),
                    f,
                ));
            }
        }
    }
    for (e, r) in parsed(&c.risk_factors) {
        for (i, f) in r.figure.iter().enumerate() {
            all.push((e.path.as_str(), format!("figure[{i}]"), f));
        }
    }
    all
}

/// The same figure (same sources, number, range and span) has the same certainty everywhere.
fn one_certainty_per_figure(lint: &mut Lint, c: &Content) {
    type Key = (Vec<String>, u8, Option<u8>, Option<u8>, u32);
    let mut first: BTreeMap<Key, (Certainty, String)> = BTreeMap::new();
    for (path, field, f) in all_figures(c) {
        let mut sources = f.sources.clone();
        sources.sort();
        let key = (sources, f.per_100, f.low, f.high, f.years.to_bits());
        match first.get(&key) {
            None => {
                first.insert(key, (f.certainty, format!("{path}: {field}")));
            }
            Some((certainty, at)) if *certainty != f.certainty => lint.push(
                Rule::CertaintyDiffers,
                path,
                format!("{field}.certainty"),
                format!(
                    "the same figure ({} in 100 over {} years) is graded {} at {at}: one \
                     figure has one certainty",
                    f.per_100,
                    f.years,
                    grade(*certainty)
                ),
            ),
            Some(_) => {}
        }
    }
}

/// A certainty as content files write it.
fn grade(certainty: Certainty) -> &'static str {
    match certainty {
        Certainty::High => "high",
        Certainty::Moderate => "moderate",
        Certainty::Low => "low",
        Certainty::VeryLow => "very-low",
        Certainty::NoEvidence => "no-evidence",
    }
}
