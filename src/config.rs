//! What a hospital can configure on its `<div data-avn-aid …>`, read and checked without any
//! browser access so every rule is tested natively. Bad values never break the aid: each is
//! dropped, reported to the patient in plain words, and replaced by the default.

/// A host element's attributes, as read (all optional).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Attributes {
    /// `data-lang`: language code.
    pub lang: Option<String>,
    /// `data-hospital`: the hospital's name.
    pub hospital: Option<String>,
    /// `data-contact-url`: where "talk to a specialist" leads.
    pub contact_url: Option<String>,
    /// `data-accent`: accent colour, `#rgb` or `#rrggbb`.
    pub accent: Option<String>,
    /// `data-joint`: the joint to start on.
    pub joint: Option<String>,
    /// `data-disclaimer`: the hospital's own disclaimer, as plain text.
    pub disclaimer: Option<String>,
    /// `data-keep-place`: `url` when the aid has the page to itself and may keep the
    /// patient's place in the URL fragment.
    pub keep_place: Option<String>,
}

/// The configuration the aid runs with, after checking.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    /// Language code asked for (checked against the knowledge base by the app).
    pub lang: String,
    /// Hospital name, if given.
    pub hospital: Option<String>,
    /// A safe contact link, if given.
    pub contact_url: Option<String>,
    /// A readable accent colour, normalised to `#rrggbb`.
    pub accent: Option<String>,
    /// Joint ID to start on (checked against the knowledge base by the app).
    pub joint: Option<String>,
    /// The hospital's disclaimer, if given.
    pub disclaimer: Option<String>,
    /// Keep the patient's place in the URL fragment (only on a page of the aid's own).
    pub place_in_url: bool,
    /// Values that were dropped, to tell the patient why.
    pub problems: Vec<Problem>,
}

/// A configuration value the aid did not use.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// The contact link is not https, mailto or tel (e.g. `javascript:`).
    UnsafeContactUrl,
    /// The accent is not a `#rgb` / `#rrggbb` colour.
    MalformedAccent,
    /// The accent is too light to read on white (below 4.5:1).
    UnreadableAccent,
    /// `data-keep-place` has a value other than `url`.
    UnknownKeepPlace,
    /// `data-keep-place="url"` on a second aid on the page: only the first keeps the URL.
    PlaceKeptByAnother,
}

/// Longest name or disclaimer kept (in characters as a person sees them), so a misconfigured
/// page cannot flood the aid.
const MAX_TEXT: usize = 600;
/// Longest code read (language, joint, keep-place, colour): real ones are a few characters.
const MAX_CODE: usize = 64;

impl Config {
    /// Checks the attributes: keeps what is safe and records what was dropped.
    pub fn from_attributes(a: Attributes) -> Config {
        let mut problems = Vec::new();
        let cut = |v: Option<String>, max: usize| {
            v.map(|s| {
                avn_kb::cut_to_graphemes(s.trim(), max)
                    .trim_end()
                    .to_string()
            })
            .filter(|s| !s.is_empty())
        };
        // A name or a note is plain text: markup a CMS left in is dropped, not shown as code.
        let text = |v: Option<String>| cut(v.map(|t| without_markup(&t)), MAX_TEXT);
        let code = |v: Option<String>| cut(v, MAX_CODE);
        let contact_url = text(a.contact_url).and_then(|url| {
            safe_link(&url).then_some(url).or_else(|| {
                problems.push(Problem::UnsafeContactUrl);
                None
            })
        });
        let accent = code(a.accent).and_then(|c| match parse_hex_colour(&c) {
            None => {
                problems.push(Problem::MalformedAccent);
                None
            }
            Some(rgb) if contrast_on_white(rgb) < 4.5 => {
                problems.push(Problem::UnreadableAccent);
                None
            }
            Some((r, g, b)) => Some(format!("#{r:02x}{g:02x}{b:02x}")),
        });
        let place_in_url = match code(a.keep_place).as_deref() {
            None => false,
            Some("url") => true,
            Some(_) => {
                problems.push(Problem::UnknownKeepPlace);
                false
            }
        };
        Config {
            lang: code(a.lang).unwrap_or_default(),
            hospital: text(a.hospital),
            contact_url,
            accent,
            joint: code(a.joint),
            disclaimer: text(a.disclaimer),
            place_in_url,
            problems,
        }
    }
}

/// The most of a page address's query read, in bytes: a configured link is a few hundred.
pub const MAX_QUERY: usize = 8 * 1024;

impl Attributes {
    /// Fills the settings this element leaves unset from a page address's query
    /// (`?hospital=St%20Example&joint=hip`): how a hospital configures the aid's own page when
    /// it can only place it in an iframe. Names are those of `<avn-aid>`; the first of a
    /// repeated name counts; `keep-place` is never taken from an address. The values then go
    /// through the same checks as attributes.
    pub fn or_from_query(mut self, query: &str) -> Attributes {
        let mut end = query.len().min(MAX_QUERY);
        while !query.is_char_boundary(end) {
            end -= 1;
        }
        let query = query[..end].strip_prefix('?').unwrap_or(&query[..end]);
        for pair in query.split('&') {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let slot = match percent_decoded(name).as_str() {
                "lang" => &mut self.lang,
                "hospital" => &mut self.hospital,
                "contact-url" => &mut self.contact_url,
                "accent" => &mut self.accent,
                "joint" => &mut self.joint,
                "disclaimer" => &mut self.disclaimer,
                _ => continue,
            };
            slot.get_or_insert_with(|| percent_decoded(value));
        }
        self
    }
}

/// A query component decoded: `+` is a space, `%41` a byte; a `%` that starts no escape is
/// kept, and bytes that are not UTF-8 become U+FFFD.
fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    let hex = |at: usize| bytes.get(at).and_then(|&b| (b as char).to_digit(16));
    while i < bytes.len() {
        match (bytes[i], hex(i + 1), hex(i + 2)) {
            (b'+', ..) => out.push(b' '),
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 2;
            }
            (b, ..) => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `text` without anything written as a tag (`<b>`, `</p>`, `<img …>`), in one pass; a `<`
/// that opens no tag is kept.
fn without_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let tag = &rest[at..];
        let looks_like_tag = tag[1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!');
        match tag.find('>') {
            Some(end) if looks_like_tag => rest = &tag[end + 1..],
            _ => {
                out.push('<');
                rest = &tag[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Only links that open a web page, an email or a phone call; never `javascript:`, `data:`
/// or a relative path that could be mistaken for one.
fn safe_link(url: &str) -> bool {
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let lower = url.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("https://") {
        // A web link needs a host: `https:///` or `https://?x` goes nowhere.
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host = host.rsplit('@').next().unwrap_or("");
        let name = host.split(':').next().unwrap_or("");
        return !name.is_empty()
            && !name.starts_with('.')
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-' || !c.is_ascii());
    }
    match lower.split_once(':') {
        Some(("mailto", to)) => to.contains('@') && !to.starts_with('@'),
        Some(("tel", number)) => {
            number.chars().any(|c| c.is_ascii_digit())
                && number
                    .chars()
                    .all(|c| c.is_ascii_digit() || "+-.() ".contains(c))
        }
        _ => false,
    }
}

fn parse_hex_colour(s: &str) -> Option<(u8, u8, u8)> {
    let hex = s.strip_prefix('#')?;
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let digit = |i: usize, n: usize| u8::from_str_radix(&hex[i..i + n], 16).ok();
    match hex.len() {
        3 => Some((digit(0, 1)? * 17, digit(1, 1)? * 17, digit(2, 1)? * 17)),
        6 => Some((digit(0, 2)?, digit(2, 2)?, digit(4, 2)?)),
        _ => None,
    }
}

/// WCAG contrast ratio of a colour against white.
fn contrast_on_white((r, g, b): (u8, u8, u8)) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    1.05 / (luminance + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(f: impl FnOnce(&mut Attributes)) -> Config {
        let mut a = Attributes::default();
        f(&mut a);
        Config::from_attributes(a)
    }

    #[test]
    fn no_attributes_means_defaults_and_no_problems() {
        assert_eq!(
            Config::from_attributes(Attributes::default()),
            Config::default()
        );
    }

    #[test]
    fn safe_contact_links_are_kept() {
        for url in [
            "https://hospital.example/book",
            "mailto:hip@hospital.example",
            "tel:+441000000",
        ] {
            assert_eq!(
                with(|a| a.contact_url = Some(url.into()))
                    .contact_url
                    .as_deref(),
                Some(url)
            );
        }
    }

    #[test]
    fn unsafe_contact_links_are_dropped_and_reported() {
        for url in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,x",
            "http://plain.example",
            "/book",
            "https://a b",
            "https:///",
            "https://",
            "https://?x",
            "https://:443/",
            "mailto:",
            "tel:call-me",
        ] {
            let config = with(|a| a.contact_url = Some(url.into()));
            assert_eq!(config.contact_url, None, "{url}");
            assert_eq!(config.problems, [Problem::UnsafeContactUrl], "{url}");
        }
    }

    #[test]
    fn accents_are_normalised_and_checked_for_contrast() {
        assert_eq!(
            with(|a| a.accent = Some("#0B5C8A".into()))
                .accent
                .as_deref(),
            Some("#0b5c8a")
        );
        assert_eq!(
            with(|a| a.accent = Some("#036".into())).accent.as_deref(),
            Some("#003366")
        );
        let pale = with(|a| a.accent = Some("#ffcc00".into()));
        assert_eq!(
            (pale.accent, pale.problems),
            (None, vec![Problem::UnreadableAccent])
        );
        for bad in [
            "red",
            "#12",
            "#gggggg",
            "rgb(0,0,0)",
            "#0b5c8a; background:url(x)",
        ] {
            let config = with(|a| a.accent = Some(bad.into()));
            assert_eq!(config.problems, [Problem::MalformedAccent], "{bad}");
        }
    }

    #[test]
    fn text_is_trimmed_limited_and_blank_means_absent() {
        let config = with(|a| {
            a.hospital = Some("  St Example  ".into());
            a.disclaimer = Some("x".repeat(5000));
            a.lang = Some("   ".into());
        });
        assert_eq!(config.hospital.as_deref(), Some("St Example"));
        assert_eq!(config.disclaimer.map(|d| d.len()), Some(MAX_TEXT));
        assert_eq!(config.lang, "");
        // A long name is cut between characters as a person sees them, never inside one.
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        let config = with(|a| a.hospital = Some(family.repeat(MAX_TEXT + 1)));
        assert_eq!(config.hospital, Some(family.repeat(MAX_TEXT)));
        // Codes are short: a huge one is cut, never kept whole.
        let config = with(|a| a.lang = Some("x".repeat(2_000_000)));
        assert_eq!(config.lang.len(), MAX_CODE);
    }

    proptest::proptest! {
        #[test]
        fn any_attributes_give_a_config_without_panicking(
            values in proptest::collection::vec(proptest::option::of(".{0,200}"), 7)
        ) {
            let mut v = values.into_iter();
            let config = Config::from_attributes(Attributes {
                lang: v.next().flatten(),
                hospital: v.next().flatten(),
                contact_url: v.next().flatten(),
                accent: v.next().flatten(),
                joint: v.next().flatten(),
                disclaimer: v.next().flatten(),
                keep_place: v.next().flatten(),
            });
            if let Some(url) = &config.contact_url {
                proptest::prop_assert!(safe_link(url));
            }
            if let Some(accent) = &config.accent {
                proptest::prop_assert!(accent.len() == 7 && accent.starts_with('#'));
            }
        }
    }

    #[test]
    fn an_address_fills_only_what_the_element_leaves_unset() {
        let element = Attributes {
            lang: Some("en".into()),
            keep_place: Some("url".into()),
            ..Attributes::default()
        };
        let query = "?hospital=St+Example%20Hospital&contact-url=https%3A%2F%2Fh.example%2Fbook\
                     &lang=zz&joint=hip&joint=knee&keep-place=no&accent=%230b5c8a&x=1&disclaimer";
        let filled = element.or_from_query(query);
        assert_eq!(filled.hospital.as_deref(), Some("St Example Hospital"));
        assert_eq!(
            filled.contact_url.as_deref(),
            Some("https://h.example/book")
        );
        assert_eq!(
            filled.lang.as_deref(),
            Some("en"),
            "the element's own value wins"
        );
        assert_eq!(
            filled.joint.as_deref(),
            Some("hip"),
            "the first of a repeated name"
        );
        assert_eq!(
            filled.keep_place.as_deref(),
            Some("url"),
            "never from an address"
        );
        assert_eq!(filled.accent.as_deref(), Some("#0b5c8a"));
        assert_eq!(filled.disclaimer.as_deref(), Some(""));
        // The same checks as attributes: an unsafe link from an address is dropped and explained.
        let config = Config::from_attributes(
            Attributes::default().or_from_query("contact-url=javascript%3Aalert(1)"),
        );
        assert_eq!(config.contact_url, None);
        assert_eq!(config.problems, [Problem::UnsafeContactUrl]);
    }

    #[test]
    fn odd_escapes_and_long_addresses_are_read_safely() {
        assert_eq!(percent_decoded("100%"), "100%");
        assert_eq!(percent_decoded("%zz%4"), "%zz%4");
        assert_eq!(percent_decoded("%E2%9C%93 ok"), "\u{2713} ok");
        assert_eq!(percent_decoded("%FF"), "\u{FFFD}");
        let long = format!("hospital={}", "\u{e9}".repeat(MAX_QUERY));
        let read = Attributes::default()
            .or_from_query(&long)
            .hospital
            .unwrap_or_default();
        assert!(
            read.len() < MAX_QUERY,
            "only the first {MAX_QUERY} bytes are read"
        );
    }

    #[test]
    fn markup_in_a_name_or_note_is_dropped_and_the_words_kept() {
        let config = with(|a| {
            a.hospital = Some("<b>St Example</b> Hospital".into());
            a.disclaimer = Some("Ask us <script>alert(1)</script>first. Age < 18? Call.".into());
        });
        assert_eq!(config.hospital.as_deref(), Some("St Example Hospital"));
        assert_eq!(
            config.disclaimer.as_deref(),
            Some("Ask us alert(1)first. Age < 18? Call.")
        );
    }

    #[test]
    fn the_place_goes_in_the_url_only_when_asked_with_url() {
        let with = |v: &str| {
            Config::from_attributes(Attributes {
                keep_place: Some(v.into()),
                ..Attributes::default()
            })
        };
        assert!(with("url").place_in_url);
        assert!(!Config::from_attributes(Attributes::default()).place_in_url);
        let odd = with("cookie");
        assert!(!odd.place_in_url);
        assert_eq!(odd.problems, [Problem::UnknownKeepPlace]);
    }
}
