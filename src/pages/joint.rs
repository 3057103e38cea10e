//! A joint's view: the ways to find the stage (the report names it, work it out from the
//! report, have the report explained, or not known), each leading on.

use crate::aid::use_aid;
use crate::components::back::Back;
use crate::components::page_heading::PageHeading;
use crate::place::View;
use avn_kb::JointId;
use yew::prelude::*;

/// Props: the joint.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// The joint to show.
    pub joint: JointId,
}

/// How to find the stage for this joint.
#[component]
pub fn JointPage(props: &Props) -> Html {
    let (aid, kb, ui) = use_aid();
    let Some(joint) = kb.joint(&props.joint) else {
        return Html::default();
    };
    let lang = &aid.lang;
    let systems = joint.systems.iter().filter_map(|id| kb.system(id)).map(|system| {
        html! {
            <li key={system.id.as_str().to_string()}>
                <button type="button" class="avn-choice" onclick={aid.open(View::System(system.id.clone()))}>
                    <span class="avn-choice-title">{ system.name.get(lang) }</span>
                    <span class="avn-choice-detail">{ system.about.get(lang) }</span>
                </button>
            </li>
        }
    });
    let can_work_out = joint
        .systems
        .iter()
        .filter_map(|id| kb.system(id))
        .any(|s| s.stages.iter().all(|st| !st.milestones.is_empty()));
    html! {
        <>
            <Back />
            <PageHeading>{ joint.title.get(lang) }</PageHeading>
            <p>{ joint.about.get(lang) }</p>
            <h2>{ &ui.find_stage_heading }</h2>
            <section class="avn-way">
                <h3>{ &ui.way_report }</h3>
                <p>{ &ui.way_report_detail }</p>
                <ul class="avn-choices">{ for systems }</ul>
            </section>
            <section class="avn-way">
                <h3>{ &ui.way_work_out }</h3>
                if can_work_out {
                    <p>{ &ui.way_work_out_detail }</p>
                    <button type="button" class="avn-action" onclick={aid.open(View::WorkItOut(joint.id.clone()))}>
                        { &ui.way_work_out }
                    </button>
                } else {
                    <p>{ &ui.way_work_out_unavailable }</p>
                }
            </section>
            <section class="avn-way">
                <h3>{ &ui.way_explain }</h3>
                <p>{ &ui.way_explain_detail }</p>
                <button type="button" class="avn-action" onclick={aid.open(View::Report(joint.id.clone()))}>
                    { &ui.way_explain }
                </button>
            </section>
            <section class="avn-way">
                <h3>{ &ui.way_unknown }</h3>
                <p>{ &ui.way_unknown_detail }</p>
                <button type="button" class="avn-action" onclick={aid.open(View::NoStage(joint.id.clone()))}>
                    { &ui.way_unknown }
                </button>
            </section>
        </>
    }
}
