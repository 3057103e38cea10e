//! `report-bench [--cases] [--case ID] [--set FILE]`: runs the report decoder over the synthetic
//! test set in `tests/report/reports.toml` (or FILE, e.g. the held-out set) and prints precision and recall per finding, negation, hedge and
//! side accuracy, stage-range agreement and decode time. `--cases` also lists every case it
//! gets wrong. Exits 1 if a stage range leaves out an expected stage (the one error the
//! decoder must never make).

use avn_kb::report::{decode, Side, SideReading, Status};
use avn_kb::Kb;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;
use toml::Value;

#[derive(Default)]
struct Count {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Count {
    fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

fn side_key(side: Option<Side>) -> &'static str {
    match side {
        Some(Side::Left) => "left",
        Some(Side::Right) => "right",
        Some(Side::Both) => "both",
        _ => "not-stated",
    }
}

fn list<'a>(v: &'a Value, key: &str) -> Vec<&'a str> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

fn main() -> ExitCode {
    let show_cases = std::env::args().any(|a| a == "--cases");
    let args: Vec<String> = std::env::args().collect();
    let only = args
        .iter()
        .position(|a| a == "--case")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let kb: Kb = match avn_kb::load::load_dir(&root.join("content")) {
        Ok(kb) => kb,
        Err(problems) => {
            for p in problems {
                eprintln!("{p}");
            }
            return ExitCode::FAILURE;
        }
    };
    let set_path = args
        .iter()
        .position(|a| a == "--set")
        .and_then(|i| args.get(i + 1))
        .map_or_else(
            || root.join("tests/report/reports.toml"),
            std::path::PathBuf::from,
        );
    let set: Value = match std::fs::read_to_string(&set_path)
        .map_err(|e| e.to_string())
        .and_then(|s| toml::from_str(&s).map_err(|e| e.to_string()))
    {
        Ok(v) => v,
        Err(e) => {
            eprintln!("{}: {e}", set_path.display());
            return ExitCode::FAILURE;
        }
    };
    let lang = kb.about.languages[0].id.clone();
    let reports = set
        .get("report")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();

    let mut present: BTreeMap<String, Count> = BTreeMap::new();
    let mut all_present = Count::default();
    let (mut absent_ok, mut absent_all) = (0, 0);
    let (mut hedge_ok, mut hedge_all) = (0, 0);
    let (mut side_ok, mut side_all) = (0, 0);
    let (mut range_contains, mut range_exact, mut range_all) = (0, 0, 0);
    let (mut clash_ok, mut clash_all, mut clash_false) = (0, 0, 0);
    let (mut not_avn_ok, mut history_ok, mut history_all) = (0, 0, 0);
    let mut missed_ranges = Vec::new();
    let mut wrong: Vec<String> = Vec::new();
    let mut long_times = Vec::new();

    for r in &reports {
        let id = r["id"].as_str().unwrap_or("?");
        let joint_name = r["joint"].as_str().unwrap_or("");
        let Some(joint) = kb
            .joints
            .iter()
            .find(|j| j.id.as_str() == joint_name)
            .map(|j| j.id.clone())
        else {
            eprintln!("{id}: no joint {joint_name}");
            return ExitCode::FAILURE;
        };
        let text = r["text"].as_str().unwrap_or("");
        let started = Instant::now();
        let reading = decode(&kb, &lang, &joint, text);
        let took = started.elapsed();
        if only.as_deref() == Some(id) {
            println!("{text}");
            for m in &reading.marks {
                println!("  {:?} {:?}", &text[m.start..m.end], m.what);
            }
            for s in &reading.sides {
                println!(
                    "side {:?} normal={} clash={} change={:?}",
                    s.side, s.normal, s.clash, s.change
                );
                for f in &s.found {
                    println!("    {} {:?}", f.finding, f.status);
                }
                for m in &s.measurements {
                    println!("    {:?} {:?}-{:?}", m.measure, m.min, m.max);
                }
                for n in &s.named {
                    println!("    named {} {:?} {:?}", n.system, n.stages, n.modifier);
                }
                println!("    milestones {:?}", s.milestones);
                for sp in &s.stages {
                    println!("    {} {:?}", sp.system, sp.stages);
                }
            }
            println!(
                "asked {:?} not_avn {} says_no_avn {} mimics {:?}",
                reading.asked, reading.not_avn, reading.says_no_avn, reading.mimics
            );
        }
        if list(r, "style").contains(&"long") {
            long_times.push((text.chars().count(), took.as_secs_f64() * 1000.0));
        }
        let mut notes = Vec::new();
        let sides: Vec<&Value> = r
            .get("side")
            .and_then(Value::as_array)
            .map(|a| a.iter().collect())
            .unwrap_or_default();
        let decoded = |key: &str| -> Option<&SideReading> {
            reading.sides.iter().find(|s| side_key(s.side) == key)
        };
        let status_on = |s: Option<&SideReading>, f: &str| s.and_then(|s| s.status(f));
        for s in &sides {
            let key = s["side"].as_str().unwrap_or("not-stated");
            let got = decoded(key);
            for f in list(s, "present") {
                let st = status_on(got, f);
                let c = present.entry(f.to_string()).or_default();
                if st == Some(Status::Present) {
                    c.tp += 1;
                    all_present.tp += 1;
                } else {
                    c.fn_ += 1;
                    all_present.fn_ += 1;
                    notes.push(format!("{key}: {f} present, read {st:?}"));
                }
            }
            for f in list(s, "absent") {
                absent_all += 1;
                let st = status_on(got, f);
                if st == Some(Status::Absent) {
                    absent_ok += 1;
                } else {
                    notes.push(format!("{key}: {f} absent, read {st:?}"));
                }
            }
            for f in list(s, "uncertain") {
                hedge_all += 1;
                let st = status_on(got, f);
                if matches!(st, Some(Status::Uncertain(_))) {
                    hedge_ok += 1;
                } else {
                    notes.push(format!("{key}: {f} uncertain, read {st:?}"));
                }
            }
            for f in list(s, "present")
                .into_iter()
                .chain(list(s, "absent"))
                .chain(list(s, "uncertain"))
            {
                side_all += 1;
                if status_on(got, f).is_some() {
                    side_ok += 1;
                }
            }
            if let Some(expected) = s.get("stage_range").and_then(Value::as_table) {
                for (system, range) in expected {
                    range_all += 1;
                    let want: Vec<&str> = range
                        .as_array()
                        .map(|a| a.iter().filter_map(Value::as_str).collect())
                        .unwrap_or_default();
                    let span: Vec<String> = got
                        .and_then(|g| g.stages.iter().find(|sp| sp.system.as_str() == system))
                        .map(|sp| {
                            sp.stages
                                .iter()
                                .map(|st| st.as_str().rsplit('/').next().unwrap_or("").to_string())
                                .collect()
                        })
                        .unwrap_or_default();
                    let system_stages: Vec<String> = kb
                        .systems
                        .iter()
                        .find(|x| x.id.as_str() == system)
                        .map(|x| {
                            x.stages
                                .iter()
                                .map(|st| {
                                    st.id.as_str().rsplit('/').next().unwrap_or("").to_string()
                                })
                                .collect()
                        })
                        .unwrap_or_default();
                    let pos = |c: &str| system_stages.iter().position(|x| x == c);
                    let wanted: Vec<String> = match (
                        want.first().and_then(|c| pos(c)),
                        want.last().and_then(|c| pos(c)),
                    ) {
                        (Some(a), Some(b)) => system_stages[a..=b].to_vec(),
                        _ => Vec::new(),
                    };
                    let shown = if span.is_empty() {
                        "nothing".to_string()
                    } else {
                        format!("{}–{}", span[0], span[span.len() - 1])
                    };
                    if !wanted.is_empty() && wanted.iter().all(|w| span.contains(w)) {
                        range_contains += 1;
                        if span == wanted {
                            range_exact += 1;
                        } else {
                            notes.push(format!(
                                "{key}: {system} wider: want {}–{}, shows {shown}",
                                want[0],
                                want[want.len() - 1]
                            ));
                        }
                    } else {
                        missed_ranges
                            .push(format!("{id} {key} {system}: want {want:?}, shows {shown}"));
                        notes.push(format!(
                            "{key}: {system} MISSES: want {want:?}, shows {shown}"
                        ));
                    }
                }
            }
            let clash = s.get("clash").is_some();
            let flagged = got.is_some_and(|g| g.clash);
            if clash {
                clash_all += 1;
                if flagged {
                    clash_ok += 1;
                } else {
                    notes.push(format!("{key}: clash not flagged"));
                }
            } else if flagged {
                clash_false += 1;
                notes.push(format!("{key}: clash flagged where there is none"));
            }
        }
        // Findings read as present that the reading does not have.
        for got in &reading.sides {
            let key = side_key(got.side);
            let expected = sides.iter().find(|s| s["side"].as_str() == Some(key));
            for f in got.with(|s| s == Status::Present) {
                let name = f.finding.as_str();
                let want = expected.is_some_and(|s| list(s, "present").contains(&name));
                if !want {
                    present.entry(name.to_string()).or_default().fp += 1;
                    all_present.fp += 1;
                    let said = expected
                        .map(|s| {
                            if list(s, "absent").contains(&name) {
                                "absent"
                            } else if list(s, "uncertain").contains(&name) {
                                "uncertain"
                            } else {
                                "not listed"
                            }
                        })
                        .unwrap_or("no such side");
                    notes.push(format!("{key}: {name} read present, expected {said}"));
                }
            }
        }
        let want_not_avn = r.get("not_avn").and_then(Value::as_bool).unwrap_or(false);
        if reading.not_avn == want_not_avn {
            not_avn_ok += 1;
        } else {
            notes.push(format!(
                "not_avn: want {want_not_avn}, read {}",
                reading.not_avn
            ));
        }
        for f in list(r, "in_history") {
            history_all += 1;
            if reading.asked.iter().any(|(a, _)| a.as_str() == f) {
                history_ok += 1;
            } else {
                notes.push(format!("history: {f} not read as a question"));
            }
        }
        if !notes.is_empty() {
            wrong.push(format!("{id}\n    {}", notes.join("\n    ")));
        }
    }

    println!(
        "report decoder on tests/report/reports.toml: {} reports",
        reports.len()
    );
    println!();
    println!(
        "{:<36} {:>5} {:>5} {:>5} {:>9} {:>7}",
        "present finding", "tp", "fp", "fn", "precision", "recall"
    );
    for (f, c) in &present {
        println!(
            "{:<36} {:>5} {:>5} {:>5} {:>9.2} {:>7.2}",
            f,
            c.tp,
            c.fp,
            c.fn_,
            c.precision(),
            c.recall()
        );
    }
    println!(
        "{:<36} {:>5} {:>5} {:>5} {:>9.3} {:>7.3}",
        "all present findings",
        all_present.tp,
        all_present.fp,
        all_present.fn_,
        all_present.precision(),
        all_present.recall()
    );
    println!();
    println!(
        "negation accuracy (absent read as absent)     {:.3}  ({absent_ok}/{absent_all})",
        ratio(absent_ok, absent_all)
    );
    println!(
        "hedge accuracy (uncertain read as uncertain)  {:.3}  ({hedge_ok}/{hedge_all})",
        ratio(hedge_ok, hedge_all)
    );
    println!(
        "side accuracy (finding on its side)           {:.3}  ({side_ok}/{side_all})",
        ratio(side_ok, side_all)
    );
    println!("stage ranges containing the expected range    {:.3}  ({range_contains}/{range_all}; exact {range_exact})", ratio(range_contains, range_all));
    println!("clashes flagged                               {:.3}  ({clash_ok}/{clash_all}; {clash_false} flagged where none)", ratio(clash_ok, clash_all));
    println!(
        "not-AVN agreement                             {:.3}  ({not_avn_ok}/{})",
        ratio(not_avn_ok, reports.len()),
        reports.len()
    );
    println!(
        "history questions kept out of findings        {:.3}  ({history_ok}/{history_all})",
        ratio(history_ok, history_all)
    );
    for (chars, ms) in &long_times {
        println!(
            "decode time, {chars}-character report (native, unoptimised if debug)  {ms:.2} ms"
        );
    }
    if show_cases {
        println!();
        println!("cases with a difference ({}):", wrong.len());
        for w in &wrong {
            println!("  {w}");
        }
    }
    if !missed_ranges.is_empty() {
        println!();
        println!("stage ranges that leave out an expected stage:");
        for m in &missed_ranges {
            println!("  {m}");
        }
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
