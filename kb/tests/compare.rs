//! The comparison grid on the real content, and its time-span rule on made-up figures.

use avn_kb::load::load_dir;
use avn_kb::{Cell, Figure, JointId, Kb, Measure, OptionId, Phase, Stage};
use std::path::Path;

fn real() -> Kb {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    load_dir(&dir).unwrap_or_else(|p| panic!("{p:#?}"))
}

/// The options' IDs as the knowledge base has them ("no-such-option" for a name it lacks).
fn ids(kb: &Kb, names: &[&str]) -> Vec<OptionId> {
    names
        .iter()
        .map(|n| {
            let found = kb.options.iter().find(|o| o.id.as_str() == *n);
            found.unwrap_or_else(|| panic!("no option {n}")).id.clone()
        })
        .collect()
}

fn joint(kb: &Kb, name: &str) -> JointId {
    kb.joints
        .iter()
        .find(|j| j.id.as_str() == name)
        .unwrap()
        .id
        .clone()
}

/// A stage by its ID, e.g. `hip-arco-2019/II`.
fn stage<'a>(kb: &'a Kb, id: &str) -> &'a Stage {
    kb.systems
        .iter()
        .flat_map(|s| &s.stages)
        .find(|s| s.id.as_str() == id)
        .unwrap_or_else(|| panic!("no stage {id}"))
}

/// The count a cell shows as a picture, if it shows one.
fn pictured(cell: &Cell) -> Option<u8> {
    match cell {
        Cell::Figure(f) | Cell::FromOtherStage(f) => Some(f.per_100),
        _ => None,
    }
}

#[test]
fn early_hip_replacement_row_sets_three_options_over_two_years() {
    let kb = real();
    let options = ids(
        &kb,
        &["watch-and-wait", "bisphosphonates", "shockwave-therapy"],
    );
    let rows = kb.compare(&joint(&kb, "hip"), stage(&kb, "hip-arco-2019/II"), &options);
    let row = rows
        .iter()
        .find(|r| r.measure == Measure::JointReplacement)
        .expect("a joint-replacement row");
    assert_eq!(row.years, 2.0);
    let counts: Vec<Option<u8>> = row.cells.iter().map(pictured).collect();
    assert_eq!(counts, [Some(29), Some(13), Some(10)]);
    // Rows follow the order of the measures, each at one time span.
    let measures: Vec<Measure> = rows.iter().map(|r| r.measure).collect();
    let mut sorted = measures.clone();
    sorted.sort();
    assert_eq!(measures, sorted);
}

#[test]
fn other_time_spans_are_words_and_replacements_are_not_applicable() {
    let kb = real();
    let options = ids(
        &kb,
        &[
            "watch-and-wait",
            "core-decompression",
            "core-decompression-cell-therapy",
            "total-hip-replacement",
        ],
    );
    let rows = kb.compare(&joint(&kb, "hip"), stage(&kb, "hip-arco-2019/II"), &options);
    let row = rows
        .iter()
        .find(|r| r.measure == Measure::JointReplacement)
        .unwrap();
    assert_eq!(row.years, 2.0);
    assert!(matches!(row.cells[0], Cell::Figure(_)));
    assert!(matches!(
        row.cells[1],
        Cell::NoFigure | Cell::OtherHorizon(_)
    ));
    match row.cells[2] {
        Cell::OtherHorizon(f) => assert_eq!((f.years, f.per_100), (7.0, 33)),
        other => panic!("expected the nearest other time span, got {other:?}"),
    }
    assert_eq!(row.cells[3], Cell::NotApplicable);
    // Core decompression and watch and wait are compared on doing well, at the same span, with
    // the figures from hips at the patient's own stage (Steinberg II is ARCO II), not from
    // Steinberg I hips (review §12 item 6).
    let did_well = rows.iter().find(|r| r.measure == Measure::DidWell).unwrap();
    assert_eq!(did_well.years, 3.5);
    assert!(matches!(did_well.cells[0], Cell::Figure(f) if f.per_100 == 59));
    assert!(matches!(did_well.cells[1], Cell::Figure(f) if f.per_100 == 63));
}

#[test]
fn watch_and_wait_has_a_figure_to_compare_for_the_hip_in_early_and_middle_stages() {
    let kb = real();
    let watch = ids(&kb, &["watch-and-wait"]);
    for at in ["hip-arco-2019/II", "hip-arco-2019/IIIA"] {
        let rows = kb.compare(&joint(&kb, "hip"), stage(&kb, at), &watch);
        assert!(
            rows.iter().any(|r| matches!(r.cells[0], Cell::Figure(_))),
            "{at}"
        );
    }
}

#[test]
fn no_rows_when_nothing_matches() {
    let kb = real();
    let wrist = kb.compare(
        &joint(&kb, "wrist"),
        stage(&kb, "wrist-lichtman/I"),
        &ids(&kb, &["watch-and-wait"]),
    );
    assert!(wrist.is_empty(), "{wrist:?}");
    // An option without figures for the joint gives no row.
    let statins = kb.compare(
        &joint(&kb, "hip"),
        stage(&kb, "hip-arco-2019/II"),
        &ids(&kb, &["statins"]),
    );
    assert!(statins.is_empty());
    assert!(kb
        .compare(&joint(&kb, "hip"), stage(&kb, "hip-arco-2019/IV"), &[])
        .is_empty());
}

/// A made-up hip-replacement figure, built on a real one.
fn figure(kb: &Kb, per_100: u8, years: f32, phases: &[Phase]) -> Figure {
    let real = kb.options.iter().flat_map(|o| &o.figures);
    let hip = real
        .filter(|f| f.measure == Some(Measure::JointReplacement))
        .find(|f| f.joint.as_ref().is_some_and(|j| j.as_str() == "hip"))
        .unwrap();
    Figure {
        per_100,
        low: None,
        high: None,
        years,
        phases: phases.to_vec(),
        stages: Vec::new(),
        ..hip.clone()
    }
}

#[test]
fn a_tie_between_time_spans_goes_to_the_shorter_and_stage_specific_figures_win() {
    let mut kb = real();
    let chosen = ids(&kb, &["watch-and-wait", "bisphosphonates", "statins"]);
    let f = |per_100, years, phases: &[Phase]| figure(&kb, per_100, years, phases);
    let (a, b, c, d, e, g) = (
        f(50, 2.0, &[]),
        f(40, 2.0, &[Phase::Early]),
        f(60, 5.0, &[Phase::Early]),
        f(30, 5.0, &[Phase::Early]),
        f(20, 2.0, &[Phase::Late]),
        f(25, 2.0, &[Phase::Early, Phase::Intermediate]),
    );
    for o in kb.options.iter_mut() {
        o.figures.clear();
    }
    let set = |kb: &mut Kb, id: &OptionId, figures: Vec<Figure>| {
        kb.options.iter_mut().find(|o| &o.id == id).unwrap().figures = figures;
    };
    // Two options have a 2-year figure and two a 5-year figure: the tie goes to 2 years.
    set(&mut kb, &chosen[0], vec![a, b, c]);
    set(&mut kb, &chosen[1], vec![d]);
    set(&mut kb, &chosen[2], vec![e, g]);
    let rows = kb.compare(&joint(&kb, "hip"), stage(&kb, "hip-arco-2019/II"), &chosen);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].years, 2.0);
    assert_eq!(
        pictured(&rows[0].cells[0]),
        Some(40),
        "the early figure wins"
    );
    assert!(matches!(rows[0].cells[1], Cell::OtherHorizon(f) if f.per_100 == 30));
    assert_eq!(pictured(&rows[0].cells[2]), Some(25));
    // The late-stage figure is not for early hips.
    let late_only: Vec<u8> = kb
        .figures_for(&chosen[2], &joint(&kb, "hip"), Phase::Late)
        .map(|f| f.per_100)
        .collect();
    assert_eq!(late_only, [20]);
}

#[test]
fn a_figure_from_another_stage_of_the_group_is_marked_and_ranks_after_the_own_stage() {
    let mut kb = real();
    let chosen = ids(&kb, &["watch-and-wait", "bisphosphonates"]);
    let steinberg_one = stage(&kb, "hip-steinberg/I").id.clone();
    let arco_two = stage(&kb, "hip-arco-2019/II").id.clone();
    let from = |per_100, stages: Vec<avn_kb::StageId>| Figure {
        stages,
        ..figure(&kb, per_100, 2.0, &[Phase::Early])
    };
    let (mri_only, sclerosis) = (
        from(61, vec![steinberg_one.clone()]),
        from(59, vec![arco_two]),
    );
    for o in kb.options.iter_mut() {
        o.figures.clear();
    }
    let set = |kb: &mut Kb, id: &OptionId, figures: Vec<Figure>| {
        kb.options.iter_mut().find(|o| &o.id == id).unwrap().figures = figures;
    };
    set(&mut kb, &chosen[0], vec![mri_only.clone(), sclerosis]);
    set(&mut kb, &chosen[1], vec![mri_only]);
    let hip = joint(&kb, "hip");
    // At ARCO II (sclerosis), the sclerosis figure is the patient's own; the MRI-only figure
    // (Steinberg I) is from another stage of the same group and says so.
    let rows = kb.compare(&hip, stage(&kb, "hip-arco-2019/II"), &chosen);
    assert!(matches!(rows[0].cells[0], Cell::Figure(f) if f.per_100 == 59));
    assert!(matches!(rows[0].cells[1], Cell::FromOtherStage(f) if f.per_100 == 61));
    // At ARCO I the same MRI-only figure is the same stage in another system.
    let rows = kb.compare(&hip, stage(&kb, "hip-arco-2019/I"), &chosen);
    assert!(matches!(rows[0].cells[0], Cell::Figure(f) if f.per_100 == 61));
    assert!(matches!(rows[0].cells[1], Cell::Figure(f) if f.per_100 == 61));
    let named: Vec<&str> = kb
        .figure_stages(&kb.option(&chosen[1]).unwrap().figures[0])
        .map(|(_, s)| s.code.as_str())
        .collect();
    assert_eq!(named, ["I"]);
    assert_eq!(steinberg_one.as_str(), "hip-steinberg/I");
}
