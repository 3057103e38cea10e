//! Patient-facing text in several languages, with the default language as the fallback.

use crate::LangId;
use serde::{Deserialize, Serialize};

/// One piece of patient text in every language it has been written in. The loader puts the
/// default language first and guarantees it is there, so a missing translation falls back to it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Text(Vec<(LangId, String)>);

impl Text {
    #[cfg_attr(not(feature = "load"), allow(dead_code))]
    pub(crate) fn new(default_first: Vec<(LangId, String)>) -> Self {
        Self(default_first)
    }

    /// The text in `lang`, or in the default language when it has not been translated yet.
    pub fn get(&self, lang: &LangId) -> &str {
        self.0
            .iter()
            .find(|(l, _)| l == lang)
            .or(self.0.first())
            .map_or("", |(_, s)| s.as_str())
    }
}

/// Fills `{name}` placeholders in an interface string.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

#[cfg(test)]
mod tests {
    #[test]
    fn fill_replaces_every_placeholder() {
        let text = super::fill(
            "{system} stage {code}",
            &[("system", "ARCO 2019"), ("code", "II")],
        );
        assert_eq!(text, "ARCO 2019 stage II");
    }
}

/// A number of years as written for patients, to one decimal place at most: `2`, `3.5`.
/// Integer arithmetic only, so the app carries no float-formatting code.
pub fn years(y: f32) -> String {
    let tenths = (y.max(0.0) * 10.0 + 0.5) as u32;
    match tenths % 10 {
        0 => (tenths / 10).to_string(),
        d => format!("{}.{d}", tenths / 10),
    }
}

#[cfg(test)]
mod years_tests {
    use super::years;

    #[test]
    fn years_read_as_whole_numbers_or_one_decimal() {
        assert_eq!(years(2.0), "2");
        assert_eq!(years(3.5), "3.5");
        assert_eq!(years(10.7), "10.7");
        assert_eq!(years(0.5), "0.5");
        assert_eq!(years(8.25), "8.3");
    }
}
