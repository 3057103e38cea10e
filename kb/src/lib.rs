//! The AVN decision aid's knowledge base: a typed model of joints, staging systems, stages and
//! sources, with patient text in several languages; with the `load` feature, the loader and the
//! linter that turn the `content/` folder into that model or into a list of every problem in it.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod ids;
pub mod model;
pub mod text;
pub mod vocab;

#[cfg(feature = "load")]
pub mod files;
#[cfg(feature = "load")]
pub mod lint;
#[cfg(feature = "load")]
pub mod load;

pub use ids::{JointId, LangId, SourceId, StageId, SystemId};
pub use model::{About, Joint, Kb, Language, PhaseText, Source, Stage, StagingSystem, UiText};
pub use text::Text;
pub use vocab::{Certainty, Collapse, Phase, Verification};
