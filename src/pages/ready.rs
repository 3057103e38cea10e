//! Am I ready to decide: the four SURE questions, yes or no, and for each "no", what may help.
//! Never a judgement.

use crate::aid::use_aid;
use crate::components::back::Back;
use crate::components::decide_nav::DecideNav;
use crate::components::page_heading::PageHeading;
use crate::components::remember::Remember;
use crate::components::status_line::StatusLine;
use crate::decision::{sure_result, Action as DecisionAction, SureQuestion};
use avn_kb::fill;
use yew::prelude::*;

/// The SURE questions and what the answers suggest.
#[component]
pub fn ReadyPage() -> Html {
    let (aid, _, ui) = use_aid();
    let questions = SureQuestion::ALL.into_iter().enumerate().map(|(i, question)| {
        let answer = aid.decision.sure(question);
        let choice = |yes: bool, label: &str| {
            html! {
                <label class="avn-radio">
                    <input type="radio" name={format!("avn-sure-{i}")} checked={answer == Some(yes)}
                        onchange={aid.decide(DecisionAction::AnsweredSure(question, yes))} />
                    { " " }{ label.to_string() }
                </label>
            }
        };
        html! {
            <fieldset class="avn-question" key={i}>
                <legend>{ question.text(ui) }</legend>
                <div class="avn-scale">
                    { choice(true, &ui.sure_yes) }
                    { choice(false, &ui.sure_no) }
                </div>
            </fieldset>
        }
    });
    let result = sure_result(&aid.decision);
    let answered = aid.decision.sure_begun();
    html! {
        <>
            <Back />
            <PageHeading>{ &ui.sure_heading }</PageHeading>
            <p>{ &ui.sure_intro }</p>
            <form onsubmit={|e: SubmitEvent| e.prevent_default()}>{ for questions }</form>
            <StatusLine text={if answered { fill(&ui.sure_score, &[("score", &result.score.to_string())]) } else { String::new() }} />
            <section class="avn-result">
                if answered {
                    <p><strong>{ fill(&ui.sure_score, &[("score", &result.score.to_string())]) }</strong></p>
                    if result.all_answered && result.unmet.is_empty() {
                        <p>{ &ui.sure_all_yes }</p>
                    }
                    if !result.unmet.is_empty() {
                        <p>{ &ui.sure_some_no }</p>
                        <ul class="avn-help-list">{ for result.unmet.iter().map(|q| html! {
                            <li>{ q.help(ui) }</li>
                        }) }</ul>
                    }
                }
            </section>
            <DecideNav />
            <Remember />
        </>
    }
}
