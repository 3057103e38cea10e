//! The rules (stable codes) and the problems the linter reports.

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
    /// KB017: a joint and stage group where watch and wait is not offered as an alternative.
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
    /// KB022: a joint without a same-day or emergency warning sign of its own (one that is not
    /// about the time after a treatment and names at most two joints).
    NoOwnWarningSign,
    /// KB023: an operation that no warning sign covers for the time after it.
    NoAftercareSign,
    /// KB024: an option's text variant that names no joint and no stage group, names a joint the
    /// option is not offered for, or sets no text; or a warning sign that shows nowhere.
    VariantNowhere,
    /// KB025: a stage code that is a word, not a code as on reports, with no `name` for patients.
    CodeAsWord,
    /// KB026: a figure with a measure that names no stage group, so a comparison could draw it
    /// for another stage group.
    FigureWithoutStageGroup,
    /// KB027: a joint and stage group with fewer than two alternatives to choose between.
    TooFewAlternatives,
    /// KB028: a figure outcome that does not read as what happened ("N in 100 ... had the ball
    /// collapse"): in English, it starts with "the", "a" or "an".
    OutcomeNotAPhrase,
    /// KB029: the same figure (same sources, number, range and years) with different
    /// certainties in different places.
    CertaintyDiffers,
    /// KB030: a joint with late stages but no operation usually or sometimes offered there.
    NoLateOperation,
    /// KB031: a report words file that names a finding, a staging system or a language that
    /// does not exist, or has a phrase with no words in it.
    ReportWordsUnknown,
    /// KB032: a report finding with no phrase that recognises it in a language's words file.
    ReportFindingUnworded,
    /// KB033: a report finding's stage rule that names a system outside the finding's joints,
    /// a stage code that system does not have, an unknown finding in `needs`, or a mildest
    /// stage above the most advanced one.
    ReportStageRule,
    /// KB034: a hedge or a measurement of the report decoder with no plain meaning, or with
    /// two.
    ReportMeaningMissing,
    /// KB035: a reviewed language without a translation of a text (every patient and
    /// interface text), or a blank translation.
    TranslationMissing,
    /// KB036: a translation whose `{placeholders}` are not exactly the English text's.
    TranslationPlaceholders,
    /// KB037: a translation whose numbers are not exactly the English text's ("13 in 100" can
    /// never become "30 in 100").
    TranslationNumbers,
    /// KB038: a glossary term whose other forms (plurals, short forms) a language does not give.
    TranslationGlossary,
    /// KB039: a translation made from an earlier English text (its `from` hash differs), or of a
    /// field that no longer exists.
    TranslationStale,
    /// KB040: a language declaration that cannot work: the default language a draft or made by
    /// the pseudo-translation, or a pseudo-language that is not a draft.
    LanguageDeclaration,
}

impl Rule {
    /// Every rule, in code order.
    pub const ALL: [Rule; 40] = [
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
        Rule::NoOwnWarningSign,
        Rule::NoAftercareSign,
        Rule::VariantNowhere,
        Rule::CodeAsWord,
        Rule::FigureWithoutStageGroup,
        Rule::TooFewAlternatives,
        Rule::OutcomeNotAPhrase,
        Rule::CertaintyDiffers,
        Rule::NoLateOperation,
        Rule::ReportWordsUnknown,
        Rule::ReportFindingUnworded,
        Rule::ReportStageRule,
        Rule::ReportMeaningMissing,
        Rule::TranslationMissing,
        Rule::TranslationPlaceholders,
        Rule::TranslationNumbers,
        Rule::TranslationGlossary,
        Rule::TranslationStale,
        Rule::LanguageDeclaration,
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
            Rule::NoOwnWarningSign => "KB022",
            Rule::NoAftercareSign => "KB023",
            Rule::VariantNowhere => "KB024",
            Rule::CodeAsWord => "KB025",
            Rule::FigureWithoutStageGroup => "KB026",
            Rule::TooFewAlternatives => "KB027",
            Rule::OutcomeNotAPhrase => "KB028",
            Rule::CertaintyDiffers => "KB029",
            Rule::NoLateOperation => "KB030",
            Rule::ReportWordsUnknown => "KB031",
            Rule::ReportFindingUnworded => "KB032",
            Rule::ReportStageRule => "KB033",
            Rule::ReportMeaningMissing => "KB034",
            Rule::TranslationMissing => "KB035",
            Rule::TranslationPlaceholders => "KB036",
            Rule::TranslationNumbers => "KB037",
            Rule::TranslationGlossary => "KB038",
            Rule::TranslationStale => "KB039",
            Rule::LanguageDeclaration => "KB040",
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
