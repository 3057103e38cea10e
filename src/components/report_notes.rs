//! What else a report says, beyond its sides: that there is no sign of AVN, the other
//! conditions it names (which can look like AVN), what its history asks about (the scan's
//! question, not a finding), and stages it names without their system.

use crate::aid::use_aid;
use crate::components::report_quote::ReportQuote;
use crate::report_words::quote;
use avn_kb::fill;
use avn_kb::report::Reading;
use std::rc::Rc;
use yew::prelude::*;

/// Props: the text and what was read in it.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// The report's text.
    pub text: AttrValue,
    /// What the decoder read in it.
    pub reading: Rc<Reading>,
}

/// The notes, each only when the report gives reason for it.
#[component]
pub fn ReportNotes(props: &Props) -> Html {
    let (aid, kb, ui) = use_aid();
    let lang = &aid.lang;
    let reading = &props.reading;
    let mimics = reading
        .mimics
        .iter()
        .filter_map(|id| kb.report.finding(id))
        .map(|f| {
            html! {
                <li key={f.id.as_str().to_string()}>
                    <span class="avn-found-name">{ f.name.get(lang) }</span>
                    <span>{ f.explain.get(lang) }</span>
                    if let Some(not) = &f.not_meaning {
                        <span>{ &ui.report_not_meaning }{ ": " }{ not.get(lang) }</span>
                    }
                </li>
            }
        });
    let asked = reading.asked.iter().filter_map(|(id, range)| {
        let f = kb.report.finding(id)?;
        Some(html! {
            <li>
                <span class="avn-found-name">{ f.name.get(lang) }</span>
                <span class="avn-found-from">{ &ui.report_from }{ " " }
                    <ReportQuote text={props.text.clone()} ranges={vec![*range]} />
                </span>
            </li>
        })
    });
    let unnamed = reading.unnamed_stages.iter().filter_map(|(_, range)| {
        let words = quote(&props.text, *range)?;
        Some(html! { <p class="avn-notice">{ fill(&ui.report_unnamed_stage, &[("words", &words)]) }</p> })
    });
    html! {
        <>
            if reading.says_no_avn {
                <p class="avn-notice avn-report-no-avn">{ &ui.report_no_avn }</p>
            }
            if !reading.mimics.is_empty() {
                <section class="avn-found avn-report-mimics">
                    <h2>{ &ui.report_mimics_heading }</h2>
                    <p>{ &ui.report_mimics_intro }</p>
                    <ul>{ for mimics }</ul>
                </section>
            }
            if !reading.asked.is_empty() {
                <section class="avn-found avn-report-asked">
                    <h2>{ &ui.report_asked_heading }</h2>
                    <p>{ &ui.report_asked_intro }</p>
                    <ul>{ for asked }</ul>
                </section>
            }
            { for unnamed }
        </>
    }
}
