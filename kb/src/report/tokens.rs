//! Splits a report into words, numbers and marks, each with its place in the original text, so
//! every phrase the decoder recognises can be quoted and marked exactly as the patient pasted it.

use crate::glossary::fold_case;

/// What a token is.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Kind {
    /// Letters (and digits mixed with letters, like `t1` or `3a`), folded to lower case with
    /// accents removed.
    Word,
    /// A number, e.g. `2.5`.
    Number(f64),
    /// One punctuation mark.
    Mark(char),
}

/// One token and where it came from.
#[derive(Clone, Debug)]
pub(crate) struct Token {
    pub kind: Kind,
    /// The folded word (empty for numbers and marks).
    pub text: String,
    /// Whether the word was written with a capital letter in the report.
    pub raw_upper: bool,
    /// Byte range in the original text.
    pub start: usize,
    pub end: usize,
    /// The token starts a line.
    pub line_start: bool,
    /// A blank line comes before it.
    pub after_blank: bool,
}

/// Units a number may be written against without a space ("3mm").
const GLUED_UNITS: [&str; 6] = ["mm", "cm", "deg", "degrees", "x", "m"];

/// The tokens of `text`. Words split across a line break by a hyphen ("osteo-⏎necrosis") are
/// joined; other hyphens, slashes and apostrophes separate words ("double-line", "R/O") or are
/// dropped inside them ("Kienböck's" is `kienbocks`).
pub(crate) fn tokens(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut line_start = true;
    let mut blank = false;
    while let Some(&(at, c)) = chars.peek() {
        if c == '\n' {
            blank = line_start && !out.is_empty() || blank;
            line_start = true;
            chars.next();
            continue;
        }
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = at;
            let mut word = String::new();
            while let Some(&(i, ch)) = chars.peek() {
                if ch.is_alphanumeric() {
                    word.push(ch);
                    end = i + ch.len_utf8();
                    chars.next();
                } else if (ch == '\'' || ch == '\u{2019}') && !word.is_empty() {
                    // An apostrophe inside a word is dropped; one at its end ends it.
                    let mut ahead = chars.clone();
                    ahead.next();
                    if ahead.peek().is_some_and(|(_, n)| n.is_alphanumeric()) {
                        chars.next();
                    } else {
                        break;
                    }
                } else if ch == '.' && word.bytes().all(|b| b.is_ascii_digit()) {
                    // A decimal point between digits.
                    let mut ahead = chars.clone();
                    ahead.next();
                    if ahead.peek().is_some_and(|(_, n)| n.is_ascii_digit()) {
                        word.push('.');
                        chars.next();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            // A hyphen at the end of a line joins the word to the first word of the next line.
            if let Some(prev) = out.last() {
                let joined = prev.kind == Kind::Mark('-')
                    && line_start
                    && out.len() >= 2
                    && out[out.len() - 2].kind == Kind::Word
                    && out[out.len() - 2].end == prev.start
                    && word.chars().next().is_some_and(char::is_lowercase);
                if joined {
                    out.pop();
                    let head = out.last_mut().expect("checked above");
                    head.text.push_str(&normalise(&word));
                    head.end = end;
                    line_start = false;
                    blank = false;
                    continue;
                }
            }
            push_word(&mut out, &word, at, end, line_start, blank);
            line_start = false;
            blank = false;
            continue;
        }
        // A hyphen or slash inside a word is a space ("double-line", "pre-collapse", "R/O"),
        // but not between digits ("2-3 mm").
        if matches!(c, '-' | '/' | '\u{2010}' | '\u{2011}') {
            let prev = out.last().filter(|t| t.end == at);
            let mut ahead = chars.clone();
            ahead.next();
            let next = ahead.peek().map(|(_, n)| *n);
            let word_before = prev.is_some_and(|t| t.kind == Kind::Word);
            let digit_before = prev.is_some_and(|t| matches!(t.kind, Kind::Number(_)));
            let after_alpha = next.is_some_and(char::is_alphabetic);
            let after_digit = next.is_some_and(|n| n.is_ascii_digit());
            if word_before && (after_alpha || after_digit) || digit_before && after_alpha {
                chars.next();
                line_start = false;
                blank = false;
                continue;
            }
        }
        out.push(Token {
            kind: Kind::Mark(c),
            text: String::new(),
            raw_upper: false,
            start: at,
            end: at + c.len_utf8(),
            line_start,
            after_blank: blank,
        });
        chars.next();
        line_start = false;
        blank = false;
    }
    out
}

/// Pushes a run of letters and digits: a number, a number with its unit, or a word.
fn push_word(
    out: &mut Vec<Token>,
    raw: &str,
    start: usize,
    end: usize,
    line_start: bool,
    after_blank: bool,
) {
    let digits = raw
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.'))
        .map_or(raw.len(), |(i, _)| i);
    let token = |kind, text: String, s, e, first: bool, upper: bool| Token {
        kind,
        raw_upper: upper,
        text,
        start: s,
        end: e,
        line_start: line_start && first,
        after_blank: after_blank && first,
    };
    if digits > 0 {
        if let Some(value) = decimal(&raw[..digits]) {
            let rest = normalise(&raw[digits..]);
            if rest.is_empty() {
                out.push(token(
                    Kind::Number(value),
                    String::new(),
                    start,
                    end,
                    true,
                    false,
                ));
                return;
            }
            if GLUED_UNITS.contains(&rest.as_str()) {
                out.push(token(
                    Kind::Number(value),
                    String::new(),
                    start,
                    start + digits,
                    true,
                    false,
                ));
                let upper = raw[digits..].chars().any(char::is_uppercase);
                out.push(token(Kind::Word, rest, start + digits, end, false, upper));
                return;
            }
        }
    }
    let upper = raw.chars().any(char::is_uppercase);
    out.push(token(Kind::Word, normalise(raw), start, end, true, upper));
}

/// Reads "12" or "2.5" (digits with at most one point) without the standard library's float
/// parser, which would add its code to the app.
fn decimal(text: &str) -> Option<f64> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if whole.is_empty() || fraction.contains('.') || whole.len() + fraction.len() > 15 {
        return None;
    }
    let digits = |s: &str| {
        s.bytes().try_fold(0u64, |n, b| {
            b.is_ascii_digit().then(|| n * 10 + u64::from(b - b'0'))
        })
    };
    let scale = (0..fraction.len()).fold(1u64, |s, _| s * 10);
    Some(digits(whole)? as f64 + digits(fraction)? as f64 / scale as f64)
}

/// Lower case without accents on Latin letters, so "Kienböck" and "KIENBOCK" read the same.
pub(crate) fn normalise(word: &str) -> String {
    fold_case(word)
        .chars()
        .map(|c| match c {
            'à'..='å' => 'a',
            'ç' => 'c',
            'è'..='ë' => 'e',
            'ì'..='ï' => 'i',
            'ñ' => 'n',
            'ò'..='ö' | 'ø' => 'o',
            'ù'..='ü' => 'u',
            'ý' | 'ÿ' => 'y',
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokens(text)
            .into_iter()
            .map(|t| match t.kind {
                Kind::Word => t.text,
                Kind::Number(n) => format!("#{}", super::super::number_text(n)),
                Kind::Mark(c) => c.to_string(),
            })
            .collect()
    }

    #[test]
    fn words_numbers_and_units_come_apart_as_a_reader_sees_them() {
        assert_eq!(
            words("Kienböck's: 2.5mm step, 10% of head; R/O AVN."),
            [
                "kienbocks",
                ":",
                "#2.5",
                "mm",
                "step",
                ",",
                "#10",
                "%",
                "of",
                "head",
                ";",
                "r",
                "o",
                "avn",
                "."
            ]
        );
        assert_eq!(
            words("ARCO IIIA, JIC 3A, T1"),
            ["arco", "iiia", ",", "jic", "3a", ",", "t1"]
        );
    }

    #[test]
    fn a_word_split_by_a_hyphen_at_a_line_end_is_joined_and_keeps_its_place() {
        let text = "early osteo-\nnecrosis of the double-line kind";
        let toks = tokens(text);
        assert_eq!(
            words(text),
            [
                "early",
                "osteonecrosis",
                "of",
                "the",
                "double",
                "line",
                "kind"
            ]
        );
        assert_eq!(
            words("2-3 mm, -2 mm"),
            ["#2", "-", "#3", "mm", ",", "-", "#2", "mm"]
        );
        assert_eq!(&text[toks[1].start..toks[1].end], "osteo-\nnecrosis");
    }

    #[test]
    fn line_starts_and_blank_lines_are_remembered() {
        let toks = tokens("A b\nC\n\nD");
        let flags: Vec<(bool, bool)> = toks.iter().map(|t| (t.line_start, t.after_blank)).collect();
        assert_eq!(
            flags,
            [(true, false), (false, false), (true, false), (true, true)]
        );
    }
}
