//! Patient text with its glossary words marked: the first time a paragraph uses a word the
//! glossary explains, the word becomes a button that opens its explanation, unless an earlier
//! paragraph of the same card or view already marked it (`exclude`), so a keyboard user meets
//! one stop per word, not one per use.

use crate::aid::{use_aid, ReturnPoint};
use crate::content::kb;
use crate::place::{Action, View};
use avn_kb::{GlossaryWords, LangId, TermId};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

/// Props: the text, already in the patient's language.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// The paragraph.
    pub text: AttrValue,
    /// Words already marked earlier in the same card or view.
    #[prop_or_default]
    pub exclude: Vec<TermId>,
}

/// The text, with explained words as buttons.
#[component]
pub fn PatientText(props: &Props) -> Html {
    let (aid, _, _) = use_aid();
    let text = props.text.as_str();
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end, term) in explained_words(text, &aid.lang)
        .into_iter()
        .filter(|(_, _, t)| !props.exclude.contains(t))
    {
        out.push(html! { { &text[at..start] } });
        // Remember where the patient was reading, so Back returns there.
        let open = {
            let (act, spot, from, term) = (
                aid.act.clone(),
                aid.return_point.clone(),
                aid.place.view.clone(),
                term.clone(),
            );
            Callback::from(move |e: MouseEvent| {
                let word = e
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .and_then(|el| {
                        let view = el.closest(".avn-view").ok()??;
                        let words = view.query_selector_all(".avn-term").ok()?;
                        (0..words.length())
                            .find(|&i| words.item(i).is_some_and(|w| w.is_same_node(Some(&el))))
                    });
                if let Some(word) = word {
                    let scroll_y = gloo::utils::window().scroll_y().unwrap_or(0.0);
                    *spot.0.borrow_mut() = Some(ReturnPoint {
                        from: from.clone(),
                        scroll_y,
                        word: word as usize,
                    });
                }
                act.emit(Action::Opened(View::Term(term.clone())));
            })
        };
        out.push(html! {
            <button type="button" class="avn-term" onclick={open}>
                { &text[start..end] }
            </button>
        });
        at = end;
    }
    out.push(html! { { &text[at..] } });
    html! { <>{ for out }</> }
}

/// The glossary words `texts` mark, in order, each once: what later paragraphs of the same
/// card or view pass as `exclude`.
pub fn marked_terms<'a>(texts: impl IntoIterator<Item = &'a str>, lang: &LangId) -> Vec<TermId> {
    let mut out: Vec<TermId> = Vec::new();
    for text in texts {
        for (_, _, term) in explained_words(text, lang) {
            if !out.contains(&term) {
                out.push(term);
            }
        }
    }
    out
}

thread_local! {
    /// Each language's glossary words, built at their first use.
    static WORDS: std::cell::RefCell<Vec<(LangId, Rc<GlossaryWords>)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The glossary words of `lang`.
fn words(lang: &LangId) -> Rc<GlossaryWords> {
    WORDS.with(|all| {
        let mut all = all.borrow_mut();
        if let Some((_, words)) = all.iter().find(|(l, _)| l == lang) {
            return words.clone();
        }
        let words = Rc::new(
            kb().map(|kb| GlossaryWords::new(kb, lang))
                .unwrap_or_default(),
        );
        all.push((lang.clone(), words.clone()));
        words
    })
}

/// Where `lang`'s glossary words first appear in `text`: byte ranges and their terms.
pub fn explained_words(text: &str, lang: &LangId) -> Vec<(usize, usize, TermId)> {
    words(lang)
        .find_in(text)
        .into_iter()
        .map(|(start, end, term)| (start, end, term.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        explained_words(text, kb().unwrap().default_lang())
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
        assert!(
            words("Ächtung: osteonecrosisé").is_empty(),
            "an accented letter is part of the word"
        );
    }
}
