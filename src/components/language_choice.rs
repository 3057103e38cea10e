//! The languages the patient can switch to, each named in itself: the reviewed ones, and the one
//! shown now. Nothing when there is only one. Switching keeps the patient's place and answers.

use crate::aid::use_aid;
use avn_kb::LanguageStatus;
use yew::prelude::*;

/// The language choice in the aid's footer.
#[component]
pub fn LanguageChoice() -> Html {
    let (aid, kb, ui) = use_aid();
    let offered: Vec<_> = kb
        .about
        .languages
        .iter()
        .filter(|l| l.status == LanguageStatus::Reviewed || l.id == aid.lang)
        .collect();
    if offered.len() < 2 {
        return Html::default();
    }
    let item = |l: &avn_kb::Language| {
        let code = l.id.as_str().to_string();
        if l.id == aid.lang {
            html! { <li><span lang={code} aria-current="true">{ &l.name }</span></li> }
        } else {
            let choose = aid.choose_language.clone();
            let id = l.id.clone();
            html! {
                <li><button type="button" class="avn-link-button" lang={code}
                    onclick={Callback::from(move |_| choose.emit(id.clone()))}>{ &l.name }</button></li>
            }
        }
    };
    html! {
        <nav class="avn-languages" aria-label={ui.language_heading.clone()}>
            <h2>{ &ui.language_heading }</h2>
            <ul>{ for offered.into_iter().map(item) }</ul>
        </nav>
    }
}
