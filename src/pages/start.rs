//! The start view: what the aid is and is not, then the choice of joint.

use crate::content::kb;
use crate::place::Action;
use avn_kb::LangId;
use yew::prelude::*;

/// Props: language and where the patient's choices go.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// Interface language.
    pub lang: LangId,
    /// Receives the patient's choices.
    pub on_action: Callback<Action>,
}

/// Orientation and the list of joints.
#[component]
pub fn StartPage(props: &Props) -> Html {
    let Some(kb) = kb() else {
        return Html::default();
    };
    let ui = kb.ui(&props.lang);
    let joints = kb.joints.iter().map(|joint| {
        let on_action = props.on_action.clone();
        let id = joint.id.clone();
        html! {
            <li key={joint.id.as_str().to_string()}>
                <button type="button" class="avn-choice"
                    onclick={move |_| on_action.emit(Action::PickedJoint(id.clone()))}>
                    { joint.name.get(&props.lang) }
                </button>
            </li>
        }
    });
    html! {
        <>
            <h1 tabindex="-1">{ &ui.app_title }</h1>
            <p>{ &ui.start_intro }</p>
            <p class="avn-note">{ &ui.not_a_diagnosis }</p>
            <p class="avn-note">{ &ui.privacy }</p>
            <h2>{ &ui.choose_joint }</h2>
            <ul class="avn-choices">{ for joints }</ul>
            <p class="avn-doctor">{ &ui.see_doctor }</p>
        </>
    }
}
