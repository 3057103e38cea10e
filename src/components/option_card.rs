//! An option as a card: what it is, benefits and harms in the same layout and detail, the
//! evidence certainty, a link to its page, and a box to tick it for comparing.

use crate::aid::use_aid;
use crate::components::certainty::CertaintyBadge;
use crate::components::compare_tick::CompareTick;
use crate::components::patient_text::{marked_terms, PatientText};
use crate::place::View;
use avn_kb::{fill, OptionId, StageId, TermId};
use yew::prelude::*;

/// Props: the option, the stage it is shown for, and the words cards above it explained.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// The option.
    pub option: OptionId,
    /// The stage the patient is looking at.
    pub stage: StageId,
    /// Glossary words already marked higher up the view: plain text here, so a page of 35
    /// cards does not make "AVN" 35 Tab stops.
    #[prop_or_default]
    pub explained: Vec<TermId>,
}

/// One option's card.
#[component]
pub fn OptionCard(props: &Props) -> Html {
    let (aid, kb, ui) = use_aid();
    let (Some(option), Some((system, stage))) = (kb.option(&props.option), kb.stage(&props.stage))
    else {
        return Html::default();
    };
    let lang = &aid.lang;
    let name = option.name.get(lang);
    let texts = option.texts(Some(&system.joint), Some(stage.phase));
    html! {
        <article class="avn-card">
            <h3>{ name }</h3>
            <p>{ texts.summary.get(lang) }</p>
            <div class="avn-two">
                <section class="avn-benefits">
                    <h4>{ &ui.benefits_heading }</h4>
                    <p><PatientText text={texts.benefits.get(lang).to_string()}
                        exclude={props.explained.clone()} /></p>
                </section>
                <section class="avn-harms">
                    <h4>{ &ui.harms_heading }</h4>
                    <p><PatientText text={texts.harms.get(lang).to_string()}
                        exclude={[props.explained.clone(), marked_terms([texts.benefits.get(lang)], lang)].concat()} /></p>
                </section>
            </div>
            <p>
                { &ui.disease_course_label }{ " " }
                <CertaintyBadge certainty={option.disease_course_certainty} bare=true />
            </p>
            if option.comfort_only {
                <p class="avn-note">{ &ui.comfort_only }</p>
            }
            <div class="avn-card-actions">
                <button type="button" class="avn-link-button"
                    onclick={aid.open(View::Option(props.stage.clone(), option.id.clone()))}>
                    { fill(&ui.more_about, &[("option", name)]) }
                </button>
                <CompareTick option={option.id.clone()} />
            </div>
        </article>
    }
}
