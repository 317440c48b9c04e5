//! [`CustomerQuery`]: the customer list's paging, sort and phone search, kept in the URL query so
//! reload, back and forward restore the same view.

use crate::api::{
    customers::{Page, SortDirection},
    encode_segment,
};

/// Rows-per-page choices.
pub const PAGE_SIZES: [u32; 4] = [10, 25, 50, 100];
/// Rows per page when the URL names none.
pub const DEFAULT_PAGE_SIZE: u32 = 25;

/// What the customer list shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomerQuery {
    /// Paging and sort of the bank's list.
    pub page: Page,
    /// A mobile phone pattern (`%`, `_` wildcards); when set, search results replace the list.
    pub phone: Option<String>,
}

impl Default for CustomerQuery {
    fn default() -> Self {
        Self {
            page: Page {
                limit: DEFAULT_PAGE_SIZE,
                offset: 0,
                sort: SortDirection::Desc,
            },
            phone: None,
        }
    }
}

impl CustomerQuery {
    /// Reads `limit`, `offset`, `sort` and `phone`; anything invalid falls back to the default.
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> Self {
        let default = Self::default();
        let limit = get("limit")
            .and_then(|v| v.parse().ok())
            .filter(|l| PAGE_SIZES.contains(l))
            .unwrap_or(default.page.limit);
        let offset = get("offset")
            .and_then(|v| v.parse().ok())
            .unwrap_or(default.page.offset);
        let sort = get("sort")
            .and_then(|v| SortDirection::parse(&v))
            .unwrap_or(default.page.sort);
        let phone = get("phone").filter(|p| !p.trim().is_empty());
        Self {
            page: Page {
                limit,
                offset,
                sort,
            },
            phone,
        }
    }

    /// The query string (`?…`), naming only what differs from the default.
    pub fn to_search(&self) -> String {
        let default = Self::default();
        let mut pairs = Vec::new();
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
        if let Some(phone) = &self.phone {
            pairs.push(format!("phone={}", encode_segment(phone)));
        }
        if pairs.is_empty() {
            String::new()
        } else {
            format!("?{}", pairs.join("&"))
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
        }
    }
}
