//! The "Back" button, shown when there is somewhere to go back to.

use crate::aid::use_aid;
use crate::place::Action;
use yew::prelude::*;

/// One step back along the way the patient came.
#[component]
pub fn Back() -> Html {
    let (aid, _, ui) = use_aid();
    if aid.place.back_to().is_none() {
        return Html::default();
    }
    html! {
        <button type="button" class="avn-link-button avn-back" onclick={aid.send(Action::WentBack)}>
            { &ui.back }
        </button>
    }
}
