//! Finding the glossary's words in patient text, per language: the first use of each term in a
//! paragraph, whole words only in scripts that put spaces between words, anywhere in scripts
//! that do not (Chinese, Japanese). Case is folded without the Unicode case tables (they would
//! cost the app about 8 KB gzip): ASCII and the accented Latin letters of Western European
//! languages, so "Ácido" finds "ácido"; letters of other cased scripts match as written.

use crate::{Kb, LangId, TermId};

/// One language's glossary word forms, longest first, each with its term.
#[derive(Clone, Debug, Default)]
pub struct GlossaryWords {
    forms: Vec<(String, TermId)>,
}

impl GlossaryWords {
    /// The forms of every glossary term in `lang`: its name there and the other forms the
    /// glossary lists in that language.
    pub fn new(kb: &Kb, lang: &LangId) -> GlossaryWords {
        let mut forms: Vec<(String, TermId)> = kb
            .glossary
            .iter()
            .flat_map(|t| {
                std::iter::once(t.term.get(lang))
                    .chain(t.also.get(lang).iter().map(String::as_str))
                    .map(|form| (fold_case(form), t.id.clone()))
            })
            .filter(|(form, _)| form.chars().count() > 1)
            .collect();
        forms.sort_by_key(|(form, _)| std::cmp::Reverse(form.len()));
        GlossaryWords { forms }
    }

    /// Every form, case folded.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        self.forms.iter().map(|(form, _)| form.as_str())
    }

    /// Where glossary words first appear in `text`: byte ranges (on character boundaries of
    /// `text`) and their terms, in order, not overlapping, each term once.
    pub fn find_in<'a>(&'a self, text: &str) -> Vec<(usize, usize, &'a TermId)> {
        let folded = fold_case(text);
        let mut found: Vec<(usize, usize, &TermId)> = Vec::new();
        let mut before: Option<char> = None;
        let mut rest = folded.char_indices().peekable();
        while let Some((i, c)) = rest.next() {
            let may_start = !(before.is_some_and(spaced_letter) && spaced_letter(c));
            let hit = may_start.then(|| {
                self.forms.iter().find(|(form, term)| {
                    let end = i + form.len();
                    folded[i..].starts_with(form.as_str())
                        && !(form.chars().last().is_some_and(spaced_letter)
                            && folded[end..].chars().next().is_some_and(spaced_letter))
                        && !found.iter().any(|(_, _, t)| *t == term)
                })
            });
            if let Some(Some((form, term))) = hit {
                let end = i + form.len();
                found.push((i, end, term));
                before = folded[..end].chars().next_back();
                while rest.peek().is_some_and(|&(at, _)| at < end) {
                    rest.next();
                }
                continue;
            }
            before = Some(c);
        }
        found
    }
}

/// `text` in lower case where that keeps every character's length in bytes: ASCII, and the
/// accented capitals of Latin-1 (À to Þ) and Latin Extended-A (Ā to ž, in upper/lower pairs).
/// Offsets in the result are offsets in `text`.
pub fn fold_case(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            '\u{C0}'..='\u{DE}' if c != '\u{D7}' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
            '\u{100}'..='\u{137}' | '\u{14A}'..='\u{177}' if (c as u32) % 2 == 0 => {
                char::from_u32(c as u32 + 1).unwrap_or(c)
            }
            '\u{139}'..='\u{148}' | '\u{179}'..='\u{17E}' if (c as u32) % 2 == 1 => {
                char::from_u32(c as u32 + 1).unwrap_or(c)
            }
            _ => c,
        })
        .collect()
}

/// A letter or digit of a script that separates words with spaces, so a glossary word must not
/// start or end inside a longer word there. Han, kana and Hangul are not: they need no spaces.
fn spaced_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    let punctuation_or_space = matches!(c,
        '\u{80}'..='\u{BF}' | '\u{D7}' | '\u{F7}'
        | '\u{2000}'..='\u{206F}'
        | '\u{3000}'..='\u{303F}'
        | '\u{FF00}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}'
        | '\u{964}' | '\u{965}');
    let unspaced_script = matches!(c,
        '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7AF}' | '\u{F900}'..='\u{FAFF}');
    !punctuation_or_space && !unspaced_script
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(forms: &[&str], text: &str) -> Vec<String> {
        let words = GlossaryWords {
            forms: forms
                .iter()
                .enumerate()
                .map(|(i, f)| (fold_case(f), TermId::new(format!("t{i}"))))
                .collect(),
        };
        words
            .find_in(text)
            .into_iter()
            .map(|(s, e, _)| text[s..e].to_string())
            .collect()
    }

    #[test]
    fn whole_words_once_each_in_any_case_keeping_the_original_spelling() {
        assert_eq!(
            words(&["mri"], "An MRI shows it. Another MRI later."),
            ["MRI"]
        );
        assert_eq!(
            words(&["osteonecrosis"], "Osteonecrosis is its name."),
            ["Osteonecrosis"]
        );
        assert!(
            words(&["mri"], "remrise").is_empty(),
            "not inside a longer word"
        );
        assert!(
            words(&["necrosis"], "osteonecrosisñ necrosisé").is_empty(),
            "accented letters are letters"
        );
        assert_eq!(words(&["necrosis"], "la necrosis, sí"), ["necrosis"]);
    }

    #[test]
    fn accented_capitals_fold_and_offsets_stay_on_the_original_text() {
        assert_eq!(fold_case("ÁCIDO Ñandú Łódź"), "ácido ñandú łódź");
        assert_eq!(fold_case("ÁCIDO").len(), "ÁCIDO".len());
        assert_eq!(words(&["ácido"], "Ácido zoledrónico"), ["Ácido"]);
    }

    #[test]
    fn scripts_without_spaces_match_inside_a_sentence() {
        assert_eq!(
            words(&["股骨头坏死"], "这是股骨头坏死的早期。"),
            ["股骨头坏死"]
        );
        assert_eq!(words(&["एमआरआई"], "आपका एमआरआई, और"), ["एमआरआई"]);
        assert!(
            words(&["एम"], "एमआरआई").is_empty(),
            "Devanagari words need their spaces"
        );
    }

    #[test]
    fn the_longest_form_wins() {
        assert_eq!(
            words(&["core decompression", "core"], "A core decompression."),
            ["core decompression"]
        );
    }
}
