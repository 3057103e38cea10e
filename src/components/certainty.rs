//! The evidence certainty badge: the same words and look wherever a certainty is shown.

use crate::aid::use_aid;
use avn_kb::Certainty;
use yew::prelude::*;

/// Props: the certainty to show.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// How sure the evidence is.
    pub certainty: Certainty,
    /// Leave out "How sure the research is:" (when a label for it is already shown).
    #[prop_or_default]
    pub bare: bool,
}

/// "How sure: Low", with a mark of 0 to 4 filled dots so the grade is seen, not only read.
#[component]
pub fn CertaintyBadge(props: &Props) -> Html {
    let (_, _, ui) = use_aid();
    let dots = match props.certainty {
        Certainty::High => 4,
        Certainty::Moderate => 3,
        Certainty::Low => 2,
        Certainty::VeryLow => 1,
        Certainty::NoEvidence => 0,
    };
    let marks: String = (0..4).map(|i| if i < dots { '●' } else { '○' }).collect();
    html! {
        <span class="avn-badge">
            if !props.bare {
                { &ui.certainty_label }{ " " }
            }
            <strong>{ ui.certainty(props.certainty) }</strong>
            <span class="avn-badge-dots" aria-hidden="true">{ marks }</span>
        </span>
    }
}
