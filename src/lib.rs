//! The AVN decision aid as a Yew app: finding its host elements, reading their configuration,
//! and mounting one independent instance on each.

mod app;
mod components;
pub mod content;
mod pages;
pub mod place;

pub use app::{App, Props};

use wasm_bindgen::JsCast;
use web_sys::Element;

/// The attribute that marks an element the aid should fill.
pub const HOST_ATTRIBUTE: &str = "data-avn-aid";

/// Mounts the aid now, or once the page has been parsed if a host placed the script before
/// its `<div data-avn-aid>`.
pub fn start() {
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
/// Yew mounts *into* the element (clearing only its placeholder), never onto `<body>`, so a
/// host page's own content is left alone.
pub fn mount_all() {
    let Ok(hosts) = gloo::utils::document().query_selector_all(&format!("[{HOST_ATTRIBUTE}]"))
    else {
        return;
    };
    for i in 0..hosts.length() {
        let Some(host) = hosts.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        if host.has_attribute("data-avn-mounted") {
            continue;
        }
        let _ = host.set_attribute("data-avn-mounted", "");
        let props = Props {
            lang: host.get_attribute("data-lang").unwrap_or_default().into(),
        };
        yew::Renderer::<App>::with_root_and_props(host, props).render();
    }
}
