//! Headless-browser tests of the app's shell on a fake API: sign-in (failures, the way back, never
//! off the app's origin), an ended session, OBP errors with code and hint, API data rendered as
//! text only, and the bank picker.

use customer_console::api::Method;
use wasm_bindgen_test::*;

use crate::support::{
    dom::{location, mount_app},
    obp::{api_with, customer, json_body, last_body, page_of, urls_to, STAFF_ROLES},
    FakeTransport,
};

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
        urls_to(&api, Method::Get, "/banks/obp.bank.de/customers?").len(),
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
