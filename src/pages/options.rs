//! The options for a stage, decision first: the choices the patient decides between (watch and
//! wait always among them), grouped by how often doctors offer them for this joint at this
//! stage; then the care that goes with any choice. A glossary word is a button where the page
//! first uses it.

use crate::aid::use_aid;
use crate::components::back::Back;
use crate::components::compare_bar::CompareBar;
use crate::components::decide_nav::DecideNav;
use crate::components::option_card::OptionCard;
use crate::components::page_heading::PageHeading;
use crate::components::patient_text::marked_terms;
use crate::components::situation_notes::SituationNotes;
use crate::components::stage_questions::StageQuestions;
use crate::components::warning_signs::WarningSigns;
use avn_kb::{fill, Offered, Role, StageId};
use yew::prelude::*;

/// Props: the stage.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// The stage the options are for.
    pub stage: StageId,
}

/// The choices, the care that goes with any of them, and the compare bar.
#[component]
pub fn OptionsPage(props: &Props) -> Html {
    let (aid, kb, ui) = use_aid();
    let Some((system, stage)) = kb.stage(&props.stage) else {
        return Html::default();
    };
    let lang = &aid.lang;
    let stage_name = ui.stage_name(lang, system, stage);
    let offered: Vec<_> = kb
        .options
        .iter()
        .filter(|o| o.offered_at(&system.joint, stage.phase).is_some())
        .map(|o| o.id.clone())
        .collect();
    // Each glossary word is a button at its first use on the page, plain text after it.
    let explained = std::cell::RefCell::new(Vec::new());
    let section = |role: Role| {
        [
            (Offered::Usually, &ui.group_usually),
            (Offered::Sometimes, &ui.group_sometimes),
            (Offered::NotUsually, &ui.group_not_usually),
        ]
        .into_iter()
        .map(|(offered, heading)| {
            let cards: Vec<Html> = kb
                .offered_here(&system.joint, stage.phase, role)
                .filter(|(_, at)| *at == offered)
                .map(|(o, _)| {
                    let before = explained.borrow().clone();
                    let texts = o.texts(Some(&system.joint), Some(stage.phase));
                    for term in marked_terms([texts.benefits.get(lang), texts.harms.get(lang)], lang) {
                        if !before.contains(&term) {
                            explained.borrow_mut().push(term);
                        }
                    }
                    html! {
                        <li key={o.id.as_str().to_string()}>
                            <OptionCard option={o.id.clone()} stage={stage.id.clone()} explained={before} />
                        </li>
                    }
                })
                .collect();
            if cards.is_empty() {
                return Html::default();
            }
            html! {
                <section class="avn-offer-group">
                    <h3>{ heading }</h3>
                    <ul class="avn-cards">{ for cards }</ul>
                </section>
            }
        })
        .collect::<Html>()
    };
    html! {
        <>
            <Back />
            <PageHeading>{ fill(&ui.options_for_stage, &[("stage", &stage_name)]) }</PageHeading>
            <p>{ &ui.options_intro }</p>
            <CompareBar stage={stage.id.clone()} />
            <section class="avn-decision-choices">
                <h2>{ &ui.choices_heading }</h2>
                <p>{ &ui.choices_intro }</p>
                { section(Role::Alternative) }
            </section>
            <section class="avn-with-any">
                <h2>{ &ui.with_any_heading }</h2>
                <p>{ &ui.with_any_intro }</p>
                { section(Role::CareWithAnyChoice) }
            </section>
            <CompareBar stage={stage.id.clone()} announces={false} />
            <StageQuestions joint={system.joint.clone()} phase={stage.phase} />
            <SituationNotes joint={system.joint.clone()} phase={stage.phase} options={offered} />
            <WarningSigns joint={system.joint.clone()} />
            <DecideNav />
        </>
    }
}
