//! "Help me work it out": plain questions about what an imaging report says, and the engine that
//! turns the answers into a stage, or a range of stages, in each of a joint's staging systems.
//! Pure: it reads only the [`Kb`], so it runs in the app as well as in tests.

use crate::model::{Kb, Modifier, Stage, StagingSystem, UiText};
use crate::{JointId, LangId, Milestone, SystemId, Text};
use serde::{Deserialize, Serialize};

/// The questions of "help me work it out", in the order they are asked.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Finder {
    /// The questions, in the order they are asked.
    pub questions: Vec<Question>,
}

/// One plain question about what the report says.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// Its ID, e.g. `x-ray` (unique in the finder).
    pub id: String,
    /// The question.
    pub text: Text,
    /// Where in the report to look, if said.
    pub help: Option<Text>,
    /// The answers a patient can pick, exactly one of them "I don't know".
    pub choices: Vec<Choice>,
}

/// One answer to a question, and what it says about the imaging findings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    /// The answer as shown. Only an "I don't know" answer may leave it out (the interface's
    /// own "I don't know" is shown then).
    pub text: Option<Text>,
    /// The "I don't know" answer: it says nothing about the findings.
    pub unknown: bool,
    /// The mildest finding this answer allows, if it sets one.
    pub at_least: Option<Milestone>,
    /// The most advanced finding this answer allows, if it sets one.
    pub at_most: Option<Milestone>,
    /// Findings this answer rules out.
    pub rules_out: Vec<Milestone>,
    /// Sub-types this answer picks, as (staging system, sub-type code).
    pub modifiers: Vec<(SystemId, String)>,
}

impl Choice {
    /// The answer as shown in `lang`: its own text, or the interface's "I don't know".
    pub fn label<'a>(&'a self, lang: &LangId, ui: &'a UiText) -> &'a str {
        match &self.text {
            Some(text) => text.get(lang),
            None => &ui.finder_dont_know,
        }
    }

    /// The findings this answer leaves possible, mildest first (every finding for an answer
    /// that says nothing about them).
    pub fn allows(&self) -> Vec<Milestone> {
        Milestone::ALL
            .into_iter()
            .filter(|m| self.at_least.is_none_or(|low| *m >= low))
            .filter(|m| self.at_most.is_none_or(|high| *m <= high))
            .filter(|m| !self.rules_out.contains(m))
            .collect()
    }
}

impl Question {
    /// Whether to ask this question for `joint`: a question that only picks sub-types is asked
    /// only where one of the joint's systems (see [`systems_for`]) has those sub-types.
    pub fn applies_to(&self, kb: &Kb, joint: &JointId) -> bool {
        let picks_modifiers = self.choices.iter().any(|c| !c.modifiers.is_empty());
        let moves_findings = self
            .choices
            .iter()
            .any(|c| c.allows().len() < Milestone::ALL.len());
        if moves_findings || !picks_modifiers {
            return true;
        }
        let systems = systems_for(kb, joint);
        self.choices
            .iter()
            .flat_map(|c| &c.modifiers)
            .any(|(system, _)| systems.iter().any(|s| &s.id == system))
    }
}

/// A patient's answers: for each question, the index of the chosen answer, or `None` when the
/// question has not been answered.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers(Vec<Option<u8>>);

/// The mildest finding on the scale.
const MILDEST: Milestone = Milestone::ALL[0];

/// The most advanced finding on the scale.
const MOST_ADVANCED: Milestone = Milestone::ALL[Milestone::ALL.len() - 1];

/// The characters of a code, one per answer index; `-` is "not answered".
const CODE_DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// The most answers a question may have, so each fits in one character of a code.
pub const MAX_CHOICES: usize = CODE_DIGITS.len();

impl Answers {
    /// No answers yet to any of the finder's questions.
    pub fn new(finder: &Finder) -> Self {
        Self(vec![None; finder.questions.len()])
    }

    /// The chosen answer to question `question`, if answered.
    pub fn get(&self, question: usize) -> Option<u8> {
        self.0.get(question).copied().flatten()
    }

    /// Sets (or with `None`, clears) the answer to question `question`.
    pub fn set(&mut self, question: usize, choice: Option<u8>) {
        if question >= self.0.len() {
            self.0.resize(question + 1, None);
        }
        self.0[question] = choice;
    }

    /// The answers as a short code that is safe in a web address: one character per question,
    /// `0`–`9` then `a`–`z` for the answer's position, `-` for not answered.
    pub fn to_code(&self) -> String {
        self.0
            .iter()
            .map(|a| match a {
                Some(i) => CODE_DIGITS
                    .get(usize::from(*i))
                    .map_or('-', |&c| char::from(c)),
                None => '-',
            })
            .collect()
    }

    /// Reads a code made by [`Answers::to_code`] for `finder`'s questions; `None` if it has the
    /// wrong length, an unknown character, or an answer a question does not have.
    pub fn from_code(code: &str, finder: &Finder) -> Option<Answers> {
        if code.len() != finder.questions.len() {
            return None;
        }
        code.bytes()
            .zip(&finder.questions)
            .map(|(c, q)| {
                if c == b'-' {
                    return Some(None);
                }
                let index = CODE_DIGITS.iter().position(|&d| d == c)?;
                (index < q.choices.len()).then(|| u8::try_from(index).ok())
            })
            .collect::<Option<Vec<_>>>()
            .map(Answers)
    }
}

/// The joint's staging systems that "help me work it out" can place a patient in: those whose
/// every stage lists its imaging findings. Empty: the aid does not offer it for this joint.
pub fn systems_for<'a>(kb: &'a Kb, joint: &JointId) -> Vec<&'a StagingSystem> {
    let Some(joint) = kb.joint(joint) else {
        return Vec::new();
    };
    joint
        .systems
        .iter()
        .filter_map(|id| kb.system(id))
        .filter(|s| !s.stages.is_empty() && s.stages.iter().all(|st| !st.milestones.is_empty()))
        .collect()
}

/// The indices of the questions to ask for `joint` (see [`Question::applies_to`]); empty when
/// the joint has no system to place a patient in.
pub fn questions_for(kb: &Kb, joint: &JointId) -> Vec<usize> {
    if systems_for(kb, joint).is_empty() {
        return Vec::new();
    }
    (0..kb.finder.questions.len())
        .filter(|&i| kb.finder.questions[i].applies_to(kb, joint))
        .collect()
}

/// What a set of answers says about the stage.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome<'a> {
    /// The mildest finding still possible.
    pub lowest: Milestone,
    /// The most advanced finding still possible.
    pub highest: Milestone,
    /// Every finding still possible, mildest first.
    pub possible: Vec<Milestone>,
    /// For each system from [`systems_for`], the stages that fit and the sub-types picked.
    pub systems: Vec<SystemFit<'a>>,
    /// Which answers decided the range.
    pub decided_by: DecidedBy,
    /// Questions answered "I don't know".
    pub unsure: Vec<usize>,
    /// Questions whose answers contradict each other. Their answers are left out of the range,
    /// which is then wider: the aid says so rather than guess which answer is right.
    pub conflict: Vec<usize>,
}

/// Which questions decided a range (indices into the finder's questions, in order).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DecidedBy {
    /// Answers that ruled out milder findings than the mildest possible one (they set the
    /// lower end of the range).
    pub lower: Vec<usize>,
    /// Answers that ruled out more advanced findings than the most advanced possible one (they
    /// set the upper end of the range).
    pub upper: Vec<usize>,
    /// Answers that ruled out findings inside the range.
    pub ruled_out: Vec<usize>,
    /// Answers that picked a sub-type.
    pub modifiers: Vec<usize>,
}

impl DecidedBy {
    /// Every question that decided something, in order, once each.
    pub fn all(&self) -> Vec<usize> {
        let mut all: Vec<usize> = [&self.lower, &self.upper, &self.ruled_out, &self.modifiers]
            .into_iter()
            .flatten()
            .copied()
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    }
}

/// The stages of one system that fit the answers.
#[derive(Clone, Debug, PartialEq)]
pub struct SystemFit<'a> {
    /// The staging system.
    pub system: &'a StagingSystem,
    /// Stages that span a possible finding, mildest first.
    pub stages: Vec<&'a Stage>,
    /// Sub-types the answers picked in this system.
    pub modifiers: Vec<&'a Modifier>,
}

impl<'a> SystemFit<'a> {
    /// The one stage that fits, when only one does.
    pub fn exact(&self) -> Option<&'a Stage> {
        match self.stages[..] {
            [stage] => Some(stage),
            _ => None,
        }
    }

    /// The mildest and the most advanced stage that fit, if any does.
    pub fn range(&self) -> Option<(&'a Stage, &'a Stage)> {
        Some((*self.stages.first()?, *self.stages.last()?))
    }
}

impl Outcome<'_> {
    /// Whether the answers point to one stage in every system, without contradictions.
    pub fn is_exact(&self) -> bool {
        self.conflict.is_empty()
            && !self.systems.is_empty()
            && self.systems.iter().all(|s| s.exact().is_some())
    }
}

/// Works out the stages that fit `answers` in each of `joint`'s systems (see [`systems_for`]).
/// With no answers, every finding and every stage is possible.
pub fn work_out<'a>(kb: &'a Kb, joint: &JointId, answers: &Answers) -> Outcome<'a> {
    let questions = &kb.finder.questions;
    let chosen: Vec<(usize, &Choice)> = questions
        .iter()
        .enumerate()
        .filter_map(|(i, q)| Some((i, q.choices.get(usize::from(answers.get(i)?))?)))
        .collect();
    let unsure = chosen
        .iter()
        .filter(|(_, c)| c.unknown)
        .map(|(i, _)| *i)
        .collect();
    let narrowing: Vec<(usize, Vec<Milestone>)> = chosen
        .iter()
        .filter(|(_, c)| !c.unknown)
        .map(|(i, c)| (*i, c.allows()))
        .filter(|(_, allows)| allows.len() < Milestone::ALL.len())
        .collect();

    let mut conflict = Vec::new();
    for (a, (i, first)) in narrowing.iter().enumerate() {
        for (j, second) in &narrowing[a + 1..] {
            if !first.iter().any(|m| second.contains(m)) {
                conflict.extend([*i, *j]);
            }
        }
    }
    conflict.sort_unstable();
    conflict.dedup();
    if possible_with(&narrowing, &conflict).is_empty() {
        // No two of the other answers clash, but together they leave nothing: all of them are
        // in question.
        conflict = narrowing.iter().map(|(i, _)| *i).collect();
    }

    let possible = possible_with(&narrowing, &conflict);
    let lowest = possible.first().copied().unwrap_or(MILDEST);
    let highest = possible.last().copied().unwrap_or(MOST_ADVANCED);
    let used = narrowing.iter().filter(|(i, _)| !conflict.contains(i));
    let mut decided_by = DecidedBy::default();
    for (i, allows) in used {
        let excludes = |m: &Milestone| !allows.contains(m);
        if Milestone::ALL.iter().filter(|m| **m < lowest).any(excludes) {
            decided_by.lower.push(*i);
        }
        if Milestone::ALL
            .iter()
            .filter(|m| **m > highest)
            .any(excludes)
        {
            decided_by.upper.push(*i);
        }
        let inside = |m: &&Milestone| (lowest..=highest).contains(*m);
        if Milestone::ALL.iter().filter(inside).any(excludes) {
            decided_by.ruled_out.push(*i);
        }
    }
    let joint_systems = systems_for(kb, joint);
    decided_by.modifiers = chosen
        .iter()
        .filter(|(_, c)| {
            c.modifiers
                .iter()
                .any(|(s, _)| joint_systems.iter().any(|js| &js.id == s))
        })
        .map(|(i, _)| *i)
        .collect();

    let systems = joint_systems
        .into_iter()
        .map(|system| SystemFit {
            system,
            stages: system
                .stages
                .iter()
                .filter(|st| st.milestones.iter().any(|m| possible.contains(m)))
                .collect(),
            modifiers: system
                .modifiers
                .iter()
                .filter(|m| {
                    chosen.iter().any(|(_, c)| {
                        c.modifiers
                            .iter()
                            .any(|(s, code)| s == &system.id && code == &m.code)
                    })
                })
                .collect(),
        })
        .collect();

    Outcome {
        lowest,
        highest,
        possible,
        systems,
        decided_by,
        unsure,
        conflict,
    }
}

/// The findings every answer allows, leaving out the answers of questions in `skip`.
fn possible_with(narrowing: &[(usize, Vec<Milestone>)], skip: &[usize]) -> Vec<Milestone> {
    Milestone::ALL
        .into_iter()
        .filter(|m| {
            narrowing
                .iter()
                .filter(|(i, _)| !skip.contains(i))
                .all(|(_, allows)| allows.contains(m))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finder(choices: &[usize]) -> Finder {
        let choice = Choice {
            text: None,
            unknown: true,
            at_least: None,
            at_most: None,
            rules_out: Vec::new(),
            modifiers: Vec::new(),
        };
        Finder {
            questions: choices
                .iter()
                .enumerate()
                .map(|(i, &n)| Question {
                    id: format!("q{i}"),
                    text: Text::new(Vec::new()),
                    help: None,
                    choices: vec![choice.clone(); n],
                })
                .collect(),
        }
    }

    #[test]
    fn codes_round_trip_and_reject_what_does_not_fit() {
        let f = finder(&[3, 12, 2]);
        let mut answers = Answers::new(&f);
        assert_eq!(answers.to_code(), "---");
        answers.set(1, Some(11));
        answers.set(0, Some(2));
        assert_eq!(answers.to_code(), "2b-");
        assert_eq!(Answers::from_code("2b-", &f), Some(answers));
        for bad in ["", "2b", "2b--", "3b-", "2c-", "2B-", "2b!", "2é"] {
            assert_eq!(Answers::from_code(bad, &f), None, "{bad}");
        }
    }

    #[test]
    fn an_answer_allows_its_range_without_what_it_rules_out() {
        let choice = Choice {
            text: None,
            unknown: false,
            at_least: Some(Milestone::Sclerosis),
            at_most: Some(Milestone::DepressionUnder2mm),
            rules_out: vec![Milestone::SubchondralFracture],
            modifiers: Vec::new(),
        };
        assert_eq!(
            choice.allows(),
            [Milestone::Sclerosis, Milestone::DepressionUnder2mm]
        );
    }
}
