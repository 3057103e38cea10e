//! "I don't know my stage": what to ask the doctor, and the early / middle / late overview to
//! explore in the meantime.

use crate::aid::use_aid;
use crate::components::back::Back;
use crate::components::page_heading::PageHeading;
use crate::components::stage_choices::StageChoices;
use crate::components::warning_signs::WarningSigns;
use crate::place::FoundBy;
use avn_kb::JointId;
use yew::prelude::*;

/// Props: the joint.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// The joint.
    pub joint: JointId,
}

/// Questions to ask, then the overview.
#[component]
pub fn NoStagePage(props: &Props) -> Html {
    let (_, kb, ui) = use_aid();
    let Some(joint) = kb.joint(&props.joint) else {
        return Html::default();
    };
    let overview = joint.systems.first().cloned();
    html! {
        <>
            <Back />
            <PageHeading>{ &ui.no_stage_title }</PageHeading>
            <p>{ &ui.no_stage_intro }</p>
            <h2>{ &ui.no_stage_ask_heading }</h2>
            <ul>{ for ui.no_stage_questions.iter().map(|q| html! { <li>{ q }</li> }) }</ul>
            <h2>{ &ui.overview_heading }</h2>
            <p>{ &ui.overview_intro }</p>
            if let Some(system) = overview {
                <StageChoices {system} found_by={FoundBy::Overview} explain_phases=true />
            }
            <WarningSigns joint={joint.id.clone()} />
        </>
    }
}
