//! Search as you type over many records, in memory: text folded for case- and
//! diacritic-insensitive matching ([`fold`]), queries whose words match in any order
//! ([`Query`]), an index that folds once and ranks prefix matches first ([`SearchIndex`]), and
//! the matched parts of a text for highlighting ([`matched_ranges`]). Pure Rust, no browser.

mod fold;
mod index;
mod query;

pub use fold::{fold, Fold, Folded};
pub use index::{matched_ranges, Field, SearchIndex, Searchable};
pub use query::Query;
