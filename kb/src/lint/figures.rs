//! An outcome figure, wherever it appears: N out of 100 (range around it), over a time, for a
//! group, with sources; what it counts, for which joint and stage group.

use super::{Lint, Rule};
use crate::files::FigureEntry;

pub(super) fn check(lint: &mut Lint, file: &str, field: &str, f: &FigureEntry) {
    match (&f.joint, f.measure) {
        (Some(j), _) => lint.joint(file, &format!("{field}.joint"), j),
        (None, Some(_)) => lint.push(
            Rule::MeasureWithoutJoint,
            file,
            format!("{field}.joint"),
            "a figure with a measure needs the joint its group had, so options can be compared per joint",
        ),
        _ => {}
    }
    if f.measure.is_some() && f.phases.is_empty() {
        lint.push(
            Rule::FigureWithoutStageGroup,
            file,
            format!("{field}.phases"),
            "a figure that is compared needs the stage groups of its group (phases), so a \
             comparison never shows it for another stage group",
        );
    }
    for (i, stage) in f.stages.iter().enumerate() {
        let at = format!("{field}.stages[{i}]");
        match lint.known.stages.get(stage) {
            None => lint.push(
                Rule::BrokenReference,
                file,
                at,
                format!("no stage \"{stage}\" (a stage ID is <staging file>/<code>)"),
            ),
            Some(joint) if f.joint.as_ref().is_some_and(|j| j != joint) => lint.push(
                Rule::BrokenReference,
                file,
                at,
                format!(
                    "stage \"{stage}\" is a stage of joint \"{joint}\", not of this figure's joint"
                ),
            ),
            Some(_) => {}
        }
    }
    let mut bad = |why: String| lint.push(Rule::BadFigure, file, field, why);
    if f.out_of != 100 {
        bad(format!(
            "out_of is {}: every figure is per 100 people",
            f.out_of
        ));
    }
    if f.per_100 > 100 {
        bad(format!("per_100 is {}: it cannot be over 100", f.per_100));
    }
    if let (Some(low), Some(high)) = (f.low, f.high) {
        if !(low <= f.per_100 && f.per_100 <= high && high <= 100) {
            bad(format!(
                "the range {low}–{high} must contain per_100 ({}) and stay within 100",
                f.per_100
            ));
        }
    } else if f.low.is_some() != f.high.is_some() {
        bad("give both low and high, or neither".into());
    }
    if !(f.years.is_finite() && f.years > 0.0) {
        bad("years must be a time span above 0".into());
    }
    if let Some(outcome) = f.outcome.get("en") {
        let first = outcome
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase();
        if ["the", "a", "an"].contains(&first.as_str()) {
            lint.push(
                Rule::OutcomeNotAPhrase,
                file,
                format!("{field}.outcome"),
                format!(
                    "\"{outcome}\" must read after \"N in 100 …\": say what happened, e.g. \
                     \"had the ball of the hip collapse\""
                ),
            );
        }
    }
    lint.patient(file, &format!("{field}.outcome"), &f.outcome);
    lint.patient(file, &format!("{field}.group"), &f.group);
    if let Some(note) = &f.note {
        lint.patient(file, &format!("{field}.note"), note);
    }
    lint.sources(file, &format!("{field}.sources"), &f.sources);
}
