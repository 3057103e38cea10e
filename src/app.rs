//! The one view hub: resolves the checked configuration against the knowledge base, holds the
//! patient's place, frames every view, and moves focus to the new view's heading after each
//! step. Keep this module thin: views live in `pages/`, state changes in `place.rs`.

use crate::components::notice::Notice;
use crate::config::{Config, Problem};
use crate::content::kb;
use crate::pages::{joint::JointPage, stage::StagePage, start::StartPage};
use crate::place::{Action, Place, View};
use avn_kb::fill;
use avn_kb::{Kb, UiText};
use web_sys::HtmlElement;
use yew::prelude::*;

/// The host element's checked configuration.
#[derive(Clone, Debug, PartialEq, Properties)]
pub struct Props {
    /// What the hospital configured (see `config.rs`).
    #[prop_or_default]
    pub config: Config,
}

/// Shown if the embedded knowledge base cannot be read. It is the only text not in the
/// content files, because without them there is no other text to show.
const UNAVAILABLE: &str = "Sorry, this guide could not start. Please reload the page.";

/// The aid: one independent instance per host element.
#[component]
pub fn App(props: &Props) -> Html {
    let config = &props.config;
    let start_joint = kb().and_then(|kb| {
        let wanted = config.joint.as_deref()?;
        kb.joints
            .iter()
            .find(|j| j.id.as_str() == wanted)
            .map(|j| j.id.clone())
    });
    let place = use_reducer(|| Place::starting_at(start_joint));
    let on_action = {
        let dispatcher = place.dispatcher();
        use_callback(dispatcher, |action: Action, d| d.dispatch(action))
    };
    let view = place.view();
    let view_root = use_node_ref();
    use_focus_heading(&view, &view_root);
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
    let lang = kb.lang(&config.lang).unwrap_or(kb.default_lang()).clone();
    let ui = kb.ui(&lang);

    let page = match &view {
        View::Start => html! { <StartPage lang={lang.clone()} on_action={on_action.clone()} /> },
        View::Joint(joint) => html! {
            <JointPage lang={lang.clone()} joint={joint.clone()} on_action={on_action.clone()} />
        },
        View::Stage(_, stage) => html! {
            <StagePage lang={lang.clone()} stage={stage.clone()} on_action={on_action.clone()} />
        },
    };
    let start_over = (view != View::Start).then(|| {
        let on_action = on_action.clone();
        html! {
            <button type="button" class="avn-link-button"
                onclick={move |_| on_action.emit(Action::StartedOver)}>{ &ui.start_over }</button>
        }
    });
    let hospital = config.hospital.as_deref();
    let named = |plain: &str, with_name: &str| match hospital {
        Some(name) => fill(with_name, &[("hospital", name)]),
        None => plain.to_string(),
    };
    html! {
        <div class="avn-aid" lang={lang.as_str().to_string()}>
            { for config_notices(kb, ui, config).into_iter().map(|text| html! { <Notice {text} /> }) }
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
                { start_over }
                <p>{ fill(&ui.footer, &[
                    ("version", &kb.about.content_version),
                    ("reviewed", &kb.about.reviewed),
                ]) }</p>
                { test_panic_button() }
            </footer>
        </div>
    }
}

/// The patient-facing reason for each configuration value the aid did not use.
fn config_notices(kb: &Kb, ui: &UiText, config: &Config) -> Vec<String> {
    let mut notices: Vec<String> = config
        .problems
        .iter()
        .map(|problem| match problem {
            Problem::UnsafeContactUrl => ui.unsafe_contact_url.clone(),
            Problem::MalformedAccent | Problem::UnreadableAccent => ui.bad_accent.clone(),
        })
        .collect();
    if !config.lang.is_empty() && kb.lang(&config.lang).is_none() {
        notices.push(fill(&ui.unknown_language, &[("lang", &config.lang)]));
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

/// After the patient moves to another view (not on first load, which must not pull focus
/// inside a host page), focus the new view's heading so screen readers and keyboard users
/// start there.
#[hook]
fn use_focus_heading(view: &View, root: &NodeRef) {
    let first = use_mut_ref(|| true);
    let root = root.clone();
    use_effect_with(view.clone(), move |_| {
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            return;
        }
        let heading = root
            .cast::<HtmlElement>()
            .and_then(|r| r.query_selector("h1").ok().flatten())
            .and_then(|h| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(h).ok());
        if let Some(h) = heading {
            let _ = h.focus();
        }
    });
}
