//! [`MarkedText`]: a text with some byte ranges marked (`<mark>`), e.g. what a search matched.
//! Rendered as text nodes only.

use std::ops::Range;

use leptos::prelude::*;

/// `text` with `ranges` (sorted, disjoint, on character boundaries) in `<mark>`.
#[component]
pub fn MarkedText(
    /// The text as written.
    text: String,
    /// The parts to mark.
    ranges: Vec<Range<usize>>,
) -> impl IntoView {
    let mut parts = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    for range in ranges {
        let (Some(before), Some(marked)) = (text.get(at..range.start), text.get(range.clone()))
        else {
            continue;
        };
        if !before.is_empty() {
            parts.push(before.to_owned().into_any());
        }
        parts.push(view! { <mark>{marked.to_owned()}</mark> }.into_any());
        at = range.end;
    }
    if let Some(rest) = text.get(at..).filter(|rest| !rest.is_empty()) {
        parts.push(rest.to_owned().into_any());
    }
    parts
}
