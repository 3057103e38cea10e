//! Reads the content folder, runs the linter over all of it, and links the files into a [`Kb`]
//! only when nothing is wrong.

pub use crate::files::{Content, Entry};

use crate::files::{self, parsed, FigureEntry, LocalText};
use crate::i18n::Translator;
use crate::lint::{self, Problem, Rule};
use crate::model::{
    About, Block, Change, Faq, Figure, Joint, Kb, Language, Modifier, Offer, PhaseText, Reading,
    RiskFactor, Situation, SituationNote, Source, Stage, StagingSystem, Term, Topic,
    TreatmentOption, Variant, WarningSign,
};
use crate::text::Forms;
use crate::{
    Choice, FaqId, Finder, JointId, LangId, OptionId, Phase, Question, RiskFactorId, SituationId,
    SourceId, StageId, SystemId, TermId, Text, TopicId,
};
use serde::de::DeserializeOwned;
use std::fs;
use std::path::Path;

/// Loads and lints `dir`: the knowledge base, or every problem found (all at once).
pub fn load_dir(dir: &Path) -> Result<Kb, Vec<Problem>> {
    let (content, mut problems) = read_dir(dir);
    problems.extend(lint::check(&content));
    if problems.is_empty() {
        let mut kb = link(&content);
        kb.about.reading = reading(&kb);
        Ok(kb)
    } else {
        Err(problems)
    }
}

/// Reads and parses every file under `dir`, reporting files that are missing or do not parse.
/// Each language's translations are merged into the files as they are read, and checked.
pub fn read_dir(dir: &Path) -> (Content, Vec<Problem>) {
    let mut problems = Vec::new();
    let shown = |rel: &str| format!("{}/{}", dir.display(), rel);
    if !dir.join("kb.toml").is_file() {
        problems.push(Problem::new(
            Rule::Schema,
            shown("kb.toml"),
            "(file)",
            "the content folder has no kb.toml",
        ));
    }
    // The languages come first: they say which translations to read.
    let declared: Entry<files::AboutFile> = parse_file(
        &dir.join("kb.toml"),
        "kb",
        shown("kb.toml"),
        &mut Vec::new(),
        None,
    );
    let languages = declared.file.map(|a| a.language).unwrap_or_default();
    let mut tr = Translator::read(dir, &languages, &mut problems);
    let mut read = Reader {
        dir,
        problems: &mut problems,
        tr: &mut tr,
    };
    let about = dir
        .join("kb.toml")
        .is_file()
        .then(|| read.file("kb.toml", "kb"));
    let mut ui: Vec<Entry<files::UiFile>> = read.kind("ui", false);
    ui.extend(read.interfaces(languages.first().map(|l| l.code.as_str())));
    let mut content = Content {
        about,
        joints: read.kind("joints", true),
        systems: read.kind("staging", true),
        sources: read.kind("sources", true),
        ui,
        topics: read.kind("topics", true),
        risk_factors: read.kind("risk-factors", true),
        options: read.kind("options", true),
        faqs: read.kind("faq", true),
        glossary: read.kind("glossary", true),
        warning_signs: read.optional_kind("warning-signs", true),
        situations: read.optional_kind("situations", true),
        finder: read.optional_file("finder.toml", "finder"),
        report_findings: read.optional_file("report/findings.toml", "findings"),
        // Each language has its own words file: nothing to translate.
        report_words: read.optional_kind("report/words", false),
        coverage: Vec::new(),
    };
    content.coverage = tr.finish(&mut problems);
    (content, problems)
}

/// Reads content files, merging in their translations.
struct Reader<'a> {
    dir: &'a Path,
    problems: &'a mut Vec<Problem>,
    tr: &'a mut Translator,
}

impl Reader<'_> {
    fn file<T: DeserializeOwned>(&mut self, rel: &str, id: &str) -> Entry<T> {
        let shown = format!("{}/{rel}", self.dir.display());
        parse_file(
            &self.dir.join(rel),
            id,
            shown,
            self.problems,
            Some((&mut *self.tr, rel)),
        )
    }

    fn optional_file<T: DeserializeOwned>(&mut self, rel: &str, id: &str) -> Option<Entry<T>> {
        self.dir.join(rel).is_file().then(|| self.file(rel, id))
    }

    fn optional_kind<T: DeserializeOwned>(
        &mut self,
        kind: &str,
        translated: bool,
    ) -> Vec<Entry<T>> {
        if self.dir.join(kind).is_dir() {
            self.kind(kind, translated)
        } else {
            Vec::new()
        }
    }

    /// Every file of a kind (a folder), translated or not.
    fn kind<T: DeserializeOwned>(&mut self, kind: &str, translated: bool) -> Vec<Entry<T>> {
        let folder = self.dir.join(kind);
        let Ok(listing) = fs::read_dir(&folder) else {
            self.problems.push(Problem::new(
                Rule::Schema,
                format!("{}/{kind}", self.dir.display()),
                "(folder)",
                "this folder is missing",
            ));
            return Vec::new();
        };
        let mut names: Vec<String> = listing
            .filter_map(|e| e.ok())
            .filter(|e| e.path().is_file())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        let mut entries = Vec::new();
        for name in names {
            let shown = format!("{}/{kind}/{name}", self.dir.display());
            let Some(id) = name.strip_suffix(".toml") else {
                self.problems.push(Problem::new(
                    Rule::BadName,
                    shown,
                    "(file name)",
                    "only .toml files belong in this folder",
                ));
                continue;
            };
            if !lint::is_kebab(id) {
                self.problems.push(Problem::new(
                    Rule::BadName,
                    shown.clone(),
                    "(file name)",
                    format!(
                        "\"{id}\" must be lower-case letters, digits and dashes (it is the ID)"
                    ),
                ));
            }
            let rel = format!("{kind}/{name}");
            let tr = translated.then_some((&mut *self.tr, rel.as_str()));
            entries.push(parse_file(
                &folder.join(&name),
                id,
                shown,
                self.problems,
                tr,
            ));
        }
        entries
    }

    /// Each other language's interface text: the default language's file with that language's
    /// translations (`content/i18n/<lang>/ui.toml`) in place of its texts.
    fn interfaces(&mut self, default: Option<&str>) -> Vec<Entry<files::UiFile>> {
        let Some(default) = default else {
            return Vec::new();
        };
        let path = self.dir.join("ui").join(format!("{default}.toml"));
        let Some(table) = fs::read_to_string(path)
            .ok()
            .and_then(|text| toml::from_str::<toml::Table>(&text).ok())
        else {
            return Vec::new();
        };
        self.tr
            .interface("ui.toml", &table, self.problems)
            .into_iter()
            .map(|(code, shown, table)| {
                let file = match toml::Value::Table(table).try_into() {
                    Ok(f) => Some(f),
                    Err(e) => {
                        self.problems.push(Problem::new(
                            Rule::Schema,
                            &shown,
                            "(file)",
                            e.to_string(),
                        ));
                        None
                    }
                };
                Entry {
                    id: code,
                    path: shown,
                    file,
                }
            })
            .collect()
    }
}

fn parse_file<T: DeserializeOwned>(
    path: &Path,
    id: &str,
    shown: String,
    problems: &mut Vec<Problem>,
    translate: Option<(&mut Translator, &str)>,
) -> Entry<T> {
    let file = match fs::read_to_string(path) {
        Err(e) => {
            problems.push(Problem::new(
                Rule::Schema,
                shown.clone(),
                "(file)",
                e.to_string(),
            ));
            None
        }
        Ok(text) => match toml::from_str::<T>(&text) {
            Ok(parsed) => match translate {
                Some((tr, rel)) if !tr.is_empty() => translated(&text, rel, tr, &shown, problems),
                _ => Some(parsed),
            },
            Err(e) => {
                let (field, message) = describe_toml_error(&text, &e);
                problems.push(Problem::new(Rule::Schema, shown.clone(), field, message));
                None
            }
        },
    };
    Entry {
        id: id.to_string(),
        path: shown,
        file,
    }
}

/// The file with every language's translations merged in, typed again (it parsed without them).
fn translated<T: DeserializeOwned>(
    text: &str,
    rel: &str,
    tr: &mut Translator,
    shown: &str,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    let mut table: toml::Table = toml::from_str(text).ok()?;
    tr.entity(rel, &mut table, problems);
    match toml::Value::Table(table).try_into() {
        Ok(t) => Some(t),
        Err(e) => {
            problems.push(Problem::new(
                Rule::Schema,
                shown,
                "(translations)",
                e.to_string(),
            ));
            None
        }
    }
}

/// Names the field a TOML error is about (from the message, else the key on the error's line)
/// and gives the message on one line, with its line number.
fn describe_toml_error(text: &str, e: &toml::de::Error) -> (String, String) {
    let message = e.message().trim().replace('\n', " ");
    let line = e
        .span()
        .map(|s| text[..s.start.min(text.len())].lines().count().max(1));
    let from_message = message
        .split('`')
        .nth(1)
        .filter(|_| message.contains("field") || message.contains("variant"));
    let from_line = line
        .and_then(|n| text.lines().nth(n - 1))
        .map(|l| l.split('=').next().unwrap_or(l).trim().to_string());
    let field = from_message
        .map(str::to_string)
        .or(from_line)
        .unwrap_or_else(|| "(file)".into());
    let at = line.map(|n| format!(" (line {n})")).unwrap_or_default();
    (field, format!("{message}{at}"))
}

/// Items sorted by their display order.
fn ordered<T>(mut list: Vec<(u32, T)>) -> Vec<T> {
    list.sort_by_key(|(order, _)| *order);
    list.into_iter().map(|(_, x)| x).collect()
}

/// Builds the model from content the linter passed. Only called with no problems, so every
/// reference resolves and every file parsed.
fn link(c: &Content) -> Kb {
    let about = c
        .about
        .as_ref()
        .and_then(|e| e.file.as_ref())
        .expect("linted");
    let languages: Vec<Language> = about
        .language
        .iter()
        .map(|l| Language {
            id: LangId::new(&l.code),
            name: l.name.clone(),
            status: l.status,
            dir: l.dir,
            coverage: c
                .coverage
                .iter()
                .find(|k| k.code == l.code)
                .map_or((0, 0), |k| (k.translated, k.total)),
        })
        .collect();
    let default = &about.language[0].code;
    let text = |t: &LocalText| {
        let mut pairs: Vec<(LangId, String)> = t
            .iter()
            .map(|(l, s)| (LangId::new(l), s.trim().to_string()))
            .collect();
        pairs.sort_by_key(|(l, _)| l.as_str() != default);
        Text::new(pairs)
    };
    let ids = |list: &[String]| list.iter().map(SourceId::new).collect::<Vec<_>>();
    let figures = |list: &[FigureEntry]| {
        list.iter()
            .map(|f| Figure {
                outcome: text(&f.outcome),
                per_100: f.per_100,
                low: f.low,
                high: f.high,
                years: f.years,
                group: text(&f.group),
                certainty: f.certainty,
                note: f.note.as_ref().map(text),
                sources: ids(&f.sources),
                measure: f.measure,
                phases: f.phases.clone(),
                joint: f.joint.as_ref().map(JointId::new),
                stages: f.stages.iter().map(StageId::new).collect(),
            })
            .collect::<Vec<_>>()
    };
    let ui = languages
        .iter()
        .filter_map(|l| {
            let entry = c.ui.iter().find(|e| e.id == l.id.as_str())?;
            Some((l.id.clone(), entry.file.clone()?))
        })
        .collect();

    let mut systems: Vec<(&str, u32, StagingSystem)> = c
        .systems
        .iter()
        .filter_map(|e| Some((e, e.file.as_ref()?)))
        .map(|(e, f)| {
            let system = StagingSystem {
                id: SystemId::new(&e.id),
                joint: JointId::new(&f.joint),
                name: text(&f.name),
                about: text(&f.about),
                sources: f.sources.iter().map(SourceId::new).collect(),
                reviewed: f.reviewed.clone(),
                stages: f
                    .stage
                    .iter()
                    .map(|s| Stage {
                        id: StageId::new(files::stage_id(&e.id, &s.code, s.part.as_deref())),
                        code: s.code.clone(),
                        name: s.name.as_ref().map(text),
                        part_name: s.part_name.as_ref().map(text),
                        phase: s.phase,
                        collapse: s.collapse,
                        summary: text(&s.summary),
                        meaning: text(&s.meaning),
                        imaging: text(&s.imaging),
                        reversibility: text(&s.reversibility),
                        reversibility_certainty: s.reversibility_certainty,
                        sources: ids(&s.sources),
                        milestones: s.milestones.clone(),
                        natural_history: s.natural_history.as_ref().map(text),
                        figures: figures(&s.figure),
                    })
                    .collect(),
                modifiers: f
                    .modifier
                    .iter()
                    .map(|m| Modifier {
                        code: m.code.clone(),
                        kind: m.kind,
                        meaning: text(&m.meaning),
                        figures: figures(&m.figure),
                        sources: ids(&m.sources),
                    })
                    .collect(),
            };
            (f.joint.as_str(), f.order, system)
        })
        .collect();
    systems.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));

    let mut joints: Vec<(u32, Joint)> = c
        .joints
        .iter()
        .filter_map(|e| Some((e, e.file.as_ref()?)))
        .map(|(e, f)| {
            let joint = Joint {
                id: JointId::new(&e.id),
                name: text(&f.name),
                title: text(&f.title),
                about: text(&f.about),
                phases: [
                    (Phase::Early, &f.phase.early),
                    (Phase::Intermediate, &f.phase.intermediate),
                    (Phase::Late, &f.phase.late),
                ]
                .into_iter()
                .map(|(phase, t)| PhaseText {
                    phase,
                    summary: text(t),
                })
                .collect(),
                systems: systems
                    .iter()
                    .filter(|(j, _, _)| *j == e.id)
                    .map(|(_, _, s)| s.id.clone())
                    .collect(),
                reviewed: f.reviewed.clone(),
            };
            (f.order, joint)
        })
        .collect();
    joints.sort_by_key(|(order, _)| *order);

    let sources = c
        .sources
        .iter()
        .filter_map(|e| Some((e, e.file.as_ref()?)))
        .map(|(e, f)| Source {
            id: SourceId::new(&e.id),
            authors: f.authors.clone(),
            year: f.year,
            title: f.title.clone(),
            journal: f.journal.clone(),
            doi: f.doi.clone(),
            pmid: f.pmid.clone(),
            url: f.url.clone(),
            checked: f.checked,
        })
        .collect();

    let topics = ordered(
        parsed(&c.topics)
            .map(|(e, f)| {
                let topic = Topic {
                    id: TopicId::new(&e.id),
                    kind: f.kind,
                    title: text(&f.title),
                    blocks: f
                        .block
                        .iter()
                        .map(|b| Block {
                            text: text(&b.text),
                            urgent: b.urgent,
                        })
                        .collect(),
                    sources: ids(&f.sources),
                    reviewed: f.reviewed.clone(),
                };
                (f.order, topic)
            })
            .collect(),
    );
    let risk_factors = ordered(
        parsed(&c.risk_factors)
            .map(|(e, f)| {
                let factor = RiskFactor {
                    id: RiskFactorId::new(&e.id),
                    name: text(&f.name),
                    about: text(&f.about),
                    modifiable: f.modifiable,
                    what_to_do: f.what_to_do.as_ref().map(text),
                    certainty: f.certainty,
                    figures: figures(&f.figure),
                    sources: ids(&f.sources),
                    reviewed: f.reviewed.clone(),
                };
                (f.order, factor)
            })
            .collect(),
    );
    let options = ordered(
        parsed(&c.options)
            .map(|(e, f)| {
                let option = TreatmentOption {
                    id: OptionId::new(&e.id),
                    kind: f.kind,
                    role: f.role,
                    name: text(&f.name),
                    summary: text(&f.summary),
                    involves: text(&f.involves),
                    benefits: text(&f.benefits),
                    harms: text(&f.harms),
                    living_with: text(&f.living_with),
                    disease_course_certainty: f.disease_course_certainty,
                    recovery_weeks: f.recovery_weeks.map(|[low, high]| (low, high)),
                    pain_relief: f.pain_relief,
                    comfort_only: f.comfort_only,
                    offered: f
                        .offered
                        .iter()
                        .map(|o| Offer {
                            joint: JointId::new(&o.joint),
                            early: o.early,
                            intermediate: o.intermediate,
                            late: o.late,
                            role: o.role,
                        })
                        .collect(),
                    figures: figures(&f.figure),
                    variants: f
                        .variant
                        .iter()
                        .map(|v| Variant {
                            joints: v.joints.iter().map(JointId::new).collect(),
                            phases: v.phases.clone(),
                            summary: v.summary.as_ref().map(text),
                            involves: v.involves.as_ref().map(text),
                            benefits: v.benefits.as_ref().map(text),
                            harms: v.harms.as_ref().map(text),
                            living_with: v.living_with.as_ref().map(text),
                        })
                        .collect(),
                    sources: ids(&f.sources),
                    reviewed: f.reviewed.clone(),
                };
                (f.order, option)
            })
            .collect(),
    );
    let faqs = ordered(
        parsed(&c.faqs)
            .map(|(e, f)| {
                let faq = Faq {
                    id: FaqId::new(&e.id),
                    question: text(&f.question),
                    answer: text(&f.answer),
                    joints: f.joints.iter().map(JointId::new).collect(),
                    phases: f.phases.clone(),
                    sources: ids(&f.sources),
                    reviewed: f.reviewed.clone(),
                };
                (f.order, faq)
            })
            .collect(),
    );
    let mut glossary: Vec<Term> = parsed(&c.glossary)
        .flat_map(|(_, g)| &g.term)
        .map(|t| Term {
            id: TermId::new(&t.id),
            term: text(&t.term),
            also: Forms::new(
                std::iter::once((LangId::new(default), t.also.clone()))
                    .chain(t.also_in.iter().map(|(l, f)| (LangId::new(l), f.clone())))
                    .collect(),
            ),
            definition: text(&t.definition),
        })
        .collect();
    glossary.sort_by_key(|t| t.term.get(&languages[0].id).to_lowercase());

    let finder = Finder {
        questions: c
            .finder
            .as_ref()
            .and_then(|e| e.file.as_ref())
            .map_or(&[][..], |f| &f.question)
            .iter()
            .map(|q| Question {
                id: q.id.clone(),
                text: text(&q.text),
                help: q.help.as_ref().map(text),
                choices: q
                    .choice
                    .iter()
                    .map(|ch| Choice {
                        text: ch.text.as_ref().map(text),
                        unknown: ch.unknown,
                        at_least: ch.at_least,
                        at_most: ch.at_most,
                        rules_out: ch.rules_out.clone(),
                        modifiers: ch
                            .modifiers
                            .iter()
                            .map(|(system, code)| (SystemId::new(system), code.clone()))
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
    };

    let warning_signs = parsed(&c.warning_signs)
        .flat_map(|(_, f)| &f.sign)
        .map(|s| WarningSign {
            id: s.id.clone(),
            urgency: s.urgency,
            joints: s.joints.iter().map(JointId::new).collect(),
            after: s.after.iter().map(OptionId::new).collect(),
            after_operation: s.after_operation,
            text: text(&s.text),
            sources: ids(&s.sources),
        })
        .collect();

    let situations = ordered(
        parsed(&c.situations)
            .map(|(e, f)| {
                let situation = Situation {
                    id: SituationId::new(&e.id),
                    name: text(&f.name),
                    notes: f
                        .note
                        .iter()
                        .map(|n| SituationNote {
                            text: text(&n.text),
                            joints: n.joints.iter().map(JointId::new).collect(),
                            phases: n.phases.clone(),
                            options: n.options.iter().map(OptionId::new).collect(),
                            certainty: n.certainty,
                            sources: ids(&n.sources),
                        })
                        .collect(),
                    reviewed: f.reviewed.clone(),
                };
                (f.order, situation)
            })
            .collect(),
    );

    let system_ids: Vec<SystemId> = systems.iter().map(|(_, _, s)| s.id.clone()).collect();
    let report = crate::report::load::guide(c, &text, &system_ids);
    Kb {
        report,
        finder,
        warning_signs,
        situations,
        topics,
        risk_factors,
        options,
        faqs,
        glossary,
        about: About {
            content_version: about.content_version.clone(),
            published: about.published.clone(),
            reviewed: about.reviewed.clone(),
            next_review: about.next_review.clone(),
            changes: about
                .change
                .iter()
                .map(|c| Change {
                    version: c.version.clone(),
                    date: c.date.clone(),
                    summary: text(&c.summary),
                })
                .collect(),
            reading: Reading::default(),
            languages,
        },
        ui,
        joints: joints.into_iter().map(|(_, j)| j).collect(),
        systems: systems.into_iter().map(|(_, _, s)| s).collect(),
        sources,
    }
}

/// What a clean lint run prints: the counts of everything, and the reading-grade distribution
/// with every block above grade 8 (the gate, also a test, is 95 % at grade 8 or below).
pub fn summary(kb: &Kb) -> String {
    let stages: usize = kb.systems.iter().map(|s| s.stages.len()).sum();
    let figures: usize = kb.options.iter().map(|o| o.figures.len()).sum::<usize>()
        + kb.systems
            .iter()
            .flat_map(|s| &s.stages)
            .map(|s| s.figures.len())
            .sum::<usize>()
        + kb.systems
            .iter()
            .flat_map(|s| &s.modifiers)
            .map(|m| m.figures.len())
            .sum::<usize>();
    let mut out = format!(
        "content OK: {} joints, {} staging systems, {} stages, {} options, {} outcome figures, \
         {} risk factors, {} topics, {} questions, {} glossary terms, {} sources\n",
        kb.joints.len(),
        kb.systems.len(),
        stages,
        kb.options.len(),
        figures,
        kb.risk_factors.len(),
        kb.topics.len(),
        kb.faqs.len(),
        kb.glossary.len(),
        kb.sources.len()
    );
    for l in kb.about.languages.iter().skip(1) {
        let (done, total) = l.coverage;
        out.push_str(&format!(
            "language {} ({}, {}): {done} of {total} texts translated ({:.1} %)\n",
            l.id,
            l.name,
            match l.status {
                crate::LanguageStatus::Draft => "draft",
                crate::LanguageStatus::Reviewed => "reviewed",
            },
            done as f32 * 100.0 / total.max(1) as f32
        ));
    }
    let graded = kb.reading_grades();
    let easy = graded.iter().filter(|(_, g)| *g <= 8.0).count();
    out.push_str(&format!(
        "reading grade: {easy} of {} graded blocks at grade 8 or below ({:.1} %; the gate is 95 %)\n",
        graded.len(),
        easy as f32 * 100.0 / graded.len().max(1) as f32
    ));
    for (at, g) in graded.iter().filter(|(_, g)| *g > 8.0) {
        out.push_str(&format!("  above 8: {at} ({g:.1})\n"));
    }
    out
}

/// The measured reading level of every graded block of patient text.
fn reading(kb: &Kb) -> Reading {
    let mut tenths: Vec<u16> = kb
        .reading_grades()
        .into_iter()
        .map(|(_, g)| (g.max(0.0) * 10.0 + 0.5) as u16)
        .collect();
    tenths.sort_unstable();
    Reading {
        blocks: tenths.len() as u32,
        at_most_8: tenths.iter().filter(|t| **t <= 80).count() as u32,
        median_tenths: tenths.get(tenths.len() / 2).copied().unwrap_or(0),
        lowest_tenths: tenths.first().copied().unwrap_or(0),
        highest_tenths: tenths.last().copied().unwrap_or(0),
    }
}
