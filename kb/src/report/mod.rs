//! "Explain my report": the report lexicon (findings with their staging meaning and patient
//! explanations, the fixed meaning of each hedge, each language's words) and the rule-based
//! decoder that reads a pasted imaging report with it. Nothing here touches the network or the
//! page: the text goes in, a [`Reading`] comes out.

mod decode;
#[cfg(feature = "load")]
pub(crate) mod load;
mod stages;
mod tokens;

pub use decode::{
    decode, Found, Marked, Measured, NamedStage, Reading, SideReading, StageSpan, Status, What,
    MAX_REPORT_CHARS,
};

use crate::{FindingId, JointId, LangId, Milestone, SourceId, StageId, SystemId, TermId, Text};
use serde::{Deserialize, Serialize};

/// Everything the decoder needs, loaded from `content/report/`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReportGuide {
    /// Findings, in content order.
    pub findings: Vec<ReportFinding>,
    /// The plain meaning of each kind of hedge.
    pub hedges: Vec<HedgeText>,
    /// What each measurement measures.
    pub measurements: Vec<MeasurementText>,
    /// The words that recognise all of it, per language.
    pub words: Vec<(LangId, ReportWords)>,
}

impl ReportGuide {
    /// The finding with this ID.
    pub fn finding(&self, id: &FindingId) -> Option<&ReportFinding> {
        self.findings.iter().find(|f| &f.id == id)
    }

    /// The plain meaning of `hedge`.
    pub fn hedge(&self, hedge: Hedge) -> Option<&HedgeText> {
        self.hedges.iter().find(|h| h.hedge == hedge)
    }

    /// What `measure` measures.
    pub fn measurement(&self, measure: ReportMeasure) -> Option<&MeasurementText> {
        self.measurements.iter().find(|m| m.measure == measure)
    }

    /// The words of `lang`, or of the first language that has them.
    pub fn words(&self, lang: &LangId) -> Option<&ReportWords> {
        self.words
            .iter()
            .find(|(l, _)| l == lang)
            .or(self.words.first())
            .map(|(_, w)| w)
    }
}

/// What kind of thing a finding is, which decides how the decoder uses it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    /// AVN itself, or osteonecrosis away from the joint (a bone infarct).
    Avn,
    /// A sign that helps place the stage.
    Sign,
    /// Another condition that can look like AVN on a scan.
    Mimic,
    /// Anything else worth explaining (fluid, a tear, an operation's traces).
    Other,
}

/// A finding a report can state, what it means for the stage, and its plain explanation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportFinding {
    /// Its ID.
    pub id: FindingId,
    /// What kind of finding.
    pub kind: FindingKind,
    /// The joints it applies to.
    pub joints: Vec<JointId>,
    /// With AVN, the mildest point on the finder's scale it implies when present.
    pub at_least: Option<Milestone>,
    /// `at_least` holds only on an X-ray or CT (on MRI the same word means something else).
    pub on_film_only: bool,
    /// The most advanced point on the scale it allows when the report says it is not there.
    pub absent_at_most: Option<Milestone>,
    /// Seen in a report that does not name AVN (or a look-alike), it makes AVN possible: the
    /// double-line sign, a crescent.
    pub suggests_avn: bool,
    /// What it says about stages that have no point on the scale (the wrist, the jaw, some
    /// knee stages).
    pub stage_rules: Vec<StageRule>,
    /// The glossary entry that explains the same thing, if any.
    pub term: Option<TermId>,
    /// Short label, for a list.
    pub name: Text,
    /// What it is, in plain words.
    pub explain: Text,
    /// What it does not mean, where patients often misread it.
    pub not_meaning: Option<Text>,
    /// Sources of any figure in the texts.
    pub sources: Vec<SourceId>,
}

/// What a finding says about one staging system's stages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StageRule {
    /// The system.
    pub system: SystemId,
    /// The rule holds when the report says the finding is not there (otherwise when it is).
    pub when_absent: bool,
    /// The mildest stage it allows.
    pub at_least: Option<StageId>,
    /// The most advanced stage it allows.
    pub at_most: Option<StageId>,
    /// Stages it rules out.
    pub rules_out: Vec<StageId>,
    /// Other findings that must be present too for the rule to hold.
    pub needs: Vec<FindingId>,
}

/// How a report can be unsure; each has one fixed plain meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Hedge {
    /// "possible", "may".
    Possible,
    /// "likely", "probable".
    Likely,
    /// "suggestive of", "suspicious for", "versus".
    Suggestive,
    /// "equivocal", "indeterminate", "no definite".
    Equivocal,
    /// "cannot be excluded", "not excluded".
    CannotExclude,
    /// "query", "?".
    Query,
}

impl Hedge {
    /// Every hedge, in the order the content lists them.
    pub const ALL: [Hedge; 6] = [
        Hedge::Possible,
        Hedge::Likely,
        Hedge::Suggestive,
        Hedge::Equivocal,
        Hedge::CannotExclude,
        Hedge::Query,
    ];
}

/// The plain meaning of one kind of hedge.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HedgeText {
    /// Which hedge.
    pub hedge: Hedge,
    /// Example report words, for reviewers.
    pub words: Text,
    /// Its one plain meaning.
    pub meaning: Text,
}

/// A measurement a report can give.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportMeasure {
    /// How far the surface has sunk, in mm.
    DepressionMm,
    /// Share of the femoral head affected, in %.
    HeadInvolvementPercent,
    /// Share of the joint surface affected, in %.
    SurfaceInvolvementPercent,
    /// Kerboul combined necrotic angle, in degrees.
    NecroticAngleDeg,
    /// The largest stated size of the affected area, in mm.
    LesionSizeMm,
    /// Ulnar variance in mm (negative: ulnar minus).
    UlnarVarianceMm,
    /// Radioscaphoid angle, in degrees.
    RadioscaphoidAngleDeg,
    /// Carpal height ratio (no unit).
    CarpalHeightRatio,
    /// Size of the exposed bone, in mm.
    ExposedBoneMm,
}

impl ReportMeasure {
    /// Every measurement.
    pub const ALL: [ReportMeasure; 9] = [
        ReportMeasure::DepressionMm,
        ReportMeasure::HeadInvolvementPercent,
        ReportMeasure::SurfaceInvolvementPercent,
        ReportMeasure::NecroticAngleDeg,
        ReportMeasure::LesionSizeMm,
        ReportMeasure::UlnarVarianceMm,
        ReportMeasure::RadioscaphoidAngleDeg,
        ReportMeasure::CarpalHeightRatio,
        ReportMeasure::ExposedBoneMm,
    ];

    /// The unit it is given in, as the content and the test set name it.
    pub fn unit(self) -> Unit {
        match self {
            ReportMeasure::DepressionMm
            | ReportMeasure::LesionSizeMm
            | ReportMeasure::UlnarVarianceMm
            | ReportMeasure::ExposedBoneMm => Unit::Mm,
            ReportMeasure::HeadInvolvementPercent | ReportMeasure::SurfaceInvolvementPercent => {
                Unit::Percent
            }
            ReportMeasure::NecroticAngleDeg | ReportMeasure::RadioscaphoidAngleDeg => Unit::Degrees,
            ReportMeasure::CarpalHeightRatio => Unit::None,
        }
    }

    /// Its ID as in the content files.
    pub fn id(self) -> &'static str {
        match self {
            ReportMeasure::DepressionMm => "depression_mm",
            ReportMeasure::HeadInvolvementPercent => "head_involvement_percent",
            ReportMeasure::SurfaceInvolvementPercent => "surface_involvement_percent",
            ReportMeasure::NecroticAngleDeg => "necrotic_angle_deg",
            ReportMeasure::LesionSizeMm => "lesion_size_mm",
            ReportMeasure::UlnarVarianceMm => "ulnar_variance_mm",
            ReportMeasure::RadioscaphoidAngleDeg => "radioscaphoid_angle_deg",
            ReportMeasure::CarpalHeightRatio => "carpal_height_ratio",
            ReportMeasure::ExposedBoneMm => "exposed_bone_mm",
        }
    }
}

/// The unit of a measurement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Millimetres (centimetres are converted).
    Mm,
    /// Per cent.
    Percent,
    /// Degrees.
    Degrees,
    /// A ratio, with no unit.
    None,
}

/// What one measurement measures, in plain words.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MeasurementText {
    /// Which measurement.
    pub measure: ReportMeasure,
    /// Short label.
    pub name: Text,
    /// What the number measures.
    pub explain: Text,
    /// Sources of any figure in the texts.
    pub sources: Vec<SourceId>,
}

/// A part of a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Section {
    /// Clinical history, indication: the question, not the answer.
    History,
    /// How the scan was done.
    Technique,
    /// Earlier studies it is compared with.
    Comparison,
    /// What the scan shows.
    Findings,
    /// The summary (impression, conclusion).
    Impression,
}

/// Which side of the body a finding is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Side {
    /// The left.
    Left,
    /// The right.
    Right,
    /// Both, said at once.
    Both,
    /// The report does not say.
    NotStated,
}

/// How a report compares the scan with an earlier one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Comparison {
    /// No change.
    Unchanged,
    /// Worse, or new.
    Progressed,
    /// Better, or gone.
    Improved,
}

/// The kind of scan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Modality {
    /// MRI.
    Mri,
    /// X-ray (radiograph, panoramic dental film).
    XRay,
    /// CT (and cone-beam CT).
    Ct,
    /// Bone scan.
    BoneScan,
}

/// What a recognised phrase signals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Cue {
    /// A finding (index into [`ReportGuide::findings`]).
    Finding(u16),
    /// A phrase that by itself says a finding is not there.
    Absent(u16),
    /// A negation before the findings it covers.
    NegationBefore,
    /// A negation after the findings it covers.
    NegationAfter,
    /// Looks like a negation, is not one ("no change in").
    Pseudo,
    /// Ends a negation's or hedge's reach.
    ScopeEnd,
    /// Holds words that are not what they look like ("Hawkins sign"); signals nothing.
    NotAFinding,
    /// Carries a negation's or hedge's reach on without using it up ("to suggest").
    Bridge,
    /// A hedge before the findings it covers.
    HedgeBefore(Hedge),
    /// A hedge after the findings it covers.
    HedgeAfter(Hedge),
    /// A question in the history ("evaluate for").
    HistoryQuery,
    /// Nothing wrong seen.
    Normal,
    /// An X-ray said to be normal.
    XrayNormal,
    /// The word before a stage's code.
    StageWord,
    /// A comparison with an earlier study.
    Change(Comparison),
    /// A section heading.
    Section(Section),
    /// A side.
    Side(Side),
    /// A kind of scan.
    Modality(Modality),
    /// A staging system's name (index into the knowledge base's systems).
    System(u16),
    /// A word that says what a nearby number measures.
    Measure(ReportMeasure),
    /// Bounds a number from above ("less than").
    AtMost,
    /// Bounds a number from below ("more than").
    AtLeast,
    /// Makes a variance negative ("minus").
    Negative,
    /// The number belongs to an earlier study ("previously").
    Earlier,
}

/// One phrase of a language and what it signals.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Phrase {
    /// Its words, folded as the decoder folds the report's.
    pub words: Vec<String>,
    /// Matched only in this exact spelling (abbreviations such as `ON`, which is also a word).
    pub exact: Option<String>,
    /// What it signals.
    pub cue: Cue,
}

/// Every phrase of one language.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReportWords {
    /// The phrases, in no particular order.
    pub phrases: Vec<Phrase>,
}

impl ReportWords {
    /// Folds `phrase` into its words as the decoder folds a report.
    pub fn words_of(phrase: &str) -> Vec<String> {
        tokens::tokens(phrase)
            .into_iter()
            .map(|t| match t.kind {
                tokens::Kind::Word => t.text,
                tokens::Kind::Number(n) => number_text(n),
                tokens::Kind::Mark(c) => c.to_string(),
            })
            .collect()
    }
}

/// A number as a report writes it: no trailing zeros, at most two decimals, Latin digits. Done
/// with whole numbers, so the app carries no floating-point formatting code.
pub fn number_text(n: f64) -> String {
    let hundredths = (n * 100.0).round() as i64;
    let sign = if hundredths < 0 { "-" } else { "" };
    let h = hundredths.unsigned_abs();
    match (h / 100, h % 100) {
        (whole, 0) => format!("{sign}{whole}"),
        (whole, f) if f % 10 == 0 => format!("{sign}{whole}.{}", f / 10),
        (whole, f) => format!("{sign}{whole}.{f:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::number_text;

    #[test]
    fn numbers_read_as_a_report_writes_them() {
        for (n, text) in [
            (3.0, "3"),
            (2.5, "2.5"),
            (0.52, "0.52"),
            (-1.0, "-1"),
            (10.0, "10"),
            (1.25, "1.25"),
            (0.0, "0"),
        ] {
            assert_eq!(number_text(n), text, "{n}");
        }
    }
}
