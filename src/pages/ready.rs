//! Am I ready to decide: the four SURE questions, yes or no, and for each "no", what may help.
//! Never a judgement.

use crate::aid::use_aid;
use crate::components::back::Back;
use crate::components::decide_nav::DecideNav;
use crate::components::remember::Remember;
use crate::components::status_line::StatusLine;
use crate::decision::{
    sure_help, sure_question, sure_result, Action as DecisionAction, SURE_QUESTIONS,
};
use avn_kb::fill;
use yew::prelude::*;

/// The SURE questions and what the answers suggest.
#[component]
pub fn ReadyPage() -> Html {
    let (aid, _, ui) = use_aid();
    let questions = (0..SURE_QUESTIONS).map(|i| {
        let answer = aid.decision.sure(i);
        let choice = |yes: bool, label: &str| {
            html! {
                <label class="avn-radio">
                    <input type="radio" name={format!("avn-sure-{i}")} checked={answer == Some(yes)}
                        onchange={aid.decide(DecisionAction::AnsweredSure(i, yes))} />
                    { " " }{ label.to_string() }
                </label>
            }
        };
        html! {
            <fieldset class="avn-question" key={i}>
                <legend>{ sure_question(ui, i).unwrap_or_default() }</legend>
                <div class="avn-scale">
                    { choice(true, &ui.sure_yes) }
                    { choice(false, &ui.sure_no) }
                </div>
            </fieldset>
        }
    });
    let result = sure_result(&aid.decision);
    let answered = (0..SURE_QUESTIONS).any(|i| aid.decision.sure(i).is_some());
    html! {
        <>
            <Back />
            <h1 tabindex="-1">{ &ui.sure_heading }</h1>
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
                        <ul class="avn-help-list">{ for result.unmet.iter().map(|&i| html! {
                            <li>{ sure_help(ui, i).unwrap_or_default() }</li>
                        }) }</ul>
                    }
                }
            </section>
            <DecideNav />
            <Remember />
        </>
    }
}
