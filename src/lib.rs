//! The AVN decision aid as a Yew app: finding its host elements, reading and checking their
//! configuration, and mounting one independent instance on each, inside a shadow root so the
//! host page's styles and the aid's styles cannot reach each other.

mod after_paint;
mod aid;
mod app;
mod components;
pub mod config;
pub mod content;
pub mod decision;
mod focus;
mod packs;
mod pages;
pub mod place;
mod report_words;
mod saved;

pub use app::{App, Props};

use config::{Attributes, Config};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, Element, ShadowRootInit, ShadowRootMode};
use yew::AppHandle;

/// The attribute that marks an element the aid should fill.
pub const HOST_ATTRIBUTE: &str = "data-avn-aid";
/// The custom element that holds the aid (same settings, without `data-`).
pub const HOST_ELEMENT: &str = "avn-aid";
/// Events the script's `<avn-aid>` element sends: it was added to the page, or a setting changed.
const CONNECTED_EVENT: &str = "avn-aid-connected";
const CHANGED_EVENT: &str = "avn-aid-changed";
/// The aid's stylesheet (every file under `styles/`, joined by the build script).
const STYLES: &str = include_str!(concat!(env!("OUT_DIR"), "/styles.css"));
/// Used only if the knowledge base itself cannot be read.
const FALLBACK_FAILURE: &str = "Something went wrong in this guide. Please reload the page.";

/// One mounted aid: its host element, its root inside the shadow root, its failure message in
/// its language, and the running app. Kept in memory only: nothing is written on the host
/// element, so a copy of the page the browser saves ("Webpage, complete", MHTML) starts afresh.
struct Instance {
    host: Element,
    root: Element,
    failure: String,
    app: AppHandle<App>,
    /// It keeps the patient's place in the page's URL.
    keeps_place: bool,
    /// Its checked settings, to draw it again when a language pack arrives.
    config: Config,
}

thread_local! {
    static INSTANCES: RefCell<Vec<Instance>> = const { RefCell::new(Vec::new()) };
}

/// Mounts the aid now, or once the page has been parsed if a host placed the script before
/// its `<div data-avn-aid>`; then mounts each `<avn-aid>` or `<div data-avn-aid>` added later
/// (both announce themselves with the connected event), and applies changed settings.
pub fn start() {
    // A panic must leave a message in each widget's box, not a blank area; the host page's
    // own scripts are unaffected because the failure stays inside the aid's event handlers.
    yew::set_custom_panic_hook(Box::new(|info| {
        show_failure();
        web_sys::console::error_1(&format!("AVN guide: {info}").into());
    }));
    let document = gloo::utils::document();
    for (event, action) in [
        (CONNECTED_EVENT, Change::Added),
        (CHANGED_EVENT, Change::Settings),
    ] {
        gloo::events::EventListener::new(&document, event, move |e| {
            // The first node of the event's path, not its target: an element inside another
            // widget's shadow root reaches the document retargeted to that widget.
            if let Ok(host) = e.composed_path().get(0).dyn_into::<Element>() {
                on_element(host, action);
            }
        })
        .forget();
    }
    // A language pack arrived (or failed): every aid is drawn again, in place, so one showing
    // or choosing that language shows it (or says why not) and keeps the patient's place and
    // answers.
    packs::read_registered();
    gloo::events::EventListener::new(&document, packs::PACK_EVENT, |_| {
        if packs::read_registered().is_empty() {
            return;
        }
        let packs = packs::settled();
        INSTANCES.with(|all| {
            for i in all.borrow_mut().iter_mut() {
                let config = i.config.clone();
                i.app.update(Props { config, packs });
            }
        });
    })
    .forget();
    if document.ready_state() == "loading" {
        let mount = wasm_bindgen::closure::Closure::once_into_js(mount_all);
        let _ =
            document.add_event_listener_with_callback("DOMContentLoaded", mount.unchecked_ref());
    } else {
        mount_all();
    }
}

/// What happened to an `<avn-aid>` element.
#[derive(Clone, Copy)]
enum Change {
    Added,
    Settings,
}

fn on_element(host: Element, change: Change) {
    match change {
        Change::Added => mount_if_new(host),
        Change::Settings => {
            // Settings changed after start: the aid starts again with them (the patient's
            // place is kept only in the URL, when the page lets it).
            let old = INSTANCES.with(|all| {
                let mut all = all.borrow_mut();
                let at = all.iter().position(|i| i.host == host)?;
                Some(all.remove(at))
            });
            if let Some(old) = old {
                old.app.destroy();
                old.root.remove();
                mount(host, true);
            }
        }
    }
}

/// Mounts the aid on each `[data-avn-aid]` and `<avn-aid>` element it does not fill yet.
pub fn mount_all() {
    let selector = format!("[{HOST_ATTRIBUTE}], {HOST_ELEMENT}");
    let Ok(hosts) = gloo::utils::document().query_selector_all(&selector) else {
        return;
    };
    for i in 0..hosts.length() {
        if let Some(host) = hosts.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            mount_if_new(host);
        }
    }
}

fn mount_if_new(host: Element) {
    let known = INSTANCES.with(|all| all.borrow().iter().any(|i| i.host == host));
    if !known {
        mount(host, false);
    }
}

/// The most of one attribute copied out of the page, in UTF-16 units: far more than the longest
/// setting keeps (600 characters, even of 11-unit emoji), so the cut still happens in `Config`,
/// at a whole character, and a host's 2 MB attribute costs no more than a short one.
const MAX_ATTRIBUTE_UNITS: u32 = 16 * 1024;

/// An attribute's value, read without copying more than `MAX_ATTRIBUTE_UNITS` of it.
fn attribute(host: &Element, name: &str) -> Option<String> {
    bounded_string(
        &host.get_attribute_node(name)?,
        "value",
        MAX_ATTRIBUTE_UNITS,
    )
}

/// A string property of a browser object, without copying more than `max` UTF-16 units of it.
fn bounded_string(
    object: &impl AsRef<wasm_bindgen::JsValue>,
    property: &str,
    max: u32,
) -> Option<String> {
    let value: js_sys::JsString = js_sys::Reflect::get(object.as_ref(), &property.into())
        .ok()?
        .dyn_into()
        .ok()?;
    let value = if value.length() > max {
        value.slice(0, max)
    } else {
        value
    };
    Some(String::from(value))
}

/// A page of the aid's own (`data-keep-place="url"`) shown in an iframe takes the settings its
/// element leaves unset from its address: the iframe form of the embed, for sites that strip
/// scripts. Only in a frame: a link to the hospital's own page, opened on its own, must not be
/// able to show another name or booking link there.
fn with_address_settings(attributes: Attributes) -> Attributes {
    let window = gloo::utils::window();
    let framed = window
        .parent()
        .ok()
        .flatten()
        .is_some_and(|parent| !js_sys::Object::is(&parent, &window));
    if attributes.keep_place.as_deref() != Some("url") || !framed {
        return attributes;
    }
    let query = bounded_string(&window.location(), "search", config::MAX_QUERY as u32);
    attributes.or_from_query(query.as_deref().unwrap_or(""))
}

/// The host's settings: `data-*` on a `<div>`, the same names without `data-` on `<avn-aid>`.
fn attributes(host: &Element) -> Attributes {
    let custom = host.tag_name().eq_ignore_ascii_case(HOST_ELEMENT);
    let get = |name: &str| {
        if custom {
            attribute(host, name)
        } else {
            attribute(host, &format!("data-{name}"))
        }
    };
    Attributes {
        lang: get("lang"),
        hospital: get("hospital"),
        contact_url: get("contact-url"),
        accent: get("accent"),
        joint: get("joint"),
        disclaimer: get("disclaimer"),
        keep_place: get("keep-place"),
    }
}

/// How a host element is named in console messages: `<img id="x" class="y">`.
fn describe(host: &Element) -> String {
    let mut out = format!("<{}", host.tag_name().to_lowercase());
    for name in ["id", "class"] {
        if let Some(value) = attribute(host, name) {
            let value: String = value.chars().take(60).collect();
            out.push_str(&format!(" {name}=\"{value}\""));
        }
    }
    out.push('>');
    out
}

/// Mounts the aid on `host`; `again` when it held the aid before (its shadow root is the aid's).
fn mount(host: Element, again: bool) {
    let mut config = Config::from_attributes(with_address_settings(attributes(&host)));
    let document = gloo::utils::document();
    // A patient already on a link of the start view written into the page keeps their place:
    // focus moves to the app's control with the same words.
    let focused_words = document
        .active_element()
        .filter(|active| active != &host && host.contains(Some(active)))
        .and_then(|active| active.text_content());
    let (Ok(shadow), Ok(root)) = (
        host.shadow_root()
            .filter(|_| again || host.tag_name().eq_ignore_ascii_case(HOST_ELEMENT))
            .map_or_else(
                || host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)),
                Ok,
            ),
        document.create_element("div"),
    ) else {
        // Only some elements can hold a shadow root (not an <img>, an <input>, or an element
        // that already has a closed one): say which, in the console and, where it shows, in it.
        web_sys::console::warn_1(
            &format!(
                "AVN guide: {} cannot hold the guide. Use <div data-avn-aid> or <avn-aid>.",
                describe(&host)
            )
            .into(),
        );
        host.set_text_content(Some("This guide must be placed in a <div data-avn-aid>."));
        return;
    };
    // Only one aid on a page may keep its place in the URL: two would overwrite each other.
    if config.place_in_url && INSTANCES.with(|all| all.borrow().iter().any(|i| i.keeps_place)) {
        config.place_in_url = false;
        config.problems.push(config::Problem::PlaceKeptByAnother);
    }
    let sheets = js_sys::Array::new();
    for css in [
        Some(STYLES.to_string()),
        config
            .accent
            .as_ref()
            .map(|c| format!(":host{{--avn-accent-host:{c}}}")),
    ]
    .into_iter()
    .flatten()
    {
        if let Ok(sheet) = CssStyleSheet::new() {
            let _ = sheet.replace_sync(&css);
            sheets.push(&sheet);
        }
    }
    shadow.set_adopted_style_sheets(&sheets);
    root.set_class_name("avn-root");
    let _ = shadow.append_child(&root);
    let failure = content::kb().map_or(FALLBACK_FAILURE.to_string(), |kb| {
        let lang = kb.lang(&config.lang).unwrap_or(kb.default_lang());
        packs::request(lang);
        kb.ui(lang).something_went_wrong.clone()
    });
    let keeps_place = config.place_in_url;
    let props = Props {
        config: config.clone(),
        packs: packs::settled(),
    };
    let app = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    // The page's written copy of the start view has done its work: gone, so nothing reads or
    // finds it twice.
    if let Ok(Some(copy)) = host.query_selector(":scope > [data-avn-first-view]") {
        copy.remove();
    }
    if let Some(words) = focused_words {
        let root = root.clone();
        after_paint::after_paint(move || focus_control_named(&root, words.trim()));
    }
    INSTANCES.with(|all| {
        all.borrow_mut().push(Instance {
            host,
            root,
            failure,
            app,
            keeps_place,
            config,
        })
    });
}

/// Focuses the first button or link under `root` whose words are `words`.
fn focus_control_named(root: &Element, words: &str) {
    let Ok(controls) = root.query_selector_all("button, a[href]") else {
        return;
    };
    let found = (0..controls.length())
        .filter_map(|i| controls.item(i))
        .find(|c| c.text_content().is_some_and(|t| t.trim() == words));
    if let Some(control) = found.and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = control.focus();
    }
}

/// Replaces every instance's content with its failure message.
fn show_failure() {
    let document = gloo::utils::document();
    INSTANCES.with(|all| {
        let Ok(all) = all.try_borrow() else { return };
        for instance in all.iter() {
            if let Ok(p) = document.create_element("p") {
                p.set_class_name("avn-failure");
                let _ = p.set_attribute("role", "alert");
                p.set_text_content(Some(&instance.failure));
                instance.root.replace_children_with_node_1(&p);
            }
        }
    });
}
