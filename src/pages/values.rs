//! What matters to me: the patient rates the trade-offs that differ between options, and sees,
//! option by option, where each does well or badly on what they rated high, and why (derived
//! from the knowledge base's figures by `avn_kb::fit`). No ranking and no verdict.

use crate::aid::use_aid;
use crate::components::back::Back;
use crate::components::decide_nav::DecideNav;
use crate::components::page_heading::PageHeading;
use crate::components::remember::Remember;
use crate::components::status_line::StatusLine;
use crate::decision::considered_options;
use crate::decision::{Action as DecisionAction, MAX_RATING};
use crate::place::View;
use avn_kb::fit::{fit, FitLevel};
use avn_kb::{fill, OptionId, Value};
use yew::prelude::*;

/// Ratings that count as "matters to me" for the fit list: a lot, or most.
const RATED_HIGH: u8 = 3;

/// The ratings, then the fit of each option on what matters most.
#[component]
pub fn ValuesPage() -> Html {
    let (aid, kb, ui) = use_aid();
    let lang = &aid.lang;
    let ratings = Value::ALL.into_iter().map(|value| {
        let current = aid.decision.rating(value);
        let choices = (0..=MAX_RATING).map(|r| {
            html! {
                <label class="avn-radio" key={r}>
                    <input type="radio" name={format!("avn-value-{}", value as u8)}
                        checked={current == Some(r)}
                        onchange={aid.decide(DecisionAction::Rated(value, r))} />
                    { " " }{ ui.rating(Some(r)) }
                </label>
            }
        });
        html! {
            <fieldset class="avn-question avn-rating" key={value as u8}>
                <legend>{ ui.value(value) }</legend>
                <div class="avn-scale">{ for choices }</div>
            </fieldset>
        }
    });

    let stage = aid.place.stage.as_ref().and_then(|s| kb.stage(s));
    let considered: Vec<OptionId> = considered_options(&aid.place, kb);
    let mut high: Vec<(Value, u8)> = aid
        .decision
        .ratings()
        .into_iter()
        .filter(|(_, r)| *r >= RATED_HIGH)
        .collect();
    high.sort_by_key(|(_, r)| std::cmp::Reverse(*r));
    let fits =
        stage.map(|(system, stage)| {
            let cards = considered.iter().filter_map(|id| kb.option(id)).map(|option| {
            let rows = high.iter().map(|&(value, rating)| {
                let fit = fit(option, &system.joint, stage.phase, value);
                html! {
                    <li class={classes!("avn-fit-row", fit_class(fit.level))}>
                        <strong>{ ui.fit_level(fit.level) }</strong>{ ": " }{ ui.value(value) }
                        <span class="avn-note">{ " (" }{ ui.rating(Some(rating)) }{ ")" }</span>
                        <br />{ ui.reason(&fit.because) }
                    </li>
                }
            });
            html! {
                <article class="avn-card" key={option.id.as_str().to_string()}>
                    <h3>{ option.name.get(lang) }</h3>
                    <ul class="avn-fit-list">{ for rows }</ul>
                    <button type="button" class="avn-link-button"
                        onclick={aid.open(View::Option(stage.id.clone(), option.id.clone()))}>
                        { fill(&ui.more_about, &[("option", option.name.get(lang))]) }
                    </button>
                </article>
            }
        });
            html! { <>{ for cards }</> }
        });
    let status = if stage.is_some() && !high.is_empty() {
        fill(
            &ui.fit_status,
            &[
                ("options", &considered.len().to_string()),
                ("values", &high.len().to_string()),
            ],
        )
    } else {
        String::new()
    };
    html! {
        <>
            <Back />
            <PageHeading>{ &ui.values_heading }</PageHeading>
            <p>{ &ui.values_intro }</p>
            <form onsubmit={|e: SubmitEvent| e.prevent_default()}>{ for ratings }</form>
            <StatusLine text={status} />
            <section class="avn-result">
                <h2>{ &ui.fit_heading }</h2>
                <p>{ &ui.fit_intro }</p>
                if stage.is_none() {
                    <p class="avn-notice">{ &ui.decide_needs_stage }</p>
                } else if high.is_empty() {
                    <p class="avn-note">{ &ui.fit_needs_ratings }</p>
                } else {
                    <p class="avn-note">{ if aid.place.compared.is_empty() { &ui.fit_usual_options } else { &ui.fit_compared_options } }</p>
                    { fits.unwrap_or_default() }
                }
            </section>
            <DecideNav />
            <Remember />
        </>
    }
}

/// The CSS class of a fit level (shape and words carry the meaning; colour only helps).
fn fit_class(level: FitLevel) -> &'static str {
    match level {
        FitLevel::Good => "avn-fit-good",
        FitLevel::Mixed => "avn-fit-mixed",
        FitLevel::Poor => "avn-fit-poor",
        FitLevel::Unknown => "avn-fit-unknown",
    }
}
