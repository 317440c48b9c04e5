//! [`Query`]: what was typed into a search box, folded and split into terms matched in any
//! order.

use super::fold::{fold, Fold};

/// One word of a query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Term {
    /// The word folded ([`fold`]).
    pub text: String,
    /// Its digits, when it looks like (part of) a phone number: digits and `+ - ( ) .` only.
    pub digits: Option<String>,
}

/// A parsed search query: every term must match some field of an entry.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub(super) terms: Vec<Term>,
}

impl Query {
    /// Parses `input`: folded, split at white space.
    pub fn parse(input: &str) -> Self {
        let terms = fold(input)
            .split_whitespace()
            .map(|word| {
                let phone_like = word.bytes().any(|b| b.is_ascii_digit())
                    && word
                        .bytes()
                        .all(|b| b.is_ascii_digit() || b"+-().".contains(&b));
                Term {
                    digits: phone_like.then(|| Fold::Digits.apply(word)),
                    text: word.to_owned(),
                }
            })
            .collect();
        Self { terms }
    }

    /// Whether nothing was typed (but white space).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}
