//! The one view hub: resolves the checked configuration against the knowledge base, holds the
//! patient's place, shares it with every view, keeps it in the URL fragment when the aid has a
//! page of its own, frames every view, and moves focus to the new view's heading after each
//! step. Keep this module thin: views live in `pages/`, state changes in `place.rs`.

use crate::after_paint::after_paint;
use crate::aid::{Aid, ReturnSpot};
use crate::components::language_choice::LanguageChoice;
use crate::components::notice::Notice;
use crate::config::{Config, Problem};
use crate::content::kb;
use crate::decision::{Decision, SavedProblem};
use crate::pages::{
    compare::ComparePage, joint::JointPage, no_stage::NoStagePage, option::OptionPage,
    options::OptionsPage, questions::QuestionsPage, ready::ReadyPage, reference::ReferencePage,
    report::ReportPage, stage::StagePage, start::StartPage, summary::SummaryPage,
    system::SystemPage, term::TermPage, values::ValuesPage, work_it_out::WorkItOutPage,
};
use crate::place::{Action, Place, Reference, Step, View};
use crate::saved;
use avn_kb::fill;
use avn_kb::{Kb, UiText};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// The host element's checked configuration.
#[derive(Clone, Debug, PartialEq, Properties)]
pub struct Props {
    /// What the hospital configured (see `config.rs`).
    #[prop_or_default]
    pub config: Config,
    /// How many language packs had arrived or failed when the host last updated the aid (a new
    /// one draws it again, in place, keeping the patient's place and answers).
    #[prop_or_default]
    pub packs: usize,
}

/// Shown if the embedded knowledge base cannot be read. It is the only text not in the
/// content files, because without them there is no other text to show.
const UNAVAILABLE: &str = "Sorry, this guide could not start. Please reload the page.";

/// The aid: one independent instance per host element.
#[component]
pub fn App(props: &Props) -> Html {
    let config = &props.config;
    let opening = use_memo((), {
        let config = config.clone();
        move |_| opening(&config)
    });
    let place = use_reducer({
        let place = opening.place.clone();
        move || place
    });
    let act = {
        let dispatcher = place.dispatcher();
        use_callback(dispatcher, |action: Action, d| d.dispatch(action))
    };
    let decision = use_reducer({
        let decision = opening.decision.clone();
        move || decision
    });
    let decide = {
        let dispatcher = decision.dispatcher();
        use_callback(dispatcher, |action, d| d.dispatch(action))
    };
    let remembered = use_state_eq(|| opening.remembered);
    let remember = {
        let remembered = remembered.clone();
        use_callback((), move |on: bool, _| {
            if !on {
                saved::remove();
            }
            remembered.set(on);
        })
    };
    use_remember(*remembered, &decision, &place);
    // The language: the host's `data-lang` until the patient chooses another.
    let requested = use_state_eq(|| config.lang.clone());
    let choose_language = {
        let requested = requested.clone();
        use_callback((), move |lang: avn_kb::LangId, _| {
            crate::packs::request(&lang);
            requested.set(lang.as_str().to_string());
        })
    };
    let view_root = use_node_ref();
    let return_point = use_memo((), |_| ReturnSpot::default());
    use_focus_heading(&place.view, &view_root, &return_point);
    use_view_title(config.place_in_url, &requested, &place.view, &view_root);
    let unreadable_link = use_state_eq(|| opening.unreadable_link);
    use_place_in_url(config.place_in_url, &place, &act, &unreadable_link);
    // The first view is rendered and its buttons respond: the benchmark's "interactive" point
    // (a standard performance mark, which a hospital's own monitoring can read too).
    use_effect_with((), |_| {
        if let Some(performance) = gloo::utils::window().performance() {
            let _ = performance.mark("avn-aid:first-view");
        }
    });

    let Some(kb) = kb() else {
        return html! { <div class="avn-aid" role="alert"><p>{ UNAVAILABLE }</p></div> };
    };
    let lang = kb.lang(&requested).unwrap_or(kb.default_lang()).clone();
    let ui = kb.ui(&lang);
    let aid = Aid {
        lang: lang.clone(),
        place: Rc::new((*place).clone()),
        act: act.clone(),
        decision: Rc::new((*decision).clone()),
        decide,
        remembered: *remembered,
        remember,
        return_point: (*return_point).clone(),
        packs: crate::packs::settled(),
        choose_language,
    };

    let page = match place.view.clone() {
        View::Start => html! { <StartPage /> },
        View::Joint(joint) => html! { <JointPage {joint} /> },
        View::System(system) => html! { <SystemPage {system} /> },
        View::WorkItOut(joint) => html! { <WorkItOutPage {joint} /> },
        View::NoStage(joint) => html! { <NoStagePage {joint} /> },
        View::Report(joint) => html! { <ReportPage {joint} /> },
        View::Stage(stage) => html! { <StagePage {stage} /> },
        View::Options(stage) => html! { <OptionsPage {stage} /> },
        View::Option(stage, option) => html! { <OptionPage {stage} {option} /> },
        View::Compare(stage) => html! { <ComparePage {stage} /> },
        View::Reference(page) => html! { <ReferencePage {page} /> },
        View::Term(term) => html! { <TermPage {term} /> },
        View::Decide(Step::Values) => html! { <ValuesPage /> },
        View::Decide(Step::Ready) => html! { <ReadyPage /> },
        View::Decide(Step::Questions) => html! { <QuestionsPage /> },
        View::Decide(Step::Summary) => html! { <SummaryPage /> },
    };
    let on_summary = place.view == View::Decide(Step::Summary);
    let mut notices = config_notices(kb, ui, config, &requested);
    if *unreadable_link {
        notices.push(ui.unreadable_link.clone());
    }
    match opening.saved_problem {
        Some(SavedProblem::OldVersion) => notices.push(ui.saved_old_version.clone()),
        Some(SavedProblem::Unreadable) => notices.push(ui.saved_unreadable.clone()),
        None => {}
    }
    let hospital = config.hospital.as_deref();
    let named = |plain: &str, with_name: &str| match hospital {
        Some(name) => fill(with_name, &[("hospital", name)]),
        None => plain.to_string(),
    };
    let more = Reference::ALL.into_iter().map(|page| {
        html! {
            <li>
                <button type="button" class="avn-link-button" onclick={aid.open(View::Reference(page))}>
                    { reference_title(ui, page) }
                </button>
            </li>
        }
    });
    html! {
        <ContextProvider<Aid> context={aid.clone()}>
            <section class={classes!("avn-aid", on_summary.then_some("avn-on-summary"))} lang={lang.as_str().to_string()}
                aria-label={ui.app_title.clone()}>
                { for notices.into_iter().map(|text| html! { <Notice {text} /> }) }
                <div class="avn-view" ref={view_root}>{ page }</div>
                <footer class="avn-footer">
                    if let Some(href) = config.contact_url.clone() {
                        <p><a class="avn-contact" {href}>
                            { named(&ui.talk_to_specialist, &ui.talk_to_specialist_named) }
                        </a></p>
                    }
                    if let Some(note) = &config.disclaimer {
                        <section class="avn-hospital-note">
                            <h2>{ named(&ui.hospital_note, &ui.hospital_note_named) }</h2>
                            <p>{ note }</p>
                        </section>
                    }
                    <LanguageChoice />
                    <nav class="avn-more" aria-label={ui.more_heading.clone()}>
                        <h2>{ &ui.more_heading }</h2>
                        <ul>{ for more }</ul>
                    </nav>
                    if place.view != View::Start {
                        <button type="button" class="avn-link-button"
                            onclick={aid.send(Action::StartedOver)}>{ &ui.start_over }</button>
                    }
                    <p>{ fill(&ui.footer, &[
                        ("version", &kb.about.content_version),
                        ("reviewed", &kb.about.reviewed),
            ("next_review", &kb.about.next_review),
                    ]) }</p>
                    { test_panic_button() }
                </footer>
            </section>
        </ContextProvider<Aid>>
    }
}

/// The title of a reference page, as in its heading.
pub fn reference_title(ui: &UiText, page: Reference) -> &str {
    match page {
        Reference::Symptoms => &ui.symptoms_title,
        Reference::RiskFactors => &ui.risk_factors_heading,
        Reference::Glossary => &ui.glossary_heading,
        Reference::Faq => &ui.faq_heading,
        Reference::Sources => &ui.all_sources_title,
        Reference::About => &ui.about_title,
    }
}

/// How the aid opens.
#[derive(Clone, Debug, Default, PartialEq)]
struct Opening {
    /// Where the patient starts.
    place: Place,
    /// The URL fragment could not be read, so the patient is told why they are at the start.
    unreadable_link: bool,
    /// Answers kept on this device, if the patient chose that earlier.
    decision: Decision,
    /// The patient chose earlier to keep answers on this device.
    remembered: bool,
    /// Kept answers that could not be opened (and were removed).
    saved_problem: Option<SavedProblem>,
}

/// Where the aid opens, with what: answers the patient chose to keep on this device (and the
/// place they were at, unless a link names one), else the place in the URL fragment when the
/// aid keeps its place there, else the hospital's joint or the start.
fn opening(config: &Config) -> Opening {
    let mut opening = Opening::default();
    if let Some(text) = saved::read() {
        let (answers, fragment) = text.split_once('\n').unwrap_or((&text, ""));
        match Decision::from_saved(answers) {
            Ok(decision) => {
                opening.decision = decision;
                opening.remembered = true;
                if let Some(kb) = kb() {
                    opening.place = read_fragment(kb, fragment).unwrap_or_default();
                }
            }
            Err(problem) => {
                saved::remove();
                opening.saved_problem = Some(problem);
            }
        }
    }
    let (place, unreadable_link) = first_place(config);
    if place != Place::default() || unreadable_link || !opening.remembered {
        opening.place = place;
    }
    opening.unreadable_link = unreadable_link;
    opening
}

/// The place in the URL fragment when the aid keeps its place there (a reload or a bookmark),
/// else the hospital's joint or the start; and whether the fragment could not be read.
fn first_place(config: &Config) -> (Place, bool) {
    let Some(kb) = kb() else {
        return (Place::default(), false);
    };
    let configured = || {
        let wanted = config.joint.as_deref()?;
        kb.joints
            .iter()
            .find(|j| j.id.as_str() == wanted)
            .map(|j| j.id.clone())
    };
    if config.place_in_url {
        let fragment = gloo::utils::window().location().hash().unwrap_or_default();
        if fragment.len() > 1 {
            return match read_fragment(kb, &fragment) {
                Ok(place) => (place, false),
                Err(()) => (Place::default(), true),
            };
        }
    }
    (Place::starting_at(configured()), false)
}

/// The place a fragment names, checked against the knowledge base.
fn read_fragment(kb: &Kb, fragment: &str) -> Result<Place, ()> {
    Place::from_fragment(fragment, kb).map_err(|_| ())
}

/// When the aid has the page to itself, each step becomes a browser history entry with the
/// place in the fragment (fragments are never sent to a server), and the browser's Back and
/// Forward buttons, or an edited address, bring the aid to the place they name.
#[hook]
fn use_place_in_url(
    enabled: bool,
    place: &Place,
    act: &Callback<Action>,
    unreadable_link: &UseStateHandle<bool>,
) {
    // A new view is a new history entry; a change within a view (a tick, an answer) only
    // updates the current entry, so Back goes to the previous view, not the previous tick.
    let last_view = use_mut_ref(|| place.view.clone());
    let fragment = place.to_fragment();
    let view = place.view.clone();
    use_effect_with(fragment, move |fragment| {
        let new_view = std::mem::replace(&mut *last_view.borrow_mut(), view.clone()) != view;
        if enabled {
            let wanted = format!("#{fragment}");
            let is_start = fragment == "v=start";
            // After the new view is on screen: a history write costs several milliseconds.
            after_paint(move || {
                let current = gloo::utils::window().location().hash().unwrap_or_default();
                if current == wanted || (is_start && current.len() <= 1) {
                    return;
                }
                if let Ok(history) = gloo::utils::window().history() {
                    let state = wasm_bindgen::JsValue::NULL;
                    let _ = if new_view {
                        history.push_state_with_url(&state, "", Some(&wanted))
                    } else {
                        history.replace_state_with_url(&state, "", Some(&wanted))
                    };
                }
            });
        }
    });
    let act = act.clone();
    let unreadable_link = unreadable_link.clone();
    use_effect_with(enabled, move |&enabled| {
        let listener = enabled.then(|| {
            gloo::events::EventListener::new(&gloo::utils::window(), "popstate", move |_| {
                let Some(kb) = kb() else {
                    return;
                };
                let fragment = gloo::utils::window().location().hash().unwrap_or_default();
                let read = read_fragment(kb, &fragment);
                unreadable_link.set(read.is_err());
                act.emit(Action::Restored(Rc::new(read.unwrap_or_default())));
            })
        });
        move || drop(listener)
    });
}

/// While the patient has ticked "remember", keep their answers and place on this device,
/// updated after every change. Nothing is written while the tick is off.
#[hook]
fn use_remember(remembered: bool, decision: &Decision, place: &Place) {
    let text = format!("{}\n{}", decision.to_saved(), place.to_fragment());
    use_effect_with((remembered, text), |(remembered, text)| {
        if *remembered {
            saved::write(text);
        }
    });
}

/// The patient-facing reason for each configuration value the aid did not use.
fn config_notices(kb: &Kb, ui: &UiText, config: &Config, requested: &str) -> Vec<String> {
    let mut notices: Vec<String> = config
        .problems
        .iter()
        .map(|problem| match problem {
            Problem::UnsafeContactUrl => ui.unsafe_contact_url.clone(),
            Problem::MalformedAccent => ui.accent_not_a_colour.clone(),
            Problem::UnreadableAccent => ui.bad_accent.clone(),
            Problem::UnknownKeepPlace => ui.unknown_keep_place.clone(),
            Problem::PlaceKeptByAnother => ui.place_kept_by_another.clone(),
        })
        .collect();
    match kb.lang(requested) {
        None if !requested.is_empty() => {
            notices.push(fill(&ui.unknown_language, &[("lang", requested)]));
        }
        Some(lang) if crate::packs::failed(lang) => {
            let name = kb
                .about
                .languages
                .iter()
                .find(|l| l.id == *lang)
                .map_or(requested, |l| l.name.as_str());
            notices.push(fill(&ui.language_pack_missing, &[("lang", name)]));
        }
        _ => {}
    }
    if let Some(joint) = &config.joint {
        if !kb.joints.iter().any(|j| j.id.as_str() == joint) {
            notices.push(fill(&ui.unknown_joint, &[("joint", joint)]));
        }
    }
    notices.dedup();
    notices
}

/// Only in the `test-panic` build: a button that panics, to prove the failure message.
fn test_panic_button() -> Html {
    #[cfg(feature = "test-panic")]
    return html! {
        <button type="button" onclick={|_| panic!("test panic")}>{ "Trigger a test failure" }</button>
    };
    #[cfg(not(feature = "test-panic"))]
    Html::default()
}

/// On a page of the aid's own, the browser tab and each history entry are named after the view:
/// "<view heading> – <guide name>", so entries can be told apart. Embedded, the host's title
/// is never touched.
#[hook]
fn use_view_title(enabled: bool, lang: &str, view: &View, root: &NodeRef) {
    let root = root.clone();
    let lang = lang.to_string();
    use_effect_with(view.clone(), move |_| {
        if !enabled {
            return;
        }
        let (Some(root), Some(kb)) = (root.cast::<HtmlElement>(), kb()) else {
            return;
        };
        let heading = root
            .query_selector("h1")
            .ok()
            .flatten()
            .and_then(|h| h.text_content())
            .unwrap_or_default();
        let name = &kb.ui(kb.lang(&lang).unwrap_or(kb.default_lang())).app_title;
        let title = if heading.is_empty() || heading == *name {
            name.clone()
        } else {
            format!("{heading} – {name}")
        };
        gloo::utils::document().set_title(&title);
    });
}

/// After the patient moves to another view (not on first load, which must not pull focus
/// inside a host page), focus the new view's heading so screen readers and keyboard users
/// start there; coming back from an explained word, return to where they were reading instead:
/// the same scroll position, with focus on the word they opened.
#[hook]
fn use_focus_heading(view: &View, root: &NodeRef, return_point: &ReturnSpot) {
    let first = use_mut_ref(|| true);
    let root = root.clone();
    let return_point = return_point.clone();
    use_effect_with(view.clone(), move |view| {
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            return;
        }
        let Some(element) = root.cast::<HtmlElement>() else {
            return;
        };
        // Back at the reading spot at once, so the patient never sees the page jump.
        let back = return_point.0.borrow_mut().take_if(|p| &p.from == view);
        if let Some(point) = back {
            let word = element
                .query_selector_all(".avn-term")
                .ok()
                .and_then(|words| words.item(point.word as u32))
                .and_then(|w| w.dyn_into::<HtmlElement>().ok());
            if let Some(word) = word {
                let _ = word.focus();
                gloo::utils::window().scroll_to_with_x_and_y(0.0, point.scroll_y);
                return;
            }
        }
        if !matches!(view, View::Term(_)) {
            *return_point.0.borrow_mut() = None;
        }
        // The heading after the new view is on screen: moving focus forces a layout, which
        // would otherwise delay the view's first paint.
        after_paint(move || {
            let heading = root
                .cast::<HtmlElement>()
                .and_then(|r| r.query_selector("h1").ok().flatten())
                .and_then(|h| h.dyn_into::<HtmlElement>().ok());
            if let Some(h) = heading {
                let _ = h.focus();
            }
        });
    });
}
