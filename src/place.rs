//! Where the patient is in the aid and what they chose on the way: a pure reducer, tested
//! natively, plus its text form for the URL fragment (used only when the aid has a page of its
//! own; an embedded aid keeps its place here and never touches the host page's URL).

use avn_kb::{Answers, JointId, Kb, OptionId, RiskFactorId, StageId, SystemId, TermId};
use std::rc::Rc;
use yew::Reducible;

/// The most options a patient can set side by side.
pub const MAX_COMPARED: usize = 4;
/// The longest URL fragment read as a place, in bytes. The longest real place (a compared
/// view with four options and every answer) is under 400; anything longer is refused at once,
/// before any work, so a hostile link cannot slow the page.
pub const MAX_FRAGMENT: usize = 2048;

/// A reference page, reachable from every view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reference {
    /// Risk factors, as a checklist.
    RiskFactors,
    /// Symptoms and when to see a doctor.
    Symptoms,
    /// Words explained.
    Glossary,
    /// Questions people ask.
    Faq,
    /// Every source the aid cites.
    Sources,
    /// About this aid (IPDAS items).
    About,
}

impl Reference {
    /// Every reference page, in menu order.
    pub const ALL: [Reference; 6] = [
        Reference::Symptoms,
        Reference::RiskFactors,
        Reference::Glossary,
        Reference::Faq,
        Reference::Sources,
        Reference::About,
    ];

    fn keyword(self) -> &'static str {
        match self {
            Reference::RiskFactors => "risk-factors",
            Reference::Symptoms => "symptoms",
            Reference::Glossary => "glossary",
            Reference::Faq => "faq",
            Reference::Sources => "sources",
            Reference::About => "about",
        }
    }
}

/// A step of decision support, reachable once the patient has a stage (or without one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// What matters to me, and how each option fits it.
    Values,
    /// Am I ready to decide (SURE).
    Ready,
    /// Questions for my doctor.
    Questions,
    /// My summary, to print or save.
    Summary,
}

impl Step {
    /// Every step, in order.
    pub const ALL: [Step; 4] = [Step::Values, Step::Ready, Step::Questions, Step::Summary];

    fn keyword(self) -> &'static str {
        match self {
            Step::Values => "values",
            Step::Ready => "ready",
            Step::Questions => "questions",
            Step::Summary => "summary",
        }
    }
}

/// How the patient found their stage (shown on the summary).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FoundBy {
    /// Their report names it.
    Report,
    /// They answered questions about their report.
    WorkedOut,
    /// They picked it from the early / late overview without knowing it.
    Overview,
    /// They picked it from the stages that fit their report's words ("Explain my report").
    Explained,
}

impl FoundBy {
    fn keyword(self) -> &'static str {
        match self {
            FoundBy::Report => "report",
            FoundBy::WorkedOut => "worked-out",
            FoundBy::Overview => "overview",
            FoundBy::Explained => "explained",
        }
    }
}

/// What is on screen.
#[derive(Clone, Debug, PartialEq)]
pub enum View {
    /// Orientation and the choice of joint.
    Start,
    /// Three ways to find the stage for a joint.
    Joint(JointId),
    /// "My report names a stage": the stages of one staging system.
    System(SystemId),
    /// "Help me work it out": questions about the report.
    WorkItOut(JointId),
    /// "I don't know my stage": what to ask, and the early / late overview.
    NoStage(JointId),
    /// "Explain my report": the patient's report text, read back with its words explained.
    /// The text itself lives only in that view's own state, never in the place.
    Report(JointId),
    /// One stage.
    Stage(StageId),
    /// The options for a stage.
    Options(StageId),
    /// One option, for a stage.
    Option(StageId, OptionId),
    /// The chosen options side by side, for a stage.
    Compare(StageId),
    /// A reference page.
    Reference(Reference),
    /// One word explained (from a word marked in the text).
    Term(TermId),
    /// A step of decision support.
    Decide(Step),
}

impl View {
    fn keyword(&self) -> &'static str {
        match self {
            View::Start => "start",
            View::Joint(_) => "joint",
            View::System(_) => "system",
            View::WorkItOut(_) => "work-it-out",
            View::NoStage(_) => "no-stage",
            View::Report(_) => "report",
            View::Stage(_) => "stage",
            View::Options(_) => "options",
            View::Option(..) => "option",
            View::Compare(_) => "compare",
            View::Reference(page) => page.keyword(),
            View::Term(_) => "term",
            View::Decide(step) => step.keyword(),
        }
    }
}

/// The patient's place and choices.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// What is on screen.
    pub view: View,
    /// The views "Back" returns to, most recent last.
    trail: Vec<View>,
    /// The stage the patient picked as theirs, if any.
    pub stage: Option<StageId>,
    /// How the stage was found, once one was picked.
    pub found_by: Option<FoundBy>,
    /// Answers to the "work it out" questions, once the patient gave one.
    pub answers: Option<Answers>,
    /// Options picked to compare, in the order picked.
    pub compared: Vec<OptionId>,
    /// Risk factors the patient ticked as applying to them. Kept in memory only, never in the
    /// URL: a link or a browser history entry must not reveal them.
    pub risk_factors: Vec<RiskFactorId>,
    /// Options whose own page the patient opened, in the order first opened (in memory only).
    pub looked_at: Vec<OptionId>,
}

impl Default for Place {
    fn default() -> Self {
        Place {
            view: View::Start,
            trail: Vec::new(),
            stage: None,
            found_by: None,
            answers: None,
            compared: Vec::new(),
            risk_factors: Vec::new(),
            looked_at: Vec::new(),
        }
    }
}

/// What the patient did. Named as events (what happened), not commands.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Opened a view by a button or link.
    Opened(View),
    /// Picked a stage, found in the given way.
    PickedStage(StageId, FoundBy),
    /// Answered a "work it out" question (all the answers now).
    Answered(Answers),
    /// Ticked or unticked an option to compare.
    ToggledCompared(OptionId),
    /// Chose to compare the suggested choices for the stage (they replace the ticks).
    ComparedSuggested(StageId, Vec<OptionId>),
    /// Ticked or unticked a risk factor as applying to them.
    ToggledRiskFactor(RiskFactorId),
    /// Went one step back.
    WentBack,
    /// Went back to the start, forgetting every choice.
    StartedOver,
    /// Came back to a place (a reload, a bookmark, or the browser's back button).
    Restored(Rc<Place>),
}

impl Place {
    /// A place that starts on `joint`'s view (a hospital's `data-joint`), or at the start.
    pub fn starting_at(joint: Option<JointId>) -> Self {
        match joint {
            Some(joint) => Place {
                view: View::Joint(joint),
                trail: vec![View::Start],
                ..Place::default()
            },
            None => Place::default(),
        }
    }

    /// The view "Back" leads to, if any.
    pub fn back_to(&self) -> Option<&View> {
        self.trail.last()
    }

    fn open(&self, view: View) -> Place {
        let mut trail = self.trail.clone();
        if let Some(at) = trail.iter().position(|v| *v == view) {
            // Going to a view already on the way here: return to it, as Back would.
            trail.truncate(at);
        } else if view != self.view {
            trail.push(self.view.clone());
        }
        Place {
            view,
            trail,
            ..self.clone()
        }
    }
}

impl Reducible for Place {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = match action {
            // Comparing needs at least two options.
            Action::Opened(View::Compare(_)) if self.compared.len() < 2 => return self,
            Action::Opened(view) => {
                let mut next = self.open(view);
                if let View::Option(_, option) = &next.view {
                    if !next.looked_at.contains(option) {
                        next.looked_at.push(option.clone());
                    }
                }
                next
            }
            Action::PickedStage(stage, found_by) => Place {
                stage: Some(stage.clone()),
                found_by: Some(found_by),
                ..self.open(View::Stage(stage))
            },
            Action::Answered(answers) => Place {
                answers: Some(answers),
                ..(*self).clone()
            },
            Action::ToggledCompared(option) => {
                let mut compared = self.compared.clone();
                if let Some(at) = compared.iter().position(|o| *o == option) {
                    compared.remove(at);
                } else if compared.len() < MAX_COMPARED {
                    compared.push(option);
                } else {
                    return self;
                }
                Place {
                    compared,
                    ..(*self).clone()
                }
            }
            Action::ComparedSuggested(_, options) if options.len() < 2 => return self,
            Action::ComparedSuggested(stage, mut options) => {
                options.truncate(MAX_COMPARED);
                Place {
                    compared: options,
                    ..self.open(View::Compare(stage))
                }
            }
            Action::ToggledRiskFactor(factor) => {
                let mut risk_factors = self.risk_factors.clone();
                match risk_factors.iter().position(|r| *r == factor) {
                    Some(at) => {
                        risk_factors.remove(at);
                    }
                    None => risk_factors.push(factor),
                }
                Place {
                    risk_factors,
                    ..(*self).clone()
                }
            }
            Action::WentBack => {
                let mut trail = self.trail.clone();
                let view = trail.pop().unwrap_or(View::Start);
                Place {
                    view,
                    trail,
                    ..(*self).clone()
                }
            }
            Action::StartedOver => Place::default(),
            Action::Restored(place) => (*place).clone(),
        };
        // Returning the same Rc tells Yew nothing changed, so it skips the re-render.
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// Why a URL fragment could not be read as a place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnreadableFragment;

impl Place {
    /// The place as a URL fragment (without `#`): the view and the choices, in words a
    /// person can read, e.g. `v=stage&s=hip-arco-2019/IIIA&f=report`.
    pub fn to_fragment(&self) -> String {
        let mut pairs: Vec<(&str, String)> = vec![("v", self.view.keyword().to_string())];
        match &self.view {
            View::Start | View::Reference(_) => {}
            View::Decide(_) => {
                if let Some(stage) = &self.stage {
                    pairs.push(("s", stage.to_string()))
                }
            }
            View::Joint(j) | View::WorkItOut(j) | View::NoStage(j) | View::Report(j) => {
                pairs.push(("j", j.to_string()))
            }
            View::System(s) => pairs.push(("y", s.to_string())),
            View::Term(t) => pairs.push(("t", t.to_string())),
            View::Stage(s) | View::Options(s) | View::Compare(s) => {
                pairs.push(("s", s.to_string()))
            }
            View::Option(s, o) => {
                pairs.push(("s", s.to_string()));
                pairs.push(("o", o.to_string()));
            }
        }
        if let Some(found_by) = self.found_by {
            pairs.push(("f", found_by.keyword().to_string()));
        }
        if let Some(answers) = &self.answers {
            pairs.push(("a", answers.to_code()));
        }
        if !self.compared.is_empty() {
            let ids: Vec<&str> = self.compared.iter().map(|o| o.as_str()).collect();
            pairs.push(("c", ids.join(",")));
        }
        pairs
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// Reads a URL fragment (with or without `#`) written by [`Place::to_fragment`], checking
    /// every ID against the knowledge base. An empty fragment is the start. The trail is
    /// rebuilt as the natural way to the view, so Back works after a reload.
    pub fn from_fragment(fragment: &str, kb: &Kb) -> Result<Place, UnreadableFragment> {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        if fragment.is_empty() {
            return Ok(Place::default());
        }
        if fragment.len() > MAX_FRAGMENT {
            return Err(UnreadableFragment);
        }
        // One pass: each key may appear once, and only the known keys, so at most 9 pairs.
        const KEYS: [&str; 9] = ["v", "j", "y", "s", "o", "t", "f", "a", "c"];
        let mut values: [Option<&str>; 9] = [None; 9];
        for pair in fragment.split('&') {
            let (key, value) = pair.split_once('=').ok_or(UnreadableFragment)?;
            let at = KEYS
                .iter()
                .position(|k| *k == key)
                .ok_or(UnreadableFragment)?;
            if values[at].replace(value).is_some() {
                return Err(UnreadableFragment);
            }
        }
        let field = |key: &str| {
            KEYS.iter()
                .position(|k| *k == key)
                .and_then(|at| values[at])
        };
        let joint = || {
            let wanted = field("j").ok_or(UnreadableFragment)?;
            kb.joints
                .iter()
                .find(|j| j.id.as_str() == wanted)
                .map(|j| j.id.clone())
                .ok_or(UnreadableFragment)
        };
        let stage = || {
            let wanted = field("s").ok_or(UnreadableFragment)?;
            kb.systems
                .iter()
                .flat_map(|s| &s.stages)
                .find(|s| s.id.as_str() == wanted)
                .map(|s| s.id.clone())
                .ok_or(UnreadableFragment)
        };
        let option = |wanted: &str| {
            kb.options
                .iter()
                .find(|o| o.id.as_str() == wanted)
                .map(|o| o.id.clone())
                .ok_or(UnreadableFragment)
        };
        let view = match field("v").ok_or(UnreadableFragment)? {
            "start" => View::Start,
            "joint" => View::Joint(joint()?),
            "work-it-out" => View::WorkItOut(joint()?),
            "no-stage" => View::NoStage(joint()?),
            "report" => View::Report(joint()?),
            "system" => {
                let wanted = field("y").ok_or(UnreadableFragment)?;
                let system = kb.systems.iter().find(|s| s.id.as_str() == wanted);
                View::System(system.ok_or(UnreadableFragment)?.id.clone())
            }
            "stage" => View::Stage(stage()?),
            "options" => View::Options(stage()?),
            "compare" => View::Compare(stage()?),
            "option" => View::Option(stage()?, option(field("o").ok_or(UnreadableFragment)?)?),
            "term" => {
                let wanted = field("t").ok_or(UnreadableFragment)?;
                let term = kb.glossary.iter().find(|t| t.id.as_str() == wanted);
                View::Term(term.ok_or(UnreadableFragment)?.id.clone())
            }
            other => match Step::ALL.into_iter().find(|s| s.keyword() == other) {
                Some(step) => View::Decide(step),
                None => View::Reference(
                    Reference::ALL
                        .into_iter()
                        .find(|r| r.keyword() == other)
                        .ok_or(UnreadableFragment)?,
                ),
            },
        };
        let stage = match &view {
            View::Stage(s) | View::Options(s) | View::Compare(s) | View::Option(s, _) => {
                Some(s.clone())
            }
            _ if field("s").is_some() => Some(stage()?),
            _ => None,
        };
        let found_by = match field("f") {
            None => None,
            Some(word) => Some(
                [
                    FoundBy::Report,
                    FoundBy::WorkedOut,
                    FoundBy::Overview,
                    FoundBy::Explained,
                ]
                .into_iter()
                .find(|f| f.keyword() == word)
                .ok_or(UnreadableFragment)?,
            ),
        };
        let answers = match field("a") {
            Some(code) => Some(Answers::from_code(code, &kb.finder).ok_or(UnreadableFragment)?),
            None => None,
        };
        let mut compared = Vec::new();
        for wanted in field("c")
            .unwrap_or_default()
            .split(',')
            .filter(|s| !s.is_empty())
        {
            let id = option(wanted)?;
            if compared.contains(&id) || compared.len() == MAX_COMPARED {
                return Err(UnreadableFragment);
            }
            compared.push(id);
        }
        // A compare view with fewer than two options is a real place (the patient removed one
        // there): it reads back, and the page says to tick another.
        let trail = natural_trail(kb, &view, found_by);
        Ok(Place {
            view,
            trail,
            stage,
            found_by,
            answers,
            compared,
            risk_factors: Vec::new(),
            looked_at: Vec::new(),
        })
    }
}

/// The views a patient passes on the usual way to `view`, for Back after a reload.
fn natural_trail(kb: &Kb, view: &View, found_by: Option<FoundBy>) -> Vec<View> {
    let stage_way = |stage: &StageId| -> Vec<View> {
        let Some((system, _)) = kb.stage(stage) else {
            return vec![View::Start];
        };
        let joint = system.joint.clone();
        let found = match found_by {
            Some(FoundBy::WorkedOut) => View::WorkItOut(joint.clone()),
            Some(FoundBy::Overview) => View::NoStage(joint.clone()),
            Some(FoundBy::Explained) => View::Report(joint.clone()),
            _ => View::System(system.id.clone()),
        };
        vec![View::Start, View::Joint(joint), found]
    };
    match view {
        View::Start => Vec::new(),
        View::Reference(_) | View::Joint(_) => vec![View::Start],
        View::Term(_) => vec![View::Start, View::Reference(Reference::Glossary)],
        View::Decide(_) => vec![View::Start],
        View::WorkItOut(j) | View::NoStage(j) | View::Report(j) => {
            vec![View::Start, View::Joint(j.clone())]
        }
        View::System(s) => match kb.system(s) {
            Some(system) => vec![View::Start, View::Joint(system.joint.clone())],
            None => vec![View::Start],
        },
        View::Stage(s) => stage_way(s),
        View::Options(s) => [stage_way(s), vec![View::Stage(s.clone())]].concat(),
        View::Option(s, _) | View::Compare(s) => [
            stage_way(s),
            vec![View::Stage(s.clone()), View::Options(s.clone())],
        ]
        .concat(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::kb;

    fn hip() -> JointId {
        kb().unwrap().joints[0].id.clone()
    }

    fn arco(code: &str) -> StageId {
        let kb = kb().unwrap();
        let system = kb.system(&kb.joints[0].systems[0]).unwrap();
        let stage = system.stages.iter().find(|s| s.code == code).unwrap();
        stage.id.clone()
    }

    fn option(id: &str) -> OptionId {
        let kb = kb().unwrap();
        kb.options
            .iter()
            .find(|o| o.id.as_str() == id)
            .unwrap()
            .id
            .clone()
    }

    fn after(actions: Vec<Action>) -> Rc<Place> {
        actions
            .into_iter()
            .fold(Rc::new(Place::default()), |place, a| place.reduce(a))
    }

    fn read(fragment: &str) -> Result<Place, UnreadableFragment> {
        Place::from_fragment(fragment, kb().unwrap())
    }

    fn report_walk() -> Vec<Action> {
        let kb = kb().unwrap();
        vec![
            Action::Opened(View::Joint(hip())),
            Action::Opened(View::System(kb.joints[0].systems[0].clone())),
            Action::PickedStage(arco("IIIA"), FoundBy::Report),
            Action::Opened(View::Options(arco("IIIA"))),
        ]
    }

    #[test]
    fn starts_at_the_start() {
        assert_eq!(Place::default().view, View::Start);
    }

    #[test]
    fn picking_a_stage_from_a_report_shows_it_and_remembers_how_it_was_found() {
        let place = after(report_walk()[..3].to_vec());
        assert_eq!(place.view, View::Stage(arco("IIIA")));
        assert_eq!(place.found_by, Some(FoundBy::Report));
    }

    #[test]
    fn back_retraces_the_way_step_by_step_to_the_start() {
        let kb = kb().unwrap();
        let mut place = after(report_walk());
        let mut seen = Vec::new();
        while place.view != View::Start {
            place = place.reduce(Action::WentBack);
            seen.push(place.view.clone());
        }
        assert_eq!(
            seen,
            [
                View::Stage(arco("IIIA")),
                View::System(kb.joints[0].systems[0].clone()),
                View::Joint(hip()),
                View::Start
            ]
        );
    }

    #[test]
    fn opening_a_view_already_on_the_way_returns_to_it_without_a_loop() {
        let place = after(report_walk()).reduce(Action::Opened(View::Stage(arco("IIIA"))));
        assert_eq!(
            place.back_to(),
            Some(&View::System(kb().unwrap().joints[0].systems[0].clone()))
        );
    }

    #[test]
    fn starting_over_forgets_every_choice() {
        let mut actions = report_walk();
        actions.push(Action::ToggledCompared(option("watch-and-wait")));
        actions.push(Action::StartedOver);
        assert_eq!(*after(actions), Place::default());
    }

    #[test]
    fn compare_needs_two_options_and_takes_at_most_four() {
        let mut place = after(report_walk());
        let compare = Action::Opened(View::Compare(arco("IIIA")));
        let first = place
            .clone()
            .reduce(Action::ToggledCompared(option("watch-and-wait")));
        let unchanged = first.clone().reduce(compare.clone());
        assert!(
            Rc::ptr_eq(&first, &unchanged),
            "one option cannot be compared"
        );
        for id in [
            "watch-and-wait",
            "core-decompression",
            "osteotomy",
            "total-hip-replacement",
            "pain-relief",
        ] {
            place = place.reduce(Action::ToggledCompared(option(id)));
        }
        assert_eq!(place.compared.len(), MAX_COMPARED);
        assert!(!place.compared.contains(&option("pain-relief")));
        let place = place.reduce(Action::ToggledCompared(option("osteotomy")));
        assert_eq!(place.compared.len(), 3, "unticking removes it");
        assert_eq!(place.reduce(compare).view, View::Compare(arco("IIIA")));
    }

    #[test]
    fn comparing_the_suggested_choices_replaces_the_ticks_and_opens_the_grid() {
        let stage = arco("II");
        let suggested = vec![
            option("watch-and-wait"),
            option("core-decompression"),
            option("bisphosphonates"),
            option("shockwave-therapy"),
            option("osteotomy"),
        ];
        let place = after(vec![
            Action::Opened(View::Options(stage.clone())),
            Action::ToggledCompared(option("statins")),
            Action::ComparedSuggested(stage.clone(), suggested.clone()),
        ]);
        assert_eq!(place.view, View::Compare(stage.clone()));
        assert_eq!(place.compared, suggested[..MAX_COMPARED]);
        // One suggestion is not a comparison: nothing happens.
        let before = after(vec![Action::Opened(View::Options(stage.clone()))]);
        let same = before
            .clone()
            .reduce(Action::ComparedSuggested(stage, suggested[..1].to_vec()));
        assert!(Rc::ptr_eq(&before, &same));
    }

    #[test]
    fn ticked_risk_factors_stay_in_memory_but_never_reach_the_fragment() {
        let kb = kb().unwrap();
        let factor = kb.risk_factors[0].id.clone();
        let place = after(vec![
            Action::Opened(View::Reference(Reference::RiskFactors)),
            Action::ToggledRiskFactor(factor.clone()),
        ]);
        assert_eq!(place.risk_factors.len(), 1);
        assert!(!place.to_fragment().contains(factor.as_str()));
        let place = place.reduce(Action::ToggledRiskFactor(factor));
        assert!(place.risk_factors.is_empty());
    }

    #[test]
    fn a_configured_joint_starts_on_its_view_and_back_leads_to_the_start() {
        let place = Rc::new(Place::starting_at(Some(hip())));
        assert_eq!(place.view, View::Joint(hip()));
        assert_eq!(place.reduce(Action::WentBack).view, View::Start);
    }

    #[test]
    fn the_fragment_round_trips_view_and_choices_and_rebuilds_the_way_back() {
        let mut actions = report_walk();
        actions.push(Action::ToggledCompared(option("watch-and-wait")));
        actions.push(Action::ToggledCompared(option("core-decompression")));
        actions.push(Action::Opened(View::Compare(arco("IIIA"))));
        let place = after(actions);
        let fragment = place.to_fragment();
        assert_eq!(
            fragment,
            "v=compare&s=hip-arco-2019/IIIA&f=report&c=watch-and-wait,core-decompression"
        );
        let restored = read(&format!("#{fragment}")).unwrap();
        assert_eq!(restored.view, place.view);
        assert_eq!(restored.compared, place.compared);
        assert_eq!(restored.found_by, Some(FoundBy::Report));
        assert_eq!(restored.back_to(), Some(&View::Options(arco("IIIA"))));
    }

    #[test]
    fn every_view_survives_the_fragment() {
        let kb = kb().unwrap();
        let views = [
            View::Start,
            View::Joint(hip()),
            View::System(kb.joints[0].systems[1].clone()),
            View::WorkItOut(hip()),
            View::NoStage(hip()),
            View::Report(hip()),
            View::Stage(arco("I")),
            View::Options(arco("II")),
            View::Option(arco("II"), option("core-decompression")),
            View::Reference(Reference::Glossary),
            View::Reference(Reference::About),
            View::Decide(Step::Values),
            View::Decide(Step::Summary),
        ];
        for view in views {
            let place = Place {
                view: view.clone(),
                ..Place::default()
            };
            assert_eq!(read(&place.to_fragment()).unwrap().view, view);
        }
    }

    #[test]
    fn explain_my_report_is_a_joint_view_whose_fragment_names_only_the_joint() {
        let place = after(vec![
            Action::Opened(View::Joint(hip())),
            Action::Opened(View::Report(hip())),
        ]);
        assert_eq!(place.to_fragment(), "v=report&j=hip");
        let restored = read("#v=report&j=hip").unwrap();
        assert_eq!(restored.view, View::Report(hip()));
        assert_eq!(restored.back_to(), Some(&View::Joint(hip())));
        for bad in ["v=report", "v=report&j=elbow"] {
            assert_eq!(read(bad), Err(UnreadableFragment), "{bad}");
        }
        // A stage picked there comes back, after a reload, with Back leading to the report view.
        let picked = place.reduce(Action::PickedStage(arco("II"), FoundBy::Explained));
        let fragment = picked.to_fragment();
        assert_eq!(fragment, "v=stage&s=hip-arco-2019/II&f=explained");
        assert_eq!(
            read(&fragment).unwrap().back_to(),
            Some(&View::Report(hip()))
        );
    }

    #[test]
    fn malformed_or_unknown_fragments_are_refused() {
        for bad in [
            "v=stage",
            "v=stage&s=hip-arco-2019/IX",
            "v=elbow",
            "v=joint&j=elbow",
            "v=joint&j=hip&j=knee",
            "v=joint&j=hip&x=1",
            "v=options&s=hip-arco-2019/I&c=nothing",
            "v=stage&s=hip-arco-2019/I&f=guess",
            "v=work-it-out&j=hip&a=this-is-far-too-long-to-be-answers",
            "<script>",
            "v",
        ] {
            assert_eq!(read(bad), Err(UnreadableFragment), "{bad}");
        }
        assert_eq!(read("").unwrap(), Place::default());
        // Answers to "work it out" read back as answers; a code for other questions does not.
        let mut answers = Answers::new(&kb().unwrap().finder);
        answers.set(0, Some(1));
        let asked = Rc::new(Place::default()).reduce(Action::Answered(answers.clone()));
        let fragment = asked.to_fragment();
        assert_eq!(read(&fragment).unwrap().answers, Some(answers));
        let wrong_length = format!("{fragment}-");
        assert_eq!(read(&wrong_length), Err(UnreadableFragment));
        assert_eq!(read("#").unwrap(), Place::default());
        // After removing an option on the compare page, a reload comes back there.
        let one = read("v=compare&s=hip-arco-2019/I&c=watch-and-wait").unwrap();
        assert_eq!(one.compared.len(), 1);
    }

    #[test]
    fn a_fragment_longer_than_any_real_place_is_refused_before_it_is_read() {
        let real = report_walk()
            .into_iter()
            .fold(Rc::new(Place::default()), |p, a| p.reduce(a))
            .to_fragment();
        assert!(real.len() < MAX_FRAGMENT / 4, "{real}");
        // 2 MB of repeated pairs (which once took seconds to check for repeated keys).
        let huge = "v=start&".repeat(2 * 1024 * 1024 / 8);
        assert_eq!(read(&huge), Err(UnreadableFragment));
        let just_over = format!("v=start&a={}", "-".repeat(MAX_FRAGMENT));
        assert_eq!(read(&just_over), Err(UnreadableFragment));
        // Ten pairs cannot be a place: there are nine keys and each may appear once.
        let ten = "v=start&j=hip&y=x&s=x&o=x&t=x&f=x&a=x&c=x&v=start";
        assert_eq!(read(ten), Err(UnreadableFragment));
    }

    proptest::proptest! {
        #[test]
        fn any_fragment_is_read_or_refused_without_panicking(text in ".{0,600}") {
            let _ = read(&text);
        }

        #[test]
        fn fragments_built_from_real_keys_never_panic(
            pairs in proptest::collection::vec(
                ("[vjysotfac]", "[a-z0-9/,=&#%-]{0,40}"), 0..12)
        ) {
            let text: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
            let _ = read(&text.join("&"));
        }

        #[test]
        fn every_place_reached_by_clicks_round_trips_through_its_fragment(
            steps in proptest::collection::vec(0usize..8, 0..12)
        ) {
            let kb = kb().unwrap();
            let stage = arco("II");
            let actions = [
                Action::Opened(View::Joint(hip())),
                Action::PickedStage(stage.clone(), FoundBy::Report),
                Action::Opened(View::Options(stage.clone())),
                Action::ToggledCompared(option("watch-and-wait")),
                Action::ToggledCompared(option("core-decompression")),
                Action::Opened(View::Compare(stage.clone())),
                Action::WentBack,
                Action::Opened(View::Decide(Step::Summary)),
            ];
            let place = steps
                .iter()
                .fold(Rc::new(Place::default()), |p, &i| p.reduce(actions[i].clone()));
            let back = Place::from_fragment(&place.to_fragment(), kb).unwrap();
            proptest::prop_assert_eq!(back.to_fragment(), place.to_fragment());
        }
    }
}
