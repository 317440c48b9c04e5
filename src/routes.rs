//! The app's in-app paths: the pages other modules link to, and the way back after sign-in.
//!
//! `/login?return=…` names the page to open once signed in. The target comes from the URL, so
//! anyone can craft it; only a path on this app's own origin is ever followed, whatever the
//! browser's URL parser or the router later make of it.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, CONTROLS};

use crate::{
    api::{encode_segment, Query},
    query::url_query::query_value,
};

/// The in-app path of a customer's page: `/banks/BANK_ID/customers/CUSTOMER_ID`, so the
/// customer is read and changed at its own bank whatever the header says. With an empty
/// `bank_id` (a list that does not name it), `/customers/CUSTOMER_ID`: the OBP page then finds
/// the bank from the record, and the Enterprise API keeps its customers under the chosen profile.
pub fn detail_path(bank_id: &str, customer_id: &str) -> String {
    let customer = format!("/customers/{}", encode_segment(customer_id));
    match bank_id {
        "" => customer,
        bank => format!("/banks/{}{customer}", encode_segment(bank)),
    }
}

/// The in-app path of the links of an account: `/account-links?account_id=…`.
pub fn account_links_path(account_id: &str) -> String {
    format!(
        "/account-links{}",
        Query::new().with("account_id", account_id).build()
    )
}

/// The in-app path of the customer links of a user.
pub fn user_links_path(user_id: &str) -> String {
    format!("/users/{}/customer-links", encode_segment(user_id))
}

/// Where sign-in leads when the URL names no target, or an unsafe one.
pub const HOME: &str = "/customers";

/// The customer list at `stored`, a list URL kept earlier (`/customers` and its query), when it
/// is one and safe to follow; else the plain list, [`HOME`].
pub fn list_path(stored: Option<&str>) -> String {
    let is_list = |url: &&str| url.split(['?', '#']).next() == Some(HOME);
    match stored.filter(is_list) {
        Some(url) => safe_return_path(Some(url)),
        None => HOME.to_owned(),
    }
}

/// More nested percent-encodings than this is no path the app wrote: refused.
const MAX_DECODINGS: usize = 4;

/// Printable characters the WHATWG URL parser percent-encodes in a path, query or hash (the set
/// differs by part; encoding the union anywhere is harmless, as the parser never decodes).
const PARSER_ENCODES: &AsciiSet = &CONTROLS
    .add(b'"')
    .add(b'\'')
    .add(b'<')
    .add(b'>')
    .add(b'`')
    .add(b'{')
    .add(b'}')
    .add(b'^')
    .add(b'|');

/// The sign-in page for someone who was on `here` (path, query and hash of this app).
pub fn login_path(here: &str) -> String {
    format!("/login?return={}", encode_segment(here))
}

/// The page to open after signing in, from the sign-in page's query string `search`.
pub fn after_sign_in(search: &str) -> String {
    safe_return_path(query_value(search, "return").as_deref())
}

/// `target` when it is a path on this app's origin, else [`HOME`]. Accepted: printable ASCII
/// only (the browser percent-encodes everything else in a location), starting with one `/`, no
/// backslash, no empty or dot segment, not the sign-in page itself; and the path must stay so
/// when percent-decoded, however often (`/%2F%2Fevil.example` would not; nesting deeper than
/// [`MAX_DECODINGS`] is refused outright). Control characters and
/// whitespace, which the WHATWG URL parser strips (`/\t/evil.example` becomes
/// `//evil.example`), schemes (`javascript:`, `https:`), protocol-relative `//host` and `/\host`
/// all fall back. The result is a path with its query and hash, normalised as the URL parser
/// would (`"`, `<`, `>` … percent-encoded), so following it changes nothing further.
pub fn safe_return_path(target: Option<&str>) -> String {
    target.filter(|t| is_own_path(t)).map_or_else(
        || HOME.to_owned(),
        |t| utf8_percent_encode(t, PARSER_ENCODES).to_string(),
    )
}

fn is_own_path(target: &str) -> bool {
    if !target.starts_with('/') || !target.chars().all(|c| c.is_ascii_graphic() && c != '\\') {
        return false;
    }
    let path = target.split(['?', '#']).next().unwrap_or_default();
    fully_decoded(path).is_some_and(|decoded| {
        is_plain_path(&decoded) && decoded != "/login" && !decoded.starts_with("/login/")
    })
}

/// `path` percent-decoded until nothing changes; `None` past [`MAX_DECODINGS`].
fn fully_decoded(path: &str) -> Option<String> {
    let mut current = path.to_owned();
    for _ in 0..=MAX_DECODINGS {
        let next = percent_decode_str(&current)
            .decode_utf8_lossy()
            .into_owned();
        if next == current {
            return Some(current);
        }
        current = next;
    }
    None
}

/// An absolute path of named segments: no control character (the parser strips tab, CR and LF)
/// or backslash (read as `/`), no empty segment but a trailing one, no `.` or `..`. A decoded
/// space inside an id is harmless.
fn is_plain_path(path: &str) -> bool {
    let Some(rest) = path.strip_prefix('/') else {
        return false;
    };
    if path.chars().any(|c| c.is_control() || c == '\\') {
        return false;
    }
    let segments: Vec<&str> = rest.split('/').collect();
    let last = segments.len() - 1;
    segments
        .iter()
        .enumerate()
        .all(|(i, s)| (!s.is_empty() || i == last) && *s != "." && *s != "..")
}
