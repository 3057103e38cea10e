//! Closed vocabularies: the only values content files may use for these fields.

use serde::{Deserialize, Serialize};

/// The plain grouping a patient can hold on to, shared by every joint's staging systems.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    /// The bone has lost blood supply but has kept its shape.
    Early,
    /// A crack under the joint surface, or the very start of flattening.
    Intermediate,
    /// The joint surface has clearly sunk, or arthritis has set in.
    Late,
}

impl Phase {
    /// Every phase, in order.
    pub const ALL: [Phase; 3] = [Phase::Early, Phase::Intermediate, Phase::Late];
}

/// Whether the joint surface has started to give way (a crack under it counts as the start).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Collapse {
    /// The bone's shape is still intact.
    Before,
    /// A crack under the surface, flattening or arthritis.
    After,
}

/// How sure the evidence behind a statement is (GRADE wording).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Certainty {
    /// Further research is very unlikely to change the estimate.
    High,
    /// Further research may change the estimate.
    Moderate,
    /// Further research is likely to change the estimate.
    Low,
    /// Any estimate is very uncertain.
    VeryLow,
    /// No study of this in people with AVN.
    NoEvidence,
}

/// How far the project checked a source against the source itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verification {
    /// Checked against the full text.
    FullText,
    /// Checked against the published abstract.
    Abstract,
    /// Only seen as cited by another source; treat its figures with lower confidence.
    Secondary,
}
