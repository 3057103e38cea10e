//! Patient-facing text in several languages, with the default language as the fallback.

use crate::LangId;
use serde::{Deserialize, Serialize};

/// One piece of patient text in every language it has been written in. The loader puts the
/// default language first and guarantees it is there, so a missing translation falls back to it.
/// Its serde code also splits off and joins language packs (see [`crate::pack`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Text(Vec<(LangId, String)>);

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        crate::pack::serialize_by_language(&self.0, String::clone, s)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut texts = Vec::<(LangId, String)>::deserialize(d)?;
        crate::pack::join_next(&mut texts, str::to_string);
        Ok(Text(texts))
    }
}

impl Text {
    #[cfg_attr(not(feature = "load"), allow(dead_code))]
    pub(crate) fn new(default_first: Vec<(LangId, String)>) -> Self {
        Self(default_first)
    }

    /// The text in `lang`, or in the default language when it has not been translated yet.
    pub fn get(&self, lang: &LangId) -> &str {
        self.0
            .iter()
            .find(|(l, _)| l == lang)
            .or(self.0.first())
            .map_or("", |(_, s)| s.as_str())
    }
}

/// Other forms of a glossary word (plurals, short forms) in each language that gives them. A
/// language without its own forms has none: another language's forms never match its text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Forms(Vec<(LangId, Vec<String>)>);

impl Serialize for Forms {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        crate::pack::serialize_by_language(&self.0, |f| f.join("\u{1f}"), s)
    }
}

impl<'de> Deserialize<'de> for Forms {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut forms = Vec::<(LangId, Vec<String>)>::deserialize(d)?;
        crate::pack::join_next(&mut forms, |s| {
            s.split('\u{1f}').map(str::to_string).collect()
        });
        Ok(Forms(forms))
    }
}

impl Forms {
    #[cfg_attr(not(feature = "load"), allow(dead_code))]
    pub(crate) fn new(by_language: Vec<(LangId, Vec<String>)>) -> Self {
        Self(by_language)
    }

    /// The forms in `lang`.
    pub fn get(&self, lang: &LangId) -> &[String] {
        self.0
            .iter()
            .find(|(l, _)| l == lang)
            .map_or(&[], |(_, f)| f.as_slice())
    }
}

/// Fills `{name}` placeholders in an interface string.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

#[cfg(test)]
mod tests {
    #[test]
    fn fill_replaces_every_placeholder() {
        let text = super::fill(
            "{system} stage {code}",
            &[("system", "ARCO 2019"), ("code", "II")],
        );
        assert_eq!(text, "ARCO 2019 stage II");
    }
}

/// A number of years as written for patients, to one decimal place at most: `2`, `3.5`.
/// Integer arithmetic only, so the app carries no float-formatting code.
pub fn years(y: f32) -> String {
    let tenths = (y.max(0.0) * 10.0 + 0.5) as u32;
    match tenths % 10 {
        0 => (tenths / 10).to_string(),
        d => format!("{}.{d}", tenths / 10),
    }
}

#[cfg(test)]
mod years_tests {
    use super::years;

    #[test]
    fn years_read_as_whole_numbers_or_one_decimal() {
        assert_eq!(years(2.0), "2");
        assert_eq!(years(3.5), "3.5");
        assert_eq!(years(10.7), "10.7");
        assert_eq!(years(0.5), "0.5");
        assert_eq!(years(8.25), "8.3");
    }
}

/// Whether `c` joins the character before it into one character as a person sees it (an
/// approximation of Unicode's "extend" characters without its tables: combining marks, the
/// vowel signs and virama of Indic scripts, variation selectors, emoji skin tones and tags).
fn extends(c: char) -> bool {
    matches!(u32::from(c),
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x05BF | 0x05C1..=0x05C2
        | 0x05C4..=0x05C5 | 0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670
        | 0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x06E7..=0x06E8 | 0x06EA..=0x06ED
        | 0x0900..=0x0903 | 0x093A..=0x093C | 0x093E..=0x094F | 0x0951..=0x0957
        | 0x0962..=0x0963 | 0x0981..=0x0983 | 0x09BC | 0x09BE..=0x09CD | 0x09D7
        | 0x09E2..=0x09E3 | 0x0A01..=0x0A03 | 0x0A3C..=0x0A51 | 0x0A70..=0x0A71 | 0x0A75
        | 0x0A81..=0x0A83 | 0x0ABC | 0x0ABE..=0x0ACD | 0x0B01..=0x0B03 | 0x0B3C..=0x0B57
        | 0x0BBE..=0x0BCD | 0x0C00..=0x0C04 | 0x0C3E..=0x0C56 | 0x0CBC..=0x0CD6
        | 0x0D00..=0x0D03 | 0x0D3E..=0x0D4D | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C..=0x200D | 0x20D0..=0x20FF
        | 0x302A..=0x302F | 0x3099..=0x309A | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F
        | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F | 0xE0100..=0xE01EF)
}

/// Letters that a virama before them joins into one conjunct (Devanagari and Bengali
/// consonants), as in क्ष, त्र, श्र, ज्ञ.
fn is_indic_consonant(c: char) -> bool {
    matches!(u32::from(c), 0x0915..=0x0939 | 0x0958..=0x095F | 0x0995..=0x09B9)
}

/// The characters of `text` as a person sees them (an emoji family, a flag, a letter with its
/// accent, a Devanagari conjunct each count as one), as slices of `text`. Approximate: it
/// follows the main rules of Unicode text segmentation without its tables.
pub fn graphemes(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let mut chars = rest.char_indices().peekable();
        let (_, first) = chars.next()?;
        let mut end = first.len_utf8();
        let mut prev = first;
        let mut regional = u32::from(first).wrapping_sub(0x1F1E6) < 26;
        while let Some(&(at, c)) = chars.peek() {
            let joins = extends(c)
                || prev == '\u{200D}'
                || (prev == '\u{094D}' || prev == '\u{09CD}') && is_indic_consonant(c)
                || (prev == '\r' && c == '\n')
                || (regional && u32::from(c).wrapping_sub(0x1F1E6) < 26);
            if !joins {
                break;
            }
            // A flag is exactly two regional indicators.
            regional = false;
            end = at + c.len_utf8();
            prev = c;
            chars.next();
        }
        let (cluster, tail) = rest.split_at(end);
        rest = tail;
        Some(cluster)
    })
}

/// How many characters `text` has as a person sees them.
pub fn grapheme_count(text: &str) -> usize {
    graphemes(text).count()
}

/// `text` cut to at most `max` characters as a person sees them, never inside one.
pub fn cut_to_graphemes(text: &str, max: usize) -> &str {
    let len: usize = graphemes(text).take(max).map(str::len).sum();
    &text[..len]
}

#[cfg(test)]
mod grapheme_tests {
    use super::{cut_to_graphemes, grapheme_count};

    #[test]
    fn people_see_one_character_where_several_code_points_make_one() {
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}";
        assert_eq!(grapheme_count(family), 1);
        assert_eq!(grapheme_count("👍🏽"), 1, "a skin tone");
        assert_eq!(grapheme_count("🇬🇧🇪🇸"), 2, "two flags");
        assert_eq!(grapheme_count("e\u{301}te\u{301}"), 3, "accents");
        assert_eq!(grapheme_count("क्ष त्र श्र ज्ञ"), 7, "conjuncts and spaces");
        assert_eq!(grapheme_count("骨头坏死"), 4);
        assert_eq!(grapheme_count("hip"), 3);
        assert_eq!(grapheme_count(""), 0);
    }

    #[test]
    fn cutting_never_splits_a_character() {
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        let text = format!("ab{family}cd");
        assert_eq!(cut_to_graphemes(&text, 3), format!("ab{family}"));
        assert_eq!(cut_to_graphemes(&text, 2), "ab");
        assert_eq!(cut_to_graphemes("क्षमा", 1), "क्ष");
        assert_eq!(cut_to_graphemes("short", 300), "short");
    }
}
