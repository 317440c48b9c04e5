//! The boot prefetch's manifest, as `public/prefetch.js` reads it, and the list cache that lets
//! the list paint at once when staff come back to it.

use customer_console::{
    api::{
        prefetch::{manifest_key, Manifest, MAX_URLS},
        AuthScheme,
    },
    backend::{CustomerPage, Rows},
    state::{list_cache::FRESH_MS, session::TOKEN_KEY, ListCache},
};

const PREFETCH_JS: &str = include_str!("../../public/prefetch.js");

#[test]
fn the_manifest_is_what_prefetch_js_reads() {
    let mut manifest = Manifest::new(AuthScheme::Bearer, 15_000);
    assert!(manifest.note("https://api.example/v1/profiles/p/customers?page=1"));
    assert!(!manifest.note("https://api.example/v1/profiles/p/customers?page=1"));
    let json = serde_json::to_value(&manifest).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "scheme": "Bearer",
            "urls": ["https://api.example/v1/profiles/p/customers?page=1"],
            "timeoutMs": 15000
        })
    );
    assert_eq!(
        Manifest::new(AuthScheme::DirectLogin, 1).scheme,
        "DirectLogin"
    );
    // The keys and field names the script reads are the app's.
    let key = manifest_key("/customers?limit=100");
    assert_eq!(key, "customer-console.prefetch:/customers?limit=100");
    for needle in [
        format!("\"{TOKEN_KEY}\""),
        format!("\"{}\"", manifest_key("")),
        "manifest.scheme === \"Bearer\"".to_owned(),
        "manifest.urls".to_owned(),
        "manifest.timeoutMs".to_owned(),
        format!("slice(0, {MAX_URLS})"),
        "window.__ccPrefetch".to_owned(),
    ] {
        assert!(PREFETCH_JS.contains(&needle), "prefetch.js lacks {needle}");
    }
}

#[test]
fn a_manifest_holds_at_most_a_few_urls() {
    let mut manifest = Manifest::new(AuthScheme::DirectLogin, 1);
    for i in 0..20 {
        manifest.note(&format!("/u{i}"));
    }
    assert_eq!(manifest.urls.len(), MAX_URLS);
    assert_eq!(manifest.urls[0], "/u0");
}

fn page(rows: usize) -> CustomerPage {
    CustomerPage {
        rows: Rows::Ids(vec![(String::new(), String::new()); rows]),
        total: None,
    }
}

#[test]
fn the_list_cache_shows_a_page_for_thirty_seconds_until_something_changes() {
    let cache = ListCache::default();
    cache.put("gh.29.uk ?limit=50".into(), page(3), 1_000.0);
    cache.put("gh.29.uk ?limit=10".into(), page(1), 1_000.0);
    assert_eq!(
        cache.fresh("gh.29.uk ?limit=50", 1_000.0 + FRESH_MS - 1.0),
        Some(page(3))
    );
    assert_eq!(
        cache.fresh("gh.29.uk ?limit=50", 1_000.0 + FRESH_MS),
        None,
        "too old"
    );
    assert_eq!(
        cache.fresh("obp.bank.de ?limit=50", 1_000.0),
        None,
        "another list"
    );
    cache.put("gh.29.uk ?limit=50".into(), page(4), 2_000.0);
    assert_eq!(
        cache.fresh("gh.29.uk ?limit=50", 2_000.0),
        Some(page(4)),
        "the newer one"
    );
    cache.clear();
    assert_eq!(cache.fresh("gh.29.uk ?limit=10", 1_000.0), None, "cleared");
}

#[test]
fn the_list_cache_keeps_the_latest_pages_only() {
    let cache = ListCache::default();
    for i in 0..20 {
        cache.put(format!("list {i}"), page(i), 0.0);
    }
    assert_eq!(cache.fresh("list 19", 0.0), Some(page(19)));
    assert_eq!(cache.fresh("list 12", 0.0), Some(page(12)));
    assert_eq!(cache.fresh("list 11", 0.0), None);
}
