//! One explanation topic: its paragraphs, urgent ones marked, and its sources in short.

use crate::aid::use_aid;
use crate::components::patient_text::PatientText;
use avn_kb::TopicId;
use yew::prelude::*;

/// Props: the topic.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// The topic to show.
    pub topic: TopicId,
}

/// A section with the topic's title as a heading.
#[component]
pub fn TopicView(props: &Props) -> Html {
    let (aid, kb, ui) = use_aid();
    let Some(topic) = kb.topic(&props.topic) else {
        return Html::default();
    };
    let lang = &aid.lang;
    let blocks = topic.blocks.iter().map(|block| {
        let text = block.text.get(lang).to_string();
        if block.urgent {
            html! {
                <p class="avn-urgent"><strong>{ &ui.urgent_label }</strong>{ " " }<PatientText {text} /></p>
            }
        } else {
            html! { <p><PatientText {text} /></p> }
        }
    });
    html! {
        <section class="avn-topic">
            <h2>{ topic.title.get(lang) }</h2>
            { for blocks }
        </section>
    }
}
