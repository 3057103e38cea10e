//! A joint's view: its staging systems, with stages grouped as early, middle and late.

use crate::content::kb;
use crate::place::Action;
use avn_kb::fill;
use avn_kb::{JointId, LangId, Phase, StagingSystem};
use yew::prelude::*;

/// Props: language, the joint, and where the patient's choices go.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// Interface language.
    pub lang: LangId,
    /// The joint to show.
    pub joint: JointId,
    /// Receives the patient's choices.
    pub on_action: Callback<Action>,
}

/// The joint's stages, to pick from.
#[component]
pub fn JointPage(props: &Props) -> Html {
    let Some(kb) = kb() else {
        return Html::default();
    };
    let Some(joint) = kb.joint(&props.joint) else {
        return Html::default();
    };
    let lang = &props.lang;
    let ui = kb.ui(lang);
    let back = {
        let on_action = props.on_action.clone();
        move |_| on_action.emit(Action::WentBack)
    };
    let system_view = |system: &StagingSystem| {
        let system_name = system.name.get(lang);
        let phases = Phase::ALL.iter().map(|&phase| {
            let stages: Vec<_> = system.stages.iter().filter(|s| s.phase == phase).collect();
            if stages.is_empty() {
                return Html::default();
            }
            let buttons = stages.into_iter().map(|stage| {
                let on_action = props.on_action.clone();
                let id = stage.id.clone();
                html! {
                    <li key={stage.id.as_str().to_string()}>
                        <button type="button" class="avn-choice"
                            onclick={move |_| on_action.emit(Action::PickedStage(id.clone()))}>
                            <span class="avn-choice-title">{ fill(&ui.stage_heading,
                                &[("system", system_name), ("code", &stage.code)]) }</span>
                            <span class="avn-choice-detail">{ stage.summary.get(lang) }</span>
                        </button>
                    </li>
                }
            });
            html! {
                <section class={classes!("avn-phase", phase_class(phase))}>
                    <h3>{ ui.phase(phase) }</h3>
                    if let Some(summary) = joint.phase_summary(phase) {
                        <p>{ summary.get(lang) }</p>
                    }
                    <ul class="avn-choices">{ for buttons }</ul>
                </section>
            }
        });
        html! {
            <section key={system.id.as_str().to_string()}>
                <h2>{ fill(&ui.stages_in_system, &[("system", system_name)]) }</h2>
                <p>{ system.about.get(lang) }</p>
                { for phases }
            </section>
        }
    };
    html! {
        <>
            <button type="button" class="avn-link-button" onclick={back}>{ &ui.back }</button>
            <h1 tabindex="-1">{ joint.title.get(lang) }</h1>
            <p>{ joint.about.get(lang) }</p>
            { for joint.systems.iter().filter_map(|id| kb.system(id)).map(system_view) }
        </>
    }
}

/// The CSS class of a phase's section (a fixed string: no formatting, no Unicode case tables).
fn phase_class(phase: Phase) -> &'static str {
    match phase {
        Phase::Early => "avn-phase-early",
        Phase::Intermediate => "avn-phase-intermediate",
        Phase::Late => "avn-phase-late",
    }
}
