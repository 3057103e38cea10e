//! One option in full: what it involves, benefits, harms, living with it, how often it is
//! offered at this stage, the outcome figures as pictures of 100 people, and sources.

use crate::aid::use_aid;
use crate::components::back::Back;
use crate::components::certainty::CertaintyBadge;
use crate::components::compare_tick::CompareTick;
use crate::components::decide_nav::DecideNav;
use crate::components::figure_view::FigureView;
use crate::components::page_heading::PageHeading;
use crate::components::patient_text::{marked_terms, PatientText};
use crate::components::situation_notes::SituationNotes;
use crate::components::source_list::SourceList;
use crate::components::warning_signs::WarningSigns;
use avn_kb::{OptionId, StageId};
use yew::prelude::*;

/// Props: the stage it is shown for, and the option.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// The stage the patient is looking at.
    pub stage: StageId,
    /// The option.
    pub option: OptionId,
}

/// The option's page.
#[component]
pub fn OptionPage(props: &Props) -> Html {
    let (aid, kb, ui) = use_aid();
    let (Some((system, stage)), Some(option)) = (kb.stage(&props.stage), kb.option(&props.option))
    else {
        return Html::default();
    };
    let lang = &aid.lang;
    let offered = option
        .offered_at(&system.joint, stage.phase)
        .map(|o| ui.offered(o));
    let texts = option.texts(Some(&system.joint), Some(stage.phase));
    // In reading order, each explained word is a button the first time only.
    let order = [
        texts.involves,
        texts.benefits,
        texts.harms,
        texts.living_with,
    ];
    let section = |heading: &str, text: &avn_kb::Text| {
        let at = order.iter().position(|t| *t == text).unwrap_or(0);
        let exclude = marked_terms(order[..at].iter().map(|t| t.get(lang)), lang);
        html! {
            <>
                <h2>{ heading }</h2>
                <p><PatientText text={text.get(lang).to_string()} {exclude} /></p>
            </>
        }
    };
    // Figures about this joint first; then the rest (other joints, or not joint-specific).
    let mut figures: Vec<_> = option.figures.iter().collect();
    figures.sort_by_key(|f| f.joint.as_ref() != Some(&system.joint));
    html! {
        <>
            <Back />
            <PageHeading>{ option.name.get(lang) }</PageHeading>
            <p class="avn-lead">{ texts.summary.get(lang) }</p>
            <dl class="avn-facts">
                if let Some(offered) = offered {
                    <div>
                        <dt>{ &ui.offered_heading }</dt>
                        <dd>{ offered }</dd>
                    </div>
                }
                <div>
                    <dt>{ &ui.disease_course_label }</dt>
                    <dd><CertaintyBadge certainty={option.disease_course_certainty} bare=true /></dd>
                </div>
            </dl>
            if option.comfort_only {
                <p class="avn-note">{ &ui.comfort_only }</p>
            }
            <CompareTick option={option.id.clone()} />
            { section(&ui.involves_heading, texts.involves) }
            <div class="avn-two">
                <section class="avn-benefits">{ section(&ui.benefits_heading, texts.benefits) }</section>
                <section class="avn-harms">{ section(&ui.harms_heading, texts.harms) }</section>
            </div>
            { section(&ui.living_with_heading, texts.living_with) }
            <h2>{ &ui.figures_heading }</h2>
            if figures.is_empty() {
                <p class="avn-note">{ &ui.no_option_figures }</p>
            } else {
                { for figures.into_iter().map(|f| html! { <FigureView figure={f.clone()} /> }) }
            }
            <SituationNotes joint={system.joint.clone()} phase={stage.phase} options={vec![option.id.clone()]} />
            <WarningSigns joint={system.joint.clone()} options={vec![option.id.clone()]} />
            <SourceList lang={lang.clone()} sources={option.sources.clone()} />
            <DecideNav />
        </>
    }
}
