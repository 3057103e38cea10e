//! The shape of each content file, exactly as a clinician writes it (see `content/README.md`).
//! Strict: an unknown field, a missing field or a value outside a vocabulary does not parse.

use crate::{
    Certainty, Collapse, LanguageStatus, Measure, Milestone, Modifiable, ModifierKind, Offered,
    OptionKind, PainRelief, Phase, Role, TextDirection, TopicKind, UiText, Urgency, Verification,
};
use serde::Deserialize;
use std::collections::BTreeMap;

/// Patient text as written: language code to text, e.g. `meaning.en = "…"`.
pub type LocalText = BTreeMap<String, String>;

/// `content/kb.toml`: facts about the content as a whole.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AboutFile {
    /// Version of this file format; only 1 exists.
    pub format_version: u32,
    /// Content version shown to patients.
    pub content_version: String,
    /// Publication date (ISO).
    pub published: String,
    /// Last review of the whole content (ISO).
    pub reviewed: String,
    /// When the next full review is due (ISO).
    pub next_review: String,
    /// Declared languages, the default first.
    pub language: Vec<LanguageEntry>,
    /// What changed in each version, newest first.
    #[serde(default)]
    pub change: Vec<ChangeEntry>,
}

/// One `[[change]]` entry: what a content version changed, for patients.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeEntry {
    /// The content version.
    pub version: String,
    /// When it was published (ISO).
    pub date: String,
    /// What changed, in plain words.
    pub summary: LocalText,
}

/// One `[[language]]` entry.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageEntry {
    /// Code, e.g. `en`.
    pub code: String,
    /// Name in the language itself.
    pub name: String,
    /// `draft` (not offered to patients; may be incomplete) or `reviewed` (complete, checked).
    #[serde(default)]
    pub status: LanguageStatus,
    /// Text direction, `ltr` or `rtl`.
    #[serde(default)]
    pub dir: TextDirection,
    /// Made from the default language by the pseudo-translation (accented and 40 % longer), not
    /// read from files: proves the translation pipeline. Must be `draft`.
    #[serde(default)]
    pub pseudo: bool,
}

/// `content/joints/<joint>.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JointFile {
    /// Display order among joints.
    pub order: u32,
    /// Short name.
    pub name: LocalText,
    /// Page title.
    pub title: LocalText,
    /// Which bone, in plain words.
    pub about: LocalText,
    /// What early / intermediate / late mean here.
    pub phase: PhaseTexts,
    /// Last review (ISO).
    pub reviewed: String,
}

/// The `[phase]` table of a joint file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseTexts {
    /// Early.
    pub early: LocalText,
    /// Intermediate.
    pub intermediate: LocalText,
    /// Late.
    pub late: LocalText,
}

/// `content/staging/<system>.toml`: a staging system with its stages.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SystemFile {
    /// The joint it stages (a file name under `joints/`).
    pub joint: String,
    /// Display order among the joint's systems.
    pub order: u32,
    /// Short name as on reports.
    pub name: LocalText,
    /// What the name stands for.
    pub about: LocalText,
    /// Where it is defined (file names under `sources/`).
    pub sources: Vec<String>,
    /// Last review (ISO).
    pub reviewed: String,
    /// Its stages, mildest first.
    #[serde(default)]
    pub stage: Vec<StageEntry>,
    /// Size or location sub-types used with the stages (e.g. Steinberg A/B/C, JIC types).
    #[serde(default)]
    pub modifier: Vec<ModifierEntry>,
}

/// One `[[modifier]]` entry: a size or location sub-type.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModifierEntry {
    /// Code as on reports, e.g. `C2`.
    pub code: String,
    /// Size (extent) or location.
    pub kind: ModifierKind,
    /// Meaning in plain words.
    pub meaning: LocalText,
    /// What tends to happen with this sub-type if nothing is done.
    #[serde(default)]
    pub figure: Vec<FigureEntry>,
    /// Sources.
    pub sources: Vec<String>,
}

/// One `[[...figure]]` entry: an outcome as N in 100 over a stated time.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureEntry {
    /// What happens, e.g. "the ball collapses".
    pub outcome: LocalText,
    /// Best estimate, out of 100.
    pub per_100: u8,
    /// Lower end of the range, out of 100 (optional).
    pub low: Option<u8>,
    /// Upper end of the range, out of 100 (optional).
    pub high: Option<u8>,
    /// The denominator: always 100 (written out so a reviewer sees it).
    pub out_of: u16,
    /// Over how many years.
    pub years: f32,
    /// The reference group: who these 100 people (or hips) are.
    pub group: LocalText,
    /// How sure the estimate is.
    pub certainty: Certainty,
    /// Why the certainty is what it is, or other caveats (optional).
    pub note: Option<LocalText>,
    /// Sources.
    pub sources: Vec<String>,
    /// What the figure counts, if it can be compared across options (optional).
    pub measure: Option<Measure>,
    /// The stage groups the reference group belongs to (optional; empty: not stage-specific).
    #[serde(default)]
    pub phases: Vec<Phase>,
    /// The joint the reference group had (optional; empty: the file's joint, or several).
    pub joint: Option<String>,
    /// The stages (stage IDs) the reference group was at, when the source names them.
    #[serde(default)]
    pub stages: Vec<String>,
}

/// One `[[stage]]` entry.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageEntry {
    /// Code as on reports, e.g. `IIIA`.
    pub code: String,
    /// How patients see a stage whose code is a word, not a report code (optional).
    pub name: Option<LocalText>,
    /// Splits one report code where the stage groups differ, e.g. by depth (optional ID).
    pub part: Option<String>,
    /// What the part means, in plain words (required with `part`).
    pub part_name: Option<LocalText>,
    /// Plain group.
    pub phase: Phase,
    /// Before or after collapse (optional: left out where collapse does not apply).
    pub collapse: Option<Collapse>,
    /// One line for lists.
    pub summary: LocalText,
    /// Meaning in plain words.
    pub meaning: LocalText,
    /// What scans show.
    pub imaging: LocalText,
    /// Whether it can get better.
    pub reversibility: LocalText,
    /// Certainty of the reversibility statement.
    pub reversibility_certainty: Certainty,
    /// Sources (file names under `sources/`).
    pub sources: Vec<String>,
    /// Imaging milestones the stage spans, to translate it into other systems.
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    /// What tends to happen at this stage if nothing is done, in plain words (optional).
    pub natural_history: Option<LocalText>,
    /// Natural-history figures for this stage.
    #[serde(default)]
    pub figure: Vec<FigureEntry>,
}

/// `content/sources/<source>.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceFile {
    /// Authors as cited.
    pub authors: String,
    /// Year.
    pub year: u16,
    /// Title.
    pub title: String,
    /// Journal, volume, pages.
    pub journal: String,
    /// DOI, e.g. `10.1016/j.arth.2019.11.029`.
    pub doi: Option<String>,
    /// PubMed ID (digits).
    pub pmid: Option<String>,
    /// A web address, for sources without a DOI (https only).
    pub url: Option<String>,
    /// How far the project checked it.
    pub checked: Verification,
    /// A reviewer's note on what was and was not checked.
    pub note: Option<String>,
}

/// `content/topics/<topic>.toml`: a page of explanation (what AVN is, symptoms, diagnosis,
/// when to see a doctor, about this aid).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicFile {
    /// What kind of page.
    pub kind: TopicKind,
    /// Display order.
    pub order: u32,
    /// Title.
    pub title: LocalText,
    /// Paragraphs.
    pub block: Vec<BlockEntry>,
    /// Sources.
    pub sources: Vec<String>,
    /// Last review (ISO).
    pub reviewed: String,
}

/// One `[[block]]`: a paragraph, marked if it is an urgent warning.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlockEntry {
    /// The paragraph.
    pub text: LocalText,
    /// Shown as an urgent warning.
    #[serde(default)]
    pub urgent: bool,
}

/// `content/risk-factors/<factor>.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskFactorFile {
    /// Display order.
    pub order: u32,
    /// Name.
    pub name: LocalText,
    /// How it is linked to AVN.
    pub about: LocalText,
    /// Whether a patient can change it.
    pub modifiable: Modifiable,
    /// What can be done (required unless it cannot be changed).
    pub what_to_do: Option<LocalText>,
    /// Certainty of the link.
    pub certainty: Certainty,
    /// Figures that apply only to people with this risk factor.
    #[serde(default)]
    pub figure: Vec<FigureEntry>,
    /// Sources.
    pub sources: Vec<String>,
    /// Last review (ISO).
    pub reviewed: String,
}

/// `content/options/<option>.toml`: a treatment option.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionFile {
    /// What kind of option.
    pub kind: OptionKind,
    /// A choice to decide between, or care that goes with any choice.
    pub role: Role,
    /// Display order.
    pub order: u32,
    /// Name.
    pub name: LocalText,
    /// One line.
    pub summary: LocalText,
    /// What it is and what it involves.
    pub involves: LocalText,
    /// Benefits.
    pub benefits: LocalText,
    /// Harms and side effects, in as much detail as the benefits.
    pub harms: LocalText,
    /// What living with it is like.
    pub living_with: LocalText,
    /// Certainty that it changes the course of the disease.
    pub disease_course_certainty: Certainty,
    /// Typical weeks before usual daily life or work restarts, `[low, high]` (optional; only
    /// where `living_with` and the sources say; `[0, 0]` when daily life goes on as usual).
    pub recovery_weeks: Option<[u8; 2]>,
    /// How soon it eases pain (optional; only where `benefits` and the sources say).
    pub pain_relief: Option<PainRelief>,
    /// For comfort or wellbeing only, not to change the disease.
    #[serde(default)]
    pub comfort_only: bool,
    /// For which joints and stage groups it is offered.
    pub offered: Vec<OfferEntry>,
    /// Outcome figures.
    #[serde(default)]
    pub figure: Vec<FigureEntry>,
    /// Text for some joints or stage groups, replacing the base text there.
    #[serde(default)]
    pub variant: Vec<VariantEntry>,
    /// Sources.
    pub sources: Vec<String>,
    /// Last review (ISO).
    pub reviewed: String,
}

/// One `[[variant]]`: an option's text for some joints and/or stage groups.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VariantEntry {
    /// The joints it is for (empty: any).
    #[serde(default)]
    pub joints: Vec<String>,
    /// The stage groups it is for (empty: any).
    #[serde(default)]
    pub phases: Vec<Phase>,
    /// One line.
    pub summary: Option<LocalText>,
    /// What it involves.
    pub involves: Option<LocalText>,
    /// Benefits.
    pub benefits: Option<LocalText>,
    /// Harms.
    pub harms: Option<LocalText>,
    /// Living with it.
    pub living_with: Option<LocalText>,
}

/// One `[[offered]]`: how often an option is offered for one joint, by stage group.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfferEntry {
    /// The joint.
    pub joint: String,
    /// Early stages.
    pub early: Offered,
    /// Middle stages.
    pub intermediate: Offered,
    /// Late stages.
    pub late: Offered,
    /// Its role for this joint, where it differs from the option's own.
    pub role: Option<Role>,
}

/// `content/faq/<question>.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaqFile {
    /// Display order.
    pub order: u32,
    /// The question, as a patient asks it.
    pub question: LocalText,
    /// The answer.
    pub answer: LocalText,
    /// Joints whose stage and options pages link it (empty: any, if `phases` is given).
    #[serde(default)]
    pub joints: Vec<String>,
    /// Stage groups whose stage and options pages link it (empty: any, if `joints` is given).
    #[serde(default)]
    pub phases: Vec<Phase>,
    /// Sources.
    pub sources: Vec<String>,
    /// Last review (ISO).
    pub reviewed: String,
}

/// `content/situations/<situation>.toml`: a situation a patient may be in (sickle cell disease,
/// pregnancy, under 30…), with the notes that matter for it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SituationFile {
    /// Display order.
    pub order: u32,
    /// What the patient ticks, e.g. "I have sickle cell disease".
    pub name: LocalText,
    /// The notes.
    pub note: Vec<NoteEntry>,
    /// Last review (ISO).
    pub reviewed: String,
}

/// One `[[note]]`: what matters in this situation, for some joints, stage groups or options.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteEntry {
    /// The note.
    pub text: LocalText,
    /// The joints it is for (empty: any).
    #[serde(default)]
    pub joints: Vec<String>,
    /// The stage groups it is for (empty: any).
    #[serde(default)]
    pub phases: Vec<Phase>,
    /// The options it is about (empty: the stage itself).
    #[serde(default)]
    pub options: Vec<String>,
    /// How sure the evidence behind it is.
    pub certainty: Certainty,
    /// Sources.
    pub sources: Vec<String>,
}

/// `content/warning-signs/<group>.toml`: signs that need care soon, the same day, or at once.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WarningSignsFile {
    /// The signs.
    pub sign: Vec<SignEntry>,
}

/// One `[[sign]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignEntry {
    /// ID (lower-case kebab-case, unique across all files).
    pub id: String,
    /// How soon it needs care.
    pub urgency: Urgency,
    /// The joints whose pages show it (with `after`: limits it to these joints).
    #[serde(default)]
    pub joints: Vec<String>,
    /// Options (IDs) it is about the time after.
    #[serde(default)]
    pub after: Vec<String>,
    /// About the time after any operation.
    #[serde(default)]
    pub after_operation: bool,
    /// What the person notices, and what to do and how soon.
    pub text: LocalText,
    /// Sources.
    pub sources: Vec<String>,
}

/// `content/glossary.toml`: every medical term patient text uses.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryFile {
    /// Words that look medical but are plain enough to need no entry (lower case).
    #[serde(default)]
    pub plain: Vec<String>,
    /// The terms.
    pub term: Vec<TermEntry>,
}

/// One `[[term]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermEntry {
    /// ID (lower-case kebab-case).
    pub id: String,
    /// The term as shown.
    pub term: LocalText,
    /// Other forms of the term in the default language (plurals, abbreviations).
    #[serde(default)]
    pub also: Vec<String>,
    /// Other forms in each other language, filled from its translation files (never written here).
    #[serde(default)]
    pub also_in: BTreeMap<String, Vec<String>>,
    /// Plain definition.
    pub definition: LocalText,
}

/// `content/ui/<language>.toml` is a [`UiText`] as it stands.
pub type UiFile = UiText;

/// `content/finder.toml`: the questions of "help me work it out".
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FinderFile {
    /// The questions, in the order they are asked.
    #[serde(default)]
    pub question: Vec<QuestionEntry>,
}

/// One `[[question]]`: a plain question about what the imaging report says.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionEntry {
    /// ID (lower-case kebab-case, unique).
    pub id: String,
    /// The question.
    pub text: LocalText,
    /// Where in the report to look (optional).
    pub help: Option<LocalText>,
    /// The answers, in the order shown; exactly one with `unknown = true`.
    #[serde(default)]
    pub choice: Vec<ChoiceEntry>,
}

/// One `[[question.choice]]`: an answer and what it says about the imaging findings.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceEntry {
    /// The answer as shown (optional only for the "I don't know" answer).
    pub text: Option<LocalText>,
    /// The "I don't know" answer: says nothing about the findings.
    #[serde(default)]
    pub unknown: bool,
    /// The mildest finding this answer allows.
    pub at_least: Option<Milestone>,
    /// The most advanced finding this answer allows.
    pub at_most: Option<Milestone>,
    /// Findings this answer rules out.
    #[serde(default)]
    pub rules_out: Vec<Milestone>,
    /// Sub-types this answer picks: staging system ID to sub-type code.
    #[serde(default)]
    pub modifiers: BTreeMap<String, String>,
}

/// One content file: its ID (the file name without `.toml`), its path for messages, and its
/// parsed form, or `None` when it did not parse (the problem is already reported).
#[derive(Debug)]
pub struct Entry<T> {
    /// File name without `.toml`.
    pub id: String,
    /// Path as shown in messages, e.g. `content/staging/hip-arco-2019.toml`.
    pub path: String,
    /// The parsed file.
    pub file: Option<T>,
}

/// Every content file as read, parsed or not.
#[derive(Debug, Default)]
pub struct Content {
    /// `kb.toml`.
    pub about: Option<Entry<AboutFile>>,
    /// `joints/*.toml`.
    pub joints: Vec<Entry<JointFile>>,
    /// `staging/*.toml`.
    pub systems: Vec<Entry<SystemFile>>,
    /// `sources/*.toml`.
    pub sources: Vec<Entry<SourceFile>>,
    /// `ui/*.toml`.
    pub ui: Vec<Entry<UiFile>>,
    /// `topics/*.toml`.
    pub topics: Vec<Entry<TopicFile>>,
    /// `risk-factors/*.toml`.
    pub risk_factors: Vec<Entry<RiskFactorFile>>,
    /// `options/*.toml`.
    pub options: Vec<Entry<OptionFile>>,
    /// `faq/*.toml`.
    pub faqs: Vec<Entry<FaqFile>>,
    /// `glossary/*.toml`.
    pub glossary: Vec<Entry<GlossaryFile>>,
    /// `finder.toml`, if the content has one.
    pub finder: Option<Entry<FinderFile>>,
    /// `warning-signs/*.toml`.
    pub warning_signs: Vec<Entry<WarningSignsFile>>,
    /// `situations/*.toml`.
    pub situations: Vec<Entry<SituationFile>>,
    /// `report/findings.toml`, if the content has a report decoder.
    pub report_findings: Option<Entry<ReportFindingsFile>>,
    /// `report/words/<language>.toml`.
    pub report_words: Vec<Entry<ReportWordsFile>>,
    /// How much each language other than the default has translated.
    pub coverage: Vec<crate::i18n::Coverage>,
}

/// The files of one kind that parsed, with their entries.
pub fn parsed<T>(entries: &[Entry<T>]) -> impl Iterator<Item = (&Entry<T>, &T)> {
    entries.iter().filter_map(|e| Some((e, e.file.as_ref()?)))
}

/// A stage's ID: `system/code`, or `system/code-part` for one part of a split report code.
pub fn stage_id(system: &str, code: &str, part: Option<&str>) -> String {
    match part {
        Some(part) => format!("{system}/{code}-{part}"),
        None => format!("{system}/{code}"),
    }
}

/// `content/report/findings.toml`: what the report decoder knows about each finding, hedge and
/// measurement, with the patient texts.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportFindingsFile {
    /// The findings, in display order.
    pub finding: Vec<ReportFindingEntry>,
    /// The plain meaning of each hedge.
    pub hedge: Vec<HedgeEntry>,
    /// What each measurement measures.
    pub measurement: Vec<MeasurementEntry>,
}

/// One `[[finding]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportFindingEntry {
    /// ID (kebab-case, unique).
    pub id: String,
    /// What kind of finding.
    pub kind: crate::report::FindingKind,
    /// The joints it applies to.
    pub joints: Vec<String>,
    /// With AVN, the mildest milestone it implies when present.
    pub at_least: Option<Milestone>,
    /// `at_least` holds only on an X-ray or CT.
    #[serde(default)]
    pub on_film_only: bool,
    /// The most advanced milestone it allows when said not to be there.
    pub absent_at_most: Option<Milestone>,
    /// Seen in a report that does not name AVN, it makes AVN possible.
    #[serde(default)]
    pub suggests_avn: bool,
    /// The glossary term that explains the same thing.
    pub term: Option<String>,
    /// Short label.
    pub name: LocalText,
    /// Plain explanation.
    pub explain: LocalText,
    /// What it does not mean.
    pub not_meaning: Option<LocalText>,
    /// Sources of any figure in the texts.
    #[serde(default)]
    pub sources: Vec<String>,
    /// What it says about stages the milestones cannot place.
    #[serde(default)]
    pub stage: Vec<StageRuleEntry>,
}

/// When a stage rule holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum When {
    /// When the report says the finding is there.
    #[default]
    Present,
    /// When the report says it is not there.
    Absent,
}

/// One `[[finding.stage]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageRuleEntry {
    /// Staging system ID.
    pub system: String,
    /// When it holds.
    #[serde(default)]
    pub when: When,
    /// Mildest stage code allowed.
    pub at_least: Option<String>,
    /// Most advanced stage code allowed.
    pub at_most: Option<String>,
    /// Stage codes ruled out.
    #[serde(default)]
    pub rules_out: Vec<String>,
    /// Findings that must be present too.
    #[serde(default)]
    pub needs: Vec<String>,
}

/// One `[[hedge]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HedgeEntry {
    /// Which hedge.
    pub id: crate::report::Hedge,
    /// Example report words.
    pub words: LocalText,
    /// Its one plain meaning.
    pub meaning: LocalText,
}

/// One `[[measurement]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasurementEntry {
    /// Which measurement.
    pub id: crate::report::ReportMeasure,
    /// Short label.
    pub name: LocalText,
    /// What it measures.
    pub explain: LocalText,
    /// Sources of any figure in the texts.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// `content/report/words/<language>.toml`: the phrases the decoder recognises in one language.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportWordsFile {
    /// Finding ID to the phrases that name it.
    pub findings: BTreeMap<String, Vec<String>>,
    /// Finding ID to phrases that by themselves say it is not there.
    #[serde(default)]
    pub absent: BTreeMap<String, Vec<String>>,
    /// Negations, pseudo-negations, scope ends and the other single cues.
    pub cues: CueWords,
    /// Comparison with an earlier study.
    pub changes: BTreeMap<crate::report::Comparison, Vec<String>>,
    /// Hedge to its words before and after a finding.
    pub hedges: BTreeMap<crate::report::Hedge, HedgeWords>,
    /// Section headings.
    pub sections: BTreeMap<crate::report::Section, Vec<String>>,
    /// Side words.
    pub sides: BTreeMap<crate::report::Side, Vec<String>>,
    /// Kinds of scan.
    pub modalities: BTreeMap<crate::report::Modality, Vec<String>>,
    /// Staging system ID to its names.
    pub systems: BTreeMap<String, Vec<String>>,
    /// Measurement to the words that say a number measures it.
    pub measurements: BTreeMap<crate::report::ReportMeasure, Vec<String>>,
    /// Words that bound a number or set it apart.
    pub numbers: NumberWords,
}

/// `[cues]` of a words file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CueWords {
    /// Negations before the finding.
    pub negation_before: Vec<String>,
    /// Negations after the finding.
    pub negation_after: Vec<String>,
    /// Look like negations, are not.
    pub pseudo: Vec<String>,
    /// End a negation's or hedge's reach.
    pub scope_end: Vec<String>,
    /// Contain a finding's or a side's words but are not it.
    #[serde(default)]
    pub not_findings: Vec<String>,
    /// Carry a negation's or hedge's reach on without using it up.
    #[serde(default)]
    pub bridge: Vec<String>,
    /// Questions in the history.
    pub history_query: Vec<String>,
    /// Nothing wrong seen.
    pub normal: Vec<String>,
    /// An X-ray said to be normal.
    pub xray_normal: Vec<String>,
    /// The word before a stage's code.
    pub stage_word: Vec<String>,
}

/// One hedge's words.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HedgeWords {
    /// Before the finding.
    #[serde(default)]
    pub before: Vec<String>,
    /// After the finding.
    #[serde(default)]
    pub after: Vec<String>,
}

/// `[numbers]` of a words file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumberWords {
    /// Bound from above.
    pub at_most: Vec<String>,
    /// Bound from below.
    pub at_least: Vec<String>,
    /// Make a variance negative.
    pub negative: Vec<String>,
    /// The number is an earlier study's.
    pub earlier: Vec<String>,
}
