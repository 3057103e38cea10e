//! The start view: what AVN is, the decision a patient may face, how the aid works, that it
//! does not diagnose, that nothing leaves the device; then the choice of joint.

use crate::aid::use_aid;
use crate::components::page_heading::PageHeading;
use crate::place::View;
use yew::prelude::*;

/// Orientation and the list of joints.
#[component]
pub fn StartPage() -> Html {
    let (aid, kb, ui) = use_aid();
    let joints = kb.joints.iter().map(|joint| {
        html! {
            <li key={joint.id.as_str().to_string()}>
                <button type="button" class="avn-choice" onclick={aid.open(View::Joint(joint.id.clone()))}>
                    <span class="avn-choice-title">{ joint.name.get(&aid.lang) }</span>
                </button>
            </li>
        }
    });
    html! {
        <>
            <PageHeading>{ &ui.app_title }</PageHeading>
            <p class="avn-lead">{ &ui.start_intro }</p>
            <h2>{ &ui.start_decision_heading }</h2>
            <p>{ &ui.start_decision_intro }</p>
            <h2>{ &ui.how_heading }</h2>
            <ol class="avn-steps">{ for ui.how_steps.iter().map(|step| html! { <li>{ step }</li> }) }</ol>
            <p class="avn-note">{ &ui.not_a_diagnosis }</p>
            <p class="avn-note">{ &ui.privacy }</p>
            <h2>{ &ui.choose_joint }</h2>
            <ul class="avn-choices avn-choices-joints">{ for joints }</ul>
        </>
    }
}
