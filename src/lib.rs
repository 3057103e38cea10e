//! The AVN decision aid as a Yew app: finding its host elements, reading and checking their
//! configuration, and mounting one independent instance on each, inside a shadow root so the
//! host page's styles and the aid's styles cannot reach each other.

mod aid;
mod app;
mod components;
pub mod config;
pub mod content;
pub mod decision;
mod pages;
pub mod place;
mod saved;

pub use app::{App, Props};

use config::{Attributes, Config};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, Element, ShadowRootInit, ShadowRootMode};

/// The attribute that marks an element the aid should fill.
pub const HOST_ATTRIBUTE: &str = "data-avn-aid";
/// Set on a host once the aid is mounted in it, so a second start does not mount twice.
const MOUNTED_ATTRIBUTE: &str = "data-avn-mounted";
/// The aid's stylesheet (every file under `styles/`, joined by the build script).
const STYLES: &str = include_str!(concat!(env!("OUT_DIR"), "/styles.css"));
/// Used only if the knowledge base itself cannot be read.
const FALLBACK_FAILURE: &str = "Something went wrong in this guide. Please reload the page.";

thread_local! {
    /// Each mounted instance's root and the failure message in its language.
    static INSTANCES: RefCell<Vec<(Element, String)>> = const { RefCell::new(Vec::new()) };
}

/// Mounts the aid now, or once the page has been parsed if a host placed the script before
/// its `<div data-avn-aid>`.
pub fn start() {
    // A panic must leave a message in each widget's box, not a blank area; the host page's
    // own scripts are unaffected because the failure stays inside the aid's event handlers.
    yew::set_custom_panic_hook(Box::new(|info| {
        show_failure();
        web_sys::console::error_1(&format!("AVN guide: {info}").into());
    }));
    let document = gloo::utils::document();
    if document.ready_state() == "loading" {
        let mount = wasm_bindgen::closure::Closure::once_into_js(mount_all);
        let _ =
            document.add_event_listener_with_callback("DOMContentLoaded", mount.unchecked_ref());
    } else {
        mount_all();
    }
}

/// Mounts the aid on each element marked with [`HOST_ATTRIBUTE`] that it does not fill yet.
pub fn mount_all() {
    let Ok(hosts) = gloo::utils::document().query_selector_all(&format!("[{HOST_ATTRIBUTE}]"))
    else {
        return;
    };
    for i in 0..hosts.length() {
        if let Some(host) = hosts.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            if !host.has_attribute(MOUNTED_ATTRIBUTE) {
                let _ = host.set_attribute(MOUNTED_ATTRIBUTE, "");
                mount(host);
            }
        }
    }
}

fn mount(host: Element) {
    let config = Config::from_attributes(Attributes {
        lang: host.get_attribute("data-lang"),
        hospital: host.get_attribute("data-hospital"),
        contact_url: host.get_attribute("data-contact-url"),
        accent: host.get_attribute("data-accent"),
        joint: host.get_attribute("data-joint"),
        disclaimer: host.get_attribute("data-disclaimer"),
        keep_place: host.get_attribute("data-keep-place"),
    });
    let document = gloo::utils::document();
    let (Ok(shadow), Ok(root)) = (
        host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)),
        document.create_element("div"),
    ) else {
        // Only some elements can hold a shadow root; say so instead of failing silently.
        host.set_text_content(Some("This guide must be placed in a <div data-avn-aid>."));
        return;
    };
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
    let _ = shadow.append_child(&root);
    let failure = content::kb().map_or(FALLBACK_FAILURE.to_string(), |kb| {
        let lang = kb.lang(&config.lang).unwrap_or(kb.default_lang());
        kb.ui(lang).something_went_wrong.clone()
    });
    INSTANCES.with(|all| all.borrow_mut().push((root.clone(), failure)));
    yew::Renderer::<App>::with_root_and_props(root, Props { config }).render();
}

/// Replaces every instance's content with its failure message.
fn show_failure() {
    let document = gloo::utils::document();
    INSTANCES.with(|all| {
        let Ok(all) = all.try_borrow() else { return };
        for (root, message) in all.iter() {
            if let Ok(p) = document.create_element("p") {
                p.set_class_name("avn-failure");
                let _ = p.set_attribute("role", "alert");
                p.set_text_content(Some(message));
                root.replace_children_with_node_1(&p);
            }
        }
    });
}
