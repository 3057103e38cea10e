//! "Does any of this apply to you?": the situations a patient can tick (kept on this device,
//! never in the URL), and the notes that matter for the ticked ones at this joint and stage,
//! each with how sure the evidence is and where it comes from.

use crate::aid::use_aid;
use crate::components::certainty::CertaintyBadge;
use crate::components::figure_view::cites;
use crate::components::patient_text::PatientText;
use crate::decision::Action as DecisionAction;
use avn_kb::{fill, JointId, OptionId, Phase};
use yew::prelude::*;

/// Props: the joint and stage group, and the options the page is about.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// The patient's joint.
    pub joint: JointId,
    /// The stage group.
    pub phase: Phase,
    /// Options whose notes belong here too.
    #[prop_or_default]
    pub options: Vec<OptionId>,
}

/// The tick boxes, then the notes for what is ticked.
#[component]
pub fn SituationNotes(props: &Props) -> Html {
    let (aid, kb, ui) = use_aid();
    if kb.situations.is_empty() {
        return Html::default();
    }
    let lang = &aid.lang;
    let ticked = aid.decision.situations();
    let boxes = kb.situations.iter().map(|s| {
        html! {
            <li key={s.id.as_str().to_string()}>
                <label class="avn-tick">
                    <input type="checkbox" checked={aid.decision.has_situation(&s.id)}
                        onchange={aid.decide(DecisionAction::ToggledSituation(s.id.clone()))} />
                    { " " }{ s.name.get(lang) }
                </label>
            </li>
        }
    });
    let notes: Vec<Html> = kb
        .situation_notes(&ticked, &props.joint, props.phase, &props.options)
        .map(|(situation, note)| {
            let about: Vec<&str> = note
                .options
                .iter()
                .filter(|o| props.options.contains(o))
                .filter_map(|o| kb.option(o))
                .map(|o| o.name.get(lang))
                .collect();
            html! {
                <li>
                    <strong>{ situation.name.get(lang) }</strong>
                    if !about.is_empty() {
                        { " " }{ fill(&ui.situation_note_about, &[("option", &about.join(", "))]) }
                    }
                    <br /><PatientText text={note.text.get(lang).to_string()} />
                    <br /><CertaintyBadge certainty={note.certainty} />
                    <span class="avn-cite">{ " " }{ cites(kb, &note.sources) }</span>
                </li>
            }
        })
        .collect();
    html! {
        <section class="avn-situations">
            <details open={!ticked.is_empty()}>
                <summary>{ &ui.situation_heading }</summary>
                <p class="avn-note">{ &ui.situation_intro }</p>
                <ul class="avn-situation-list">{ for boxes }</ul>
            </details>
            if !notes.is_empty() {
                <h2>{ &ui.situation_notes_heading }</h2>
                <ul class="avn-situation-notes">{ for notes }</ul>
            }
        </section>
    }
}
