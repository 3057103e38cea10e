//! Options side by side (an Option Grid): for one joint and stage group, one row per thing a
//! figure can count, with every picture in a row over the same time span.

use crate::{Figure, JointId, Kb, Measure, OptionId, OptionKind, Phase};

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
    /// The option has a figure for this only over another time span (the nearest one): shown
    /// in words only, never as a picture beside the others.
    OtherHorizon(&'a Figure),
    /// No reliable figure for this.
    NoFigure,
    /// Does not apply: a joint replacement replaces the joint by design.
    NotApplicable,
}

impl Kb {
    /// A treatment option by ID.
    pub fn option(&self, id: &OptionId) -> Option<&crate::TreatmentOption> {
        self.options.iter().find(|o| &o.id == id)
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

    /// The comparison grid for `options` (in the order given) for this joint and stage group:
    /// one row per measure, in the order of [`Measure::ALL`], that at least one option has a
    /// figure for. A row's time span is the one most options have a figure at (ties: the
    /// shorter); options with a figure only at another span get [`Cell::OtherHorizon`].
    pub fn compare(
        &self,
        joint: &JointId,
        phase: Phase,
        options: &[OptionId],
    ) -> Vec<CompareRow<'_>> {
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
                            cell(figures, years, phase)
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

/// One option's cell: its figure at `years` (one for this stage group before a general one),
/// else its figure at the nearest other span, else none.
fn cell<'a>(figures: &[&'a Figure], years: f32, phase: Phase) -> Cell<'a> {
    // `false` (sorted first) for a figure whose groups name this stage group.
    let general = |f: &&Figure| !f.phases.contains(&phase);
    let at: Vec<&&Figure> = figures.iter().filter(|f| f.years == years).collect();
    if let Some(f) = at.iter().min_by_key(|f| general(f)) {
        return Cell::Figure(f);
    }
    figures
        .iter()
        .min_by(|a, b| {
            let gap = |f: &Figure| (f.years - years).abs();
            gap(a).total_cmp(&gap(b)).then(general(a).cmp(&general(b)))
        })
        .map_or(Cell::NoFigure, |f| Cell::OtherHorizon(f))
}
