//! Questions for my doctor: suggested from the stage and the options the patient looked at;
//! the patient ticks, removes, brings back, and adds their own.

use crate::aid::use_aid;
use crate::components::back::Back;
use crate::components::decide_nav::DecideNav;
use crate::components::remember::Remember;
use crate::decision::{questions_for, Action as DecisionAction, MAX_QUESTION_CHARS};
use crate::place::Place;
use avn_kb::{Kb, LangId, OptionId};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The editable list.
#[component]
pub fn QuestionsPage() -> Html {
    let new_question = use_node_ref();
    let Some((aid, kb, ui)) = use_aid() else {
        return Html::default();
    };
    let questions = aid.decision.questions(suggested(kb, &aid.lang, &aid.place));
    let items = questions.iter().map(|q| {
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
                    onclick={aid.decide(DecisionAction::RemovedQuestion(q.key.clone()))}>
                    { &ui.question_remove }
                </button>
            </li>
        }
    });
    let on_add = {
        let (decide, input) = (aid.decide.clone(), new_question.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(input) = input.cast::<HtmlInputElement>() {
                decide.emit(DecisionAction::AddedQuestion(input.value()));
                input.set_value("");
            }
        })
    };
    html! {
        <>
            <Back />
            <h1 tabindex="-1">{ &ui.questions_heading }</h1>
            <p>{ &ui.questions_intro }</p>
            <ul class="avn-question-list">{ for items }</ul>
            if aid.decision.has_removed() {
                <button type="button" class="avn-link-button"
                    onclick={aid.decide(DecisionAction::RestoredQuestions)}>{ &ui.question_restore }</button>
            }
            <form class="avn-add-question" onsubmit={on_add}>
                <label for="avn-new-question">{ &ui.question_add_label }</label>
                <input id="avn-new-question" type="text" ref={new_question}
                    maxlength={MAX_QUESTION_CHARS.to_string()} autocomplete="off" />
                <button type="submit" class="avn-action">{ &ui.question_add_button }</button>
            </form>
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
