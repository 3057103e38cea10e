//! The chosen options side by side, Option-Grid style: rows are the questions patients ask,
//! columns are the options. Figure rows show pictures of 100 people over one time span per
//! row; a figure known only over another span is given in words, never drawn beside them.

use crate::aid::use_aid;
use crate::components::back::Back;
use crate::components::certainty::CertaintyBadge;
use crate::components::decide_nav::DecideNav;
use crate::components::figure_view::{figure_sentence, IconLegend};
use crate::components::icon_array::IconArray;
use crate::components::page_heading::PageHeading;
use crate::components::status_line::StatusLine;
use crate::components::warning_signs::WarningSigns;
use crate::focus::use_focus_after_removal;
use crate::place::Action;
use avn_kb::{fill, Cell, Figure, OptionTexts, StageId, Text, TreatmentOption};
use yew::prelude::*;

/// Props: the stage the comparison is for.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// The stage.
    pub stage: StageId,
}

/// The comparison table.
#[component]
pub fn ComparePage(props: &Props) -> Html {
    let table = use_node_ref();
    let removing = use_focus_after_removal(table.clone(), "button.avn-remove");
    let status = use_state_eq(String::new);
    let (aid, kb, ui) = use_aid();
    let Some((system, stage)) = kb.stage(&props.stage) else {
        return Html::default();
    };
    let lang = &aid.lang;
    let options: Vec<&TreatmentOption> = aid
        .place
        .compared
        .iter()
        .filter_map(|id| kb.option(id))
        .collect();
    let stage_name = ui.stage_name(lang, system, stage);
    let head = options.iter().enumerate().map(|(at, o)| {
        let remove = {
            let (removing, status, act) = (removing.clone(), status.clone(), aid.act.clone());
            let (id, said) = (
                o.id.clone(),
                fill(&ui.removed_status, &[("name", o.name.get(lang))]),
            );
            Callback::from(move |_: MouseEvent| {
                removing.emit(at);
                status.set(said.clone());
                act.emit(Action::ToggledCompared(id.clone()));
            })
        };
        html! {
            <th scope="col" key={o.id.as_str().to_string()}>
                <span class="avn-col-name">{ o.name.get(lang) }</span>
                <button type="button" class="avn-link-button avn-remove"
                    aria-label={format!("{}: {}", ui.compare_remove, o.name.get(lang))}
                    onclick={remove}>
                    { &ui.compare_remove }
                </button>
            </th>
        }
    });
    // Each cell repeats its option's name for narrow screens, where rows stack.
    let cell = |o: &TreatmentOption, body: Html| {
        html! {
            <td key={o.id.as_str().to_string()}>
                <span class="avn-cell-name">{ o.name.get(lang) }</span>
                { body }
            </td>
        }
    };
    let text_row = |question: &str, text: &dyn Fn(OptionTexts) -> &Text| {
        let cells = options.iter().map(|o| {
            let texts = o.texts(Some(&system.joint), Some(stage.phase));
            cell(o, html! { <p>{ text(texts).get(lang) }</p> })
        });
        html! {
            <tr>
                <th scope="row">{ question }</th>
                { for cells }
            </tr>
        }
    };
    let picture = |f: &Figure, other_stage: bool| {
        let sentence = figure_sentence(ui, lang, f);
        let stages: Vec<String> = kb
            .figure_stages(f)
            .map(|(system, stage)| ui.stage_name(lang, system, stage))
            .collect();
        html! {
            <>
                <IconArray count={f.per_100} high={f.high} />
                <p class="avn-figure-main">{ &sentence }</p>
                <IconLegend count={f.per_100} high={f.high} />
                <p class="avn-note">{ &ui.figure_group }{ " " }{ f.group.get(lang) }</p>
                if other_stage {
                    <p class="avn-other-stage">{ fill(&ui.figure_other_stage, &[("stages", &stages.join(&ui.list_or))]) }</p>
                }
                <p><CertaintyBadge certainty={f.certainty} /></p>
            </>
        }
    };
    let figure_rows = kb
        .compare(&system.joint, stage, &aid.place.compared)
        .into_iter()
        .map(|row| {
            let span = ui.span(row.years);
            let cells = options.iter().zip(row.cells).map(|(o, c)| {
                let body = match c {
                    Cell::Figure(f) => picture(f, false),
                    Cell::FromOtherStage(f) => picture(f, true),
                    Cell::OtherHorizon(f) => html! {
                        <p class="avn-note">{ fill(&ui.compare_other_horizon, &[
                            ("time", &ui.span(f.years)),
                            ("count", &f.per_100.to_string()),
                        ]) }{ " " }{ f.outcome.get(lang) }{ "." }</p>
                    },
                    Cell::NoFigure => html! { <p class="avn-note">{ &ui.compare_no_figure }</p> },
                    Cell::NotApplicable => html! { <p>{ &ui.compare_not_applicable }</p> },
                };
                cell(o, body)
            });
            html! {
                <tr class="avn-figure-row">
                    <th scope="row">{ fill(ui.measure(row.measure), &[("time", &span)]) }</th>
                    { for cells }
                </tr>
            }
        });
    let offered = options.iter().map(|o| {
        let label = o
            .offered_at(&system.joint, stage.phase)
            .map_or("", |offered| ui.offered(offered));
        cell(o, html! { <p>{ label }</p> })
    });
    let certainty = options.iter().map(|o| {
        cell(
            o,
            html! { <p><CertaintyBadge certainty={o.disease_course_certainty} bare=true /></p> },
        )
    });
    html! {
        <>
            <Back />
            <PageHeading>{ fill(&ui.compare_title, &[("stage", &stage_name)]) }</PageHeading>
            <p>{ &ui.compare_intro }</p>
            if options.len() < 2 {
                <p class="avn-notice">{ &ui.compare_hint }</p>
            }
            <StatusLine text={(*status).clone()} />
            <div class="avn-grid-wrap" ref={table}>
                <table class="avn-grid">
                    <caption class="avn-visually-hidden">{ fill(&ui.compare_title, &[("stage", &stage_name)]) }</caption>
                    <thead><tr><td></td>{ for head }</tr></thead>
                    <tbody>
                        { text_row(&ui.row_what_is_it, &|t| t.summary) }
                        { text_row(&ui.row_involves, &|t| t.involves) }
                        { text_row(&ui.row_recovery, &|t| t.living_with) }
                        { text_row(&ui.row_benefits, &|t| t.benefits) }
                        { text_row(&ui.row_risks, &|t| t.harms) }
                        { for figure_rows }
                        <tr><th scope="row">{ &ui.row_certainty }</th>{ for certainty }</tr>
                        <tr><th scope="row">{ &ui.offered_heading }</th>{ for offered }</tr>
                    </tbody>
                </table>
            </div>
            <WarningSigns joint={system.joint.clone()} options={aid.place.compared.clone()} />
            <DecideNav />
        </>
    }
}
