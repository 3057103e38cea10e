//! The one view hub: resolves configuration, holds the patient's place, frames every view, and
//! moves focus to the new view's heading after each step. Keep this module thin: views live
//! in `pages/`, state changes in `place.rs`.

use crate::components::notice::Notice;
use crate::content::{fill, kb};
use crate::pages::{joint::JointPage, stage::StagePage, start::StartPage};
use crate::place::{Action, Place, View};
use web_sys::HtmlElement;
use yew::prelude::*;

/// Configuration read from the host element's `data-*` attributes.
#[derive(Clone, Debug, PartialEq, Properties)]
pub struct Props {
    /// `data-lang`: the language code asked for (empty for the default).
    #[prop_or_default]
    pub lang: AttrValue,
}

/// Shown if the embedded knowledge base cannot be read. It is the only text not in the
/// content files, because without them there is no other text to show.
const UNAVAILABLE: &str = "Sorry, this guide could not start. Please reload the page.";

/// The aid: one independent instance per host element.
#[component]
pub fn App(props: &Props) -> Html {
    let place = use_reducer(Place::default);
    let on_action = {
        let dispatcher = place.dispatcher();
        use_callback(dispatcher, |action: Action, d| d.dispatch(action))
    };
    let view = place.view();
    let view_root = use_node_ref();
    use_focus_heading(&view, &view_root);

    let Some(kb) = kb() else {
        return html! { <div class="avn-aid" role="alert"><p>{ UNAVAILABLE }</p></div> };
    };
    let (lang, unknown_lang) = match kb.lang(&props.lang) {
        Some(lang) => (lang.clone(), None),
        None if props.lang.is_empty() => (kb.default_lang().clone(), None),
        None => (kb.default_lang().clone(), Some(props.lang.to_string())),
    };
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
    html! {
        <div class="avn-aid" lang={lang.as_str().to_string()}>
            if let Some(code) = unknown_lang {
                <Notice text={fill(&ui.unknown_language, &[("lang", &code)])} />
            }
            <div class="avn-view" ref={view_root}>{ page }</div>
            <footer class="avn-footer">
                { start_over }
                <p>{ fill(&ui.footer, &[
                    ("version", &kb.about.content_version),
                    ("reviewed", &kb.about.reviewed),
                ]) }</p>
            </footer>
        </div>
    }
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
            .and_then(|r| r.query_selector("h1").ok().flatten());
        if let Some(h) = heading.and_then(|h| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(h).ok())
        {
            let _ = h.focus();
        }
    });
}
