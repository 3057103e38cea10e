//! A stage's view: what it means, what scans show, before or after collapse, and the honest
//! answer on whether it can get better, with its certainty and sources.

use crate::components::source_list::SourceList;
use crate::content::kb;
use crate::place::Action;
use avn_kb::fill;
use avn_kb::{LangId, StageId};
use yew::prelude::*;

/// Props: language, the stage, and where the patient's choices go.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// Interface language.
    pub lang: LangId,
    /// The stage to show.
    pub stage: StageId,
    /// Receives the patient's choices.
    pub on_action: Callback<Action>,
}

/// One stage, in plain words.
#[component]
pub fn StagePage(props: &Props) -> Html {
    let Some(kb) = kb() else {
        return Html::default();
    };
    let Some((system, stage)) = kb.stage(&props.stage) else {
        return Html::default();
    };
    let lang = &props.lang;
    let ui = kb.ui(lang);
    let back = {
        let on_action = props.on_action.clone();
        move |_| on_action.emit(Action::WentBack)
    };
    let mut sources = system.sources.clone();
    sources.extend(
        stage
            .sources
            .iter()
            .filter(|s| !system.sources.contains(s))
            .cloned(),
    );
    html! {
        <>
            <button type="button" class="avn-link-button" onclick={back}>{ &ui.back }</button>
            <h1 tabindex="-1">{ fill(&ui.stage_heading,
                &[("system", system.name.get(lang)), ("code", &stage.code)]) }</h1>
            <p class="avn-lead">{ stage.summary.get(lang) }</p>
            <dl class="avn-facts">
                <div>
                    <dt>{ &ui.group_label }</dt>
                    <dd>{ ui.phase(stage.phase) }</dd>
                </div>
                <div>
                    <dt>{ &ui.shape_label }</dt>
                    <dd>{ ui.collapse(stage.collapse) }</dd>
                </div>
            </dl>
            <h2>{ &ui.meaning_heading }</h2>
            <p>{ stage.meaning.get(lang) }</p>
            <h2>{ &ui.imaging_heading }</h2>
            <p>{ stage.imaging.get(lang) }</p>
            <h2>{ &ui.reversibility_heading }</h2>
            <p>{ stage.reversibility.get(lang) }</p>
            <p class="avn-certainty">
                { &ui.certainty_label }{ " " }
                <strong>{ ui.certainty(stage.reversibility_certainty) }</strong>
            </p>
            <p class="avn-doctor">{ &ui.see_doctor }</p>
            <SourceList lang={lang.clone()} sources={sources} />
        </>
    }
}
