//! Headless-browser tests of the real app on a fake API: URL state, form validation, role gating,
//! error rendering, session expiry and text-only rendering of API data.

#![cfg(target_arch = "wasm32")]

mod support;

use std::sync::Arc;

use customer_console::api::{encode_segment, Method};
use support::{
    dom::{back, location, mount_app, sleep},
    obp::{api_for, api_with, customer, user_with},
    FakeTransport,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const STAFF_ROLES: &[&str] = &[
    "CanGetCustomers",
    "CanGetCustomer",
    "CanCreateCustomer",
    "CanUpdateCustomerEmail",
    "CanDeleteCustomerCascade",
];
const AUDITOR_ROLES: &[&str] = &["CanGetCustomers", "CanGetCustomer"];

fn page_of(count: usize) -> String {
    let rows: Vec<String> = (0..count)
        .map(|i| {
            customer(
                &format!("c{i}"),
                &format!("{}", 100_001 + i),
                &format!("Customer {i}"),
            )
        })
        .collect();
    format!(r#"{{"customers":[{}]}}"#, rows.join(","))
}

fn requests_to(transport: &FakeTransport, method: Method, path_part: &str) -> Vec<String> {
    transport
        .requests()
        .into_iter()
        .filter(|r| r.method == method && r.url.contains(path_part))
        .map(|r| r.url)
        .collect()
}

#[wasm_bindgen_test]
async fn list_paging_lives_in_the_url() {
    let api = api_with(STAFF_ROLES)
        .on(Method::Get, "/banks/gh.29.uk/customers", 200, &page_of(10))
        .on(
            Method::Post,
            "/customers/customer-number",
            200,
            &customer("c3", "100004", "Customer 3"),
        );
    let app = mount_app("/customers?limit=10&offset=20", Some("tok"), api.clone());
    app.wait_for_text("Rows 21\u{2013}30").await;
    assert!(requests_to(&api, Method::Get, "/customers?")
        .iter()
        .any(|u| u.ends_with("/banks/gh.29.uk/customers?limit=10&offset=20&sort_direction=DESC")));
    assert_eq!(app.control("Rows per page").value(), "10");

    app.click("Next \u{2192}");
    app.wait_for_text("Rows 31\u{2013}40").await;
    assert_eq!(location(), "/customers?limit=10&offset=30");
    assert!(requests_to(&api, Method::Get, "offset=30").len() == 1);

    app.click("\u{2190} Previous");
    app.wait_for_text("Rows 21\u{2013}30").await;
    assert_eq!(location(), "/customers?limit=10&offset=20");

    // Opening a customer does not reload the list behind it.
    let lists_before = requests_to(&api, Method::Get, "/banks/gh.29.uk/customers?").len();
    app.fill("Customer number", "100004");
    app.click("Find");
    app.wait_until("the detail page", || {
        location() == "/banks/gh.29.uk/customers/c3"
    })
    .await;
    sleep(100).await;
    assert_eq!(
        requests_to(&api, Method::Get, "/banks/gh.29.uk/customers?").len(),
        lists_before
    );
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn a_short_page_is_the_last_one() {
    let api = api_with(STAFF_ROLES).on(Method::Get, "/banks/gh.29.uk/customers", 200, &page_of(3));
    let app = mount_app("/customers", Some("tok"), api);
    app.wait_for_text("Rows 1\u{2013}3").await;
    let next = app.button("Next \u{2192}").unwrap();
    assert!(next.has_attribute("disabled"));
    assert!(app
        .button("\u{2190} Previous")
        .unwrap()
        .has_attribute("disabled"));
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn create_form_validates_and_keeps_what_was_typed() {
    let api = api_with(STAFF_ROLES).on(
        Method::Post,
        "/banks/gh.29.uk/customers",
        400,
        r#"{"code":400,"message":"OBP-30006: Customer Number already exists. Please specify a different value for BANK_ID or CUSTOMER_NUMBER."}"#,
    );
    let app = mount_app("/customers/new", Some("tok"), api.clone());
    app.wait_for_text("Create customer").await;
    app.fill("Email", "not-an-email");
    app.click("Create customer");
    app.wait_for_text("This field is required.").await;
    assert!(app
        .text()
        .contains("Enter an email address like name@example.com."));
    assert!(app.text().contains("3 fields need attention."));
    assert_eq!(app.control("Email").value(), "not-an-email");
    assert!(
        requests_to(&api, Method::Post, "/customers").is_empty(),
        "invalid input is never sent"
    );

    app.fill("Legal name", "Zoë Müller");
    app.fill("Mobile phone number", "+44 7700 900123");
    app.fill("Email", "zoe@example.com");
    app.fill("Customer number", "100001");
    app.click("Create customer");
    app.wait_for_text("OBP-30006").await;
    assert!(app.text().contains("already has that customer number"));
    assert_eq!(app.control("Legal name").value(), "Zoë Müller");
    assert_eq!(app.control("Customer number").value(), "100001");
    assert_eq!(requests_to(&api, Method::Post, "/customers").len(), 1);
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn auditor_gets_no_create_edit_or_delete() {
    let api = api_with(AUDITOR_ROLES)
        .on(Method::Get, "/banks/gh.29.uk/customers", 200, &page_of(2))
        .on(
            Method::Get,
            "/customers/c1",
            200,
            &customer("c1", "100002", "Ada Lovelace"),
        );
    let app = mount_app("/customers", Some("tok"), api.clone());
    app.wait_for_text(
        "Creating customers needs the role CanCreateCustomer or CanCreateCustomerAtAnyBank",
    )
    .await;
    assert!(app.button("New customer").is_none());
    drop(app);

    let app = mount_app("/banks/gh.29.uk/customers/c1", Some("tok"), api);
    app.wait_for_text("Deleting customers needs the role CanDeleteCustomerCascade")
        .await;
    assert!(app.button("Delete customer").is_none());
    assert!(app.button("Edit email").is_none());
    assert!(app
        .text()
        .contains("Editing needs the role CanUpdateCustomerEmail"));
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn staff_edits_email_inline() {
    let updated =
        customer("c1", "100002", "Ada Lovelace").replace("c@example.com", "ada@bank.example");
    let api = api_with(STAFF_ROLES)
        .on(
            Method::Get,
            "/customers/c1",
            200,
            &customer("c1", "100002", "Ada Lovelace"),
        )
        .on(Method::Put, "/customers/c1/email", 200, &updated);
    let app = mount_app("/banks/gh.29.uk/customers/c1", Some("tok"), api.clone());
    app.wait_for_text("Ada Lovelace").await;
    app.wait_until("Edit email button", || app.button("Edit email").is_some())
        .await;
    app.click("Edit email");
    app.wait_until("the email form", || app.button("Save").is_some())
        .await;
    app.fill("Email", "ada@");
    app.click("Save");
    app.wait_for_text("Enter an email address").await;
    app.fill("Email", "ada@bank.example");
    app.click("Save");
    app.wait_for_text("ada@bank.example").await;
    let put = api.last();
    assert_eq!(put.method, Method::Put);
    assert_eq!(put.body.as_deref(), Some(r#"{"email":"ada@bank.example"}"#));
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn api_errors_show_code_message_and_hint() {
    let api = api_with(STAFF_ROLES)
        .on(Method::Get, "/customers/gone", 404, r#"{"code":404,"message":"OBP-30046: Customer not found. Please specify a valid value for CUSTOMER_ID."}"#)
        .on(Method::Get, "/banks/gh.29.uk/customers", 403, r#"{"code":403,"message":"OBP-20006: User is missing one or more roles: CanGetCustomers"}"#);
    let app = mount_app("/customers/gone", Some("tok"), api.clone());
    app.wait_for_text("OBP-30046").await;
    assert!(app.text().contains("Not found"));
    assert!(app.text().contains("It may have been deleted"));
    assert!(app.button("Try again").is_some());
    drop(app);

    let app = mount_app("/customers", Some("tok"), api);
    app.wait_for_text("Missing role").await;
    assert!(app.text().contains("OBP-20006"));
    assert!(app
        .text()
        .contains("Your user needs the role CanGetCustomers"));
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn an_ended_session_returns_to_sign_in_with_the_way_back() {
    let api = api_with(STAFF_ROLES).on(
        Method::Get,
        "/banks/gh.29.uk/customers",
        400,
        r#"{"code":400,"message":"OBP-20003: This DirectLogin token is invalid or expired: "}"#,
    );
    let app = mount_app("/customers?offset=25", Some("expired"), api);
    app.wait_until("redirect to sign-in", || location().starts_with("/login"))
        .await;
    assert_eq!(location(), "/login?return=%2Fcustomers%3Foffset%3D25");
    app.wait_for_text("Your session has ended. Sign in again to continue.")
        .await;
    let storage = web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap();
    assert_eq!(storage.get_item("customer-console.token").unwrap(), None);
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn sign_in_failure_keeps_input_and_explains() {
    let api = FakeTransport::new().on(
        Method::Post,
        "/my/logins/direct",
        401,
        r#"{"code":401,"message":"OBP-20004: Invalid login credentials. Check username/password."}"#,
    );
    let app = mount_app("/login", None, api.clone());
    app.wait_for_text("Sign in").await;
    assert_eq!(app.control("Consumer key").value(), "test-key");
    app.fill("Username", "staff");
    app.fill("Password", "wrong-password");
    app.click("Sign in");
    app.wait_for_text("OBP-20004").await;
    assert!(app.text().contains("The username or password is wrong."));
    assert_eq!(app.control("Username").value(), "staff");
    assert_eq!(location(), "/login");
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn api_data_is_rendered_as_text_only() {
    let hostile = r#"<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>"#;
    let body = format!(r#"{{"customers":[{}]}}"#, customer("x1", "100009", hostile));
    let api = api_with(STAFF_ROLES).on(Method::Get, "/banks/gh.29.uk/customers", 200, &body);
    let app = mount_app("/customers", Some("tok"), api);
    app.wait_for_text("<img src=x").await;
    assert!(app.find(".data-table img").is_none());
    assert!(app.find(".data-table script").is_none());
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__pwned".into()).unwrap();
    assert!(pwned.is_undefined());
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn delete_confirms_by_name_sends_once_and_leaves() {
    let api = api_with(STAFF_ROLES)
        .on(
            Method::Get,
            "/customers/c1",
            200,
            &customer("c1", "100002", "Ada Lovelace"),
        )
        .on(Method::Delete, "/customers/c1", 200, "true")
        .on(Method::Get, "/banks/gh.29.uk/customers", 200, &page_of(1));
    let app = mount_app("/banks/gh.29.uk/customers/c1", Some("tok"), api.clone());
    app.wait_until("the delete button", || {
        app.button("Delete customer").is_some()
    })
    .await;
    assert_eq!(
        requests_to(&api, Method::Get, "/customers/c1").len(),
        1,
        "one read on load"
    );
    app.click("Delete customer");
    app.wait_for_text("Delete Ada Lovelace?").await;
    assert!(app.text().contains("customer number 100002"));
    app.click("Delete permanently");
    app.wait_for_text("Deleted Ada Lovelace and everything linked to it.")
        .await;
    assert_eq!(location(), "/customers");
    assert_eq!(requests_to(&api, Method::Delete, "/customers/c1").len(), 1);
    assert_eq!(
        requests_to(&api, Method::Get, "/customers/c1").len(),
        1,
        "a deleted customer is not fetched again: {:#?}",
        api.requests()
            .iter()
            .map(|r| format!("{:?} {}", r.method, r.url))
            .collect::<Vec<_>>()
    );
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn a_double_click_sends_one_create() {
    let api = api_with(STAFF_ROLES).on(
        Method::Post,
        "/banks/gh.29.uk/customers",
        201,
        &customer("n1", "100777", "Grace Hopper"),
    );
    let app = mount_app("/customers/new", Some("tok"), api.clone());
    app.wait_for_text("Create customer").await;
    app.fill("Legal name", "Grace Hopper");
    app.fill("Mobile phone number", "+1 555 010 0199");
    api.slow(300);
    let button = app.button("Create customer").unwrap();
    button.click();
    button.click();
    app.wait_for_text("Creating\u{2026}").await;
    app.wait_until("the new customer's page", || {
        location() == "/banks/gh.29.uk/customers/n1"
    })
    .await;
    assert_eq!(
        requests_to(&api, Method::Post, "/banks/gh.29.uk/customers").len(),
        1
    );
    app.wait_for_text("Created Grace Hopper (customer number 100777).")
        .await;
    app.assert_no_console_errors();
}

/// Staff's fake API: a first page of 25 customers, and `matches` customers for any phone search.
fn phone_search_api(matches: usize) -> Arc<FakeTransport> {
    api_with(STAFF_ROLES)
        .on(Method::Get, "/banks/gh.29.uk/customers", 200, &page_of(25))
        .on(
            Method::Post,
            "/search/customers/mobile-phone-number",
            201,
            &page_of(matches),
        )
}

#[wasm_bindgen_test]
async fn phone_search_puts_the_pattern_in_the_url_and_posts_it() {
    let api = phone_search_api(2);
    let app = mount_app("/customers", Some("tok"), api.clone());
    app.wait_for_text("Rows 1\u{2013}25").await;
    app.fill("Mobile phone number", "+44 7700%");
    app.click("Search");
    app.wait_for_text("2 customers with a mobile phone matching \u{201c}+44 7700%\u{201d}")
        .await;
    assert_eq!(location(), "/customers?phone=%2B44%207700%25");
    let search = api.last();
    assert_eq!(search.method, Method::Post);
    assert_eq!(
        search.body.as_deref(),
        Some(r#"{"mobile_phone_number":"+44 7700%"}"#)
    );
    assert!(
        app.button("Next \u{2192}").is_none(),
        "a search has no pages"
    );

    app.click("Clear search");
    app.wait_for_text("Rows 1\u{2013}25").await;
    assert_eq!(location(), "/customers");
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn the_bank_picker_switches_every_call_to_the_chosen_bank() {
    let api = api_with(STAFF_ROLES)
        .on(
            Method::Get,
            "/banks",
            200,
            r#"{"banks":[{"id":"gh.29.uk","full_name":"GH Bank 29"},{"id":"obp.bank.de","full_name":"OBP Bank DE"}]}"#,
        )
        .on(Method::Get, "/banks/gh.29.uk/customers", 200, &page_of(3))
        .on(Method::Get, "/banks/obp.bank.de/customers", 200, &page_of(1));
    let app = mount_app("/customers", Some("tok"), api.clone());
    app.wait_for_text("Rows 1\u{2013}3").await;
    app.wait_until("both banks offered", || {
        app.all("#bank-picker option").len() == 2
    })
    .await;
    let picker = app.control("Bank");
    picker.set_value("obp.bank.de");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    picker
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap())
        .unwrap();
    app.wait_for_text("Rows 1\u{2013}1").await;
    assert_eq!(
        requests_to(&api, Method::Get, "/banks/obp.bank.de/customers?").len(),
        1
    );
    let storage = web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap();
    assert_eq!(
        storage
            .get_item("customer-console.bank")
            .unwrap()
            .as_deref(),
        Some("obp.bank.de")
    );
    app.assert_no_console_errors();
}

/// The body of the last `method` request whose URL contains `path_part`.
fn last_body(transport: &FakeTransport, method: Method, path_part: &str) -> Option<String> {
    transport
        .requests()
        .into_iter()
        .rfind(|r| r.method == method && r.url.contains(path_part))
        .and_then(|r| r.body)
}

/// The JSON body `{name: value}`, as serde writes it.
fn json_body(name: &str, value: &str) -> Option<String> {
    Some(serde_json::json!({ name: value }).to_string())
}

#[wasm_bindgen_test]
async fn sign_in_never_leaves_the_apps_origin() {
    let api = api_with(STAFF_ROLES)
        .on(
            Method::Post,
            "/my/logins/direct",
            201,
            r#"{"token":"new-token"}"#,
        )
        .on(Method::Get, "/banks/gh.29.uk/customers", 200, &page_of(3));
    let app = mount_app("/login?return=/%09/evil.example/phish", None, api.clone());
    app.wait_for_text("Sign in").await;
    app.fill("Username", "staff");
    app.fill("Password", "staff-password-1");
    app.click("Sign in");
    app.wait_for_text("Rows 1\u{2013}3").await;
    assert_eq!(location(), "/customers");
    app.assert_no_console_errors();
    drop(app);

    // A legitimate way back keeps its query exactly, a `%` in a phone pattern included.
    let api = api
        .on(
            Method::Post,
            "/my/logins/direct",
            201,
            r#"{"token":"new-token"}"#,
        )
        .on(
            Method::Post,
            "/search/customers/mobile-phone-number",
            201,
            &page_of(1),
        );
    let app = mount_app(
        "/login?return=%2Fcustomers%3Fphone%3D%25257700900001",
        None,
        api.clone(),
    );
    app.wait_for_text("Sign in").await;
    app.fill("Username", "staff");
    app.fill("Password", "staff-password-1");
    app.click("Sign in");
    app.wait_for_text("matching \u{201c}%7700900001\u{201d}")
        .await;
    assert_eq!(location(), "/customers?phone=%257700900001");
    assert_eq!(
        last_body(&api, Method::Post, "/mobile-phone-number"),
        json_body("mobile_phone_number", "%7700900001")
    );
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn phone_patterns_reach_the_api_exactly_as_typed() {
    for pattern in ["%7700900001", "+44 7700%", "a&b#c", "Zoë%"] {
        let api = phone_search_api(1);
        let app = mount_app("/customers", Some("tok"), api.clone());
        app.wait_for_text("Rows 1\u{2013}25").await;
        app.fill("Mobile phone number", pattern);
        app.click("Search");
        let caption = format!("matching \u{201c}{pattern}\u{201d}");
        app.wait_for_text(&caption).await;
        assert_eq!(
            last_body(&api, Method::Post, "/mobile-phone-number"),
            json_body("mobile_phone_number", pattern)
        );
        let searched = location();
        assert_eq!(
            searched,
            format!("/customers?phone={}", encode_segment(pattern))
        );

        // Back from the plain list shows the pattern again, and searches it again.
        app.click("Clear search");
        app.wait_for_text("Rows 1\u{2013}25").await;
        back();
        app.wait_for_text(&caption).await;
        assert_eq!(app.control("Mobile phone number").value(), pattern);
        assert_eq!(
            last_body(&api, Method::Post, "/mobile-phone-number"),
            json_body("mobile_phone_number", pattern)
        );
        app.assert_no_console_errors();
        drop(app);

        // So does a reload.
        let app = mount_app(&searched, Some("tok"), api.clone());
        app.wait_for_text(&caption).await;
        assert_eq!(
            app.control("Mobile phone number").value(),
            pattern,
            "{searched}"
        );
        assert_eq!(
            last_body(&api, Method::Post, "/mobile-phone-number"),
            json_body("mobile_phone_number", pattern)
        );
        app.assert_no_console_errors();
    }
}

#[wasm_bindgen_test]
async fn a_customer_number_is_looked_up_exactly_as_typed() {
    for number in ["%77 1", "+44&1#2", "Zoë 100%"] {
        let api = api_with(STAFF_ROLES)
            .on(Method::Get, "/banks/gh.29.uk/customers", 200, &page_of(3))
            .on(
                Method::Post,
                "/customers/customer-number",
                404,
                r#"{"code":404,"message":"OBP-30002: Customer not found. Please specify a valid value for CUSTOMER_NUMBER."}"#,
            );
        let app = mount_app("/customers?limit=10", Some("tok"), api.clone());
        app.wait_for_text("Rows 1\u{2013}3").await;
        app.fill("Customer number", number);
        app.click("Find");
        app.wait_for_text("OBP-30002").await;
        assert_eq!(
            last_body(&api, Method::Post, "/customer-number"),
            json_body("customer_number", number)
        );
        let looked_up = location();
        assert_eq!(
            looked_up,
            format!("/customers?limit=10&number={}", encode_segment(number))
        );
        assert_eq!(app.control("Customer number").value(), number);
        app.assert_no_console_errors();
        drop(app);

        // A reload shows the number again; found, the customer opens, and back shows it too.
        let found = customer("c7", "100007", "Grace Hopper");
        let api = api
            .on(Method::Post, "/customers/customer-number", 200, &found)
            .on(Method::Get, "/customers/c7", 200, &found);
        let app = mount_app(&looked_up, Some("tok"), api.clone());
        app.wait_for_text("Rows 1\u{2013}3").await;
        assert_eq!(
            app.control("Customer number").value(),
            number,
            "{looked_up}"
        );
        app.click("Find");
        app.wait_for_text("Grace Hopper").await;
        assert_eq!(
            last_body(&api, Method::Post, "/customer-number"),
            json_body("customer_number", number)
        );
        back();
        app.wait_until("the list again", || location() == looked_up)
            .await;
        app.wait_for_text("Rows 1\u{2013}3").await;
        assert_eq!(app.control("Customer number").value(), number);
        app.assert_no_console_errors();
    }
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
        requests_to(&api, Method::Get, "/firehose/customers?")
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

#[wasm_bindgen_test]
async fn a_huge_offset_in_the_url_shows_a_page() {
    for huge in ["4294967295", "18446744073709551615"] {
        let api =
            api_with(STAFF_ROLES).on(Method::Get, "/banks/gh.29.uk/customers", 200, &page_of(0));
        let app = mount_app(
            &format!("/customers?offset={huge}"),
            Some("tok"),
            api.clone(),
        );
        app.wait_for_text("No more customers").await;
        assert!(app.text().contains("No rows from 1000000001"));
        let lists = requests_to(&api, Method::Get, "/banks/gh.29.uk/customers?");
        assert_eq!(lists.len(), 1, "{lists:?}");
        assert!(lists[0].ends_with("/customers?limit=25&offset=1000000000&sort_direction=DESC"));
        assert!(app
            .button("Next \u{2192}")
            .unwrap()
            .has_attribute("disabled"));
        app.click("\u{2190} Previous");
        app.wait_for_text("No rows from 999999976").await;
        assert_eq!(location(), "/customers?offset=999999975");
        app.assert_no_console_errors();
    }
}
