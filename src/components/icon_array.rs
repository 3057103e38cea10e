//! A picture of 100 people, drawn as SVG: how many an outcome happened to, and how many more
//! it could be at the top of the range. Shapes differ by fill and outline, not colour alone,
//! so it reads in grey-scale print. Screen readers skip it: the sentence printed beside every
//! picture states the same numbers, and reading both said everything twice.

use yew::prelude::*;

/// Props: the counts, out of 100.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// How many of 100 (the best estimate).
    pub count: u8,
    /// The top of the range, if the figure has one above the estimate.
    #[prop_or_default]
    pub high: Option<u8>,
}

/// Ten rows of ten people, filled row by row from the top left.
#[component]
pub fn IconArray(props: &Props) -> Html {
    let count = props.count.min(100) as usize;
    let high = props.high.map_or(count, |h| (h as usize).clamp(count, 100));
    let (mut yes, mut maybe, mut no) = (String::new(), String::new(), String::new());
    for i in 0..100 {
        let path = match i {
            i if i < count => &mut yes,
            i if i < high => &mut maybe,
            _ => &mut no,
        };
        person(path, (i % 10) as u32 * 10, (i / 10) as u32 * 10);
    }
    html! {
        <svg class="avn-icons" viewBox="0 0 100 100" aria-hidden="true" focusable="false">
            <path class="avn-icons-no" d={no} />
            <path class="avn-icons-maybe" d={maybe} />
            <path class="avn-icons-yes" d={yes} />
        </svg>
    }
}

/// Adds one person (a head and shoulders) in the 10 × 10 cell at `x`, `y` to a path.
fn person(d: &mut String, x: u32, y: u32) {
    use std::fmt::Write;
    let _ = write!(
        d,
        "M{} {}a1.8 1.8 0 1 0 3.6 0a1.8 1.8 0 1 0-3.6 0ZM{} {}v-3q0-1.8 1.8-1.8h1.6q1.8 0 1.8 1.8v3Z",
        x + 3,
        y + 2,
        x + 2,
        y + 9
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_is_a_closed_head_and_body_inside_its_cell() {
        let mut d = String::new();
        person(&mut d, 90, 90);
        assert_eq!(
            d,
            "M93 92a1.8 1.8 0 1 0 3.6 0a1.8 1.8 0 1 0-3.6 0ZM92 99v-3q0-1.8 1.8-1.8h1.6q1.8 0 1.8 1.8v3Z"
        );
    }
}
