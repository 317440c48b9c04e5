//! Route keys that survive leaving the page. leptos_router 0.8 empties a leaving page's params
//! and query before disposing of it; pages keyed on them would refetch with blank keys.
//!
//! Query values are read from the raw query string with [`query_value`] (decoded once, as the
//! app wrote them), never from leptos_router's query map, which decodes twice.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map};

use super::url_query::query_value;

/// The path parameter `name`, keeping its last value while the route is left.
pub fn kept_param(name: &'static str) -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |last: Option<&String>| {
        params
            .with(|p| p.get(name))
            .or_else(|| last.cloned())
            .unwrap_or_default()
    })
}

/// The query parameter `name` of the page at `path` (blank when absent), unchanged while the
/// location is elsewhere.
pub fn kept_query(path: &'static str, name: &'static str) -> Memo<String> {
    kept_query_state(path, move |get| get(name).unwrap_or_default())
}

/// What `read` makes of the query of the page at `path`, unchanged while the location is
/// elsewhere (so leaving a list does not refetch its first page).
pub fn kept_query_state<T>(
    path: &'static str,
    read: impl Fn(&dyn Fn(&str) -> Option<String>) -> T + Send + Sync + 'static,
) -> Memo<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let location = use_location();
    Memo::new(move |last: Option<&T>| match last {
        Some(last) if location.pathname.get() != path => last.clone(),
        _ => location
            .search
            .with(|search| read(&|name| query_value(search, name))),
    })
}
