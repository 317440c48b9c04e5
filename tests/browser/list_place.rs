//! Headless-browser tests of the list's place: "← Customers", the header's link and the redirect
//! after a delete return to the list URL this tab last showed (page, size, sort, search; the
//! Enterprise list's page and size), and the browser's Back still does; back on the list, the
//! rows shown in the last 30 s paint at once while the list is asked for again, unless a change
//! was sent since.

use std::sync::Arc;

use crate::support::{
    dom::{back, follow, location, mount_app, mount_with, sleep, Mounted},
    obp::{api_with, customer, page_of, STAFF_ROLES},
    FakeTransport,
};
use customer_console::{
    api::Method,
    config::{AppConfig, BackendKind},
};
use wasm_bindgen_test::*;

/// Page 3 of 50 rows, oldest first.
const LIST: &str = "/customers?limit=50&offset=100&sort=asc";

/// A list page of five customers, and customer c2 (Customer 2), which can be deleted.
fn list_api() -> Arc<FakeTransport> {
    api_with(STAFF_ROLES)
        .on(Method::Get, "/banks/gh.29.uk/customers", 200, &page_of(5))
        .on(
            Method::Get,
            "/banks/gh.29.uk/customers/c2",
            200,
            &customer("c2", "100003", "Customer 2"),
        )
        .on(Method::Delete, "/banks/gh.29.uk/customers/c2", 200, "true")
}

/// The `href` of the link named `name`.
fn href(app: &Mounted, name: &str) -> String {
    app.button(name)
        .and_then(|link| link.get_attribute("href"))
        .unwrap_or_else(|| panic!("no link {name:?}; the page shows:\n{}", app.text()))
}

/// From the list at [`LIST`], opens Customer 2.
async fn open_customer(app: &Mounted) {
    app.wait_until("the list", || app.button("Customer 2").is_some())
        .await;
    follow(&href(app, "Customer 2"));
    app.wait_until("the customer page", || {
        app.button("Delete customer").is_some()
    })
    .await;
    assert_eq!(location(), "/banks/gh.29.uk/customers/c2");
}

#[wasm_bindgen_test]
async fn back_to_customers_and_the_header_link_return_to_the_page_left() {
    let app = mount_app(LIST, Some("tok"), list_api());
    open_customer(&app).await;
    assert_eq!(href(&app, "\u{2190} Customers"), LIST);
    assert_eq!(href(&app, "Customers"), LIST, "the header's link too");

    follow(&href(&app, "\u{2190} Customers"));
    app.wait_until("the list again", || app.button("Customer 2").is_some())
        .await;
    assert_eq!(location(), LIST);
    assert!(app.text().contains("Rows 101\u{2013}105"), "{}", app.text());

    open_customer(&app).await;
    back();
    app.wait_until("the list after Back", || location() == LIST)
        .await;
    app.wait_until("its rows", || app.button("Customer 2").is_some())
        .await;
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn a_deleted_customer_leads_back_to_the_page_left_with_a_toast() {
    let app = mount_app(LIST, Some("tok"), list_api());
    open_customer(&app).await;
    app.click("Delete customer");
    app.wait_for_text("Delete Customer 2?").await;
    app.click("Delete permanently");
    app.wait_for_text("Deleted Customer 2 and everything linked to it.")
        .await;
    app.wait_until("the list", || location() == LIST).await;
    app.assert_no_console_errors();
}

/// How many times the list was asked for.
fn list_reads(api: &FakeTransport) -> usize {
    api.requests()
        .iter()
        .filter(|r| r.method == Method::Get && r.url.contains("/banks/gh.29.uk/customers?"))
        .count()
}

#[wasm_bindgen_test]
async fn back_on_the_list_its_rows_paint_from_the_cache_and_are_asked_for_again() {
    // Every answer takes 400 ms: rows shown sooner come from the cache.
    let api = list_api().slow(400);
    let app = mount_app(LIST, Some("tok"), api.clone());
    open_customer(&app).await;
    assert_eq!(list_reads(&api), 1);

    follow(&href(&app, "\u{2190} Customers"));
    sleep(100).await;
    assert_eq!(location(), LIST);
    assert!(app.button("Customer 2").is_some(), "{}", app.text());
    assert!(app.find(".loading").is_none(), "no spinner: {}", app.text());
    assert!(app.text().contains("Rows 101\u{2013}105"), "{}", app.text());
    app.wait_until("the list to be asked for again", || list_reads(&api) == 2)
        .await;
    sleep(500).await;
    assert!(app.button("Customer 2").is_some(), "{}", app.text());
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn after_a_change_the_list_is_not_shown_from_the_cache() {
    let api = list_api().slow(400);
    let app = mount_app(LIST, Some("tok"), api.clone());
    open_customer(&app).await;
    app.click("Delete customer");
    app.wait_for_text("Delete Customer 2?").await;
    app.click("Delete permanently");
    app.wait_until("the list", || location() == LIST).await;
    assert!(app.find(".loading").is_some(), "{}", app.text());
    assert!(app.button("Customer 2").is_none(), "{}", app.text());
    app.wait_until("the list's rows", || app.button("Customer 2").is_some())
        .await;
    assert_eq!(list_reads(&api), 2);
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn the_next_user_never_sees_the_last_ones_list_from_the_cache() {
    let api = list_api()
        .on(
            Method::Post,
            "/my/logins/direct",
            201,
            r#"{"token":"next-user"}"#,
        )
        .slow(400);
    let app = mount_app(LIST, Some("tok"), api.clone());
    app.wait_until("the list", || app.button("Customer 2").is_some())
        .await;
    app.click("Sign out");
    app.wait_until("the sign-in form", || app.button("Sign in").is_some())
        .await;
    app.fill("Username", "next");
    app.fill("Password", "next-password-1");
    app.click("Sign in");
    app.wait_until("the list page", || app.find(".loading").is_some())
        .await;
    assert!(app.button("Customer 2").is_none(), "{}", app.text());
    app.wait_until("the list's rows", || app.button("Customer 2").is_some())
        .await;
    assert_eq!(list_reads(&api), 2);
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn without_a_list_shown_the_links_lead_to_the_plain_list() {
    let app = mount_app("/banks/gh.29.uk/customers/c2", Some("tok"), list_api());
    app.wait_until("the customer page", || {
        app.button("Delete customer").is_some()
    })
    .await;
    assert_eq!(href(&app, "\u{2190} Customers"), "/customers");
    assert_eq!(href(&app, "Customers"), "/customers");
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn the_enterprise_list_keeps_its_page_and_size() {
    let company = serde_json::json!({
        "id": "e7", "company": "Bakkerij de Vries BV", "email": "info@example.nl",
        "phone": "31201234567", "created": "2025-01-02T10:00:00.000Z",
        "address": {"premise": 1, "postal_code": "1012 AB", "thoroughfare": "Damrak",
                    "locality": "Amsterdam", "country": "NL"}
    });
    let list =
        serde_json::json!({"page": 2, "pages": 7, "size": 50, "count": 320, "data": [company]});
    let api = FakeTransport::new()
        .on(
            Method::Get,
            "/v1/profiles/demo-profile/customers",
            200,
            &list.to_string(),
        )
        .on(
            Method::Get,
            "/v1/profiles/demo-profile/customers/e7",
            200,
            &company.to_string(),
        );
    let config = AppConfig {
        backend: BackendKind::Enterprise,
        profile_ids: vec!["demo-profile".to_owned()],
        ..AppConfig::default()
    };
    let page = "/customers?page=3&size=50";
    let app = mount_with(config, page, Some("Bearer t"), api);
    app.wait_for_text("320 customers \u{00b7} page 3 of 7")
        .await;
    follow(&href(&app, "Bakkerij de Vries BV"));
    app.wait_until("the customer page", || {
        app.button("\u{2190} Customers").is_some() && location() == "/customers/e7"
    })
    .await;
    assert_eq!(href(&app, "\u{2190} Customers"), page);
    assert_eq!(href(&app, "Customers"), page, "the header's link too");
    app.assert_no_console_errors();
}
