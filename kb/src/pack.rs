//! Language packs: the knowledge base's structure (no text) travels with the code, and each
//! language's text is a string table: the default language's inside the code too, each other
//! language's beside it, so adding a language adds nothing to another language's download.
//!
//! A pack is one string: a header record, the interface strings in field order, then every patient
//! text in the order the structure serialises them, records separated by U+001E (no text may hold
//! it), and an empty record where a text has no translation (the default language shows). It is
//! read by finding the separators (offsets into the one string), with no serde decoder. Design choice: the order is the serialisation order of
//! the structure itself, so there is no key to store and nothing to keep in step by hand; a
//! fingerprint of the structure in the header rejects a pack built for other content.

use crate::{Kb, LangId, UiText};
use std::cell::RefCell;

/// Separates a pack's records.
pub const RECORD: char = '\u{1e}';
/// Separates a list's items within one record.
pub const ITEM: char = '\u{1f}';
const MAGIC: &str = "avn-aid-pack 1";

/// One language's text, as read from its pack: the pack's text, shared, and where each record
/// starts and ends in it (reading copies nothing; cloning copies the offsets only).
#[derive(Clone, Debug, PartialEq)]
pub struct Pack {
    /// Its language.
    pub lang: LangId,
    /// The structure it was made for.
    pub fingerprint: String,
    text: PackText,
    /// Byte ranges of the interface strings, then of the patient texts.
    records: Vec<(u32, u32)>,
    ui: usize,
}

/// A pack's text: built into the program, or read at run time and shared by its copies.
#[derive(Clone, Debug, PartialEq)]
enum PackText {
    Static(&'static str),
    Shared(std::sync::Arc<String>),
}

impl PackText {
    fn as_str(&self) -> &str {
        match self {
            PackText::Static(s) => s,
            PackText::Shared(s) => s.as_str(),
        }
    }
}

/// Why a pack cannot be used.
#[derive(Clone, Debug, PartialEq)]
pub enum PackError {
    /// Not a pack, or a pack of another format.
    NotAPack,
    /// A pack for other content (another version of the guide).
    OtherContent,
    /// Its text count does not match the structure.
    WrongLength,
}

impl std::fmt::Display for PackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            PackError::NotAPack => "not a language pack of this guide",
            PackError::OtherContent => "a language pack made for another version of this guide",
            PackError::WrongLength => "a language pack whose texts do not fit this guide",
        })
    }
}

impl Pack {
    /// Reads a pack whose text lives as long as the program (the default language's, built in):
    /// nothing is copied.
    pub fn read_static(text: &'static str) -> Result<Pack, PackError> {
        Pack::read_from(PackText::Static(text))
    }

    /// Reads a pack's text (it is kept, not copied).
    pub fn read(text: String) -> Result<Pack, PackError> {
        Pack::read_from(PackText::Shared(std::sync::Arc::new(text)))
    }

    fn read_from(text: PackText) -> Result<Pack, PackError> {
        let all = text.as_str();
        let header_end = all.find(RECORD).unwrap_or(all.len());
        let mut words = all[..header_end]
            .strip_prefix(MAGIC)
            .ok_or(PackError::NotAPack)?
            .split(' ');
        let (Some(""), Some(lang), Some(fingerprint), Some(ui)) =
            (words.next(), words.next(), words.next(), words.next())
        else {
            return Err(PackError::NotAPack);
        };
        let ui: usize = ui.parse().map_err(|_| PackError::NotAPack)?;
        let mut records = Vec::new();
        if header_end < all.len() {
            let mut start = header_end + 1;
            while let Some(i) = all[start..].find(RECORD) {
                records.push((start as u32, (start + i) as u32));
                start += i + 1;
            }
            records.push((start as u32, all.len() as u32));
        }
        if records.len() < ui || ui != UiText::FIELDS {
            return Err(PackError::WrongLength);
        }
        Ok(Pack {
            lang: LangId::new(lang),
            fingerprint: fingerprint.to_string(),
            text,
            records,
            ui,
        })
    }

    fn made(lang: LangId, fingerprint: &str, ui: &[String], texts: &[String]) -> Pack {
        let mut out = format!("{MAGIC} {lang} {fingerprint} {}", ui.len());
        for r in ui.iter().chain(texts) {
            out.push(RECORD);
            out.push_str(r);
        }
        Pack::read(out).expect("a pack just written reads back")
    }

    /// The pack as text.
    pub fn write(&self) -> String {
        self.text.as_str().to_string()
    }

    fn record(&self, i: usize) -> Option<&str> {
        let (start, end) = *self.records.get(i)?;
        self.text.as_str().get(start as usize..end as usize)
    }

    fn ui_strings(&self) -> Vec<&str> {
        (0..self.ui).filter_map(|i| self.record(i)).collect()
    }

    /// Its `i`th patient text ("" where it has none).
    fn text(&self, i: usize) -> Option<&str> {
        self.record(self.ui + i)
    }

    /// How many patient texts it holds (translated or not).
    pub fn len(&self) -> usize {
        self.records.len() - self.ui
    }

    /// Whether it holds no patient text.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// What Text's and Forms' serde code does while a pack is split off or joined.
enum Packing {
    /// Writing the structure: keep the default language's text and move each other language's
    /// text to its table.
    Split {
        langs: Vec<LangId>,
        tables: Vec<Vec<String>>,
    },
    /// Reading the structure: add each pack's next text.
    Join { packs: Vec<Pack>, at: usize },
}

thread_local! {
    static PACKING: RefCell<Option<Packing>> = const { RefCell::new(None) };
}

/// Serialises one field's texts per language: all of them, or, while packs are split off, none,
/// each language's going to its table (as `record` writes it).
pub(crate) fn serialize_by_language<T: serde::Serialize, S: serde::Serializer>(
    by_language: &[(LangId, T)],
    record: impl Fn(&T) -> String,
    s: S,
) -> Result<S::Ok, S::Error> {
    use serde::Serialize;
    let find = |lang: &LangId| {
        by_language
            .iter()
            .find(|(l, _)| l == lang)
            .map(|(_, t)| record(t))
    };
    if split_off(&find) {
        by_language[..0].serialize(s)
    } else {
        by_language.serialize(s)
    }
}

/// While splitting: the other languages' texts of one field, to move to their tables. Returns
/// whether a split is going on (the caller then writes the default language only).
fn split_off(texts: &dyn Fn(&LangId) -> Option<String>) -> bool {
    PACKING.with(|p| match &mut *p.borrow_mut() {
        Some(Packing::Split { langs, tables }) => {
            for (lang, table) in langs.iter().zip(tables.iter_mut()) {
                table.push(texts(lang).unwrap_or_default());
            }
            true
        }
        _ => false,
    })
}

/// While joining: adds each pack's next text (for the field just read) to `texts`, turned into
/// the field's value by `value` (empty texts left out).
pub(crate) fn join_next<T>(texts: &mut Vec<(LangId, T)>, value: impl Fn(&str) -> T) {
    PACKING.with(|p| {
        if let Some(Packing::Join { packs, at }) = &mut *p.borrow_mut() {
            for pack in packs.iter() {
                if let Some(s) = pack.text(*at).filter(|s| !s.is_empty()) {
                    texts.push((pack.lang.clone(), value(s)));
                }
            }
            *at += 1;
        }
    })
}

/// A fingerprint of a structure's bytes (FNV-1a, 64 bits, hex).
pub fn fingerprint(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Splits `kb` into its structure (encoded by `encode`), with no text, and one pack per language,
/// the default language's first.
pub fn split<E>(
    kb: &Kb,
    encode: impl FnOnce(&Kb) -> Result<Vec<u8>, E>,
) -> Result<(Vec<u8>, Vec<Pack>), E> {
    let langs: Vec<LangId> = kb.about.languages.iter().map(|l| l.id.clone()).collect();
    let mut structure = kb.clone();
    let ui: Vec<(LangId, UiText)> = std::mem::take(&mut structure.ui);
    PACKING.with(|p| {
        *p.borrow_mut() = Some(Packing::Split {
            langs: langs.clone(),
            tables: vec![Vec::new(); langs.len()],
        })
    });
    let encoded = encode(&structure);
    let tables = match PACKING.with(|p| p.borrow_mut().take()) {
        Some(Packing::Split { tables, .. }) => tables,
        _ => Vec::new(),
    };
    let bytes = encoded?;
    let print = fingerprint(&bytes);
    let packs = langs
        .into_iter()
        .zip(tables)
        .map(|(lang, texts)| {
            let strings = ui
                .iter()
                .find(|(l, _)| *l == lang)
                .map_or_else(|| vec![String::new(); UiText::FIELDS], |(_, u)| u.to_pack());
            Pack::made(lang, &print, &strings, &texts)
        })
        .collect();
    Ok((bytes, packs))
}

/// Decodes the structure (with `decode`) with every pack's text added to it. A pack for other
/// content, or whose texts do not fit, is refused.
pub fn join<E>(
    structure: &[u8],
    packs: &[Pack],
    decode: impl FnOnce() -> Result<Kb, E>,
) -> Result<Kb, JoinError<E>> {
    let print = fingerprint(structure);
    if let Some(p) = packs.iter().find(|p| p.fingerprint != print) {
        return Err(JoinError::Pack(p.lang.clone(), PackError::OtherContent));
    }
    PACKING.with(|p| {
        *p.borrow_mut() = Some(Packing::Join {
            packs: packs.to_vec(),
            at: 0,
        })
    });
    let decoded = decode();
    let read = match PACKING.with(|p| p.borrow_mut().take()) {
        Some(Packing::Join { at, .. }) => at,
        _ => 0,
    };
    let mut kb = decoded.map_err(JoinError::Decode)?;
    for pack in packs {
        if pack.len() != read {
            return Err(JoinError::Pack(pack.lang.clone(), PackError::WrongLength));
        }
        // The build fills an interface string a language lacks with the default language's.
        let items = pack.ui_strings();
        let ui = UiText::from_pack(&items)
            .ok_or_else(|| JoinError::Pack(pack.lang.clone(), PackError::WrongLength))?;
        kb.ui.retain(|(l, _)| *l != pack.lang);
        kb.ui.push((pack.lang.clone(), ui));
    }
    Ok(kb)
}

/// Why joining failed.
#[derive(Debug)]
pub enum JoinError<E> {
    /// A pack cannot be used.
    Pack(LangId, PackError),
    /// The structure did not decode.
    Decode(E),
}
