//! Identifiers of knowledge-base entities. Only the loader (from file names) and the decoder of
//! the embedded copy create them, so an ID in the app always names something that exists.

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            #[cfg_attr(not(feature = "load"), allow(dead_code))]
            pub(crate) fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            /// The ID as written in the content files (and in URLs later).
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// A joint, e.g. `hip` (the file name under `content/joints/`).
    JointId
);
id_type!(
    /// A staging system, e.g. `hip-arco-2019` (the file name under `content/staging/`).
    SystemId
);
id_type!(
    /// A stage: its system's ID and its code, e.g. `hip-arco-2019/IIIA`.
    StageId
);
id_type!(
    /// A cited source, e.g. `yoon-2020-arco` (the file name under `content/sources/`).
    SourceId
);
id_type!(
    /// A language code, e.g. `en`, declared in `content/kb.toml`.
    LangId
);
id_type!(
    /// A topic page, e.g. `what-is-avn` (the file name under `content/topics/`).
    TopicId
);
id_type!(
    /// A risk factor, e.g. `steroids` (the file name under `content/risk-factors/`).
    RiskFactorId
);
id_type!(
    /// A treatment option, e.g. `core-decompression` (the file name under `content/options/`).
    OptionId
);
id_type!(
    /// A frequently asked question (the file name under `content/faq/`).
    FaqId
);
id_type!(
    /// A glossary term, e.g. `femoral-head`.
    TermId
);
id_type!(
    /// A situation a patient may be in, e.g. `sickle-cell` (the file name under
    /// `content/situations/`).
    SituationId
);
id_type!(
    /// A finding an imaging report can state, e.g. `collapse` (the `id` of a `[[finding]]` in
    /// `content/report/findings.toml`).
    FindingId
);
