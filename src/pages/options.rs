//! The options for a stage, grouped by how often doctors offer them at this stage for this
//! joint: usually, sometimes, not usually. Watch and wait is always among them.

use crate::aid::{stage_name, use_aid};
use crate::components::back::Back;
use crate::components::compare_bar::CompareBar;
use crate::components::decide_nav::DecideNav;
use crate::components::option_card::OptionCard;
use avn_kb::{fill, Offered, StageId};
use yew::prelude::*;

/// Props: the stage.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// The stage the options are for.
    pub stage: StageId,
}

/// Three groups of option cards, and the compare bar.
#[component]
pub fn OptionsPage(props: &Props) -> Html {
    let Some((aid, kb, ui)) = use_aid() else {
        return Html::default();
    };
    let Some((system, stage)) = kb.stage(&props.stage) else {
        return Html::default();
    };
    let lang = &aid.lang;
    let stage_name = stage_name(ui, lang, system, &stage.code);
    let groups = [
        (Offered::Usually, &ui.group_usually),
        (Offered::Sometimes, &ui.group_sometimes),
        (Offered::NotUsually, &ui.group_not_usually),
    ]
    .into_iter()
    .map(|(offered, heading)| {
        let cards: Vec<Html> = kb
            .options
            .iter()
            .filter(|o| o.offered_at(&system.joint, stage.phase) == Some(offered))
            .map(|o| {
                html! {
                    <li key={o.id.as_str().to_string()}>
                        <OptionCard option={o.id.clone()} stage={stage.id.clone()} />
                    </li>
                }
            })
            .collect();
        if cards.is_empty() {
            return Html::default();
        }
        html! {
            <section class="avn-offer-group">
                <h2>{ heading }</h2>
                <ul class="avn-cards">{ for cards }</ul>
            </section>
        }
    });
    html! {
        <>
            <Back />
            <h1 tabindex="-1">{ fill(&ui.options_for_stage, &[("stage", &stage_name)]) }</h1>
            <p>{ &ui.options_intro }</p>
            <CompareBar stage={stage.id.clone()} />
            { for groups }
            <CompareBar stage={stage.id.clone()} />
            <p class="avn-doctor">{ &ui.see_doctor }</p>
            <DecideNav />
        </>
    }
}
