//! "Help me work it out" on the real content: answers about a report give the stages that fit.

use avn_kb::load::load_dir;
use avn_kb::{questions_for, systems_for, work_out, Answers, Kb, Milestone, Outcome};
use std::path::Path;
use std::sync::OnceLock;

fn kb() -> &'static Kb {
    static KB: OnceLock<Kb> = OnceLock::new();
    KB.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
        load_dir(&dir).unwrap_or_else(|p| panic!("{p:#?}"))
    })
}

fn joint(id: &str) -> avn_kb::JointId {
    kb().joints
        .iter()
        .find(|j| j.id.as_str() == id)
        .unwrap_or_else(|| panic!("no joint {id}"))
        .id
        .clone()
}

/// The index of question `id`.
fn q(id: &str) -> usize {
    kb().finder
        .questions
        .iter()
        .position(|q| q.id == id)
        .unwrap_or_else(|| panic!("no question {id}"))
}

/// The index of the answer to question `id` whose text starts with `start` (`?` for "I don't
/// know").
fn a(id: &str, start: &str) -> u8 {
    let lang = kb().default_lang();
    let question = &kb().finder.questions[q(id)];
    let index = question
        .choices
        .iter()
        .position(|c| match &c.text {
            None => start == "?",
            Some(t) => t.get(lang).starts_with(start),
        })
        .unwrap_or_else(|| panic!("no answer {start:?} to {id}"));
    u8::try_from(index).unwrap()
}

fn answers(list: &[(&str, &str)]) -> Answers {
    let mut answers = Answers::new(&kb().finder);
    for (id, start) in list {
        answers.set(q(id), Some(a(id, start)));
    }
    answers
}

/// The stage codes that fit in system `system`.
fn codes(outcome: &Outcome, system: &str) -> Vec<String> {
    outcome
        .systems
        .iter()
        .find(|s| s.system.id.as_str() == system)
        .unwrap_or_else(|| panic!("no system {system}"))
        .stages
        .iter()
        .map(|s| s.code.clone())
        .collect()
}

fn hip(list: &[(&str, &str)]) -> Outcome<'static> {
    work_out(kb(), &joint("hip"), &answers(list))
}

#[test]
fn a_normal_x_ray_with_a_change_on_mri_and_no_crack_is_stage_one_in_every_hip_system() {
    let outcome = hip(&[("x-ray", "Yes"), ("crack", "No")]);
    assert!(outcome.is_exact(), "{outcome:#?}");
    assert_eq!(codes(&outcome, "hip-arco-2019"), ["I"]);
    assert_eq!(codes(&outcome, "hip-ficat-arlet"), ["I"]);
    assert_eq!(codes(&outcome, "hip-steinberg"), ["I"]);
    assert_eq!(codes(&outcome, "hip-jic"), ["1"]);
    assert_eq!(outcome.decided_by.lower, [q("x-ray")]);
}

#[test]
fn a_normal_x_ray_never_caps_a_hip_at_stage_one_when_ct_or_mri_shows_a_crack() {
    // Review row 2: ARCO 2019 stage III is a crack seen on X-ray or CT.
    let unknown = hip(&[("x-ray", "Yes")]);
    assert!(!unknown.is_exact());
    assert!(codes(&unknown, "hip-arco-2019").contains(&"IIIA".to_string()));
    let crack = hip(&[("x-ray", "Yes"), ("crack", "Yes")]);
    assert_eq!(codes(&crack, "hip-arco-2019"), ["IIIA"]);
    assert!(crack.conflict.is_empty());
}

#[test]
fn a_crack_with_collapse_unknown_spans_arco_three_a_to_four() {
    let outcome = hip(&[("crack", "Yes"), ("collapse", "?")]);
    assert!(!outcome.is_exact());
    assert_eq!(outcome.lowest, Milestone::SubchondralFracture);
    assert_eq!(outcome.highest, Milestone::AdvancedArthritis);
    assert_eq!(codes(&outcome, "hip-arco-2019"), ["IIIA", "IIIB", "IV"]);
    assert_eq!(
        codes(&outcome, "hip-steinberg"),
        ["III", "IVA", "IVB", "IVC", "V", "VI"]
    );
    assert_eq!(outcome.decided_by.lower, [q("crack")]);
    assert!(outcome.decided_by.upper.is_empty());
    assert_eq!(outcome.unsure, [q("collapse")]);
    assert!(outcome.conflict.is_empty());
}

#[test]
fn collapse_of_two_to_four_mm_with_a_normal_joint_space_is_arco_three_b_and_steinberg_four() {
    let outcome = hip(&[
        ("collapse", "Yes, by 2 to 4"),
        ("joint-space", "No"),
        ("extent", "15 to 30"),
    ]);
    assert_eq!(outcome.possible, [Milestone::Depression2To4mm]);
    assert_eq!(codes(&outcome, "hip-arco-2019"), ["IIIB"]);
    // Steinberg IV-B and IV-C both allow 2 to 4 mm; Ficat III's part "sunk 2 mm or more".
    assert_eq!(codes(&outcome, "hip-steinberg"), ["IVB", "IVC"]);
    let ficat: Vec<&str> = outcome
        .systems
        .iter()
        .find(|s| s.system.id.as_str() == "hip-ficat-arlet")
        .unwrap()
        .stages
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(ficat, ["hip-ficat-arlet/III-2mm-or-more"]);
    // JIC splits collapse at 3 mm, so 2 to 4 mm fits both of its collapse stages.
    assert_eq!(codes(&outcome, "hip-jic"), ["3A", "3B"]);
    assert!(!outcome.is_exact());
    let steinberg = outcome
        .systems
        .iter()
        .find(|s| s.system.id.as_str() == "hip-steinberg")
        .unwrap();
    let picked: Vec<&str> = steinberg
        .modifiers
        .iter()
        .map(|m| m.code.as_str())
        .collect();
    assert_eq!(picked, ["B"]);
    assert_eq!(outcome.decided_by.lower, [q("collapse")]);
    assert_eq!(outcome.decided_by.upper, [q("collapse"), q("joint-space")]);
    assert_eq!(outcome.decided_by.modifiers, [q("extent")]);
    for other in outcome
        .systems
        .iter()
        .filter(|s| s.system.id.as_str() != "hip-steinberg")
    {
        assert!(other.modifiers.is_empty(), "{}", other.system.id);
    }
}

#[test]
fn collapse_of_two_to_four_mm_alone_leaves_arthritis_open() {
    let outcome = hip(&[("collapse", "Yes, by 2 to 4")]);
    assert_eq!(codes(&outcome, "hip-arco-2019"), ["IIIB", "IV"]);
    assert_eq!(outcome.decided_by.ruled_out, [q("collapse")]);
}

#[test]
fn a_report_without_a_crack_rules_out_the_crack_only_stages() {
    let outcome = hip(&[("crack", "No"), ("collapse", "No")]);
    assert_eq!(codes(&outcome, "hip-ficat-arlet"), ["0", "I", "IIA"]);
    assert_eq!(codes(&outcome, "hip-steinberg"), ["0", "I", "II"]);
    assert_eq!(outcome.decided_by.upper, [q("crack"), q("collapse")]);
}

#[test]
fn no_answers_or_all_dont_know_leave_every_stage_possible() {
    let none = Answers::new(&kb().finder);
    let all_unknown = answers(
        &kb()
            .finder
            .questions
            .iter()
            .map(|question| (question.id.as_str(), "?"))
            .collect::<Vec<_>>(),
    );
    for answers in [none, all_unknown] {
        let outcome = work_out(kb(), &joint("hip"), &answers);
        assert_eq!(outcome.possible, Milestone::ALL);
        assert_eq!(outcome.systems.len(), 4);
        for fit in &outcome.systems {
            assert_eq!(
                fit.stages.len(),
                fit.system.stages.len(),
                "{}",
                fit.system.id
            );
            assert!(fit.modifiers.is_empty());
        }
        assert_eq!(outcome.decided_by.all(), Vec::<usize>::new());
        assert!(outcome.conflict.is_empty());
    }
}

#[test]
fn answers_that_contradict_each_other_are_named_and_not_guessed_between() {
    let outcome = hip(&[
        ("x-ray", "Yes"),
        ("collapse", "Yes, by more than 4"),
        ("joint-space", "No"),
    ]);
    assert_eq!(outcome.conflict, [q("x-ray"), q("collapse")]);
    assert!(!outcome.is_exact());
    // Only the answer not in question narrows the range.
    assert_eq!(outcome.lowest, Milestone::AtRisk);
    assert_eq!(outcome.highest, Milestone::DepressionOver4mm);
    assert_eq!(outcome.decided_by.upper, [q("joint-space")]);
}

#[test]
fn every_question_has_exactly_one_dont_know_answer() {
    for question in &kb().finder.questions {
        assert_eq!(
            question.choices.iter().filter(|c| c.unknown).count(),
            1,
            "{}",
            question.id
        );
    }
}

#[test]
fn only_joints_with_fully_mapped_systems_offer_the_finder() {
    let systems = |id: &str| -> Vec<&str> {
        systems_for(kb(), &joint(id))
            .iter()
            .map(|s| s.id.as_str())
            .collect()
    };
    assert_eq!(
        systems("hip"),
        [
            "hip-arco-2019",
            "hip-ficat-arlet",
            "hip-steinberg",
            "hip-jic"
        ]
    );
    assert_eq!(systems("shoulder"), ["shoulder-cruess"]);
    assert_eq!(systems("ankle"), ["ankle-ficat"]);
    for unmapped in ["knee", "jaw", "wrist"] {
        assert!(systems(unmapped).is_empty(), "{unmapped}");
        assert!(questions_for(kb(), &joint(unmapped)).is_empty());
        let outcome = work_out(kb(), &joint(unmapped), &answers(&[("x-ray", "Yes")]));
        assert!(outcome.systems.is_empty());
        assert!(!outcome.is_exact());
    }
    // The hip-only size question is not asked for the shoulder, and picks nothing there.
    let shoulder = work_out(
        kb(),
        &joint("shoulder"),
        &answers(&[("x-ray", "Yes"), ("crack", "No"), ("extent", "Less")]),
    );
    let cruess: Vec<&str> = shoulder.systems[0]
        .stages
        .iter()
        .map(|s| s.code.as_str())
        .collect();
    assert_eq!(cruess, ["I"]);
    assert!(shoulder.is_exact());
    assert!(shoulder.decided_by.modifiers.is_empty());
    assert!(questions_for(kb(), &joint("hip")).contains(&q("extent")));
    assert!(!questions_for(kb(), &joint("shoulder")).contains(&q("extent")));
}

#[test]
fn answer_codes_round_trip_and_malformed_codes_are_rejected() {
    let finder = &kb().finder;
    let answers = answers(&[("crack", "Yes"), ("collapse", "?"), ("extent", "More")]);
    let code = answers.to_code();
    assert_eq!(code.len(), finder.questions.len());
    assert!(code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    assert_eq!(Answers::from_code(&code, finder), Some(answers));
    let blank = "-".repeat(finder.questions.len());
    assert_eq!(
        Answers::from_code(&blank, finder),
        Some(Answers::new(finder))
    );
    let too_far = format!("z{}", &blank[1..]);
    for bad in [
        "",
        &blank[1..],
        &format!("{blank}-"),
        &too_far,
        &format!("#{}", &blank[1..]),
    ] {
        assert_eq!(Answers::from_code(bad, finder), None, "{bad:?}");
    }
}
