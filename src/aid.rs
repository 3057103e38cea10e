//! What every view needs from the hub: the language, the patient's place, and a way to act.

use crate::content::kb;
use crate::place::{Action, Place, View};
use avn_kb::{Kb, LangId, UiText};
use std::rc::Rc;
use yew::prelude::*;

/// Shared by the hub with every view below it.
#[derive(Clone, PartialEq)]
pub struct Aid {
    /// Interface and content language.
    pub lang: LangId,
    /// Where the patient is, and what they chose.
    pub place: Rc<Place>,
    /// Receives what the patient does.
    pub act: Callback<Action>,
}

impl Aid {
    /// A callback that opens `view` when fired (for buttons).
    pub fn open<E>(&self, view: View) -> Callback<E> {
        let act = self.act.clone();
        Callback::from(move |_| act.emit(Action::Opened(view.clone())))
    }

    /// A callback that sends `action` when fired.
    pub fn send<E>(&self, action: Action) -> Callback<E> {
        let act = self.act.clone();
        Callback::from(move |_| act.emit(action.clone()))
    }
}

/// The shared context, the knowledge base and the interface text, or `None` outside the hub
/// or without a readable knowledge base (then a view renders nothing rather than failing).
#[hook]
pub fn use_aid() -> Option<(Aid, &'static Kb, &'static UiText)> {
    let aid = use_context::<Aid>()?;
    let kb = kb()?;
    let ui = kb.ui(&aid.lang);
    Some((aid, kb, ui))
}
