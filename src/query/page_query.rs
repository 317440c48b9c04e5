//! [`PageQuery`]: page and page size of a list whose API pages by number (the Enterprise API),
//! kept in the URL as `?page=3&size=20` with `page` counted from 1 as people do.

use super::url_query::bounded_number;
use crate::api::Query;

/// The page sizes offered.
pub const PAGE_SIZES: [u32; 4] = [10, 20, 50, 100];
/// The size used when the URL names none (or one not offered).
pub const DEFAULT_SIZE: u32 = 20;
/// The highest page number taken from the URL (a higher one is read as this): times the
/// largest page size it still fits the API's 32-bit signed integers.
pub const MAX_PAGE: u32 = 10_000_000;

/// Which page of the list is shown, and how long pages are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageQuery {
    /// 1-based page number.
    pub page: u32,
    /// Rows a page, one of [`PAGE_SIZES`].
    pub size: u32,
}

impl Default for PageQuery {
    fn default() -> Self {
        Self {
            page: 1,
            size: DEFAULT_SIZE,
        }
    }
}

impl PageQuery {
    /// Reads `page` and `size` from the URL's values; anything odd falls back to the defaults,
    /// and a page past [`MAX_PAGE`] is read as [`MAX_PAGE`].
    pub fn from_params(page: Option<&str>, size: Option<&str>) -> Self {
        let page = page
            .and_then(|p| bounded_number(p, 1, MAX_PAGE))
            .unwrap_or(1);
        let size = size
            .and_then(|s| s.trim().parse::<u32>().ok())
            .filter(|s| PAGE_SIZES.contains(s))
            .unwrap_or(DEFAULT_SIZE);
        Self { page, size }
    }

    /// The API's 0-based page number.
    pub fn api_page(self) -> u32 {
        self.page.saturating_sub(1)
    }

    /// The same size at page `page`, kept within `1..=pages` when the page count is known.
    pub fn at(self, page: u32, pages: u32) -> Self {
        Self {
            page: page.clamp(1, pages.clamp(1, MAX_PAGE)),
            ..self
        }
    }

    /// The first page at `size` rows.
    pub fn sized(size: u32) -> Self {
        Self::from_params(None, Some(&size.to_string()))
    }

    /// The list's path with this query, e.g. `/customers?page=3&size=20`.
    pub fn path(self, base: &str) -> String {
        let query = Query::new().with("page", self.page).with("size", self.size);
        format!("{base}{}", query.build())
    }

    /// "Rows 41–60 of 128" for a page of `rows` rows out of `count`.
    pub fn range(self, rows: usize, count: u64) -> String {
        if rows == 0 {
            return format!("No rows on page {} of {count} rows", self.page);
        }
        let first = u64::from(self.api_page()) * u64::from(self.size) + 1;
        format!("Rows {first}\u{2013}{} of {count}", first + rows as u64 - 1)
    }
}
