//! The box for the report's text: its label and where to find the text, a character count,
//! a plain message when the text is longer than the guide reads (the text stays as typed,
//! never cut), and "Clear", which empties the box and puts the cursor back in it.

use crate::aid::use_aid;
use avn_kb::fill;
use avn_kb::report::MAX_REPORT_CHARS;
use web_sys::{HtmlElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Props: the text and where changes go.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// The text as the patient typed or pasted it.
    pub text: AttrValue,
    /// Its length in characters.
    pub chars: usize,
    /// Receives the whole text after each change (empty after "Clear").
    pub on_change: Callback<String>,
}

/// The labelled text box and its count.
#[component]
pub fn ReportInput(props: &Props) -> Html {
    let (_, _, ui) = use_aid();
    let field = use_node_ref();
    let oninput = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            on_change.emit(area.value());
        })
    };
    let clear = {
        let (on_change, field) = (props.on_change.clone(), field.clone());
        Callback::from(move |_: MouseEvent| {
            on_change.emit(String::new());
            if let Some(area) = field.cast::<HtmlElement>() {
                let _ = area.focus();
            }
        })
    };
    let max = MAX_REPORT_CHARS.to_string();
    let n = props.chars.to_string();
    let over = props.chars.saturating_sub(MAX_REPORT_CHARS);
    html! {
        <div class="avn-report-input">
            <label for="avn-report-text" class="avn-report-label">{ &ui.report_label }</label>
            <p id="avn-report-help" class="avn-note">{ &ui.report_help }</p>
            <textarea id="avn-report-text" ref={field} rows="10" spellcheck="false"
                autocomplete="off" value={props.text.clone()} {oninput}
                aria-describedby="avn-report-help avn-report-count avn-report-over"
                aria-invalid={(over > 0).then_some("true")} />
            <div class="avn-report-tools">
                <p id="avn-report-count" class="avn-report-count">
                    { fill(&ui.report_count, &[("n", &n), ("max", &max)]) }
                </p>
                <button type="button" class="avn-action avn-secondary" onclick={clear}>
                    { &ui.report_clear }
                </button>
            </div>
            <p id="avn-report-over" class={classes!("avn-report-over", (over > 0).then_some("avn-notice"))}>
                if over > 0 {
                    { fill(&ui.report_too_long, &[("n", &n), ("over", &over.to_string()), ("max", &max)]) }
                }
            </p>
        </div>
    }
}
