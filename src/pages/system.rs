//! "My report names a stage": one staging system's stages, and its size or place sub-types.

use crate::aid::use_aid;
use crate::components::back::Back;
use crate::components::page_heading::PageHeading;
use crate::components::stage_choices::StageChoices;
use crate::place::FoundBy;
use avn_kb::{fill, SystemId};
use yew::prelude::*;

/// Props: the staging system.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// The system named on the report.
    pub system: SystemId,
}

/// Pick the stage written on the report.
#[component]
pub fn SystemPage(props: &Props) -> Html {
    let (aid, kb, ui) = use_aid();
    let Some(system) = kb.system(&props.system) else {
        return Html::default();
    };
    let lang = &aid.lang;
    let modifiers = system.modifiers.iter().map(|m| {
        html! { <li key={m.code.clone()}><strong>{ &m.code }</strong>{ ": " }{ m.meaning.get(lang) }</li> }
    });
    html! {
        <>
            <Back />
            <PageHeading>{ fill(&ui.stages_in_system, &[("system", system.name.get(lang))]) }</PageHeading>
            <p>{ system.about.get(lang) }</p>
            <p>{ &ui.pick_your_stage }</p>
            <StageChoices system={system.id.clone()} found_by={FoundBy::Report} />
            if !system.modifiers.is_empty() {
                <h2>{ &ui.subtypes_heading }</h2>
                <p>{ &ui.subtypes_intro }</p>
                <ul>{ for modifiers }</ul>
            }
        </>
    }
}
