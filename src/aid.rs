//! What every view needs from the hub: the language, the patient's place, and a way to act.

use crate::content::kb;
use crate::decision::{Action as DecisionAction, Decision};
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
    /// What the patient has worked out so far (what matters, SURE, questions).
    pub decision: Rc<Decision>,
    /// Receives the patient's decision-support answers.
    pub decide: Callback<DecisionAction>,
    /// Whether the patient chose to keep their answers on this device.
    pub remembered: bool,
    /// Turns keeping answers on this device on or off.
    pub remember: Callback<bool>,
    /// Where the patient was when they opened an explained word, to come back to.
    pub return_point: ReturnSpot,
    /// How many language packs have arrived or failed: when one settles, every view is drawn
    /// again (from the knowledge base's new copy).
    pub packs: usize,
    /// Shows the aid in another language (the patient's choice; their place and answers stay).
    pub choose_language: Callback<LangId>,
}

/// The place in a view a patient left to look up a word: the view, how far it was scrolled, and
/// which explained word (its position among the view's explained words) they opened.
#[derive(Clone, Debug, PartialEq)]
pub struct ReturnPoint {
    /// The view they were reading.
    pub from: View,
    /// The page's scroll position, in CSS pixels.
    pub scroll_y: f64,
    /// The word's position among the view's explained words.
    pub word: usize,
}

/// One instance's return point, shared by its views (the same cell for the instance's life).
#[derive(Clone, Default)]
pub struct ReturnSpot(pub Rc<std::cell::RefCell<Option<ReturnPoint>>>);

impl PartialEq for ReturnSpot {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Aid {
    /// A callback that opens `view` when fired (for buttons).
    pub fn open<E>(&self, view: View) -> Callback<E> {
        let act = self.act.clone();
        Callback::from(move |_| act.emit(Action::Opened(view.clone())))
    }

    /// A callback that sends the decision-support `action` when fired.
    pub fn decide<E>(&self, action: DecisionAction) -> Callback<E> {
        let decide = self.decide.clone();
        Callback::from(move |_| decide.emit(action.clone()))
    }

    /// A callback that forgets everything the patient did: the saved entry (the tick goes
    /// off), every decision-support answer and situation, and the place (back to the start).
    pub fn forget_all<E>(&self) -> Callback<E> {
        let (remember, decide, act) =
            (self.remember.clone(), self.decide.clone(), self.act.clone());
        Callback::from(move |_| {
            remember.emit(false);
            decide.emit(DecisionAction::ForgotEverything);
            act.emit(Action::StartedOver);
        })
    }

    /// A callback that sends `action` when fired.
    pub fn send<E>(&self, action: Action) -> Callback<E> {
        let act = self.act.clone();
        Callback::from(move |_| act.emit(action.clone()))
    }
}

/// The shared context, the knowledge base and the interface text. Every view is rendered by
/// the hub, which provides the context and renders views only once the knowledge base has been
/// read; a view used anywhere else is a programming error, and its panic shows the patient the
/// failure message.
#[hook]
pub fn use_aid() -> (Aid, &'static Kb, &'static UiText) {
    let aid = use_context::<Aid>().expect("views are rendered inside the hub's context");
    let kb = kb().expect("the hub renders views only with a readable knowledge base");
    let ui = kb.ui(&aid.lang);
    (aid, kb, ui)
}
