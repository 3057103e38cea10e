//! How many options are ticked, and the button that sets them side by side.

use crate::aid::use_aid;
use crate::place::View;
use avn_kb::{fill, StageId};
use yew::prelude::*;

/// Props: the stage the comparison is for.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// The stage.
    pub stage: StageId,
}

/// "2 of 4 ticked" and the compare button (which says why when it cannot be used yet).
#[component]
pub fn CompareBar(props: &Props) -> Html {
    let Some((aid, _, ui)) = use_aid() else {
        return Html::default();
    };
    let n = aid.place.compared.len();
    let ready = n >= 2;
    html! {
        <div class="avn-compare-bar">
            <p aria-live="polite">{ fill(&ui.compare_count, &[("n", &n.to_string())]) }</p>
            if ready {
                <button type="button" class="avn-action" onclick={aid.open(View::Compare(props.stage.clone()))}>
                    { &ui.compare_button }
                </button>
            } else {
                <p class="avn-note">{ &ui.compare_hint }</p>
            }
        </div>
    }
}
