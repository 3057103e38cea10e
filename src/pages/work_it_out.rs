//! "Help me work it out": plain questions about the scan report, each with "I don't know";
//! the stages that fit the answers so far, in every system of the joint, and which answers
//! decided it. The result is derived from the answers on every render, never stored.

use crate::aid::use_aid;
use crate::components::back::Back;
use crate::components::page_heading::PageHeading;
use crate::components::stage_button::StageButton;
use crate::components::status_line::StatusLine;
use crate::place::{Action, FoundBy};
use avn_kb::{fill, questions_for, work_out, Answers, JointId};
use yew::prelude::*;

/// Props: the joint.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// The joint the report is about.
    pub joint: JointId,
}

/// The questions, then what the answers fit.
#[component]
pub fn WorkItOutPage(props: &Props) -> Html {
    let (aid, kb, ui) = use_aid();
    let lang = &aid.lang;
    let finder = &kb.finder;
    let answers = aid
        .place
        .answers
        .clone()
        .unwrap_or_else(|| Answers::new(finder));
    let asked = questions_for(kb, &props.joint);
    let total = asked.len().to_string();
    let questions = asked.iter().enumerate().map(|(n, &q)| {
        let question = &finder.questions[q];
        let choices = question.choices.iter().enumerate().map(|(c, choice)| {
            let mut next = answers.clone();
            next.set(q, Some(c as u8));
            html! {
                <label class="avn-radio" key={c}>
                    <input type="radio" name={format!("avn-q-{}", question.id)}
                        checked={answers.get(q) == Some(c as u8)}
                        onchange={aid.send(Action::Answered(next))} />
                    { " " }{ choice.label(lang, ui) }
                </label>
            }
        });
        html! {
            <fieldset class="avn-question" key={question.id.clone()}>
                <legend>
                    <span class="avn-question-count">{ fill(&ui.finder_question_count, &[
                        ("n", &(n + 1).to_string()), ("total", &total)]) }</span>
                    { question.text.get(lang) }
                </legend>
                if let Some(help) = &question.help {
                    <p class="avn-note">{ &ui.finder_help_label }{ ": " }{ help.get(lang) }</p>
                }
                { for choices }
            </fieldset>
        }
    });

    let outcome = work_out(kb, &props.joint, &answers);
    let answered = asked.iter().any(|&q| answers.get(q).is_some());
    let line = |fit: &avn_kb::SystemFit| {
        let name = fit.system.name.get(lang);
        match (fit.exact(), fit.range()) {
            (Some(stage), _) => fill(
                &ui.finder_fits_stage,
                &[("system", name), ("stage", &stage.code)],
            ),
            (None, Some((low, high))) => fill(
                &ui.finder_fits_range,
                &[("system", name), ("low", &low.code), ("high", &high.code)],
            ),
            _ => fill(&ui.finder_fits_none, &[("system", name)]),
        }
    };
    let systems = outcome.systems.iter().map(|fit| {
        let name = fit.system.name.get(lang);
        let line = line(fit);
        html! {
            <section key={fit.system.id.as_str().to_string()} class="avn-fit">
                <h3>{ name }</h3>
                <p>{ line }</p>
                { for fit.modifiers.iter().map(|m| html! {
                    <p>{ fill(&ui.finder_subtype, &[("code", &m.code)]) }{ " " }{ m.meaning.get(lang) }</p>
                }) }
                <ul class="avn-choices">{ for fit.stages.iter().map(|s| html! {
                    <li key={s.id.as_str().to_string()}><StageButton stage={s.id.clone()} found_by={FoundBy::WorkedOut} /></li>
                }) }</ul>
            </section>
        }
    });
    let said = |q: usize| {
        let question = &finder.questions[q];
        let answer = answers
            .get(q)
            .and_then(|c| question.choices.get(c as usize))
            .map_or("", |c| c.label(lang, ui));
        fill(
            &ui.finder_because_item,
            &[("answer", answer), ("question", question.text.get(lang))],
        )
    };
    let because = outcome.decided_by.all();
    // The first system's result, said once after each answer.
    let status = outcome
        .systems
        .first()
        .filter(|_| answered)
        .map(line)
        .unwrap_or_default();
    html! {
        <>
            <Back />
            <PageHeading>{ &ui.finder_heading }</PageHeading>
            <p>{ &ui.finder_intro }</p>
            if asked.is_empty() {
                <p class="avn-notice">{ &ui.finder_not_available }</p>
            }
            <form class="avn-questions" onsubmit={|e: SubmitEvent| e.prevent_default()}>
                { for questions }
            </form>
            <StatusLine text={status} />
            <section class="avn-result">
                <h2>{ &ui.finder_result_heading }</h2>
                if !answered {
                    <p>{ &ui.finder_no_answers }</p>
                }
                if !outcome.conflict.is_empty() {
                    <p class="avn-notice">{ &ui.finder_conflict }</p>
                    <ul>{ for outcome.conflict.iter().map(|&q| html! { <li>{ said(q) }</li> }) }</ul>
                }
                if !because.is_empty() {
                    <p>{ &ui.finder_because }</p>
                    <ul>{ for because.iter().map(|&q| html! { <li>{ said(q) }</li> }) }</ul>
                }
                if !outcome.unsure.is_empty() && answered {
                    <p>{ &ui.finder_unsure }</p>
                    <ul>{ for outcome.unsure.iter().map(|&q| html! {
                        <li>{ finder.questions[q].text.get(lang) }</li>
                    }) }</ul>
                }
                { for systems }
                <p class="avn-doctor">{ &ui.finder_ask_doctor }</p>
            </section>
        </>
    }
}
