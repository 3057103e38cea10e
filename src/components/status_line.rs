//! The one short live line of a view: what just changed, in a sentence a screen reader reads
//! once (the result sections themselves are not live, so an answer is not read out in full).

use yew::prelude::*;

/// Props: the sentence (empty: nothing to say yet).
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// What changed, in one short sentence.
    pub text: AttrValue,
}

/// A visually hidden polite status line.
#[component]
pub fn StatusLine(props: &Props) -> Html {
    html! { <p class="avn-visually-hidden" role="status">{ props.text.clone() }</p> }
}
