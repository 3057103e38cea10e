//! The AVN decision aid's knowledge base: a typed model of joints, staging systems, stages and
//! sources, with patient text in several languages; with the `load` feature, the loader and the
//! linter that turn the `content/` folder into that model or into a list of every problem in it.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod compare;
pub mod finder;
pub mod fit;
pub mod glossary;
pub mod ids;
pub mod model;
pub mod pack;
pub mod readability;
pub mod report;
pub mod text;
pub mod vocab;

#[cfg(feature = "load")]
pub mod files;
#[cfg(feature = "load")]
pub mod i18n;
#[cfg(feature = "load")]
pub mod lint;
#[cfg(feature = "load")]
pub mod load;

pub use compare::{Cell, CompareRow};
pub use finder::{
    questions_for, systems_for, work_out, Answers, Choice, DecidedBy, Finder, Outcome, Question,
    SystemFit,
};
pub use glossary::GlossaryWords;
pub use ids::{
    FaqId, FindingId, JointId, LangId, OptionId, RiskFactorId, SituationId, SourceId, StageId,
    SystemId, TermId, TopicId,
};
pub use model::{
    About, Block, Change, Faq, Figure, Joint, Kb, Language, Match, Modifier, Offer, OptionTexts,
    PhaseText, Reading, RiskFactor, Situation, SituationNote, Source, Stage, StagingSystem, Term,
    Topic, TreatmentOption, UiText, Variant, WarningSign,
};
pub use text::{cut_to_graphemes, fill, grapheme_count, graphemes, years, Forms, Text};
pub use vocab::{
    Certainty, Collapse, LanguageStatus, Measure, Milestone, Modifiable, ModifierKind, Offered,
    OptionKind, PainRelief, Phase, Role, TextDirection, TopicKind, Urgency, Value, Verification,
};
