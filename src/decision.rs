//! The patient's own decision work: how much each thing matters to them, their answers to the
//! four SURE questions, and their list of questions for the doctor. A pure reducer with no
//! browser access, so it is tested natively; it can be saved as a short text and opened again.

use crate::place::{Place, MAX_COMPARED};
use avn_kb::{fill, grapheme_count, Kb, LangId, OptionId, SituationId, StageId, UiText, Value};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;
use yew::Reducible;

/// The highest rating: "matters most". Ratings run from 0 ("does not matter to me").
pub const MAX_RATING: u8 = 4;
/// How many SURE questions there are.
const SURE_QUESTIONS: usize = 4;

/// The four SURE questions (O'Connor and Légaré), in the order they are asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SureQuestion {
    /// Sure of myself: do I feel sure about the best choice for me?
    SureOfMyself,
    /// Understand the information: do I know the benefits and risks of each option?
    Understand,
    /// Risk-benefit ratio: am I clear about which benefits and risks matter most to me?
    RiskBenefit,
    /// Encouragement: do I have enough support and advice to make a choice?
    Encouragement,
}

impl SureQuestion {
    /// Every question, in order.
    pub const ALL: [SureQuestion; SURE_QUESTIONS] = [
        SureQuestion::SureOfMyself,
        SureQuestion::Understand,
        SureQuestion::RiskBenefit,
        SureQuestion::Encouragement,
    ];

    fn index(self) -> usize {
        self as usize
    }

    /// The question in plain words.
    pub fn text(self, ui: &UiText) -> &str {
        match self {
            SureQuestion::SureOfMyself => &ui.sure_sure_of_myself,
            SureQuestion::Understand => &ui.sure_understand,
            SureQuestion::RiskBenefit => &ui.sure_risk_benefit,
            SureQuestion::Encouragement => &ui.sure_encouragement,
        }
    }

    /// What may help when the answer was no.
    pub fn help(self, ui: &UiText) -> &str {
        match self {
            SureQuestion::SureOfMyself => &ui.sure_help_sure_of_myself,
            SureQuestion::Understand => &ui.sure_help_understand,
            SureQuestion::RiskBenefit => &ui.sure_help_risk_benefit,
            SureQuestion::Encouragement => &ui.sure_help_encouragement,
        }
    }
}
/// The longest question a patient can add, in characters as a person sees them; longer text is
/// refused with the reason, never cut.
pub const MAX_QUESTION_CHARS: usize = 300;
/// The most questions a patient can add.
pub const MAX_OWN_QUESTIONS: usize = 30;
/// The longest question key a saved text may hold, and how many ticked or removed keys.
const MAX_KEY_CHARS: usize = 400;
const MAX_KEYS: usize = 500;
/// The version of the saved format. Bump it whenever [`Decision`]'s fields or [`Value`]'s
/// order change: an older saved text is then refused with [`SavedProblem::OldVersion`].
const SAVED_VERSION: u32 = 2;
/// The most situations a saved text may hold (the content has a handful).
const MAX_SITUATIONS: usize = 32;
/// The longest saved text read, in bytes: far above what the limits above allow once encoded,
/// so only a damaged or tampered entry is refused, at once and before any decoding.
pub const MAX_SAVED_BYTES: usize = 512 * 1024;
/// What every saved text starts with, before its version number and a dot.
const SAVED_PREFIX: &str = "avn";
/// Keys of questions the patient added start with this, followed by the question itself.
const OWN_KEY: &str = "own:";

/// Everything the patient has worked out so far.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    ratings: BTreeMap<Value, u8>,
    sure: [Option<bool>; SURE_QUESTIONS],
    ticked: BTreeSet<String>,
    removed: BTreeSet<String>,
    own: Vec<String>,
    /// Situations the patient said apply to them (sickle cell disease, pregnancy…).
    situations: BTreeSet<SituationId>,
}

/// What the patient did. Named as events (what happened), not commands.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Said how much something matters, from 0 to [`MAX_RATING`] (higher is ignored).
    Rated(Value, u8),
    /// Took back their answer on how much something matters.
    Unrated(Value),
    /// Answered a SURE question yes or no.
    AnsweredSure(SureQuestion, bool),
    /// Ticked a question to ask.
    TickedQuestion(String),
    /// Unticked a question.
    UntickedQuestion(String),
    /// Removed a question from the list (their own questions are deleted).
    RemovedQuestion(String),
    /// Brought back every suggested question they had removed.
    RestoredQuestions,
    /// Added a question of their own (trimmed; blank or repeated text is ignored).
    AddedQuestion(String),
    /// Said a situation applies to them, or took that back.
    ToggledSituation(SituationId),
    /// Opened answers saved earlier.
    OpenedSaved(Box<Decision>),
    /// Cleared all their answers.
    ForgotEverything,
}

/// One question on the patient's list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    /// Stable key, so ticks and removals survive new suggestions.
    pub key: String,
    /// The question.
    pub text: String,
    /// Ticked to ask.
    pub ticked: bool,
    /// The patient wrote it.
    pub own: bool,
}

/// Why saved answers could not be opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SavedProblem {
    /// Saved by an older (or unknown) version of the aid.
    OldVersion,
    /// Not saved answers at all, or damaged.
    Unreadable,
}

/// The SURE test's outcome: how many yes answers, and which needs are not met yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SureResult {
    /// Yes answers, 0 to 4.
    pub score: u8,
    /// The questions answered no, in order.
    pub unmet: Vec<SureQuestion>,
    /// All four have an answer.
    pub all_answered: bool,
}

impl Decision {
    /// How much `value` matters, if the patient said.
    pub fn rating(&self, value: Value) -> Option<u8> {
        self.ratings.get(&value).copied()
    }

    /// Every rated value with its rating, in the order the aid asks about them.
    pub fn ratings(&self) -> Vec<(Value, u8)> {
        Value::ALL
            .into_iter()
            .filter_map(|v| Some((v, self.rating(v)?)))
            .collect()
    }

    /// The answer to a SURE question, if given.
    pub fn sure(&self, question: SureQuestion) -> Option<bool> {
        self.sure[question.index()]
    }

    /// Whether any SURE question has an answer.
    pub fn sure_begun(&self) -> bool {
        self.sure.iter().any(Option::is_some)
    }

    /// The patient's list: the `suggested` questions (key, text) they have not removed, in
    /// order, then their own, each with its tick.
    pub fn questions(&self, suggested: Vec<(String, String)>) -> Vec<Question> {
        let suggested = suggested
            .into_iter()
            .filter(|(key, _)| !self.removed.contains(key))
            .map(|(key, text)| (key, text, false));
        let own = self
            .own
            .iter()
            .map(|text| (format!("{OWN_KEY}{text}"), text.clone(), true));
        suggested
            .chain(own)
            .map(|(key, text, own)| Question {
                ticked: self.ticked.contains(&key),
                key,
                text,
                own,
            })
            .collect()
    }

    /// The situations the patient said apply to them, in ID order.
    pub fn situations(&self) -> Vec<SituationId> {
        self.situations.iter().cloned().collect()
    }

    /// Whether the patient said `situation` applies to them.
    pub fn has_situation(&self, situation: &SituationId) -> bool {
        self.situations.contains(situation)
    }

    /// Whether any suggested question was removed (so "bring them back" can be offered).
    pub fn has_removed(&self) -> bool {
        !self.removed.is_empty()
    }

    /// The answers as a short text (letters, digits, `-`, `_` and one `.`), to keep and open
    /// again with [`Decision::from_saved`].
    pub fn to_saved(&self) -> String {
        let bytes = postcard::to_allocvec(self).unwrap_or_default();
        format!(
            "{SAVED_PREFIX}{SAVED_VERSION}.{}",
            base64url::encode(&bytes)
        )
    }

    /// Answers from a text made by [`Decision::to_saved`]. Never panics, whatever the text.
    pub fn from_saved(saved: &str) -> Result<Decision, SavedProblem> {
        if saved.len() > MAX_SAVED_BYTES {
            return Err(SavedProblem::Unreadable);
        }
        let rest = saved
            .trim()
            .strip_prefix(SAVED_PREFIX)
            .ok_or(SavedProblem::Unreadable)?;
        let (version, data) = rest.split_once('.').ok_or(SavedProblem::Unreadable)?;
        if version.is_empty() || !version.bytes().all(|b| b.is_ascii_digit()) {
            return Err(SavedProblem::Unreadable);
        }
        if version.parse::<u32>().ok() != Some(SAVED_VERSION) {
            return Err(SavedProblem::OldVersion);
        }
        let bytes = base64url::decode(data).ok_or(SavedProblem::Unreadable)?;
        match postcard::take_from_bytes::<Decision>(&bytes) {
            Ok((decision, [])) if decision.is_valid() => Ok(decision),
            _ => Err(SavedProblem::Unreadable),
        }
    }

    /// Whether every part is something the reducer itself could have made.
    fn is_valid(&self) -> bool {
        let situation_ok =
            |s: &SituationId| !s.as_str().is_empty() && s.as_str().len() <= MAX_KEY_CHARS;
        if self.situations.len() > MAX_SITUATIONS || !self.situations.iter().all(situation_ok) {
            return false;
        }
        let key_ok = |k: &String| !k.is_empty() && k.chars().count() <= MAX_KEY_CHARS;
        let own_ok =
            |q: &String| !q.is_empty() && q.trim() == q && grapheme_count(q) <= MAX_QUESTION_CHARS;
        let own_unique = self.own.iter().collect::<BTreeSet<_>>().len() == self.own.len();
        self.ratings.values().all(|r| *r <= MAX_RATING)
            && self.ticked.len() <= MAX_KEYS
            && self.removed.len() <= MAX_KEYS
            && self.ticked.iter().chain(&self.removed).all(key_ok)
            && self.own.len() <= MAX_OWN_QUESTIONS
            && self.own.iter().all(own_ok)
            && own_unique
    }
}

/// Why a question the patient typed was not added (the text stays in the box).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuestionProblem {
    /// Nothing but spaces.
    Empty,
    /// Longer than [`MAX_QUESTION_CHARS`]: how many characters it has.
    TooLong(usize),
    /// [`MAX_OWN_QUESTIONS`] questions are already on the list.
    ListFull,
    /// The same question is already on the list.
    AlreadyThere,
}

impl Decision {
    /// The question as it would be kept (trimmed), or why it cannot be added.
    pub fn check_question(&self, text: &str) -> Result<String, QuestionProblem> {
        let text = text.trim();
        let chars = grapheme_count(text);
        if chars == 0 {
            Err(QuestionProblem::Empty)
        } else if chars > MAX_QUESTION_CHARS {
            Err(QuestionProblem::TooLong(chars))
        } else if self.own.iter().any(|q| q == text) {
            Err(QuestionProblem::AlreadyThere)
        } else if self.own.len() >= MAX_OWN_QUESTIONS {
            Err(QuestionProblem::ListFull)
        } else {
            Ok(text.to_string())
        }
    }
}

impl Reducible for Decision {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Rated(value, rating) if rating <= MAX_RATING => {
                next.ratings.insert(value, rating);
            }
            Action::Rated(..) => {}
            Action::Unrated(value) => {
                next.ratings.remove(&value);
            }
            Action::AnsweredSure(question, yes) => next.sure[question.index()] = Some(yes),
            Action::TickedQuestion(key) if key.chars().count() <= MAX_KEY_CHARS => {
                if next.ticked.len() < MAX_KEYS && !key.is_empty() {
                    next.ticked.insert(key);
                }
            }
            Action::TickedQuestion(_) => {}
            Action::UntickedQuestion(key) => {
                next.ticked.remove(&key);
            }
            Action::RemovedQuestion(key) => {
                next.ticked.remove(&key);
                if let Some(text) = key.strip_prefix(OWN_KEY) {
                    next.own.retain(|q| q != text);
                } else if next.removed.len() < MAX_KEYS
                    && !key.is_empty()
                    && key.chars().count() <= MAX_KEY_CHARS
                {
                    next.removed.insert(key);
                }
            }
            Action::RestoredQuestions => next.removed.clear(),
            Action::AddedQuestion(text) => {
                if let Ok(text) = self.check_question(&text) {
                    next.own.push(text);
                }
            }
            Action::ToggledSituation(id) => {
                if !next.situations.remove(&id) && next.situations.len() < MAX_SITUATIONS {
                    next.situations.insert(id);
                }
            }
            Action::OpenedSaved(saved) => next = *saved,
            Action::ForgotEverything => next = Decision::default(),
        }
        // Returning the same Rc tells Yew nothing changed, so it skips the re-render.
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// The SURE result: yes answers, the needs answered no, and whether all four are answered.
pub fn sure_result(decision: &Decision) -> SureResult {
    let answers = decision.sure;
    SureResult {
        score: answers.iter().filter(|a| **a == Some(true)).count() as u8,
        unmet: SureQuestion::ALL
            .into_iter()
            .filter(|q| answers[q.index()] == Some(false))
            .collect(),
        all_answered: answers.iter().all(Option::is_some),
    }
}

/// Suggested questions for the doctor, as (stable key, text): first about the stage (worded
/// for `stage` when the patient picked one), then four for each of `options` in that order.
/// Keys look like `stage:collapsed` or `option:core-decompression:risks`, so a tick or a
/// removal stays with its question when the stage or the options change.
pub fn questions_for(
    kb: &Kb,
    lang: &LangId,
    stage: Option<&StageId>,
    options: &[OptionId],
) -> Vec<(String, String)> {
    let ui = kb.ui(lang);
    let picked = stage.and_then(|id| {
        let (system, stage) = kb.stage(id)?;
        Some((kb.joint(&system.joint)?, system, stage))
    });
    let which = match picked {
        Some((joint, system, stage)) => fill(
            &ui.question_stage,
            &[
                ("joint", &joint.name.get(lang).to_lowercase()),
                ("stage", &ui.stage_name(lang, system, stage)),
            ],
        ),
        None => ui.question_stage_unknown.clone(),
    };
    let mut out = vec![("stage:which".to_string(), which)];
    // A picked stage already says whether the surface has collapsed.
    if picked.is_none() {
        out.push(("stage:collapsed".into(), ui.question_collapsed.clone()));
    }
    out.extend([
        ("stage:size".into(), ui.question_size.clone()),
        (
            "stage:other-joints".into(),
            ui.question_other_joints.clone(),
        ),
        ("stage:if-wait".into(), ui.question_if_wait.clone()),
    ]);
    for id in options {
        let Some(option) = kb.option(id) else {
            continue;
        };
        let name = option.name.get(lang);
        for (what, template) in [
            ("suitable", &ui.question_option_suitable),
            ("chances", &ui.question_option_chances),
            ("risks", &ui.question_option_risks),
            ("recovery", &ui.question_option_recovery),
        ] {
            out.push((
                format!("option:{id}:{what}"),
                fill(template, &[("option", name)]),
            ));
        }
    }
    out
}

/// URL-safe base64 without padding, small enough to keep here rather than add a crate.
mod base64url {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// Encodes `bytes`.
    pub fn encode(bytes: &[u8]) -> String {
        let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
        for chunk in bytes.chunks(3) {
            let n = chunk
                .iter()
                .enumerate()
                .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
            for i in 0..=chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            }
        }
        out
    }

    /// Decodes `text`, or `None` if it is not what [`encode`] makes.
    pub fn decode(text: &str) -> Option<Vec<u8>> {
        let digits: Vec<u32> = text
            .bytes()
            .map(|c| ALPHABET.iter().position(|a| *a == c).map(|p| p as u32))
            .collect::<Option<_>>()?;
        if digits.len() % 4 == 1 {
            return None;
        }
        let mut out = Vec::with_capacity(digits.len() / 4 * 3 + 2);
        for chunk in digits.chunks(4) {
            let n = chunk
                .iter()
                .enumerate()
                .fold(0u32, |n, (i, d)| n | d << (18 - 6 * i));
            let len = chunk.len() - 1;
            out.extend((0..len).map(|i| (n >> (16 - 8 * i)) as u8));
            // Bits below the last whole byte must be zero, as encode leaves them.
            if len < 3 && n & ((1 << (24 - 8 * len)) - 1) != 0 {
                return None;
            }
        }
        Some(out)
    }
}

/// The options the patient is weighing: those ticked to compare, else the suggested choices at
/// their stage (watch and wait and the alternatives usually offered).
pub fn considered_options(place: &Place, kb: &Kb) -> Vec<OptionId> {
    if !place.compared.is_empty() {
        return place.compared.clone();
    }
    let Some((system, stage)) = place.stage.as_ref().and_then(|s| kb.stage(s)) else {
        return Vec::new();
    };
    kb.suggested_choices(&system.joint, stage.phase, MAX_COMPARED)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::kb;

    fn after(actions: Vec<Action>) -> Rc<Decision> {
        actions
            .into_iter()
            .fold(Rc::new(Decision::default()), |d, a| d.reduce(a))
    }

    fn suggested() -> Vec<(String, String)> {
        ["a", "b", "c"]
            .map(|k| (k.to_string(), format!("Question {k}?")))
            .to_vec()
    }

    fn keys(questions: &[Question]) -> Vec<&str> {
        questions.iter().map(|q| q.key.as_str()).collect()
    }

    fn busy() -> Rc<Decision> {
        after(vec![
            Action::Rated(Value::KeepOwnJoint, 4),
            Action::Rated(Value::SureEvidence, 0),
            Action::AnsweredSure(SureQuestion::SureOfMyself, true),
            Action::AnsweredSure(SureQuestion::Encouragement, false),
            Action::TickedQuestion("a".into()),
            Action::RemovedQuestion("b".into()),
            Action::AddedQuestion("  Can I still drive?  ".into()),
            Action::AddedQuestion("Ça va? 😊".into()),
        ])
    }

    #[test]
    fn ratings_are_kept_changed_and_taken_back() {
        let d = after(vec![
            Action::Rated(Value::ShortRecovery, 1),
            Action::Rated(Value::KeepOwnJoint, 3),
            Action::Rated(Value::ShortRecovery, 4),
        ]);
        assert_eq!(d.rating(Value::ShortRecovery), Some(4));
        assert_eq!(
            d.ratings(),
            [(Value::KeepOwnJoint, 3), (Value::ShortRecovery, 4)]
        );
        let d = d.reduce(Action::Unrated(Value::ShortRecovery));
        assert_eq!(d.rating(Value::ShortRecovery), None);
    }

    #[test]
    fn a_rating_above_the_scale_changes_nothing() {
        let start = Rc::new(Decision::default());
        let next = start
            .clone()
            .reduce(Action::Rated(Value::AvoidOperation, 5));
        assert!(Rc::ptr_eq(&start, &next), "same Rc means no re-render");
    }

    #[test]
    fn sure_answers_are_kept_and_a_new_answer_replaces_the_old() {
        use SureQuestion::*;
        let d = after(vec![
            Action::AnsweredSure(Understand, true),
            Action::AnsweredSure(RiskBenefit, true),
            Action::AnsweredSure(RiskBenefit, false),
        ]);
        assert_eq!(
            SureQuestion::ALL.map(|q| d.sure(q)),
            [None, Some(true), Some(false), None]
        );
        assert!(d.sure_begun() && !Decision::default().sure_begun());
    }

    #[test]
    fn sure_result_counts_yes_and_lists_the_needs_answered_no() {
        let none = sure_result(&Decision::default());
        assert_eq!(
            none,
            SureResult {
                score: 0,
                unmet: vec![],
                all_answered: false
            }
        );
        use SureQuestion::*;
        let d = after(vec![
            Action::AnsweredSure(SureOfMyself, true),
            Action::AnsweredSure(Understand, false),
            Action::AnsweredSure(RiskBenefit, true),
            Action::AnsweredSure(Encouragement, false),
        ]);
        assert_eq!(
            sure_result(&d),
            SureResult {
                score: 2,
                unmet: vec![Understand, Encouragement],
                all_answered: true
            }
        );
        let all_yes = after(
            SureQuestion::ALL
                .map(|q| Action::AnsweredSure(q, true))
                .to_vec(),
        );
        let result = sure_result(&all_yes);
        assert_eq!((result.score, result.unmet.len()), (4, 0));
    }

    #[test]
    fn every_sure_question_has_wording_and_help() {
        let ui = kb().unwrap().ui(kb().unwrap().default_lang());
        for q in SureQuestion::ALL {
            assert!(q.text(ui).ends_with('?'), "{q:?}");
            assert!(!q.help(ui).is_empty(), "{q:?}");
        }
    }

    #[test]
    fn ticks_and_removals_apply_to_suggested_questions_by_key() {
        let d = after(vec![
            Action::TickedQuestion("c".into()),
            Action::TickedQuestion("b".into()),
            Action::RemovedQuestion("b".into()),
        ]);
        let list = d.questions(suggested());
        assert_eq!(keys(&list), ["a", "c"]);
        assert!(list[1].ticked && !list[0].ticked);
        assert!(d.has_removed());
        let back = d.reduce(Action::RestoredQuestions);
        let list = back.questions(suggested());
        assert_eq!(keys(&list), ["a", "b", "c"]);
        assert!(!list[1].ticked, "a removed question comes back unticked");
        let unticked = back.reduce(Action::UntickedQuestion("c".into()));
        assert!(unticked.questions(suggested()).iter().all(|q| !q.ticked));
    }

    #[test]
    fn own_questions_are_trimmed_and_blank_repeated_or_long_ones_refused_with_the_reason() {
        let long = "x".repeat(MAX_QUESTION_CHARS + 50);
        let d = Decision::default();
        assert_eq!(d.check_question("   \n "), Err(QuestionProblem::Empty));
        assert_eq!(
            d.check_question(&long),
            Err(QuestionProblem::TooLong(MAX_QUESTION_CHARS + 50))
        );
        // Characters are counted as a person sees them: 300 emoji families fit.
        let families = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}".repeat(MAX_QUESTION_CHARS);
        assert!(d.check_question(&families).is_ok());
        let d = after(vec![
            Action::AddedQuestion("  Can I still drive?  ".into()),
            Action::AddedQuestion("   \n ".into()),
            Action::AddedQuestion("Can I still drive?".into()),
            Action::AddedQuestion(long),
        ]);
        let list = d.questions(suggested());
        let own: Vec<&Question> = list.iter().filter(|q| q.own).collect();
        assert_eq!(own.len(), 1, "the long one is refused, not cut");
        assert_eq!(own[0].text, "Can I still drive?");
        assert_eq!(own[0].key, "own:Can I still drive?");
        assert_eq!(
            d.check_question("Can I still drive?"),
            Err(QuestionProblem::AlreadyThere)
        );
        assert_eq!(keys(&list)[..3], ["a", "b", "c"], "own questions come last");
    }

    #[test]
    fn own_questions_can_be_ticked_and_removed_and_stop_at_the_maximum() {
        let mut d = Rc::new(Decision::default());
        for i in 0..MAX_OWN_QUESTIONS + 5 {
            d = d.reduce(Action::AddedQuestion(format!("Question {i}?")));
        }
        assert_eq!(d.questions(vec![]).len(), MAX_OWN_QUESTIONS);
        assert_eq!(
            d.check_question("One more?"),
            Err(QuestionProblem::ListFull),
            "the 31st is refused with a reason"
        );
        let key = "own:Question 0?".to_string();
        let d = d
            .reduce(Action::TickedQuestion(key.clone()))
            .reduce(Action::RemovedQuestion(key.clone()));
        let list = d.questions(vec![]);
        assert_eq!(list.len(), MAX_OWN_QUESTIONS - 1);
        assert!(!list.iter().any(|q| q.key == key));
        assert!(!d.has_removed(), "own questions are deleted, not hidden");
    }

    /// A situation ID as the knowledge base would have it.
    fn situation(id: &str) -> SituationId {
        postcard::from_bytes(&postcard::to_allocvec(id).unwrap()).unwrap()
    }

    #[test]
    fn situations_are_ticked_untaken_and_kept_with_the_saved_answers() {
        let sickle = situation("sickle-cell");
        let d = busy().reduce(Action::ToggledSituation(sickle.clone()));
        assert!(d.has_situation(&sickle));
        let back = Decision::from_saved(&d.to_saved()).unwrap();
        assert_eq!(back.situations(), std::slice::from_ref(&sickle));
        let off = d.clone().reduce(Action::ToggledSituation(sickle.clone()));
        assert!(!off.has_situation(&sickle));
        assert!(d.reduce(Action::ForgotEverything).situations().is_empty());
    }

    #[test]
    fn forgetting_everything_clears_all_answers() {
        let d = busy().reduce(Action::ForgotEverything);
        assert_eq!(*d, Decision::default());
    }

    #[test]
    fn saved_answers_open_again_unchanged() {
        let d = busy();
        let saved = d.to_saved();
        assert!(saved.starts_with("avn2."));
        assert!(saved
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)));
        assert_eq!(Decision::from_saved(&saved), Ok((*d).clone()));
        assert_eq!(
            Decision::from_saved(&format!(" {saved}\n")),
            Ok((*d).clone())
        );
        let empty = Decision::default().to_saved();
        assert_eq!(Decision::from_saved(&empty), Ok(Decision::default()));
        let opened = Rc::new(Decision::default()).reduce(Action::OpenedSaved(Box::new(
            Decision::from_saved(&saved).unwrap(),
        )));
        assert_eq!(opened, d);
    }

    #[test]
    fn saved_answers_from_another_version_are_refused_as_old() {
        let saved = busy().to_saved();
        let data = saved.split_once('.').unwrap().1;
        for version in ["0", "1", "3", "99999999999999999999"] {
            assert_eq!(
                Decision::from_saved(&format!("avn{version}.{data}")),
                Err(SavedProblem::OldVersion)
            );
        }
    }

    #[test]
    fn damaged_or_strange_saved_text_is_unreadable_and_never_panics() {
        let saved = busy().to_saved();
        for cut in 0..saved.len() {
            let result = Decision::from_saved(&saved[..cut]);
            assert!(result.is_err(), "cut at {cut}");
        }
        for garbage in [
            "",
            "avn",
            "avn2",
            "avn.abc",
            "avnx.abc",
            "avn2.!!!!",
            "avn2.A",
            "hello world",
            "avn2.////",
            "😊😊😊",
            "avn2.😊",
        ] {
            assert_eq!(
                Decision::from_saved(garbage),
                Err(SavedProblem::Unreadable),
                "{garbage:?}"
            );
        }
        let with_extra = format!("{saved}AAAA");
        assert_eq!(
            Decision::from_saved(&with_extra),
            Err(SavedProblem::Unreadable)
        );
    }

    #[test]
    fn saved_text_the_reducer_could_not_have_made_is_unreadable() {
        let mut bad = Decision::default();
        bad.ratings.insert(Value::KeepOwnJoint, 9);
        let mut blank = Decision::default();
        blank.own.push("  ".into());
        let twice = Decision {
            own: vec!["Why?".into(), "Why?".into()],
            ..Decision::default()
        };
        for d in [bad, blank, twice] {
            assert_eq!(
                Decision::from_saved(&d.to_saved()),
                Err(SavedProblem::Unreadable)
            );
        }
    }

    #[test]
    fn base64url_round_trips_every_length() {
        for len in 0..40u8 {
            let bytes: Vec<u8> = (0..len)
                .map(|i| i.wrapping_mul(37).wrapping_add(200))
                .collect();
            assert_eq!(base64url::decode(&base64url::encode(&bytes)), Some(bytes));
        }
        assert_eq!(base64url::encode(b"hi!"), "aGkh");
        assert_eq!(base64url::encode(b"hi"), "aGk");
        assert_eq!(base64url::decode("aGk"), Some(b"hi".to_vec()));
        assert_eq!(base64url::decode("aGl"), None, "stray low bits");
    }

    #[test]
    fn suggested_questions_name_the_stage_and_each_option_with_stable_keys() {
        let kb = kb().unwrap();
        let lang = kb.default_lang();
        let hip = kb.joint(&kb.joints[0].id).unwrap();
        let arco = kb.system(&hip.systems[0]).unwrap();
        let iiia = arco.stages.iter().find(|s| s.code == "IIIA").unwrap();
        let options: Vec<OptionId> = ["core-decompression", "total-hip-replacement"]
            .iter()
            .map(|id| {
                kb.options
                    .iter()
                    .find(|o| o.id.as_str() == *id)
                    .unwrap()
                    .id
                    .clone()
            })
            .collect();
        let list = questions_for(kb, lang, Some(&iiia.id), &options);
        let keys: Vec<&str> = list.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys[0], "stage:which");
        assert!(
            !keys.contains(&"stage:collapsed"),
            "the stage already answers it"
        );
        assert!(keys.contains(&"option:core-decompression:risks"));
        assert!(keys.contains(&"option:total-hip-replacement:suitable"));
        assert_eq!(list.len(), 4 + 4 * 2);
        assert!(list[0].1.contains("hip") && list[0].1.contains("IIIA"));
        assert!(list[0].1.contains(arco.name.get(lang)));
        assert!(!list[0].1.contains("stage stage"), "{}", list[0].1);
        let risks = &list
            .iter()
            .find(|(k, _)| k == "option:core-decompression:risks");
        assert!(risks.unwrap().1.contains("Core decompression"));
        assert!(list.iter().all(|(_, t)| !t.contains('{')), "{list:#?}");

        let without = questions_for(kb, lang, None, &options);
        let keys_without: Vec<&str> = without.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys_without[1], "stage:collapsed");
        let shared: Vec<&&str> = keys_without
            .iter()
            .filter(|k| **k != "stage:collapsed")
            .collect();
        assert_eq!(
            shared,
            keys.iter().collect::<Vec<_>>(),
            "the other keys do not depend on the stage"
        );
        assert_eq!(without[0].1, kb.ui(lang).question_stage_unknown);
    }

    #[test]
    fn a_removed_suggestion_stays_removed_when_options_change() {
        let kb = kb().unwrap();
        let lang = kb.default_lang();
        let first = kb.options[0].id.clone();
        let second = kb.options[1].id.clone();
        let key = format!("option:{first}:risks");
        let d = after(vec![
            Action::RemovedQuestion(key.clone()),
            Action::TickedQuestion("stage:size".into()),
        ]);
        let list = d.questions(questions_for(kb, lang, None, &[second, first]));
        assert!(!list.iter().any(|q| q.key == key));
        assert!(list.iter().any(|q| q.key == "stage:size" && q.ticked));
    }

    #[test]
    fn recorded_recovery_and_pain_relief_reach_the_fit_rules() {
        use avn_kb::fit::{fit, FitLevel};
        use avn_kb::{PainRelief, Phase};
        let kb = kb().unwrap();
        let option = |id: &str| kb.options.iter().find(|o| o.id.as_str() == id).unwrap();
        let hip = &kb.joints[0].id;
        let cd = option("core-decompression");
        assert_eq!(cd.recovery_weeks, Some((6, 6)));
        let recovery = fit(cd, hip, Phase::Early, Value::ShortRecovery);
        assert_eq!(recovery.level, FitLevel::Mixed);
        let painkillers = option("pain-relief");
        assert_eq!(painkillers.pain_relief, Some(PainRelief::WithinWeeks));
        let osteotomy = option("osteotomy");
        let unknown = fit(osteotomy, hip, Phase::Early, Value::ShortRecovery);
        assert_eq!(unknown.level, FitLevel::Unknown);
    }

    #[test]
    fn a_saved_text_larger_than_any_real_one_is_refused_at_once() {
        let mut d = Rc::new(Decision::default());
        for i in 0..MAX_OWN_QUESTIONS {
            let long = format!(
                "{i} {}",
                "\u{1F468}\u{200D}\u{1F469}".repeat(MAX_QUESTION_CHARS - 4)
            );
            d = d.reduce(Action::AddedQuestion(long));
        }
        let largest = d.to_saved();
        assert!(largest.len() < MAX_SAVED_BYTES, "{}", largest.len());
        assert_eq!(Decision::from_saved(&largest).as_ref(), Ok(&*d));
        let huge = format!("{largest}{}", "A".repeat(MAX_SAVED_BYTES));
        assert_eq!(Decision::from_saved(&huge), Err(SavedProblem::Unreadable));
    }

    proptest::proptest! {
        #[test]
        fn any_saved_text_opens_or_is_refused_without_panicking(text in ".{0,400}") {
            let _ = Decision::from_saved(&text);
            let _ = Decision::from_saved(&format!("{SAVED_PREFIX}{SAVED_VERSION}.{text}"));
        }

        #[test]
        fn answers_round_trip_through_the_saved_text(
            ratings in proptest::collection::vec((0usize..7, 0u8..=4), 0..7),
            sure in proptest::collection::vec(proptest::option::of(proptest::bool::ANY), 4),
            own in proptest::collection::vec("\\PC{1,40}", 0..5),
        ) {
            let mut d = Rc::new(Decision::default());
            for (v, r) in ratings {
                d = d.reduce(Action::Rated(Value::ALL[v], r));
            }
            for (q, a) in SureQuestion::ALL.into_iter().zip(sure) {
                if let Some(a) = a {
                    d = d.reduce(Action::AnsweredSure(q, a));
                }
            }
            for q in own {
                d = d.reduce(Action::AddedQuestion(q));
            }
            let back = Decision::from_saved(&d.to_saved());
            proptest::prop_assert_eq!(back.as_ref(), Ok(&*d));
        }
    }

    #[test]
    fn the_options_weighed_are_the_ticked_ones_else_the_usual_choices_at_the_stage() {
        let kb = kb().unwrap();
        let place = |fragment: &str| Place::from_fragment(fragment, kb).unwrap();
        let ticked = place("v=options&s=hip-arco-2019/II&c=core-decompression,bisphosphonates");
        let ids = |options: &[OptionId]| -> Vec<String> {
            options.iter().map(|o| o.as_str().to_string()).collect()
        };
        assert_eq!(
            ids(&considered_options(&ticked, kb)),
            ["core-decompression", "bisphosphonates"]
        );
        let usual = considered_options(&place("v=options&s=hip-arco-2019/II"), kb);
        assert_eq!(ids(&usual)[0], "watch-and-wait", "{usual:?}");
        assert!((2..=MAX_COMPARED).contains(&usual.len()), "{usual:?}");
        assert!(
            considered_options(&place("v=joint&j=hip"), kb).is_empty(),
            "no stage, nothing suggested"
        );
    }
}
