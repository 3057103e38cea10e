//! The content linter: every rule has a stable code, and a run reports every problem in every
//! file at once, each with the file, the field and what to do about it.

use crate::files::{FigureEntry, FinderFile, LocalText, SourceFile};
use crate::load::{Content, Entry};
use crate::readability;
use crate::{Milestone, Modifiable, OptionKind};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// A lint rule. Codes are stable: tests, fixtures and reviewers refer to them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// KB001: a file is missing, is not valid TOML, or does not fit its schema (unknown
    /// field, missing field, wrong type, value outside a vocabulary).
    Schema,
    /// KB002: a reference names a joint or source that does not exist.
    BrokenReference,
    /// KB003: a staging system or stage cites no source.
    MissingSource,
    /// KB004: a source that nothing cites.
    OrphanSource,
    /// KB005: patient text missing in the default language, or blank.
    MissingText,
    /// KB006: text in an undeclared language, or a declared language without interface text.
    UnknownLanguage,
    /// KB007: a date that is not a real ISO date (YYYY-MM-DD).
    BadDate,
    /// KB008: a link that is not https, a malformed DOI or a PubMed ID that is not a number.
    BadLink,
    /// KB009: two things that must be unique share a code or a display order.
    Duplicate,
    /// KB010: a file or stage code that cannot be an ID (lower-case kebab-case files, letters
    /// and digits for stage codes), or a stray non-TOML file.
    BadName,
    /// KB011: a staging system with no stages, or a joint with no staging system.
    Empty,
    /// KB012: an outcome figure that is not "N out of 100 over a time": out_of is not 100, a
    /// number above 100, a range that does not contain the estimate, or no time span; or a
    /// `recovery_weeks` range whose low end is above its high end.
    BadFigure,
    /// KB013: benefits and harms not in equal detail (one has over twice the words of the other).
    Unbalanced,
    /// KB014: patient text above reading grade 10 (Flesch-Kincaid, glossary terms excluded).
    HardToRead,
    /// KB015: a medical-looking word in patient text that the glossary does not explain.
    UnexplainedTerm,
    /// KB016: a stage without imaging milestones in a joint with several staging systems, so it
    /// cannot be translated into the others.
    UnmappedStage,
    /// KB017: a joint with no watch-and-wait option.
    NoWatchAndWait,
    /// KB018: a "help me work it out" question without exactly one "I don't know" answer
    /// (that says nothing about the findings), or with fewer than two or more than 36 answers.
    FinderQuestion,
    /// KB019: a "help me work it out" answer that allows no finding (at_least above at_most, or
    /// everything ruled out), or that picks a sub-type a staging system does not have.
    FinderChoice,
    /// KB020: an option's figure names a joint the option is not offered for, so no
    /// comparison for that joint would ever show it.
    FigureForOtherJoint,
    /// KB021: a figure with a measure but no joint: options are compared per joint.
    MeasureWithoutJoint,
}

impl Rule {
    /// Every rule, in code order.
    pub const ALL: [Rule; 21] = [
        Rule::Schema,
        Rule::BrokenReference,
        Rule::MissingSource,
        Rule::OrphanSource,
        Rule::MissingText,
        Rule::UnknownLanguage,
        Rule::BadDate,
        Rule::BadLink,
        Rule::Duplicate,
        Rule::BadName,
        Rule::Empty,
        Rule::BadFigure,
        Rule::Unbalanced,
        Rule::HardToRead,
        Rule::UnexplainedTerm,
        Rule::UnmappedStage,
        Rule::NoWatchAndWait,
        Rule::FinderQuestion,
        Rule::FinderChoice,
        Rule::FigureForOtherJoint,
        Rule::MeasureWithoutJoint,
    ];

    /// The stable code, e.g. `KB003`.
    pub fn code(self) -> &'static str {
        match self {
            Rule::Schema => "KB001",
            Rule::BrokenReference => "KB002",
            Rule::MissingSource => "KB003",
            Rule::OrphanSource => "KB004",
            Rule::MissingText => "KB005",
            Rule::UnknownLanguage => "KB006",
            Rule::BadDate => "KB007",
            Rule::BadLink => "KB008",
            Rule::Duplicate => "KB009",
            Rule::BadName => "KB010",
            Rule::Empty => "KB011",
            Rule::BadFigure => "KB012",
            Rule::Unbalanced => "KB013",
            Rule::HardToRead => "KB014",
            Rule::UnexplainedTerm => "KB015",
            Rule::UnmappedStage => "KB016",
            Rule::NoWatchAndWait => "KB017",
            Rule::FinderQuestion => "KB018",
            Rule::FinderChoice => "KB019",
            Rule::FigureForOtherJoint => "KB020",
            Rule::MeasureWithoutJoint => "KB021",
        }
    }
}

/// One problem found in the content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The rule broken.
    pub rule: Rule,
    /// The file, as a path from where the linter was pointed.
    pub file: String,
    /// The field, e.g. `stage "IIIA".sources`.
    pub field: String,
    /// What is wrong, in words a content editor can act on.
    pub message: String,
}

impl Problem {
    /// A problem with `rule` at `file` / `field`.
    pub fn new(
        rule: Rule,
        file: impl Into<String>,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            rule,
            file: file.into(),
            field: field.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: {}: {}",
            self.rule.code(),
            self.file,
            self.field,
            self.message
        )
    }
}

/// Checks an ID written inside a list (a glossary term, a finder question): kebab-case, and
/// not already in `seen`.
fn listed_id<'a>(
    out: &mut Vec<Problem>,
    path: &str,
    at: String,
    id: &'a str,
    seen: &mut BTreeSet<&'a str>,
    twice: &str,
) {
    if !is_kebab(id) {
        out.push(Problem::new(
            Rule::BadName,
            path,
            at.clone(),
            "an ID is lower-case letters, digits and dashes",
        ));
    }
    if !seen.insert(id) {
        out.push(Problem::new(Rule::Duplicate, path, at, twice));
    }
}

/// Whether `s` is a valid ID: lower-case letters, digits and single dashes.
pub fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Whether `s` is a real calendar date written `YYYY-MM-DD`.
pub fn is_iso_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let [y, m, d] = parts[..] else { return false };
    let digits = |p: &str, n| p.len() == n && p.chars().all(|c| c.is_ascii_digit());
    if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
        return false;
    }
    let (y, m, d): (u32, u32, u32) = (y.parse().unwrap(), m.parse().unwrap(), d.parse().unwrap());
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// Runs every cross-file and field rule over content that has been read. Files that did not
/// parse are skipped here (their problem is already reported), but still count as existing,
/// so one broken file does not also make everything that cites it look broken.
pub fn check(c: &Content) -> Vec<Problem> {
    let mut out = Vec::new();
    let about = c.about.as_ref().and_then(|e| Some((e, e.file.as_ref()?)));
    let languages: Vec<String> = about
        .map(|(_, a)| a.language.iter().map(|l| l.code.clone()).collect())
        .unwrap_or_else(|| vec!["en".into()]);
    let default = languages.first().cloned().unwrap_or_default();
    let glossary = Glossary::of(c, &default);
    let texts = TextCheck {
        languages: &languages,
        default: &default,
        glossary: &glossary,
    };

    if let Some((e, a)) = about {
        if a.format_version != 1 {
            out.push(Problem::new(
                Rule::Schema,
                &e.path,
                "format_version",
                format!(
                    "format_version {} is not supported; use 1",
                    a.format_version
                ),
            ));
        }
        date(&mut out, &e.path, "published", &a.published);
        date(&mut out, &e.path, "reviewed", &a.reviewed);
        if a.language.is_empty() {
            out.push(Problem::new(
                Rule::Empty,
                &e.path,
                "language",
                "declare at least one [[language]]; the first is the default",
            ));
        }
        let mut seen = BTreeSet::new();
        for (i, l) in a.language.iter().enumerate() {
            if !seen.insert(&l.code) {
                out.push(Problem::new(
                    Rule::Duplicate,
                    &e.path,
                    format!("language[{i}].code"),
                    format!("language \"{}\" is declared twice", l.code),
                ));
            }
            if !c.ui.iter().any(|u| u.id == l.code) {
                out.push(Problem::new(
                    Rule::UnknownLanguage,
                    &e.path,
                    format!("language[{i}].code"),
                    format!(
                        "\"{}\" is declared but content/ui/{}.toml is missing",
                        l.code, l.code
                    ),
                ));
            }
        }
    }
    for u in &c.ui {
        if !languages.contains(&u.id) {
            out.push(Problem::new(
                Rule::UnknownLanguage,
                &u.path,
                "(file name)",
                format!("language \"{}\" is not declared in kb.toml", u.id),
            ));
        }
    }

    let joint_ids: BTreeSet<&str> = c.joints.iter().map(|e| e.id.as_str()).collect();
    let source_ids: BTreeSet<&str> = c.sources.iter().map(|e| e.id.as_str()).collect();
    let known = Known {
        joints: &joint_ids,
        sources: &source_ids,
    };
    let mut cited: BTreeSet<&str> = BTreeSet::new();
    let mut staged_joints: BTreeSet<&str> = BTreeSet::new();
    let mut orders: BTreeMap<(&str, u32), &str> = BTreeMap::new();

    for (e, j) in parsed(&c.joints) {
        texts.patient(&mut out, &e.path, "name", &j.name);
        texts.patient(&mut out, &e.path, "title", &j.title);
        texts.patient(&mut out, &e.path, "about", &j.about);
        texts.patient(&mut out, &e.path, "phase.early", &j.phase.early);
        texts.check(
            &mut out,
            &e.path,
            "phase.intermediate",
            &j.phase.intermediate,
        );
        texts.patient(&mut out, &e.path, "phase.late", &j.phase.late);
        date(&mut out, &e.path, "reviewed", &j.reviewed);
        unique_order(&mut out, &mut orders, ("", j.order), e);
    }

    for (e, s) in parsed(&c.systems) {
        if joint_ids.contains(s.joint.as_str()) {
            staged_joints.insert(s.joint.as_str());
        } else {
            out.push(Problem::new(
                Rule::BrokenReference,
                &e.path,
                "joint",
                format!("no joint \"{}\" in content/joints/", s.joint),
            ));
        }
        unique_order(&mut out, &mut orders, (s.joint.as_str(), s.order), e);
        texts.patient(&mut out, &e.path, "name", &s.name);
        texts.patient(&mut out, &e.path, "about", &s.about);
        date(&mut out, &e.path, "reviewed", &s.reviewed);
        sources(&mut out, &e.path, "sources", &s.sources, &source_ids);
        cited.extend(s.sources.iter().map(String::as_str));
        if s.stage.is_empty() {
            out.push(Problem::new(
                Rule::Empty,
                &e.path,
                "stage",
                "a staging system needs at least one [[stage]]",
            ));
        }
        let mut codes = BTreeSet::new();
        for st in &s.stage {
            let at = |field: &str| format!("stage \"{}\".{field}", st.code);
            if st.code.is_empty() || !st.code.chars().all(|c| c.is_ascii_alphanumeric()) {
                out.push(Problem::new(
                    Rule::BadName,
                    &e.path,
                    at("code"),
                    "a stage code is letters and digits only, as on reports (e.g. IIIA)",
                ));
            }
            if !codes.insert(st.code.as_str()) {
                out.push(Problem::new(
                    Rule::Duplicate,
                    &e.path,
                    at("code"),
                    format!("stage \"{}\" appears twice in this system", st.code),
                ));
            }
            texts.patient(&mut out, &e.path, &at("summary"), &st.summary);
            texts.patient(&mut out, &e.path, &at("meaning"), &st.meaning);
            texts.patient(&mut out, &e.path, &at("imaging"), &st.imaging);
            texts.patient(&mut out, &e.path, &at("reversibility"), &st.reversibility);
            sources(&mut out, &e.path, &at("sources"), &st.sources, &source_ids);
            cited.extend(st.sources.iter().map(String::as_str));
            if let Some(nh) = &st.natural_history {
                texts.patient(&mut out, &e.path, &at("natural_history"), nh);
            }
            for (i, f) in st.figure.iter().enumerate() {
                figure(
                    &mut out,
                    &texts,
                    &e.path,
                    &at(&format!("figure[{i}]")),
                    f,
                    &known,
                    &mut cited,
                );
            }
            if systems_per_joint(c, &s.joint) > 1 && st.milestones.is_empty() {
                out.push(Problem::new(
                    Rule::UnmappedStage,
                    &e.path,
                    at("milestones"),
                    "this joint has several staging systems: list the imaging milestones this stage spans",
                ));
            }
        }
        let mut modifier_codes = BTreeSet::new();
        for m in &s.modifier {
            let at = |field: &str| format!("modifier \"{}\".{field}", m.code);
            if !modifier_codes.insert(m.code.as_str()) {
                out.push(Problem::new(
                    Rule::Duplicate,
                    &e.path,
                    at("code"),
                    "this sub-type appears twice",
                ));
            }
            texts.patient(&mut out, &e.path, &at("meaning"), &m.meaning);
            sources(&mut out, &e.path, &at("sources"), &m.sources, &source_ids);
            cited.extend(m.sources.iter().map(String::as_str));
            for (i, f) in m.figure.iter().enumerate() {
                figure(
                    &mut out,
                    &texts,
                    &e.path,
                    &at(&format!("figure[{i}]")),
                    f,
                    &known,
                    &mut cited,
                );
            }
        }
    }

    // Topics, risk factors, options, questions and the glossary.
    for (e, t) in parsed(&c.topics) {
        unique_order(&mut out, &mut orders, ("topic", t.order), e);
        texts.patient(&mut out, &e.path, "title", &t.title);
        for (i, b) in t.block.iter().enumerate() {
            texts.patient(&mut out, &e.path, &format!("block[{i}].text"), &b.text);
        }
        date(&mut out, &e.path, "reviewed", &t.reviewed);
        sources(&mut out, &e.path, "sources", &t.sources, &source_ids);
        cited.extend(t.sources.iter().map(String::as_str));
    }
    for (e, r) in parsed(&c.risk_factors) {
        unique_order(&mut out, &mut orders, ("risk-factor", r.order), e);
        texts.patient(&mut out, &e.path, "name", &r.name);
        texts.patient(&mut out, &e.path, "about", &r.about);
        match (&r.what_to_do, r.modifiable) {
            (Some(t), _) => texts.patient(&mut out, &e.path, "what_to_do", t),
            (None, Modifiable::No) => {}
            (None, _) => out.push(Problem::new(
                Rule::MissingText,
                &e.path,
                "what_to_do",
                "a factor that can be changed needs what_to_do: what the patient can do",
            )),
        }
        date(&mut out, &e.path, "reviewed", &r.reviewed);
        sources(&mut out, &e.path, "sources", &r.sources, &source_ids);
        cited.extend(r.sources.iter().map(String::as_str));
    }
    for (e, o) in parsed(&c.options) {
        unique_order(&mut out, &mut orders, ("option", o.order), e);
        for (field, text) in [
            ("name", &o.name),
            ("summary", &o.summary),
            ("involves", &o.involves),
            ("benefits", &o.benefits),
            ("harms", &o.harms),
            ("living_with", &o.living_with),
        ] {
            texts.patient(&mut out, &e.path, field, text);
        }
        let words = |t: &LocalText| t.get(&default).map_or(0, |s| s.split_whitespace().count());
        let (benefits, harms) = (words(&o.benefits), words(&o.harms));
        if benefits > 2 * harms.max(1) || harms > 2 * benefits.max(1) {
            out.push(Problem::new(
                Rule::Unbalanced,
                &e.path,
                "benefits / harms",
                format!(
                    "benefits have {benefits} words and harms {harms}: give both in equal detail"
                ),
            ));
        }
        for (i, offer) in o.offered.iter().enumerate() {
            if !joint_ids.contains(offer.joint.as_str()) {
                out.push(Problem::new(
                    Rule::BrokenReference,
                    &e.path,
                    format!("offered[{i}].joint"),
                    format!("no joint \"{}\" in content/joints/", offer.joint),
                ));
            }
        }
        if let Some([low, high]) = o.recovery_weeks {
            if low > high {
                out.push(Problem::new(
                    Rule::BadFigure,
                    &e.path,
                    "recovery_weeks",
                    format!("the range {low}–{high} weeks must have its low end first"),
                ));
            }
        }
        for (i, f) in o.figure.iter().enumerate() {
            figure(
                &mut out,
                &texts,
                &e.path,
                &format!("figure[{i}]"),
                f,
                &known,
                &mut cited,
            );
            let offered = o.offered.iter().any(|x| Some(&x.joint) == f.joint.as_ref());
            match &f.joint {
                Some(j) if joint_ids.contains(j.as_str()) && !offered => {
                    out.push(Problem::new(
                        Rule::FigureForOtherJoint,
                        &e.path,
                        format!("figure[{i}].joint"),
                        format!("this option has no [[offered]] for joint \"{j}\": offer it there or fix the joint"),
                    ));
                }
                _ => {}
            }
        }
        date(&mut out, &e.path, "reviewed", &o.reviewed);
        sources(&mut out, &e.path, "sources", &o.sources, &source_ids);
        cited.extend(o.sources.iter().map(String::as_str));
    }
    for (e, q) in parsed(&c.faqs) {
        unique_order(&mut out, &mut orders, ("faq", q.order), e);
        texts.patient(&mut out, &e.path, "question", &q.question);
        texts.patient(&mut out, &e.path, "answer", &q.answer);
        date(&mut out, &e.path, "reviewed", &q.reviewed);
        sources(&mut out, &e.path, "sources", &q.sources, &source_ids);
        cited.extend(q.sources.iter().map(String::as_str));
    }
    let mut term_ids = BTreeSet::new();
    for (e, g) in parsed(&c.glossary) {
        for t in &g.term {
            let at = |field: &str| format!("term \"{}\".{field}", t.id);
            listed_id(
                &mut out,
                &e.path,
                at("id"),
                &t.id,
                &mut term_ids,
                "this term appears twice in the glossary",
            );
            texts.check(&mut out, &e.path, &at("term"), &t.term);
            texts.patient(&mut out, &e.path, &at("definition"), &t.definition);
        }
    }

    if let Some((e, f)) = c.finder.as_ref().and_then(|e| Some((e, e.file.as_ref()?))) {
        finder(&mut out, &texts, c, e, f);
    }

    // A file that did not parse may be the one that stages a joint or cites a source: judge
    // orphans, unstaged joints and missing options only when every such file could be read.
    let systems_readable = c.systems.iter().all(|e| e.file.is_some());
    let citers_readable = systems_readable
        && c.topics.iter().all(|e| e.file.is_some())
        && c.risk_factors.iter().all(|e| e.file.is_some())
        && c.options.iter().all(|e| e.file.is_some())
        && c.faqs.iter().all(|e| e.file.is_some());
    let options_readable = c.options.iter().all(|e| e.file.is_some());
    for (e, _) in parsed(&c.joints).filter(|_| options_readable) {
        let watch = parsed(&c.options).any(|(_, o)| {
            o.kind == OptionKind::WatchAndWait && o.offered.iter().any(|x| x.joint == e.id)
        });
        if !watch {
            out.push(Problem::new(
                Rule::NoWatchAndWait,
                &e.path,
                "(file)",
                format!(
                    "no watch-and-wait option is offered for \"{}\": it must always be an option",
                    e.id
                ),
            ));
        }
    }
    for (e, _) in parsed(&c.joints).filter(|_| systems_readable) {
        if !staged_joints.contains(e.id.as_str()) {
            out.push(Problem::new(
                Rule::Empty,
                &e.path,
                "(file)",
                format!(
                    "no staging system in content/staging/ names joint \"{}\"",
                    e.id
                ),
            ));
        }
    }

    for (e, s) in parsed(&c.sources) {
        links(&mut out, e, s);
        if citers_readable && !cited.contains(e.id.as_str()) {
            out.push(Problem::new(
                Rule::OrphanSource,
                &e.path,
                "(file)",
                "nothing cites this source: cite it or remove the file",
            ));
        }
    }
    out
}

fn parsed<T>(entries: &[Entry<T>]) -> impl Iterator<Item = (&Entry<T>, &T)> {
    entries.iter().filter_map(|e| Some((e, e.file.as_ref()?)))
}

/// The glossary as the linter needs it: every known term form, and the plain-word list.
#[derive(Default)]
pub struct Glossary {
    /// Terms and their other forms, lower case.
    pub known: Vec<String>,
    /// Words that look medical but need no entry, lower case.
    pub plain: Vec<String>,
}

impl Glossary {
    /// Reads the glossary file's terms in the default language.
    pub fn of(c: &Content, default: &str) -> Glossary {
        let mut glossary = Glossary::default();
        for (_, g) in parsed(&c.glossary) {
            for t in &g.term {
                glossary
                    .known
                    .extend(t.term.get(default).map(|s| s.to_lowercase()));
                glossary
                    .known
                    .extend(t.also.iter().map(|s| s.to_lowercase()));
            }
            glossary
                .plain
                .extend(g.plain.iter().map(|s| s.to_lowercase()));
        }
        glossary
    }
}

struct TextCheck<'a> {
    languages: &'a [String],
    default: &'a str,
    glossary: &'a Glossary,
}

impl TextCheck<'_> {
    /// Patient text: present in the default language, in declared languages only, readable,
    /// and with every medical-looking word explained by the glossary.
    fn patient(&self, out: &mut Vec<Problem>, file: &str, field: &str, text: &LocalText) {
        self.check(out, file, field, text);
        let Some(t) = text.get(self.default) else {
            return;
        };
        if let Some(grade) = readability::grade(t, &self.glossary.known) {
            if grade > 10.0 {
                out.push(Problem::new(
                    Rule::HardToRead,
                    file,
                    field,
                    format!(
                        "reading grade {grade:.1} is above 10: use shorter sentences and words"
                    ),
                ));
            }
        }
        let unexplained =
            readability::unexplained_terms(t, &self.glossary.known, &self.glossary.plain);
        if !unexplained.is_empty() {
            out.push(Problem::new(
                Rule::UnexplainedTerm,
                file,
                field,
                format!(
                    "{} not in glossary.toml: add a [[term]] (or, if plain, add it to `plain`)",
                    unexplained.join(", ")
                ),
            ));
        }
    }

    fn check(&self, out: &mut Vec<Problem>, file: &str, field: &str, text: &LocalText) {
        match text.get(self.default) {
            Some(t) if !t.trim().is_empty() => {}
            _ => out.push(Problem::new(
                Rule::MissingText,
                file,
                field,
                format!(
                    "needs text in the default language ({field}.{} = \"…\")",
                    self.default
                ),
            )),
        }
        for lang in text.keys().filter(|l| !self.languages.contains(l)) {
            out.push(Problem::new(
                Rule::UnknownLanguage,
                file,
                format!("{field}.{lang}"),
                format!("\"{lang}\" is not a language declared in kb.toml"),
            ));
        }
    }
}

/// The questions of "help me work it out": IDs, texts, one "I don't know" answer each, and
/// answers that allow some finding and name real sub-types.
fn finder(
    out: &mut Vec<Problem>,
    texts: &TextCheck,
    c: &Content,
    e: &Entry<FinderFile>,
    f: &FinderFile,
) {
    let mut ids = BTreeSet::new();
    for q in &f.question {
        let at = |field: &str| format!("question \"{}\".{field}", q.id);
        listed_id(
            out,
            &e.path,
            at("id"),
            &q.id,
            &mut ids,
            "this question appears twice",
        );
        texts.patient(out, &e.path, &at("text"), &q.text);
        if let Some(help) = &q.help {
            texts.patient(out, &e.path, &at("help"), help);
        }
        let unknown = q.choice.iter().filter(|ch| ch.unknown).count();
        if unknown != 1 {
            out.push(Problem::new(
                Rule::FinderQuestion,
                &e.path,
                at("choice"),
                format!("{unknown} answers have unknown = true: every question needs exactly one \"I don't know\" answer"),
            ));
        }
        if !(2..=crate::finder::MAX_CHOICES).contains(&q.choice.len()) {
            out.push(Problem::new(
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
                Some(t) => texts.patient(out, &e.path, &at("text"), t),
                None if ch.unknown => {}
                None => out.push(Problem::new(
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
                out.push(Problem::new(
                    Rule::FinderQuestion,
                    &e.path,
                    at("unknown"),
                    "the \"I don't know\" answer cannot say anything about the findings or sub-types",
                ));
            }
            if let (Some(low), Some(high)) = (ch.at_least, ch.at_most) {
                if low > high {
                    out.push(Problem::new(
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
                out.push(Problem::new(
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
                    out.push(Problem::new(
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

fn systems_per_joint(c: &Content, joint: &str) -> usize {
    parsed(&c.systems).filter(|(_, s)| s.joint == joint).count()
}

/// The joint and source IDs that exist, for checking references.
struct Known<'a> {
    joints: &'a BTreeSet<&'a str>,
    sources: &'a BTreeSet<&'a str>,
}

/// An outcome figure: N out of 100 (range around it), over a time, for a group, with sources;
/// its joint must exist, and a figure that says what it counts must say for which joint.
fn figure<'a>(
    out: &mut Vec<Problem>,
    texts: &TextCheck,
    file: &str,
    field: &str,
    f: &'a FigureEntry,
    known: &Known,
    cited: &mut BTreeSet<&'a str>,
) {
    match (&f.joint, f.measure) {
        (Some(j), _) if !known.joints.contains(j.as_str()) => out.push(Problem::new(
            Rule::BrokenReference,
            file,
            format!("{field}.joint"),
            format!("no joint \"{j}\" in content/joints/"),
        )),
        (None, Some(_)) => out.push(Problem::new(
            Rule::MeasureWithoutJoint,
            file,
            format!("{field}.joint"),
            "a figure with a measure needs the joint its group had, so options can be compared per joint",
        )),
        _ => {}
    }
    let mut bad = |why: String| out.push(Problem::new(Rule::BadFigure, file, field, why));
    if f.out_of != 100 {
        bad(format!(
            "out_of is {}: every figure is per 100 people",
            f.out_of
        ));
    }
    if f.per_100 > 100 {
        bad(format!("per_100 is {}: it cannot be over 100", f.per_100));
    }
    if let (Some(low), Some(high)) = (f.low, f.high) {
        if !(low <= f.per_100 && f.per_100 <= high && high <= 100) {
            bad(format!(
                "the range {low}–{high} must contain per_100 ({}) and stay within 100",
                f.per_100
            ));
        }
    } else if f.low.is_some() != f.high.is_some() {
        bad("give both low and high, or neither".into());
    }
    if !(f.years.is_finite() && f.years > 0.0) {
        bad("years must be a time span above 0".into());
    }
    texts.patient(out, file, &format!("{field}.outcome"), &f.outcome);
    texts.patient(out, file, &format!("{field}.group"), &f.group);
    if let Some(note) = &f.note {
        texts.patient(out, file, &format!("{field}.note"), note);
    }
    sources(
        out,
        file,
        &format!("{field}.sources"),
        &f.sources,
        known.sources,
    );
    cited.extend(f.sources.iter().map(String::as_str));
}

fn date(out: &mut Vec<Problem>, file: &str, field: &str, value: &str) {
    if !is_iso_date(value) {
        out.push(Problem::new(
            Rule::BadDate,
            file,
            field,
            format!("\"{value}\" is not an ISO date (YYYY-MM-DD)"),
        ));
    }
}

fn sources(
    out: &mut Vec<Problem>,
    file: &str,
    field: &str,
    cited: &[String],
    known: &BTreeSet<&str>,
) {
    if cited.is_empty() {
        out.push(Problem::new(
            Rule::MissingSource,
            file,
            field,
            "cite at least one source (a file name under content/sources/)",
        ));
    }
    for id in cited.iter().filter(|id| !known.contains(id.as_str())) {
        out.push(Problem::new(
            Rule::BrokenReference,
            file,
            field,
            format!("no source \"{id}\" in content/sources/"),
        ));
    }
}

fn unique_order<'a, T>(
    out: &mut Vec<Problem>,
    orders: &mut BTreeMap<(&'a str, u32), &'a str>,
    key: (&'a str, u32),
    e: &'a Entry<T>,
) {
    if let Some(other) = orders.insert(key, &e.id) {
        out.push(Problem::new(
            Rule::Duplicate,
            &e.path,
            "order",
            format!("order {} is also used by \"{other}\"", key.1),
        ));
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
