//! My summary: the joint and stage and how it was found, the options considered with their key
//! figures and certainty, what matters to me, the SURE result, my questions, and the aid's
//! version, review date and sources. It prints cleanly and saves as an HTML file made in the
//! browser from the same rendered summary (nothing is uploaded).

use crate::aid::use_aid;
use crate::components::back::Back;
use crate::components::decide_nav::DecideNav;
use crate::components::figure_view::figure_sentence;
use crate::components::page_heading::PageHeading;
use crate::components::remember::Remember;
use crate::components::source_list::SourceList;
use crate::decision::considered_options;
use crate::decision::sure_result;
use crate::pages::questions::suggested;
use crate::place::FoundBy;
use avn_kb::{fill, Role, SourceId};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// The summary page.
#[component]
pub fn SummaryPage() -> Html {
    let summary = use_node_ref();
    let (aid, kb, ui) = use_aid();
    let lang = &aid.lang;
    let place = &aid.place;
    let mut sources: Vec<SourceId> = Vec::new();
    let stage = place.stage.as_ref().and_then(|s| kb.stage(s));
    let stage_part = match stage {
        Some((system, stage)) => {
            let joint = kb.joint(&system.joint).map_or("", |j| j.name.get(lang));
            let found = match place.found_by {
                Some(FoundBy::Report) => &ui.summary_found_report,
                Some(FoundBy::WorkedOut) => &ui.summary_found_worked_out,
                Some(FoundBy::Explained) => &ui.summary_found_explained,
                Some(FoundBy::Overview) | None => &ui.summary_found_overview,
            };
            html! {
                <>
                    <p><strong>{ joint }{ ": " }{ ui.stage_name(lang, system, stage) }</strong></p>
                    <p>{ stage.summary.get(lang) }</p>
                    <p>{ found }</p>
                </>
            }
        }
        None => html! { <p>{ &ui.summary_no_stage }</p> },
    };
    // The choices weighed, apart from the care that goes with any of them.
    let considered: Vec<_> = considered_options(place, kb)
        .iter()
        .filter_map(|id| kb.option(id))
        .collect();
    let mut list = |role: Role| {
        let (system, stage) = stage?;
        let items: Vec<Html> = considered
            .iter()
            .filter(|o| o.role_for(&system.joint) == role)
            .map(|o| {
                let texts = o.texts(Some(&system.joint), Some(stage.phase));
                let figures: Vec<_> = kb
                    .figures_for(&o.id, &system.joint, stage.phase)
                    .filter(|f| f.measure.is_some())
                    .take(3)
                    .collect();
                sources.extend(figures.iter().flat_map(|f| f.sources.iter().cloned()));
                html! {
                    <li key={o.id.as_str().to_string()}>
                        <strong>{ o.name.get(lang) }</strong>{ ": " }{ texts.summary.get(lang) }
                        <br />{ &ui.disease_course_label }{ " " }{ ui.certainty(o.disease_course_certainty) }
                        if !figures.is_empty() {
                            <ul>{ for figures.iter().map(|f| html! {
                                <li>{ figure_sentence(ui, lang, f) }{ ". " }{ &ui.figure_group }{ " " }
                                    { f.group.get(lang) }{ " (" }{ ui.certainty(f.certainty) }{ ")" }</li>
                            }) }</ul>
                        }
                    </li>
                }
            })
            .collect();
        (!items.is_empty()).then(|| items.into_iter().collect::<Html>())
    };
    let options = list(Role::Alternative);
    let care = list(Role::CareWithAnyChoice);
    let ratings = aid.decision.ratings();
    let sure = sure_result(&aid.decision);
    let sure_answered = aid.decision.sure_begun();
    let questions = aid.decision.questions(suggested(kb, lang, place));
    let print = Callback::from(|_| {
        let _ = gloo::utils::window().print();
    });
    let save = {
        let (summary, title, lang) = (
            summary.clone(),
            ui.summary_heading.clone(),
            lang.to_string(),
        );
        let file = ui.summary_file_name.clone();
        Callback::from(move |_| {
            if let Some(node) = summary.cast::<HtmlElement>() {
                save_file(&file, &summary_document(&lang, &title, &node.inner_html()));
            }
        })
    };
    html! {
        <>
            <Back />
            <PageHeading>{ &ui.summary_heading }</PageHeading>
            <p class="avn-no-print">{ &ui.summary_intro }</p>
            <div class="avn-no-print avn-summary-actions">
                <button type="button" class="avn-action" onclick={print}>{ &ui.print_button }</button>
                <button type="button" class="avn-action" onclick={save}>{ &ui.save_file_button }</button>
            </div>
            <div class="avn-summary" ref={summary}>
                <h2>{ &ui.summary_stage_heading }</h2>
                { stage_part }
                <h2>{ &ui.summary_options_heading }</h2>
                { match options {
                    Some(list) => html! { <ul>{ list }</ul> },
                    None => html! { <p>{ &ui.summary_no_options }</p> },
                } }
                if let Some(care) = care {
                    <h2>{ &ui.summary_care_heading }</h2>
                    <ul>{ care }</ul>
                }
                <h2>{ &ui.values_heading }</h2>
                if ratings.is_empty() {
                    <p>{ &ui.summary_no_values }</p>
                } else {
                    <ul>{ for ratings.iter().map(|&(v, r)| html! {
                        <li>{ ui.value(v) }{ ": " }<strong>{ ui.rating(Some(r)) }</strong></li>
                    }) }</ul>
                }
                <h2>{ &ui.sure_heading }</h2>
                if sure_answered {
                    <p>{ fill(&ui.sure_score, &[("score", &sure.score.to_string())]) }</p>
                    <ul>{ for sure.unmet.iter().map(|q| html! { <li>{ q.help(ui) }</li> }) }</ul>
                } else {
                    <p>{ &ui.summary_no_sure }</p>
                }
                <h2>{ &ui.questions_heading }</h2>
                <ul class="avn-summary-questions">{ for questions.iter().map(|q| html! {
                    <li>{ if q.ticked { "☑ " } else { "☐ " } }{ &q.text }</li>
                }) }</ul>
                <p class="avn-doctor">{ &ui.not_a_diagnosis }</p>
                <p>{ fill(&ui.footer, &[("version", &kb.about.content_version), ("reviewed", &kb.about.reviewed), ("next_review", &kb.about.next_review)]) }</p>
                if !sources.is_empty() {
                    <SourceList lang={lang.clone()} {sources} />
                }
            </div>
            <DecideNav />
            <Remember />
        </>
    }
}

/// A whole HTML file around the rendered summary, readable offline with no script.
fn summary_document(lang: &str, title: &str, body: &str) -> String {
    let title = title.replace('&', "&amp;").replace('<', "&lt;");
    format!(
        "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><style>body{{font:1.05em/1.5 system-ui,sans-serif;\
         max-width:46em;margin:1em auto;padding:0 1em;color:#1d2329}}\
         h2{{margin-top:1.5em}}.avn-visually-hidden{{display:none}}</style></head>\
         <body><h1>{title}</h1>{body}</body></html>"
    )
}

/// Offers `contents` to the patient as a file download made in the browser.
fn save_file(name: &str, contents: &str) {
    let href = format!(
        "data:text/html;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(contents))
    );
    let Ok(link) = gloo::utils::document().create_element("a") else {
        return;
    };
    let _ = link.set_attribute("href", &href);
    let _ = link.set_attribute("download", name);
    if let Ok(link) = link.dyn_into::<HtmlElement>() {
        link.click();
    }
}
