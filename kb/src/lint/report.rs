//! The report decoder's files: findings with their stage rules and texts, the hedges and
//! measurements, and each language's words.

use super::{Lint, Rule};
use crate::files::{parsed, Content};
use crate::report::{Hedge, ReportMeasure, ReportWords};
use std::collections::BTreeSet;

pub(super) fn check(lint: &mut Lint, c: &Content) {
    let Some((e, f)) = c
        .report_findings
        .as_ref()
        .and_then(|e| Some((e, e.file.as_ref()?)))
    else {
        if !c.report_words.is_empty() {
            lint.push(
                Rule::ReportWordsUnknown,
                "content/report",
                "findings.toml",
                "words files need content/report/findings.toml: the findings they name",
            );
        }
        return;
    };
    let path = &e.path;
    let findings: BTreeSet<&str> = f.finding.iter().map(|x| x.id.as_str()).collect();
    let terms: BTreeSet<&str> = parsed(&c.glossary)
        .flat_map(|(_, g)| g.term.iter().map(|t| t.id.as_str()))
        .collect();
    let mut seen = BTreeSet::new();
    for finding in &f.finding {
        let at = |field: &str| format!("finding \"{}\".{field}", finding.id);
        lint.listed_id(
            path,
            at("id"),
            &finding.id,
            &mut seen,
            "this finding appears twice",
        );
        for (i, joint) in finding.joints.iter().enumerate() {
            lint.joint(path, &at(&format!("joints[{i}]")), joint);
        }
        if let Some(term) = &finding.term {
            if !terms.contains(term.as_str()) {
                lint.push(
                    Rule::BrokenReference,
                    path,
                    at("term"),
                    format!("no glossary term \"{term}\" in content/glossary/"),
                );
            }
        }
        lint.patient(path, &at("name"), &finding.name);
        lint.patient(path, &at("explain"), &finding.explain);
        if let Some(not) = &finding.not_meaning {
            lint.patient(path, &at("not_meaning"), not);
        }
        if !finding.sources.is_empty() {
            lint.sources(path, &at("sources"), &finding.sources);
        }
        for (i, rule) in finding.stage.iter().enumerate() {
            let at = at(&format!("stage[{i}]"));
            let system = parsed(&c.systems).find(|(s, _)| s.id == rule.system);
            let Some((_, system)) = system else {
                lint.push(
                    Rule::ReportStageRule,
                    path,
                    format!("{at}.system"),
                    format!("no staging system \"{}\" in content/staging/", rule.system),
                );
                continue;
            };
            if !finding.joints.contains(&system.joint) {
                lint.push(
                    Rule::ReportStageRule,
                    path,
                    format!("{at}.system"),
                    format!(
                        "\"{}\" stages the {}, which is not among this finding's joints",
                        rule.system, system.joint
                    ),
                );
            }
            let position = |code: &str| system.stage.iter().position(|s| s.code == code);
            let codes = rule
                .at_least
                .iter()
                .chain(&rule.at_most)
                .chain(&rule.rules_out);
            for code in codes {
                if position(code).is_none() {
                    lint.push(
                        Rule::ReportStageRule,
                        path,
                        at.clone(),
                        format!("\"{}\" has no stage \"{code}\"", rule.system),
                    );
                }
            }
            let low = rule.at_least.as_deref().and_then(position);
            let high = rule.at_most.as_deref().and_then(position);
            if let (Some(low), Some(high)) = (low, high) {
                if low > high {
                    lint.push(
                        Rule::ReportStageRule,
                        path,
                        at.clone(),
                        "at_least is above at_most: this rule allows no stage",
                    );
                }
            }
            for need in &rule.needs {
                if !findings.contains(need.as_str()) {
                    lint.push(
                        Rule::ReportStageRule,
                        path,
                        format!("{at}.needs"),
                        format!("no finding \"{need}\" in this file"),
                    );
                }
            }
        }
    }
    for hedge in Hedge::ALL {
        let entries: Vec<_> = f.hedge.iter().filter(|h| h.id == hedge).collect();
        if entries.len() != 1 {
            lint.push(
                Rule::ReportMeaningMissing,
                path,
                "hedge",
                format!(
                    "{} [[hedge]] entries for {hedge:?}: each hedge needs exactly one plain meaning",
                    entries.len()
                ),
            );
        }
    }
    for (i, h) in f.hedge.iter().enumerate() {
        lint.patient(path, &format!("hedge[{i}].meaning"), &h.meaning);
        lint.present(path, &format!("hedge[{i}].words"), &h.words);
    }
    for measure in ReportMeasure::ALL {
        let entries = f.measurement.iter().filter(|m| m.id == measure).count();
        if entries != 1 {
            lint.push(
                Rule::ReportMeaningMissing,
                path,
                "measurement",
                format!(
                    "{entries} [[measurement]] entries for {}: each needs exactly one",
                    measure.id()
                ),
            );
        }
    }
    for (i, m) in f.measurement.iter().enumerate() {
        lint.patient(path, &format!("measurement[{i}].name"), &m.name);
        lint.patient(path, &format!("measurement[{i}].explain"), &m.explain);
        if !m.sources.is_empty() {
            lint.sources(path, &format!("measurement[{i}].sources"), &m.sources);
        }
    }
    words(lint, c, &findings);
}

/// Each language's words: known names only, no empty phrase, every finding worded.
fn words(lint: &mut Lint, c: &Content, findings: &BTreeSet<&str>) {
    let systems: BTreeSet<&str> = c.systems.iter().map(|e| e.id.as_str()).collect();
    for (e, w) in parsed(&c.report_words) {
        if !lint.texts.languages.contains(&e.id) {
            lint.push(
                Rule::UnknownLanguage,
                &e.path,
                "(file name)",
                format!("\"{}\" is not a language declared in kb.toml", e.id),
            );
        }
        for (table, map) in [("findings", &w.findings), ("absent", &w.absent)] {
            for id in map.keys().filter(|id| !findings.contains(id.as_str())) {
                lint.push(
                    Rule::ReportWordsUnknown,
                    &e.path,
                    format!("{table}.{id}"),
                    format!("no finding \"{id}\" in content/report/findings.toml"),
                );
            }
        }
        for id in w.systems.keys().filter(|id| !systems.contains(id.as_str())) {
            lint.push(
                Rule::ReportWordsUnknown,
                &e.path,
                format!("systems.{id}"),
                format!("no staging system \"{id}\" in content/staging/"),
            );
        }
        for id in findings {
            let worded = w.findings.get(*id).is_some_and(|list| !list.is_empty());
            if !worded {
                lint.push(
                    Rule::ReportFindingUnworded,
                    &e.path,
                    format!("findings.{id}"),
                    "no phrase recognises this finding in this language: list at least one",
                );
            }
        }
        let all = w
            .findings
            .iter()
            .chain(&w.absent)
            .flat_map(|(k, v)| v.iter().map(move |p| (k.as_str(), p)));
        for (key, phrase) in all {
            if ReportWords::words_of(phrase).is_empty() {
                lint.push(
                    Rule::ReportWordsUnknown,
                    &e.path,
                    key,
                    format!("\"{phrase}\" has no words a report could contain"),
                );
            }
        }
    }
}
