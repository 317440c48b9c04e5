//! Headless-browser tests of the customer list's scopes, the firehose's role gate and its dates
//! sent encoded once, the CRM filters (in the URL, any value kept exactly) and "My links", on a
//! fake API.

use std::sync::Arc;

use crate::support::{
    dom::{back, location, mount_app, Mounted},
    obp::{api_for, api_with, customer, page_of, urls_to, user_with},
    FakeTransport,
};
use customer_console::api::{encode_segment, Method};
use wasm_bindgen_test::*;

const FIREHOSE_ROLE: &str = "CanUseCustomerFirehoseAtAnyBank";

fn customers(list: &[(&str, &str, &str)]) -> String {
    let rows: Vec<String> = list
        .iter()
        .map(|(id, number, name)| customer(id, number, name))
        .collect();
    format!(r#"{{"customers":[{}]}}"#, rows.join(","))
}

fn scope_options(app: &Mounted) -> Vec<String> {
    app.all("#list-scope option")
        .into_iter()
        .filter_map(|o| o.get_attribute("value"))
        .collect()
}

/// The bank's list, the user's own customers and the minimal list at the bank.
fn lists_api(api: Arc<FakeTransport>) -> Arc<FakeTransport> {
    api.on(
        Method::Get,
        "/banks/gh.29.uk/customers",
        200,
        &customers(&[("c1", "100001", "Bank Customer")]),
    )
    .on(
        Method::Get,
        "/my/customers",
        200,
        &customers(&[("c9", "100009", "Linked Customer")]),
    )
    .on(
        Method::Get,
        "/banks/gh.29.uk/customers-minimal",
        200,
        r#"{"customers":[{"bank_id":"gh.29.uk","customer_id":"min-1"}]}"#,
    )
}

#[wasm_bindgen_test]
async fn the_scope_switch_lives_in_the_url_and_calls_its_endpoint() {
    let api = lists_api(api_with(&["CanGetCustomers"]));
    let app = mount_app("/customers?limit=10", Some("tok"), api.clone());
    app.wait_for_text("Bank Customer").await;

    app.choose("Scope", "my");
    app.wait_for_text("Linked Customer").await;
    assert_eq!(location(), "/customers?scope=my&limit=10");
    assert!(app.text().contains("Customers linked to your user: 1"));
    assert_eq!(
        urls_to(&api, Method::Get, "/my/customers"),
        ["/obp/v5.1.0/my/customers"],
        "no paging for the user's own customers"
    );
    assert!(
        app.find("#phone-search").is_none(),
        "phone search is the bank's"
    );
    assert!(
        app.find("#page-size").is_none(),
        "OBP does not page this list"
    );

    app.choose("Scope", "minimal");
    app.wait_for_text("min-1").await;
    assert_eq!(location(), "/customers?scope=minimal&limit=10");
    assert!(urls_to(&api, Method::Get, "/customers-minimal")
        .iter()
        .any(|u| u
            .ends_with("/banks/gh.29.uk/customers-minimal?limit=10&offset=0&sort_direction=DESC")));
    let link = app.find("td a").expect("a link to the customer");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/banks/gh.29.uk/customers/min-1")
    );
    assert_eq!(
        app.control("Rows per page").value(),
        "10",
        "paged like the bank's list"
    );
    drop(app);

    // A reload (or a link) restores the scope from the URL.
    let api = lists_api(api_with(&["CanGetCustomers"])).on(
        Method::Get,
        "/banks/gh.29.uk/my/customers",
        200,
        &customers(&[("c8", "100008", "Linked Here")]),
    );
    let app = mount_app("/customers?scope=my-bank", Some("tok"), api.clone());
    app.wait_for_text("Linked Here").await;
    assert_eq!(app.control("Scope").value(), "my-bank");
    assert!(urls_to(&api, Method::Get, "/banks/gh.29.uk/customers?").is_empty());
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn the_firehose_is_offered_only_with_its_system_role() {
    let api = lists_api(api_with(&["CanGetCustomers"]));
    let app = mount_app("/customers", Some("tok"), api);
    app.wait_for_text("Bank Customer").await;
    app.wait_until("the user's roles", || scope_options(&app).len() == 8)
        .await;
    assert!(!scope_options(&app).contains(&"firehose".to_owned()));
    drop(app);

    let user = user_with(&[("CanGetCustomers", "gh.29.uk"), (FIREHOSE_ROLE, "")]);
    let api = lists_api(api_for(&user)).on(
        Method::Get,
        "/firehose/customers",
        400,
        r#"{"code":400,"message":"OBP-00009: Account firehose is not allowed on this instance. Please set allow_account_firehose = true in props files. "}"#,
    );
    let app = mount_app("/customers", Some("tok"), api.clone());
    app.wait_until("the firehose", || {
        scope_options(&app).contains(&"firehose".to_owned())
    })
    .await;
    app.choose("Scope", "firehose");
    app.wait_for_text("OBP-00009").await;
    app.wait_for_text("This OBP instance has allow_customer_firehose off")
        .await;
    assert_eq!(location(), "/customers?scope=firehose");

    app.fill("Changed from", "2024-01-01");
    app.fill("Changed to", "2024-06-30");
    app.click("Apply dates");
    app.wait_until("the dates in the URL", || {
        location() == "/customers?scope=firehose&from_date=2024-01-01&to_date=2024-06-30"
    })
    .await;
    app.wait_until("the windowed request", || {
        urls_to(&api, Method::Get, "from_date").iter().any(|u| {
            u.ends_with(
                "/banks/gh.29.uk/firehose/customers?limit=25&offset=0&sort_direction=DESC\
                 &from_date=2024-01-01T00%3A00%3A00.000Z&to_date=2024-06-30T23%3A59%3A59.999Z",
            )
        })
    })
    .await;
    app.assert_no_console_errors();
}

fn crm_event(id: &str, category: &str, channel: &str, detail: &str) -> String {
    serde_json::json!({
        "id": id, "bank_id": "gh.29.uk", "customer_name": "Zoë Müller", "customer_number": "100001",
        "category": category, "detail": detail, "channel": channel,
        "scheduled_date": "2024-03-04T10:00:00Z", "actual_date": "2024-03-04T10:15:00Z",
        "result": "Completed"
    })
    .to_string()
}

pub(crate) fn crm_api() -> Arc<FakeTransport> {
    let events = [
        crm_event("e1", "Onboarding", "Branch", "Account opening"),
        crm_event("e2", "KYC", "Video", "Identity check by video"),
        crm_event("e3", "Complaint", "Phone", "Card declined abroad"),
        crm_event("e4", "KYC", "Branch", "Passport renewal check"),
        crm_event("e5", "Card", "Chat", "<b>Replacement</b> card"),
    ];
    api_with(&[]).on(
        Method::Get,
        "/banks/gh.29.uk/crm-events",
        200,
        &format!(r#"{{"crm_events":[{}]}}"#, events.join(",")),
    )
}

#[wasm_bindgen_test]
async fn crm_filters_narrow_the_list_and_live_in_the_url() {
    let api = crm_api();
    let app = mount_app("/crm-events", Some("tok"), api.clone());
    app.wait_for_text("5 of 5 events").await;
    assert!(app.text().contains("<b>Replacement</b> card"), "text only");
    let categories: Vec<String> = app
        .all("#crm-category option")
        .into_iter()
        .filter_map(|o| o.text_content())
        .collect();
    assert_eq!(
        categories,
        ["All", "Card", "Complaint", "KYC", "Onboarding"]
    );

    app.choose("Category", "KYC");
    app.wait_for_text("2 of 5 events").await;
    assert_eq!(location(), "/crm-events?category=KYC");
    assert!(app.text().contains("Passport renewal check"));
    assert!(!app.text().contains("Card declined abroad"));

    app.wait_until("the channel filter", || app.find("#crm-channel").is_some())
        .await;
    app.choose("Channel", "Video");
    app.wait_for_text("1 of 5 events").await;
    assert_eq!(location(), "/crm-events?category=KYC&channel=Video");
    assert!(!app.text().contains("Passport renewal check"));

    app.choose("Category", "");
    app.wait_for_text("1 of 5 events").await;
    assert_eq!(location(), "/crm-events?channel=Video");
    assert_eq!(
        urls_to(&api, Method::Get, "/crm-events").len(),
        1,
        "filters never refetch"
    );
    drop(app);

    let app = mount_app("/crm-events?channel=Branch", Some("tok"), crm_api());
    app.wait_for_text("2 of 5 events").await;
    assert_eq!(app.control("Channel").value(), "Branch");
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn my_links_show_each_customer_with_its_users() {
    let body = format!(
        r#"{{"correlated_entities":[{{"customer":{},"users":[
            {{"user_id":"u1","email":"staff@example.com","provider_id":"staff","provider":"sandbox",
              "username":"staff","user_attributes":[]}},
            {{"user_id":"u2","email":"auditor@example.com","provider_id":"auditor","provider":"sandbox",
              "username":"auditor","user_attributes":[]}}]}}]}}"#,
        customer("c1", "100001", "Zoë Müller")
    );
    let api = api_with(&[]).on(Method::Get, "/my/correlated-entities", 200, &body);
    let app = mount_app("/my/links", Some("tok"), api);
    app.wait_for_text("Zoë Müller").await;
    assert!(app.text().contains("auditor@example.com"));
    let hrefs: Vec<String> = app
        .all("td a")
        .into_iter()
        .filter_map(|a| a.get_attribute("href"))
        .collect();
    assert_eq!(
        hrefs,
        [
            "/banks/gh.29.uk/customers/c1",
            "/users/u1/customer-links",
            "/users/u2/customer-links"
        ]
    );
    let current = app
        .find(".app-nav a[aria-current=\"page\"]")
        .expect("a current nav entry");
    assert_eq!(current.text_content().unwrap(), "My links");
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn firehose_dates_reach_the_api_encoded_once() {
    let user = user_with(&[
        ("CanGetCustomers", "gh.29.uk"),
        ("CanUseCustomerFirehoseAtAnyBank", ""),
    ]);
    let api = api_for(&user).on(
        Method::Get,
        "/banks/gh.29.uk/firehose/customers",
        200,
        &page_of(2),
    );
    let first = "/customers?scope=firehose&from_date=2024-01-02&to_date=2024-03-04";
    let app = mount_app(first, Some("tok"), api.clone());
    app.wait_for_text("Rows 1\u{2013}2").await;
    let window = "from_date=2024-01-02T00%3A00%3A00.000Z&to_date=2024-03-04T23%3A59%3A59.999Z";
    let last_window = || {
        urls_to(&api, Method::Get, "/firehose/customers?")
            .pop()
            .unwrap_or_default()
    };
    assert!(last_window().ends_with(window), "{}", last_window());
    assert_eq!(app.control("Changed from").value(), "2024-01-02");
    assert_eq!(app.control("Changed to").value(), "2024-03-04");

    app.fill("Changed from", "2025-12-31");
    app.fill("Changed to", "");
    app.click("Apply dates");
    app.wait_until("the new window", || {
        last_window().ends_with("&from_date=2025-12-31T00%3A00%3A00.000Z")
    })
    .await;
    assert_eq!(location(), "/customers?scope=firehose&from_date=2025-12-31");

    back();
    app.wait_until("the first window again", || last_window().ends_with(window))
        .await;
    assert_eq!(location(), first);
    assert_eq!(app.control("Changed from").value(), "2024-01-02");
    assert_eq!(app.control("Changed to").value(), "2024-03-04");
    app.assert_no_console_errors();
    drop(app);

    // Decoded once, `2024-01-0%2532` reads `2024-01-0%32`: no date, so no lower bound.
    let crafted = "/customers?scope=firehose&from_date=2024-01-0%2532&to_date=2024-03-04";
    let app = mount_app(crafted, Some("tok"), api.clone());
    app.wait_until("the open window", || {
        last_window().ends_with("sort_direction=DESC&to_date=2024-03-04T23%3A59%3A59.999Z")
    })
    .await;
    app.wait_for_text("Rows 1\u{2013}2").await;
    assert_eq!(app.control("Changed from").value(), "");
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn crm_filters_keep_any_value_exactly() {
    let awkward = "Offer %41+B & C #1 Zo\u{eb}";
    let event = |id: &str, category: &str| {
        serde_json::json!({
            "id": id, "bank_id": "gh.29.uk", "customer_name": "Ada", "customer_number": "100001",
            "category": category, "detail": format!("About {category}"), "channel": "Phone 50%",
            "scheduled_date": "2024-03-04T10:00:00Z", "actual_date": "", "result": ""
        })
    };
    let body = serde_json::json!({"crm_events": [event("e1", awkward), event("e2", "Offer A+B & C #1 Zo\u{eb}")]});
    let api = api_with(&[]).on(
        Method::Get,
        "/banks/gh.29.uk/crm-events",
        200,
        &body.to_string(),
    );
    let app = mount_app("/crm-events", Some("tok"), api.clone());
    app.wait_for_text("2 of 2 events").await;
    app.choose("Category", awkward);
    app.wait_for_text("1 of 2 events").await;
    let filtered = location();
    assert_eq!(
        filtered,
        format!("/crm-events?category={}", encode_segment(awkward))
    );
    app.choose("Channel", "Phone 50%");
    app.wait_for_text("1 of 2 events").await;
    back();
    app.wait_until("the category alone", || location() == filtered)
        .await;
    assert_eq!(app.control("Category").value(), awkward);
    assert_eq!(app.control("Channel").value(), "");
    drop(app);

    let app = mount_app(&filtered, Some("tok"), api);
    app.wait_for_text("1 of 2 events").await;
    assert_eq!(app.control("Category").value(), awkward);
    assert!(app.text().contains(&format!("About {awkward}")));
    app.assert_no_console_errors();
}
