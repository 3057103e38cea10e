//! Patient text with its glossary words marked: the first time a paragraph uses a word the
//! glossary explains, the word becomes a button that opens its explanation.

use crate::aid::use_aid;
use crate::content::kb;
use crate::place::View;
use avn_kb::TermId;
use std::sync::OnceLock;
use yew::prelude::*;

/// Props: the text, already in the patient's language.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// The paragraph.
    pub text: AttrValue,
}

/// The text, with explained words as buttons.
#[component]
pub fn PatientText(props: &Props) -> Html {
    let Some((aid, _, _)) = use_aid() else {
        return html! { { props.text.clone() } };
    };
    let text = props.text.as_str();
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end, term) in explained_words(text) {
        out.push(html! { { &text[at..start] } });
        out.push(html! {
            <button type="button" class="avn-term" onclick={aid.open(View::Term(term.clone()))}>
                { &text[start..end] }
            </button>
        });
        at = end;
    }
    out.push(html! { { &text[at..] } });
    html! { <>{ for out }</> }
}

/// Every glossary word form, lower case (ASCII only: no Unicode tables in the app), longest
/// first, with its term.
fn forms() -> &'static [(String, TermId)] {
    static FORMS: OnceLock<Vec<(String, TermId)>> = OnceLock::new();
    FORMS.get_or_init(|| {
        let Some(kb) = kb() else {
            return Vec::new();
        };
        let lang = kb.default_lang();
        let mut forms: Vec<(String, TermId)> = kb
            .glossary
            .iter()
            .flat_map(|t| {
                std::iter::once(t.term.get(lang).to_string())
                    .chain(t.also.iter().cloned())
                    .map(|form| (form.to_ascii_lowercase(), t.id.clone()))
            })
            .filter(|(form, _)| form.len() > 1)
            .collect();
        forms.sort_by_key(|(form, _)| std::cmp::Reverse(form.len()));
        forms
    })
}

/// Where glossary words first appear in `text`: byte ranges and their terms, in order, not
/// overlapping, each term once, whole words only.
pub fn explained_words(text: &str) -> Vec<(usize, usize, &'static TermId)> {
    let lower = text.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let is_word = |b: u8| b.is_ascii_alphanumeric();
    let mut found: Vec<(usize, usize, &'static TermId)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts_word = i == 0 || !is_word(bytes[i - 1]);
        if starts_word && is_word(bytes[i]) {
            let hit = forms().iter().find(|(form, term)| {
                let end = i + form.len();
                lower[i..].starts_with(form.as_str())
                    && (end == bytes.len() || !is_word(bytes[end]))
                    && !found.iter().any(|(_, _, t)| *t == term)
            });
            if let Some((form, term)) = hit {
                found.push((i, i + form.len(), term));
                i += form.len();
                continue;
            }
        }
        i += 1;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        explained_words(text)
            .into_iter()
            .map(|(s, e, _)| &text[s..e])
            .collect()
    }

    #[test]
    fn marks_the_first_use_of_each_explained_word_only() {
        let marked = words("An MRI shows the dead bone. Another MRI later.");
        assert_eq!(marked.iter().filter(|w| **w == "MRI").count(), 1);
    }

    #[test]
    fn marks_whole_words_in_any_case_and_keeps_the_original_spelling() {
        let text = "Osteonecrosis is another name.";
        assert!(words(text).contains(&"Osteonecrosis"));
        assert!(words("remrise").is_empty(), "no match inside a longer word");
    }
}
