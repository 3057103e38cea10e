//! The decoder: finds the phrases of a report, works out for each finding whether the report
//! says it is there, is not there or may be there (NegEx-style triggers, pseudo-triggers and
//! scope ends, all from the content), on which side, and what that means for the stage.

use super::stages::{self, SideFacts};
use super::tokens::{tokens, Kind, Token};
use super::{
    Comparison, Cue, FindingKind, Hedge, Modality, ReportMeasure, ReportWords, Section, Side, Unit,
};
use crate::model::Kb;
use crate::{FindingId, JointId, LangId, Milestone, StageId, SystemId};
use std::collections::HashMap;

/// The longest report the decoder reads, in characters; the page says so before it cuts.
pub const MAX_REPORT_CHARS: usize = 20_000;

/// How many words (other than findings and list words) may stand between a negation or hedge
/// and the finding it covers.
const REACH: usize = 5;

/// What a report says of a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// It says it is there.
    Present,
    /// It says it is not there.
    Absent,
    /// It is unsure, in this way.
    Uncertain(Hedge),
}

/// A recognised phrase, as marked in the report shown back.
#[derive(Clone, Debug, PartialEq)]
pub struct Marked {
    /// Byte range in the report.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// What it is.
    pub what: What,
}

/// What a marked phrase is.
#[derive(Clone, Debug, PartialEq)]
pub enum What {
    /// A finding, what the report says of it, and where.
    Finding {
        /// Which finding.
        finding: FindingId,
        /// What the report says of it here.
        status: Status,
        /// On which side.
        side: Side,
        /// Asked about in the history, not found.
        asked: bool,
    },
    /// A hedge word.
    Hedge(Hedge),
    /// A number with what it measures.
    Measurement(ReportMeasure),
    /// A named stage.
    Stage,
}

/// A finding on one side, with the words it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// Which finding.
    pub finding: FindingId,
    /// What the report says of it.
    pub status: Status,
    /// Byte ranges of the sentences it came from, in report order.
    pub quotes: Vec<(usize, usize)>,
}

/// A measurement the report gives.
#[derive(Clone, Debug, PartialEq)]
pub struct Measured {
    /// What it measures.
    pub measure: ReportMeasure,
    /// The lowest value it allows (the value itself when exact).
    pub min: Option<f64>,
    /// The highest value it allows.
    pub max: Option<f64>,
    /// Byte range of the number and its unit.
    pub quote: (usize, usize),
}

/// A stage the report names.
#[derive(Clone, Debug, PartialEq)]
pub struct NamedStage {
    /// Its system.
    pub system: SystemId,
    /// The stages the name covers ("Ficat II" is IIA or IIB).
    pub stages: Vec<StageId>,
    /// A sub-type letter, if given ("Steinberg IIC").
    pub modifier: Option<String>,
    /// The report hedges it ("possible ARCO II").
    pub hedged: bool,
    /// Byte range of the words.
    pub quote: (usize, usize),
}

/// The stages of one system that fit what a side's words say.
#[derive(Clone, Debug, PartialEq)]
pub struct StageSpan {
    /// The system.
    pub system: SystemId,
    /// The stages that fit, mildest first (every stage between the first and the last).
    pub stages: Vec<StageId>,
}

/// What the report says about one side.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SideReading {
    /// Which side.
    pub side: Option<Side>,
    /// The report calls this side normal or unremarkable.
    pub normal: bool,
    /// Findings, in content order.
    pub found: Vec<Found>,
    /// Measurements, in report order.
    pub measurements: Vec<Measured>,
    /// Stages the report names.
    pub named: Vec<NamedStage>,
    /// Points on the finder's scale the words allow (empty when the side is not staged).
    pub milestones: Vec<Milestone>,
    /// Per system of the joint, the stages that fit (empty when the side is not staged).
    pub stages: Vec<StageSpan>,
    /// A named stage contradicts the described findings: both readings are kept.
    pub clash: bool,
    /// How the report compares this side with an earlier study.
    pub change: Option<Comparison>,
    /// Byte ranges of the words that narrowed the stages.
    pub because: Vec<(usize, usize)>,
}

impl SideReading {
    /// What the report says of `finding` on this side, if anything.
    pub fn status(&self, finding: &str) -> Option<Status> {
        self.found
            .iter()
            .find(|f| f.finding.as_str() == finding)
            .map(|f| f.status)
    }

    /// The findings with this status.
    pub fn with(&self, pick: impl Fn(Status) -> bool) -> impl Iterator<Item = &Found> {
        self.found.iter().filter(move |f| pick(f.status))
    }
}

/// Everything the decoder read in a report.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reading {
    /// The recognised phrases, in report order, not overlapping.
    pub marks: Vec<Marked>,
    /// One reading per side the report describes.
    pub sides: Vec<SideReading>,
    /// What the history asks about (not findings), with the words.
    pub asked: Vec<(FindingId, (usize, usize))>,
    /// No side has AVN (or a bone infarct) present or possible.
    pub not_avn: bool,
    /// The report says plainly that there is no AVN.
    pub says_no_avn: bool,
    /// Other conditions the report names or considers.
    pub mimics: Vec<FindingId>,
    /// Stages named without their system ("stage 2"), with the words.
    pub unnamed_stages: Vec<(String, (usize, usize))>,
    /// The report was longer than [`MAX_REPORT_CHARS`] and only its start was read.
    pub cut: bool,
}

/// One phrase found in the report: tokens `from..to` and what it signals.
#[derive(Clone, Debug)]
struct Hit {
    from: usize,
    to: usize,
    cues: Vec<Cue>,
}

impl Hit {
    fn has(&self, pick: impl Fn(&Cue) -> bool) -> bool {
        self.cues.iter().any(pick)
    }
}

/// One mention of a finding, as read.
#[derive(Clone, Debug)]
struct Mention {
    finding: u16,
    status: Status,
    side: Side,
    sentence: (usize, usize),
    mark: (usize, usize),
    asked: bool,
}

/// Reads `text` as a report about `joint`, with the words of `lang`.
pub fn decode(kb: &Kb, lang: &LangId, joint: &JointId, text: &str) -> Reading {
    let guide = &kb.report;
    let Some(words) = guide.words(lang) else {
        return Reading::default();
    };
    let (text, cut) = match text.char_indices().nth(MAX_REPORT_CHARS) {
        Some((at, _)) => (&text[..at], true),
        None => (text, false),
    };
    let toks = tokens(text);
    let letters = text.chars().filter(|c| c.is_alphabetic());
    let (upper, all) = letters.fold((0usize, 0usize), |(u, a), c| {
        (u + usize::from(c.is_uppercase()), a + 1)
    });
    let shouting = all > 0 && upper * 10 > all * 6;
    let systems: Vec<u16> = kb
        .joint(joint)
        .map(|j| {
            j.systems
                .iter()
                .filter_map(|id| kb.systems.iter().position(|s| &s.id == id))
                .filter_map(|i| u16::try_from(i).ok())
                .collect()
        })
        .unwrap_or_default();
    let applies = |cue: &Cue| match cue {
        Cue::Finding(i) | Cue::Absent(i) => guide
            .findings
            .get(usize::from(*i))
            .is_some_and(|f| f.joints.contains(joint)),
        Cue::System(i) => systems.contains(i),
        _ => true,
    };
    let mut hits = find_phrases(words, &toks, text, shouting, &applies);
    if joint.as_str() == "jaw" {
        tooth_sides(&toks, &mut hits);
    }
    let mut reader = Reader {
        kb,
        joint,
        toks: &toks,
        hits: &hits,
        mentions: Vec::new(),
        measured: Vec::new(),
        named: Vec::new(),
        normal: Vec::new(),
        xray_normal: Vec::new(),
        changes: Vec::new(),
        marks: Vec::new(),
        unnamed: Vec::new(),
        modalities: Vec::new(),
        says_no_avn: false,
        named_anywhere: Vec::new(),
        named_in_history: Vec::new(),
        title_side: None,
    };
    reader.read();
    let mut reading = reader.finish();
    reading.cut = cut;
    reading
}

/// Finds the longest phrase at each place, left to right, keeping only cues that apply.
fn find_phrases(
    words: &ReportWords,
    toks: &[Token],
    text: &str,
    shouting: bool,
    applies: &dyn Fn(&Cue) -> bool,
) -> Vec<Hit> {
    let mut by_first: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, p) in words.phrases.iter().enumerate() {
        if let Some(first) = p.words.first() {
            by_first.entry(first.as_str()).or_default().push(i);
        }
    }
    let key = |t: &Token| -> String {
        match t.kind {
            Kind::Word => t.text.clone(),
            Kind::Mark(c) => c.to_string(),
            Kind::Number(_) => String::new(),
        }
    };
    let keys: Vec<String> = toks.iter().map(key).collect();
    let mut hits = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // "?AVN" and "AVN?" are queries.
        if toks[i].kind == Kind::Mark('?') {
            let glued_next = toks
                .get(i + 1)
                .is_some_and(|n| n.start == toks[i].end && n.kind == Kind::Word);
            let glued_prev =
                i > 0 && toks[i - 1].end == toks[i].start && toks[i - 1].kind == Kind::Word;
            if glued_next {
                hits.push(Hit {
                    from: i,
                    to: i + 1,
                    cues: vec![Cue::HedgeBefore(Hedge::Query)],
                });
            } else if glued_prev {
                hits.push(Hit {
                    from: i,
                    to: i + 1,
                    cues: vec![Cue::HedgeAfter(Hedge::Query)],
                });
            }
            i += 1;
            continue;
        }
        let mut best: Option<(usize, Vec<Cue>)> = None;
        for &p in by_first.get(keys[i].as_str()).into_iter().flatten() {
            let phrase = &words.phrases[p];
            let n = phrase.words.len();
            if i + n > toks.len()
                || !phrase
                    .words
                    .iter()
                    .zip(&keys[i..i + n])
                    .all(|(w, k)| w == k)
            {
                continue;
            }
            if let Some(exact) = &phrase.exact {
                // In a report written all in capitals only a side's letter ("R FH:") can
                // still be told from a word.
                let written = &text[toks[i].start..toks[i + n - 1].end];
                let fits = if shouting {
                    matches!(phrase.cue, Cue::Side(_))
                } else {
                    written == exact
                };
                if !fits {
                    continue;
                }
            }
            if !applies(&phrase.cue) {
                continue;
            }
            match &mut best {
                Some((len, cues)) if *len == n => cues.push(phrase.cue),
                Some((len, _)) if *len > n => {}
                _ => best = Some((n, vec![phrase.cue])),
            }
        }
        match best {
            Some((n, cues)) => {
                hits.push(Hit {
                    from: i,
                    to: i + n,
                    cues,
                });
                i += n;
            }
            None => i += 1,
        }
    }
    hits
}

/// The state of one reading pass.
struct Reader<'a> {
    kb: &'a Kb,
    joint: &'a JointId,
    toks: &'a [Token],
    hits: &'a [Hit],
    mentions: Vec<Mention>,
    measured: Vec<(Side, Measured)>,
    named: Vec<(Side, NamedStage)>,
    normal: Vec<Side>,
    xray_normal: Vec<Side>,
    changes: Vec<(Side, Comparison)>,
    marks: Vec<Marked>,
    unnamed: Vec<(String, (usize, usize))>,
    modalities: Vec<Modality>,
    says_no_avn: bool,
    /// Every side named anywhere, the title and history too.
    named_anywhere: Vec<Side>,
    /// Every side the history names.
    named_in_history: Vec<Side>,
    /// The first side the title, history or technique names: the side of what says none.
    title_side: Option<Side>,
}

/// A piece of a sentence: a recognised phrase or a lone token.
#[derive(Clone, Copy, Debug)]
enum Item {
    Hit(usize),
    Tok(usize),
}

impl<'a> Reader<'a> {
    fn tok_of(&self, item: Item) -> &'a Token {
        match item {
            Item::Hit(h) => &self.toks[self.hits[h].from],
            Item::Tok(t) => &self.toks[t],
        }
    }

    fn span_of(&self, item: Item) -> (usize, usize) {
        match item {
            Item::Hit(h) => (
                self.toks[self.hits[h].from].start,
                self.toks[self.hits[h].to - 1].end,
            ),
            Item::Tok(t) => (self.toks[t].start, self.toks[t].end),
        }
    }

    fn hit(&self, item: Item) -> Option<&'a Hit> {
        match item {
            Item::Hit(h) => Some(&self.hits[h]),
            Item::Tok(_) => None,
        }
    }

    /// Walks the report sentence by sentence, keeping track of the section and the side.
    fn read(&mut self) {
        let mut items = Vec::new();
        let mut next_hit = 0;
        let mut t = 0;
        while t < self.toks.len() {
            if next_hit < self.hits.len() && self.hits[next_hit].from == t {
                items.push(Item::Hit(next_hit));
                t = self.hits[next_hit].to;
                next_hit += 1;
            } else {
                items.push(Item::Tok(t));
                t += 1;
            }
        }
        let mut section = Section::Findings;
        let mut heading_side: Option<Side> = None;
        let mut paragraph_side: Option<Side> = None;
        let mut sentence: Vec<Item> = Vec::new();
        let mut i = 0;
        while i < items.len() {
            let item = items[i];
            let tok = self.tok_of(item);
            let starts_line = tok.line_start;
            if starts_line && tok.after_blank {
                self.sentence(&sentence, section, heading_side, &mut paragraph_side);
                sentence.clear();
                paragraph_side = None;
                // The history, technique and comparison are one paragraph each.
                if matches!(
                    section,
                    Section::History | Section::Technique | Section::Comparison
                ) {
                    section = Section::Findings;
                    heading_side = None;
                }
            }
            // A section heading at the start of a line: "FINDINGS:" or a line of its own.
            if starts_line {
                if let Some(Cue::Section(s)) = self.hit(item).and_then(|h| {
                    h.cues
                        .iter()
                        .find(|c| matches!(c, Cue::Section(_)))
                        .copied()
                }) {
                    let next = items.get(i + 1).map(|n| self.tok_of(*n));
                    let colon =
                        next.is_some_and(|n| matches!(n.kind, Kind::Mark(':') | Kind::Mark('-')));
                    let alone = next.is_none_or(|n| n.line_start);
                    if colon || alone {
                        self.sentence(&sentence, section, heading_side, &mut paragraph_side);
                        sentence.clear();
                        section = s;
                        heading_side = None;
                        paragraph_side = None;
                        i += if colon { 2 } else { 1 };
                        continue;
                    }
                }
                // "Right hip:" names the side of what follows.
                if let Some(side) = self.side_heading(&items[i..]) {
                    self.sentence(&sentence, section, heading_side, &mut paragraph_side);
                    sentence.clear();
                    heading_side = Some(side);
                }
            }
            let breaks_before = starts_line
                && !sentence.is_empty()
                && (list_marker(&items[i..], self)
                    || self.starts_upper(item) && !self.shouting_line(item)
                    || sentence
                        .last()
                        .is_some_and(|l| matches!(self.tok_of(*l).kind, Kind::Mark(':'))));
            if breaks_before {
                self.sentence(&sentence, section, heading_side, &mut paragraph_side);
                sentence.clear();
            }
            // Each item of a numbered list has its own side.
            if starts_line && list_marker(&items[i..], self) {
                paragraph_side = None;
            }
            sentence.push(item);
            let ends = match self.tok_of(item).kind {
                Kind::Mark('.') | Kind::Mark('!') => true,
                Kind::Mark('?') => self
                    .hit(item)
                    .is_none_or(|h| h.has(|c| matches!(c, Cue::HedgeAfter(_)))),
                _ => false,
            };
            if ends {
                self.sentence(&sentence, section, heading_side, &mut paragraph_side);
                sentence.clear();
            }
            i += 1;
        }
        self.sentence(&sentence, section, heading_side, &mut paragraph_side);
    }

    fn starts_upper(&self, item: Item) -> bool {
        let tok = self.tok_of(item);
        matches!(tok.kind, Kind::Number(_)) || tok.raw_upper && tok.kind == Kind::Word
    }

    /// Whether the token's whole line is in capitals (then a capital says nothing).
    fn shouting_line(&self, item: Item) -> bool {
        let tok = self.tok_of(item);
        let line: Vec<&Token> = self
            .toks
            .iter()
            .skip_while(|t| t.start < tok.start)
            .take_while(|t| t.start == tok.start || !t.line_start)
            .filter(|t| t.kind == Kind::Word)
            .collect();
        line.len() > 2 && line.iter().all(|t| t.raw_upper)
    }

    /// "Right hip:" or "LEFT:" at the start of a line.
    fn side_heading(&self, items: &[Item]) -> Option<Side> {
        let side = self.hit(items[0])?.cues.iter().find_map(|c| match c {
            Cue::Side(s) => Some(*s),
            _ => None,
        })?;
        for item in items.iter().skip(1).take(4) {
            match self.tok_of(*item).kind {
                Kind::Mark(':') => return Some(side),
                Kind::Word if self.hit(*item).is_none() => {}
                _ => return None,
            }
        }
        None
    }

    /// Reads one sentence.
    fn sentence(
        &mut self,
        items: &[Item],
        section: Section,
        heading_side: Option<Side>,
        paragraph_side: &mut Option<Side>,
    ) {
        if items.is_empty() {
            return;
        }
        let span = (
            self.span_of(items[0]).0,
            self.span_of(items[items.len() - 1]).1,
        );
        // Clauses end at ";", ":" and scope ends.
        let mut clause = Vec::with_capacity(items.len());
        let mut c = 0;
        for item in items {
            let ends = matches!(self.tok_of(*item).kind, Kind::Mark(';') | Kind::Mark(':'))
                || self
                    .hit(*item)
                    .is_some_and(|h| h.has(|c| *c == Cue::ScopeEnd));
            if ends {
                c += 1;
            }
            clause.push(c);
        }
        let side_at = |k: usize| {
            self.hit(items[k]).and_then(|h| {
                h.cues.iter().find_map(|c| match c {
                    Cue::Side(s) => Some(*s),
                    _ => None,
                })
            })
        };
        let sides: Vec<(usize, Side)> = (0..items.len())
            .filter_map(|k| side_at(k).map(|s| (k, s)))
            .collect();
        let sentence_side = sides.first().map(|(_, s)| *s);
        let titled = matches!(
            section,
            Section::History | Section::Technique | Section::Comparison
        ) || items
            .first()
            .is_some_and(|i| self.tok_of(*i).start == self.toks.first().map_or(0, |t| t.start));
        if titled && self.title_side.is_none() {
            self.title_side = sides
                .iter()
                .map(|(_, s)| *s)
                .find(|s| *s != Side::NotStated);
        }
        let fallback = sentence_side
            .or(heading_side)
            .or(*paragraph_side)
            .or(self.title_side.filter(|_| section != Section::History));
        // "L worse than R with …": what follows is said of the first side.
        let comparing: Vec<usize> = (0..items.len())
            .filter(|j| self.hit(items[*j]).is_none() && self.tok_of(items[*j]).text == "than")
            .map(|j| clause[j])
            .collect();
        let compares = |k: usize| comparing.contains(&clause[k]);
        let side_of = |k: usize| -> Side {
            let mut in_clause = sides.iter().filter(|(j, _)| clause[*j] == clause[k]);
            if compares(k) {
                if let Some((_, s)) = in_clause.next() {
                    return *s;
                }
            }
            let before = sides
                .iter()
                .rev()
                .find(|(j, _)| *j < k && clause[*j] == clause[k]);
            let after = sides
                .iter()
                .find(|(j, _)| *j > k && clause[*j] == clause[k]);
            before
                .or(after)
                .map(|(_, s)| *s)
                .or(fallback)
                .unwrap_or(Side::NotStated)
        };
        if let Some(s) = sentence_side {
            if section != Section::History {
                *paragraph_side = Some(s);
            }
        }

        for (k, item) in items.iter().enumerate() {
            let Some(hit) = self.hit(*item) else {
                continue;
            };
            for cue in &hit.cues {
                match cue {
                    Cue::Modality(m)
                        if section != Section::History && !self.modalities.contains(m) =>
                    {
                        self.modalities.push(*m);
                    }
                    Cue::XrayNormal => self.xray_normal.push(side_of(k)),
                    Cue::Side(s) => {
                        let seen = if section == Section::History {
                            &mut self.named_in_history
                        } else {
                            &mut self.named_anywhere
                        };
                        if !seen.contains(s) {
                            seen.push(*s);
                        }
                    }
                    Cue::HedgeBefore(h) | Cue::HedgeAfter(h) => {
                        let (start, end) = self.span_of(items[k]);
                        self.marks.push(Marked {
                            start,
                            end,
                            what: What::Hedge(*h),
                        });
                    }
                    _ => {}
                }
            }
        }
        if matches!(section, Section::Technique | Section::Comparison) {
            return;
        }
        let mut found_in_clause = vec![false; clause.last().map_or(0, |l| l + 1)];
        for k in 0..items.len() {
            let Some(hit) = self.hit(items[k]) else {
                continue;
            };
            let findings: Vec<(u16, bool)> = hit
                .cues
                .iter()
                .filter_map(|c| match c {
                    Cue::Finding(f) => Some((*f, false)),
                    Cue::Absent(f) => Some((*f, true)),
                    _ => None,
                })
                .collect();
            if findings.is_empty() {
                continue;
            }
            found_in_clause[clause[k]] = true;
            let status = if findings.iter().any(|(_, absent)| *absent) {
                Some(Status::Absent)
            } else {
                self.status(items, &clause, k)
            };
            let asked = section == Section::History
                && (status.is_some_and(|s| matches!(s, Status::Uncertain(_)))
                    || (0..k).any(|j| {
                        clause[j] == clause[k]
                            && self
                                .hit(items[j])
                                .is_some_and(|h| h.has(|c| *c == Cue::HistoryQuery))
                    }));
            // Outside the history, "to assess for", "would be more sensitive for": a
            // question or a suggestion, not a finding.
            let suggested = section != Section::History
                && (0..k).any(|j| {
                    clause[j] == clause[k]
                        && self
                            .hit(items[j])
                            .is_some_and(|h| h.has(|c| *c == Cue::HistoryQuery))
                });
            let asked = asked || suggested;
            let status = status.unwrap_or(Status::Present);
            let side = side_of(k);
            let mark = self.span_of(items[k]);
            for (f, _) in findings {
                self.mentions.push(Mention {
                    finding: f,
                    status,
                    side,
                    sentence: span,
                    mark,
                    asked,
                });
                if !asked
                    && status == Status::Absent
                    && self
                        .kb
                        .report
                        .findings
                        .get(usize::from(f))
                        .is_some_and(|x| x.kind == FindingKind::Avn && x.id.as_str() == "avn")
                {
                    self.says_no_avn = true;
                }
            }
        }
        // "Left hip normal": a clause with a side, "normal" and no finding.
        for k in 0..items.len() {
            if self
                .hit(items[k])
                .is_some_and(|h| h.has(|c| *c == Cue::Normal))
                && !found_in_clause[clause[k]]
                && section != Section::History
            {
                let explicit = sides.iter().any(|(j, _)| clause[*j] == clause[k]);
                if explicit {
                    self.normal.push(side_of(k));
                }
            }
        }
        for (k, item) in items.iter().enumerate() {
            if let Some(change) = self.hit(*item).and_then(|h| {
                h.cues.iter().find_map(|c| match c {
                    Cue::Change(x) => Some(*x),
                    _ => None,
                })
            }) {
                if section != Section::History {
                    self.changes.push((side_of(k), change));
                }
            }
        }
        if section != Section::History {
            self.measurements(items, &clause, &side_of);
        }
        self.stages(items, &side_of, section);
    }

    /// What the triggers around finding `k` say: `None` for a plain statement.
    fn status(&self, items: &[Item], clause: &[usize], k: usize) -> Option<Status> {
        let is_list = |item: Item| match self.hit(item) {
            Some(h) => h.has(|c| {
                matches!(
                    c,
                    Cue::Finding(_) | Cue::Absent(_) | Cue::Side(_) | Cue::Bridge
                )
            }),
            None => {
                let t = self.tok_of(item);
                matches!(
                    t.kind,
                    Kind::Mark(',') | Kind::Mark('/') | Kind::Mark('(') | Kind::Mark(')')
                ) || matches!(
                    t.text.as_str(),
                    "or" | "and" | "nor" | "of" | "the" | "a" | "an" | "any"
                )
            }
        };
        // Before: the nearest trigger in the same clause within reach.
        let mut gap = 0;
        for j in (0..k).rev() {
            if clause[j] != clause[k] {
                break;
            }
            if let Some(h) = self.hit(items[j]) {
                if h.has(|c| *c == Cue::Pseudo) {
                    return None;
                }
                // "… is equivocal for a fracture": a hedge that usually follows its finding
                // covers what comes after "for" or "of".
                let leads_on = items.get(j + 1).is_some_and(|n| {
                    self.hit(*n).is_none() && matches!(self.tok_of(*n).text.as_str(), "for" | "of")
                });
                if let Some(hedge) = h.cues.iter().find_map(|c| match c {
                    Cue::HedgeBefore(x) => Some(*x),
                    Cue::HedgeAfter(x) if leads_on => Some(*x),
                    _ => None,
                }) {
                    return Some(Status::Uncertain(hedge));
                }
                if h.has(|c| *c == Cue::NegationBefore) {
                    return Some(Status::Absent);
                }
            }
            if !is_list(items[j]) {
                gap += 1;
                if gap > REACH {
                    break;
                }
            }
        }
        // After: the nearest trigger in the same clause within reach, not past "with".
        let mut gap = 0;
        for j in k + 1..items.len() {
            if clause[j] != clause[k]
                || self.hit(items[j]).is_none()
                    && matches!(self.tok_of(items[j]).text.as_str(), "with" | "without")
            {
                break;
            }
            if let Some(h) = self.hit(items[j]) {
                if h.has(|c| *c == Cue::Pseudo) {
                    return None;
                }
                if let Some(hedge) = h.cues.iter().find_map(|c| match c {
                    Cue::HedgeAfter(x) => Some(*x),
                    _ => None,
                }) {
                    return Some(Status::Uncertain(hedge));
                }
                if h.has(|c| *c == Cue::NegationAfter) {
                    return Some(Status::Absent);
                }
                if h.has(|c| matches!(c, Cue::NegationBefore | Cue::HedgeBefore(_))) {
                    break;
                }
            }
            if !is_list(items[j]) {
                gap += 1;
                if gap > REACH {
                    break;
                }
            }
        }
        None
    }

    /// Numbers with a unit and a word that says what they measure.
    fn measurements(&mut self, items: &[Item], clause: &[usize], side_of: &dyn Fn(usize) -> Side) {
        let mut k = 0;
        while k < items.len() {
            let Kind::Number(first) = self.tok_of(items[k]).kind else {
                k += 1;
                continue;
            };
            // "2-3 mm", "12 x 8 x 10 mm": the numbers up to the unit.
            let mut values = vec![first];
            let mut ranged = false;
            let mut end = k;
            while end + 2 < items.len() + 1 {
                let sep = items.get(end + 1).map(|i| self.tok_of(*i));
                let next = items.get(end + 2).map(|i| self.tok_of(*i));
                match (sep, next) {
                    (Some(s), Some(n))
                        if matches!(n.kind, Kind::Number(_))
                            && (matches!(s.kind, Kind::Mark('-') | Kind::Mark('\u{2013}'))
                                || s.text == "to"
                                || s.text == "x") =>
                    {
                        if let Kind::Number(v) = n.kind {
                            values.push(v);
                        }
                        ranged |= s.text != "x";
                        end += 2;
                    }
                    _ => break,
                }
            }
            let unit_tok = items.get(end + 1).map(|i| self.tok_of(*i));
            let unit = unit_tok.and_then(|u| match (&u.kind, u.text.as_str()) {
                (Kind::Word, "mm") => Some((Unit::Mm, 1.0)),
                (Kind::Word, "cm") => Some((Unit::Mm, 10.0)),
                (Kind::Mark('%'), _) | (Kind::Word, "percent" | "per") => {
                    Some((Unit::Percent, 1.0))
                }
                (Kind::Mark('\u{b0}'), _) | (Kind::Word, "deg" | "degrees" | "degree") => {
                    Some((Unit::Degrees, 1.0))
                }
                _ => None,
            });
            let last = if unit.is_some() { end + 1 } else { end };
            let here = clause[k];
            let wanted = unit.map_or(Unit::None, |(u, _)| u);
            let fits = |m: &ReportMeasure| m.unit() == wanted;
            let mut candidates: Vec<ReportMeasure> = Vec::new();
            // The measured thing is named near the number, before it or after it.
            for j in (0..k)
                .rev()
                .take(8)
                .chain(last + 1..items.len().min(last + 8))
            {
                if clause[j] != here {
                    continue;
                }
                if let Some(h) = self.hit(items[j]) {
                    for c in &h.cues {
                        if let Cue::Measure(m) = c {
                            if fits(m) && !candidates.contains(m) {
                                candidates.push(*m);
                            }
                        }
                    }
                }
            }
            let measure = if candidates.len() > 1
                && candidates.contains(&ReportMeasure::LesionSizeMm)
                && values.len() == 1
            {
                candidates
                    .into_iter()
                    .find(|m| *m != ReportMeasure::LesionSizeMm)
            } else if values.len() > 1 && !ranged && wanted == Unit::Mm {
                Some(ReportMeasure::LesionSizeMm)
            } else {
                candidates.into_iter().next()
            };
            let cue_before = |pick: &dyn Fn(&Cue) -> bool, reach: usize| {
                (k.saturating_sub(reach)..k).any(|j| {
                    clause[j] == here && self.hit(items[j]).is_some_and(|h| h.has(pick))
                        || matches!(self.tok_of(items[j]).kind, Kind::Mark('<'))
                            && pick(&Cue::AtMost)
                        || matches!(self.tok_of(items[j]).kind, Kind::Mark('>'))
                            && pick(&Cue::AtLeast)
                })
            };
            let measure = match (measure, unit) {
                (Some(m), Some(_)) => Some(m),
                (Some(ReportMeasure::CarpalHeightRatio), None) if first < 1.0 => {
                    Some(ReportMeasure::CarpalHeightRatio)
                }
                _ => None,
            };
            if let Some(measure) = measure {
                if !cue_before(&|c| *c == Cue::Earlier, 3) {
                    let scale = unit.map_or(1.0, |(_, s)| s);
                    let mut lo = values.iter().copied().fold(f64::INFINITY, f64::min) * scale;
                    let mut hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max) * scale;
                    if measure == ReportMeasure::LesionSizeMm && !ranged {
                        lo = hi;
                    }
                    let negative = measure == ReportMeasure::UlnarVarianceMm
                        && ((k.saturating_sub(4)..(last + 4).min(items.len())).any(|j| {
                            self.hit(items[j])
                                .is_some_and(|h| h.has(|c| *c == Cue::Negative))
                        }) || k > 0
                            && matches!(self.tok_of(items[k - 1]).kind, Kind::Mark('-'))
                            && self.tok_of(items[k - 1]).end == self.tok_of(items[k]).start);
                    if negative {
                        (lo, hi) = (-hi, -lo);
                    }
                    let (mut min, mut max) = (Some(lo), Some(hi));
                    if cue_before(&|c| *c == Cue::AtMost, 3) {
                        min = None;
                    } else if cue_before(&|c| *c == Cue::AtLeast, 3) {
                        max = None;
                    }
                    let quote = (self.span_of(items[k]).0, self.span_of(items[last]).1);
                    self.marks.push(Marked {
                        start: quote.0,
                        end: quote.1,
                        what: What::Measurement(measure),
                    });
                    self.measured.push((
                        side_of(k),
                        Measured {
                            measure,
                            min,
                            max,
                            quote,
                        },
                    ));
                }
            }
            k = last + 1;
        }
    }

    /// Named stages: a system's name with a code near it, or "stage" with a code alone.
    fn stages(&mut self, items: &[Item], side_of: &dyn Fn(usize) -> Side, section: Section) {
        let is_stage_word =
            |r: &Self, item: Item| r.hit(item).is_some_and(|h| h.has(|c| *c == Cue::StageWord));
        let code_at = |r: &Self, item: Item| -> Option<String> {
            let t = r.tok_of(item);
            match t.kind {
                Kind::Number(n) if n.fract() == 0.0 && (0.0..=6.0).contains(&n) => {
                    Some((n as u8).to_string())
                }
                Kind::Word if looks_like_code(&t.text) => Some(t.text.clone()),
                _ => None,
            }
        };
        let mut used = vec![false; items.len()];
        for k in 0..items.len() {
            let Some(system) = self.hit(items[k]).and_then(|h| {
                h.cues.iter().find_map(|c| match c {
                    Cue::System(s) => Some(*s),
                    _ => None,
                })
            }) else {
                continue;
            };
            // Look after the name ("ARCO stage IIIA", "Ficat II") and then before it ("stage 3 Koshino").
            let mut codes = Vec::new();
            let mut j = k + 1;
            while j < items.len() && j <= k + 4 {
                if is_stage_word(self, items[j])
                    || matches!(
                        self.tok_of(items[j]).kind,
                        Kind::Mark(':') | Kind::Mark('(') | Kind::Mark(',')
                    )
                    || self.tok_of(items[j]).text == "classification"
                {
                    j += 1;
                    continue;
                }
                match code_at(self, items[j]) {
                    Some(code) => {
                        codes.push((j, code));
                        j += 1;
                        // "type C1" after the stage: a sub-type.
                        if j + 1 < items.len() && is_stage_word(self, items[j]) {
                            if let Some(code) = code_at(self, items[j + 1]) {
                                codes.push((j + 1, code));
                            }
                        }
                        break;
                    }
                    None => break,
                }
            }
            if codes.is_empty() && k >= 1 {
                if let Some(code) = code_at(self, items[k - 1]) {
                    if k >= 2 && is_stage_word(self, items[k - 2]) {
                        codes.push((k - 1, code));
                    }
                }
            }
            let Some(system) = self.kb.systems.get(usize::from(system)) else {
                continue;
            };
            let mut stage_codes: Option<(Vec<StageId>, Option<String>)> = None;
            for (_, code) in &codes {
                let (ids, modifier) = stages::named(system, code);
                match &mut stage_codes {
                    None if !ids.is_empty() || modifier.is_some() => {
                        stage_codes = Some((ids, modifier))
                    }
                    Some((existing, m)) => {
                        if existing.is_empty() {
                            *existing = ids;
                        }
                        if m.is_none() {
                            *m = modifier;
                        }
                    }
                    None => {}
                }
            }
            let Some((ids, modifier)) = stage_codes else {
                continue;
            };
            let last = codes.iter().map(|(j, _)| *j).max().unwrap_or(k).max(k);
            let first = codes.iter().map(|(j, _)| *j).min().unwrap_or(k).min(k);
            for u in used.iter_mut().take(last + 1).skip(first) {
                *u = true;
            }
            let quote = (self.span_of(items[first]).0, self.span_of(items[last]).1);
            let hedged = (first.saturating_sub(4)..first).any(|j| {
                self.hit(items[j])
                    .is_some_and(|h| h.has(|c| matches!(c, Cue::HedgeBefore(_))))
            });
            self.marks.push(Marked {
                start: quote.0,
                end: quote.1,
                what: What::Stage,
            });
            if section != Section::History {
                self.named.push((
                    side_of(k),
                    NamedStage {
                        system: system.id.clone(),
                        stages: ids,
                        modifier,
                        hedged,
                        quote,
                    },
                ));
            }
        }
        // "stage 2" with no system named.
        for k in 0..items.len() {
            if used[k] || !is_stage_word(self, items[k]) {
                continue;
            }
            if let Some(next) = items.get(k + 1) {
                if used[k + 1] {
                    continue;
                }
                if let Some(code) = code_at(self, *next) {
                    let quote = (self.span_of(items[k]).0, self.span_of(*next).1);
                    self.unnamed.push((code.to_uppercase(), quote));
                }
            }
        }
    }

    /// Whether anything read (a finding, a number, a named stage, "normal") is said of `side`.
    fn describes(&self, side: Side) -> bool {
        self.mentions.iter().any(|m| !m.asked && m.side == side)
            || self.measured.iter().any(|(s, _)| *s == side)
            || self.named.iter().any(|(s, _)| *s == side)
            || self.normal.contains(&side)
    }

    /// Gathers the mentions into one reading per side.
    fn finish(mut self) -> Reading {
        let guide = &self.kb.report;
        let asked: Vec<(FindingId, (usize, usize))> = self
            .mentions
            .iter()
            .filter(|m| m.asked)
            .filter_map(|m| {
                Some((
                    guide.findings.get(usize::from(m.finding))?.id.clone(),
                    m.mark,
                ))
            })
            .collect();
        for m in &self.mentions {
            let Some(f) = guide.findings.get(usize::from(m.finding)) else {
                continue;
            };
            self.marks.push(Marked {
                start: m.mark.0,
                end: m.mark.1,
                what: What::Finding {
                    finding: f.id.clone(),
                    status: m.status,
                    side: m.side,
                    asked: m.asked,
                },
            });
        }
        insertion_sort(&mut self.marks, |m| (m.start, usize::MAX - m.end));
        let mut marks: Vec<Marked> = Vec::new();
        for m in std::mem::take(&mut self.marks) {
            if marks.last().is_none_or(|l| m.start >= l.end) {
                marks.push(m);
            }
        }
        // A report about one side that names it only in its title ("MRI LEFT KNEE").
        let named = if self.named_anywhere.is_empty() {
            &self.named_in_history
        } else {
            &self.named_anywhere
        };
        let only_side = match (named.contains(&Side::Left), named.contains(&Side::Right)) {
            (true, false) => Some(Side::Left),
            (false, true) => Some(Side::Right),
            _ if named.contains(&Side::Both) => Some(Side::Both),
            _ => None,
        };
        let said_of_sides = self.describes(Side::Left) || self.describes(Side::Right);
        let retag_to = match only_side {
            Some(Side::Both) if said_of_sides || self.describes(Side::Both) => None,
            other => other,
        };
        if let Some(side) = retag_to {
            let retag = |s: &mut Side| {
                if *s == Side::NotStated {
                    *s = side;
                }
            };
            self.mentions.iter_mut().for_each(|m| retag(&mut m.side));
            self.measured.iter_mut().for_each(|(s, _)| retag(s));
            self.named.iter_mut().for_each(|(s, _)| retag(s));
            self.normal.iter_mut().for_each(retag);
            self.xray_normal.iter_mut().for_each(retag);
            self.changes.iter_mut().for_each(|(s, _)| retag(s));
        }
        let mentions: Vec<&Mention> = self.mentions.iter().filter(|m| !m.asked).collect();
        let named_sides = |side: Side| self.describes(side);
        let split = named_sides(Side::Left) || named_sides(Side::Right);
        let sides: Vec<Side> = if split {
            [Side::Left, Side::Right]
                .into_iter()
                .filter(|s| named_sides(*s))
                .collect()
        } else if named_sides(Side::Both) || named_sides(Side::NotStated) {
            vec![if named_sides(Side::Both) {
                Side::Both
            } else {
                Side::NotStated
            }]
        } else {
            Vec::new()
        };
        // What belongs to a side: said of it, of both at once, or (when only one side is
        // described) said without a side.
        let one_side = sides.len() == 1;
        let belongs = |said: Side, side: Side| {
            said == side
                || (side != Side::Both && side != Side::NotStated && said == Side::Both)
                || (said == Side::NotStated && (one_side || side == Side::Both))
                || (said == Side::Both && side == Side::NotStated)
        };
        let film = self
            .modalities
            .iter()
            .any(|m| matches!(m, Modality::XRay | Modality::Ct));
        let mut readings = Vec::new();
        for side in sides {
            let mut found: Vec<Found> = Vec::new();
            let mut because = Vec::new();
            for (index, finding) in guide.findings.iter().enumerate() {
                // A side-less "No effusion." in a report about both sides is said of each.
                let absent_everywhere = |m: &Mention| {
                    m.status == Status::Absent
                        && m.side == Side::NotStated
                        && matches!(side, Side::Left | Side::Right)
                };
                let here: Vec<&&Mention> = mentions
                    .iter()
                    .filter(|m| {
                        usize::from(m.finding) == index
                            && (belongs(m.side, side) || absent_everywhere(m))
                    })
                    .collect();
                if here.is_empty() {
                    continue;
                }
                // Unsure anywhere is unsure (the report hedges what it states elsewhere, so the
                // stage range must keep both readings); then there; then not there.
                let status = if let Some(m) = here
                    .iter()
                    .find(|m| matches!(m.status, Status::Uncertain(_)))
                {
                    m.status
                } else if here.iter().any(|m| m.status == Status::Present) {
                    Status::Present
                } else {
                    Status::Absent
                };
                let mut quotes: Vec<(usize, usize)> = here
                    .iter()
                    .filter(|m| m.status == status)
                    .map(|m| m.sentence)
                    .collect();
                quotes.dedup();
                found.push(Found {
                    finding: finding.id.clone(),
                    status,
                    quotes,
                });
            }
            // An ulnar variance given as a number says which way it goes.
            for m in self
                .measured
                .iter()
                .filter(|(s, m)| belongs(*s, side) && m.measure == ReportMeasure::UlnarVarianceMm)
            {
                let (_, m) = m;
                let id = match (m.min, m.max) {
                    (_, Some(max)) if max < 0.0 => "ulnar-negative-variance",
                    (Some(min), _) if min > 0.0 => "ulnar-positive-variance",
                    _ => continue,
                };
                if let Some(f) = guide.findings.iter().find(|f| f.id.as_str() == id) {
                    if !found.iter().any(|x| x.finding == f.id) {
                        found.push(Found {
                            finding: f.id.clone(),
                            status: Status::Present,
                            quotes: vec![m.quote],
                        });
                    }
                }
            }
            // Signs that mean AVN in a report that names neither AVN nor a look-alike.
            let named_avn = found.iter().any(|f| f.finding.as_str() == "avn");
            let look_alike = found.iter().any(|f| {
                f.status != Status::Absent
                    && guide
                        .finding(&f.finding)
                        .is_some_and(|x| x.kind == FindingKind::Mimic)
            });
            if !named_avn && !look_alike {
                let signs: Vec<(usize, usize)> = found
                    .iter()
                    .filter(|f| {
                        f.status == Status::Present
                            && guide.finding(&f.finding).is_some_and(|x| x.suggests_avn)
                    })
                    .flat_map(|f| f.quotes.iter().copied())
                    .collect();
                if let (false, Some(avn)) = (
                    signs.is_empty(),
                    guide.findings.iter().find(|f| f.id.as_str() == "avn"),
                ) {
                    found.insert(
                        0,
                        Found {
                            finding: avn.id.clone(),
                            status: Status::Uncertain(Hedge::Suggestive),
                            quotes: signs,
                        },
                    );
                }
            }
            let measurements: Vec<Measured> = self
                .measured
                .iter()
                .filter(|(s, _)| belongs(*s, side))
                .map(|(_, m)| m.clone())
                .collect();
            let named: Vec<NamedStage> = self
                .named
                .iter()
                .filter(|(s, _)| belongs(*s, side))
                .map(|(_, n)| n.clone())
                .collect();
            let normal = self.normal.iter().any(|s| belongs(*s, side))
                && !found.iter().any(|f| f.status != Status::Absent);
            let change = [
                Comparison::Progressed,
                Comparison::Improved,
                Comparison::Unchanged,
            ]
            .into_iter()
            .find(|c| {
                self.changes
                    .iter()
                    .any(|(s, x)| x == c && belongs(*s, side))
            });
            let facts = SideFacts {
                found: &found,
                measurements: &measurements,
                named: &named,
                film,
                xray_normal: self.xray_normal.iter().any(|s| belongs(*s, side)),
            };
            let staged = stages::work_out(self.kb, self.joint, &facts);
            if staged.is_some() {
                for f in &found {
                    let narrows = guide.finding(&f.finding).is_some_and(|x| {
                        x.at_least.is_some()
                            || x.absent_at_most.is_some()
                            || !x.stage_rules.is_empty()
                    });
                    if narrows && !matches!(f.status, Status::Uncertain(_)) {
                        because.extend(f.quotes.iter().copied());
                    }
                }
                because.extend(named.iter().map(|n| n.quote));
                because.extend(
                    measurements
                        .iter()
                        .filter(|m| m.measure == ReportMeasure::DepressionMm)
                        .map(|m| m.quote),
                );
                insertion_sort(&mut because, |b| *b);
                because.dedup();
            }
            let (milestones, spans, clash) = staged.unwrap_or_default();
            readings.push(SideReading {
                side: Some(side),
                normal,
                found,
                measurements,
                named,
                milestones,
                stages: spans,
                clash,
                change,
                because,
            });
        }
        let is_avn = |r: &SideReading| {
            r.found.iter().any(|f| {
                f.status != Status::Absent
                    && guide.finding(&f.finding).is_some_and(|x| {
                        x.kind == FindingKind::Avn
                            || self.joint.as_str() == "knee"
                                && x.id.as_str() == "subchondral-insufficiency-fracture"
                    })
            }) || !r.stages.is_empty()
        };
        let not_avn = !readings.iter().any(is_avn);
        let mut mimics: Vec<FindingId> = Vec::new();
        for r in &readings {
            for f in r.with(|s| s != Status::Absent) {
                let is_mimic = guide
                    .finding(&f.finding)
                    .is_some_and(|x| x.kind == FindingKind::Mimic)
                    && !(self.joint.as_str() == "knee"
                        && f.finding.as_str() == "subchondral-insufficiency-fracture");
                if is_mimic && !mimics.contains(&f.finding) {
                    mimics.push(f.finding.clone());
                }
            }
        }
        Reading {
            marks,
            sides: readings,
            asked,
            not_avn,
            says_no_avn: self.says_no_avn,
            mimics,
            unnamed_stages: self.unnamed,
            cut: false,
        }
    }
}

/// Teeth numbered the FDI way (11–48) name the side: the first digit 1 or 4 is the right,
/// 2 or 3 the left ("lingual to 46"). A number followed by a unit or "year" is not a tooth.
fn tooth_sides(toks: &[Token], hits: &mut Vec<Hit>) {
    let mut added = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let Kind::Number(n) = t.kind else { continue };
        let unit_after = toks.get(i + 1).is_some_and(|u| {
            u.end == t.end + 1 && matches!(u.kind, Kind::Mark('%'))
                || u.kind == Kind::Word
                    && (u.text.starts_with("year")
                        || u.text.starts_with("y") && u.text.len() <= 2
                        || matches!(
                            u.text.as_str(),
                            "mm" | "cm"
                                | "weeks"
                                | "week"
                                | "months"
                                | "month"
                                | "days"
                                | "day"
                                | "mg"
                                | "x"
                        ))
        });
        if n.fract() != 0.0 || !(11.0..=48.0).contains(&n) || unit_after {
            continue;
        }
        let whole = n as u8;
        let side = match (whole / 10, whole % 10) {
            (1 | 4, 1..=8) => Side::Right,
            (2 | 3, 1..=8) => Side::Left,
            _ => continue,
        };
        if hits.iter().any(|h| h.from <= i && i < h.to) {
            continue;
        }
        added.push(Hit {
            from: i,
            to: i + 1,
            cues: vec![Cue::Side(side)],
        });
    }
    hits.extend(added);
    insertion_sort(hits, |h| (h.from, 0));
}

/// Sorts by `key`, keeping equal items in order. The lists are short and nearly sorted already
/// (marks come in reading order), and this keeps the standard library's sort code, one copy per
/// element type, out of the app.
pub(crate) fn insertion_sort<T>(items: &mut [T], key: impl Fn(&T) -> (usize, usize)) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Whether the items start a list entry: "1.", "2)", "-", "•".
fn list_marker(items: &[Item], r: &Reader) -> bool {
    let first = r.tok_of(items[0]);
    match first.kind {
        Kind::Mark('-') | Kind::Mark('\u{2022}') | Kind::Mark('*') => true,
        Kind::Number(_) => items
            .get(1)
            .is_some_and(|n| matches!(r.tok_of(*n).kind, Kind::Mark('.') | Kind::Mark(')'))),
        _ => false,
    }
}

/// A word that can be a stage's code: a Roman numeral or digit, with at most one letter or
/// letter and digit after it ("iiia", "3a", "iic", "c1"), or a sub-type on its own ("c2").
fn looks_like_code(word: &str) -> bool {
    let roman = word.trim_start_matches(['i', 'v', 'x']);
    let digits = word.trim_start_matches(|c: char| c.is_ascii_digit());
    let rest = if roman.len() < word.len() && word.len() - roman.len() <= 4 {
        roman
    } else if digits.len() < word.len() {
        digits
    } else {
        return matches!(word, "a" | "b" | "c" | "c1" | "c2");
    };
    rest.is_empty()
        || (rest.len() == 1 && rest.chars().all(|c| c.is_ascii_lowercase()))
        || matches!(rest, "c1" | "c2")
}
