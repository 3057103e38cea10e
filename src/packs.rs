//! Language packs on the page: the scripts that carry them put their text in a registry on the
//! window (`Symbol.for('avn-aid-packs')`, language → text, or `false` when one failed to load) and
//! announce it; the app reads it at start and after each announcement. A language the page has
//! no pack for is asked of the app script's loader, which adds `avn-aid.<lang>.js` from beside
//! the script (no fetch: `connect-src` stays `'none'`).

use crate::content;
use avn_kb::LangId;
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};

/// What the pack scripts and the loader announce on the document.
pub const PACK_EVENT: &str = "avn-aid-pack";

/// The most of a pack read from the page, in UTF-16 units: ten times the largest real one (a
/// page could hand over anything; it must not cost more than that).
const MAX_PACK_UNITS: u32 = 8 * 1024 * 1024;

thread_local! {
    /// Languages asked for, and those whose pack could not be had (with why, for the console).
    static ASKED: RefCell<Vec<LangId>> = const { RefCell::new(Vec::new()) };
    static FAILED: RefCell<Vec<LangId>> = const { RefCell::new(Vec::new()) };
}

fn registry(name: &str) -> Option<JsValue> {
    let key = js_sys::Symbol::for_(name);
    js_sys::Reflect::get(&gloo::utils::window(), &key)
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// Adds every pack the page holds that the app has not read yet; returns the languages whose
/// state changed (text arrived, or the pack failed).
pub fn read_registered() -> Vec<LangId> {
    let mut changed = Vec::new();
    let Some(packs) = registry("avn-aid-packs") else {
        return changed;
    };
    let Ok(keys) = js_sys::Reflect::own_keys(&packs) else {
        return changed;
    };
    for key in keys.iter().filter_map(|k| k.as_string()) {
        let Some(kb) = content::kb() else { break };
        let Some(lang) = kb.lang(&key).cloned() else {
            continue;
        };
        if content::has_text_in(&lang) || failed(&lang) {
            continue;
        }
        let value = js_sys::Reflect::get(&packs, &JsValue::from_str(&key)).unwrap_or_default();
        let outcome = match value.dyn_into::<js_sys::JsString>() {
            Ok(text) if text.length() > MAX_PACK_UNITS => {
                Err("it is far larger than any pack of this guide".to_string())
            }
            Ok(text) => content::add_pack(String::from(text)).map(|_| ()),
            Err(_) => Err("its script could not be loaded".to_string()),
        };
        if let Err(why) = outcome {
            web_sys::console::warn_1(
                &format!("AVN guide: the {key} language pack cannot be used: {why}").into(),
            );
            FAILED.with(|f| f.borrow_mut().push(lang.clone()));
        }
        changed.push(lang);
    }
    changed
}

/// Asks for `lang`'s pack unless its text is here or was asked for already.
pub fn request(lang: &LangId) {
    if content::has_text_in(lang) || failed(lang) {
        return;
    }
    let first = ASKED.with(|a| {
        let mut a = a.borrow_mut();
        let first = !a.contains(lang);
        if first {
            a.push(lang.clone());
        }
        first
    });
    if !first {
        return;
    }
    let loader = registry("avn-aid-load-pack").and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match loader {
        Some(load) => {
            let _ = load.call1(&JsValue::NULL, &JsValue::from_str(lang.as_str()));
        }
        None => FAILED.with(|f| f.borrow_mut().push(lang.clone())),
    }
}

/// How many languages' packs have arrived or failed: it changes whenever one settles.
pub fn settled() -> usize {
    content::packs_loaded() + FAILED.with(|f| f.borrow().len())
}

/// Whether `lang`'s pack could not be had (the aid then shows the default language and says so).
pub fn failed(lang: &LangId) -> bool {
    FAILED.with(|f| f.borrow().contains(lang))
}
