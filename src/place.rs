//! Where the patient is in the aid: a pure reducer, with no browser or knowledge-base access,
//! so it is tested natively. The aid keeps its place here, never in the host page's URL.

use avn_kb::{JointId, StageId};
use std::rc::Rc;
use yew::Reducible;

/// The patient's place: which joint and which stage they picked.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Place {
    joint: Option<JointId>,
    stage: Option<StageId>,
}

/// What is on screen, derived from the place.
#[derive(Clone, Debug, PartialEq)]
pub enum View {
    /// Orientation and the choice of joint.
    Start,
    /// A joint's stages.
    Joint(JointId),
    /// One stage, reached from its joint.
    Stage(JointId, StageId),
}

/// What the patient did. Named as events (what happened), not commands.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Picked a joint on the start view.
    PickedJoint(JointId),
    /// Picked a stage on a joint's view.
    PickedStage(StageId),
    /// Went one step back.
    WentBack,
    /// Went back to the start.
    StartedOver,
}

impl Place {
    /// A place that starts on `joint`'s view (a hospital's `data-joint`), or at the start.
    pub fn starting_at(joint: Option<JointId>) -> Self {
        Place { joint, stage: None }
    }

    /// The view this place shows.
    pub fn view(&self) -> View {
        match (&self.joint, &self.stage) {
            (Some(joint), Some(stage)) => View::Stage(joint.clone(), stage.clone()),
            (Some(joint), None) => View::Joint(joint.clone()),
            _ => View::Start,
        }
    }
}

impl Reducible for Place {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = match action {
            Action::PickedJoint(joint) => Place {
                joint: Some(joint),
                stage: None,
            },
            // A stage is only reachable from its joint's view.
            Action::PickedStage(stage) if self.joint.is_some() => Place {
                joint: self.joint.clone(),
                stage: Some(stage),
            },
            Action::PickedStage(_) => return self,
            Action::WentBack if self.stage.is_some() => Place {
                joint: self.joint.clone(),
                stage: None,
            },
            Action::WentBack | Action::StartedOver => Place::default(),
        };
        // Returning the same Rc tells Yew nothing changed, so it skips the re-render.
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::kb;

    fn hip_and_stage(code: &str) -> (JointId, StageId) {
        let kb = kb().unwrap();
        let hip = kb.joints[0].id.clone();
        let system = kb.system(&kb.joints[0].systems[0]).unwrap();
        let stage = system.stages.iter().find(|s| s.code == code).unwrap();
        (hip, stage.id.clone())
    }

    fn after(actions: Vec<Action>) -> Rc<Place> {
        actions
            .into_iter()
            .fold(Rc::new(Place::default()), |place, a| place.reduce(a))
    }

    #[test]
    fn starts_at_the_start() {
        assert_eq!(Place::default().view(), View::Start);
    }

    #[test]
    fn picking_a_joint_then_a_stage_shows_that_stage() {
        let (hip, iiia) = hip_and_stage("IIIA");
        let place = after(vec![
            Action::PickedJoint(hip.clone()),
            Action::PickedStage(iiia.clone()),
        ]);
        assert_eq!(place.view(), View::Stage(hip, iiia));
    }

    #[test]
    fn back_goes_from_stage_to_joint_to_start() {
        let (hip, stage) = hip_and_stage("II");
        let at_stage = after(vec![
            Action::PickedJoint(hip.clone()),
            Action::PickedStage(stage),
        ]);
        let back_once = at_stage.reduce(Action::WentBack);
        assert_eq!(back_once.view(), View::Joint(hip));
        assert_eq!(back_once.reduce(Action::WentBack).view(), View::Start);
    }

    #[test]
    fn starting_over_forgets_joint_and_stage() {
        let (hip, stage) = hip_and_stage("IV");
        let place = after(vec![
            Action::PickedJoint(hip),
            Action::PickedStage(stage),
            Action::StartedOver,
        ]);
        assert_eq!(*place, Place::default());
    }

    #[test]
    fn a_stage_without_a_joint_is_ignored_and_changes_nothing() {
        let (_, stage) = hip_and_stage("I");
        let start = Rc::new(Place::default());
        let next = start.clone().reduce(Action::PickedStage(stage));
        assert!(Rc::ptr_eq(&start, &next), "same Rc means no re-render");
    }

    #[test]
    fn a_configured_joint_starts_on_its_view_and_back_leads_to_the_start() {
        let (hip, _) = hip_and_stage("I");
        let place = Rc::new(Place::starting_at(Some(hip.clone())));
        assert_eq!(place.view(), View::Joint(hip));
        assert_eq!(place.reduce(Action::WentBack).view(), View::Start);
    }

    #[test]
    fn picking_another_joint_drops_the_old_stage() {
        let (hip, stage) = hip_and_stage("IIIB");
        let place = after(vec![
            Action::PickedJoint(hip.clone()),
            Action::PickedStage(stage),
            Action::PickedJoint(hip.clone()),
        ]);
        assert_eq!(place.view(), View::Joint(hip));
    }
}
