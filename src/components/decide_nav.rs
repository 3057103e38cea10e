//! The decision-support steps as a short menu, shown once a patient reads about options.

use crate::aid::use_aid;
use crate::place::{Step, View};
use avn_kb::UiText;
use yew::prelude::*;

/// "Help me decide": what matters to me, am I ready, my questions, my summary.
#[component]
pub fn DecideNav() -> Html {
    let (aid, _, ui) = use_aid();
    let steps = Step::ALL.into_iter().map(|step| {
        let here = aid.place.view == View::Decide(step);
        html! {
            <li>
                <button type="button" class="avn-step" aria-current={here.then_some("step")}
                    onclick={aid.open(View::Decide(step))}>{ step_title(ui, step) }</button>
            </li>
        }
    });
    html! {
        <nav class="avn-decide" aria-label={ui.decide_heading.clone()}>
            <h2>{ &ui.decide_heading }</h2>
            <ol>{ for steps }</ol>
        </nav>
    }
}

/// The title of a step, as in its heading.
pub fn step_title(ui: &UiText, step: Step) -> &str {
    match step {
        Step::Values => &ui.values_heading,
        Step::Ready => &ui.sure_heading,
        Step::Questions => &ui.questions_heading,
        Step::Summary => &ui.summary_heading,
    }
}
