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
pub const PAGE_SIZES: [u32; 5] = [10, 20, 25, 50, 100];
/// The highest page number taken from the URL of a numbered list (a higher one is read as
/// this): times the largest page size it still fits 32-bit signed integers.
pub const MAX_PAGE: u32 = 10_000_000;

/// How a backend pages its customer list, which decides the URL's paging keys.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Paging {
    /// `?offset=50&limit=25`, sorted, with no total (OBP).
    #[default]
    Offset,
    /// `?page=3&size=20`, counted from 1, with a total and page count (the Enterprise API).
    Numbered,
}

impl Paging {
    /// Rows per page when the URL names none: each API's own default.
    pub fn default_size(self) -> u32 {
        match self {
            Self::Offset => 25,
            Self::Numbered => 20,
        }
    }
}
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
    /// How the URL names the page.
    pub paging: Paging,
}

impl Default for CustomerQuery {
    fn default() -> Self {
        Self {
            scope: ListScope::Bank,
            page: Page {
                limit: Paging::Offset.default_size(),
                offset: 0,
                sort: SortDirection::Desc,
            },
            phone: None,
            from_date: None,
            to_date: None,
            paging: Paging::Offset,
        }
    }
}

impl CustomerQuery {
    /// The first page of a list paged as `paging` says.
    pub fn paged(paging: Paging) -> Self {
        let mut query = Self {
            paging,
            ..Self::default()
        };
        query.page.limit = paging.default_size();
        query
    }

    /// Reads `scope`, `limit`, `offset`, `sort`, `phone`, `from_date` and `to_date` (a numbered
    /// list: `page` and `size`); anything invalid, or meaningless in the scope, falls back to
    /// the default. An offset past [`MAX_OFFSET`] is read as [`MAX_OFFSET`], a page past
    /// [`MAX_PAGE`] as [`MAX_PAGE`].
    pub fn from_params(paging: Paging, get: impl Fn(&str) -> Option<String>) -> Self {
        let default = Self::paged(paging);
        let scope = get("scope")
            .and_then(|v| ListScope::parse(&v))
            .unwrap_or_default();
        let (size_key, offset) = match paging {
            Paging::Offset => ("limit", None),
            Paging::Numbered => ("size", Some(())),
        };
        let limit = get(size_key)
            .and_then(|v| v.trim().parse().ok())
            .filter(|l| PAGE_SIZES.contains(l))
            .unwrap_or(default.page.limit);
        let offset = match offset {
            None => get("offset")
                .and_then(|v| bounded_number(&v, 0, MAX_OFFSET))
                .unwrap_or(default.page.offset),
            Some(()) => get("page")
                .and_then(|v| bounded_number(&v, 1, MAX_PAGE))
                .map_or(0, |page| (page - 1).saturating_mul(limit)),
        };
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
            paging,
        }
    }

    /// The 1-based page number of a numbered list.
    pub fn page_number(&self) -> u32 {
        self.page.offset / self.page.limit.max(1) + 1
    }

    /// The query string (`?…`), naming only what differs from the default; a numbered list
    /// names its page and size (`?page=3&size=20`) once it has left the default.
    pub fn to_search(&self) -> String {
        let default = Self::paged(self.paging);
        let mut pairs = Vec::new();
        if self.paging == Paging::Numbered {
            if self.page != default.page {
                pairs.push(format!("page={}", self.page_number()));
                pairs.push(format!("size={}", self.page.limit));
            }
            return search_of(pairs);
        }
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
        search_of(pairs)
    }

    /// The query string with `number=…`, the customer number last looked up. The list ignores
    /// it; the lookup box shows it again after back and reload.
    pub fn to_search_with_number(&self, number: &str) -> String {
        let search = self.to_search();
        let separator = if search.is_empty() { '?' } else { '&' };
        format!("{search}{separator}number={}", encode_segment(number))
    }

    /// The same view at the `page`th page (from 1) of `pages`, for a numbered list.
    pub fn at_page(&self, page: u32, pages: u32) -> Self {
        let page = page.clamp(1, pages.clamp(1, MAX_PAGE));
        self.at_offset((page - 1).saturating_mul(self.page.limit))
    }

    /// "Rows 41–60 of 128" for this page holding `rows` rows, of `count` when the API counts.
    pub fn range(&self, rows: usize, count: Option<u64>) -> String {
        let first = u64::from(self.page.offset) + 1;
        let of = count
            .map(|count| format!(" of {count}"))
            .unwrap_or_default();
        match (rows, count) {
            (0, Some(count)) => format!("No rows on page {} of {count} rows", self.page_number()),
            (0, None) => format!("No rows from {first}"),
            (rows, _) => format!("Rows {first}\u{2013}{}{of}", first + rows as u64 - 1),
        }
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
            ..Self::paged(self.paging).with_page(self.page.limit, self.page.sort)
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

/// `?a&b…`, or nothing without pairs.
fn search_of(pairs: Vec<String>) -> String {
    if pairs.is_empty() {
        String::new()
    } else {
        format!("?{}", pairs.join("&"))
    }
}
