//! SQL `LIKE` as SQLite evaluates it, for patterns SQLite refuses: longer than
//! [`SQLITE_PATTERN_LIMIT`] bytes ("LIKE or GLOB pattern too complex"). OBP's database takes any
//! pattern, so the sandbox matches those itself, with the same result SQLite would give.

/// SQLite's default `SQLITE_MAX_LIKE_PATTERN_LENGTH`, in bytes.
pub(super) const SQLITE_PATTERN_LIMIT: usize = 50_000;

/// `pattern` with each run of `%` made one `%` (it matches the same texts, and SQLite takes
/// more patterns that way).
pub(super) fn collapse_percent_runs(pattern: &str) -> String {
    let mut collapsed = String::with_capacity(pattern.len());
    for c in pattern.chars() {
        if !(c == '%' && collapsed.ends_with('%')) {
            collapsed.push(c);
        }
    }
    collapsed
}

/// A `LIKE` pattern: `%` is any run of characters, `_` any one character, and ASCII letters
/// match in either case (SQLite's default, without `ESCAPE`).
pub(super) struct Like {
    pattern: Vec<char>,
    /// Every character but `%` takes one character of the text.
    shortest_match: usize,
}

impl Like {
    pub(super) fn new(pattern: &str) -> Like {
        let pattern: Vec<char> = pattern.chars().collect();
        let shortest_match = pattern.iter().filter(|c| **c != '%').count();
        Like {
            pattern,
            shortest_match,
        }
    }

    /// Whether `text LIKE pattern`, in O(pattern × text) at worst.
    pub(super) fn matches(&self, text: &str) -> bool {
        if text.chars().count() < self.shortest_match {
            return false;
        }
        let pattern = &self.pattern;
        let text: Vec<char> = text.chars().collect();
        let same = |p: char, t: char| p == '_' || p.eq_ignore_ascii_case(&t);
        // Two pointers, backing up to just after the last `%` on a mismatch.
        let (mut p, mut t) = (0, 0);
        let mut after_percent: Option<(usize, usize)> = None;
        while t < text.len() {
            match pattern.get(p) {
                Some('%') => {
                    p += 1;
                    after_percent = Some((p, t));
                }
                Some(&c) if same(c, text[t]) => {
                    p += 1;
                    t += 1;
                }
                _ => match after_percent {
                    Some((resume, from)) => {
                        p = resume;
                        t = from + 1;
                        after_percent = Some((resume, from + 1));
                    }
                    None => return false,
                },
            }
        }
        pattern[p..].iter().all(|c| *c == '%')
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn wildcards_and_case() {
        let like = |pattern: &str, text: &str| Like::new(pattern).matches(text);
        assert!(like("+44%", "+44 07972 444 876"));
        assert!(like("%876", "+44 07972 444 876"));
        assert!(like("_4%8_6", "+44 07972 444 876"));
        assert!(like("ABC", "abc"));
        assert!(!like("É", "é"), "only ASCII letters ignore case");
        assert!(like("%", ""));
        assert!(!like("_", ""));
        assert!(!like("+44", "+44 1"));
        assert_eq!(collapse_percent_runs("%%a%%%_%"), "%a%_%");
    }

    proptest! {
        /// The same answers as SQLite's own LIKE.
        #[test]
        fn agrees_with_sqlite(pattern in "[%_aAbB1é ]{0,12}", text in "[aAbB1é ]{0,12}") {
            let connection = rusqlite::Connection::open_in_memory().expect("opens");
            let sqlite: bool = connection
                .query_row("SELECT ?1 LIKE ?2", [&text, &pattern], |row| row.get(0))
                .expect("evaluates");
            prop_assert_eq!(Like::new(&pattern).matches(&text), sqlite);
            prop_assert_eq!(Like::new(&collapse_percent_runs(&pattern)).matches(&text), sqlite);
        }
    }
}
