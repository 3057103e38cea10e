//! Keeping keyboard focus in place when something is removed: focus moves to the control now
//! at the removed one's place (the next one, or the last one left), else to the view's heading,
//! never to the page's body.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Returns a callback to call with the index of the control being removed, before the removal
/// is dispatched; after the next render, focus goes to the control matching `selector` inside
/// `root` at that index (or the last), else to the first `h1` inside `root`'s view.
#[hook]
pub fn use_focus_after_removal(root: NodeRef, selector: &'static str) -> Callback<usize> {
    let pending = use_mut_ref(|| None::<usize>);
    {
        let pending = pending.clone();
        let root = root.clone();
        use_effect(move || {
            let Some(at) = pending.borrow_mut().take() else {
                return;
            };
            let Some(root) = root.cast::<HtmlElement>() else {
                return;
            };
            let controls = root.query_selector_all(selector).ok();
            let count = controls.as_ref().map_or(0, |c| c.length());
            let target = controls
                .filter(|_| count > 0)
                .and_then(|c| c.item((at as u32).min(count - 1)))
                .or_else(|| {
                    let view = root.closest(".avn-view").ok().flatten()?;
                    view.query_selector("h1").ok().flatten().map(Into::into)
                });
            if let Some(el) = target.and_then(|n| n.dyn_into::<HtmlElement>().ok()) {
                let _ = el.focus();
            }
        });
    }
    Callback::from(move |at| *pending.borrow_mut() = Some(at))
}
