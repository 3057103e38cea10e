//! The knowledge base, embedded at build time (already linted) and decoded once on first use.

use avn_kb::Kb;
use std::sync::OnceLock;

static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/kb.postcard"));

/// The knowledge base, or `None` if the embedded copy could not be decoded (which the build
/// makes unlikely, but the app must still show a message rather than a blank box).
pub fn kb() -> Option<&'static Kb> {
    static KB: OnceLock<Option<Kb>> = OnceLock::new();
    KB.get_or_init(|| postcard::from_bytes(EMBEDDED).ok())
        .as_ref()
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
}
