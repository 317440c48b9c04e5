//! Headless-browser tests of a flaky network: reads retry with the retrying state shown and no
//! error until the retries are spent, changes are sent once, the offline banner follows the
//! browser and the page reloads its data when the connection returns; errors land under their
//! fields; KYC records are corrected with a PUT to their own id.

use crate::support::{
    dom::{fire_window_event, mount_app, sleep},
    obp::{api_with, kyc_api, urls_to, STAFF_ROLES},
    FakeTransport,
};
use customer_console::api::{ApiError, HttpRequest, Method};
use wasm_bindgen_test::*;

const KYC_ROLES: &[&str] = &["CanGetCustomer", "CanAddKycDocument", "CanAddKycCheck"];
const KYC_PAGE: &str = "/banks/gh.29.uk/customers/c1/kyc";
const DOCUMENTS: &str = "/customers/c1/kyc_documents";
const PASSPORT: &str = r#"[{"id":"d1","customer_id":"c1","type":"passport","number":"OLD1","issue_date":"2010-01-01T00:00:00Z","issue_place":"London","expiry_date":"2040-01-01T00:00:00Z"}]"#;
const UNAVAILABLE: &str = r#"{"code":503,"message":"OBP-50000: Unknown Error."}"#;

/// The last PUT `api` got.
fn last_put(api: &FakeTransport) -> HttpRequest {
    api.requests()
        .into_iter()
        .rfind(|r| r.method == Method::Put)
        .expect("a PUT")
}

fn documents_body() -> String {
    format!(r#"{{"documents":{PASSPORT}}}"#)
}

#[wasm_bindgen_test]
async fn a_read_answered_503_twice_shows_its_data_after_retrying_with_no_error() {
    let api = kyc_api(KYC_ROLES, "[]", "[]", "[]")
        .answers(
            Method::Get,
            DOCUMENTS,
            vec![
                Ok((503, UNAVAILABLE.into())),
                Ok((503, UNAVAILABLE.into())),
                Ok((200, documents_body())),
            ],
        )
        .pausing(300);
    let app = mount_app(KYC_PAGE, Some("tok"), api.clone());
    app.wait_for_text("Retrying\u{2026} (1 of 3)").await;
    assert!(app.find(".error-view").is_none(), "no error while retrying");
    app.wait_for_text("Retrying\u{2026} (2 of 3)").await;
    app.wait_for_text("OLD1").await;
    assert!(app.find(".error-view").is_none(), "{}", app.text());
    assert!(!app.text().contains("Retrying"));
    assert_eq!(urls_to(&api, Method::Get, DOCUMENTS).len(), 3);
    assert_eq!(api.waits().len(), 2);
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn a_read_answered_404_is_not_retried() {
    let api = kyc_api(KYC_ROLES, "[]", "[]", "[]").on(
        Method::Get,
        DOCUMENTS,
        404,
        r#"{"code":404,"message":"OBP-30046: Customer not found. Please specify a valid value for CUSTOMER_ID."}"#,
    );
    let app = mount_app(KYC_PAGE, Some("tok"), api.clone());
    app.wait_for_text("OBP-30046").await;
    sleep(200).await;
    assert_eq!(urls_to(&api, Method::Get, DOCUMENTS).len(), 1);
    assert!(api.waits().is_empty());
    assert!(!app.text().contains("Retrying"));
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn a_customer_that_fails_to_load_leaves_its_error_and_no_spinner() {
    let api = kyc_api(KYC_ROLES, "[]", "[]", "[]").on(
        Method::Get,
        "/banks/gh.29.uk/customers/c1",
        404,
        r#"{"code":404,"message":"OBP-30046: Customer not found. Please specify a valid value for CUSTOMER_ID."}"#,
    );
    let app = mount_app(KYC_PAGE, Some("tok"), api.clone());
    app.wait_for_text("OBP-30046").await;
    sleep(100).await;
    assert!(app.find(".loading").is_none(), "{}", app.text());
    assert!(!app.text().contains("Loading customer"));
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn changes_answered_503_are_sent_once() {
    let api = api_with(STAFF_ROLES).on(Method::Post, "/banks/gh.29.uk/customers", 503, UNAVAILABLE);
    let app = mount_app("/customers/new", Some("tok"), api.clone());
    app.wait_for_text("Create customer").await;
    app.fill("Legal name", "Zoë Müller");
    app.fill("Mobile phone number", "+44 7700 900123");
    app.click("Create customer");
    app.wait_for_text("OBP-50000").await;
    sleep(200).await;
    assert_eq!(urls_to(&api, Method::Post, "/customers").len(), 1);
    assert_eq!(app.control("Legal name").value(), "Zoë Müller");

    let kyc = kyc_api(KYC_ROLES, PASSPORT, "[]", "[]").on(Method::Put, "", 503, UNAVAILABLE);
    drop(app);
    let app = mount_app(KYC_PAGE, Some("tok"), kyc.clone());
    app.wait_for_text("OLD1").await;
    app.click("Edit document passport OLD1");
    app.wait_for_text("Edit document passport OLD1").await;
    app.click("Save");
    app.wait_for_text("OBP-50000").await;
    sleep(200).await;
    assert_eq!(urls_to(&kyc, Method::Put, "/kyc_documents/").len(), 1);
    assert!(kyc.waits().is_empty(), "no change waits for a retry");
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn the_offline_banner_follows_the_browser_and_the_page_reloads_when_back() {
    let api = kyc_api(KYC_ROLES, PASSPORT, "[]", "[]");
    let app = mount_app(KYC_PAGE, Some("tok"), api.clone());
    app.wait_for_text("OLD1").await;
    app.click("Add document");
    app.wait_for_text("New document").await;
    app.fill("Document number", "P9");
    let loads = || urls_to(&api, Method::Get, DOCUMENTS).len();
    assert_eq!(loads(), 1);

    fire_window_event("offline");
    app.wait_for_text("Offline \u{2014} changes are kept.")
        .await;
    let banner = app.find(".offline-banner").unwrap();
    assert_eq!(
        banner
            .parent_element()
            .unwrap()
            .get_attribute("role")
            .as_deref(),
        Some("status")
    );

    fire_window_event("online");
    app.wait_until("the banner to go", || app.find(".offline-banner").is_none())
        .await;
    app.wait_until("the documents to reload", || loads() == 2)
        .await;
    app.wait_for_text("OLD1").await;
    assert_eq!(
        app.control("Document number").value(),
        "P9",
        "the form kept its value"
    );
    assert!(app.find(".error-view").is_none());
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn a_read_that_never_gets_an_answer_shows_the_banner_until_one_does() {
    let no_answer = || Err(ApiError::Network("Failed to fetch".into()));
    let api = kyc_api(KYC_ROLES, "[]", "[]", "[]")
        .answers(
            Method::Get,
            DOCUMENTS,
            vec![
                no_answer(),
                no_answer(),
                no_answer(),
                no_answer(),
                Ok((200, documents_body())),
            ],
        )
        .pausing(50);
    let app = mount_app(KYC_PAGE, Some("tok"), api.clone());
    app.wait_for_text("Cannot reach the API").await;
    app.wait_for_text("Offline \u{2014} changes are kept.")
        .await;
    assert_eq!(
        urls_to(&api, Method::Get, DOCUMENTS).len(),
        4,
        "retried 3 times"
    );

    app.click("Try again");
    app.wait_for_text("OLD1").await;
    app.wait_until("the banner to go", || app.find(".offline-banner").is_none())
        .await;
    assert!(app.find(".error-view").is_none(), "{}", app.text());
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn a_kyc_document_is_corrected_with_a_put_to_its_own_id() {
    let checks = r#"{"checks":[{"id":"k1","date":"2024-03-01T00:00:00Z","how":"In branch","staff_user_id":"u1","staff_name":"tester","satisfied":false,"comments":"blurred"}]}"#;
    let api = kyc_api(KYC_ROLES, PASSPORT, "[]", "[]").on(
        Method::Get,
        "/customers/c1/kyc_checks",
        200,
        checks,
    );
    let app = mount_app(KYC_PAGE, Some("tok"), api.clone());
    app.wait_for_text("OLD1").await;
    app.wait_for_text("blurred").await;

    app.click("Edit document passport OLD1");
    app.wait_for_text("Edit document passport OLD1").await;
    assert_eq!(app.control("Document number").value(), "OLD1");
    assert_eq!(app.control("Issue date").value(), "2010-01-01");
    app.fill("Document number", "NEW1");
    app.click("Save");
    app.wait_until("the PUT", || {
        !urls_to(&api, Method::Put, "/kyc_documents/").is_empty()
    })
    .await;
    let put = last_put(&api);
    assert!(
        put.url
            .ends_with("/banks/gh.29.uk/customers/c1/kyc_documents/d1"),
        "{}",
        put.url
    );
    let body: serde_json::Value = serde_json::from_str(put.body.as_deref().unwrap()).unwrap();
    assert_eq!(body["number"], "NEW1");
    assert_eq!(body["type"], "passport");
    assert_eq!(body["issue_place"], "London");
    assert_eq!(body["issue_date"], "2010-01-01T00:00:00Z");
    assert_eq!(body["expiry_date"], "2040-01-01T00:00:00Z");
    assert_eq!(body["customer_number"], "100001");
    app.wait_until("the form to close", || {
        app.find("form[aria-label^='Edit document']").is_none()
    })
    .await;

    app.click("Edit check In branch of 2024-03-01");
    app.wait_for_text("Edit check In branch of 2024-03-01")
        .await;
    assert_eq!(app.control("Comments").value(), "blurred");
    app.fill("Comments", "clear copy");
    let satisfied = app.control("Satisfied");
    satisfied.click();
    app.click("Save");
    app.wait_until("the check PUT", || {
        !urls_to(&api, Method::Put, "/kyc_check/").is_empty()
    })
    .await;
    let put = last_put(&api);
    assert!(
        put.url.ends_with("/customers/c1/kyc_check/k1"),
        "{}",
        put.url
    );
    let body: serde_json::Value = serde_json::from_str(put.body.as_deref().unwrap()).unwrap();
    assert_eq!(body["comments"], "clear copy");
    assert_eq!(body["satisfied"], true);
    assert_eq!(body["staff_name"], "tester");
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn a_taken_customer_number_lands_under_customer_number() {
    let api = api_with(STAFF_ROLES).on(
        Method::Post,
        "/banks/gh.29.uk/customers",
        400,
        r#"{"code":400,"message":"OBP-30006: Customer Number already exists. Please specify a different value for BANK_ID or CUSTOMER_NUMBER."}"#,
    );
    let app = mount_app("/customers/new", Some("tok"), api.clone());
    app.wait_for_text("Create customer").await;
    app.fill("Legal name", "Zoë Müller");
    app.fill("Mobile phone number", "+44 7700 900123");
    app.fill("Customer number", "100001");
    app.click("Create customer");
    app.wait_for_text("OBP-30006").await;
    assert_eq!(
        app.field_error("Customer number"),
        "Another customer at this bank already has this number."
    );
    assert_eq!(app.field_error("Legal name"), "");
    assert_eq!(app.control("Customer number").value(), "100001");
    app.assert_no_console_errors();
}
