//! Headless-browser tests of the customer page's KYC tab on a fake API: document dates are
//! checked before sending and expiry is flagged, media previews only images from the configured
//! origins, and the status timeline puts the current status first.

use crate::support::{
    dom::{location, mount_app, mount_with, sleep},
    obp::kyc_api,
    FakeTransport,
};
use customer_console::{api::Method, config::AppConfig, dates};
use wasm_bindgen_test::*;

const KYC_ROLES: &[&str] = &[
    "CanGetCustomer",
    "CanAddKycDocument",
    "CanAddKycMedia",
    "CanAddKycStatus",
    "CanAddKycCheck",
];

fn day_in(days: i64) -> String {
    let today = dates::day_number(&dates::today()).unwrap();
    let (y, m, d) = dates::civil_from_days(today + days);
    format!("{y:04}-{m:02}-{d:02}")
}

#[wasm_bindgen_test]
async fn document_dates_are_checked_and_expiry_is_flagged() {
    let documents = format!(
        r#"[{{"id":"d1","type":"passport","number":"OLD1","issue_date":"2010-01-01T00:00:00Z","expiry_date":"{}T00:00:00Z"}},
            {{"id":"d2","type":"national_id","number":"SOON2","issue_date":"2020-01-01T00:00:00Z","expiry_date":"{}T00:00:00Z"}},
            {{"id":"d3","type":"driving_licence","number":"OK3","issue_date":"2020-01-01T00:00:00Z","expiry_date":"{}T00:00:00Z"}}]"#,
        day_in(-3),
        day_in(30),
        day_in(400)
    );
    let api = kyc_api(KYC_ROLES, &documents, "[]", "[]");
    let app = mount_app("/banks/gh.29.uk/customers/c1/kyc", Some("tok"), api.clone());
    app.wait_for_text("OLD1").await;
    app.wait_for_text("Zoë Müller").await;
    let badge_of = |number: &str| {
        app.all("tr")
            .into_iter()
            .find(|row| row.text_content().unwrap_or_default().contains(number))
            .and_then(|row| row.query_selector(".badge").unwrap())
            .and_then(|badge| badge.text_content())
            .unwrap_or_default()
    };
    assert_eq!(badge_of("OLD1"), "Expired 3 days ago");
    assert_eq!(badge_of("SOON2"), "Expires in 30 days");
    assert_eq!(badge_of("OK3"), "Valid");

    app.click("Add document");
    app.wait_for_text("New document").await;
    app.fill("Document type", "passport");
    app.fill("Document number", "P123");
    app.fill("Place of issue", "London");
    app.fill("Issue date", "2024-05-01");
    app.fill("Expiry date", "2024-04-30");
    app.click("Save");
    app.wait_for_text("The expiry date cannot be before the issue date.")
        .await;
    assert_eq!(
        app.control("Document number").value(),
        "P123",
        "typed input stays"
    );
    let puts = || {
        api.requests()
            .into_iter()
            .filter(|r| r.method == Method::Put)
            .collect::<Vec<_>>()
    };
    assert!(puts().is_empty(), "nothing invalid was sent");

    app.fill("Expiry date", "2034-04-30");
    app.click("Save");
    app.wait_until("the document to be sent", || !puts().is_empty())
        .await;
    let sent = &puts()[0];
    assert!(
        sent.url
            .contains("/banks/gh.29.uk/customers/c1/kyc_documents/"),
        "{}",
        sent.url
    );
    let body: serde_json::Value = serde_json::from_str(sent.body.as_deref().unwrap()).unwrap();
    assert_eq!(body["expiry_date"], "2034-04-30T00:00:00Z");
    assert_eq!(body["customer_number"], "100001");
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn media_previews_only_images_from_the_configured_origins() {
    let media = r#"[
        {"id":"m1","type":"image","url":"javascript:alert(1)","date":"2025-01-01T00:00:00Z"},
        {"id":"m2","type":"image","url":"https://cdn.example/passport.png","date":"2025-01-02T00:00:00Z"},
        {"id":"m3","type":"image","url":"data:image/png;base64,AAAA","date":"2025-01-03T00:00:00Z"},
        {"id":"m4","type":"pdf","url":"https://cdn.example/scan.pdf","date":"2025-01-04T00:00:00Z"},
        {"id":"m5","type":"image","url":"https://elsewhere.example/selfie.png","date":"2025-01-05T00:00:00Z"}]"#;
    let config = AppConfig {
        default_bank_id: "gh.29.uk".to_owned(),
        media_origins: vec!["https://cdn.example".to_owned()],
        ..AppConfig::default()
    };
    let app = mount_with(
        config,
        "/banks/gh.29.uk/customers/c1/kyc",
        Some("tok"),
        kyc_api(KYC_ROLES, "[]", media, "[]"),
    );
    app.wait_for_text("javascript:alert(1)").await;
    let sources: Vec<String> = app
        .all(".media-grid img")
        .into_iter()
        .filter_map(|img| img.get_attribute("src"))
        .collect();
    assert_eq!(sources, ["https://cdn.example/passport.png"]);
    assert!(app
        .find(".media-grid a, .media-grid iframe, .media-grid object")
        .is_none());
    let text = app.text();
    for shown_as_text in [
        "data:image/png;base64,AAAA",
        "https://elsewhere.example/selfie.png",
    ] {
        assert!(
            text.contains(shown_as_text),
            "{shown_as_text} is shown as text"
        );
    }
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn the_timeline_shows_the_current_status_first() {
    let statuses = r#"[
        {"customer_id":"c1","customer_number":"100001","ok":false,"date":"2023-03-01T00:00:00Z"},
        {"customer_id":"c1","customer_number":"100001","ok":true,"date":"2025-09-15T00:00:00Z"},
        {"customer_id":"c1","customer_number":"100001","ok":false,"date":"2024-07-04T00:00:00Z"}]"#;
    let app = mount_app(
        "/banks/gh.29.uk/customers/c1/kyc",
        Some("tok"),
        kyc_api(KYC_ROLES, "[]", "[]", statuses),
    );
    app.wait_for_text("2024-07-04").await;
    let entries = app.all(".timeline-entry");
    let dates: Vec<String> = entries
        .iter()
        .map(|e| {
            e.query_selector(".timeline-date")
                .unwrap()
                .unwrap()
                .text_content()
                .unwrap()
        })
        .collect();
    assert_eq!(dates, ["2025-09-15", "2024-07-04", "2023-03-01"]);
    let classes = |i: usize| entries[i].get_attribute("class").unwrap_or_default();
    assert!(classes(0).contains("current"), "{}", classes(0));
    assert!(!classes(1).contains("current"));
    assert!(
        app.find(".kyc-record .badge").is_some(),
        "the record's kyc_status is next to it"
    );
    app.assert_no_console_errors();
}

/// The GET URLs requested more than once so far.
fn fetched_twice(api: &FakeTransport) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    api.requests()
        .into_iter()
        .filter(|r| r.method == Method::Get)
        .filter_map(|r| (!seen.insert(r.url.clone())).then_some(r.url))
        .collect()
}

#[wasm_bindgen_test]
async fn one_view_of_the_tab_fetches_each_url_once() {
    let documents = r#"[{"id":"d1","type":"passport","number":"ONCE1","issue_date":"2010-01-01T00:00:00Z","expiry_date":"2040-01-01T00:00:00Z"}]"#;
    // Answers take a while, so the customer record arrives after the tab's lists have started.
    let api = kyc_api(KYC_ROLES, documents, "[]", "[]").slow(40);
    let app = mount_app("/banks/gh.29.uk/customers/c1/kyc", Some("tok"), api.clone());
    app.wait_for_text("ONCE1").await;
    app.wait_for_text("Zoë Müller").await;
    sleep(200).await;
    assert_eq!(fetched_twice(&api), Vec::<String>::new());
    app.assert_no_console_errors();
    drop(app);

    // A link without the bank fetches nothing bank-less while it finds the bank.
    let api = kyc_api(KYC_ROLES, documents, "[]", "[]").slow(40);
    let app = mount_app("/customers/c1/kyc", Some("tok"), api.clone());
    app.wait_until("the bank's URL", || {
        location() == "/banks/gh.29.uk/customers/c1/kyc"
    })
    .await;
    app.wait_for_text("ONCE1").await;
    sleep(200).await;
    let urls: Vec<String> = api.requests().into_iter().map(|r| r.url).collect();
    assert!(urls.iter().all(|url| !url.contains("/banks//")), "{urls:?}");
    let lists = urls.iter().filter(|url| url.contains("/kyc_")).count();
    assert_eq!(lists, 4, "each KYC list once: {urls:?}");
    app.assert_no_console_errors();
}
