//! The one heading of a view: where focus lands when the patient arrives (`tabindex="-1"`, so
//! it can take focus without becoming a Tab stop) and what names the view in the document title.

use yew::prelude::*;

/// The heading's words.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// What the view is, in the patient's words.
    pub children: Html,
}

/// Every view starts with this, and has no other `<h1>`.
#[component]
pub fn PageHeading(props: &Props) -> Html {
    html! { <h1 tabindex="-1">{ props.children.clone() }</h1> }
}
