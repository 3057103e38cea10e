//! The report's own words, quoted where the guide says what it read in them.

use crate::report_words::quote;
use yew::prelude::*;

/// Props: the text and the ranges to quote.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// The report's text.
    pub text: AttrValue,
    /// Byte ranges of the words, in report order.
    pub ranges: Vec<(usize, usize)>,
}

/// Each range's words in quotation marks (the same words once).
#[component]
pub fn ReportQuote(props: &Props) -> Html {
    let mut quotes: Vec<String> = Vec::new();
    for q in props.ranges.iter().filter_map(|&r| quote(&props.text, r)) {
        if !quotes.contains(&q) {
            quotes.push(q);
        }
    }
    html! {
        <>{ for quotes.into_iter().enumerate().map(|(i, q)| html! {
            <>
                if i > 0 { { " " } }
                <span class="avn-quote">{ "“" }{ q }{ "”" }</span>
            </>
        }) }</>
    }
}
