//! The knowledge base: its structure and the default language's text embedded at build time
//! (already linted), decoded on first use, and decoded again with each language pack the page
//! provides.

use avn_kb::pack::{self, Pack};
use avn_kb::{Kb, LangId};
use std::cell::{Cell, RefCell};

static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/kb.postcard"));
/// The default language's text: a string table, read by finding its separators (no serde
/// decoder).
static DEFAULT_PACK: &str = include_str!(concat!(env!("OUT_DIR"), "/default.pack"));

thread_local! {
    static PACKS: RefCell<Vec<Pack>> = const { RefCell::new(Vec::new()) };
    /// The knowledge base with every pack added so far. Each pack decodes it anew and the older
    /// copy stays alive for the views still holding it (at most one per language, for the page's
    /// lifetime), which keeps `&'static Kb` for every view.
    static CURRENT: Cell<Option<&'static Kb>> = const { Cell::new(None) };
}

/// The structure with the default language's text and `packs`' text, or why not.
fn decode(packs: &[Pack]) -> Result<Kb, String> {
    let default = Pack::read_static(DEFAULT_PACK).map_err(|e| e.to_string())?;
    let all: Vec<Pack> = std::iter::once(default)
        .chain(packs.iter().cloned())
        .collect();
    pack::join(EMBEDDED, &all, || postcard::from_bytes(EMBEDDED)).map_err(|e| match e {
        pack::JoinError::Pack(_, e) => e.to_string(),
        pack::JoinError::Decode(e) => e.to_string(),
    })
}

/// The knowledge base, or `None` if the embedded copy could not be decoded (which the build
/// makes unlikely, but the app must still show a message rather than a blank box).
pub fn kb() -> Option<&'static Kb> {
    CURRENT.with(|current| {
        if current.get().is_none() {
            mark("avn-aid:kb-decode-start");
            let kb = decode(&[]).ok().map(|kb| &*Box::leak(Box::new(kb)));
            current.set(kb);
            mark("avn-aid:kb-decoded");
        }
        current.get()
    })
}

/// A performance mark for the benchmark (nothing off the web).
fn mark(name: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(p) = gloo::utils::window().performance() {
        let _ = p.mark(name);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = name;
}

/// Adds a language pack's text (as the pack script gave it): its language, or why it cannot be
/// used (then nothing changes).
pub fn add_pack(text: String) -> Result<LangId, String> {
    let pack = Pack::read(text).map_err(|e| e.to_string())?;
    let lang = pack.lang.clone();
    if kb().and_then(|kb| kb.lang(lang.as_str())).is_none() {
        return Err(format!(
            "a language pack for \"{lang}\", which this guide does not declare"
        ));
    }
    let mut packs = PACKS.with(|p| p.borrow().clone());
    packs.retain(|p| p.lang != lang);
    packs.push(pack);
    let kb = decode(&packs)?;
    PACKS.with(|p| *p.borrow_mut() = packs);
    CURRENT.with(|c| c.set(Some(Box::leak(Box::new(kb)))));
    Ok(lang)
}

/// How many language packs (besides the default language) the knowledge base holds.
pub fn packs_loaded() -> usize {
    PACKS.with(|p| p.borrow().len())
}

/// Whether `lang`'s text is here: the default language always is.
pub fn has_text_in(lang: &LangId) -> bool {
    kb().is_some_and(|kb| kb.default_lang() == lang)
        || PACKS.with(|p| p.borrow().iter().any(|p| p.lang == *lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_knowledge_base_decodes_with_the_hip_and_arco_stages() {
        let kb = kb().expect("embedded knowledge base decodes");
        let hip = kb.joints.iter().find(|j| j.id.as_str() == "hip").unwrap();
        let arco = kb.system(&hip.systems[0]).unwrap();
        let codes: Vec<&str> = arco.stages.iter().map(|s| s.code.as_str()).collect();
        assert_eq!(codes, ["I", "II", "IIIA", "IIIB", "IV"]);
    }

    /// The pack the build writes for the pseudo-language, made the same way here.
    fn pseudo_pack() -> String {
        let full = avn_kb::load::load_dir(std::path::Path::new("content")).expect("content loads");
        let (_, packs) = pack::split(&full, postcard::to_allocvec).unwrap();
        packs
            .iter()
            .find(|p| p.lang.as_str() == "en-XA")
            .expect("en-XA pack")
            .write()
    }

    #[test]
    fn a_pack_adds_its_language_and_the_default_language_stays() {
        let hip = |kb: &Kb, lang: &str| {
            let lang = kb.lang(lang).unwrap().clone();
            kb.joints[0].title.get(&lang).to_string()
        };
        let before = kb().unwrap();
        assert_eq!(
            hip(before, "en-XA"),
            hip(before, "en"),
            "no pack yet: English shows"
        );
        assert_eq!(add_pack(pseudo_pack()).unwrap().as_str(), "en-XA");
        let after = kb().unwrap();
        assert!(
            hip(after, "en-XA").starts_with('['),
            "{}",
            hip(after, "en-XA")
        );
        assert_eq!(hip(after, "en"), hip(before, "en"));
        let lang = after.lang("en-XA").unwrap();
        assert!(after.ui(lang).back.starts_with('['));
        assert!(has_text_in(lang));
    }

    #[test]
    fn a_broken_or_foreign_pack_changes_nothing() {
        assert!(add_pack("hello".into()).is_err());
        let other = pseudo_pack().replacen("en-XA ", "en-XA 0000000000000000", 1);
        assert!(add_pack(other).is_err());
        let cut: String = pseudo_pack().chars().take(5000).collect();
        assert!(add_pack(cut).is_err());
    }
}
