//! "Explain my report": the patient pastes or types their scan report; the guide reads it with
//! the knowledge base's report decoder on every change, shows it back with the words it knows
//! marked (each opens its explanation), then says per side what the report says is there, not
//! there and unsure, and which stages fit. The text lives only in this view's own state: never
//! in the place, the URL, saved answers, the summary or any storage, and it is gone when the
//! patient leaves the view.

use crate::aid::use_aid;
use crate::components::back::Back;
use crate::components::mark_explain::MarkExplain;
use crate::components::page_heading::PageHeading;
use crate::components::report_input::ReportInput;
use crate::components::report_notes::ReportNotes;
use crate::components::report_side::ReportSide;
use crate::components::report_text::{ReportText, PANEL_ID};
use crate::components::status_line::StatusLine;
use crate::report_words::words;
use avn_kb::report::{decode, Reading, What, MAX_REPORT_CHARS};
use avn_kb::{fill, JointId};
use std::rc::Rc;
use yew::prelude::*;

/// Props: the joint.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// The joint the report is about.
    pub joint: JointId,
}

/// The box, the report read back, and what it says.
#[component]
pub fn ReportPage(props: &Props) -> Html {
    let (aid, kb, ui) = use_aid();
    let lang = aid.lang.clone();
    let text = use_state(AttrValue::default);
    let selected = use_state(|| None::<usize>);
    let status = use_state(String::new);
    let chars = text.chars().count();
    let reading: Rc<Option<Rc<Reading>>> = use_memo(
        ((*text).clone(), props.joint.clone(), lang.clone()),
        move |(text, joint, lang)| {
            let readable = !text.trim().is_empty() && text.chars().nth(MAX_REPORT_CHARS).is_none();
            readable.then(|| Rc::new(decode(kb, lang, joint, text)))
        },
    );
    let Some(joint) = kb.joint(&props.joint) else {
        return Html::default();
    };
    let on_change = {
        let (text, selected, status) = (text.clone(), selected.clone(), status.clone());
        let cleared = ui.report_cleared.clone();
        Callback::from(move |new: String| {
            status.set(if new.is_empty() {
                cleared.clone()
            } else {
                String::new()
            });
            selected.set(None);
            text.set(AttrValue::from(new));
        })
    };
    let on_select = {
        let (selected, status, reading, text) = (
            selected.clone(),
            status.clone(),
            reading.clone(),
            text.clone(),
        );
        let template = ui.report_explained_status.clone();
        Callback::from(move |i: usize| {
            let name = (*reading)
                .as_ref()
                .and_then(|r| r.marks.get(i))
                .and_then(|m| match &m.what {
                    What::Finding { finding, .. } => kb
                        .report
                        .finding(finding)
                        .map(|f| f.name.get(&lang).to_string()),
                    _ => words(&text, (m.start, m.end)).map(str::to_string),
                })
                .unwrap_or_default();
            status.set(fill(&template, &[("name", &name)]));
            selected.set(Some(i));
        })
    };
    let result = (*reading).as_ref().map(|reading| {
        let says_no_avn = reading.says_no_avn;
        let nothing = reading.marks.is_empty() && reading.sides.is_empty();
        html! {
            <>
                <section class="avn-report-back">
                    <h2>{ &ui.report_shown_heading }</h2>
                    if nothing {
                        <p class="avn-notice">{ &ui.report_nothing_found }</p>
                    } else {
                        <p class="avn-note">{ &ui.report_marks_help }</p>
                    }
                    <ReportText text={(*text).clone()} reading={reading.clone()}
                        selected={*selected} on_select={on_select.clone()} />
                </section>
                if !reading.marks.is_empty() {
                    <section id={PANEL_ID} class="avn-mark-panel" aria-labelledby="avn-mark-panel-heading">
                        <h2 id="avn-mark-panel-heading">{ &ui.report_panel_heading }</h2>
                        if let Some(mark) = *selected {
                            <MarkExplain text={(*text).clone()} reading={reading.clone()} {mark}
                                joint={props.joint.clone()} />
                        } else {
                            <p class="avn-note">{ &ui.report_panel_empty }</p>
                        }
                    </section>
                }
                if !nothing {
                    <section class="avn-result avn-report-result">
                        <h2>{ &ui.report_result_heading }</h2>
                        <ReportNotes text={(*text).clone()} reading={reading.clone()} />
                        <p class="avn-doctor">{ &ui.report_confirm }</p>
                    </section>
                    { for reading.sides.iter().enumerate().map(|(i, side)| html! {
                        <ReportSide key={i} text={(*text).clone()} side={side.clone()}
                            joint={props.joint.clone()} staged={!says_no_avn} />
                    }) }
                }
            </>
        }
    });
    html! {
        <>
            <Back />
            <PageHeading>{ &ui.report_heading }</PageHeading>
            <p class="avn-lead">{ fill(&ui.report_for, &[("joint", joint.title.get(&aid.lang))]) }</p>
            <p>{ &ui.report_intro }</p>
            <p class="avn-note avn-report-privacy">{ &ui.report_privacy }</p>
            <ReportInput text={(*text).clone()} {chars} {on_change} />
            <StatusLine text={(*status).clone()} />
            <div class="avn-report-results">{ for result }</div>
        </>
    }
}
