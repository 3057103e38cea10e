//! The reference pages: symptoms and when to see a doctor, risk factors as a checklist, the
//! glossary and one word, questions people ask, every source, and about this aid.

use crate::aid::use_aid;
use crate::components::back::Back;
use crate::components::certainty::CertaintyBadge;
use crate::components::page_heading::PageHeading;
use crate::components::patient_text::PatientText;
use crate::components::source_list::SourceList;
use crate::components::topic_view::TopicView;
use crate::components::warning_signs::urgency_class;
use crate::place::{Action, Reference};
use avn_kb::{fill, Modifiable, TopicKind, WarningSign};
use yew::prelude::*;

/// Props: which page.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// The reference page to show.
    pub page: Reference,
}

/// One reference page.
#[component]
pub fn ReferencePage(props: &Props) -> Html {
    let (aid, kb, ui) = use_aid();
    let lang = &aid.lang;
    let topics = |kinds: &[TopicKind]| -> Html {
        kinds
            .iter()
            .flat_map(|kind| kb.topics.iter().filter(move |t| t.kind == *kind))
            .map(|t| html! { <TopicView key={t.id.as_str().to_string()} topic={t.id.clone()} /> })
            .collect()
    };
    let body = match props.page {
        Reference::Symptoms => {
            let sign = |s: &WarningSign| {
                html! {
                    <li key={s.id.clone()} class={classes!("avn-urgency", urgency_class(s.urgency))}>
                        <strong>{ ui.urgency(s.urgency) }{ ": " }</strong>
                        <PatientText text={s.text.get(lang).to_string()} />
                    </li>
                }
            };
            let mut by_urgency: Vec<&WarningSign> = kb.warning_signs.iter().collect();
            by_urgency.sort_by_key(|s| s.urgency);
            let joints = kb.joints.iter().map(|j| {
                let signs = by_urgency
                    .iter()
                    .filter(|s| !s.is_aftercare() && s.joints.contains(&j.id));
                html! {
                    <section key={j.id.as_str().to_string()}>
                        <h3>{ j.name.get(lang) }</h3>
                        <ul class="avn-signs">{ for signs.map(|s| sign(s)) }</ul>
                    </section>
                }
            });
            let after = by_urgency.iter().filter(|s| s.is_aftercare()).map(|s| {
                let names: Vec<&str> = if s.after_operation {
                    Vec::new()
                } else {
                    s.after.iter().filter_map(|id| kb.option(id)).map(|o| o.name.get(lang)).collect()
                };
                html! {
                    <>
                        if !names.is_empty() {
                            <li class="avn-sign-after">{ fill(&ui.warning_after, &[("options", &names.join(", "))]) }</li>
                        }
                        { sign(s) }
                    </>
                }
            });
            let sources: Vec<_> = kb
                .warning_signs
                .iter()
                .flat_map(|s| s.sources.clone())
                .collect();
            html! {
                <>
                    <PageHeading>{ &ui.symptoms_title }</PageHeading>
                    { topics(&[TopicKind::SeeADoctor]) }
                    <section class="avn-doctor">
                        <h2>{ &ui.warnings_by_joint_heading }</h2>
                        { for joints }
                        <h3>{ &ui.warnings_after_heading }</h3>
                        <ul class="avn-signs">{ for after }</ul>
                    </section>
                    { topics(&[TopicKind::Condition]) }
                    <SourceList lang={lang.clone()} {sources} />
                </>
            }
        }
        Reference::RiskFactors => {
            let ticked = &aid.place.risk_factors;
            let changeable = kb
                .risk_factors
                .iter()
                .filter(|r| ticked.contains(&r.id) && r.modifiable != Modifiable::No)
                .count();
            let items = kb.risk_factors.iter().map(|r| {
                let checked = ticked.contains(&r.id);
                html! {
                    <li key={r.id.as_str().to_string()} class="avn-card">
                        <h2 class="avn-card-title">{ r.name.get(lang) }</h2>
                        <label class="avn-tick">
                            <input type="checkbox" {checked}
                                aria-label={format!("{}: {}", ui.applies_to_me, r.name.get(lang))}
                                onchange={aid.send(Action::ToggledRiskFactor(r.id.clone()))} />
                            { " " }{ &ui.applies_to_me }
                        </label>
                        <p><PatientText text={r.about.get(lang).to_string()} /></p>
                        <p><strong>{ &ui.modifiable_label }</strong>{ " " }{ ui.modifiable(r.modifiable) }</p>
                        if let Some(todo) = &r.what_to_do {
                            <p><strong>{ &ui.what_to_do_heading }</strong>{ " " }<PatientText text={todo.get(lang).to_string()} /></p>
                        }
                        <p><CertaintyBadge certainty={r.certainty} /></p>
                    </li>
                }
            });
            let sources: Vec<_> = kb
                .risk_factors
                .iter()
                .flat_map(|r| r.sources.clone())
                .collect();
            html! {
                <>
                    <PageHeading>{ &ui.risk_factors_heading }</PageHeading>
                    <p>{ &ui.risk_factors_intro }</p>
                    <p class="avn-summary-line" aria-live="polite">{ fill(&ui.risk_factors_count, &[
                        ("n", &ticked.len().to_string()),
                        ("changeable", &changeable.to_string()),
                    ]) }</p>
                    <ul class="avn-cards">{ for items }</ul>
                    <SourceList lang={lang.clone()} {sources} />
                </>
            }
        }
        Reference::Glossary => {
            let terms = kb.glossary.iter().map(|t| {
                html! {
                    <div key={t.id.as_str().to_string()}>
                        <dt>{ t.term.get(lang) }</dt>
                        <dd>{ t.definition.get(lang) }</dd>
                    </div>
                }
            });
            html! {
                <>
                    <PageHeading>{ &ui.glossary_heading }</PageHeading>
                    <dl class="avn-glossary">{ for terms }</dl>
                </>
            }
        }
        Reference::Faq => {
            let faqs = kb.faqs.iter().map(|q| {
                html! {
                    <section key={q.id.as_str().to_string()}>
                        <h2>{ q.question.get(lang) }</h2>
                        <p><PatientText text={q.answer.get(lang).to_string()} /></p>
                    </section>
                }
            });
            let sources: Vec<_> = kb.faqs.iter().flat_map(|q| q.sources.clone()).collect();
            html! {
                <>
                    <PageHeading>{ &ui.faq_heading }</PageHeading>
                    { for faqs }
                    <SourceList lang={lang.clone()} {sources} />
                </>
            }
        }
        Reference::Sources => html! {
            <>
                <PageHeading>{ &ui.all_sources_title }</PageHeading>
                <p>{ &ui.all_sources_intro }</p>
                <SourceList lang={lang.clone()} sources={kb.sources.iter().map(|s| s.id.clone()).collect::<Vec<_>>()} />
            </>
        },
        Reference::About => {
            let about = &kb.about;
            html! {
                <>
                    <PageHeading>{ &ui.about_title }</PageHeading>
                    <dl class="avn-facts">
                        <div><dt>{ &ui.about_version }</dt><dd>{ &about.content_version }</dd></div>
                        <div><dt>{ &ui.about_published }</dt><dd>{ &about.published }</dd></div>
                        <div><dt>{ &ui.about_reviewed }</dt><dd>{ &about.reviewed }</dd></div>
                        <div><dt>{ &ui.about_counts_label }</dt><dd>{ fill(&ui.about_counts, &[
                            ("sources", &kb.sources.len().to_string()),
                            ("options", &kb.options.len().to_string()),
                            ("stages", &kb.systems.iter().map(|s| s.stages.len()).sum::<usize>().to_string()),
                        ]) }</dd></div>
                        <div><dt>{ &ui.about_reading_label }</dt><dd>{ fill(&ui.about_reading, &[
                            ("easy", &about.reading.at_most_8.to_string()),
                            ("blocks", &about.reading.blocks.to_string()),
                            ("median", &tenths(about.reading.median_tenths)),
                            ("low", &tenths(about.reading.lowest_tenths)),
                            ("high", &tenths(about.reading.highest_tenths)),
                        ]) }</dd></div>
                    </dl>
                    { topics(&[TopicKind::AboutThisAid]) }
                    if !about.changes.is_empty() {
                        <section>
                            <h2>{ &ui.changes_heading }</h2>
                            <dl class="avn-changes">{ for about.changes.iter().map(|c| html! {
                                <div key={c.version.clone()}>
                                    <dt>{ &c.version }{ " (" }{ &c.date }{ ")" }</dt>
                                    <dd><PatientText text={c.summary.get(lang).to_string()} /></dd>
                                </div>
                            }) }</dl>
                        </section>
                    }
                </>
            }
        }
    };
    html! {
        <>
            <Back />
            { body }
        </>
    }
}

/// A grade kept in tenths, as written: `7.4`.
fn tenths(t: u16) -> String {
    format!("{}.{}", t / 10, t % 10)
}
