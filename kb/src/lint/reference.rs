//! Topics, risk factors, questions people ask, the glossary, the finder, and sources.

use super::{figures, Lint, Problem, Rule};
use crate::files::{parsed, Content, Entry, FinderFile, SourceFile};
use crate::{Milestone, Modifiable};
use std::collections::BTreeSet;

pub(super) fn check(lint: &mut Lint, c: &Content) {
    for (e, t) in parsed(&c.topics) {
        lint.order("topic", t.order, e);
        lint.patient(&e.path, "title", &t.title);
        for (i, b) in t.block.iter().enumerate() {
            lint.patient(&e.path, &format!("block[{i}].text"), &b.text);
        }
        lint.date(&e.path, "reviewed", &t.reviewed);
        lint.sources(&e.path, "sources", &t.sources);
    }
    for (e, r) in parsed(&c.risk_factors) {
        lint.order("risk-factor", r.order, e);
        lint.patient(&e.path, "name", &r.name);
        lint.patient(&e.path, "about", &r.about);
        match (&r.what_to_do, r.modifiable) {
            (Some(t), _) => lint.patient(&e.path, "what_to_do", t),
            (None, Modifiable::No) => {}
            (None, _) => lint.push(
                Rule::MissingText,
                &e.path,
                "what_to_do",
                "a factor that can be changed needs what_to_do: what the patient can do",
            ),
        }
        for (i, f) in r.figure.iter().enumerate() {
            figures::check(lint, &e.path, &format!("figure[{i}]"), f);
        }
        lint.date(&e.path, "reviewed", &r.reviewed);
        lint.sources(&e.path, "sources", &r.sources);
    }
    for (e, q) in parsed(&c.faqs) {
        lint.order("faq", q.order, e);
        lint.patient(&e.path, "question", &q.question);
        lint.patient(&e.path, "answer", &q.answer);
        for (i, joint) in q.joints.iter().enumerate() {
            lint.joint(&e.path, &format!("joints[{i}]"), joint);
        }
        lint.date(&e.path, "reviewed", &q.reviewed);
        lint.sources(&e.path, "sources", &q.sources);
    }
    let mut term_ids = BTreeSet::new();
    for (e, g) in parsed(&c.glossary) {
        for t in &g.term {
            let at = |field: &str| format!("term \"{}\".{field}", t.id);
            lint.listed_id(
                &e.path,
                at("id"),
                &t.id,
                &mut term_ids,
                "this term appears twice in the glossary",
            );
            lint.present(&e.path, &at("term"), &t.term);
            lint.patient(&e.path, &at("definition"), &t.definition);
        }
    }
    if let Some((e, f)) = c.finder.as_ref().and_then(|e| Some((e, e.file.as_ref()?))) {
        finder(lint, c, e, f);
    }
    for (e, s) in parsed(&c.sources) {
        links(&mut lint.out, e, s);
    }
}

/// The questions of "help me work it out": IDs, texts, one "I don't know" answer each, and
/// answers that allow some finding and name real sub-types.
fn finder(lint: &mut Lint, c: &Content, e: &Entry<FinderFile>, f: &FinderFile) {
    let mut ids = BTreeSet::new();
    for q in &f.question {
        let at = |field: &str| format!("question \"{}\".{field}", q.id);
        lint.listed_id(
            &e.path,
            at("id"),
            &q.id,
            &mut ids,
            "this question appears twice",
        );
        lint.patient(&e.path, &at("text"), &q.text);
        if let Some(help) = &q.help {
            lint.patient(&e.path, &at("help"), help);
        }
        let unknown = q.choice.iter().filter(|ch| ch.unknown).count();
        if unknown != 1 {
            lint.out.push(Problem::new(
                Rule::FinderQuestion,
                &e.path,
                at("choice"),
                format!("{unknown} answers have unknown = true: every question needs exactly one \"I don't know\" answer"),
            ));
        }
        if !(2..=crate::finder::MAX_CHOICES).contains(&q.choice.len()) {
            lint.out.push(Problem::new(
                Rule::FinderQuestion,
                &e.path,
                at("choice"),
                format!(
                    "{} answers: give from 2 to {}",
                    q.choice.len(),
                    crate::finder::MAX_CHOICES
                ),
            ));
        }
        for (i, ch) in q.choice.iter().enumerate() {
            let at = |field: &str| at(&format!("choice[{i}].{field}"));
            match &ch.text {
                Some(t) => lint.patient(&e.path, &at("text"), t),
                None if ch.unknown => {}
                None => lint.out.push(Problem::new(
                    Rule::MissingText,
                    &e.path,
                    at("text"),
                    "an answer needs text (only the \"I don't know\" answer may leave it out)",
                )),
            }
            let says_something = ch.at_least.is_some()
                || ch.at_most.is_some()
                || !ch.rules_out.is_empty()
                || !ch.modifiers.is_empty();
            if ch.unknown && says_something {
                lint.out.push(Problem::new(
                    Rule::FinderQuestion,
                    &e.path,
                    at("unknown"),
                    "the \"I don't know\" answer cannot say anything about the findings or sub-types",
                ));
            }
            if let (Some(low), Some(high)) = (ch.at_least, ch.at_most) {
                if low > high {
                    lint.out.push(Problem::new(
                        Rule::FinderChoice,
                        &e.path,
                        at("at_least"),
                        "at_least is above at_most: no finding fits this answer",
                    ));
                }
            }
            let allows = Milestone::ALL.iter().any(|m| {
                ch.at_least.is_none_or(|low| *m >= low)
                    && ch.at_most.is_none_or(|high| *m <= high)
                    && !ch.rules_out.contains(m)
            });
            let reversed =
                matches!((ch.at_least, ch.at_most), (Some(low), Some(high)) if low > high);
            if !allows && !reversed {
                lint.out.push(Problem::new(
                    Rule::FinderChoice,
                    &e.path,
                    at("rules_out"),
                    "this answer rules out every finding between at_least and at_most",
                ));
            }
            for (system, code) in &ch.modifiers {
                let known = c.systems.iter().find(|s| &s.id == system);
                let has_code = known.is_some_and(|s| {
                    s.file
                        .as_ref()
                        .is_none_or(|f| f.modifier.iter().any(|m| &m.code == code))
                });
                if !has_code {
                    lint.out.push(Problem::new(
                        Rule::FinderChoice,
                        &e.path,
                        at(&format!("modifiers.{system}")),
                        match known {
                            None => format!("no staging system \"{system}\" in content/staging/"),
                            Some(_) => {
                                format!("\"{system}\" has no [[modifier]] with code \"{code}\"")
                            }
                        },
                    ));
                }
            }
        }
    }
}

fn links(out: &mut Vec<Problem>, e: &Entry<SourceFile>, s: &SourceFile) {
    if let Some(url) = &s.url {
        if !url.starts_with("https://") || url.contains(char::is_whitespace) {
            out.push(Problem::new(
                Rule::BadLink,
                &e.path,
                "url",
                format!("\"{url}\" must be an https:// address"),
            ));
        }
    }
    if let Some(doi) = &s.doi {
        let ok = doi.starts_with("10.") && doi.contains('/') && !doi.contains(char::is_whitespace);
        if !ok {
            out.push(Problem::new(
                Rule::BadLink,
                &e.path,
                "doi",
                format!("\"{doi}\" is not a DOI (10.xxxx/…, without https://doi.org/)"),
            ));
        }
    }
    if let Some(pmid) = &s.pmid {
        if pmid.is_empty() || !pmid.chars().all(|c| c.is_ascii_digit()) {
            out.push(Problem::new(
                Rule::BadLink,
                &e.path,
                "pmid",
                format!("\"{pmid}\" is not a PubMed ID (digits only)"),
            ));
        }
    }
    if s.doi.is_none() && s.pmid.is_none() && s.url.is_none() {
        out.push(Problem::new(
            Rule::BadLink,
            &e.path,
            "doi",
            "give a doi, a pmid or an https url so a reader can find the source",
        ));
    }
}
