//! The "when to get help" box on stage, options, option and compare pages: the warning signs
//! of the patient's own joint (never another joint's), and of the time after the options the
//! page is about, most urgent first.

use crate::aid::use_aid;
use crate::components::patient_text::PatientText;
use avn_kb::{JointId, OptionId, Urgency};
use yew::prelude::*;

/// Props: the joint, and the options the page is about.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// The patient's joint.
    pub joint: JointId,
    /// Options whose after-treatment signs belong here too.
    #[prop_or_default]
    pub options: Vec<OptionId>,
}

/// The signs, grouped by how soon they need care.
#[component]
pub fn WarningSigns(props: &Props) -> Html {
    let (aid, kb, ui) = use_aid();
    let lang = &aid.lang;
    let options: Vec<_> = props
        .options
        .iter()
        .filter_map(|id| kb.option(id))
        .collect();
    let signs = kb.warning_signs_for(&props.joint, &options);
    let groups = Urgency::ALL.into_iter().filter_map(|urgency| {
        let items: Vec<Html> = signs
            .iter()
            .filter(|s| s.urgency == urgency)
            .map(|s| {
                html! {
                    <li key={s.id.clone()}><PatientText text={s.text.get(lang).to_string()} /></li>
                }
            })
            .collect();
        (!items.is_empty()).then(|| {
            html! {
                <div class={classes!("avn-urgency", urgency_class(urgency))}>
                    <h3>{ ui.urgency(urgency) }</h3>
                    <ul>{ for items }</ul>
                </div>
            }
        })
    });
    html! {
        <section class="avn-doctor" aria-labelledby="avn-warning-heading">
            <h2 id="avn-warning-heading">{ &ui.warning_heading }</h2>
            { for groups }
            <p>{ &ui.see_doctor }</p>
        </section>
    }
}

/// The style of an urgency group.
pub fn urgency_class(urgency: Urgency) -> &'static str {
    match urgency {
        Urgency::Emergency => "avn-urgency-emergency",
        Urgency::SameDay => "avn-urgency-same-day",
        Urgency::Soon => "avn-urgency-soon",
    }
}
