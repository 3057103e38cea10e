//! Work that would delay what the patient sees (a history write, moving focus, which forces a
//! layout) runs just after the browser has painted the new view, not inside the click.

use wasm_bindgen::{closure::Closure, JsCast};

/// Runs `work` once the next frame has been painted: a frame callback, then a task after it.
/// Where the page has no frames (a hidden tab), it still runs, from the timer alone.
pub fn after_paint(work: impl FnOnce() + 'static) {
    let window = gloo::utils::window();
    let task = Closure::once_into_js(work);
    let queue = {
        let task = task.clone();
        move || {
            let _ = gloo::utils::window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), 0);
        }
    };
    if window.document().is_some_and(|d| d.hidden()) {
        queue();
        return;
    }
    let frame = Closure::once_into_js(queue);
    if window
        .request_animation_frame(frame.unchecked_ref())
        .is_err()
    {
        let _ =
            window.set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), 0);
    }
}
