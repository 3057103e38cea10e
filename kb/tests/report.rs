//! "Explain my report" on the real content: what a patient's pasted report is read as. The
//! whole test set (tests/report/reports.toml) is checked for the one error the decoder must
//! never make, a stage range that leaves out a stage the words allow; the benchmark
//! (`cargo run -p avn-kb --features load --bin report-bench`) prints the rest of the scores.

use avn_kb::load::load_dir;
use avn_kb::report::{decode, Hedge, Reading, Side, SideReading, Status, What, MAX_REPORT_CHARS};
use avn_kb::Kb;
use std::path::Path;
use std::sync::OnceLock;

fn kb() -> &'static Kb {
    static KB: OnceLock<Kb> = OnceLock::new();
    KB.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
        load_dir(&dir).unwrap_or_else(|p| panic!("{p:#?}"))
    })
}

fn read(joint: &str, text: &str) -> Reading {
    let kb = kb();
    let joint = kb
        .joints
        .iter()
        .find(|j| j.id.as_str() == joint)
        .expect("joint")
        .id
        .clone();
    decode(kb, &kb.about.languages[0].id, &joint, text)
}

fn side(r: &Reading, side: Side) -> &SideReading {
    r.sides
        .iter()
        .find(|s| s.side == Some(side))
        .unwrap_or_else(|| panic!("no {side:?} side in {:#?}", r.sides))
}

fn span(s: &SideReading, system: &str) -> Vec<String> {
    s.stages
        .iter()
        .find(|sp| sp.system.as_str() == system)
        .map(|sp| {
            sp.stages
                .iter()
                .map(|st| st.as_str().rsplit('/').next().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn no_stage_range_in_the_test_set_leaves_out_a_stage_its_words_allow() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/report/reports.toml");
    let set: toml::Value = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut checked = 0;
    for r in set["report"].as_array().unwrap() {
        let reading = read(r["joint"].as_str().unwrap(), r["text"].as_str().unwrap());
        for s in r["side"].as_array().unwrap() {
            let Some(ranges) = s.get("stage_range").and_then(|v| v.as_table()) else {
                continue;
            };
            let key = match s["side"].as_str().unwrap() {
                "left" => Side::Left,
                "right" => Side::Right,
                "both" => Side::Both,
                _ => Side::NotStated,
            };
            let got = reading.sides.iter().find(|x| x.side == Some(key));
            for (system, want) in ranges {
                let shown = got.map(|g| span(g, system)).unwrap_or_default();
                let stages: Vec<String> = kb().system_by_name(system);
                let ends: Vec<&str> = want
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_str().unwrap())
                    .collect();
                let from = stages.iter().position(|c| c == ends[0]).unwrap();
                let to = stages.iter().position(|c| c == ends[1]).unwrap();
                for stage in &stages[from..=to] {
                    assert!(
                        shown.contains(stage),
                        "{} {key:?} {system}: {stage} is left out of {shown:?}",
                        r["id"].as_str().unwrap_or("?")
                    );
                }
                checked += 1;
            }
        }
    }
    assert!(checked >= 200, "{checked} ranges checked");
}

trait StageCodes {
    fn system_by_name(&self, id: &str) -> Vec<String>;
}

impl StageCodes for Kb {
    fn system_by_name(&self, id: &str) -> Vec<String> {
        self.systems
            .iter()
            .find(|s| s.id.as_str() == id)
            .map(|s| {
                s.stages
                    .iter()
                    .map(|st| st.id.as_str().rsplit('/').next().unwrap_or("").to_string())
                    .collect()
            })
            .unwrap_or_default()
    }
}

#[test]
fn a_negation_covers_its_list_and_ends_with_its_sentence() {
    let r = read("hip", "Left hip: no subchondral fracture, collapse or marrow oedema. Osteonecrosis of the left femoral head.");
    let left = side(&r, Side::Left);
    for f in ["subchondral-fracture", "collapse", "bone-marrow-oedema"] {
        assert_eq!(left.status(f), Some(Status::Absent), "{f}");
    }
    assert_eq!(left.status("avn"), Some(Status::Present));
}

#[test]
fn no_change_in_is_not_a_negation_and_no_longer_is() {
    let r = read("hip", "MRI left hip. No change in the size of the necrotic segment. There is no longer any marrow oedema.");
    let left = side(&r, Side::Left);
    assert_eq!(left.status("avn"), Some(Status::Present));
    assert_eq!(left.status("bone-marrow-oedema"), Some(Status::Absent));
}

#[test]
fn hedges_are_unsure_with_their_own_meaning_and_widen_the_stage_range() {
    let r = read(
        "hip",
        "XR right hip: AVN with sclerosis. A subchondral fracture cannot be excluded. No collapse.",
    );
    let right = side(&r, Side::Right);
    assert_eq!(
        right.status("subchondral-fracture"),
        Some(Status::Uncertain(Hedge::CannotExclude))
    );
    // Sclerosis alone is ARCO II; the hedged crack could make it IIIA.
    assert_eq!(span(right, "hip-arco-2019"), ["II", "IIIA"]);
}

#[test]
fn a_question_in_the_history_is_not_a_finding() {
    let r = read("hip", "CLINICAL HISTORY: Hip pain on steroids. ?AVN.\n\nFINDINGS: Normal marrow signal. No evidence of avascular necrosis.");
    assert!(r.asked.iter().any(|(f, _)| f.as_str() == "avn"));
    assert!(r.not_avn && r.says_no_avn);
    assert!(r.sides.iter().all(|s| s.stages.is_empty()));
}

#[test]
fn two_sides_keep_their_own_findings_and_stages() {
    let r = read("hip", "Right hip: osteonecrosis with 3 mm collapse.\nLeft hip: small osteonecrosis, no collapse, no subchondral fracture.");
    assert_eq!(
        side(&r, Side::Right).status("collapse"),
        Some(Status::Present)
    );
    assert_eq!(
        side(&r, Side::Left).status("collapse"),
        Some(Status::Absent)
    );
    // Silence is not a negation: the joint space is not mentioned, so IV stays possible.
    assert_eq!(span(side(&r, Side::Right), "hip-arco-2019"), ["IIIB", "IV"]);
    assert_eq!(span(side(&r, Side::Left), "hip-arco-2019"), ["I", "II"]);
}

#[test]
fn a_named_stage_the_findings_contradict_is_a_clash_and_both_readings_stay() {
    let r = read("hip", "CT left hip: necrotic segment with a subchondral fracture and 3 mm depression. Impression: Ficat stage I.");
    let left = side(&r, Side::Left);
    assert!(left.clash);
    let ficat = span(left, "hip-ficat-arlet");
    assert!(
        ficat.contains(&"I".to_string()) && ficat.contains(&"III-2mm-or-more".to_string()),
        "{ficat:?}"
    );
}

#[test]
fn a_look_alike_is_named_and_no_stage_is_given() {
    let r = read("hip", "MRI left hip: diffuse marrow oedema, no subchondral fracture. Transient osteoporosis of the hip. No features of avascular necrosis.");
    assert!(r.not_avn);
    assert!(r
        .mimics
        .iter()
        .any(|m| m.as_str() == "transient-osteoporosis"));
    assert!(r.sides.iter().all(|s| s.stages.is_empty()));
}

#[test]
fn hostile_text_is_read_quickly_without_a_panic_and_marks_stay_inside_it() {
    let mut text = String::new();
    let pieces = [
        "<img src=x onerror=alert(1)>",
        "osteo-\nnecrosis ",
        "😀",
        "שלום עולם ",
        "No ",
        "?",
        "2.5.5mm ",
        "stage ",
        "-",
        "\u{0}",
        "%%",
        "ARCO IIIIIIIIA ",
        "é́́",
        "\r\n\r\n",
        "FINDINGS:",
        ";;",
        "x x x 1 x 2 x ",
    ];
    let mut i = 7usize;
    while text.chars().count() < MAX_REPORT_CHARS + 500 {
        i = i.wrapping_mul(2_654_435_761).wrapping_add(12_345);
        text.push_str(pieces[i % pieces.len()]);
    }
    let started = std::time::Instant::now();
    let r = read("hip", &text);
    assert!(
        started.elapsed().as_millis() < 2_000,
        "{:?}",
        started.elapsed()
    );
    assert!(r.cut, "a text over the limit is said to be cut");
    for m in &r.marks {
        assert!(
            m.start < m.end
                && m.end <= text.len()
                && text.is_char_boundary(m.start)
                && text.is_char_boundary(m.end)
        );
    }
    assert!(
        r.marks.windows(2).all(|w| w[0].end <= w[1].start),
        "marks do not overlap"
    );
    let _ = r
        .marks
        .iter()
        .filter(|m| matches!(m.what, What::Finding { .. }))
        .count();
}
