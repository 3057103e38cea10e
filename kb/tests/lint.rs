//! The linter on the real content (must be clean) and on fixtures (one failing fixture per rule).

use avn_kb::lint::Rule;
use avn_kb::load::load_dir;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

#[test]
fn real_content_lints_clean() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    match load_dir(&dir) {
        Ok(kb) => {
            assert!(kb.joints.iter().any(|j| j.id.as_str() == "hip"));
        }
        Err(problems) => {
            let all: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
            panic!(
                "the real content has {} problem(s):\n{}",
                all.len(),
                all.join("\n")
            );
        }
    }
}

/// Copies `from` over `to`, file by file (an overlay).
fn overlay(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            fs::create_dir_all(&target).unwrap();
            overlay(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A fresh content folder: the valid fixture, the real interface text, then `patch` on top.
fn content_with(name: &str, patch: Option<&Path>) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("avn-kb-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("ui")).unwrap();
    overlay(&fixtures().join("valid"), &dir);
    let real_ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content/ui/en.toml");
    fs::copy(real_ui, dir.join("ui/en.toml")).unwrap();
    if let Some(patch) = patch {
        overlay(patch, &dir);
    }
    dir
}

#[test]
fn valid_fixture_lints_clean() {
    let dir = content_with("valid", None);
    let kb = load_dir(&dir).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(kb.systems[0].stages[0].id.as_str(), "knee-test/I");
    assert_eq!(kb.joints[0].systems[0].as_str(), "knee-test");
}

#[test]
fn every_rule_has_a_failing_fixture_that_breaks_only_that_rule() {
    let failing = fixtures().join("failing");
    let mut covered = BTreeSet::new();
    for entry in fs::read_dir(&failing).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        let code = &name[..5];
        let dir = content_with(&name, Some(&entry.path()));
        let problems = load_dir(&dir).expect_err(&format!("fixture {name} should fail"));
        let codes: BTreeSet<&str> = problems.iter().map(|p| p.rule.code()).collect();
        assert_eq!(
            codes,
            BTreeSet::from([code]),
            "fixture {name}: {problems:#?}"
        );
        for p in &problems {
            let line = p.to_string();
            assert!(line.starts_with(code), "{line}");
            assert!(p.file.starts_with(dir.to_str().unwrap()), "{line}");
            assert!(!p.field.is_empty(), "{line}");
        }
        covered.insert(code.to_string());
    }
    let all: BTreeSet<String> = Rule::ALL.iter().map(|r| r.code().to_string()).collect();
    assert_eq!(
        covered, all,
        "each rule needs a fixture under tests/fixtures/failing/"
    );
}

#[test]
fn schema_errors_name_the_file_and_the_field() {
    let dir = content_with(
        "unknown-field",
        Some(&fixtures().join("failing/KB001-unknown-field")),
    );
    let problems = load_dir(&dir).unwrap_err();
    let line = problems[0].to_string();
    assert!(line.contains("staging/knee-test.toml"), "{line}");
    assert!(line.contains(": colour:"), "{line}");
    assert!(line.contains("line "), "{line}");
}

#[test]
fn all_problems_in_all_files_are_reported_at_once() {
    let dir = content_with("many", Some(&fixtures().join("many")));
    let problems = load_dir(&dir).unwrap_err();
    let lines: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(lines.len(), 3, "{lines:#?}");
    for (code, file) in [
        ("KB003", "staging/knee-test.toml"),
        ("KB007", "joints/knee.toml"),
        ("KB008", "sources/doe-2020.toml"),
    ] {
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with(code) && l.contains(file)),
            "{code} in {file} missing from {lines:#?}"
        );
    }
}

#[test]
fn the_copy_me_templates_parse_as_their_file_kinds() {
    use avn_kb::files::{JointFile, SourceFile, SystemFile};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content/templates");
    let read = |name: &str| fs::read_to_string(dir.join(name)).unwrap();
    toml::from_str::<SystemFile>(&read("staging-system.toml")).expect("staging-system.toml");
    toml::from_str::<JointFile>(&read("joint.toml")).expect("joint.toml");
    toml::from_str::<SourceFile>(&read("source.toml")).expect("source.toml");
}

/// The readability gate on the real content: at least 95 % of graded blocks at reading grade 8
/// or below, none above 10 (Flesch-Kincaid, glossary terms counted as short words). Prints the
/// distribution so reviewers see it in the test output (`cargo test -- --nocapture`).
#[test]
fn patient_text_meets_the_reading_grade_gate() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    let kb = load_dir(&dir).unwrap_or_else(|p| panic!("{p:#?}"));
    let graded = kb.reading_grades();
    let bands = [
        (f32::MIN, 6.0, "grade 6 or below"),
        (6.0, 8.0, "above 6 to 8"),
        (8.0, 10.0, "above 8 to 10"),
        (10.0, f32::MAX, "above 10"),
    ];
    println!(
        "reading grade of {} patient text blocks (of 12 words or more):",
        graded.len()
    );
    for (low, high, name) in bands {
        let n = graded
            .iter()
            .filter(|(_, g)| *g > low && *g <= high)
            .count();
        println!("  {name:<18} {n:>5}");
    }
    let at_most_8 = graded.iter().filter(|(_, g)| *g <= 8.0).count();
    let share = at_most_8 as f32 * 100.0 / graded.len().max(1) as f32;
    println!("  share at grade 8 or below: {share:.1} %");
    let worst: Vec<&(String, f32)> = graded.iter().filter(|(_, g)| *g > 8.0).collect();
    for (at, g) in &worst {
        println!("  above 8: {at} ({g:.1})");
    }
    assert!(
        graded.iter().all(|(_, g)| *g <= 10.0),
        "some blocks are above grade 10"
    );
    assert!(
        share >= 95.0,
        "only {share:.1} % of blocks are at grade 8 or below (gate: 95 %)"
    );
}

/// Every hip stage translates into every other hip system, and the translation says when the
/// systems do not line up one-to-one.
#[test]
fn hip_stages_translate_between_systems_with_their_uncertainty() {
    use avn_kb::Match;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    let kb = load_dir(&dir).unwrap_or_else(|p| panic!("{p:#?}"));
    let hip_systems: Vec<_> = kb
        .systems
        .iter()
        .filter(|s| s.joint.as_str() == "hip")
        .collect();
    assert!(
        hip_systems.len() >= 4,
        "ARCO, Ficat-Arlet, Steinberg and JIC"
    );
    for system in &hip_systems {
        for stage in &system.stages {
            // Only "at risk" (all imaging normal) may have no equivalent: ARCO 2019 and JIC
            // have no such stage.
            let at_risk_only = stage.milestones == [avn_kb::Milestone::AtRisk];
            for (other, matches) in kb.translate(&stage.id) {
                assert!(
                    at_risk_only || !matches.is_empty(),
                    "{} has no match in {}",
                    stage.id,
                    other.id
                );
            }
        }
    }
    let arco = |code: &str| {
        let sys = hip_systems
            .iter()
            .find(|s| s.id.as_str() == "hip-arco-2019")
            .unwrap();
        sys.stages
            .iter()
            .find(|s| s.code == code)
            .unwrap()
            .id
            .clone()
    };
    // MRI-only disease is the same finding in every system.
    for (_, matches) in kb.translate(&arco("I")) {
        assert!(matches.iter().any(|(_, m)| *m == Match::Exact));
    }
    // ARCO IIIB (over 2 mm) is split differently by Steinberg (2-4 mm / over 4 mm): partial.
    let steinberg = kb
        .translate(&arco("IIIB"))
        .into_iter()
        .find(|(s, _)| s.id.as_str() == "hip-steinberg")
        .unwrap()
        .1;
    assert!(
        steinberg.iter().all(|(_, m)| *m == Match::Partial),
        "{steinberg:?}"
    );
}
