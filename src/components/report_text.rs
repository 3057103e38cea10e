//! The report shown back as the patient gave it (line breaks kept), each recognised phrase a
//! button that opens its explanation below. What the report says of a finding is given in
//! words after it (read by screen readers) and by its line style, never by colour alone.

use crate::aid::use_aid;
use crate::report_words::{status_class, status_words, words};
use avn_kb::report::{Reading, What};
use std::rc::Rc;
use yew::prelude::*;

/// The ID of the panel the marks open (one per aid: each aid has its own shadow root).
pub const PANEL_ID: &str = "avn-mark-panel";

/// Props: the text, what was read in it, and which mark is open.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// The report's text.
    pub text: AttrValue,
    /// What the decoder read in it.
    pub reading: Rc<Reading>,
    /// The mark whose explanation is open, if any (an index into `reading.marks`).
    pub selected: Option<usize>,
    /// Receives the mark the patient opened.
    pub on_select: Callback<usize>,
}

/// The text with its marks.
#[component]
pub fn ReportText(props: &Props) -> Html {
    let (_, _, ui) = use_aid();
    let text = props.text.as_str();
    let mut out: Vec<Html> = Vec::with_capacity(props.reading.marks.len() * 2 + 1);
    let mut at = 0;
    for (i, mark) in props.reading.marks.iter().enumerate() {
        // Marks are in report order and never overlap; a range that is not whole characters of
        // this text is left as plain text.
        let Some(marked) = (mark.start >= at)
            .then(|| words(text, (mark.start, mark.end)))
            .flatten()
        else {
            continue;
        };
        if let Some(before) = text.get(at..mark.start) {
            out.push(html! { { before } });
        }
        at = mark.end;
        let (class, said) = match &mark.what {
            What::Finding { status, asked, .. } => (
                status_class(*status, *asked),
                status_words(ui, *status, *asked),
            ),
            What::Hedge(_) => ("avn-mark-word", ui.mark_hedge.as_str()),
            What::Measurement(_) => ("avn-mark-word", ui.mark_measurement.as_str()),
            What::Stage => ("avn-mark-word", ui.mark_stage.as_str()),
        };
        let open = props.selected == Some(i);
        let onclick = props.on_select.reform(move |_: MouseEvent| i);
        out.push(html! {
            <button type="button" class={classes!("avn-mark", class)} {onclick}
                aria-expanded={if open { "true" } else { "false" }} aria-controls={PANEL_ID}>
                { marked }<span class="avn-visually-hidden">{ " " }{ said }</span>
            </button>
        });
    }
    if let Some(rest) = text.get(at..) {
        out.push(html! { { rest } });
    }
    html! { <div class="avn-report-shown">{ for out }</div> }
}
