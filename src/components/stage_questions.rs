//! Questions people ask that matter at this joint and stage group, answered in place (open
//! one to read the answer), so a patient finds them from the stage and options pages.

use crate::aid::use_aid;
use crate::components::patient_text::PatientText;
use avn_kb::{JointId, Phase};
use yew::prelude::*;

/// Props: the joint and stage group.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// The patient's joint.
    pub joint: JointId,
    /// The stage group.
    pub phase: Phase,
}

/// The linked questions, or nothing if none are linked here.
#[component]
pub fn StageQuestions(props: &Props) -> Html {
    let (aid, kb, ui) = use_aid();
    let lang = &aid.lang;
    let items: Vec<Html> = kb
        .faqs_for(&props.joint, props.phase)
        .map(|q| {
            html! {
                <details key={q.id.as_str().to_string()} class="avn-faq">
                    <summary>{ q.question.get(lang) }</summary>
                    <p><PatientText text={q.answer.get(lang).to_string()} /></p>
                </details>
            }
        })
        .collect();
    if items.is_empty() {
        return Html::default();
    }
    html! {
        <section class="avn-stage-questions">
            <h2>{ &ui.stage_faq_heading }</h2>
            { for items }
        </section>
    }
}
