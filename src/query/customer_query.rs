//! [`CustomerQuery`]: the customer list's scope, paging, sort, phone search and firehose dates,
//! kept in the URL query so reload, back and forward restore the same view.

use super::{list_scope::ListScope, url_query::bounded_number};
use crate::{
    api::{
        customers::{Page, SortDirection},
        encode_segment,
        firehose::FirehoseQuery,
    },
    dates,
    validation::parse_date,
};

/// Rows-per-page choices.
pub const PAGE_SIZES: [u32; 4] = [10, 25, 50, 100];
/// Rows per page when the URL names none.
pub const DEFAULT_PAGE_SIZE: u32 = 25;
/// The largest offset taken from the URL (a larger one is read as this): far past any bank's
/// customers, and with a page added still within OBP's 32-bit signed integers.
pub const MAX_OFFSET: u32 = 1_000_000_000;

/// What the customer list shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomerQuery {
    /// Which of OBP's lists.
    pub scope: ListScope,
    /// Paging and sort, for the scopes OBP pages.
    pub page: Page,
    /// A mobile phone pattern (`%`, `_` wildcards); when set, search results replace the bank's
    /// list. Only in the bank scope.
    pub phone: Option<String>,
    /// Firehose only: customers changed on or after this day (`yyyy-MM-dd`).
    pub from_date: Option<String>,
    /// Firehose only: customers changed on or before this day (`yyyy-MM-dd`).
    pub to_date: Option<String>,
}

impl Default for CustomerQuery {
    fn default() -> Self {
        Self {
            scope: ListScope::Bank,
            page: Page {
                limit: DEFAULT_PAGE_SIZE,
                offset: 0,
                sort: SortDirection::Desc,
            },
            phone: None,
            from_date: None,
            to_date: None,
        }
    }
}

impl CustomerQuery {
    /// Reads `scope`, `limit`, `offset`, `sort`, `phone`, `from_date` and `to_date`; anything
    /// invalid, or meaningless in the scope, falls back to the default. An offset past
    /// [`MAX_OFFSET`] is read as [`MAX_OFFSET`].
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> Self {
        let default = Self::default();
        let scope = get("scope")
            .and_then(|v| ListScope::parse(&v))
            .unwrap_or_default();
        let limit = get("limit")
            .and_then(|v| v.parse().ok())
            .filter(|l| PAGE_SIZES.contains(l))
            .unwrap_or(default.page.limit);
        let offset = get("offset")
            .and_then(|v| bounded_number(&v, 0, MAX_OFFSET))
            .unwrap_or(default.page.offset);
        let sort = get("sort")
            .and_then(|v| SortDirection::parse(&v))
            .unwrap_or(default.page.sort);
        let phone = get("phone").filter(|p| !p.trim().is_empty() && scope == ListScope::Bank);
        let day =
            |name| get(name).filter(|d| scope == ListScope::Firehose && parse_date(d).is_some());
        Self {
            scope,
            page: Page {
                limit,
                offset,
                sort,
            },
            phone,
            from_date: day("from_date"),
            to_date: day("to_date"),
        }
    }

    /// The query string (`?…`), naming only what differs from the default.
    pub fn to_search(&self) -> String {
        let default = Self::default();
        let mut pairs = Vec::new();
        if self.scope != default.scope {
            pairs.push(format!("scope={}", self.scope.as_str()));
        }
        if self.page.limit != default.page.limit {
            pairs.push(format!("limit={}", self.page.limit));
        }
        if self.page.offset != 0 {
            pairs.push(format!("offset={}", self.page.offset));
        }
        if self.page.sort != default.page.sort {
            pairs.push(format!(
                "sort={}",
                self.page.sort.as_str().to_ascii_lowercase()
            ));
        }
        for (name, value) in [
            ("phone", &self.phone),
            ("from_date", &self.from_date),
            ("to_date", &self.to_date),
        ] {
            if let Some(value) = value {
                pairs.push(format!("{name}={}", encode_segment(value)));
            }
        }
        if pairs.is_empty() {
            String::new()
        } else {
            format!("?{}", pairs.join("&"))
        }
    }

    /// The query string with `number=…`, the customer number last looked up. The list ignores
    /// it; the lookup box shows it again after back and reload.
    pub fn to_search_with_number(&self, number: &str) -> String {
        let search = self.to_search();
        let separator = if search.is_empty() { '?' } else { '&' };
        format!("{search}{separator}number={}", encode_segment(number))
    }

    /// The same view at another offset.
    pub fn at_offset(&self, offset: u32) -> Self {
        let mut next = self.clone();
        next.page.offset = offset;
        next
    }

    /// The list (not a search) with new paging; back to the first row.
    pub fn with_page(&self, limit: u32, sort: SortDirection) -> Self {
        Self {
            page: Page {
                limit,
                offset: 0,
                sort,
            },
            phone: None,
            ..self.clone()
        }
    }

    /// Another scope with the same rows per page and sort, from the first row.
    pub fn in_scope(&self, scope: ListScope) -> Self {
        Self {
            scope,
            ..Self::default().with_page(self.page.limit, self.page.sort)
        }
    }

    /// The firehose between two days (either may be open), from the first row.
    pub fn with_window(&self, from_date: Option<String>, to_date: Option<String>) -> Self {
        Self {
            from_date,
            to_date,
            ..self.at_offset(0)
        }
    }

    /// The firehose's query parameters: the page, and whole days in UTC.
    pub fn firehose(&self) -> FirehoseQuery {
        FirehoseQuery {
            page: self.page,
            from_date: self.from_date.as_deref().map(dates::query_start),
            to_date: self.to_date.as_deref().map(dates::query_end),
        }
    }
}
