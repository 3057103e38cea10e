//! A stage as a button: its name as on reports and its one-line summary.

use crate::aid::use_aid;
use crate::place::{Action, FoundBy};
use avn_kb::StageId;
use yew::prelude::*;

/// Props: the stage and how a pick counts.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// The stage.
    pub stage: StageId,
    /// How the stage was found if the patient picks it here.
    pub found_by: FoundBy,
}

/// Picks the stage when pressed.
#[component]
pub fn StageButton(props: &Props) -> Html {
    let (aid, kb, ui) = use_aid();
    let Some((system, stage)) = kb.stage(&props.stage) else {
        return Html::default();
    };
    html! {
        <button type="button" class="avn-choice"
            onclick={aid.send(Action::PickedStage(stage.id.clone(), props.found_by))}>
            <span class="avn-choice-title">{ ui.stage_name(&aid.lang, system, stage) }</span>
            <span class="avn-choice-detail">{ stage.summary.get(&aid.lang) }</span>
        </button>
    }
}
