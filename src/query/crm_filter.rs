//! [`CrmFilter`]: the CRM events page's category and channel filters, kept in the URL query,
//! and the pure functions that narrow the events OBP returned (OBP filters nothing itself).

use crate::api::{crm_events::CrmEvent, Query};

/// Which events to show; `None` is "All".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CrmFilter {
    /// Only events of this category.
    pub category: Option<String>,
    /// Only events over this channel.
    pub channel: Option<String>,
}

impl CrmFilter {
    /// Reads `category` and `channel`; a blank value means "All".
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> Self {
        let read = |name| get(name).filter(|v| !v.is_empty());
        Self {
            category: read("category"),
            channel: read("channel"),
        }
    }

    /// The query string (`?…`), empty when nothing is filtered.
    pub fn to_search(&self) -> String {
        let mut query = Query::new();
        if let Some(category) = &self.category {
            query = query.with("category", category);
        }
        if let Some(channel) = &self.channel {
            query = query.with("channel", channel);
        }
        query.build()
    }

    /// Whether `event` passes both filters.
    pub fn matches(&self, event: &CrmEvent) -> bool {
        let passes =
            |wanted: &Option<String>, value: &str| wanted.as_deref().is_none_or(|w| w == value);
        passes(&self.category, &event.category) && passes(&self.channel, &event.channel)
    }

    /// The events that pass, in OBP's order.
    pub fn apply(&self, events: &[CrmEvent]) -> Vec<CrmEvent> {
        events.iter().filter(|e| self.matches(e)).cloned().collect()
    }
}

/// The distinct non-blank values `field` takes in `events`, sorted: what a filter offers.
pub fn values_present(events: &[CrmEvent], field: fn(&CrmEvent) -> &str) -> Vec<String> {
    // A handful of values: inserting in order costs less wasm than a general sort.
    let mut values: Vec<String> = Vec::new();
    for value in events.iter().map(field).filter(|v| !v.trim().is_empty()) {
        if let Err(at) = values.binary_search_by(|known| known.as_str().cmp(value)) {
            values.insert(at, value.to_owned());
        }
    }
    values
}

/// "5 of 13 events".
pub fn count_caption(shown: usize, total: usize) -> String {
    let noun = if total == 1 { "event" } else { "events" };
    format!("{shown} of {total} {noun}")
}
