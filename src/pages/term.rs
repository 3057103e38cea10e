//! One word explained, reached from a marked word in any text.

use crate::aid::use_aid;
use crate::components::back::Back;
use crate::components::page_heading::PageHeading;
use crate::place::{Reference, View};
use avn_kb::TermId;
use yew::prelude::*;

/// Props: the word.
#[derive(Clone, PartialEq, Properties)]
pub struct TermProps {
    /// The glossary term.
    pub term: TermId,
}

/// One word explained, with a way on to all the words.
#[component]
pub fn TermPage(props: &TermProps) -> Html {
    let (aid, kb, ui) = use_aid();
    let Some(term) = kb.term(&props.term) else {
        return Html::default();
    };
    html! {
        <>
            <Back />
            <PageHeading>{ term.term.get(&aid.lang) }</PageHeading>
            <p class="avn-lead">{ term.definition.get(&aid.lang) }</p>
            <button type="button" class="avn-link-button"
                onclick={aid.open(View::Reference(Reference::Glossary))}>{ &ui.all_words }</button>
        </>
    }
}
