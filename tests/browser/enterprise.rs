//! Headless-browser tests of the app with `"backend": "enterprise"` on a fake Enterprise API:
//! pasting a bearer token, the real paging in the URL, the customer form's checks and the API's
//! field errors, a 401 leading back to sign-in, no OBP-only pages, and the search index loaded
//! in the API's largest pages.

use std::sync::Arc;

use crate::support::{
    dom::{back, location, mount_with, Mounted},
    FakeTransport,
};
use customer_console::{
    api::{ApiError, Method},
    config::{AppConfig, BackendKind},
};
use wasm_bindgen_test::*;

const LIST: &str = "/v1/profiles/demo-profile/customers";

fn config() -> AppConfig {
    AppConfig {
        backend: BackendKind::Enterprise,
        profile_ids: vec!["demo-profile".to_owned(), "nl-retail-profile".to_owned()],
        ..AppConfig::default()
    }
}

fn customer(id: &str, company: &str) -> serde_json::Value {
    serde_json::json!({
        "id": id, "company": company, "first_name": "", "last_name": "", "email": "info@example.nl",
        "phone": "31201234567", "created": "2025-01-02T10:00:00.000Z",
        "address": {"premise": 1, "sub_premise": "", "building": "", "postal_code": "1012 AB",
                    "thoroughfare": "Damrak", "locality": "Amsterdam", "state": "", "country": "NL"}
    })
}

fn page(page: u32, rows: usize) -> String {
    let data: Vec<_> = (0..rows)
        .map(|i| customer(&format!("c{i}"), &format!("Company {page}-{i}")))
        .collect();
    serde_json::json!({"page": page, "pages": 7, "size": 20, "count": 128, "data": data})
        .to_string()
}

fn mount(path: &str, token: Option<&str>, api: Arc<FakeTransport>) -> Mounted {
    mount_with(config(), path, token, api)
}

fn list_urls(api: &FakeTransport) -> Vec<String> {
    api.requests()
        .into_iter()
        .filter(|r| r.method == Method::Get && r.url.contains(&format!("{LIST}?")))
        .map(|r| r.url)
        .collect()
}

#[wasm_bindgen_test]
async fn a_pasted_token_signs_in_and_returns_to_the_page() {
    let api = FakeTransport::new().on(Method::Get, LIST, 200, &page(2, 20));
    let app = mount(
        "/login?return=%2Fcustomers%3Fpage%3D3%26size%3D20",
        None,
        api.clone(),
    );
    app.wait_for_text("Enterprise API").await;
    assert!(
        app.find("#login-username").is_none(),
        "no DirectLogin fields"
    );
    app.fill("Bearer token", "Bearer eyJhbGciOi.eyJzdWIiOi.c2ln");
    app.click("Sign in");
    app.wait_for_text("128 customers \u{00b7} page 3 of 7")
        .await;
    assert_eq!(location(), "/customers?page=3&size=20");
    let sent = api.last();
    assert!(
        sent.url.ends_with(&format!("{LIST}?page=2&size=20")),
        "{}",
        sent.url
    );
    assert!(sent.headers.contains(&(
        "Authorization",
        "Bearer eyJhbGciOi.eyJzdWIiOi.c2ln".to_owned()
    )));
    assert!(
        app.button("Attribute definitions").is_none(),
        "no OBP-only pages offered"
    );
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn paging_lives_in_the_url_with_counts_and_a_jump() {
    let api = FakeTransport::new().on(Method::Get, LIST, 200, &page(0, 20));
    let app = mount("/customers", Some("tok"), api.clone());
    app.wait_for_text("128 customers \u{00b7} page 1 of 7")
        .await;
    app.wait_for_text("Rows 1\u{2013}20 of 128").await;
    app.click("Next \u{2192}");
    app.wait_until("page 2 in the URL", || {
        location() == "/customers?page=2&size=20"
    })
    .await;
    app.wait_until("page 2 asked for", || {
        list_urls(&api)
            .iter()
            .any(|u| u.ends_with("?page=1&size=20"))
    })
    .await;
    app.fill("Go to page", "99");
    app.click("Go");
    app.wait_until("the last page", || {
        location() == "/customers?page=7&size=20"
    })
    .await;
    app.choose("Rows per page", "50");
    app.wait_until("size 50 from page 1", || {
        location() == "/customers?page=1&size=50"
    })
    .await;
    // Its answer too: a request still on its way when the app unmounts finds its signals gone.
    app.wait_for_text("page 1 of 7").await;
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn the_form_checks_input_and_shows_the_apis_field_errors() {
    let rejected = r#"{"status":400,"error":"invalid_request","message":"Invalid customer",
        "errors":[{"field":"address.postal_code","message":"Not a Dutch postcode"}]}"#;
    let api = FakeTransport::new().on(Method::Post, LIST, 400, rejected);
    let app = mount("/customers/new", Some("tok"), api.clone());
    app.wait_for_text("New customer").await;
    app.fill("Email", "not an email");
    app.fill("Country", "XX");
    app.click("Create customer");
    app.wait_for_text("Enter a company name, or a last name for a person.")
        .await;
    assert!(app.text().contains("Enter a two-letter ISO country code"));
    assert!(
        api.requests().iter().all(|r| r.method != Method::Post),
        "nothing invalid was sent"
    );

    app.fill("Company", "Bakkerij de Vries BV");
    app.fill("Email", "info@devries.nl");
    app.fill("Phone", "+31 20 123 4567");
    app.fill("Country", "nl");
    app.fill("Postcode", "XYZ");
    app.click("Create customer");
    app.wait_for_text("Not a Dutch postcode").await;
    assert_eq!(
        app.control("Company").value(),
        "Bakkerij de Vries BV",
        "typed input stays"
    );
    let body: serde_json::Value =
        serde_json::from_str(api.last().body.as_deref().unwrap()).unwrap();
    assert_eq!(body["phone"], "31201234567");
    assert_eq!(body["address"]["country"], "NL");
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn a_refused_token_leads_back_to_sign_in_and_then_to_the_same_page() {
    let api = FakeTransport::new().on(
        Method::Get,
        LIST,
        401,
        r#"{"status":401,"error":"unauthorized","message":"The token has expired"}"#,
    );
    let app = mount("/customers?page=4&size=20", Some("old"), api);
    app.wait_until("the sign-in page", || location().starts_with("/login"))
        .await;
    assert_eq!(
        location(),
        "/login?return=%2Fcustomers%3Fpage%3D4%26size%3D20"
    );
    app.wait_for_text("Your session has ended").await;
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn a_create_without_an_answer_is_looked_up_before_it_is_sent_again() {
    let api = FakeTransport::new().answer(Method::Post, LIST, Err(ApiError::Timeout));
    let app = mount("/customers/new", Some("tok"), api.clone());
    app.wait_for_text("New customer").await;
    app.fill("Company", "Bakkerij de Vries BV");
    app.fill("Email", "info@devries.nl");
    app.fill("Phone", "+31 20 123 4567");
    app.fill("Country", "nl");
    app.click("Create customer");
    app.wait_for_text("Not confirmed").await;
    assert!(app.text().contains("first looks for this customer"));
    assert_eq!(app.control("Company").value(), "Bakkerij de Vries BV");

    // The first attempt did reach the server: the newest customer is the one typed.
    let mut made = customer("e9", "Bakkerij de Vries BV");
    made["email"] = "info@devries.nl".into();
    let newest = serde_json::json!({"page": 0, "pages": 1, "size": 50, "count": 1, "data": [made]});
    let api = api.on(Method::Get, LIST, 200, &newest.to_string()).on(
        Method::Get,
        &format!("{LIST}/e9"),
        200,
        &made.to_string(),
    );
    app.click("Check and create customer");
    app.wait_until("the customer's page", || location() == "/customers/e9")
        .await;
    app.wait_for_text("The earlier attempt had created Bakkerij de Vries BV.")
        .await;
    let posts = api
        .requests()
        .iter()
        .filter(|r| r.method == Method::Post)
        .count();
    assert_eq!(posts, 1, "no second create");
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn paging_values_from_the_url_are_read_once_and_kept() {
    let api = FakeTransport::new().on(Method::Get, LIST, 200, &page(2, 20));
    // `%33` is a typed-out "3": decoded once, like any value the app wrote.
    let app = mount("/customers?page=%33&size=%35%30", Some("tok"), api.clone());
    app.wait_for_text("128 customers \u{00b7} page 3 of 7")
        .await;
    assert!(list_urls(&api)
        .last()
        .unwrap()
        .ends_with(&format!("{LIST}?page=2&size=50")));
    assert_eq!(app.control("Go to page").value(), "3");
    assert_eq!(app.control("Rows per page").value(), "50");
    app.click("Next \u{2192}");
    app.wait_for_text("page 4 of 7").await;
    assert_eq!(location(), "/customers?page=4&size=50");
    back();
    app.wait_for_text("page 3 of 7").await;
    assert_eq!(app.control("Go to page").value(), "3");
    assert_eq!(app.control("Rows per page").value(), "50");
    assert!(list_urls(&api).last().unwrap().ends_with("?page=2&size=50"));
    app.assert_no_console_errors();
    drop(app);

    // Decoded once, `%2533` reads `%33`: no number, so the first page.
    let app = mount(
        "/customers?page=%2533&size=%35%30",
        Some("tok"),
        api.clone(),
    );
    app.wait_for_text("page 1 of 7").await;
    assert!(list_urls(&api).last().unwrap().ends_with("?page=0&size=50"));
    assert_eq!(app.control("Go to page").value(), "1");
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn a_huge_page_in_the_url_shows_a_page() {
    for huge in ["4294967295", "18446744073709551615"] {
        let empty = serde_json::json!({"page": 9_999_999, "pages": 7, "size": 20, "count": 128, "data": []});
        let api = FakeTransport::new().on(Method::Get, LIST, 200, &empty.to_string());
        let app = mount(
            &format!("/customers?page={huge}&size=20"),
            Some("tok"),
            api.clone(),
        );
        app.wait_for_text("No rows on page 10000000 of 128 rows")
            .await;
        assert!(list_urls(&api)[0].ends_with(&format!("{LIST}?page=9999999&size=20")));
        assert!(app
            .button("Next \u{2192}")
            .unwrap()
            .has_attribute("disabled"));
        let api = api.on(Method::Get, LIST, 200, &page(6, 20));
        app.click("\u{2190} Previous");
        app.wait_for_text("page 7 of 7").await;
        assert_eq!(location(), "/customers?page=7&size=20");
        assert!(list_urls(&api).last().unwrap().ends_with("?page=6&size=20"));
        app.assert_no_console_errors();
    }
}

#[wasm_bindgen_test]
async fn token_sign_in_never_leaves_the_apps_origin() {
    for crafted in [
        "/login?return=/%09/evil.example/phish",
        "/login?return=%2F%5Cevil.example",
        "/login?return=JaVaScRiPt:alert(1)",
    ] {
        let api = FakeTransport::new().on(Method::Get, LIST, 200, &page(0, 20));
        let app = mount(crafted, None, api);
        app.wait_for_text("Enterprise API").await;
        app.fill("Bearer token", "eyJhbGciOi.eyJzdWIiOi.c2ln");
        app.click("Sign in");
        app.wait_for_text("128 customers \u{00b7} page 1 of 7")
            .await;
        assert_eq!(location(), "/customers", "{crafted}");
        app.assert_no_console_errors();
    }
}

#[wasm_bindgen_test]
async fn the_search_indexes_the_profile_in_pages_of_100() {
    let data: Vec<_> = (0..100)
        .map(|i| customer(&format!("c{i}"), &format!("Müller Zaandam {i}")))
        .collect();
    let one_page =
        serde_json::json!({"page": 0, "pages": 1, "size": 100, "count": 100, "data": data});
    let api = FakeTransport::new().on(Method::Get, LIST, 200, &one_page.to_string());
    let app = mount(
        "/customers?q=zaandam%20muller%2042",
        Some("tok"),
        api.clone(),
    );
    app.wait_for_text("1 customer matches \u{201c}zaandam muller 42\u{201d} among 100 customers")
        .await;
    assert!(app.text().contains("Müller Zaandam 42"));
    assert!(app.text().contains("Indexed 100 customers"));
    let urls = list_urls(&api);
    assert!(
        urls.iter().any(|u| u.ends_with("?page=0&size=100")),
        "{urls:#?}"
    );
    app.assert_no_console_errors();
}
