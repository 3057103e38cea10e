//! What a report says about one side: what it says is there, what it says is not there, what it
//! is unsure about (with what its word of doubt means), each quoting the report's own words;
//! the measurements it gives; the stages it names; and which stages fit.

use crate::aid::use_aid;
use crate::components::report_quote::ReportQuote;
use crate::components::report_stages::ReportStages;
use crate::report_words::{measure_name, side_name, value};
use avn_kb::report::{Comparison, Found, SideReading, Status};
use avn_kb::{fill, JointId};
use yew::prelude::*;

/// Props: the text, the side and the joint.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// The report's text.
    pub text: AttrValue,
    /// What the report says about this side.
    pub side: SideReading,
    /// The joint the report is about.
    pub joint: JointId,
    /// Whether to show which stages fit (not when the report says there is no AVN).
    pub staged: bool,
}

/// One side of the report, read back.
#[component]
pub fn ReportSide(props: &Props) -> Html {
    let (aid, kb, ui) = use_aid();
    let lang = &aid.lang;
    let side = &props.side;
    let item = |f: &Found| {
        let Some(finding) = kb.report.finding(&f.finding) else {
            return Html::default();
        };
        let hedge = match f.status {
            Status::Uncertain(h) => kb.report.hedge(h),
            _ => None,
        };
        html! {
            <li key={f.finding.as_str().to_string()}>
                <span class="avn-found-name">{ finding.name.get(lang) }</span>
                if let Some(h) = hedge { <span class="avn-found-hedge">{ h.meaning.get(lang) }</span> }
                <span class="avn-found-from">{ &ui.report_from }{ " " }
                    <ReportQuote text={props.text.clone()} ranges={f.quotes.clone()} />
                </span>
            </li>
        }
    };
    let list = |heading: &str, class: &'static str, pick: fn(Status) -> bool| {
        let found: Vec<&Found> = side.with(pick).collect();
        if found.is_empty() {
            return Html::default();
        }
        html! {
            <section class={classes!("avn-found", class)}>
                <h3>{ heading }</h3>
                <ul>{ for found.into_iter().map(item) }</ul>
            </section>
        }
    };
    let change = side.change.map(|c| match c {
        Comparison::Unchanged => &ui.report_change_unchanged,
        Comparison::Progressed => &ui.report_change_progressed,
        Comparison::Improved => &ui.report_change_improved,
    });
    // The same value given twice (findings and impression) is one item with both quotes.
    let mut given: Vec<(String, Vec<(usize, usize)>)> = Vec::new();
    for m in &side.measurements {
        let line = format!("{}: {}", measure_name(kb, lang, m.measure), value(ui, m));
        match given.iter_mut().find(|(l, _)| *l == line) {
            Some((_, quotes)) => quotes.push(m.quote),
            None => given.push((line, vec![m.quote])),
        }
    }
    let measurements = given.into_iter().map(|(line, ranges)| {
        html! {
            <li>
                <span class="avn-found-name">{ line }</span>
                <span class="avn-found-from">{ &ui.report_from }{ " " }
                    <ReportQuote text={props.text.clone()} {ranges} />
                </span>
            </li>
        }
    });
    let named = side.named.iter().map(|n| {
        let mut names: Vec<String> = n
            .stages
            .iter()
            .filter_map(|s| kb.stage(s))
            .map(|(sys, st)| ui.stage_name(lang, sys, st))
            .collect();
        if let (true, Some(code), Some(sys)) = (names.is_empty(), &n.modifier, kb.system(&n.system))
        {
            names.push(fill(
                &ui.report_named_subtype,
                &[("system", sys.name.get(lang)), ("code", code)],
            ));
        }
        html! {
            <li>
                <span class="avn-found-name">{ names.join(", ") }
                    if n.hedged { { " " }{ &ui.report_named_hedged } }
                </span>
                <span class="avn-found-from">{ &ui.report_from }{ " " }
                    <ReportQuote text={props.text.clone()} ranges={vec![n.quote]} />
                </span>
            </li>
        }
    });
    html! {
        <section class="avn-report-side">
            <h2>{ side_name(kb, ui, lang, &props.joint, side.side) }</h2>
            if side.normal { <p>{ &ui.report_side_normal }</p> }
            if let Some(change) = change { <p>{ change }</p> }
            { list(&ui.report_present_heading, "avn-found-present", |s| s == Status::Present) }
            { list(&ui.report_absent_heading, "avn-found-absent", |s| s == Status::Absent) }
            { list(&ui.report_unsure_heading, "avn-found-unsure", |s| matches!(s, Status::Uncertain(_))) }
            if !side.measurements.is_empty() {
                <section class="avn-found">
                    <h3>{ &ui.report_measurements_heading }</h3>
                    <ul>{ for measurements }</ul>
                </section>
            }
            if !side.named.is_empty() {
                <section class="avn-found">
                    <h3>{ &ui.report_named_heading }</h3>
                    <ul>{ for named }</ul>
                </section>
            }
            if props.staged {
                <ReportStages text={props.text.clone()} side={side.clone()} />
            }
        </section>
    }
}
