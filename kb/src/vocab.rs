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

/// Imaging milestones of AVN in a joint that collapses (hip, shoulder, knee, ankle): each stage
/// lists the ones it spans, which is how a stage is translated between systems.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Milestone {
    /// At risk, all imaging normal (found only by biopsy, or not at all).
    AtRisk,
    /// Seen on MRI or bone scan only; X-ray normal.
    MriOnly,
    /// Denser patches or cysts on X-ray; no crack.
    Sclerosis,
    /// A crack under the surface (crescent sign), surface not sunk.
    SubchondralFracture,
    /// The surface has sunk by less than 2 mm.
    #[serde(rename = "depression-under-2mm")]
    DepressionUnder2mm,
    /// The surface has sunk by 2 to 4 mm.
    #[serde(rename = "depression-2-to-4mm")]
    Depression2To4mm,
    /// The surface has sunk by more than 4 mm.
    #[serde(rename = "depression-over-4mm")]
    DepressionOver4mm,
    /// The joint space has narrowed; the other side of the joint is affected.
    JointSpaceNarrowing,
    /// Advanced arthritis.
    AdvancedArthritis,
}

impl Milestone {
    /// Every milestone, mildest first (the order of the scale ranges are taken on).
    pub const ALL: [Milestone; 9] = [
        Milestone::AtRisk,
        Milestone::MriOnly,
        Milestone::Sclerosis,
        Milestone::SubchondralFracture,
        Milestone::DepressionUnder2mm,
        Milestone::Depression2To4mm,
        Milestone::DepressionOver4mm,
        Milestone::JointSpaceNarrowing,
        Milestone::AdvancedArthritis,
    ];
}

/// What a staging system's sub-types describe.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ModifierKind {
    /// How much of the bone is affected.
    Extent,
    /// Where the affected area sits.
    Location,
}

/// Whether a patient can change a risk factor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Modifiable {
    /// Yes.
    Yes,
    /// In part, or with a doctor's help.
    Partly,
    /// No.
    No,
}

/// How often doctors offer an option at a stage group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Offered {
    /// Usually offered.
    Usually,
    /// Sometimes offered.
    Sometimes,
    /// Not usually offered.
    NotUsually,
}

/// What kind of treatment option.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OptionKind {
    /// Watch and wait, with check-ups and scans.
    WatchAndWait,
    /// Things a patient does: crutches, activity change, exercise.
    SelfCare,
    /// Medicines.
    Medicine,
    /// Treatments with devices or physical energy (oxygen, shockwaves, magnetic fields).
    Physical,
    /// Injections.
    Injection,
    /// Operations that try to keep the patient's own joint.
    JointPreservingSurgery,
    /// Operations that replace the joint or its surface.
    JointReplacement,
    /// Operations on other bones (jaw, wrist).
    OtherSurgery,
    /// Healthy habits that lower risk.
    Lifestyle,
    /// For comfort or wellbeing, not to change the disease.
    SupportiveCare,
}

impl OptionKind {
    /// Whether it is an operation (on the joint or on other bones).
    pub fn is_operation(self) -> bool {
        matches!(
            self,
            OptionKind::JointPreservingSurgery
                | OptionKind::JointReplacement
                | OptionKind::OtherSurgery
        )
    }
}

/// What an outcome figure counts, so figures for different options can be set side by side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Measure {
    /// Needed a joint replacement (the patient's own joint was not kept).
    JointReplacement,
    /// The joint surface collapsed or the joint got worse on scans.
    Worsening,
    /// Needed another operation of any kind (including changing replaced parts).
    MoreSurgery,
    /// Had a harm or complication from the treatment itself.
    Complication,
    /// Did well: no worsening and no more surgery, or healed.
    DidWell,
}

impl Measure {
    /// Every measure, in the order comparison rows are shown.
    pub const ALL: [Measure; 5] = [
        Measure::JointReplacement,
        Measure::Worsening,
        Measure::MoreSurgery,
        Measure::Complication,
        Measure::DidWell,
    ];
}

/// What kind of explanation page a topic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TopicKind {
    /// About the condition: what it is, bones, symptoms, diagnosis.
    Condition,
    /// When to see a doctor, and what is urgent.
    SeeADoctor,
    /// About this aid: dates, review, method, funding, authors (IPDAS items).
    AboutThisAid,
}

/// How soon an option is expected to ease pain, as its own text and sources say.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PainRelief {
    /// Pain usually eases within days or weeks.
    WithinWeeks,
    /// Pain eases slowly, over months (for example while healing after an operation).
    OverMonths,
    /// It is not meant to ease pain.
    NotExpected,
}

/// Something that may matter to a patient when choosing (IPDAS values clarification), in the
/// order the aid asks about them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Value {
    /// Keeping my own joint as long as possible.
    KeepOwnJoint,
    /// Not having an operation.
    AvoidOperation,
    /// Getting pain relief quickly.
    QuickPainRelief,
    /// A short recovery, back to daily life soon.
    ShortRecovery,
    /// A low chance of harm from the treatment itself.
    AvoidComplications,
    /// A low chance of needing another operation later.
    AvoidSecondOperation,
    /// Treatment backed by sure evidence.
    SureEvidence,
}

impl Value {
    /// Every value, in the order the aid asks about them.
    pub const ALL: [Value; 7] = [
        Value::KeepOwnJoint,
        Value::AvoidOperation,
        Value::QuickPainRelief,
        Value::ShortRecovery,
        Value::AvoidComplications,
        Value::AvoidSecondOperation,
        Value::SureEvidence,
    ];
}

/// What an option is on an options page: one of the choices a patient decides between, or care
/// that goes with whichever choice they make.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// One of the alternatives the patient chooses between (watch and wait, an operation, a
    /// medicine meant to change the disease).
    Alternative,
    /// Care that goes with any choice (pain relief, physical therapy, healthier habits,
    /// comfort and wellbeing care).
    CareWithAnyChoice,
}

/// How soon a warning sign needs care, most urgent first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Urgency {
    /// Call emergency services now.
    Emergency,
    /// Get seen the same day.
    SameDay,
    /// Contact the care team within a day or two.
    Soon,
}

impl Urgency {
    /// Every urgency, most urgent first.
    pub const ALL: [Urgency; 3] = [Urgency::Emergency, Urgency::SameDay, Urgency::Soon];
}

/// Whether a language may be offered to patients.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LanguageStatus {
    /// Being translated or checked: built and tested, never offered, may fall back to the default.
    Draft,
    /// Every text translated and reviewed: offered to patients.
    #[default]
    Reviewed,
}

/// The direction a language's text runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TextDirection {
    /// Left to right.
    #[default]
    Ltr,
    /// Right to left.
    Rtl,
}

impl TextDirection {
    /// The HTML `dir` value.
    pub fn as_str(self) -> &'static str {
        match self {
            TextDirection::Ltr => "ltr",
            TextDirection::Rtl => "rtl",
        }
    }
}
