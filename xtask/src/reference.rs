//! The native exporter: the whole knowledge base as one static HTML page with no script. It is
//! the speed baseline for the benchmark, the `<noscript>` fallback of the hosted page, and a
//! print-friendly full reference for hospitals and search engines.

use avn_kb::{Kb, LangId, Source, Stage, StagingSystem};
use base64::Engine;
use sha2::{Digest, Sha256};

const STYLE: &str = "body{font:1.0625rem/1.55 system-ui,-apple-system,\"Segoe UI\",Roboto,Arial,sans-serif;\
color:#1d2329;max-width:46rem;margin:0 auto;padding:1rem}h1{font-size:1.6rem;line-height:1.25}\
h2{font-size:1.3rem;margin-top:2rem}h3{font-size:1.15rem;margin-top:1.5rem}a{color:#0b5c8a}\
dt{font-weight:700}dd{margin:0 0 .5rem}.note{background:#fff4e0;border-left:4px solid #a85d00;\
padding:.75rem 1rem}footer{color:#4a545e;font-size:.9rem;border-top:1px solid #c9d1d9;margin-top:2rem}";

/// Escapes text for HTML element content and double-quoted attributes.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

/// The reference page in the default language.
pub fn render(kb: &Kb) -> String {
    let lang = kb.default_lang();
    let ui = kb.ui(lang);
    let mut body = String::new();
    body.push_str(&format!("<h1>{}</h1>\n", esc(&ui.app_title)));
    for text in [&ui.start_intro, &ui.not_a_diagnosis, &ui.privacy] {
        body.push_str(&format!("<p>{}</p>\n", esc(text)));
    }
    body.push_str(&format!("<p class=\"note\">{}</p>\n", esc(&ui.see_doctor)));
    for joint in &kb.joints {
        body.push_str(&format!(
            "<h2>{}</h2>\n<p>{}</p>\n",
            esc(joint.title.get(lang)),
            esc(joint.about.get(lang))
        ));
        for phase in &joint.phases {
            body.push_str(&format!(
                "<p><strong>{}:</strong> {}</p>\n",
                esc(ui.phase(phase.phase)),
                esc(phase.summary.get(lang))
            ));
        }
        for system in joint.systems.iter().filter_map(|id| kb.system(id)) {
            render_system(&mut body, kb, lang, system);
        }
    }
    body.push_str(&format!("<h2>{}</h2>\n<ol>\n", esc(&ui.sources_heading)));
    for source in &kb.sources {
        body.push_str(&format!(
            "<li id=\"{}\">{}</li>\n",
            esc(source.id.as_str()),
            citation(source)
        ));
    }
    body.push_str("</ol>\n");
    let footer = fill(
        &ui.footer,
        &[
            ("version", &kb.about.content_version),
            ("reviewed", &kb.about.reviewed),
        ],
    );
    let style_hash =
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(STYLE.as_bytes()));
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-{style_hash}'; img-src data:; base-uri 'none'; form-action 'none'\">\n\
         <meta name=\"avn-aid-content-version\" content=\"{version}\">\n\
         <title>{title}</title>\n<link rel=\"icon\" href=\"data:,\">\n<style>{STYLE}</style>\n</head>\n\
         <body>\n<main>\n{body}</main>\n<footer><p>{footer}</p></footer>\n</body>\n</html>\n",
        lang = esc(lang.as_str()),
        version = esc(&kb.about.content_version),
        title = esc(&ui.app_title),
        footer = esc(&footer),
    )
}

fn render_system(body: &mut String, kb: &Kb, lang: &LangId, system: &StagingSystem) {
    let ui = kb.ui(lang);
    let name = system.name.get(lang);
    body.push_str(&format!(
        "<h3>{}</h3>\n<p>{}</p>\n",
        esc(&fill(&ui.stages_in_system, &[("system", name)])),
        esc(system.about.get(lang))
    ));
    for stage in &system.stages {
        render_stage(body, kb, lang, name, stage);
    }
}

fn render_stage(body: &mut String, kb: &Kb, lang: &LangId, system_name: &str, stage: &Stage) {
    let ui = kb.ui(lang);
    let heading = fill(
        &ui.stage_heading,
        &[("system", system_name), ("code", &stage.code)],
    );
    let sources: Vec<String> = stage
        .sources
        .iter()
        .filter_map(|id| kb.source(id))
        .map(|s| {
            format!(
                "<a href=\"#{}\">{} {}</a>",
                esc(s.id.as_str()),
                esc(first_author(s)),
                s.year
            )
        })
        .collect();
    body.push_str(&format!(
        "<section>\n<h4>{heading}</h4>\n<p>{summary}</p>\n<dl>\n\
         <dt>{group_label}</dt><dd>{group}</dd>\n<dt>{shape_label}</dt><dd>{shape}</dd>\n\
         <dt>{meaning_heading}</dt><dd>{meaning}</dd>\n<dt>{imaging_heading}</dt><dd>{imaging}</dd>\n\
         <dt>{reversibility_heading}</dt><dd>{reversibility} {certainty_label} {certainty}.</dd>\n\
         <dt>{sources_heading}</dt><dd>{sources}</dd>\n</dl>\n</section>\n",
        heading = esc(&heading),
        summary = esc(stage.summary.get(lang)),
        group_label = esc(&ui.group_label),
        group = esc(ui.phase(stage.phase)),
        shape_label = esc(&ui.shape_label),
        shape = esc(ui.collapse(stage.collapse)),
        meaning_heading = esc(&ui.meaning_heading),
        meaning = esc(stage.meaning.get(lang)),
        imaging_heading = esc(&ui.imaging_heading),
        imaging = esc(stage.imaging.get(lang)),
        reversibility_heading = esc(&ui.reversibility_heading),
        reversibility = esc(stage.reversibility.get(lang)),
        certainty_label = esc(&ui.certainty_label),
        certainty = esc(ui.certainty(stage.reversibility_certainty)),
        sources_heading = esc(&ui.sources_heading),
        sources = sources.join(", "),
    ));
}

fn first_author(source: &Source) -> &str {
    source
        .authors
        .split([',', ' '])
        .next()
        .unwrap_or(&source.authors)
}

fn citation(source: &Source) -> String {
    let link = source
        .doi
        .as_ref()
        .map(|doi| (format!("https://doi.org/{doi}"), format!("doi:{doi}")))
        .or_else(|| source.url.as_ref().map(|u| (u.clone(), u.clone())));
    let mut out = esc(&source.citation());
    if let Some((href, label)) = link {
        out.push_str(&format!(" <a href=\"{}\">{}</a>", esc(&href), esc(&label)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn real_kb() -> Kb {
        let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
        avn_kb::load::load_dir(&content).expect("content lints clean")
    }

    #[test]
    fn the_reference_page_holds_every_stage_and_source_and_no_script() {
        let kb = real_kb();
        let page = render(&kb);
        for system in &kb.systems {
            for stage in &system.stages {
                assert!(
                    page.contains(&format!("stage {}</h4>", stage.code)),
                    "{}",
                    stage.id
                );
                assert!(page.contains(&esc(stage.meaning.get(kb.default_lang()))));
            }
        }
        for source in &kb.sources {
            assert!(page.contains(&format!("<li id=\"{}\">", source.id)));
        }
        assert!(!page.contains("<script"));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            esc("<b>\"a\" & b</b>"),
            "&lt;b&gt;&quot;a&quot; &amp; b&lt;/b&gt;"
        );
    }
}
