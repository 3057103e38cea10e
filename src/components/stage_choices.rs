//! A staging system's stages as buttons, grouped early, middle and late.

use crate::aid::use_aid;
use crate::components::stage_button::StageButton;
use crate::place::FoundBy;
use avn_kb::{Phase, SystemId};
use yew::prelude::*;

/// Props: the system and how a pick counts.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// The staging system.
    pub system: SystemId,
    /// How a stage picked here was found.
    pub found_by: FoundBy,
    /// Show each phase's meaning for the joint above its stages.
    #[prop_or_default]
    pub explain_phases: bool,
}

/// One section per phase with a button per stage.
#[component]
pub fn StageChoices(props: &Props) -> Html {
    let (aid, kb, ui) = use_aid();
    let Some(system) = kb.system(&props.system) else {
        return Html::default();
    };
    let lang = &aid.lang;
    let joint = kb.joint(&system.joint);
    let phases = Phase::ALL.iter().map(|&phase| {
        let stages: Vec<_> = system.stages.iter().filter(|s| s.phase == phase).collect();
        if stages.is_empty() {
            return Html::default();
        }
        let buttons = stages.into_iter().map(|stage| {
            html! {
                <li key={stage.id.as_str().to_string()}>
                    <StageButton stage={stage.id.clone()} found_by={props.found_by} />
                </li>
            }
        });
        let summary = joint
            .and_then(|j| j.phase_summary(phase))
            .filter(|_| props.explain_phases);
        html! {
            <section class={classes!("avn-phase", phase_class(phase))}>
                // Right under the page's h1 on a system page; under the overview's h2 elsewhere.
                <@{if props.explain_phases { "h3" } else { "h2" }}>{ ui.phase(phase) }</@>
                if let Some(summary) = summary {
                    <p>{ summary.get(lang) }</p>
                }
                <ul class="avn-choices">{ for buttons }</ul>
            </section>
        }
    });
    html! { <>{ for phases }</> }
}

/// The CSS class of a phase's section (a fixed string: no formatting, no Unicode case tables).
pub fn phase_class(phase: Phase) -> &'static str {
    match phase {
        Phase::Early => "avn-phase-early",
        Phase::Intermediate => "avn-phase-intermediate",
        Phase::Late => "avn-phase-late",
    }
}
