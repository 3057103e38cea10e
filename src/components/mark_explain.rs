//! The explanation of one marked phrase of the report: for a finding, its name, what the report
//! says of it here, its plain explanation, what it does not mean and its glossary word; for a
//! word of doubt, its one fixed meaning; for a number, what it measures; for a stage, which
//! stages it names.

use crate::aid::use_aid;
use crate::place::View;
use crate::report_words::{measure_name, side_name, value, words};
use avn_kb::report::{Reading, Status, What};
use avn_kb::{fill, JointId};
use std::rc::Rc;
use yew::prelude::*;

/// Props: the text, what was read in it, the mark and the joint.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// The report's text.
    pub text: AttrValue,
    /// What the decoder read in it.
    pub reading: Rc<Reading>,
    /// The mark to explain (an index into `reading.marks`).
    pub mark: usize,
    /// The joint the report is about.
    pub joint: JointId,
}

/// One mark, explained.
#[component]
pub fn MarkExplain(props: &Props) -> Html {
    let (aid, kb, ui) = use_aid();
    let lang = &aid.lang;
    let Some(mark) = props.reading.marks.get(props.mark) else {
        return Html::default();
    };
    let range = (mark.start, mark.end);
    let said = words(&props.text, range).unwrap_or_default();
    let guide = &kb.report;
    match &mark.what {
        What::Finding {
            finding,
            status,
            side,
            asked,
        } => {
            let Some(found) = guide.finding(finding) else {
                return Html::default();
            };
            let says = if *asked {
                &ui.report_says_asked
            } else {
                match status {
                    Status::Present => &ui.report_says_present,
                    Status::Absent => &ui.report_says_absent,
                    Status::Uncertain(_) => &ui.report_says_unsure,
                }
            };
            let hedge = match status {
                Status::Uncertain(h) if !asked => guide.hedge(*h),
                _ => None,
            };
            let term = found.term.as_ref().and_then(|t| kb.term(t));
            let where_ = side_name(kb, ui, lang, &props.joint, Some(*side));
            html! {
                <>
                    <h3>{ found.name.get(lang) }</h3>
                    <p class="avn-report-says"><strong>{ says }</strong>
                        if !asked { { " " }{ fill(&ui.report_says_where, &[("side", &where_)]) } }
                    </p>
                    if let Some(hedge) = hedge { <p>{ hedge.meaning.get(lang) }</p> }
                    <p>{ found.explain.get(lang) }</p>
                    if let Some(not) = &found.not_meaning {
                        <h4>{ &ui.report_not_meaning }</h4>
                        <p>{ not.get(lang) }</p>
                    }
                    if let Some(term) = term {
                        <p><button type="button" class="avn-link-button" onclick={aid.open(View::Term(term.id.clone()))}>
                            { fill(&ui.report_term_link, &[("term", term.term.get(lang))]) }
                        </button></p>
                    }
                </>
            }
        }
        What::Hedge(hedge) => html! {
            <>
                <h3>{ fill(&ui.report_hedge_heading, &[("words", said)]) }</h3>
                if let Some(h) = guide.hedge(*hedge) { <p>{ h.meaning.get(lang) }</p> }
            </>
        },
        What::Measurement(measure) => {
            let given = props
                .reading
                .sides
                .iter()
                .flat_map(|s| &s.measurements)
                .find(|m| m.quote == range)
                .map(|m| value(ui, m))
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| said.to_string());
            html! {
                <>
                    <h3>{ measure_name(kb, lang, *measure) }</h3>
                    <p class="avn-report-says">{ fill(&ui.report_measure_given, &[("value", &given)]) }</p>
                    if let Some(m) = guide.measurement(*measure) { <p>{ m.explain.get(lang) }</p> }
                </>
            }
        }
        What::Stage => {
            let named = props
                .reading
                .sides
                .iter()
                .flat_map(|s| &s.named)
                .find(|n| n.quote == range);
            let names: Vec<String> = named
                .map(|n| {
                    let stages = n.stages.iter().filter_map(|s| kb.stage(s));
                    let mut names: Vec<String> = stages
                        .map(|(sys, st)| ui.stage_name(lang, sys, st))
                        .collect();
                    if let (true, Some(code), Some(sys)) =
                        (names.is_empty(), &n.modifier, kb.system(&n.system))
                    {
                        names.push(fill(
                            &ui.report_named_subtype,
                            &[("system", sys.name.get(lang)), ("code", code)],
                        ));
                    }
                    names
                })
                .unwrap_or_default();
            html! {
                <>
                    <h3>{ fill(&ui.report_stage_heading, &[("words", said)]) }</h3>
                    if names.is_empty() {
                        <p>{ &ui.report_stage_unknown }</p>
                    } else {
                        <p class="avn-report-says">{ fill(&ui.report_stage_names, &[("stages", &names.join(", "))]) }</p>
                        <p>{ &ui.report_stage_see_below }</p>
                    }
                </>
            }
        }
    }
}
