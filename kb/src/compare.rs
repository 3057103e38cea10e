//! Options side by side (an Option Grid): for one joint and stage group, one row per thing a
//! figure can count, with every picture in a row over the same time span.

use crate::{
    Figure, JointId, Kb, Measure, Offered, OptionId, OptionKind, Phase, Role, Stage, StageId,
    TreatmentOption,
};

/// One row of the comparison: what is counted, over which time span, and one cell per option.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareRow<'a> {
    /// What the row counts.
    pub measure: Measure,
    /// The one time span, in years, that the row's pictures all use.
    pub years: f32,
    /// One cell per chosen option, in the order they were chosen.
    pub cells: Vec<Cell<'a>>,
}

/// What one option shows in one row.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cell<'a> {
    /// A figure over the row's time span: shown as a picture of 100 people.
    Figure(&'a Figure),
    /// A figure over the row's time span from people at other stages of the same stage group
    /// (its `stages` name them): shown as a picture, with the other stages said plainly.
    FromOtherStage(&'a Figure),
    /// The option has a figure for this only over another time span (the nearest one): shown
    /// in words only, never as a picture beside the others.
    OtherHorizon(&'a Figure),
    /// No reliable figure for this.
    NoFigure,
    /// Does not apply: a joint replacement replaces the joint by design.
    NotApplicable,
}

impl Kb {
    /// The options offered for `joint` at `phase` in `role`, with how often, in display order.
    pub fn offered_here<'a>(
        &'a self,
        joint: &'a JointId,
        phase: Phase,
        role: Role,
    ) -> impl Iterator<Item = (&'a TreatmentOption, Offered)> + 'a {
        self.options.iter().filter_map(move |o| {
            let offered = o.offered_at(joint, phase)?;
            (o.role_for(joint) == role).then_some((o, offered))
        })
    }

    /// The choices to set side by side first (at most `max`): watch and wait, then the
    /// alternatives usually offered, then, only if that makes fewer than two, those sometimes
    /// offered.
    pub fn suggested_choices(&self, joint: &JointId, phase: Phase, max: usize) -> Vec<OptionId> {
        let alternatives: Vec<(&TreatmentOption, Offered)> =
            self.offered_here(joint, phase, Role::Alternative).collect();
        let mut chosen: Vec<OptionId> = alternatives
            .iter()
            .filter(|(o, _)| o.kind == OptionKind::WatchAndWait)
            .map(|(o, _)| o.id.clone())
            .collect();
        for level in [Offered::Usually, Offered::Sometimes] {
            if level == Offered::Sometimes && chosen.len() >= 2 {
                break;
            }
            chosen.extend(
                alternatives
                    .iter()
                    .filter(|(o, at)| *at == level && o.kind != OptionKind::WatchAndWait)
                    .map(|(o, _)| o.id.clone()),
            );
        }
        chosen.truncate(max);
        chosen
    }

    /// The option's figures for people with this joint in this stage group, in content order:
    /// those for the joint whose groups include the stage group, or that are not stage-specific.
    pub fn figures_for<'a>(
        &'a self,
        option: &OptionId,
        joint: &JointId,
        phase: Phase,
    ) -> impl Iterator<Item = &'a Figure> + 'a {
        let joint = joint.clone();
        self.option(option)
            .into_iter()
            .flat_map(|o| &o.figures)
            .filter(move |f| {
                f.joint.as_ref() == Some(&joint)
                    && (f.phases.is_empty() || f.phases.contains(&phase))
            })
    }

    /// Whether `figure`'s group was at `stage`: it names no stages, or one of them is `stage`
    /// or shares an imaging milestone with it (the same stage in another system).
    pub fn figure_fits_stage(&self, figure: &Figure, stage: &Stage) -> bool {
        figure.stages.is_empty()
            || figure.stages.iter().any(|id| {
                id == &stage.id
                    || self.stage(id).is_some_and(|(_, other)| {
                        other
                            .milestones
                            .iter()
                            .any(|m| stage.milestones.contains(m))
                    })
            })
    }

    /// The comparison grid for `options` (in the order given) for this joint at `stage`: one
    /// row per measure, in the order of [`Measure::ALL`], that at least one option has a figure
    /// for, using only figures whose stage group includes the stage's. A row's time span is
    /// the one most options have a figure at (ties: the shorter); options with a figure only at
    /// another span get [`Cell::OtherHorizon`]; a figure from other stages of the same group
    /// is [`Cell::FromOtherStage`], never drawn as if it were the patient's own.
    pub fn compare(
        &self,
        joint: &JointId,
        stage: &Stage,
        options: &[OptionId],
    ) -> Vec<CompareRow<'_>> {
        let phase = stage.phase;
        Measure::ALL
            .into_iter()
            .filter_map(|measure| {
                let per_option: Vec<(bool, Vec<&Figure>)> = options
                    .iter()
                    .map(|id| {
                        let replaced = measure == Measure::JointReplacement
                            && self
                                .option(id)
                                .is_some_and(|o| o.kind == OptionKind::JointReplacement);
                        let figures = self
                            .figures_for(id, joint, phase)
                            .filter(|f| f.measure == Some(measure))
                            .collect();
                        (replaced, figures)
                    })
                    .collect();
                let years = horizon(per_option.iter().filter(|(na, _)| !na).map(|(_, f)| f))?;
                let cells = per_option
                    .iter()
                    .map(|(replaced, figures)| {
                        if *replaced {
                            Cell::NotApplicable
                        } else {
                            self.cell(figures, years, stage)
                        }
                    })
                    .collect();
                Some(CompareRow {
                    measure,
                    years,
                    cells,
                })
            })
            .collect()
    }
}

/// The time span most options have a figure at (ties: the shorter), or `None` if no figures.
fn horizon<'a>(options: impl Iterator<Item = &'a Vec<&'a Figure>>) -> Option<f32> {
    let mut counts: Vec<(f32, usize)> = Vec::new();
    for figures in options {
        let mut spans: Vec<f32> = figures.iter().map(|f| f.years).collect();
        spans.sort_by(f32::total_cmp);
        spans.dedup();
        for years in spans {
            match counts.iter_mut().find(|(y, _)| *y == years) {
                Some((_, n)) => *n += 1,
                None => counts.push((years, 1)),
            }
        }
    }
    counts
        .into_iter()
        .max_by(|(ya, na), (yb, nb)| na.cmp(nb).then(yb.total_cmp(ya)))
        .map(|(years, _)| years)
}

impl Kb {
    /// One option's cell: its figure at `years` (one from this stage before one from other
    /// stages of the group, and one naming the stage group before a general one), else its
    /// figure at the nearest other span, else none.
    fn cell<'a>(&self, figures: &[&'a Figure], years: f32, stage: &Stage) -> Cell<'a> {
        // Sorted first: a figure from this stage, then one naming this stage group.
        let rank = |f: &Figure| {
            (
                !self.figure_fits_stage(f, stage),
                !f.phases.contains(&stage.phase),
            )
        };
        let shown = |f: &'a Figure| {
            if self.figure_fits_stage(f, stage) {
                Cell::Figure(f)
            } else {
                Cell::FromOtherStage(f)
            }
        };
        let at = figures.iter().filter(|f| f.years == years);
        if let Some(f) = at.min_by_key(|f| rank(f)) {
            return shown(f);
        }
        figures
            .iter()
            .min_by(|a, b| {
                let gap = |f: &Figure| (f.years - years).abs();
                gap(a).total_cmp(&gap(b)).then(rank(a).cmp(&rank(b)))
            })
            .map_or(Cell::NoFigure, |f| Cell::OtherHorizon(f))
    }

    /// The stages a figure's group was at, as the knowledge base has them.
    pub fn figure_stages<'a>(
        &'a self,
        figure: &'a Figure,
    ) -> impl Iterator<Item = (&'a crate::StagingSystem, &'a Stage)> + 'a {
        figure
            .stages
            .iter()
            .filter_map(|id: &StageId| self.stage(id))
    }
}
