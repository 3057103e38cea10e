//! The numbered list of sources behind what a page says.

use crate::content::kb;
use avn_kb::{LangId, SourceId, Verification};
use yew::prelude::*;

/// Props: the sources to list, by ID.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// Interface language.
    pub lang: LangId,
    /// Source IDs, in the order to show them; a repeated ID is listed once.
    pub sources: Vec<SourceId>,
}

/// A heading and one citation per source, each with a link to the paper where one exists.
#[component]
pub fn SourceList(props: &Props) -> Html {
    let Some(kb) = kb() else {
        return Html::default();
    };
    let ui = kb.ui(&props.lang);
    let mut seen = Vec::new();
    let first_time = |id: &&SourceId| {
        let new = !seen.contains(*id);
        if new {
            seen.push((*id).clone());
        }
        new
    };
    let items = props.sources.iter().filter(first_time).filter_map(|id| kb.source(id)).map(|source| {
        let link = source.href();
        html! {
            <li key={source.id.as_str().to_string()}>
                { source.citation() }
                if source.checked == Verification::Secondary {
                    { " " }<span class="avn-note">{ &ui.checked_second_hand }</span>
                }
                if let Some(href) = link {
                    { " " }
                    <a {href} target="_blank" rel="noopener noreferrer">
                        { source.doi.as_deref().map_or(source.title.clone(), |d| format!("doi:{d}")) }
                        <span class="avn-visually-hidden">{ format!(" {}", ui.opens_new_tab) }</span>
                    </a>
                }
            </li>
        }
    });
    html! {
        <section class="avn-sources">
            <h2>{ &ui.sources_heading }</h2>
            <ol>{ for items }</ol>
        </section>
    }
}
