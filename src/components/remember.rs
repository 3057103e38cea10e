//! The opt-in to keep answers on this device, and "clear all my answers".

use crate::aid::use_aid;
use yew::prelude::*;

/// A tick box (off unless the patient ticks it) and a button that wipes everything.
#[component]
pub fn Remember() -> Html {
    let (aid, _, ui) = use_aid();
    let remember = aid.remember.clone();
    let on_change = Callback::from(move |e: Event| {
        let ticked = e
            .target_dyn_into::<web_sys::HtmlInputElement>()
            .is_some_and(|input| input.checked());
        remember.emit(ticked);
    });
    html! {
        <section class="avn-remember">
            <label class="avn-tick">
                <input type="checkbox" checked={aid.remembered} onchange={on_change} />
                { " " }{ &ui.remember_label }
            </label>
            <p class="avn-note">{ if aid.remembered { &ui.remember_on } else { &ui.remember_note } }</p>
            <button type="button" class="avn-link-button" onclick={aid.forget_all()}>{ &ui.forget_everything }</button>
        </section>
    }
}
