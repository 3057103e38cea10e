//! A stage's view: what it means, what scans show, before or after collapse, the honest answer
//! on whether it can get better, the same stage in the joint's other systems, and what tends
//! to happen if nothing is done, with pictures of 100 people.

use crate::aid::use_aid;
use crate::components::back::Back;
use crate::components::certainty::CertaintyBadge;
use crate::components::decide_nav::DecideNav;
use crate::components::figure_view::FigureView;
use crate::components::page_heading::PageHeading;
use crate::components::patient_text::PatientText;
use crate::components::situation_notes::SituationNotes;
use crate::components::source_list::SourceList;
use crate::components::stage_questions::StageQuestions;
use crate::components::warning_signs::WarningSigns;
use crate::place::View;
use avn_kb::{fill, Match, StageId};
use yew::prelude::*;

/// Props: the stage.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// The stage to show.
    pub stage: StageId,
}

/// One stage, in plain words.
#[component]
pub fn StagePage(props: &Props) -> Html {
    let (aid, kb, ui) = use_aid();
    let Some((system, stage)) = kb.stage(&props.stage) else {
        return Html::default();
    };
    let lang = &aid.lang;
    let mut sources = system.sources.clone();
    sources.extend(stage.sources.iter().cloned());
    let translated = kb.translate(&stage.id);
    let has_other_systems = !translated.is_empty();
    let translations = translated.into_iter().map(|(other, matches)| {
        let text = if matches.is_empty() {
            fill(&ui.translation_none, &[("system", other.name.get(lang))])
        } else {
            let names: Vec<String> = matches
                .iter()
                .map(|(s, _)| ui.stage_name(lang, other, s))
                .collect();
            let exact = matches.len() == 1 && matches[0].1 == Match::Exact;
            let template = if exact {
                &ui.translation_exact
            } else {
                &ui.translation_partial
            };
            fill(template, &[("stages", &names.join(&ui.list_or))])
        };
        html! { <li key={other.id.as_str().to_string()}>{ text }</li> }
    });
    let figures = stage
        .figures
        .iter()
        .map(|f| html! { <FigureView figure={f.clone()} /> });
    html! {
        <>
            <Back />
            <PageHeading>{ ui.stage_name(lang, system, stage) }</PageHeading>
            <p class="avn-lead">{ stage.summary.get(lang) }</p>
            <dl class="avn-facts">
                <div>
                    <dt>{ &ui.group_label }</dt>
                    <dd>{ ui.phase(stage.phase) }</dd>
                </div>
                if let Some(collapse) = stage.collapse {
                    <div>
                        <dt>{ &ui.shape_label }</dt>
                        <dd>{ ui.collapse(collapse) }</dd>
                    </div>
                }
            </dl>
            <button type="button" class="avn-action" onclick={aid.open(View::Options(stage.id.clone()))}>
                { &ui.see_options }
            </button>
            <h2>{ &ui.meaning_heading }</h2>
            <p><PatientText text={stage.meaning.get(lang).to_string()} /></p>
            <h2>{ &ui.imaging_heading }</h2>
            <p><PatientText text={stage.imaging.get(lang).to_string()} /></p>
            <h2>{ &ui.reversibility_heading }</h2>
            <p><PatientText text={stage.reversibility.get(lang).to_string()} /></p>
            <p><CertaintyBadge certainty={stage.reversibility_certainty} /></p>
            <h2>{ &ui.natural_history_heading }</h2>
            if let Some(text) = &stage.natural_history {
                <p><PatientText text={text.get(lang).to_string()} /></p>
            }
            if stage.figures.is_empty() {
                <p class="avn-note">{ &ui.no_stage_figures }</p>
            } else {
                { for figures }
            }
            if has_other_systems {
                <h2>{ &ui.same_stage_heading }</h2>
                <p>{ &ui.same_stage_intro }</p>
                <ul>{ for translations }</ul>
            }
            <button type="button" class="avn-action" onclick={aid.open(View::Options(stage.id.clone()))}>
                { &ui.see_options }
            </button>
            <StageQuestions joint={system.joint.clone()} phase={stage.phase} />
            <SituationNotes joint={system.joint.clone()} phase={stage.phase} />
            <WarningSigns joint={system.joint.clone()} />
            <SourceList lang={lang.clone()} sources={sources} />
            <DecideNav />
        </>
    }
}
