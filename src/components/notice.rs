//! A short notice at the top of the aid (e.g. a configuration the aid could not honour).

use yew::prelude::*;

/// Props: the notice text.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// What to tell the patient.
    pub text: String,
}

/// A polite, visible notice.
#[component]
pub fn Notice(props: &Props) -> Html {
    html! { <p class="avn-notice" role="status">{ &props.text }</p> }
}
