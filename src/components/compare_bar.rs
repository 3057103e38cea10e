//! How many options are ticked, the button that sets them side by side, and, before any are
//! ticked, a button that sets the usual choices for the stage side by side.

use crate::aid::use_aid;
use crate::place::{Action, View, MAX_COMPARED};
use avn_kb::{fill, StageId};
use yew::prelude::*;

/// Props: the stage the comparison is for.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// The stage.
    pub stage: StageId,
    /// Whether the count is read out when it changes (false for the page's second bar, so a
    /// tick is announced once).
    #[prop_or(true)]
    pub announces: bool,
}

/// "2 of 4 ticked" and the compare button (which says why when it cannot be used yet).
#[component]
pub fn CompareBar(props: &Props) -> Html {
    let (aid, kb, ui) = use_aid();
    let n = aid.place.compared.len();
    let suggested = kb
        .stage(&props.stage)
        .map(|(system, stage)| kb.suggested_choices(&system.joint, stage.phase, MAX_COMPARED))
        .unwrap_or_default();
    html! {
        <div class="avn-compare-bar">
            <p aria-live={props.announces.then_some("polite")}>{ fill(&ui.compare_count, &[("n", &n.to_string())]) }</p>
            if n >= 2 {
                <button type="button" class="avn-action" onclick={aid.open(View::Compare(props.stage.clone()))}>
                    { &ui.compare_button }
                </button>
            } else {
                <p class="avn-note">{ &ui.compare_hint }</p>
            }
            if n == 0 && suggested.len() >= 2 {
                <button type="button" class="avn-action avn-secondary"
                    onclick={aid.send(Action::ComparedSuggested(props.stage.clone(), suggested))}>
                    { &ui.compare_suggested }
                </button>
            }
        </div>
    }
}
