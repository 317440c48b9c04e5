//! [`SearchIndex`]: items with their searchable fields folded once, when they are added, so a
//! search over ten thousand of them is a few substring scans per item; results are ranked by
//! how well each term matches (start of a field, start of a word, anywhere) and then by the
//! order the items were added.

use std::ops::Range;

use memchr::memmem::Finder;

use super::{
    fold::{Fold, Folded},
    query::{Query, Term},
};

/// A field searched, in the order its matches rank among equally good ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The name.
    Name,
    /// The customer number.
    Number,
    /// The e-mail address.
    Email,
    /// The phone number (its digits are matched).
    Phone,
}

impl Field {
    /// Every field, in rank order.
    const ALL: [Field; 4] = [Self::Name, Self::Number, Self::Email, Self::Phone];

    fn fold(self) -> Fold {
        match self {
            Self::Phone => Fold::Digits,
            _ => Fold::Text,
        }
    }

    /// What of `term` this field matches: its digits for the phone, else its text.
    fn needle(self, term: &Term) -> Option<&str> {
        match self {
            Self::Phone => term.digits.as_deref().filter(|d| !d.is_empty()),
            _ => Some(&term.text),
        }
    }
}

/// What a search index holds: anything with the four searchable fields.
pub trait Searchable {
    /// The text of `field` as written.
    fn field(&self, field: Field) -> &str;
}

/// The folded fields of one item.
#[derive(Clone, Debug)]
struct Folds([String; 4]);

impl Folds {
    fn of(item: &impl Searchable) -> Self {
        Self(Field::ALL.map(|field| field.fold().apply(item.field(field))))
    }
}

/// How well a match at byte `at` of a folded text is placed: 0 at its start, 1 at a word's
/// start, 2 inside a word.
fn class_at(haystack: &str, at: usize) -> u32 {
    match at {
        0 => 0,
        _ if !haystack[..at].ends_with(char::is_alphanumeric) => 1,
        _ => 2,
    }
}

/// How well `needle` matches a folded text: its best placed occurrence's [`class_at`].
/// (A needle that is whole UTF-8 only matches where a character starts.)
fn match_class(haystack: &str, needle: &Finder) -> Option<u32> {
    let mut best = None;
    for at in needle.find_iter(haystack.as_bytes()) {
        let class = class_at(haystack, at);
        if class == 0 {
            return Some(0);
        }
        best = Some(best.map_or(class, |b: u32| b.min(class)));
    }
    best
}

/// Items searchable by name, number, e-mail and phone digits.
#[derive(Clone, Debug)]
pub struct SearchIndex<T> {
    items: Vec<T>,
    folds: Vec<Folds>,
}

impl<T> Default for SearchIndex<T> {
    fn default() -> Self {
        Self {
            items: Vec::new(),
            folds: Vec::new(),
        }
    }
}

impl<T: Searchable> SearchIndex<T> {
    /// The items, in the order they were added.
    pub fn items(&self) -> &[T] {
        &self.items
    }

    /// How many items.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Adds `item` last.
    pub fn push(&mut self, item: T) {
        self.folds.push(Folds::of(&item));
        self.items.push(item);
    }

    /// Replaces the first item `same` picks with `item`, or adds it last when none is.
    pub fn upsert(&mut self, item: T, same: impl Fn(&T) -> bool) {
        match self.items.iter().position(same) {
            Some(at) => {
                self.folds[at] = Folds::of(&item);
                self.items[at] = item;
            }
            None => self.push(item),
        }
    }

    /// Removes every item `gone` picks.
    pub fn remove(&mut self, gone: impl Fn(&T) -> bool) {
        let kept = std::mem::take(&mut self.items)
            .into_iter()
            .zip(std::mem::take(&mut self.folds))
            .filter(|(item, _)| !gone(item));
        (self.items, self.folds) = kept.unzip();
    }

    /// The positions of the items matching every term of `query`, best first: by the sum over
    /// the terms of how well each matches its best field (field start, word start, anywhere;
    /// name before number, e-mail and phone), then in the order the items were added. An empty
    /// query matches nothing.
    pub fn search(&self, query: &Query) -> Vec<usize> {
        if query.is_empty() {
            return Vec::new();
        }
        // Each needle's searcher is built once, not once per item.
        let needles: Vec<[Option<Finder>; 4]> = query
            .terms
            .iter()
            .map(|term| Field::ALL.map(|field| field.needle(term).map(Finder::new)))
            .collect();
        let mut ranked: Vec<u64> = self
            .folds
            .iter()
            .enumerate()
            .filter_map(|(at, folds)| {
                let mut score = 0u64;
                for term in &needles {
                    score += u64::from(best_match(folds, term)?);
                }
                Some(score << 32 | u64::try_from(at).ok()?)
            })
            .collect();
        ranked.sort_unstable();
        ranked
            .into_iter()
            .filter_map(|key| usize::try_from(key & u64::from(u32::MAX)).ok())
            .collect()
    }
}

/// How well a term (its needle for each field) matches the best of an item's fields:
/// 4 × class + field rank; `None` when it matches none.
fn best_match(folds: &Folds, needles: &[Option<Finder>; 4]) -> Option<u32> {
    let mut best = None;
    for (rank, (needle, folded)) in (0..).zip(needles.iter().zip(&folds.0)) {
        let Some(class) = needle.as_ref().and_then(|n| match_class(folded, n)) else {
            continue;
        };
        let score = class * 4 + rank;
        if best.is_none_or(|b| score < b) {
            best = Some(score);
            if class == 0 {
                break;
            }
        }
    }
    best
}

/// The byte ranges of `text` (the value of `field` as written) that the terms of `query` match,
/// for highlighting: each term's best match (field start, then word start, then the first),
/// sorted and merged.
pub fn matched_ranges(text: &str, field: Field, query: &Query) -> Vec<Range<usize>> {
    let folded = Folded::new(text, field.fold());
    let mut ranges: Vec<Range<usize>> = query
        .terms
        .iter()
        .filter_map(|term| {
            let needle = field.needle(term)?;
            let haystack = folded.text.as_str();
            let at = haystack
                .match_indices(needle)
                .map(|(at, _)| at)
                .min_by_key(|&at| class_at(haystack, at))?;
            Some(folded.original_range(at, at + needle.len()))
        })
        .filter(|range| !range.is_empty())
        .collect();
    ranges.sort_by_key(|range| range.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}
