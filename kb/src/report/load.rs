//! Turns the report files (already linted) into the [`ReportGuide`]: stage codes become stage
//! IDs, finding and system names become indices, and every phrase is folded the way the
//! decoder folds a report.

use super::{
    Cue, Hedge, HedgeText, MeasurementText, Phrase, ReportFinding, ReportGuide, ReportWords,
    StageRule,
};
use crate::files::{parsed, stage_id, Content, LocalText, ReportWordsFile, When};
use crate::{FindingId, JointId, LangId, SourceId, StageId, SystemId, TermId, Text};

/// The report decoder's knowledge, or an empty one when the content has none.
pub(crate) fn guide(
    c: &Content,
    text: &dyn Fn(&LocalText) -> Text,
    systems: &[SystemId],
) -> ReportGuide {
    let Some(file) = c.report_findings.as_ref().and_then(|e| e.file.as_ref()) else {
        return ReportGuide::default();
    };
    let findings: Vec<ReportFinding> = file
        .finding
        .iter()
        .map(|f| ReportFinding {
            id: FindingId::new(&f.id),
            kind: f.kind,
            joints: f.joints.iter().map(JointId::new).collect(),
            at_least: f.at_least,
            on_film_only: f.on_film_only,
            absent_at_most: f.absent_at_most,
            suggests_avn: f.suggests_avn,
            stage_rules: f
                .stage
                .iter()
                .map(|r| {
                    let stage = |code: &String| StageId::new(code_id(c, &r.system, code));
                    StageRule {
                        system: SystemId::new(&r.system),
                        when_absent: r.when == When::Absent,
                        at_least: r.at_least.as_ref().map(stage),
                        at_most: r.at_most.as_ref().map(stage),
                        rules_out: r.rules_out.iter().map(stage).collect(),
                        needs: r.needs.iter().map(FindingId::new).collect(),
                    }
                })
                .collect(),
            term: f.term.as_ref().map(TermId::new),
            name: text(&f.name),
            explain: text(&f.explain),
            not_meaning: f.not_meaning.as_ref().map(text),
            sources: f.sources.iter().map(SourceId::new).collect(),
        })
        .collect();
    let words = parsed(&c.report_words)
        .map(|(e, w)| (LangId::new(&e.id), phrases(w, &findings, systems)))
        .collect();
    ReportGuide {
        hedges: file
            .hedge
            .iter()
            .map(|h| HedgeText {
                hedge: h.id,
                words: text(&h.words),
                meaning: text(&h.meaning),
            })
            .collect(),
        measurements: file
            .measurement
            .iter()
            .map(|m| MeasurementText {
                measure: m.id,
                name: text(&m.name),
                explain: text(&m.explain),
                sources: m.sources.iter().map(SourceId::new).collect(),
            })
            .collect(),
        findings,
        words,
    }
}

/// The stage ID a code names in `system` (the first part, for a code split into parts).
pub(crate) fn code_id(c: &Content, system: &str, code: &str) -> String {
    parsed(&c.systems)
        .find(|(e, _)| e.id == system)
        .and_then(|(_, s)| s.stage.iter().find(|st| st.code == code))
        .map_or_else(
            || stage_id(system, code, None),
            |st| stage_id(system, &st.code, st.part.as_deref()),
        )
}

/// Every phrase of one words file, with what it signals.
fn phrases(w: &ReportWordsFile, findings: &[ReportFinding], systems: &[SystemId]) -> ReportWords {
    let mut out = Vec::new();
    let mut add = |list: &[String], cue: Cue| {
        for p in list {
            let exact = p.chars().any(char::is_uppercase).then(|| p.clone());
            out.push(Phrase {
                words: ReportWords::words_of(p),
                exact,
                cue,
            });
        }
    };
    let index = |id: &str| {
        findings
            .iter()
            .position(|f| f.id.as_str() == id)
            .and_then(|i| u16::try_from(i).ok())
    };
    for (id, list) in &w.findings {
        if let Some(i) = index(id) {
            add(list, Cue::Finding(i));
        }
    }
    for (id, list) in &w.absent {
        if let Some(i) = index(id) {
            add(list, Cue::Absent(i));
        }
    }
    let cues = &w.cues;
    add(&cues.negation_before, Cue::NegationBefore);
    add(&cues.negation_after, Cue::NegationAfter);
    add(&cues.pseudo, Cue::Pseudo);
    add(&cues.scope_end, Cue::ScopeEnd);
    add(&cues.bridge, Cue::Bridge);
    add(&cues.not_findings, Cue::NotAFinding);
    add(&cues.history_query, Cue::HistoryQuery);
    add(&cues.normal, Cue::Normal);
    add(&cues.xray_normal, Cue::XrayNormal);
    add(&cues.stage_word, Cue::StageWord);
    for (change, list) in &w.changes {
        add(list, Cue::Change(*change));
    }
    for hedge in Hedge::ALL {
        if let Some(h) = w.hedges.get(&hedge) {
            add(&h.before, Cue::HedgeBefore(hedge));
            add(&h.after, Cue::HedgeAfter(hedge));
        }
    }
    for (section, list) in &w.sections {
        add(list, Cue::Section(*section));
    }
    for (side, list) in &w.sides {
        add(list, Cue::Side(*side));
    }
    for (modality, list) in &w.modalities {
        add(list, Cue::Modality(*modality));
    }
    for (system, list) in &w.systems {
        if let Some(i) = systems
            .iter()
            .position(|s| s.as_str() == system)
            .and_then(|i| u16::try_from(i).ok())
        {
            add(list, Cue::System(i));
        }
    }
    for (measure, list) in &w.measurements {
        add(list, Cue::Measure(*measure));
    }
    let n = &w.numbers;
    add(&n.at_most, Cue::AtMost);
    add(&n.at_least, Cue::AtLeast);
    add(&n.negative, Cue::Negative);
    add(&n.earlier, Cue::Earlier);
    // The same words with the same meaning twice would only slow matching.
    out.sort_by(|a, b| (&a.words, &a.exact).cmp(&(&b.words, &b.exact)));
    out.dedup_by(|a, b| a.words == b.words && a.exact == b.exact && a.cue == b.cue);
    ReportWords { phrases: out }
}
