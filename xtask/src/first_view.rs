//! The start view as plain HTML, written into the hosted page and the offline file so a patient
//! reads it (and can tap a joint) while the code is still arriving. Where the app has buttons,
//! this has fragment links (`#v=joint&j=hip`): a tap before the app has started changes the
//! address, and the app opens the place the address names. The markup and classes are the
//! app's own start view (`src/pages/start.rs` inside the shell of `src/app.rs`), so its styles
//! lay it out the same and the takeover moves nothing; a browser test compares the two. The app
//! removes this copy (`data-avn-first-view`) once its own view is in place.

use crate::reference::esc;
use avn_kb::{fill, Kb, LangId};

/// The reference pages of the app's footer, in its order: the fragment keyword of each
/// (`Reference::keyword` in `src/place.rs`) and its title.
fn more_links(ui: &avn_kb::UiText) -> [(&'static str, &str); 6] {
    [
        ("symptoms", &ui.symptoms_title),
        ("risk-factors", &ui.risk_factors_heading),
        ("glossary", &ui.glossary_heading),
        ("faq", &ui.faq_heading),
        ("sources", &ui.all_sources_title),
        ("about", &ui.about_title),
    ]
}

/// The start view in the default language, as the content of the page's `<div data-avn-aid>`.
pub fn render(kb: &Kb, lang: &LangId) -> String {
    let ui = kb.ui(lang);
    let mut out = format!(
        "<div class=\"avn-root\" data-avn-first-view><section class=\"avn-aid\" lang=\"{}\" aria-label=\"{}\">\
         <div class=\"avn-view\"><h1>{}</h1><p class=\"avn-lead\">{}</p><h2>{}</h2><p>{}</p>\
         <h2>{}</h2><ol class=\"avn-steps\">",
        esc(lang.as_str()),
        esc(&ui.app_title),
        esc(&ui.app_title),
        esc(&ui.start_intro),
        esc(&ui.start_decision_heading),
        esc(&ui.start_decision_intro),
        esc(&ui.how_heading),
    );
    for step in &ui.how_steps {
        out.push_str(&format!("<li>{}</li>", esc(step)));
    }
    out.push_str(&format!(
        "</ol><p class=\"avn-note\">{}</p><p class=\"avn-note\">{}</p><h2>{}</h2>\
         <ul class=\"avn-choices avn-choices-joints\">",
        esc(&ui.not_a_diagnosis),
        esc(&ui.privacy),
        esc(&ui.choose_joint),
    ));
    for joint in &kb.joints {
        out.push_str(&format!(
            "<li><a class=\"avn-choice\" href=\"#v=joint&amp;j={}\">\
             <span class=\"avn-choice-title\">{}</span></a></li>",
            esc(joint.id.as_str()),
            esc(joint.name.get(lang)),
        ));
    }
    out.push_str(&format!(
        "</ul></div><footer class=\"avn-footer\"><nav class=\"avn-more\" aria-label=\"{}\"><h2>{}</h2><ul>",
        esc(&ui.more_heading),
        esc(&ui.more_heading),
    ));
    for (keyword, title) in more_links(ui) {
        out.push_str(&format!(
            "<li><a class=\"avn-link-button\" href=\"#v={keyword}\">{}</a></li>",
            esc(title)
        ));
    }
    let footer = fill(
        &ui.footer,
        &[
            ("version", &kb.about.content_version),
            ("reviewed", &kb.about.reviewed),
            ("next_review", &kb.about.next_review),
        ],
    );
    out.push_str(&format!(
        "</ul></nav><p>{}</p></footer></section></div>",
        esc(&footer)
    ));
    out
}
