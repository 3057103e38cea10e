//! Translations. The default language is written in the entity files themselves; every other
//! language has its own files under `content/i18n/<lang>/`, one per entity file at the same
//! relative path, each text keyed by its field path and recording a hash of the English it was
//! made from. The loader merges them into each file before it is typed, so the rest of the kb
//! sees one `Text` per field, and checks each one here: coverage, placeholders, numbers, glossary
//! forms and staleness.

use crate::files::LanguageEntry;
use crate::lint::{Problem, Rule};
use crate::LanguageStatus;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;
use toml::{Table, Value};

/// One translated text, as a translation file holds it under its field path.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranslationEntry {
    /// [`source_hash`] of the default-language text it was translated from.
    pub from: String,
    /// The translation of a text.
    #[serde(default)]
    pub text: Option<String>,
    /// The translation of a list (a glossary term's other forms, an interface list).
    #[serde(default)]
    pub list: Option<Vec<String>>,
}

/// A hash of a default-language text as translators see it (trimmed), in 8 hex digits: what a
/// translation records as `from`, so a later edit of the English shows it is out of date.
pub fn source_hash(text: &str) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in text.trim().bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("{h:08x}")
}

/// The hash of a list: its items joined by line breaks.
pub fn list_hash(items: &[String]) -> String {
    source_hash(&items.join("\n"))
}

/// Where a translatable text sits in a file as read.
enum Slot<'a> {
    /// A `field.<lang> = "…"` table.
    Text(&'a mut Table),
    /// The table holding `also = [ … ]` (a glossary term).
    Forms(&'a mut Table),
    /// An interface file's plain string or list, by key, in its table.
    Plain(&'a mut Table, String),
}

/// The name of an array element in a field path: its `id`, its `code` (with `/part`), its
/// `version`, else its position.
fn element_name(t: &Table, i: usize) -> String {
    let get = |k: &str| t.get(k).and_then(Value::as_str);
    if let Some(id) = get("id") {
        return id.to_string();
    }
    if let Some(code) = get("code") {
        return match get("part") {
            Some(part) => format!("{code}/{part}"),
            None => code.to_string(),
        };
    }
    get("version").map_or_else(|| i.to_string(), str::to_string)
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Calls `f` with every translatable text of an entity file, by field path, in file order.
fn each_text(t: &mut Table, default: &str, path: &str, f: &mut dyn FnMut(String, Slot<'_>)) {
    let keys: Vec<String> = t.keys().cloned().collect();
    for key in keys {
        let at = join(path, &key);
        if key == "also" && t.get("also").and_then(Value::as_array).is_some() {
            continue;
        }
        match t.get_mut(&key) {
            Some(Value::Table(inner)) => {
                let is_text = inner.get(default).is_some_and(Value::is_str)
                    && inner.values().all(Value::is_str);
                if is_text {
                    f(at, Slot::Text(inner));
                } else {
                    each_text(inner, default, &at, f);
                }
            }
            Some(Value::Array(items)) => {
                for (i, item) in items.iter_mut().enumerate() {
                    if let Value::Table(inner) = item {
                        let name = element_name(inner, i);
                        each_text(inner, default, &join(&at, &name), f);
                    }
                }
            }
            _ => {}
        }
    }
    let has_forms = t
        .get("also")
        .and_then(Value::as_array)
        .is_some_and(|a| !a.is_empty() && a.iter().all(Value::is_str));
    if has_forms {
        f(join(path, "also"), Slot::Forms(t));
    }
}

/// Calls `f` with every string and list of strings of an interface file, by key.
fn each_plain(t: &mut Table, f: &mut dyn FnMut(String, Slot<'_>)) {
    let keys: Vec<String> = t.keys().cloned().collect();
    for key in keys {
        let plain = match t.get(&key) {
            Some(Value::String(_)) => true,
            Some(Value::Array(a)) => a.iter().all(Value::is_str),
            _ => false,
        };
        if plain {
            f(key.clone(), Slot::Plain(t, key));
        }
    }
}

/// A default-language text or list, as the translation rules compare it.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// One text.
    Text(String),
    /// A list of forms or items.
    List(Vec<String>),
}

impl Source {
    /// Its hash, as `from` records it.
    pub fn hash(&self) -> String {
        match self {
            Source::Text(s) => source_hash(s),
            Source::List(l) => list_hash(l),
        }
    }
}

fn strings(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

impl Slot<'_> {
    fn source(&self, default: &str) -> Source {
        match self {
            Slot::Text(t) => Source::Text(
                t.get(default)
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string(),
            ),
            Slot::Forms(t) => Source::List(strings(t.get("also"))),
            Slot::Plain(t, key) => match t.get(key) {
                Some(Value::String(s)) => Source::Text(s.clone()),
                other => Source::List(strings(other)),
            },
        }
    }

    fn put(&mut self, lang: &str, value: Source) {
        match (self, value) {
            (Slot::Text(t), Source::Text(s)) => {
                t.insert(lang.to_string(), Value::String(s));
            }
            (Slot::Forms(t), Source::List(l)) => {
                let also_in = t
                    .entry("also_in")
                    .or_insert_with(|| Value::Table(Table::new()));
                if let Value::Table(also_in) = also_in {
                    also_in.insert(
                        lang.to_string(),
                        Value::Array(l.into_iter().map(Value::String).collect()),
                    );
                }
            }
            (Slot::Plain(t, key), Source::Text(s)) => {
                t.insert(key.clone(), Value::String(s));
            }
            (Slot::Plain(t, key), Source::List(l)) => {
                t.insert(
                    key.clone(),
                    Value::Array(l.into_iter().map(Value::String).collect()),
                );
            }
            _ => {}
        }
    }
}

/// Every default-language text of an entity file (`ui` false) or interface file (`ui` true),
/// by field path: what a translator translates.
pub fn source_texts(table: &Table, default: &str, ui: bool) -> Vec<(String, Source)> {
    let mut t = table.clone();
    let mut out = Vec::new();
    let mut take = |path: String, slot: Slot<'_>| out.push((path, slot.source(default)));
    if ui {
        each_plain(&mut t, &mut take);
    } else {
        each_text(&mut t, default, "", &mut take);
    }
    out
}

/// One language's translation files, by the relative path of the entity file each translates.
struct LanguageFiles {
    code: String,
    name: String,
    status: LanguageStatus,
    pseudo: bool,
    files: BTreeMap<String, TranslationFile>,
    translated: u32,
    total: u32,
}

struct TranslationFile {
    shown: String,
    entries: BTreeMap<String, TranslationEntry>,
    used: BTreeSet<String>,
}

/// How much of the default language's text a language has.
#[derive(Clone, Debug, PartialEq)]
pub struct Coverage {
    /// The language's code.
    pub code: String,
    /// Texts translated (and not out of date).
    pub translated: u32,
    /// Texts in the default language.
    pub total: u32,
}

/// Merges translations into files as they are read, and checks every one.
pub struct Translator {
    default: String,
    root: String,
    languages: Vec<LanguageFiles>,
}

impl Translator {
    /// Reads `dir/i18n/<lang>/` for each declared language after the first (the default).
    pub fn read(dir: &Path, declared: &[LanguageEntry], problems: &mut Vec<Problem>) -> Self {
        let default = declared.first().map_or("en", |l| l.code.as_str());
        let root = format!("{}/i18n", dir.display());
        let languages = declared
            .iter()
            .skip(1)
            .map(|l| LanguageFiles {
                code: l.code.clone(),
                name: l.name.clone(),
                status: l.status,
                pseudo: l.pseudo,
                files: if l.pseudo {
                    BTreeMap::new()
                } else {
                    read_language(&dir.join("i18n").join(&l.code), &root, &l.code, problems)
                },
                translated: 0,
                total: 0,
            })
            .collect();
        Translator {
            default: default.to_string(),
            root,
            languages,
        }
    }

    /// No language to translate into.
    pub fn is_empty(&self) -> bool {
        self.languages.is_empty()
    }

    /// Puts every language's translation of entity file `rel` into `table` (beside the default
    /// language's text), checking each one.
    pub fn entity(&mut self, rel: &str, table: &mut Table, problems: &mut Vec<Problem>) {
        let default = self.default.clone();
        for lang in 0..self.languages.len() {
            let mut slots: Vec<(String, Source)> = Vec::new();
            each_text(table, &default, "", &mut |path, slot| {
                slots.push((path, slot.source(&default)))
            });
            let chosen = self.choose(lang, rel, &slots, problems);
            let code = self.languages[lang].code.clone();
            let mut chosen = chosen.into_iter();
            each_text(table, &default, "", &mut |_, mut slot| {
                if let Some(Some(t)) = chosen.next() {
                    slot.put(&code, t);
                }
            });
        }
    }

    /// Each language's interface file, made from the default one (`table`, from `rel`) with its
    /// translations in place of the default texts it has: `(code, shown path, table)`.
    pub fn interface(
        &mut self,
        rel: &str,
        table: &Table,
        problems: &mut Vec<Problem>,
    ) -> Vec<(String, String, Table)> {
        let mut out = Vec::new();
        for lang in 0..self.languages.len() {
            let mut t = table.clone();
            let mut slots: Vec<(String, Source)> = Vec::new();
            each_plain(&mut t, &mut |path, slot| {
                slots.push((path, slot.source(&self.default)))
            });
            let chosen = self.choose(lang, rel, &slots, problems);
            let code = self.languages[lang].code.clone();
            let mut chosen = chosen.into_iter();
            each_plain(&mut t, &mut |_, mut slot| {
                if let Some(Some(v)) = chosen.next() {
                    slot.put(&code, v);
                }
            });
            out.push((code.clone(), format!("{}/{code}/{rel}", self.root), t));
        }
        out
    }

    /// The translation of each source text in language `lang`, where there is a usable one.
    fn choose(
        &mut self,
        lang: usize,
        rel: &str,
        slots: &[(String, Source)],
        problems: &mut Vec<Problem>,
    ) -> Vec<Option<Source>> {
        let root = self.root.clone();
        let l = &mut self.languages[lang];
        let shown = l
            .files
            .get(rel)
            .map_or_else(|| format!("{root}/{}/{rel}", l.code), |f| f.shown.clone());
        let mut out = Vec::new();
        for (path, source) in slots {
            l.total += 1;
            let found = if l.pseudo {
                Some(pseudo_source(source))
            } else {
                l.files.get_mut(rel).and_then(|f| {
                    let entry = f.entries.get(path)?;
                    f.used.insert(path.clone());
                    check_entry(&shown, path, source, entry, &l.name, problems)
                })
            };
            if found.is_some() {
                l.translated += 1;
            } else if l.status == LanguageStatus::Reviewed {
                let rule = if matches!(source, Source::List(_)) && path.ends_with(".also") {
                    Rule::TranslationGlossary
                } else {
                    Rule::TranslationMissing
                };
                problems.push(Problem::new(
                    rule,
                    &shown,
                    path,
                    format!(
                        "no {} text for this field of content/{rel} (a reviewed language needs \
                         every text; mark the language `draft` while it is incomplete)",
                        l.name
                    ),
                ));
            }
            out.push(found);
        }
        out
    }

    /// Reports translations of texts that no longer exist, and returns each language's
    /// coverage.
    pub fn finish(self, problems: &mut Vec<Problem>) -> Vec<Coverage> {
        let mut out = Vec::new();
        for l in self.languages {
            for (rel, f) in &l.files {
                for path in f.entries.keys().filter(|p| !f.used.contains(*p)) {
                    problems.push(Problem::new(
                        Rule::TranslationStale,
                        &f.shown,
                        path,
                        format!(
                            "content/{rel} has no text at this field path any more: move the \
                             translation to the field's new path or remove it"
                        ),
                    ));
                }
            }
            out.push(Coverage {
                code: l.code,
                translated: l.translated,
                total: l.total,
            });
        }
        out
    }
}

/// Checks one translation against its source; returns it when it can be shown.
fn check_entry(
    file: &str,
    path: &str,
    source: &Source,
    entry: &TranslationEntry,
    lang_name: &str,
    problems: &mut Vec<Problem>,
) -> Option<Source> {
    let before = problems.len();
    let translation = match (source, &entry.text, &entry.list) {
        (Source::Text(_), Some(t), None) if t.chars().any(|c| c.is_control() && c != '\n') => {
            problems.push(Problem::new(
                Rule::Schema,
                file,
                path,
                "the translation holds a control character: remove it",
            ));
            return None;
        }
        (Source::Text(_), Some(t), None) => Source::Text(t.trim().to_string()),
        (Source::List(_), None, Some(l)) => Source::List(l.clone()),
        (source, _, _) => {
            let wanted = match source {
                Source::Text(_) => "this field is a text: give `text = \"…\"` (and no `list`)",
                Source::List(_) => "this field is a list: give `list = [\"…\"]` (and no `text`)",
            };
            problems.push(Problem::new(Rule::Schema, file, path, wanted));
            return None;
        }
    };
    let hash = source.hash();
    if entry.from != hash {
        problems.push(Problem::new(
            Rule::TranslationStale,
            file,
            format!("{path}.from"),
            format!(
                "the English text changed since this {lang_name} text was made from it (it \
                 records {}, the English is now {hash}): check the translation against the \
                 English, then set from = \"{hash}\"",
                entry.from
            ),
        ));
    }
    match (&translation, source) {
        (Source::Text(t), Source::Text(s)) => {
            if t.is_empty() {
                problems.push(Problem::new(
                    Rule::TranslationMissing,
                    file,
                    path,
                    "the translation is blank",
                ));
            }
            let (want, got) = (placeholders(s), placeholders(t));
            if want != got {
                problems.push(Problem::new(
                    Rule::TranslationPlaceholders,
                    file,
                    path,
                    format!(
                        "the English has the placeholders {} but the translation has {}: keep \
                         each {{name}} exactly as in the English",
                        shown_list(&want),
                        shown_list(&got)
                    ),
                ));
            }
            let (want, got) = (numbers(s), numbers(t));
            let lost: Vec<&String> = want.difference(&got).collect();
            let added: Vec<&String> = got.difference(&want).collect();
            if !lost.is_empty() || !added.is_empty() {
                problems.push(Problem::new(
                    Rule::TranslationNumbers,
                    file,
                    path,
                    format!(
                        "the numbers differ from the English (missing: {}; not in the English: \
                         {}): every figure must be the same, written in Latin digits",
                        shown_set(&lost),
                        shown_set(&added)
                    ),
                ));
            }
        }
        (Source::List(l), Source::List(s)) if l.is_empty() && !s.is_empty() => {
            problems.push(Problem::new(
                Rule::TranslationGlossary,
                file,
                path,
                "the English lists other forms (plurals, short forms) here: give at least one in \
                 this language, so the glossary finds the word in its other forms",
            ));
        }
        _ => {}
    }
    (problems.len() == before).then_some(translation)
}

fn shown_list(items: &[String]) -> String {
    if items.is_empty() {
        "none".into()
    } else {
        items.join(" ")
    }
}

fn shown_set(items: &[&String]) -> String {
    if items.is_empty() {
        "none".into()
    } else {
        items
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The `{name}` placeholders of an interface or patient text, sorted.
pub fn placeholders(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close)
                if close > 0
                    && after[..close]
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '_') =>
            {
                out.push(format!("{{{}}}", &after[..close]));
                rest = &after[close + 1..];
            }
            _ => rest = after,
        }
    }
    out.sort();
    out
}

/// The numbers written in a text (digits, with a decimal point or comma between digits).
pub fn numbers(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || (matches!(chars[i], '.' | ',')
                        && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
            {
                i += 1;
            }
            out.insert(chars[start..i].iter().collect::<String>().replace(',', ""));
        } else {
            i += 1;
        }
    }
    out
}

/// Reads one language's translation files (recursively), reporting those that do not parse.
fn read_language(
    folder: &Path,
    root: &str,
    code: &str,
    problems: &mut Vec<Problem>,
) -> BTreeMap<String, TranslationFile> {
    let mut out = BTreeMap::new();
    let mut stack = vec![String::new()];
    while let Some(sub) = stack.pop() {
        let Ok(listing) = fs::read_dir(folder.join(&sub)) else {
            continue;
        };
        for e in listing.filter_map(Result::ok) {
            let name = e.file_name().to_string_lossy().into_owned();
            let rel = if sub.is_empty() {
                name.clone()
            } else {
                format!("{sub}/{name}")
            };
            if e.path().is_dir() {
                stack.push(rel);
                continue;
            }
            let shown = format!("{root}/{code}/{rel}");
            let parsed = fs::read_to_string(e.path())
                .map_err(|e| e.to_string())
                .and_then(|text| {
                    toml::from_str::<BTreeMap<String, TranslationEntry>>(&text)
                        .map_err(|e| e.message().trim().replace('\n', " "))
                });
            match parsed {
                Ok(entries) => {
                    out.insert(
                        rel,
                        TranslationFile {
                            shown,
                            entries,
                            used: BTreeSet::new(),
                        },
                    );
                }
                Err(message) => problems.push(Problem::new(
                    Rule::Schema,
                    shown,
                    "(file)",
                    format!(
                        "a translation file is a table per field path, each with `from` and \
                         `text` or `list`: {message}"
                    ),
                )),
            }
        }
    }
    out
}

/// The pseudo-translation of a source: see [`pseudo`].
fn pseudo_source(source: &Source) -> Source {
    match source {
        Source::Text(s) => Source::Text(pseudo(s)),
        Source::List(l) => Source::List(l.iter().map(|s| pseudo(s)).collect()),
    }
}

/// The pseudo-language's version of `text`: every Latin letter accented, in brackets, and
/// about 40 % longer (filler words), so a text that stayed English or a layout that cannot take
/// longer words shows at once. Placeholders and digits stay as they are.
pub fn pseudo(text: &str) -> String {
    const FROM: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const TO: [char; 52] = [
        'á', 'ƀ', 'ç', 'ď', 'é', 'ƒ', 'ĝ', 'ĥ', 'í', 'ĵ', 'ķ', 'ľ', 'ḿ', 'ñ', 'ó', 'ṕ', 'ǫ', 'ŕ',
        'š', 'ţ', 'ú', 'ṽ', 'ŵ', 'ẋ', 'ý', 'ž', 'Á', 'Ɓ', 'Ç', 'Ď', 'É', 'Ƒ', 'Ĝ', 'Ĥ', 'Í', 'Ĵ',
        'Ķ', 'Ľ', 'Ḿ', 'Ñ', 'Ó', 'Ṕ', 'Ǫ', 'Ŕ', 'Š', 'Ţ', 'Ú', 'Ṽ', 'Ŵ', 'Ẋ', 'Ý', 'Ž',
    ];
    let mut out = String::from("[");
    let mut in_placeholder = false;
    let mut letters = 0usize;
    for c in text.trim().chars() {
        match c {
            '{' => in_placeholder = true,
            '}' => in_placeholder = false,
            _ => {}
        }
        match FROM.find(c) {
            Some(i) if !in_placeholder => {
                letters += 1;
                out.push(TO[i]);
            }
            _ => out.push(c),
        }
    }
    // Filler words of four letters and a space: 40 % of the text's letters.
    let mut filler = letters * 2 / 5;
    while filler > 0 {
        out.push(' ');
        let n = filler.min(4);
        out.extend(std::iter::repeat_n('ẍ', n));
        filler -= n;
    }
    out.push(']');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_and_numbers_are_found() {
        assert_eq!(
            placeholders("{system} stage {code} of {x y}"),
            ["{code}", "{system}"]
        );
        let n: Vec<String> = numbers("13 in 100 over 2.5 years, 1,200 people")
            .into_iter()
            .collect();
        assert_eq!(n, ["100", "1200", "13", "2.5"]);
    }

    #[test]
    fn the_pseudo_language_keeps_placeholders_and_digits_and_is_longer() {
        let p = pseudo("Stage {code}: 13 in 100");
        assert!(p.starts_with("[Šţáĝé {code}: 13 íñ 100"), "{p}");
        assert!(p.chars().count() > "Stage {code}: 13 in 100".len() + 3);
        assert!(!p.chars().any(|c| c.is_ascii_lowercase()
            && c != 'c'
            && c != 'o'
            && c != 'd'
            && c != 'e'));
    }

    #[test]
    fn field_paths_name_array_elements_by_id_or_code() {
        let t: Table = toml::from_str(
            "name.en = \"Hip\"\n[[stage]]\ncode = \"II\"\nmeaning.en = \"M\"\n[[stage.figure]]\noutcome.en = \"O\"\n[[term]]\nid = \"x\"\nterm.en = \"x\"\nalso = [\"xs\"]\n",
        )
        .unwrap();
        let paths: Vec<String> = source_texts(&t, "en", false)
            .into_iter()
            .map(|(p, _)| p)
            .collect();
        assert_eq!(
            paths,
            [
                "name",
                "stage.II.figure.0.outcome",
                "stage.II.meaning",
                "term.x.term",
                "term.x.also"
            ]
        );
    }
}
