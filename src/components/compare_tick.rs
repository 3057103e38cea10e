//! The "compare this option" tick box, with its limit of four.

use crate::aid::use_aid;
use crate::place::{Action, MAX_COMPARED};
use avn_kb::OptionId;
use yew::prelude::*;

/// Props: the option.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// The option to tick.
    pub option: OptionId,
}

/// A labelled tick box; disabled, with the reason attached, when four others are already ticked.
#[component]
pub fn CompareTick(props: &Props) -> Html {
    let (aid, kb, ui) = use_aid();
    let name = kb
        .options
        .iter()
        .find(|o| o.id == props.option)
        .map_or("", |o| o.name.get(&aid.lang));
    let ticked = aid.place.compared.contains(&props.option);
    let full = !ticked && aid.place.compared.len() >= MAX_COMPARED;
    let why_id = format!("avn-tick-full-{}", props.option.as_str());
    html! {
        <label class="avn-tick">
            <input type="checkbox" checked={ticked} disabled={full}
                aria-label={format!("{}: {name}", ui.compare_tick)}
                aria-describedby={full.then(|| why_id.clone())}
                onchange={aid.send(Action::ToggledCompared(props.option.clone()))} />
            { " " }{ &ui.compare_tick }
            if full {
                <span id={why_id} class="avn-visually-hidden">{ &ui.compare_full }</span>
            }
        </label>
    }
}
