//! Questions for my doctor: suggested from the stage and the options the patient looked at;
//! the patient ticks, removes, brings back, and adds their own.

use crate::aid::use_aid;
use crate::components::back::Back;
use crate::components::decide_nav::DecideNav;
use crate::components::page_heading::PageHeading;
use crate::components::remember::Remember;
use crate::components::status_line::StatusLine;
use crate::decision::{
    questions_for, Action as DecisionAction, QuestionProblem, MAX_OWN_QUESTIONS, MAX_QUESTION_CHARS,
};
use crate::focus::use_focus_after_removal;
use crate::place::Place;
use avn_kb::{fill, Kb, LangId, OptionId};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The editable list.
#[component]
pub fn QuestionsPage() -> Html {
    let new_question = use_node_ref();
    // Why the last question was not added, or that it was: said next to the box.
    let problem = use_state_eq(|| None::<QuestionProblem>);
    let status = use_state_eq(String::new);
    let list = use_node_ref();
    let removing = use_focus_after_removal(list.clone(), "li button.avn-link-button");
    let (aid, kb, ui) = use_aid();
    let questions = aid.decision.questions(suggested(kb, &aid.lang, &aid.place));
    let items = questions.iter().enumerate().map(|(at, q)| {
        let remove = {
            let (removing, status, decide) = (removing.clone(), status.clone(), aid.decide.clone());
            let (key, said) = (
                q.key.clone(),
                fill(&ui.removed_status, &[("name", &q.text)]),
            );
            Callback::from(move |_: MouseEvent| {
                removing.emit(at);
                status.set(said.clone());
                decide.emit(DecisionAction::RemovedQuestion(key.clone()));
            })
        };
        let tick = if q.ticked {
            DecisionAction::UntickedQuestion(q.key.clone())
        } else {
            DecisionAction::TickedQuestion(q.key.clone())
        };
        html! {
            <li key={q.key.clone()} class="avn-question-item">
                <label class="avn-tick">
                    <input type="checkbox" checked={q.ticked} onchange={aid.decide(tick)} />
                    { " " }{ &q.text }
                </label>
                <button type="button" class="avn-link-button"
                    aria-label={format!("{}: {}", ui.question_remove, q.text)}
                    onclick={remove}>
                    { &ui.question_remove }
                </button>
            </li>
        }
    });
    let on_add = {
        let (decide, input) = (aid.decide.clone(), new_question.clone());
        let (decision, problem, status) = (aid.decision.clone(), problem.clone(), status.clone());
        let added = ui.question_added.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(input) = input.cast::<HtmlInputElement>() else {
                return;
            };
            // Never lose what the patient typed: the text leaves the box only once it is on
            // the list.
            match decision.check_question(&input.value()) {
                Ok(text) => {
                    decide.emit(DecisionAction::AddedQuestion(text));
                    input.set_value("");
                    problem.set(None);
                    status.set(added.clone());
                }
                Err(why) => {
                    problem.set(Some(why));
                    status.set(String::new());
                    let _ = input.focus();
                }
            }
        })
    };
    let problem_text = problem.map(|why| match why {
        QuestionProblem::Empty => ui.question_empty.clone(),
        QuestionProblem::TooLong(n) => fill(
            &ui.question_too_long,
            &[
                ("n", &n.to_string()),
                ("max", &MAX_QUESTION_CHARS.to_string()),
            ],
        ),
        QuestionProblem::ListFull => fill(
            &ui.question_list_full,
            &[("max", &MAX_OWN_QUESTIONS.to_string())],
        ),
        QuestionProblem::AlreadyThere => ui.question_already_there.clone(),
    });
    html! {
        <>
            <Back />
            <PageHeading>{ &ui.questions_heading }</PageHeading>
            <p>{ &ui.questions_intro }</p>
            <ul class="avn-question-list" ref={list}>{ for items }</ul>
            if aid.decision.has_removed() {
                <button type="button" class="avn-link-button"
                    onclick={aid.decide(DecisionAction::RestoredQuestions)}>{ &ui.question_restore }</button>
            }
            <form class="avn-add-question" onsubmit={on_add}>
                <label for="avn-new-question">{ &ui.question_add_label }</label>
                <input id="avn-new-question" type="text" ref={new_question} autocomplete="off"
                    aria-invalid={problem_text.is_some().then_some("true")}
                    aria-describedby={problem_text.is_some().then_some("avn-new-question-problem")} />
                <button type="submit" class="avn-action">{ &ui.question_add_button }</button>
                if let Some(text) = problem_text {
                    <p id="avn-new-question-problem" class="avn-field-problem">{ text }</p>
                }
            </form>
            <StatusLine text={(*status).clone()} />
            <DecideNav />
            <Remember />
        </>
    }
}

/// The suggested questions for this patient: their stage, then the options they compared or
/// opened.
pub fn suggested(kb: &Kb, lang: &LangId, place: &Place) -> Vec<(String, String)> {
    let mut options: Vec<OptionId> = place.compared.clone();
    for o in &place.looked_at {
        if !options.contains(o) {
            options.push(o.clone());
        }
    }
    questions_for(kb, lang, place.stage.as_ref(), &options)
}
