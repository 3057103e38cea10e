//! How well a treatment option fits one thing that matters to a patient (IPDAS values
//! clarification): a plain good / mixed / poor / unknown, always with the reason behind it, by
//! rules simple enough to print next to the answer. Never a verdict on which option is best.

use crate::{
    fill, Certainty, Figure, JointId, Measure, OptionKind, PainRelief, Phase, TreatmentOption,
    UiText, Value,
};

/// How well an option fits one thing that matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FitLevel {
    /// It fits well.
    Good,
    /// It fits in part.
    Mixed,
    /// It fits poorly.
    Poor,
    /// The content has nothing to judge by (which is not the same as "no problem").
    Unknown,
}

/// Why an option got its fit, structured so the view can word it from the interface text and
/// link the figure it rests on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reason<'a> {
    /// Because of what kind of option it is (an operation, an injection, ...).
    Kind(OptionKind),
    /// Because of this outcome figure.
    Figure(&'a Figure),
    /// Because of how sure the evidence is that it changes the course of the disease.
    Certainty(Certainty),
    /// Because of the usual time before daily life restarts.
    Recovery {
        /// Fewest weeks.
        weeks_low: u8,
        /// Most weeks.
        weeks_high: u8,
    },
    /// Because of how soon it is expected to ease pain.
    PainRelief(PainRelief),
    /// There is no figure of this kind for this joint and stage group.
    NoFigure(Measure),
    /// The content does not say (no recovery time or pain relief recorded).
    NotRecorded,
}

/// The fit of one option to one thing that matters, and why.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fit<'a> {
    /// How well it fits.
    pub level: FitLevel,
    /// Why.
    pub because: Reason<'a>,
}

/// Where the line falls between good, mixed and poor for a count (out of 100, or weeks):
/// up to `good_up_to` is good, up to `mixed_up_to` is mixed, anything above is poor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bands {
    /// The highest count still called good.
    pub good_up_to: u8,
    /// The highest count still called mixed.
    pub mixed_up_to: u8,
}

impl Bands {
    /// The level of `count`.
    pub fn level(self, count: u8) -> FitLevel {
        if count <= self.good_up_to {
            FitLevel::Good
        } else if count <= self.mixed_up_to {
            FitLevel::Mixed
        } else {
            FitLevel::Poor
        }
    }
}

// Every threshold the rules use, in one place.

/// Keeping my own joint: people in 100 who needed a joint replacement (20 or fewer good, 50
/// or fewer mixed, more poor).
pub const JOINT_REPLACEMENT_BANDS: Bands = Bands {
    good_up_to: 20,
    mixed_up_to: 50,
};
/// Avoiding harm: people in 100 with a complication (under 5 good, under 20 mixed).
pub const COMPLICATION_BANDS: Bands = Bands {
    good_up_to: 4,
    mixed_up_to: 19,
};
/// Avoiding another operation: people in 100 who needed more surgery (10 or fewer good, 30 or
/// fewer mixed).
pub const MORE_SURGERY_BANDS: Bands = Bands {
    good_up_to: 10,
    mixed_up_to: 30,
};
/// A short recovery: the longest usual weeks before daily life restarts (2 or fewer good, 12
/// or fewer mixed).
pub const RECOVERY_WEEK_BANDS: Bands = Bands {
    good_up_to: 2,
    mixed_up_to: 12,
};

/// How well `option` fits `value` for a patient with AVN in `joint` at `phase`.
///
/// The rules:
/// - Keeping my own joint: a joint replacement is poor; otherwise the option's
///   joint-replacement figure, else its "did well" figure (100 − N did not), on
///   [`JOINT_REPLACEMENT_BANDS`]; no figure is unknown.
/// - Avoiding an operation: operations are poor, injections mixed, everything else good.
/// - Quick pain relief: within weeks good, over months mixed, not expected poor; not recorded
///   is unknown.
/// - Short recovery: the high end of `recovery_weeks` ([`RECOVERY_WEEK_BANDS`]); not recorded
///   is unknown.
/// - Avoiding harm: the complication figure ([`COMPLICATION_BANDS`]); no figure is unknown,
///   never "no harm".
/// - Avoiding another operation: the more-surgery figure, else the joint-replacement figure
///   (a replacement is an operation too), else the "did well" figure (100 − N did not), on
///   [`MORE_SURGERY_BANDS`]; no figure is unknown.
/// - Sure evidence: high or moderate certainty that it changes the disease is good, low is
///   mixed, very low or none is poor.
///
/// Which figure counts is chosen by [`figure_for`].
pub fn fit<'a>(
    option: &'a TreatmentOption,
    joint: &JointId,
    phase: Phase,
    value: Value,
) -> Fit<'a> {
    // The first measure in `order` the option has a figure for decides. A "did well" figure
    // stands in for what it leaves out: at most 100 − N of those people had the harm, so the
    // bands are applied to that (the cautious reading).
    let from_figures = |order: &[Measure], bands: Bands| {
        order
            .iter()
            .find_map(|&measure| figure_for(option, measure, joint, phase))
            .map_or(
                Fit {
                    level: FitLevel::Unknown,
                    because: Reason::NoFigure(order[0]),
                },
                |f| Fit {
                    level: bands.level(match f.measure {
                        Some(Measure::DidWell) => 100 - f.per_100.min(100),
                        _ => f.per_100,
                    }),
                    because: Reason::Figure(f),
                },
            )
    };
    let by_kind = |level| Fit {
        level,
        because: Reason::Kind(option.kind),
    };
    match value {
        Value::KeepOwnJoint if option.kind == OptionKind::JointReplacement => {
            by_kind(FitLevel::Poor)
        }
        Value::KeepOwnJoint => from_figures(
            &[Measure::JointReplacement, Measure::DidWell],
            JOINT_REPLACEMENT_BANDS,
        ),
        Value::AvoidOperation => by_kind(match option.kind {
            OptionKind::JointPreservingSurgery
            | OptionKind::JointReplacement
            | OptionKind::OtherSurgery => FitLevel::Poor,
            OptionKind::Injection => FitLevel::Mixed,
            _ => FitLevel::Good,
        }),
        Value::QuickPainRelief => match option.pain_relief {
            Some(relief) => Fit {
                level: match relief {
                    PainRelief::WithinWeeks => FitLevel::Good,
                    PainRelief::OverMonths => FitLevel::Mixed,
                    PainRelief::NotExpected => FitLevel::Poor,
                },
                because: Reason::PainRelief(relief),
            },
            None => not_recorded(),
        },
        Value::ShortRecovery => match option.recovery_weeks {
            Some((weeks_low, weeks_high)) => Fit {
                level: RECOVERY_WEEK_BANDS.level(weeks_high),
                because: Reason::Recovery {
                    weeks_low,
                    weeks_high,
                },
            },
            None => not_recorded(),
        },
        Value::AvoidComplications => from_figures(&[Measure::Complication], COMPLICATION_BANDS),
        // A later joint replacement is another operation too.
        Value::AvoidSecondOperation => from_figures(
            &[
                Measure::MoreSurgery,
                Measure::JointReplacement,
                Measure::DidWell,
            ],
            MORE_SURGERY_BANDS,
        ),
        Value::SureEvidence => Fit {
            level: match option.disease_course_certainty {
                Certainty::High | Certainty::Moderate => FitLevel::Good,
                Certainty::Low => FitLevel::Mixed,
                Certainty::VeryLow | Certainty::NoEvidence => FitLevel::Poor,
            },
            because: Reason::Certainty(option.disease_course_certainty),
        },
    }
}

fn not_recorded<'a>() -> Fit<'a> {
    Fit {
        level: FitLevel::Unknown,
        because: Reason::NotRecorded,
    }
}

/// The option's figure that best speaks to `measure` for `joint` at `phase`, or `None`.
///
/// A figure applies when it counts `measure`, names this joint or no joint, and lists this
/// phase or no phase. Among those, the most specific wins (a named joint first, then named
/// phases), then the surest, then the higher count (the cautious reading: every measure used
/// here counts something a patient would rather avoid).
pub fn figure_for<'a>(
    option: &'a TreatmentOption,
    measure: Measure,
    joint: &JointId,
    phase: Phase,
) -> Option<&'a Figure> {
    option
        .figures
        .iter()
        .filter(|f| f.measure == Some(measure))
        .filter(|f| f.joint.as_ref().is_none_or(|j| j == joint))
        .filter(|f| f.phases.is_empty() || f.phases.contains(&phase))
        .min_by_key(|f| {
            (
                f.joint.is_none(),
                f.phases.is_empty(),
                f.certainty,
                std::cmp::Reverse(f.per_100),
            )
        })
}

impl UiText {
    /// The label of one thing that may matter to a patient.
    pub fn value(&self, value: Value) -> &str {
        match value {
            Value::KeepOwnJoint => &self.value_keep_own_joint,
            Value::AvoidOperation => &self.value_avoid_operation,
            Value::QuickPainRelief => &self.value_quick_pain_relief,
            Value::ShortRecovery => &self.value_short_recovery,
            Value::AvoidComplications => &self.value_avoid_complications,
            Value::AvoidSecondOperation => &self.value_avoid_second_operation,
            Value::SureEvidence => &self.value_sure_evidence,
        }
    }

    /// The label of how much something matters, from 0 (not at all) to 4 (most); `None` when
    /// not answered or out of range.
    pub fn rating(&self, rating: Option<u8>) -> &str {
        match rating {
            Some(0) => &self.rating_0,
            Some(1) => &self.rating_1,
            Some(2) => &self.rating_2,
            Some(3) => &self.rating_3,
            Some(4) => &self.rating_4,
            _ => &self.rating_none,
        }
    }

    /// The label of a fit level.
    pub fn fit_level(&self, level: FitLevel) -> &str {
        match level {
            FitLevel::Good => &self.fit_good,
            FitLevel::Mixed => &self.fit_mixed,
            FitLevel::Poor => &self.fit_poor,
            FitLevel::Unknown => &self.fit_unknown,
        }
    }

    /// A reason in plain words (the view links a figure's sources next to it).
    pub fn reason(&self, reason: &Reason) -> String {
        match *reason {
            Reason::Kind(OptionKind::JointReplacement) => self.reason_joint_replacement.clone(),
            Reason::Kind(OptionKind::JointPreservingSurgery | OptionKind::OtherSurgery) => {
                self.reason_operation.clone()
            }
            Reason::Kind(OptionKind::Injection) => self.reason_injection.clone(),
            Reason::Kind(_) => self.reason_no_operation.clone(),
            Reason::Figure(f) => {
                let template = match f.measure {
                    Some(Measure::JointReplacement) => &self.reason_figure_joint_replacement,
                    Some(Measure::Worsening) => &self.reason_figure_worsening,
                    Some(Measure::MoreSurgery) => &self.reason_figure_more_surgery,
                    Some(Measure::Complication) => &self.reason_figure_complication,
                    Some(Measure::DidWell) | None => &self.reason_figure_did_well,
                };
                fill(
                    template,
                    &[
                        ("count", &f.per_100.to_string()),
                        ("time", &self.span(f.years)),
                    ],
                )
            }
            Reason::Certainty(c) => {
                fill(&self.reason_certainty, &[("certainty", self.certainty(c))])
            }
            Reason::Recovery { weeks_high: 0, .. } => self.reason_recovery_none.clone(),
            Reason::Recovery {
                weeks_low,
                weeks_high,
            } if weeks_low == weeks_high => fill(
                &self.reason_recovery_weeks,
                &[("weeks", &weeks_high.to_string())],
            ),
            Reason::Recovery {
                weeks_low,
                weeks_high,
            } => fill(
                &self.reason_recovery_range,
                &[
                    ("low", &weeks_low.to_string()),
                    ("high", &weeks_high.to_string()),
                ],
            ),
            Reason::PainRelief(PainRelief::WithinWeeks) => self.reason_pain_within_weeks.clone(),
            Reason::PainRelief(PainRelief::OverMonths) => self.reason_pain_over_months.clone(),
            Reason::PainRelief(PainRelief::NotExpected) => self.reason_pain_not_expected.clone(),
            Reason::NoFigure(_) => self.reason_no_figure.clone(),
            Reason::NotRecorded => self.reason_not_recorded.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{OptionId, Text};

    fn text() -> Text {
        Text::new(Vec::new())
    }

    fn option(kind: OptionKind) -> TreatmentOption {
        TreatmentOption {
            id: OptionId::new("test"),
            kind,
            role: crate::Role::Alternative,
            name: text(),
            summary: text(),
            involves: text(),
            benefits: text(),
            harms: text(),
            living_with: text(),
            disease_course_certainty: Certainty::Low,
            recovery_weeks: None,
            pain_relief: None,
            comfort_only: false,
            offered: Vec::new(),
            figures: Vec::new(),
            variants: Vec::new(),
            sources: Vec::new(),
            reviewed: "2026-01-01".into(),
        }
    }

    fn figure(measure: Measure, per_100: u8, joint: Option<&str>, phases: &[Phase]) -> Figure {
        Figure {
            outcome: text(),
            per_100,
            low: None,
            high: None,
            years: 5.0,
            group: text(),
            certainty: Certainty::Low,
            note: None,
            sources: Vec::new(),
            measure: Some(measure),
            phases: phases.to_vec(),
            joint: joint.map(JointId::new),
            stages: Vec::new(),
        }
    }

    fn hip() -> JointId {
        JointId::new("hip")
    }

    fn with_figures(kind: OptionKind, figures: Vec<Figure>) -> TreatmentOption {
        TreatmentOption {
            figures,
            ..option(kind)
        }
    }

    fn level(o: &TreatmentOption, value: Value) -> FitLevel {
        fit(o, &hip(), Phase::Early, value).level
    }

    #[test]
    fn a_joint_replacement_never_keeps_the_own_joint_whatever_its_figures() {
        let o = with_figures(
            OptionKind::JointReplacement,
            vec![figure(Measure::JointReplacement, 0, None, &[])],
        );
        let f = fit(&o, &hip(), Phase::Late, Value::KeepOwnJoint);
        assert_eq!(f.level, FitLevel::Poor);
        assert_eq!(f.because, Reason::Kind(OptionKind::JointReplacement));
    }

    #[test]
    fn keeping_the_own_joint_follows_the_joint_replacement_figure_bands() {
        for (count, expected) in [
            (0, FitLevel::Good),
            (20, FitLevel::Good),
            (21, FitLevel::Mixed),
            (50, FitLevel::Mixed),
            (51, FitLevel::Poor),
        ] {
            let o = with_figures(
                OptionKind::JointPreservingSurgery,
                vec![figure(Measure::JointReplacement, count, Some("hip"), &[])],
            );
            assert_eq!(level(&o, Value::KeepOwnJoint), expected, "{count} in 100");
        }
    }

    #[test]
    fn keeping_the_own_joint_without_a_figure_is_unknown() {
        let o = with_figures(
            OptionKind::WatchAndWait,
            vec![figure(Measure::Worsening, 10, None, &[])],
        );
        let f = fit(&o, &hip(), Phase::Early, Value::KeepOwnJoint);
        assert_eq!(f.level, FitLevel::Unknown);
        assert_eq!(f.because, Reason::NoFigure(Measure::JointReplacement));
    }

    #[test]
    fn figures_for_another_joint_or_phase_do_not_count() {
        let o = with_figures(
            OptionKind::JointPreservingSurgery,
            vec![
                figure(Measure::JointReplacement, 10, Some("knee"), &[]),
                figure(Measure::JointReplacement, 10, Some("hip"), &[Phase::Late]),
            ],
        );
        assert_eq!(level(&o, Value::KeepOwnJoint), FitLevel::Unknown);
    }

    #[test]
    fn the_most_specific_figure_wins_then_the_cautious_one() {
        let general = figure(Measure::JointReplacement, 10, None, &[]);
        let hip_any = figure(Measure::JointReplacement, 30, Some("hip"), &[]);
        let hip_early = figure(Measure::JointReplacement, 60, Some("hip"), &[Phase::Early]);
        let hip_early_low = figure(Measure::JointReplacement, 40, Some("hip"), &[Phase::Early]);
        let o = with_figures(
            OptionKind::JointPreservingSurgery,
            vec![general, hip_any, hip_early_low, hip_early.clone()],
        );
        let chosen = figure_for(&o, Measure::JointReplacement, &hip(), Phase::Early);
        assert_eq!(chosen, Some(&hip_early));
        let f = fit(&o, &hip(), Phase::Early, Value::KeepOwnJoint);
        assert_eq!(f.level, FitLevel::Poor);
        assert_eq!(f.because, Reason::Figure(&o.figures[3]));
    }

    #[test]
    fn a_surer_figure_wins_over_a_less_sure_one_of_the_same_reach() {
        let mut sure = figure(Measure::JointReplacement, 15, Some("hip"), &[]);
        sure.certainty = Certainty::Moderate;
        let unsure = figure(Measure::JointReplacement, 70, Some("hip"), &[]);
        let o = with_figures(OptionKind::JointPreservingSurgery, vec![unsure, sure]);
        assert_eq!(level(&o, Value::KeepOwnJoint), FitLevel::Good);
    }

    #[test]
    fn avoiding_an_operation_follows_the_kind() {
        for (kind, expected) in [
            (OptionKind::JointPreservingSurgery, FitLevel::Poor),
            (OptionKind::JointReplacement, FitLevel::Poor),
            (OptionKind::OtherSurgery, FitLevel::Poor),
            (OptionKind::Injection, FitLevel::Mixed),
            (OptionKind::WatchAndWait, FitLevel::Good),
            (OptionKind::Medicine, FitLevel::Good),
            (OptionKind::SupportiveCare, FitLevel::Good),
        ] {
            let o = option(kind);
            let f = fit(&o, &hip(), Phase::Early, Value::AvoidOperation);
            assert_eq!(f.level, expected, "{kind:?}");
            assert_eq!(f.because, Reason::Kind(kind));
        }
    }

    #[test]
    fn complications_follow_the_figure_and_no_figure_is_not_no_harm() {
        for (count, expected) in [
            (4, FitLevel::Good),
            (5, FitLevel::Mixed),
            (19, FitLevel::Mixed),
            (20, FitLevel::Poor),
        ] {
            let o = with_figures(
                OptionKind::JointPreservingSurgery,
                vec![figure(Measure::Complication, count, None, &[])],
            );
            assert_eq!(level(&o, Value::AvoidComplications), expected, "{count}");
        }
        let none = option(OptionKind::Medicine);
        let f = fit(&none, &hip(), Phase::Early, Value::AvoidComplications);
        assert_eq!(f.level, FitLevel::Unknown);
        assert_eq!(f.because, Reason::NoFigure(Measure::Complication));
    }

    #[test]
    fn without_a_replacement_figure_doing_well_stands_in_cautiously() {
        // 84 in 100 did well: at most 16 did not, so keeping the own joint fits well; for
        // another operation 16 is above the "good" line of 10, so it fits in part.
        let o = with_figures(
            OptionKind::JointPreservingSurgery,
            vec![figure(Measure::DidWell, 84, Some("hip"), &[Phase::Early])],
        );
        assert_eq!(level(&o, Value::KeepOwnJoint), FitLevel::Good);
        assert_eq!(level(&o, Value::AvoidSecondOperation), FitLevel::Mixed);
        let poor = with_figures(
            OptionKind::WatchAndWait,
            vec![figure(Measure::DidWell, 25, Some("hip"), &[Phase::Early])],
        );
        assert_eq!(level(&poor, Value::KeepOwnJoint), FitLevel::Poor);
    }

    #[test]
    fn a_later_replacement_counts_as_another_operation_when_no_surgery_figure_exists() {
        let o = with_figures(
            OptionKind::Medicine,
            vec![figure(
                Measure::JointReplacement,
                29,
                Some("hip"),
                &[Phase::Early],
            )],
        );
        assert_eq!(level(&o, Value::AvoidSecondOperation), FitLevel::Mixed);
        let f = fit(&o, &hip(), Phase::Early, Value::AvoidSecondOperation);
        assert!(matches!(f.because, Reason::Figure(g) if g.per_100 == 29));
    }

    #[test]
    fn a_second_operation_follows_the_more_surgery_figure() {
        for (count, expected) in [
            (10, FitLevel::Good),
            (11, FitLevel::Mixed),
            (30, FitLevel::Mixed),
            (31, FitLevel::Poor),
        ] {
            let o = with_figures(
                OptionKind::JointReplacement,
                vec![figure(Measure::MoreSurgery, count, Some("hip"), &[])],
            );
            assert_eq!(level(&o, Value::AvoidSecondOperation), expected, "{count}");
        }
        let o = option(OptionKind::JointReplacement);
        assert_eq!(level(&o, Value::AvoidSecondOperation), FitLevel::Unknown);
    }

    #[test]
    fn sure_evidence_follows_the_disease_course_certainty() {
        for (certainty, expected) in [
            (Certainty::High, FitLevel::Good),
            (Certainty::Moderate, FitLevel::Good),
            (Certainty::Low, FitLevel::Mixed),
            (Certainty::VeryLow, FitLevel::Poor),
            (Certainty::NoEvidence, FitLevel::Poor),
        ] {
            let o = TreatmentOption {
                disease_course_certainty: certainty,
                ..option(OptionKind::Medicine)
            };
            let f = fit(&o, &hip(), Phase::Early, Value::SureEvidence);
            assert_eq!(f.level, expected);
            assert_eq!(f.because, Reason::Certainty(certainty));
        }
    }

    #[test]
    fn a_short_recovery_follows_the_longest_usual_weeks() {
        for (weeks, expected) in [
            ((0, 0), FitLevel::Good),
            ((0, 2), FitLevel::Good),
            ((2, 6), FitLevel::Mixed),
            ((6, 12), FitLevel::Mixed),
            ((12, 13), FitLevel::Poor),
        ] {
            let o = TreatmentOption {
                recovery_weeks: Some(weeks),
                ..option(OptionKind::JointPreservingSurgery)
            };
            let f = fit(&o, &hip(), Phase::Early, Value::ShortRecovery);
            assert_eq!(f.level, expected, "{weeks:?}");
            assert_eq!(
                f.because,
                Reason::Recovery {
                    weeks_low: weeks.0,
                    weeks_high: weeks.1
                }
            );
        }
        let unknown = option(OptionKind::JointPreservingSurgery);
        let f = fit(&unknown, &hip(), Phase::Early, Value::ShortRecovery);
        assert_eq!(
            (f.level, f.because),
            (FitLevel::Unknown, Reason::NotRecorded)
        );
    }

    #[test]
    fn quick_pain_relief_follows_the_recorded_timing() {
        for (relief, expected) in [
            (PainRelief::WithinWeeks, FitLevel::Good),
            (PainRelief::OverMonths, FitLevel::Mixed),
            (PainRelief::NotExpected, FitLevel::Poor),
        ] {
            let o = TreatmentOption {
                pain_relief: Some(relief),
                ..option(OptionKind::Medicine)
            };
            let f = fit(&o, &hip(), Phase::Early, Value::QuickPainRelief);
            assert_eq!((f.level, f.because), (expected, Reason::PainRelief(relief)));
        }
        let unknown = option(OptionKind::Medicine);
        assert_eq!(level(&unknown, Value::QuickPainRelief), FitLevel::Unknown);
    }

    fn ui() -> UiText {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../content/ui/en.toml");
        toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    #[test]
    fn time_spans_read_in_years_or_months() {
        let ui = ui();
        assert_eq!(ui.span(2.0), "2 years");
        assert_eq!(ui.span(3.5), "3.5 years");
        assert_eq!(ui.span(1.0), "1 year");
        assert_eq!(ui.span(0.25), "3 months");
        assert_eq!(ui.span(1.0 / 12.0), "1 month");
    }

    #[test]
    fn reasons_are_worded_from_the_interface_text() {
        let ui = ui();
        let f = figure(Measure::JointReplacement, 15, None, &[]);
        assert_eq!(
            ui.reason(&Reason::Figure(&f)),
            "15 in 100 needed a joint replacement within 5 years."
        );
        let mut half = figure(Measure::Complication, 3, None, &[]);
        half.years = 3.5;
        assert!(ui
            .reason(&Reason::Figure(&half))
            .contains("within 3.5 years"));
        assert_eq!(
            ui.reason(&Reason::Certainty(Certainty::Low)),
            "How sure the research is that it changes the course of AVN: low."
        );
        let recovery = |weeks_low, weeks_high| Reason::Recovery {
            weeks_low,
            weeks_high,
        };
        assert_eq!(ui.reason(&recovery(0, 0)), ui.reason_recovery_none);
        assert!(ui.reason(&recovery(6, 6)).contains("about 6 weeks"));
        assert!(ui.reason(&recovery(2, 6)).contains("2 to 6 weeks"));
        assert_eq!(
            ui.reason(&Reason::Kind(OptionKind::JointReplacement)),
            ui.reason_joint_replacement
        );
        assert_eq!(
            ui.reason(&Reason::NoFigure(Measure::Complication)),
            ui.reason_no_figure
        );
        for value in Value::ALL {
            assert!(!ui.value(value).is_empty());
        }
        assert_eq!(ui.rating(Some(4)), ui.rating_4);
        assert_eq!(ui.rating(Some(9)), ui.rating_none);
        assert_eq!(ui.fit_level(FitLevel::Unknown), ui.fit_unknown);
    }

    #[test]
    fn interface_text_reads_at_grade_8_or_below() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../content/ui/en.toml");
        let file = std::fs::read_to_string(path).unwrap();
        // Every interface string, lists included (the whole file, not only this section).
        let strings: toml::Table = toml::from_str(&file).unwrap();
        let texts = strings.iter().flat_map(|(key, value)| match value {
            toml::Value::Array(items) => items
                .iter()
                .filter_map(|i| Some((key, i.as_str()?)))
                .collect::<Vec<_>>(),
            other => other.as_str().map(|t| (key, t)).into_iter().collect(),
        });
        let mut checked = 0;
        let mut hard = Vec::new();
        for (key, text) in texts {
            if let Some(grade) = crate::readability::grade(text, &[]) {
                if grade > 8.0 {
                    hard.push(format!("{key} reads at grade {grade:.1}: {text}"));
                }
                checked += 1;
            }
        }
        assert!(hard.is_empty(), "{}", hard.join("\n"));
        assert!(
            checked > 10,
            "only {checked} strings were long enough to grade"
        );
    }
}
