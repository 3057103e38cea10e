//! The linked, validated knowledge base as the app reads it. Built only by the loader (after
//! the linter found nothing wrong) or decoded from the copy the build embeds in the app.

use crate::{
    Certainty, Collapse, FaqId, JointId, LangId, Measure, Milestone, Modifiable, ModifierKind,
    Offered, OptionId, OptionKind, PainRelief, Phase, RiskFactorId, Role, SituationId, SourceId,
    StageId, SystemId, TermId, Text, TopicId, TopicKind, Urgency, Verification,
};
use serde::{Deserialize, Serialize};

/// The whole knowledge base.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Kb {
    /// Version, dates and languages of this content.
    pub about: About,
    /// Interface text per language, in the order of `about.languages`.
    pub ui: Vec<(LangId, UiText)>,
    /// Joints, in display order.
    pub joints: Vec<Joint>,
    /// Staging systems of every joint.
    pub systems: Vec<StagingSystem>,
    /// Every cited source.
    pub sources: Vec<Source>,
    /// Explanation pages, in display order.
    pub topics: Vec<Topic>,
    /// Risk factors, in display order.
    pub risk_factors: Vec<RiskFactor>,
    /// Treatment options, in display order.
    pub options: Vec<TreatmentOption>,
    /// Frequently asked questions, in display order.
    pub faqs: Vec<Faq>,
    /// Glossary terms, alphabetical in the default language.
    pub glossary: Vec<Term>,
    /// The questions of "help me work it out" (from a report to a stage).
    pub finder: crate::Finder,
    /// Signs that need care soon, the same day or at once, in content order.
    pub warning_signs: Vec<WarningSign>,
    /// Situations a patient may be in, in display order.
    pub situations: Vec<Situation>,
    /// What "Explain my report" knows: findings, hedges, measurements and words.
    pub report: crate::report::ReportGuide,
}

/// A situation a patient may be in, with the notes that matter for it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Situation {
    /// Its ID.
    pub id: SituationId,
    /// What the patient ticks.
    pub name: Text,
    /// The notes.
    pub notes: Vec<SituationNote>,
    /// Last review (ISO date).
    pub reviewed: String,
}

/// What matters in a situation, for some joints, stage groups or options.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SituationNote {
    /// The note.
    pub text: Text,
    /// The joints it is for (empty: any).
    pub joints: Vec<JointId>,
    /// The stage groups it is for (empty: any).
    pub phases: Vec<Phase>,
    /// The options it is about (empty: the stage itself).
    pub options: Vec<OptionId>,
    /// How sure the evidence behind it is.
    pub certainty: Certainty,
    /// Sources.
    pub sources: Vec<SourceId>,
}

impl SituationNote {
    /// Whether it is for `joint` at `phase`.
    pub fn is_for(&self, joint: &JointId, phase: Phase) -> bool {
        (self.joints.is_empty() || self.joints.contains(joint))
            && (self.phases.is_empty() || self.phases.contains(&phase))
    }
}

/// A sign that needs care: what the person notices, and what to do and how soon.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WarningSign {
    /// Its ID.
    pub id: String,
    /// How soon it needs care.
    pub urgency: Urgency,
    /// The joints whose pages show it (with `after`: limits it to these joints; empty: any).
    pub joints: Vec<JointId>,
    /// The options it is about the time after.
    pub after: Vec<OptionId>,
    /// About the time after any operation.
    pub after_operation: bool,
    /// The sign and what to do.
    pub text: Text,
    /// Sources.
    pub sources: Vec<SourceId>,
}

impl WarningSign {
    /// Whether it is about the time after a treatment (rather than about the joint itself).
    pub fn is_aftercare(&self) -> bool {
        self.after_operation || !self.after.is_empty()
    }

    /// Whether it is about the time after `option`.
    pub fn follows(&self, option: &TreatmentOption) -> bool {
        self.after.contains(&option.id) || (self.after_operation && option.kind.is_operation())
    }

    /// Whether it is for `joint` (aftercare signs with no joints are for any joint).
    pub fn is_for(&self, joint: &JointId) -> bool {
        self.joints.contains(joint) || (self.joints.is_empty() && self.is_aftercare())
    }
}

/// An explanation page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Topic {
    /// Its ID.
    pub id: TopicId,
    /// What kind of page.
    pub kind: TopicKind,
    /// Title.
    pub title: Text,
    /// Paragraphs.
    pub blocks: Vec<Block>,
    /// Sources.
    pub sources: Vec<SourceId>,
    /// Last review (ISO date).
    pub reviewed: String,
}

/// A paragraph of a topic.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Block {
    /// The paragraph.
    pub text: Text,
    /// Shown as an urgent warning.
    pub urgent: bool,
}

/// A risk factor for AVN.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RiskFactor {
    /// Its ID.
    pub id: RiskFactorId,
    /// Name.
    pub name: Text,
    /// How it is linked to AVN.
    pub about: Text,
    /// Whether a patient can change it.
    pub modifiable: Modifiable,
    /// What can be done, if it can be changed.
    pub what_to_do: Option<Text>,
    /// Certainty of the link.
    pub certainty: Certainty,
    /// Figures that apply only to people with this risk factor.
    pub figures: Vec<Figure>,
    /// Sources.
    pub sources: Vec<SourceId>,
    /// Last review (ISO date).
    pub reviewed: String,
}

/// A treatment option.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TreatmentOption {
    /// Its ID.
    pub id: OptionId,
    /// What kind of option.
    pub kind: OptionKind,
    /// A choice to decide between, or care that goes with any choice (see also
    /// [`Offer::role`]).
    pub role: Role,
    /// Name.
    pub name: Text,
    /// One line.
    pub summary: Text,
    /// What it is and involves.
    pub involves: Text,
    /// Benefits.
    pub benefits: Text,
    /// Harms and side effects.
    pub harms: Text,
    /// What living with it is like.
    pub living_with: Text,
    /// Certainty that it changes the course of the disease.
    pub disease_course_certainty: Certainty,
    /// Typical weeks before usual daily life or work restarts, lowest and highest, if the
    /// option's text and sources say (0 when daily life goes on as usual).
    pub recovery_weeks: Option<(u8, u8)>,
    /// How soon it is expected to ease pain, if the option's text and sources say.
    pub pain_relief: Option<PainRelief>,
    /// For comfort or wellbeing only.
    pub comfort_only: bool,
    /// Where and when it is offered.
    pub offered: Vec<Offer>,
    /// Outcome figures.
    pub figures: Vec<Figure>,
    /// Text for some joints or stage groups, replacing the base text there.
    pub variants: Vec<Variant>,
    /// Sources.
    pub sources: Vec<SourceId>,
    /// Last review (ISO date).
    pub reviewed: String,
}

/// An option's text for some joints and/or stage groups.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Variant {
    /// The joints it is for (empty: any).
    pub joints: Vec<JointId>,
    /// The stage groups it is for (empty: any).
    pub phases: Vec<Phase>,
    /// One line.
    pub summary: Option<Text>,
    /// What it involves.
    pub involves: Option<Text>,
    /// Benefits.
    pub benefits: Option<Text>,
    /// Harms.
    pub harms: Option<Text>,
    /// Living with it.
    pub living_with: Option<Text>,
}

impl Variant {
    /// Whether it applies to `joint` at `phase`; an unknown joint or phase matches only a
    /// variant that does not name any.
    pub fn applies(&self, joint: Option<&JointId>, phase: Option<Phase>) -> bool {
        let joint_ok = self.joints.is_empty() || joint.is_some_and(|j| self.joints.contains(j));
        let phase_ok = self.phases.is_empty() || phase.is_some_and(|p| self.phases.contains(&p));
        joint_ok && phase_ok
    }
}

/// The texts of an option as a patient with one joint at one stage group reads them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OptionTexts<'a> {
    /// One line.
    pub summary: &'a Text,
    /// What it involves.
    pub involves: &'a Text,
    /// Benefits.
    pub benefits: &'a Text,
    /// Harms.
    pub harms: &'a Text,
    /// Living with it.
    pub living_with: &'a Text,
}

/// How often an option is offered for one joint, by stage group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Offer {
    /// The joint.
    pub joint: JointId,
    /// Early stages.
    pub early: Offered,
    /// Middle stages.
    pub intermediate: Offered,
    /// Late stages.
    pub late: Offered,
    /// Its role for this joint, where it differs from the option's own.
    pub role: Option<Role>,
}

impl Offer {
    /// How often it is offered in `phase`.
    pub fn at(&self, phase: Phase) -> Offered {
        match phase {
            Phase::Early => self.early,
            Phase::Intermediate => self.intermediate,
            Phase::Late => self.late,
        }
    }
}

/// An outcome as N out of 100 over a stated time, for a stated group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// What happens.
    pub outcome: Text,
    /// Best estimate, out of 100.
    pub per_100: u8,
    /// Lower end of the range.
    pub low: Option<u8>,
    /// Upper end of the range.
    pub high: Option<u8>,
    /// Over how many years.
    pub years: f32,
    /// Who the 100 are.
    pub group: Text,
    /// How sure the estimate is.
    pub certainty: Certainty,
    /// Caveats.
    pub note: Option<Text>,
    /// Sources.
    pub sources: Vec<SourceId>,
    /// What it counts, if it can be compared across options.
    pub measure: Option<Measure>,
    /// The stage groups the reference group belongs to (empty: not stage-specific).
    pub phases: Vec<Phase>,
    /// The joint the reference group had, if one.
    pub joint: Option<JointId>,
    /// The stages the reference group was at, when the source names them.
    pub stages: Vec<StageId>,
}

/// How well a stage in one system matches a stage in another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Match {
    /// Both stages span exactly the same imaging findings.
    Exact,
    /// They overlap, but one covers findings the other does not.
    Partial,
}

/// A frequently asked question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Faq {
    /// Its ID.
    pub id: FaqId,
    /// The question.
    pub question: Text,
    /// The answer.
    pub answer: Text,
    /// Joints whose stage and options pages link it (empty: any, if `phases` is given).
    pub joints: Vec<JointId>,
    /// Stage groups whose stage and options pages link it (empty: any, if `joints` is given).
    pub phases: Vec<Phase>,
    /// Sources.
    pub sources: Vec<SourceId>,
    /// Last review (ISO date).
    pub reviewed: String,
}

impl Faq {
    /// Whether the stage and options pages of `joint` at `phase` link it.
    pub fn is_linked_from(&self, joint: &JointId, phase: Phase) -> bool {
        (!self.joints.is_empty() || !self.phases.is_empty())
            && (self.joints.is_empty() || self.joints.contains(joint))
            && (self.phases.is_empty() || self.phases.contains(&phase))
    }
}

/// A glossary term.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Term {
    /// Its ID.
    pub id: TermId,
    /// The term.
    pub term: Text,
    /// Other forms in each language (plurals, abbreviations).
    pub also: crate::text::Forms,
    /// Plain definition.
    pub definition: Text,
}

/// A size or location sub-type of a staging system.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Modifier {
    /// Code as on reports.
    pub code: String,
    /// Size or location.
    pub kind: ModifierKind,
    /// Meaning.
    pub meaning: Text,
    /// Natural-history figures.
    pub figures: Vec<Figure>,
    /// Sources.
    pub sources: Vec<SourceId>,
}

/// Facts about the content itself (IPDAS: publication date, review date).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct About {
    /// Content version, shown to patients and printed on summaries.
    pub content_version: String,
    /// When this version was published (ISO date).
    pub published: String,
    /// When the content as a whole was last reviewed (ISO date).
    pub reviewed: String,
    /// When the next full review is due (ISO date).
    pub next_review: String,
    /// Languages, the default (fallback) language first.
    pub languages: Vec<Language>,
    /// What changed in each version, newest first.
    pub changes: Vec<Change>,
    /// The measured reading level of the patient text.
    pub reading: Reading,
}

/// What a content version changed, for patients (the change log the update policy promises).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// The content version.
    pub version: String,
    /// When it was published (ISO date).
    pub date: String,
    /// What changed, in plain words.
    pub summary: Text,
}

/// The reading level of the patient text, measured when the content is loaded (IPDAS:
/// report the level, not only the target). Grades are Flesch-Kincaid, in tenths.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Reading {
    /// Blocks long enough to grade.
    pub blocks: u32,
    /// Of those, how many are at grade 8 or below.
    pub at_most_8: u32,
    /// The median grade, in tenths.
    pub median_tenths: u16,
    /// The lowest grade, in tenths.
    pub lowest_tenths: u16,
    /// The highest grade, in tenths.
    pub highest_tenths: u16,
}

/// A language the aid can be shown in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Language {
    /// Its code, e.g. `en`.
    pub id: LangId,
    /// Its name in itself, e.g. `English`.
    pub name: String,
    /// Draft (never offered to patients) or reviewed.
    pub status: crate::LanguageStatus,
    /// Its text direction.
    pub dir: crate::TextDirection,
    /// How many of the default language's texts it has, of how many.
    pub coverage: (u32, u32),
}

/// A joint that AVN can affect.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Joint {
    /// Its ID.
    pub id: JointId,
    /// Short name, e.g. "Hip".
    pub name: Text,
    /// Page title, e.g. "AVN of the hip".
    pub title: Text,
    /// Which bone is affected, in plain words.
    pub about: Text,
    /// What early, intermediate and late mean for this joint.
    pub phases: Vec<PhaseText>,
    /// Its staging systems, in display order.
    pub systems: Vec<SystemId>,
    /// When this joint's text was last reviewed (ISO date).
    pub reviewed: String,
}

/// What one phase means for one joint.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PhaseText {
    /// The phase.
    pub phase: Phase,
    /// Its meaning in plain words.
    pub summary: Text,
}

/// A staging system doctors use for one joint, e.g. ARCO 2019 for the hip.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StagingSystem {
    /// Its ID.
    pub id: SystemId,
    /// The joint it stages.
    pub joint: JointId,
    /// Short name as written on reports, e.g. "ARCO 2019".
    pub name: Text,
    /// What the name stands for and who made it.
    pub about: Text,
    /// Where the system is defined.
    pub sources: Vec<SourceId>,
    /// Its stages, mildest first.
    pub stages: Vec<Stage>,
    /// Size or location sub-types.
    pub modifiers: Vec<Modifier>,
    /// When it was last reviewed (ISO date).
    pub reviewed: String,
}

/// One stage of one staging system.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stage {
    /// Its ID (`system/code`).
    pub id: StageId,
    /// The code as written on reports, e.g. "IIIA".
    pub code: String,
    /// How patients see a stage whose code is a word (e.g. "at risk"), instead of the code.
    pub name: Option<Text>,
    /// What part of a split report code this is (e.g. "sunk less than 2 mm").
    pub part_name: Option<Text>,
    /// The plain early / intermediate / late group it belongs to.
    pub phase: Phase,
    /// Before or after the joint surface starts to give way, where that applies.
    pub collapse: Option<Collapse>,
    /// One line for lists.
    pub summary: Text,
    /// What the stage means, in plain words.
    pub meaning: Text,
    /// What X-rays, MRI or CT show at this stage.
    pub imaging: Text,
    /// The honest statement on whether it can get better.
    pub reversibility: Text,
    /// How sure the evidence behind the reversibility statement is.
    pub reversibility_certainty: Certainty,
    /// Sources for what this stage says.
    pub sources: Vec<SourceId>,
    /// Imaging milestones it spans (for translating between systems).
    pub milestones: Vec<Milestone>,
    /// What tends to happen if nothing is done.
    pub natural_history: Option<Text>,
    /// Natural-history figures.
    pub figures: Vec<Figure>,
}

/// A published source the content cites.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// Its ID.
    pub id: SourceId,
    /// Authors as cited, e.g. "Yoon BH, Mont MA, Koo KH, et al.".
    pub authors: String,
    /// Publication year.
    pub year: u16,
    /// Title.
    pub title: String,
    /// Journal, volume and pages.
    pub journal: String,
    /// DOI, if it has one.
    pub doi: Option<String>,
    /// PubMed ID, if it has one.
    pub pmid: Option<String>,
    /// A web address, for sources without a DOI.
    pub url: Option<String>,
    /// How far the project checked it.
    pub checked: Verification,
}

/// Defines [`UiText`] with a compact decoder for the embedded copy. Its hundreds of string
/// fields, decoded by a derived `Deserialize`, cost over 30 KB of wasm (a call, a check and an
/// unwinding drop per field); this one reads every field in a loop and then moves them into
/// place. The binary layout is the derived one (fields in order), so `Serialize` stays derived;
/// language files (human-readable formats) are read by name through a derived twin.
macro_rules! ui_text {
    (
        $(#[$meta:meta])*
        pub struct $name:ident { $(pub $field:ident : $ty:ty),* $(,)? }
    ) => {
        $(#[$meta])*
        pub struct $name { $(pub $field: $ty),* }

        /// [`UiText`] as a language file spells it, field by field.
        #[cfg(any(feature = "load", test))]
        #[derive(Deserialize)]
        #[serde(rename = "UiText")]
        #[cfg_attr(feature = "load", serde(deny_unknown_fields))]
        struct UiTextByName { $($field: $ty),* }

        /// Which fields are lists, in order: the compact layout.
        const UI_TEXT_LISTS: &[bool] = &[$(<$ty as UiField>::LIST),*];

        impl $name {
            /// How many strings a language pack holds for it (one per field).
            pub const FIELDS: usize = UI_TEXT_LISTS.len();

            /// Its fields in order, one string each (a list's items joined by U+001F).
            pub fn to_pack(&self) -> Vec<String> {
                vec![$(UiField::pack(&self.$field)),*]
            }

            /// Read back from [`Self::to_pack`]'s strings; `None` unless there is one per field.
            pub fn from_pack(items: &[&str]) -> Option<Self> {
                if items.len() != Self::FIELDS {
                    return None;
                }
                let values = items
                    .iter()
                    .zip(UI_TEXT_LISTS)
                    .map(|(s, &list)| {
                        if !list {
                            UiValue::One(s.to_string())
                        } else if s.is_empty() {
                            UiValue::List(Vec::new())
                        } else {
                            UiValue::List(s.split('\u{1f}').map(str::to_string).collect())
                        }
                    })
                    .collect();
                Some(Self::from_values(values))
            }

            /// From one decoded value per field, in order (the one place that names every field).
            fn from_values(values: Vec<UiValue>) -> Self {
                let mut values = values.into_iter();
                $name { $($field: UiField::take(&mut values)),* }
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                #[cfg(any(feature = "load", test))]
                if d.is_human_readable() {
                    let n = UiTextByName::deserialize(d)?;
                    return Ok($name { $($field: n.$field),* });
                }
                d.deserialize_tuple(UI_TEXT_LISTS.len(), UiTextVisitor)
            }
        }

        struct UiTextVisitor;

        impl<'de> serde::de::Visitor<'de> for UiTextVisitor {
            type Value = $name;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("interface text")
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<$name, A::Error> {
                let mut values = Vec::with_capacity(UI_TEXT_LISTS.len());
                for &list in UI_TEXT_LISTS {
                    match seq.next_element_seed(UiFieldSeed(list))? {
                        Some(value) => values.push(value),
                        None => {
                            return Err(serde::de::Error::invalid_length(values.len(), &self))
                        }
                    }
                }
                Ok($name::from_values(values))
            }
        }
    };
}

/// One decoded [`UiText`] field.
enum UiValue {
    One(String),
    List(Vec<String>),
}

/// A type a [`UiText`] field can have.
trait UiField: Sized {
    /// Whether it is a list of strings.
    const LIST: bool;
    /// The next decoded value (the decoder read exactly one per field, of the right kind).
    fn take(values: &mut std::vec::IntoIter<UiValue>) -> Self;
    /// As one string of a language pack.
    fn pack(&self) -> String;
}

impl UiField for String {
    const LIST: bool = false;
    fn pack(&self) -> String {
        self.clone()
    }
    fn take(values: &mut std::vec::IntoIter<UiValue>) -> Self {
        match values.next() {
            Some(UiValue::One(s)) => s,
            _ => String::new(),
        }
    }
}

impl UiField for Vec<String> {
    const LIST: bool = true;
    fn pack(&self) -> String {
        self.join("\u{1f}")
    }
    fn take(values: &mut std::vec::IntoIter<UiValue>) -> Self {
        match values.next() {
            Some(UiValue::List(l)) => l,
            _ => Vec::new(),
        }
    }
}

/// Decodes one [`UiText`] field: a string, or a list of them.
struct UiFieldSeed(bool);

impl<'de> serde::de::DeserializeSeed<'de> for UiFieldSeed {
    type Value = UiValue;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<UiValue, D::Error> {
        if self.0 {
            Vec::deserialize(d).map(UiValue::List)
        } else {
            String::deserialize(d).map(UiValue::One)
        }
    }
}

ui_text! {
/// Every interface string, in one language. Each field is required, so a language file that
/// misses a string does not load.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[allow(missing_docs)]
pub struct UiText {
    pub app_title: String,
    pub start_intro: String,
    pub not_a_diagnosis: String,
    pub privacy: String,
    pub choose_joint: String,
    pub stages_in_system: String,
    pub unknown_language: String,
    pub language_pack_missing: String,
    pub language_heading: String,
    pub stage_heading: String,
    pub group_label: String,
    pub shape_label: String,
    pub phase_early: String,
    pub phase_intermediate: String,
    pub phase_late: String,
    pub before_collapse: String,
    pub after_collapse: String,
    pub meaning_heading: String,
    pub imaging_heading: String,
    pub reversibility_heading: String,
    pub certainty_label: String,
    pub certainty_high: String,
    pub certainty_moderate: String,
    pub certainty_low: String,
    pub certainty_very_low: String,
    pub certainty_no_evidence: String,
    pub sources_heading: String,
    pub opens_new_tab: String,
    pub see_doctor: String,
    pub back: String,
    pub start_over: String,
    pub footer: String,
    pub talk_to_specialist: String,
    pub talk_to_specialist_named: String,
    pub hospital_note: String,
    pub hospital_note_named: String,
    pub unsafe_contact_url: String,
    pub bad_accent: String,
    pub unknown_joint: String,
    pub something_went_wrong: String,
    pub offline_link: String,
    pub about_avn_heading: String,
    pub risk_factors_heading: String,
    pub modifiable_label: String,
    pub modifiable_yes: String,
    pub modifiable_partly: String,
    pub modifiable_no: String,
    pub what_to_do_heading: String,
    pub options_heading: String,
    pub involves_heading: String,
    pub benefits_heading: String,
    pub harms_heading: String,
    pub living_with_heading: String,
    pub disease_course_label: String,
    pub comfort_only: String,
    pub offered_heading: String,
    pub offered_usually: String,
    pub offered_sometimes: String,
    pub offered_not_usually: String,
    pub figures_heading: String,
    pub figure_count: String,
    pub figure_range: String,
    pub figure_time: String,
    pub figure_group: String,
    pub natural_history_heading: String,
    pub subtypes_heading: String,
    pub faq_heading: String,
    pub glossary_heading: String,
    pub urgent_label: String,
    // The patient journey.
    pub compare_remove: String,
    pub compare_title: String,
    pub compare_intro: String,
    pub row_what_is_it: String,
    pub row_involves: String,
    pub row_recovery: String,
    pub row_risks: String,
    pub row_certainty: String,
    pub start_decision_heading: String,
    pub start_decision_intro: String,
    pub how_heading: String,
    pub how_steps: Vec<String>,
    pub find_stage_heading: String,
    pub way_report: String,
    pub way_report_detail: String,
    pub way_work_out: String,
    pub way_work_out_detail: String,
    pub way_work_out_unavailable: String,
    pub way_unknown: String,
    pub way_unknown_detail: String,
    pub pick_your_stage: String,
    pub subtypes_intro: String,
    pub no_stage_title: String,
    pub no_stage_intro: String,
    pub no_stage_ask_heading: String,
    pub no_stage_questions: Vec<String>,
    pub overview_heading: String,
    pub overview_intro: String,
    pub translation_none: String,
    pub translation_exact: String,
    pub translation_partial: String,
    pub list_or: String,
    pub see_options: String,
    pub no_stage_figures: String,
    pub same_stage_heading: String,
    pub same_stage_intro: String,
    pub more_about: String,
    pub compare_tick: String,
    pub compare_count: String,
    pub compare_button: String,
    pub compare_hint: String,
    pub compare_full: String,
    pub group_usually: String,
    pub group_sometimes: String,
    pub group_not_usually: String,
    pub options_for_stage: String,
    pub options_intro: String,
    pub no_option_figures: String,
    pub symptoms_title: String,
    pub applies_to_me: String,
    pub risk_factors_intro: String,
    pub risk_factors_count: String,
    pub all_sources_title: String,
    pub all_sources_intro: String,
    pub about_title: String,
    pub about_version: String,
    pub about_published: String,
    pub about_reviewed: String,
    pub about_counts_label: String,
    pub about_counts: String,
    pub all_words: String,
    pub more_heading: String,
    pub unreadable_link: String,
    pub unknown_keep_place: String,
    pub icons_yes: String,
    pub icons_maybe: String,
    pub icons_no: String,

    // "Help me work it out".
    pub finder_open: String,
    pub finder_heading: String,
    pub finder_intro: String,
    pub finder_question_count: String,
    pub finder_help_label: String,
    pub finder_dont_know: String,
    pub finder_show_result: String,
    pub finder_change_answers: String,
    pub finder_result_heading: String,
    pub finder_no_answers: String,
    pub finder_fits_stage: String,
    pub finder_fits_range: String,
    pub finder_fits_none: String,
    pub finder_subtype: String,
    pub finder_because: String,
    pub finder_because_item: String,
    pub finder_unsure: String,
    pub finder_conflict: String,
    pub finder_not_available: String,
    pub finder_ask_doctor: String,

    // The comparison grid.
    pub measure_joint_replacement: String,
    pub measure_worsening: String,
    pub measure_more_surgery: String,
    pub measure_complication: String,
    pub measure_did_well: String,
    pub compare_other_horizon: String,
    pub compare_no_figure: String,
    pub compare_not_applicable: String,

    // Decision support.
    pub decide_heading: String,
    pub summary_heading: String,
    pub summary_intro: String,
    pub summary_stage_heading: String,
    pub summary_found_report: String,
    pub summary_found_worked_out: String,
    pub summary_found_overview: String,
    pub summary_no_stage: String,
    pub summary_options_heading: String,
    pub summary_no_options: String,
    pub summary_no_values: String,
    pub summary_no_sure: String,
    pub summary_file_name: String,
    pub print_button: String,
    pub save_file_button: String,
    pub remember_label: String,
    pub remember_note: String,
    pub remember_on: String,
    pub decide_needs_stage: String,
    pub fit_needs_ratings: String,
    pub fit_usual_options: String,
    pub fit_compared_options: String,
    pub values_heading: String,
    pub values_intro: String,
    pub value_keep_own_joint: String,
    pub value_avoid_operation: String,
    pub value_quick_pain_relief: String,
    pub value_short_recovery: String,
    pub value_avoid_complications: String,
    pub value_avoid_second_operation: String,
    pub value_sure_evidence: String,
    pub rating_0: String,
    pub rating_1: String,
    pub rating_2: String,
    pub rating_3: String,
    pub rating_4: String,
    pub rating_none: String,
    pub fit_heading: String,
    pub fit_intro: String,
    pub fit_good: String,
    pub fit_mixed: String,
    pub fit_poor: String,
    pub fit_unknown: String,
    pub reason_operation: String,
    pub reason_joint_replacement: String,
    pub reason_injection: String,
    pub reason_no_operation: String,
    pub reason_figure_joint_replacement: String,
    pub reason_figure_worsening: String,
    pub reason_figure_more_surgery: String,
    pub reason_figure_complication: String,
    pub reason_figure_did_well: String,
    pub reason_certainty: String,
    pub reason_recovery_none: String,
    pub reason_recovery_weeks: String,
    pub reason_recovery_range: String,
    pub reason_pain_within_weeks: String,
    pub reason_pain_over_months: String,
    pub reason_pain_not_expected: String,
    pub reason_no_figure: String,
    pub reason_not_recorded: String,
    pub sure_heading: String,
    pub sure_intro: String,
    pub sure_yes: String,
    pub sure_no: String,
    pub sure_sure_of_myself: String,
    pub sure_understand: String,
    pub sure_risk_benefit: String,
    pub sure_encouragement: String,
    pub sure_score: String,
    pub sure_all_yes: String,
    pub sure_some_no: String,
    pub sure_help_sure_of_myself: String,
    pub sure_help_understand: String,
    pub sure_help_risk_benefit: String,
    pub sure_help_encouragement: String,
    pub questions_heading: String,
    pub questions_intro: String,
    pub question_add_label: String,
    pub question_add_button: String,
    pub question_remove: String,
    pub question_restore: String,
    pub question_stage_unknown: String,
    pub question_stage: String,
    pub question_collapsed: String,
    pub question_size: String,
    pub question_other_joints: String,
    pub question_if_wait: String,
    pub question_option_suitable: String,
    pub question_option_chances: String,
    pub question_option_risks: String,
    pub question_option_recovery: String,
    pub saved_old_version: String,
    pub saved_unreadable: String,
    pub forget_everything: String,

    // Safety, decision-first options, method.
    pub stage_heading_named: String,
    pub stage_with_part: String,
    pub warning_heading: String,
    pub urgency_emergency: String,
    pub urgency_same_day: String,
    pub urgency_soon: String,
    pub warning_after: String,
    pub warnings_by_joint_heading: String,
    pub warnings_after_heading: String,
    pub choices_heading: String,
    pub choices_intro: String,
    pub with_any_heading: String,
    pub with_any_intro: String,
    pub compare_suggested: String,
    pub row_benefits: String,
    pub figure_other_stage: String,
    pub stage_faq_heading: String,
    pub about_reading_label: String,
    pub about_reading: String,
    pub changes_heading: String,
    pub checked_second_hand: String,
    pub summary_care_heading: String,
    pub question_empty: String,
    pub question_too_long: String,
    pub question_list_full: String,
    pub question_already_there: String,
    pub question_added: String,
    pub accent_not_a_colour: String,
    pub place_kept_by_another: String,
    pub situation_heading: String,
    pub situation_intro: String,
    pub situation_notes_heading: String,
    pub situation_note_about: String,
    pub fit_status: String,
    pub removed_status: String,
    pub time_years: String,
    pub time_one_year: String,
    pub time_months: String,
    pub time_one_month: String,
    pub summary_found_explained: String,
    pub way_explain: String,
    pub way_explain_detail: String,
    pub report_heading: String,
    pub report_for: String,
    pub report_intro: String,
    pub report_privacy: String,
    pub report_label: String,
    pub report_help: String,
    pub report_count: String,
    pub report_too_long: String,
    pub report_clear: String,
    pub report_cleared: String,
    pub report_shown_heading: String,
    pub report_marks_help: String,
    pub report_nothing_found: String,
    pub mark_present: String,
    pub mark_absent: String,
    pub mark_unsure: String,
    pub mark_asked: String,
    pub mark_hedge: String,
    pub mark_measurement: String,
    pub mark_stage: String,
    pub report_panel_heading: String,
    pub report_panel_empty: String,
    pub report_explained_status: String,
    pub report_says_present: String,
    pub report_says_absent: String,
    pub report_says_unsure: String,
    pub report_says_asked: String,
    pub report_says_where: String,
    pub report_not_meaning: String,
    pub report_term_link: String,
    pub report_hedge_heading: String,
    pub report_measure_given: String,
    pub report_stage_heading: String,
    pub report_stage_names: String,
    pub report_stage_see_below: String,
    pub report_stage_unknown: String,
    pub side_left: String,
    pub side_right: String,
    pub side_both: String,
    pub report_side_normal: String,
    pub report_present_heading: String,
    pub report_absent_heading: String,
    pub report_unsure_heading: String,
    pub report_from: String,
    pub report_measurements_heading: String,
    pub value_range: String,
    pub value_at_most: String,
    pub value_at_least: String,
    pub unit_mm: String,
    pub unit_percent: String,
    pub unit_degrees: String,
    pub report_named_heading: String,
    pub report_named_hedged: String,
    pub report_named_subtype: String,
    pub report_stages_heading: String,
    pub report_fits_stage: String,
    pub report_fits_range: String,
    pub report_because: String,
    pub report_clash: String,
    pub report_confirm: String,
    pub report_stage_links: String,
    pub report_change_unchanged: String,
    pub report_change_progressed: String,
    pub report_change_improved: String,
    pub report_no_avn: String,
    pub report_mimics_heading: String,
    pub report_mimics_intro: String,
    pub report_asked_heading: String,
    pub report_asked_intro: String,
    pub report_unnamed_stage: String,
    pub report_result_heading: String,
}
}

impl UiText {
    /// The label for how often an option is offered.
    pub fn offered(&self, offered: crate::Offered) -> &str {
        match offered {
            crate::Offered::Usually => &self.offered_usually,
            crate::Offered::Sometimes => &self.offered_sometimes,
            crate::Offered::NotUsually => &self.offered_not_usually,
        }
    }

    /// The label for whether a risk factor can be changed.
    pub fn modifiable(&self, modifiable: Modifiable) -> &str {
        match modifiable {
            Modifiable::Yes => &self.modifiable_yes,
            Modifiable::Partly => &self.modifiable_partly,
            Modifiable::No => &self.modifiable_no,
        }
    }

    /// The name of a phase.
    pub fn phase(&self, phase: Phase) -> &str {
        match phase {
            Phase::Early => &self.phase_early,
            Phase::Intermediate => &self.phase_intermediate,
            Phase::Late => &self.phase_late,
        }
    }

    /// The label of a certainty grade.
    pub fn certainty(&self, certainty: Certainty) -> &str {
        match certainty {
            Certainty::High => &self.certainty_high,
            Certainty::Moderate => &self.certainty_moderate,
            Certainty::Low => &self.certainty_low,
            Certainty::VeryLow => &self.certainty_very_low,
            Certainty::NoEvidence => &self.certainty_no_evidence,
        }
    }

    /// The row question for a measure in the comparison grid (`{years}` to fill).
    pub fn measure(&self, measure: crate::Measure) -> &str {
        match measure {
            crate::Measure::JointReplacement => &self.measure_joint_replacement,
            crate::Measure::Worsening => &self.measure_worsening,
            crate::Measure::MoreSurgery => &self.measure_more_surgery,
            crate::Measure::Complication => &self.measure_complication,
            crate::Measure::DidWell => &self.measure_did_well,
        }
    }

    /// A time span as patients read it: "2 years", "1 year", "3 months" (spans under a year in
    /// whole months).
    pub fn span(&self, years: f32) -> String {
        let months = (years * 12.0 + 0.5) as u32;
        if years < 1.0 {
            match months.max(1) {
                1 => self.time_one_month.clone(),
                n => crate::fill(&self.time_months, &[("n", &n.to_string())]),
            }
        } else if months == 12 {
            self.time_one_year.clone()
        } else {
            crate::fill(&self.time_years, &[("n", &crate::years(years))])
        }
    }

    /// How soon a warning sign needs care, as a heading.
    pub fn urgency(&self, urgency: Urgency) -> &str {
        match urgency {
            Urgency::Emergency => &self.urgency_emergency,
            Urgency::SameDay => &self.urgency_same_day,
            Urgency::Soon => &self.urgency_soon,
        }
    }

    /// A stage's name as patients see it: "ARCO 2019 stage IIIA", "AAOMS (MRONJ): at risk"
    /// for a stage whose code is a word, "Ficat stage III, sunk less than 2 mm" for one part of
    /// a split code.
    pub fn stage_name(&self, lang: &LangId, system: &StagingSystem, stage: &Stage) -> String {
        let system_name = system.name.get(lang);
        let name = match &stage.name {
            Some(name) => crate::fill(
                &self.stage_heading_named,
                &[("system", system_name), ("name", name.get(lang))],
            ),
            None => crate::fill(
                &self.stage_heading,
                &[("system", system_name), ("code", &stage.code)],
            ),
        };
        match &stage.part_name {
            Some(part) => crate::fill(
                &self.stage_with_part,
                &[("stage", &name), ("part", part.get(lang))],
            ),
            None => name,
        }
    }

    /// The label for before or after collapse.
    pub fn collapse(&self, collapse: Collapse) -> &str {
        match collapse {
            Collapse::Before => &self.before_collapse,
            Collapse::After => &self.after_collapse,
        }
    }
}

impl Kb {
    /// The default language (the first declared).
    pub fn default_lang(&self) -> &LangId {
        &self.about.languages[0].id
    }

    /// The language to use for a requested code: itself if declared, else `None`.
    pub fn lang(&self, code: &str) -> Option<&LangId> {
        self.about
            .languages
            .iter()
            .map(|l| &l.id)
            .find(|id| id.as_str() == code)
    }

    /// Interface text in `lang`, or in the default language.
    pub fn ui(&self, lang: &LangId) -> &UiText {
        self.ui
            .iter()
            .find(|(l, _)| l == lang)
            .map_or(&self.ui[0].1, |(_, ui)| ui)
    }

    /// A joint by ID.
    pub fn joint(&self, id: &JointId) -> Option<&Joint> {
        self.joints.iter().find(|j| &j.id == id)
    }

    /// A staging system by ID.
    pub fn system(&self, id: &SystemId) -> Option<&StagingSystem> {
        self.systems.iter().find(|s| &s.id == id)
    }

    /// A stage and its system, by stage ID.
    pub fn stage(&self, id: &StageId) -> Option<(&StagingSystem, &Stage)> {
        self.systems
            .iter()
            .find_map(|sys| sys.stages.iter().find(|s| &s.id == id).map(|s| (sys, s)))
    }

    /// The same stage in the joint's other staging systems: for each other system, the stages
    /// that share an imaging milestone with `id`, and whether the match is exact (the same
    /// milestones) or partial (the systems draw their lines differently, so say so).
    pub fn translate(&self, id: &StageId) -> Vec<(&StagingSystem, Vec<(&Stage, Match)>)> {
        let Some((from_system, from)) = self.stage(id) else {
            return Vec::new();
        };
        self.systems
            .iter()
            .filter(|s| s.joint == from_system.joint && s.id != from_system.id)
            .map(|system| {
                let matches = system
                    .stages
                    .iter()
                    .filter(|s| s.milestones.iter().any(|m| from.milestones.contains(m)))
                    .map(|s| {
                        let exact = s.milestones == from.milestones;
                        (s, if exact { Match::Exact } else { Match::Partial })
                    })
                    .collect();
                (system, matches)
            })
            .collect()
    }

    /// A source by ID.
    pub fn source(&self, id: &SourceId) -> Option<&Source> {
        self.sources.iter().find(|s| &s.id == id)
    }

    /// A treatment option by ID.
    pub fn option(&self, id: &OptionId) -> Option<&TreatmentOption> {
        self.options.iter().find(|o| &o.id == id)
    }

    /// A glossary term by ID.
    pub fn term(&self, id: &TermId) -> Option<&Term> {
        self.glossary.iter().find(|t| &t.id == id)
    }

    /// A topic (symptoms, risk, outlook…) by ID.
    pub fn topic(&self, id: &TopicId) -> Option<&Topic> {
        self.topics.iter().find(|t| &t.id == id)
    }

    /// The warning signs for a patient with `joint`, most urgent first: the joint's own signs,
    /// then, for each of `options` (the options the page is about), the signs for the time
    /// after it. Never another joint's signs.
    pub fn warning_signs_for(
        &self,
        joint: &JointId,
        options: &[&TreatmentOption],
    ) -> Vec<&WarningSign> {
        let mut signs: Vec<&WarningSign> = self
            .warning_signs
            .iter()
            .filter(|s| s.is_for(joint))
            .filter(|s| !s.is_aftercare() || options.iter().any(|o| s.follows(o)))
            .collect();
        signs.sort_by_key(|s| s.urgency);
        signs
    }

    /// A situation by ID.
    pub fn situation(&self, id: &SituationId) -> Option<&Situation> {
        self.situations.iter().find(|s| &s.id == id)
    }

    /// The notes for the situations a patient ticked, for `joint` at `phase`: about the stage
    /// itself, and about `options` (the options the page is about), in content order.
    pub fn situation_notes<'a>(
        &'a self,
        ticked: &'a [SituationId],
        joint: &'a JointId,
        phase: Phase,
        options: &'a [OptionId],
    ) -> impl Iterator<Item = (&'a Situation, &'a SituationNote)> + 'a {
        self.situations
            .iter()
            .filter(move |s| ticked.contains(&s.id))
            .flat_map(|s| s.notes.iter().map(move |n| (s, n)))
            .filter(move |(_, n)| {
                n.is_for(joint, phase)
                    && (n.options.is_empty() || n.options.iter().any(|o| options.contains(o)))
            })
    }

    /// The questions people ask that the stage and options pages of `joint` at `phase` link.
    pub fn faqs_for(&self, joint: &JointId, phase: Phase) -> impl Iterator<Item = &Faq> {
        let joint = joint.clone();
        self.faqs
            .iter()
            .filter(move |q| q.is_linked_from(&joint, phase))
    }
}

impl Kb {
    /// Every piece of patient text, labelled with where it comes from (for review and checks).
    pub fn patient_texts(&self) -> Vec<(String, &Text)> {
        let mut out: Vec<(String, &Text)> = Vec::new();
        for j in &self.joints {
            out.extend(
                [("title", &j.title), ("about", &j.about)]
                    .map(|(f, t)| (format!("{}.{f}", j.id), t)),
            );
            out.extend(
                j.phases
                    .iter()
                    .map(|p| (format!("{}.phase", j.id), &p.summary)),
            );
        }
        for s in &self.systems {
            out.push((format!("{}.about", s.id), &s.about));
            for st in &s.stages {
                for (f, t) in [
                    ("summary", &st.summary),
                    ("meaning", &st.meaning),
                    ("imaging", &st.imaging),
                    ("reversibility", &st.reversibility),
                ] {
                    out.push((format!("{}.{f}", st.id), t));
                }
                for (f, t) in [("name", &st.name), ("part_name", &st.part_name)] {
                    out.extend(t.iter().map(|t| (format!("{}.{f}", st.id), t)));
                }
                out.extend(
                    st.natural_history
                        .iter()
                        .map(|t| (format!("{}.natural_history", st.id), t)),
                );
                figures(&mut out, st.id.to_string(), &st.figures);
            }
            for m in &s.modifiers {
                out.push((format!("{}/{}.meaning", s.id, m.code), &m.meaning));
                figures(&mut out, format!("{}/{}", s.id, m.code), &m.figures);
            }
        }
        for t in &self.topics {
            out.extend(
                t.blocks
                    .iter()
                    .map(|b| (format!("{}.block", t.id), &b.text)),
            );
        }
        for r in &self.risk_factors {
            out.push((format!("{}.about", r.id), &r.about));
            out.extend(
                r.what_to_do
                    .iter()
                    .map(|t| (format!("{}.what_to_do", r.id), t)),
            );
            figures(&mut out, r.id.to_string(), &r.figures);
        }
        for o in &self.options {
            for (f, t) in [
                ("summary", &o.summary),
                ("involves", &o.involves),
                ("benefits", &o.benefits),
                ("harms", &o.harms),
                ("living_with", &o.living_with),
            ] {
                out.push((format!("{}.{f}", o.id), t));
            }
            for (i, v) in o.variants.iter().enumerate() {
                for (f, t) in [
                    ("summary", &v.summary),
                    ("involves", &v.involves),
                    ("benefits", &v.benefits),
                    ("harms", &v.harms),
                    ("living_with", &v.living_with),
                ] {
                    out.extend(t.iter().map(|t| (format!("{}.variant[{i}].{f}", o.id), t)));
                }
            }
            figures(&mut out, o.id.to_string(), &o.figures);
        }
        for s in &self.warning_signs {
            out.push((format!("warning-sign.{}", s.id), &s.text));
        }
        for s in &self.situations {
            out.push((format!("{}.name", s.id), &s.name));
            out.extend(s.notes.iter().map(|n| (format!("{}.note", s.id), &n.text)));
        }
        for c in &self.about.changes {
            out.push((format!("change.{}", c.version), &c.summary));
        }
        for q in &self.faqs {
            out.push((format!("{}.answer", q.id), &q.answer));
        }
        for g in &self.glossary {
            out.push((format!("glossary.{}", g.id), &g.definition));
        }
        for q in &self.finder.questions {
            out.push((format!("finder.{}.text", q.id), &q.text));
            out.extend(q.help.iter().map(|h| (format!("finder.{}.help", q.id), h)));
            out.extend(
                q.choices
                    .iter()
                    .filter_map(|c| c.text.as_ref())
                    .map(|t| (format!("finder.{}.choice", q.id), t)),
            );
        }
        out
    }

    /// The reading grade of every patient text block long enough to grade, labelled with where
    /// it comes from (glossary terms counted as short words).
    pub fn reading_grades(&self) -> Vec<(String, f32)> {
        let terms = self.glossary_forms();
        let lang = self.default_lang();
        self.patient_texts()
            .into_iter()
            .filter_map(|(at, t)| crate::readability::grade(t.get(lang), &terms).map(|g| (at, g)))
            .collect()
    }

    /// Every glossary term and its other forms, case folded, in the default language.
    pub fn glossary_forms(&self) -> Vec<String> {
        crate::GlossaryWords::new(self, self.default_lang())
            .forms()
            .map(String::from)
            .collect()
    }
}

/// Adds each figure's patient text to `out`.
fn figures<'a>(out: &mut Vec<(String, &'a Text)>, at: String, list: &'a [Figure]) {
    for f in list {
        out.push((format!("{at}.figure.outcome"), &f.outcome));
        out.push((format!("{at}.figure.group"), &f.group));
        out.extend(f.note.iter().map(|n| (format!("{at}.figure.note"), n)));
    }
}

impl Joint {
    /// What `phase` means for this joint.
    pub fn phase_summary(&self, phase: Phase) -> Option<&Text> {
        self.phases
            .iter()
            .find(|p| p.phase == phase)
            .map(|p| &p.summary)
    }
}

impl Source {
    /// Where a reader finds the source: its DOI address, else its web address.
    pub fn href(&self) -> Option<String> {
        self.doi
            .as_ref()
            .map(|doi| format!("https://doi.org/{doi}"))
            .or_else(|| self.url.clone())
    }

    /// The first author's family name, e.g. "Yoon", for short citations.
    pub fn first_author(&self) -> &str {
        self.authors
            .split([',', ' '])
            .next()
            .unwrap_or(&self.authors)
    }

    /// The citation as one line: authors, year, title, journal.
    pub fn citation(&self) -> String {
        format!(
            "{} ({}). {}. {}.",
            self.authors, self.year, self.title, self.journal
        )
    }
}

impl TreatmentOption {
    /// Its role for `joint`: the joint's own where the content sets one, else the option's.
    pub fn role_for(&self, joint: &JointId) -> Role {
        self.offered
            .iter()
            .find(|o| &o.joint == joint)
            .and_then(|o| o.role)
            .unwrap_or(self.role)
    }

    /// Its texts for `joint` at `phase` (either unknown: only variants that do not name one
    /// apply): each from the first variant that matches and has it, else the base text.
    pub fn texts<'a>(&'a self, joint: Option<&JointId>, phase: Option<Phase>) -> OptionTexts<'a> {
        let applying: Vec<&Variant> = self
            .variants
            .iter()
            .filter(|v| v.applies(joint, phase))
            .collect();
        let pick = |field: fn(&Variant) -> Option<&Text>, base: &'a Text| -> &'a Text {
            applying.iter().find_map(|v| field(v)).unwrap_or(base)
        };
        OptionTexts {
            summary: pick(|v| v.summary.as_ref(), &self.summary),
            involves: pick(|v| v.involves.as_ref(), &self.involves),
            benefits: pick(|v| v.benefits.as_ref(), &self.benefits),
            harms: pick(|v| v.harms.as_ref(), &self.harms),
            living_with: pick(|v| v.living_with.as_ref(), &self.living_with),
        }
    }

    /// How often it is offered for `joint` at `phase`; `None` if not offered for that joint.
    pub fn offered_at(&self, joint: &JointId, phase: Phase) -> Option<Offered> {
        self.offered
            .iter()
            .find(|o| &o.joint == joint)
            .map(|o| o.at(phase))
    }
}
