//! From what one side's words say to the stages that fit, in each of the joint's systems: the
//! findings set points on the finder's scale (and, for stages the scale cannot place, the
//! content's stage rules), a named stage narrows them, and a named stage that the findings
//! contradict is kept beside them as a clash, never resolved by guessing.

use super::decode::{Found, Measured, NamedStage, StageSpan, Status};
use super::ReportMeasure;
use crate::model::{Kb, Stage, StagingSystem};
use crate::{JointId, Milestone, StageId};

/// What one side's words say, as the stage rules read it.
pub(crate) struct SideFacts<'a> {
    pub found: &'a [Found],
    pub measurements: &'a [Measured],
    pub named: &'a [NamedStage],
    /// The report includes an X-ray or CT.
    pub film: bool,
    /// The report says an X-ray was normal.
    pub xray_normal: bool,
}

impl SideFacts<'_> {
    fn is(&self, finding: &str, status: Status) -> bool {
        self.found
            .iter()
            .any(|f| f.finding.as_str() == finding && f.status == status)
    }
}

/// The stages `code` names in `system` ("II" in Ficat is IIA or IIB; "IIIA" is IIIA) and a
/// sub-type letter it carries ("IIC" in Steinberg is II with extent C).
pub(crate) fn named(system: &StagingSystem, code: &str) -> (Vec<StageId>, Option<String>) {
    let digits_style = system
        .stages
        .iter()
        .any(|s| s.code.starts_with(|c: char| c.is_ascii_digit()) && s.code.len() <= 2);
    let code = code.to_ascii_lowercase();
    let split = code
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, 'i' | 'v' | 'x')))
        .unwrap_or(code.len());
    let (number, suffix) = code.split_at(split);
    // A code is read as written first, then in the system's other numbering ("stage 2" in
    // Ficat is II; "III" in JIC is 3).
    let as_written = named_as(system, number, suffix, &code);
    if !as_written.0.is_empty() || as_written.1.is_some() {
        return as_written;
    }
    let other = if digits_style {
        from_roman(number).map(|n| n.to_string())
    } else {
        number
            .parse::<u8>()
            .ok()
            .and_then(to_roman)
            .map(str::to_string)
    };
    match other {
        Some(number) => named_as(system, &number, suffix, &code),
        None => as_written,
    }
}

fn named_as(
    system: &StagingSystem,
    number: &str,
    suffix: &str,
    code: &str,
) -> (Vec<StageId>, Option<String>) {
    let lower = |s: &Stage| s.code.to_ascii_lowercase();
    let exact = |c: &str| -> Vec<StageId> {
        system
            .stages
            .iter()
            .filter(|s| lower(s) == c)
            .map(|s| s.id.clone())
            .collect()
    };
    let family = |c: &str| -> Vec<StageId> {
        if c.is_empty() {
            return Vec::new();
        }
        system
            .stages
            .iter()
            .filter(|s| {
                let l = lower(s);
                l.strip_prefix(c).is_some_and(|rest| {
                    rest.len() == 1
                        && rest
                            .chars()
                            .all(|r| r.is_ascii_lowercase() && !matches!(r, 'i' | 'v' | 'x'))
                })
            })
            .map(|s| s.id.clone())
            .collect()
    };
    let modifier = |m: &str| {
        system
            .modifiers
            .iter()
            .find(|x| x.code.eq_ignore_ascii_case(m))
            .map(|x| x.code.clone())
    };
    let whole = format!("{number}{suffix}");
    let found = exact(&whole);
    if !found.is_empty() {
        return (found, None);
    }
    let base = {
        let e = exact(number);
        if e.is_empty() {
            family(number)
        } else {
            e
        }
    };
    if suffix.is_empty() {
        return (base, None);
    }
    match modifier(suffix) {
        Some(m) => (base, Some(m)),
        None if number.is_empty() => (Vec::new(), modifier(code)),
        None => (Vec::new(), None),
    }
}

fn from_roman(s: &str) -> Option<u8> {
    ["i", "ii", "iii", "iv", "v", "vi"]
        .iter()
        .position(|r| *r == s)
        .and_then(|p| u8::try_from(p + 1).ok())
}

fn to_roman(n: u8) -> Option<&'static str> {
    ["i", "ii", "iii", "iv", "v", "vi"]
        .get(usize::from(n.checked_sub(1)?))
        .copied()
}

/// The milestones a measured depth allows: under 2 mm, exactly 2 mm (both sides of the
/// line), up to 4 mm, over 4 mm.
fn depth_allows(m: &Measured) -> Vec<Milestone> {
    let lo = m.min.unwrap_or(0.0);
    let hi = m.max.unwrap_or(f64::INFINITY);
    let mut out = Vec::new();
    if lo < 2.0 || (lo <= 2.0 && m.min.is_some()) {
        out.push(Milestone::DepressionUnder2mm);
    }
    if lo <= 4.0 && hi >= 2.0 {
        out.push(Milestone::Depression2To4mm);
    }
    if hi > 4.0 {
        out.push(Milestone::DepressionOver4mm);
    }
    out
}

/// The milestones, the stages per system and whether a named stage clashes with the
/// findings, for one side; `None` when the side is not staged (no AVN, or a replaced joint).
/// A hedged finding widens the range to what the stage would be if it is there, so the range
/// never leaves out a stage the words allow.
pub(crate) fn work_out(
    kb: &Kb,
    joint: &JointId,
    facts: &SideFacts,
) -> Option<(Vec<Milestone>, Vec<StageSpan>, bool)> {
    let condition = facts.found.iter().any(|f| {
        f.status != Status::Absent
            && (f.finding.as_str() == "avn"
                || joint.as_str() == "knee"
                    && f.finding.as_str() == "subchondral-insufficiency-fracture")
    });
    let systems: Vec<&StagingSystem> = kb
        .joint(joint)?
        .systems
        .iter()
        .filter_map(|id| kb.system(id))
        .collect();
    let named_here = facts
        .named
        .iter()
        .any(|n| systems.iter().any(|s| s.id == n.system));
    if !(condition || named_here) || facts.is("joint-replacement", Status::Present) {
        return None;
    }
    let (mut possible, mut allowed, clash) = pass(kb, &systems, facts, false);
    let hedged = facts
        .found
        .iter()
        .any(|f| matches!(f.status, Status::Uncertain(_)));
    if hedged {
        let (what_if, what_if_allowed, _) = pass(kb, &systems, facts, true);
        possible.extend(what_if);
        possible = Milestone::ALL
            .into_iter()
            .filter(|m| possible.contains(m))
            .collect();
        for (mine, theirs) in allowed.iter_mut().zip(what_if_allowed) {
            for (a, b) in mine.iter_mut().zip(theirs) {
                *a = *a || b;
            }
        }
    }
    let spans = systems
        .iter()
        .zip(&allowed)
        .filter_map(|(system, allowed)| {
            let first = allowed.iter().position(|a| *a)?;
            let last = allowed.iter().rposition(|a| *a)?;
            Some(StageSpan {
                system: system.id.clone(),
                stages: system.stages[first..=last]
                    .iter()
                    .map(|s| s.id.clone())
                    .collect(),
            })
        })
        .collect();
    Some((possible, spans, clash))
}

/// One reading of a side's facts: the milestones, per system which stages fit, and whether a
/// named stage clashes. With `assume_hedged`, hedged findings count as present and named
/// stages are left out (the "if it is there" reading).
fn pass(
    kb: &Kb,
    systems: &[&StagingSystem],
    facts: &SideFacts,
    assume_hedged: bool,
) -> (Vec<Milestone>, Vec<Vec<bool>>, bool) {
    let guide = &kb.report;
    let counts_present = |status: Status| {
        status == Status::Present || assume_hedged && matches!(status, Status::Uncertain(_))
    };
    // Denser bone or cysts on a film set the stage only when the report says the AVN is
    // there: if it is unsure, they may have another cause.
    let avn_stated = facts.is("avn", Status::Present);
    let mut possible: Vec<Milestone> = Milestone::ALL[1..].to_vec();
    for f in facts.found {
        let Some(finding) = guide.finding(&f.finding) else {
            continue;
        };
        if counts_present(f.status) {
            if let Some(low) = finding.at_least {
                if !finding.on_film_only || facts.film && avn_stated {
                    possible.retain(|m| *m >= low);
                }
            }
        } else if f.status == Status::Absent {
            if let Some(high) = finding.absent_at_most {
                possible.retain(|m| *m <= high);
            }
        }
    }
    if facts.xray_normal {
        possible.retain(|m| {
            !matches!(
                m,
                Milestone::Sclerosis
                    | Milestone::Depression2To4mm
                    | Milestone::DepressionOver4mm
                    | Milestone::JointSpaceNarrowing
                    | Milestone::AdvancedArthritis
            )
        });
    }
    for depth in facts
        .measurements
        .iter()
        .filter(|m| m.measure == ReportMeasure::DepressionMm)
    {
        let allows = depth_allows(depth);
        possible.retain(|m| allows.contains(m) || *m > Milestone::DepressionOver4mm);
    }
    if possible.is_empty() {
        // The findings contradict each other: every stage stays possible.
        possible = Milestone::ALL[1..].to_vec();
    }

    // Named stages on the scale: they narrow it, or clash with it.
    let mut clash = false;
    let named: Vec<&NamedStage> = facts
        .named
        .iter()
        .filter(|n| !n.hedged && !assume_hedged)
        .collect();
    let named_milestones: Vec<Milestone> = named
        .iter()
        .flat_map(|n| n.stages.iter())
        .filter_map(|id| kb.stage(id))
        .flat_map(|(_, s)| s.milestones.iter().copied())
        .collect();
    if !named_milestones.is_empty() {
        let both: Vec<Milestone> = possible
            .iter()
            .copied()
            .filter(|m| named_milestones.contains(m))
            .collect();
        if both.is_empty() {
            clash = true;
            let low = possible.iter().chain(&named_milestones).min().copied();
            let high = possible.iter().chain(&named_milestones).max().copied();
            possible = Milestone::ALL
                .into_iter()
                .filter(|m| low.is_some_and(|l| *m >= l) && high.is_some_and(|h| *m <= h))
                .collect();
        } else {
            possible = both;
        }
    }

    let mut per_system = Vec::new();
    for system in systems {
        let stages = &system.stages;
        let mut allowed: Vec<bool> = stages
            .iter()
            .map(|s| s.milestones.is_empty() || s.milestones.iter().any(|m| possible.contains(m)))
            .collect();
        let index = |id: &StageId| stages.iter().position(|s| &s.id == id);
        for f in facts.found {
            let Some(finding) = guide.finding(&f.finding) else {
                continue;
            };
            for rule in finding.stage_rules.iter().filter(|r| r.system == system.id) {
                let holds = if rule.when_absent {
                    f.status == Status::Absent
                } else {
                    counts_present(f.status)
                } && rule.needs.iter().all(|n| {
                    facts
                        .found
                        .iter()
                        .any(|x| &x.finding == n && counts_present(x.status))
                });
                if !holds {
                    continue;
                }
                for (i, a) in allowed.iter_mut().enumerate() {
                    let below = rule
                        .at_least
                        .as_ref()
                        .and_then(index)
                        .is_some_and(|low| i < low);
                    let above = rule
                        .at_most
                        .as_ref()
                        .and_then(index)
                        .is_some_and(|high| i > high);
                    let out = rule.rules_out.iter().filter_map(index).any(|x| x == i);
                    if below || above || out {
                        *a = false;
                    }
                }
            }
        }
        if !allowed.contains(&true) {
            allowed = vec![true; stages.len()];
        }
        // A stage named in this system narrows it, or clashes with it.
        let named_here: Vec<usize> = named
            .iter()
            .filter(|n| n.system == system.id)
            .flat_map(|n| n.stages.iter().filter_map(index))
            .collect();
        if !named_here.is_empty() {
            if !clash && named_here.iter().any(|i| allowed[*i]) {
                for (i, a) in allowed.iter_mut().enumerate() {
                    *a = *a && named_here.contains(&i);
                }
            } else {
                clash |= !named_here.iter().any(|i| allowed[*i]);
                for i in &named_here {
                    allowed[*i] = true;
                }
            }
        }
        per_system.push(allowed);
    }
    (possible, per_system, clash)
}
