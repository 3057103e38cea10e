//! Words for "Explain my report" that several of its components share: the report's own words
//! at a byte range, a side's name, a measurement's value, a stage's short label. Pure functions,
//! tested natively.

use avn_kb::report::{Measured, ReportMeasure, Side, Status, Unit};
use avn_kb::{fill, Kb, LangId, Stage, UiText};

/// The report's words at `range`, or `None` if the range is not whole characters of `text`.
pub fn words(text: &str, (start, end): (usize, usize)) -> Option<&str> {
    if start >= end {
        return None;
    }
    text.get(start..end)
}

/// The report's words at `range`, trimmed and with runs of white space (line breaks in a
/// sentence) made one space, for quoting in a list.
pub fn quote(text: &str, range: (usize, usize)) -> Option<String> {
    let words = words(text, range)?;
    let joined = words.split_whitespace().collect::<Vec<_>>().join(" ");
    (!joined.is_empty()).then_some(joined)
}

/// A side's heading: "Left side", "Right side", "Both sides", or the joint's name when the
/// report does not say.
pub fn side_name(
    kb: &Kb,
    ui: &UiText,
    lang: &LangId,
    joint: &avn_kb::JointId,
    side: Option<Side>,
) -> String {
    match side {
        Some(Side::Left) => ui.side_left.clone(),
        Some(Side::Right) => ui.side_right.clone(),
        Some(Side::Both) => ui.side_both.clone(),
        Some(Side::NotStated) | None => kb
            .joint(joint)
            .map_or_else(String::new, |j| j.name.get(lang).to_string()),
    }
}

/// The words that tell a screen reader (and anyone not seeing the line style) what the report
/// says of a finding.
pub fn status_words(ui: &UiText, status: Status, asked: bool) -> &str {
    if asked {
        return &ui.mark_asked;
    }
    match status {
        Status::Present => &ui.mark_present,
        Status::Absent => &ui.mark_absent,
        Status::Uncertain(_) => &ui.mark_unsure,
    }
}

/// The class that draws a finding's status as a line style.
pub fn status_class(status: Status, asked: bool) -> &'static str {
    if asked {
        return "avn-mark-asked";
    }
    match status {
        Status::Present => "avn-mark-present",
        Status::Absent => "avn-mark-absent",
        Status::Uncertain(_) => "avn-mark-unsure",
    }
}

/// One number with its unit: "3 mm", "10%", "0.5" (a ratio has none).
fn with_unit(ui: &UiText, unit: Unit, n: f64) -> String {
    let n = number(n);
    match unit {
        Unit::Mm => fill(&ui.unit_mm, &[("n", &n)]),
        Unit::Percent => fill(&ui.unit_percent, &[("n", &n)]),
        Unit::Degrees => fill(&ui.unit_degrees, &[("n", &n)]),
        Unit::None => n,
    }
}

/// A number as a report writes it: no trailing ".0", at most two decimals.
fn number(n: f64) -> String {
    avn_kb::report::number_text(n)
}

/// A measurement's value with its bounds: "3 mm", "2 to 4 mm", "up to 2 mm", "at least 30%".
pub fn value(ui: &UiText, measured: &Measured) -> String {
    let unit = measured.measure.unit();
    match (measured.min, measured.max) {
        (Some(low), Some(high)) if low == high => with_unit(ui, unit, low),
        (Some(low), Some(high)) => fill(
            &ui.value_range,
            &[("low", &number(low)), ("high", &with_unit(ui, unit, high))],
        ),
        (None, Some(high)) => fill(&ui.value_at_most, &[("value", &with_unit(ui, unit, high))]),
        (Some(low), None) => fill(&ui.value_at_least, &[("value", &with_unit(ui, unit, low))]),
        (None, None) => String::new(),
    }
}

/// A measurement's name, or its ID if the knowledge base has no text for it.
pub fn measure_name(kb: &Kb, lang: &LangId, measure: ReportMeasure) -> String {
    kb.report.measurement(measure).map_or_else(
        || measure.id().to_string(),
        |m| m.name.get(lang).to_string(),
    )
}

/// A stage without its system's name, as the finder's results give it: its code ("IIIA"), its
/// name when its code is a word, and the part of a split code ("III, sunk less than 2 mm").
pub fn stage_label(ui: &UiText, lang: &LangId, stage: &Stage) -> String {
    let label = match &stage.name {
        Some(name) => name.get(lang).to_string(),
        None => stage.code.clone(),
    };
    match &stage.part_name {
        Some(part) => fill(
            &ui.stage_with_part,
            &[("stage", &label), ("part", part.get(lang))],
        ),
        None => label,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::kb;

    fn ui() -> &'static UiText {
        let kb = kb().unwrap();
        kb.ui(kb.default_lang())
    }

    fn measured(measure: ReportMeasure, min: Option<f64>, max: Option<f64>) -> Measured {
        Measured {
            measure,
            min,
            max,
            quote: (0, 1),
        }
    }

    #[test]
    fn values_read_as_the_report_wrote_them() {
        let ui = ui();
        let depth = ReportMeasure::DepressionMm;
        assert_eq!(value(ui, &measured(depth, Some(3.0), Some(3.0))), "3 mm");
        assert_eq!(
            value(ui, &measured(depth, Some(2.0), Some(4.5))),
            "2 to 4.5 mm"
        );
        assert_eq!(value(ui, &measured(depth, None, Some(2.0))), "up to 2 mm");
        let share = ReportMeasure::HeadInvolvementPercent;
        assert_eq!(
            value(ui, &measured(share, Some(30.0), None)),
            "at least 30%"
        );
        let ratio = ReportMeasure::CarpalHeightRatio;
        assert_eq!(value(ui, &measured(ratio, Some(0.5), Some(0.5))), "0.5");
    }

    #[test]
    fn quotes_are_whole_characters_on_one_line() {
        let text = "No collapse.\nÉpanchement  minime.";
        assert_eq!(quote(text, (0, 12)).as_deref(), Some("No collapse."));
        assert_eq!(
            quote(text, (3, 25)).as_deref(),
            Some("collapse. Épanchement")
        );
        // Inside the two-byte "É": not a character boundary, so nothing is quoted.
        assert_eq!(quote(text, (14, 16)), None);
        assert_eq!(quote(text, (5, 5)), None);
        assert_eq!(quote(text, (5, 999)), None);
    }
}
