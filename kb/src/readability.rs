//! Plain-language checks on patient text: the Flesch-Kincaid grade of a block (with glossary
//! terms counted as one short word, since the glossary explains them), and which words look
//! like medical terms that the glossary must explain.

/// Blocks shorter than this are labels or headings; a reading grade means little for them.
pub const MIN_WORDS_FOR_GRADE: usize = 12;

/// The Flesch-Kincaid grade of `text` after replacing each of `terms` (lower case) by a short
/// word. `None` for blocks too short to grade.
pub fn grade(text: &str, terms: &[String]) -> Option<f32> {
    let mut plain = text.to_lowercase();
    // Longest first, so "femoral head" is replaced before "head" could matter.
    let mut terms: Vec<&String> = terms.iter().collect();
    terms.sort_by_key(|t| std::cmp::Reverse(t.len()));
    for term in terms {
        plain = replace_whole(&plain, term, "term");
    }
    let words: Vec<&str> = plain
        .split(|c: char| c.is_whitespace() || c == '/' || c == '—' || c == '–')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() < MIN_WORDS_FOR_GRADE {
        return None;
    }
    let sentences = plain
        .split(['.', '!', '?', ';', ':'])
        .filter(|s| s.chars().any(char::is_alphanumeric))
        .count()
        .max(1);
    let syllables: usize = words.iter().map(|w| syllables(w)).sum();
    let words_n = words.len() as f32;
    Some(0.39 * words_n / sentences as f32 + 11.8 * syllables as f32 / words_n - 15.59)
}

/// Replaces whole-word occurrences of `term` in `text`.
fn replace_whole(text: &str, term: &str, with: &str) -> String {
    if term.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(term) {
        let before_ok = rest[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = &rest[i + term.len()..];
        let after_ok = after.chars().next().is_none_or(|c| !c.is_alphanumeric());
        out.push_str(&rest[..i]);
        if before_ok && after_ok {
            out.push_str(with);
        } else {
            out.push_str(term);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Syllables in one word, by vowel groups (a standard estimate, good enough for a grade).
pub fn syllables(word: &str) -> usize {
    if word
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return 1;
    }
    let w: Vec<char> = word
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    if w.is_empty() {
        return 1;
    }
    let vowel = |c: char| "aeiouy".contains(c);
    let mut count = 0;
    let mut previous = false;
    for &c in &w {
        let v = vowel(c);
        if v && !previous {
            count += 1;
        }
        previous = v;
    }
    let n = w.len();
    // A final silent "e" ("bone") is not a syllable, but "-ble" / "-tle" ("table") is.
    let silent_e = n > 2 && w[n - 1] == 'e' && !vowel(w[n - 2]);
    let consonant_le = n > 2 && w[n - 2] == 'l' && !vowel(w[n - 3]);
    if silent_e && !consonant_le {
        count -= 1;
    }
    count.max(1)
}

/// Endings and beginnings that mark a word as medical vocabulary.
const MEDICAL_ENDINGS: &[&str] = &[
    "osis", "oses", "itis", "ectomy", "otomy", "otomies", "ostomy", "plasty", "plasties", "graphy",
    "scopy", "aemia", "emia", "pathy", "algia", "phylaxis",
];
const MEDICAL_BEGINNINGS: &[&str] = &[
    "osteo",
    "arthro",
    "chondr",
    "necro",
    "femor",
    "acetab",
    "subchondr",
    "trabec",
    "scler",
    "thromb",
    "coagul",
    "anticoag",
    "bisphosph",
    "corticost",
    "vascul",
    "avascul",
    "hyperbar",
    "fibul",
    "humer",
    "lunat",
    "mandib",
    "maxill",
    "epiphys",
    "periost",
    "analges",
    "biops",
    "prosthe",
    "mesenchym",
    "debrid",
    "sequest",
    "fistul",
    "radiother",
    "chemother",
    "immunosupp",
];

/// Whether a word (as written) looks like a medical term: an abbreviation in capitals (not a
/// stage code), or a word with a medical beginning or ending.
pub fn looks_medical(word: &str) -> bool {
    let letters: String = word.chars().filter(|c| c.is_alphanumeric()).collect();
    if letters.len() < 2 {
        return false;
    }
    let is_stage_code = letters
        .trim_end_matches(['A', 'B', 'C'])
        .chars()
        .all(|c| matches!(c, 'I' | 'V' | 'X'))
        || (letters.len() <= 2 && letters.chars().any(|c| c.is_ascii_digit()));
    let capitals = letters.chars().filter(|c| c.is_uppercase()).count();
    if capitals >= 2
        && letters
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit())
    {
        return !is_stage_code;
    }
    let lower = letters.to_lowercase();
    MEDICAL_ENDINGS
        .iter()
        .any(|e| lower.ends_with(e) && lower.len() > e.len() + 2)
        || MEDICAL_BEGINNINGS.iter().any(|b| lower.starts_with(b))
}

/// The words of `text` that look medical and are not covered by `known` (lower-case terms,
/// which may be several words, e.g. "femoral head") or `plain` (lower-case single words).
pub fn unexplained_terms(text: &str, known: &[String], plain: &[String]) -> Vec<String> {
    let mut covered = text.to_lowercase();
    let mut known: Vec<&String> = known.iter().collect();
    known.sort_by_key(|t| std::cmp::Reverse(t.len()));
    for term in known {
        covered = replace_whole(&covered, term, "");
    }
    let remaining: Vec<String> = covered
        .split(|c: char| c.is_whitespace() || c == '/' || c == '(' || c == ')')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .collect();
    let mut out = Vec::new();
    for word in text.split(|c: char| c.is_whitespace() || c == '/' || c == '(' || c == ')') {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        let lower = word.to_lowercase();
        let still_there = remaining.iter().any(|w| *w == lower.trim_matches('-'));
        if looks_medical(word)
            && still_there
            && !plain.contains(&lower)
            && !out.contains(&word.to_string())
        {
            out.push(word.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_are_estimated_from_vowel_groups() {
        assert_eq!(syllables("bone"), 1);
        assert_eq!(syllables("hip"), 1);
        assert_eq!(syllables("table"), 2);
        assert_eq!(syllables("operation"), 4);
        assert_eq!(syllables("85"), 1);
    }

    #[test]
    fn plain_text_grades_low_and_dense_text_grades_high() {
        let plain =
            "The bone has lost its blood supply. The ball is still round. Most people can walk.";
        let dense = "Osteonecrosis necessitates comprehensive multidisciplinary evaluation incorporating radiological characterisation, quantitative assessment of lesion extent, and individualised therapeutic decision-making.";
        assert!(grade(plain, &[]).unwrap() < 4.0);
        assert!(grade(dense, &[]).unwrap() > 14.0);
        assert_eq!(grade("Core decompression", &[]), None);
    }

    #[test]
    fn glossary_terms_count_as_short_words() {
        let text = "A core decompression drills small channels into the femoral head to lower the pressure inside it.";
        let with = grade(text, &["core decompression".into(), "femoral head".into()]).unwrap();
        let without = grade(text, &[]).unwrap();
        assert!(with < without);
    }

    #[test]
    fn medical_looking_words_are_found_unless_explained() {
        assert!(looks_medical("osteonecrosis"));
        assert!(looks_medical("MRI"));
        assert!(looks_medical("arthroplasty"));
        assert!(!looks_medical("IIIA"));
        assert!(!looks_medical("C2"));
        assert!(!looks_medical("walking"));
        let text = "An MRI shows osteonecrosis of the femoral head before arthritis.";
        assert_eq!(
            unexplained_terms(text, &[], &[]),
            ["MRI", "osteonecrosis", "femoral", "arthritis"]
        );
        let known = ["mri".to_string(), "femoral head".to_string()];
        assert_eq!(
            unexplained_terms(text, &known, &["arthritis".into()]),
            ["osteonecrosis"]
        );
    }
}
