//! One outcome figure: the picture of 100 people, then the same numbers in words, who the
//! 100 were, how sure the estimate is, caveats and sources.

use crate::aid::use_aid;
use crate::components::certainty::CertaintyBadge;
use crate::components::icon_array::IconArray;
use avn_kb::{fill, Figure, Kb, LangId, SourceId, UiText};
use yew::prelude::*;

/// Props: the figure.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// The figure to show.
    pub figure: Figure,
}

/// A figure as a picture and words, side by side on wide screens.
#[component]
pub fn FigureView(props: &Props) -> Html {
    let (aid, kb, ui) = use_aid();
    let f = &props.figure;
    let lang = &aid.lang;
    let sentence = figure_sentence(ui, lang, f);
    html! {
        <figure class="avn-figure">
            <IconArray count={f.per_100} high={f.high} />
            <figcaption>
                <p class="avn-figure-main">{ &sentence }</p>
                <p>{ &ui.figure_group }{ " " }{ f.group.get(lang) }</p>
                <IconLegend count={f.per_100} high={f.high} />
                <p><CertaintyBadge certainty={f.certainty} /></p>
                if let Some(note) = &f.note {
                    <p class="avn-note">{ note.get(lang) }</p>
                }
                <p class="avn-cite">{ cites(kb, &f.sources) }</p>
            </figcaption>
        </figure>
    }
}

/// "29 out of 100 needed a hip replacement within 2 years (range 20 to 40)".
pub fn figure_sentence(ui: &UiText, lang: &LangId, f: &Figure) -> String {
    let mut line = format!(
        "{} {} {}",
        fill(&ui.figure_count, &[("n", &f.per_100.to_string())]),
        f.outcome.get(lang),
        fill(&ui.figure_time, &[("time", &ui.span(f.years))])
    );
    if let (Some(low), Some(high)) = (f.low, f.high) {
        line.push(' ');
        line.push_str(&fill(
            &ui.figure_range,
            &[("low", &low.to_string()), ("high", &high.to_string())],
        ));
    }
    line
}

/// Sources, short: "Castro 2000; Smith 1995".
pub fn cites(kb: &Kb, sources: &[SourceId]) -> String {
    sources
        .iter()
        .filter_map(|id| kb.source(id))
        .map(|s| format!("{} {}", s.first_author(), s.year))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Props: the counts the legend explains.
#[derive(Clone, PartialEq, Properties)]
pub struct LegendProps {
    /// Best estimate, out of 100.
    pub count: u8,
    /// Top of the range, if above the estimate.
    #[prop_or_default]
    pub high: Option<u8>,
}

/// What the filled, dashed and pale people mean, with their counts.
#[component]
pub fn IconLegend(props: &LegendProps) -> Html {
    let (_, _, ui) = use_aid();
    let count = props.count.min(100);
    let high = props.high.unwrap_or(count).clamp(count, 100);
    let n = |text: &str, n: u8| fill(text, &[("n", &n.to_string())]);
    html! {
        <ul class="avn-legend">
            <li><span class="avn-key avn-key-yes" aria-hidden="true"></span>{ n(&ui.icons_yes, count) }</li>
            if high > count {
                <li><span class="avn-key avn-key-maybe" aria-hidden="true"></span>{ n(&ui.icons_maybe, high - count) }</li>
            }
            <li><span class="avn-key avn-key-no" aria-hidden="true"></span>{ n(&ui.icons_no, 100 - high) }</li>
        </ul>
    }
}
