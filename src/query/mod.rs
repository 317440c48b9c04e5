//! The URL-query models: each page's view state (scope, paging, sort, search, filters) as read
//! from and written to the URL query, so reload, back and forward restore the same view, and the
//! route keys that outlive leaving a page.

pub mod crm_filter;
pub mod customer_query;
pub mod list_scope;
pub mod route_keys;
pub mod url_query;
