//! The shape of each content file, exactly as a clinician writes it (see `content/README.md`).
//! Strict: an unknown field, a missing field or a value outside a vocabulary does not parse.

use crate::{Certainty, Collapse, Phase, UiText, Verification};
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
    /// Declared languages, the default first.
    pub language: Vec<LanguageEntry>,
}

/// One `[[language]]` entry.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageEntry {
    /// Code, e.g. `en`.
    pub code: String,
    /// Name in the language itself.
    pub name: String,
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
}

/// One `[[stage]]` entry.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageEntry {
    /// Code as on reports, e.g. `IIIA`.
    pub code: String,
    /// Plain group.
    pub phase: Phase,
    /// Before or after collapse.
    pub collapse: Collapse,
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

/// `content/ui/<language>.toml` is a [`UiText`] as it stands.
pub type UiFile = UiText;
