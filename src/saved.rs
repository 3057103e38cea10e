//! Keeping the patient's answers on this device, and only after they tick "remember": one
//! local-storage entry, written while the tick is on and removed when it goes off or the
//! patient clears everything. Without the tick nothing is written anywhere.

/// The one entry the aid may write.
const KEY: &str = "avn-aid:answers";

fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// The saved text, if the patient chose to remember earlier.
pub fn read() -> Option<String> {
    storage()?.get_item(KEY).ok().flatten()
}

/// Saves the text (the browser may refuse, e.g. when storage is full or blocked: the aid then
/// simply goes on without it).
pub fn write(text: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(KEY, text);
    }
}

/// Removes the entry.
pub fn remove() {
    if let Some(s) = storage() {
        let _ = s.remove_item(KEY);
    }
}
