//! Which stages fit one side of a report: per staging system the range of stages the words
//! allow, the words that decided it, a notice when a named stage and the findings disagree,
//! and each stage as a way on to its page. Always with "Only your doctor can confirm your
//! stage."

use crate::aid::use_aid;
use crate::components::report_quote::ReportQuote;
use crate::components::stage_button::StageButton;
use crate::place::FoundBy;
use crate::report_words::stage_label;
use avn_kb::fill;
use avn_kb::report::SideReading;
use yew::prelude::*;

/// Props: the text and the side.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// The report's text.
    pub text: AttrValue,
    /// What the report says about this side.
    pub side: SideReading,
}

/// The stages that fit, with why.
#[component]
pub fn ReportStages(props: &Props) -> Html {
    let (aid, kb, ui) = use_aid();
    let lang = &aid.lang;
    let side = &props.side;
    if side.stages.is_empty() {
        return Html::default();
    }
    let spans = side.stages.iter().filter_map(|span| {
        let system = kb.system(&span.system)?;
        let stages: Vec<_> = span.stages.iter().filter_map(|s| kb.stage(s)).collect();
        let (first, last) = (stages.first()?.1, stages.last()?.1);
        let name = system.name.get(lang);
        let line = if first.id == last.id {
            fill(
                &ui.report_fits_stage,
                &[("system", name), ("stage", &stage_label(ui, lang, first))],
            )
        } else {
            fill(
                &ui.report_fits_range,
                &[
                    ("system", name),
                    ("low", &stage_label(ui, lang, first)),
                    ("high", &stage_label(ui, lang, last)),
                ],
            )
        };
        Some(html! {
            <section class="avn-fit" key={system.id.as_str().to_string()}>
                <h4 class="avn-fit-line">{ line }</h4>
                <ul class="avn-choices">{ for stages.iter().map(|(_, s)| html! {
                    <li key={s.id.as_str().to_string()}>
                        <StageButton stage={s.id.clone()} found_by={FoundBy::Explained} />
                    </li>
                }) }</ul>
            </section>
        })
    });
    html! {
        <section class="avn-report-stages">
            <h3>{ &ui.report_stages_heading }</h3>
            if !side.because.is_empty() {
                <p>{ &ui.report_because }</p>
                <p class="avn-quotes"><ReportQuote text={props.text.clone()} ranges={side.because.clone()} /></p>
            }
            if side.clash {
                <p class="avn-notice">{ &ui.report_clash }</p>
            }
            <p class="avn-doctor">{ &ui.report_confirm }</p>
            <p>{ &ui.report_stage_links }</p>
            { for spans }
        </section>
    }
}
