//! The native exporter: the whole knowledge base as one static HTML page with no script. It is
//! the speed baseline for the benchmark, the `<noscript>` fallback of the hosted page, and a
//! print-friendly full reference for hospitals and search engines.

use avn_kb::{
    fill, Figure, Kb, LangId, Role, Source, Stage, StagingSystem, TopicKind, TreatmentOption,
};
use base64::Engine;
use sha2::{Digest, Sha256};

const STYLE: &str = "body{font:1.0625rem/1.55 system-ui,-apple-system,\"Segoe UI\",Roboto,Arial,sans-serif;\
color:#1d2329;max-width:46rem;margin:0 auto;padding:1rem}h1{font-size:1.6rem;line-height:1.25}\
h2{font-size:1.3rem;margin-top:2rem}h3{font-size:1.15rem;margin-top:1.5rem}a{color:#0b5c8a}\
dt{font-weight:700}dd{margin:0 0 .5rem}.note{background:#fff4e0;border-left:4px solid #a85d00;\
padding:.75rem 1rem}footer{color:#4a545e;font-size:.9rem;border-top:1px solid #c9d1d9;margin-top:2rem}";

/// Escapes text for HTML element content and double-quoted attributes.
pub fn esc(text: &str) -> String {
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

/// The reference page in `lang`.
pub fn render(kb: &Kb, lang: &LangId) -> String {
    let ui = kb.ui(lang);
    let mut body = String::new();
    body.push_str(&format!("<h1>{}</h1>\n", esc(&ui.app_title)));
    for text in [&ui.start_intro, &ui.not_a_diagnosis, &ui.privacy] {
        body.push_str(&format!("<p>{}</p>\n", esc(text)));
    }
    body.push_str(&format!("<p class=\"note\">{}</p>\n", esc(&ui.see_doctor)));
    render_topics(&mut body, kb, lang, TopicKind::Condition);
    render_topics(&mut body, kb, lang, TopicKind::SeeADoctor);
    render_warning_signs(&mut body, kb, lang);
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
    if !kb.options.is_empty() {
        body.push_str(&format!("<h2>{}</h2>\n", esc(&ui.options_heading)));
        for option in &kb.options {
            render_option(&mut body, kb, lang, option);
        }
    }
    render_situations(&mut body, kb, lang);
    if !kb.risk_factors.is_empty() {
        body.push_str(&format!("<h2>{}</h2>\n", esc(&ui.risk_factors_heading)));
        for r in &kb.risk_factors {
            body.push_str(&format!(
                "<h3>{}</h3>\n<p>{}</p>\n<p><strong>{}</strong> {}</p>\n",
                esc(r.name.get(lang)),
                esc(r.about.get(lang)),
                esc(&ui.modifiable_label),
                esc(ui.modifiable(r.modifiable))
            ));
            if let Some(todo) = &r.what_to_do {
                body.push_str(&format!(
                    "<p><strong>{}:</strong> {}</p>\n",
                    esc(&ui.what_to_do_heading),
                    esc(todo.get(lang))
                ));
            }
            body.push_str(&format!(
                "<p>{} {}. {}</p>\n",
                esc(&ui.certainty_label),
                esc(ui.certainty(r.certainty)),
                cites(kb, &r.sources)
            ));
        }
    }
    if !kb.faqs.is_empty() {
        body.push_str(&format!("<h2>{}</h2>\n", esc(&ui.faq_heading)));
        for q in &kb.faqs {
            body.push_str(&format!(
                "<h3>{}</h3>\n<p>{} {}</p>\n",
                esc(q.question.get(lang)),
                esc(q.answer.get(lang)),
                cites(kb, &q.sources)
            ));
        }
    }
    if !kb.glossary.is_empty() {
        body.push_str(&format!("<h2>{}</h2>\n<dl>\n", esc(&ui.glossary_heading)));
        for t in &kb.glossary {
            body.push_str(&format!(
                "<dt id=\"term-{}\">{}</dt><dd>{}</dd>\n",
                esc(t.id.as_str()),
                esc(t.term.get(lang)),
                esc(t.definition.get(lang))
            ));
        }
        body.push_str("</dl>\n");
    }
    render_topics(&mut body, kb, lang, TopicKind::AboutThisAid);
    render_method(&mut body, kb, lang);
    body.push_str(&format!("<h2>{}</h2>\n<ol>\n", esc(&ui.sources_heading)));
    for source in &kb.sources {
        body.push_str(&format!(
            "<li id=\"{}\">{}</li>\n",
            esc(source.id.as_str()),
            citation(source, &ui.checked_second_hand)
        ));
    }
    body.push_str("</ol>\n");
    let footer = fill(
        &ui.footer,
        &[
            ("version", &kb.about.content_version),
            ("reviewed", &kb.about.reviewed),
            ("next_review", &kb.about.next_review),
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
        render_stage(body, kb, lang, system, stage);
    }
    if !system.modifiers.is_empty() {
        body.push_str(&format!(
            "<h4>{} ({name})</h4>\n<dl>\n",
            esc(&ui.subtypes_heading)
        ));
        for m in &system.modifiers {
            body.push_str(&format!(
                "<dt>{}</dt><dd>{}",
                esc(&m.code),
                esc(m.meaning.get(lang))
            ));
            render_figures(body, kb, lang, &m.figures);
            body.push_str("</dd>\n");
        }
        body.push_str("</dl>\n");
    }
}

/// The topics of one kind, each as a section; urgent blocks stand out.
fn render_topics(body: &mut String, kb: &Kb, lang: &LangId, kind: TopicKind) {
    let ui = kb.ui(lang);
    for topic in kb.topics.iter().filter(|t| t.kind == kind) {
        body.push_str(&format!("<h2>{}</h2>\n", esc(topic.title.get(lang))));
        for block in &topic.blocks {
            if block.urgent {
                body.push_str(&format!(
                    "<p class=\"note\"><strong>{}</strong> {}</p>\n",
                    esc(&ui.urgent_label),
                    esc(block.text.get(lang))
                ));
            } else {
                body.push_str(&format!("<p>{}</p>\n", esc(block.text.get(lang))));
            }
        }
        body.push_str(&format!("<p>{}</p>\n", cites(kb, &topic.sources)));
    }
}

/// One option: what it involves, benefits and harms side by side in the same form, living
/// with it, how often it is offered, the figures, and the certainty.
fn render_option(body: &mut String, kb: &Kb, lang: &LangId, o: &TreatmentOption) {
    let ui = kb.ui(lang);
    let role = |role: Role| match role {
        Role::Alternative => &ui.choices_heading,
        Role::CareWithAnyChoice => &ui.with_any_heading,
    };
    body.push_str(&format!(
        "<section>\n<h3>{}</h3>\n<p>{}</p>\n<p><em>{}</em></p>\n",
        esc(o.name.get(lang)),
        esc(o.summary.get(lang)),
        esc(role(o.role))
    ));
    if o.comfort_only {
        body.push_str(&format!(
            "<p class=\"note\">{}</p>\n",
            esc(&ui.comfort_only)
        ));
    }
    body.push_str("<dl>\n");
    for (label, text) in [
        (&ui.involves_heading, &o.involves),
        (&ui.benefits_heading, &o.benefits),
        (&ui.harms_heading, &o.harms),
        (&ui.living_with_heading, &o.living_with),
    ] {
        body.push_str(&format!(
            "<dt>{}</dt><dd>{}</dd>\n",
            esc(label),
            esc(text.get(lang))
        ));
    }
    let offered: Vec<String> = o
        .offered
        .iter()
        .filter_map(|offer| {
            let joint = kb.joint(&offer.joint)?;
            let by_phase: Vec<String> = avn_kb::Phase::ALL
                .iter()
                .map(|&p| format!("{}: {}", ui.phase(p), ui.offered(offer.at(p))))
                .collect();
            Some(format!("{}: {}", joint.name.get(lang), by_phase.join(", ")))
        })
        .collect();
    body.push_str(&format!(
        "<dt>{}</dt><dd>{}</dd>\n",
        esc(&ui.offered_heading),
        esc(&offered.join(". "))
    ));
    // Text written for some joints or stage groups, labelled with where it applies.
    for v in &o.variants {
        let place = place_names(kb, lang, &v.joints, &v.phases);
        for (label, text) in [
            (&ui.involves_heading, &v.involves),
            (&ui.benefits_heading, &v.benefits),
            (&ui.harms_heading, &v.harms),
            (&ui.living_with_heading, &v.living_with),
        ] {
            if let Some(text) = text {
                body.push_str(&format!(
                    "<dt>{} ({})</dt><dd>{}</dd>\n",
                    esc(label),
                    esc(&place.join(", ")),
                    esc(text.get(lang))
                ));
            }
        }
    }
    body.push_str(&format!(
        "<dt>{}</dt><dd>{}</dd>\n</dl>\n",
        esc(&ui.disease_course_label),
        esc(ui.certainty(o.disease_course_certainty))
    ));
    render_figures(body, kb, lang, &o.figures);
    body.push_str(&format!("<p>{}</p>\n</section>\n", cites(kb, &o.sources)));
}

/// Figures as "N out of 100 — outcome — within Y years", with who, range and certainty.
fn render_figures(body: &mut String, kb: &Kb, lang: &LangId, figures: &[Figure]) {
    if figures.is_empty() {
        return;
    }
    let ui = kb.ui(lang);
    body.push_str(&format!(
        "<p><strong>{}</strong></p>\n<ul>\n",
        esc(&ui.figures_heading)
    ));
    for f in figures {
        let mut line = format!(
            "<strong>{}</strong>: {} {}",
            esc(&fill(&ui.figure_count, &[("n", &f.per_100.to_string())])),
            esc(f.outcome.get(lang)),
            esc(&fill(&ui.figure_time, &[("time", &ui.span(f.years))]))
        );
        if let (Some(low), Some(high)) = (f.low, f.high) {
            line.push_str(&format!(
                " {}",
                esc(&fill(
                    &ui.figure_range,
                    &[("low", &low.to_string()), ("high", &high.to_string())]
                ))
            ));
        }
        line.push_str(&format!(
            ". {} {}. {} {}.",
            esc(&ui.figure_group),
            esc(f.group.get(lang)),
            esc(&ui.certainty_label),
            esc(ui.certainty(f.certainty))
        ));
        if let Some(note) = &f.note {
            line.push_str(&format!(" {}", esc(note.get(lang))));
        }
        body.push_str(&format!("<li>{line} {}</li>\n", cites(kb, &f.sources)));
    }
    body.push_str("</ul>\n");
}

/// Links to the cited sources in the list at the end of the page.
fn cites(kb: &Kb, ids: &[avn_kb::SourceId]) -> String {
    let links: Vec<String> = ids
        .iter()
        .filter_map(|id| kb.source(id))
        .map(|s| {
            format!(
                "<a href=\"#{}\">{} {}</a>",
                esc(s.id.as_str()),
                esc(s.first_author()),
                s.year
            )
        })
        .collect();
    if links.is_empty() {
        String::new()
    } else {
        format!("({})", links.join(", "))
    }
}

fn render_stage(body: &mut String, kb: &Kb, lang: &LangId, system: &StagingSystem, stage: &Stage) {
    let ui = kb.ui(lang);
    let heading = ui.stage_name(lang, system, stage);
    let shape = stage.collapse.map_or(String::new(), |c| {
        format!(
            "<dt>{}</dt><dd>{}</dd>\n",
            esc(&ui.shape_label),
            esc(ui.collapse(c))
        )
    });
    let sources = cites(kb, &stage.sources);
    body.push_str(&format!(
        "<section>\n<h4>{heading}</h4>\n<p>{summary}</p>\n<dl>\n\
         <dt>{group_label}</dt><dd>{group}</dd>\n{shape}\
         <dt>{meaning_heading}</dt><dd>{meaning}</dd>\n<dt>{imaging_heading}</dt><dd>{imaging}</dd>\n\
         <dt>{reversibility_heading}</dt><dd>{reversibility} {certainty_label} {certainty}.</dd>\n\
         <dt>{sources_heading}</dt><dd>{sources}</dd>\n</dl>\n</section>\n",
        heading = esc(&heading),
        summary = esc(stage.summary.get(lang)),
        group_label = esc(&ui.group_label),
        group = esc(ui.phase(stage.phase)),
        shape = shape,
        meaning_heading = esc(&ui.meaning_heading),
        meaning = esc(stage.meaning.get(lang)),
        imaging_heading = esc(&ui.imaging_heading),
        imaging = esc(stage.imaging.get(lang)),
        reversibility_heading = esc(&ui.reversibility_heading),
        reversibility = esc(stage.reversibility.get(lang)),
        certainty_label = esc(&ui.certainty_label),
        certainty = esc(ui.certainty(stage.reversibility_certainty)),
        sources_heading = esc(&ui.sources_heading),
        sources = sources,
    ));
    if let Some(nh) = &stage.natural_history {
        body.push_str(&format!(
            "<p><strong>{}:</strong> {}</p>\n",
            esc(&ui.natural_history_heading),
            esc(nh.get(lang))
        ));
    }
    render_figures(body, kb, lang, &stage.figures);
}

/// Every warning sign, joint by joint, then those for the time after a treatment.
fn render_warning_signs(body: &mut String, kb: &Kb, lang: &LangId) {
    let ui = kb.ui(lang);
    let mut signs: Vec<_> = kb.warning_signs.iter().collect();
    signs.sort_by_key(|s| s.urgency);
    let item = |s: &avn_kb::WarningSign| {
        format!(
            "<li><strong>{}:</strong> {} {}</li>\n",
            esc(ui.urgency(s.urgency)),
            esc(s.text.get(lang)),
            cites(kb, &s.sources)
        )
    };
    body.push_str(&format!(
        "<h2>{}</h2>\n",
        esc(&ui.warnings_by_joint_heading)
    ));
    for joint in &kb.joints {
        body.push_str(&format!("<h3>{}</h3>\n<ul>\n", esc(joint.name.get(lang))));
        for s in signs
            .iter()
            .filter(|s| !s.is_aftercare() && s.joints.contains(&joint.id))
        {
            body.push_str(&item(s));
        }
        body.push_str("</ul>\n");
    }
    body.push_str(&format!(
        "<h3>{}</h3>\n<ul>\n",
        esc(&ui.warnings_after_heading)
    ));
    for s in signs.iter().filter(|s| s.is_aftercare()) {
        let names: Vec<&str> = s
            .after
            .iter()
            .filter_map(|id| kb.option(id))
            .map(|o| o.name.get(lang))
            .collect();
        if !names.is_empty() {
            body.push_str(&format!(
                "<li>{}</li>\n",
                esc(&fill(&ui.warning_after, &[("options", &names.join(", "))]))
            ));
        }
        body.push_str(&item(s));
    }
    body.push_str("</ul>\n");
}

/// Where a text applies, in words: its joints' names, then its stage groups.
fn place_names(
    kb: &Kb,
    lang: &LangId,
    joints: &[avn_kb::JointId],
    phases: &[avn_kb::Phase],
) -> Vec<String> {
    let ui = kb.ui(lang);
    let mut place: Vec<String> = joints
        .iter()
        .filter_map(|j| kb.joint(j))
        .map(|j| j.name.get(lang).to_string())
        .collect();
    place.extend(phases.iter().map(|p| ui.phase(*p).to_string()));
    place
}

/// Each situation a patient may tick, with its notes and where each shows.
fn render_situations(body: &mut String, kb: &Kb, lang: &LangId) {
    if kb.situations.is_empty() {
        return;
    }
    let ui = kb.ui(lang);
    body.push_str(&format!("<h2>{}</h2>\n", esc(&ui.situation_heading)));
    for situation in &kb.situations {
        body.push_str(&format!(
            "<h3>{}</h3>\n<ul>\n",
            esc(situation.name.get(lang))
        ));
        for note in &situation.notes {
            let mut place = place_names(kb, lang, &note.joints, &note.phases);
            place.extend(
                note.options
                    .iter()
                    .filter_map(|o| kb.option(o))
                    .map(|o| o.name.get(lang).to_string()),
            );
            let place = if place.is_empty() {
                String::new()
            } else {
                format!("<em>{}:</em> ", esc(&place.join(", ")))
            };
            body.push_str(&format!(
                "<li>{place}{} {} {}. {}</li>\n",
                esc(note.text.get(lang)),
                esc(&ui.certainty_label),
                esc(ui.certainty(note.certainty)),
                cites(kb, &note.sources)
            ));
        }
        body.push_str("</ul>\n");
    }
}

/// The measured reading level and the change log.
fn render_method(body: &mut String, kb: &Kb, lang: &LangId) {
    let ui = kb.ui(lang);
    let r = &kb.about.reading;
    let tenths = |t: u16| format!("{}.{}", t / 10, t % 10);
    body.push_str(&format!(
        "<p><strong>{}:</strong> {}</p>\n",
        esc(&ui.about_reading_label),
        esc(&fill(
            &ui.about_reading,
            &[
                ("easy", &r.at_most_8.to_string()),
                ("blocks", &r.blocks.to_string()),
                ("median", &tenths(r.median_tenths)),
                ("low", &tenths(r.lowest_tenths)),
                ("high", &tenths(r.highest_tenths)),
            ]
        ))
    ));
    if !kb.about.changes.is_empty() {
        body.push_str(&format!("<h3>{}</h3>\n<dl>\n", esc(&ui.changes_heading)));
        for c in &kb.about.changes {
            body.push_str(&format!(
                "<dt>{} ({})</dt><dd>{}</dd>\n",
                esc(&c.version),
                esc(&c.date),
                esc(c.summary.get(lang))
            ));
        }
        body.push_str("</dl>\n");
    }
}

fn citation(source: &Source, second_hand: &str) -> String {
    let label = source.doi.as_ref().map(|doi| format!("doi:{doi}"));
    let link = source
        .href()
        .map(|href| (label.unwrap_or_else(|| href.clone()), href));
    let mut out = esc(&source.citation());
    if source.checked == avn_kb::Verification::Secondary {
        out.push(' ');
        out.push_str(&esc(second_hand));
    }
    if let Some((label, href)) = link {
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
    fn each_language_has_its_own_reference_page() {
        let kb = real_kb();
        let pseudo = kb
            .lang("en-XA")
            .expect("the pseudo-language is declared")
            .clone();
        let page = render(&kb, &pseudo);
        assert!(page.contains("<html lang=\"en-XA\">"));
        let stage = &kb.systems[0].stages[0];
        assert!(page.contains(&esc(stage.meaning.get(&pseudo))));
        assert!(!page.contains(&esc(stage.meaning.get(kb.default_lang()))));
    }

    #[test]
    fn the_reference_page_holds_every_stage_and_source_and_no_script() {
        let kb = real_kb();
        let page = render(&kb, kb.default_lang());
        for system in &kb.systems {
            for stage in &system.stages {
                let heading = kb
                    .ui(kb.default_lang())
                    .stage_name(kb.default_lang(), system, stage);
                assert!(
                    page.contains(&format!("<h4>{}</h4>", esc(&heading))),
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
        for situation in &kb.situations {
            for note in &situation.notes {
                assert!(page.contains(&esc(note.text.get(kb.default_lang()))));
            }
        }
        for sign in &kb.warning_signs {
            assert!(
                page.contains(&esc(sign.text.get(kb.default_lang()))),
                "{}",
                sign.id
            );
        }
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            esc("<b>\"a\" & b</b>"),
            "&lt;b&gt;&quot;a&quot; &amp; b&lt;/b&gt;"
        );
    }
}
