//! Headless-browser tests of the trust rules on a fake API: a create that got no answer is
//! looked up before it is sent again, a KYC record is retried under the same id, and KYC ids come
//! from the browser's cryptographic random source.

use crate::support::{
    dom::{location, mount_app},
    obp::{api_with, customer, kyc_api},
};
use customer_console::api::{kyc, ApiError, HttpRequest, Method};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

const CREATE_ROLES: &[&str] = &["CanCreateCustomer", "CanGetCustomer"];

fn posts_to(requests: &[HttpRequest], suffix: &str) -> usize {
    requests
        .iter()
        .filter(|r| r.method == Method::Post && r.url.ends_with(suffix))
        .count()
}

/// Opens the create page, fills it and presses Create with the create answering `Timeout`.
async fn create_times_out() -> (
    crate::support::dom::Mounted,
    std::sync::Arc<crate::support::FakeTransport>,
) {
    let api = api_with(CREATE_ROLES).answer(
        Method::Post,
        "/banks/gh.29.uk/customers",
        Err(ApiError::Timeout),
    );
    let app = mount_app("/customers/new", Some("tok"), api.clone());
    app.wait_for_text("Create customer").await;
    app.fill("Legal name", "Grace Hopper");
    app.fill("Mobile phone number", "+1 555 010 0199");
    app.fill("Customer number", "100777");
    app.click("Create customer");
    app.wait_for_text("Not confirmed").await;
    assert!(app.text().contains("cannot tell whether this was saved"));
    assert!(app.text().contains("first looks for this customer"));
    assert_eq!(app.control("Legal name").value(), "Grace Hopper", "kept");
    (app, api)
}

#[wasm_bindgen_test]
async fn a_create_without_an_answer_is_looked_up_before_it_is_sent_again() {
    let (app, api) = create_times_out().await;
    // The first attempt did reach the server.
    let api = api.on(
        Method::Post,
        "/banks/gh.29.uk/customers/customer-number",
        200,
        &customer("n1", "100777", "Grace Hopper"),
    );
    app.click("Check and create customer");
    app.wait_until("the customer's page", || {
        location().ends_with("/customers/n1")
    })
    .await;
    app.wait_for_text("The earlier attempt had created Grace Hopper (customer number 100777).")
        .await;
    let requests = api.requests();
    assert_eq!(
        posts_to(&requests, "/banks/gh.29.uk/customers"),
        1,
        "no second create"
    );
    assert_eq!(posts_to(&requests, "/customers/customer-number"), 1);
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn a_create_that_did_not_happen_is_sent_again_after_the_check() {
    let (app, api) = create_times_out().await;
    let api = api
        .on(
            Method::Post,
            "/banks/gh.29.uk/customers/customer-number",
            404,
            r#"{"code":404,"message":"OBP-30002: Customer not found. Please specify a valid value for CUSTOMER_NUMBER."}"#,
        )
        .on(
            Method::Post,
            "/banks/gh.29.uk/customers",
            201,
            &customer("n2", "100777", "Grace Hopper"),
        );
    app.click("Check and create customer");
    app.wait_until("the customer's page", || {
        location().ends_with("/customers/n2")
    })
    .await;
    app.wait_for_text("Created Grace Hopper (customer number 100777).")
        .await;
    let requests = api.requests();
    assert_eq!(posts_to(&requests, "/customers/customer-number"), 1);
    assert_eq!(posts_to(&requests, "/banks/gh.29.uk/customers"), 2);
    app.assert_no_console_errors();
}

/// Opens the add-document form, fills it with a valid passport `number` and presses Save.
async fn add_document(app: &crate::support::dom::Mounted, number: &str) {
    app.click("Add document");
    app.wait_for_text("New document").await;
    app.fill("Document type", "passport");
    app.fill("Document number", number);
    app.fill("Place of issue", "London");
    app.fill("Issue date", "2024-05-01");
    app.fill("Expiry date", "2034-04-30");
    app.click("Save");
}

#[wasm_bindgen_test]
async fn a_kyc_document_is_retried_under_the_same_id_and_the_next_gets_a_new_one() {
    let api = kyc_api(&["CanGetCustomer", "CanAddKycDocument"], "[]", "[]", "[]").answer(
        Method::Put,
        "",
        Err(ApiError::Timeout),
    );
    let app = mount_app("/banks/gh.29.uk/customers/c1/kyc", Some("tok"), api.clone());
    app.wait_for_text("Zoë Müller").await;
    let puts = || -> Vec<String> {
        api.requests()
            .into_iter()
            .filter(|r| r.method == Method::Put)
            .map(|r| r.url)
            .collect()
    };
    app.wait_for_text("Add document").await;
    add_document(&app, "P123").await;
    app.wait_for_text("Not confirmed").await;
    assert!(app.text().contains("The list was reloaded"));
    let api = api.on(Method::Put, "", 201, r#"{"id":"x"}"#);
    app.click("Save");
    app.wait_until("the second attempt", || puts().len() == 2)
        .await;
    let sent = puts();
    assert_eq!(sent[0], sent[1], "a retry reuses the record's id");
    app.wait_until("the form to close", || app.button("Save").is_none())
        .await;

    add_document(&app, "P456").await;
    app.wait_until("the next document", || puts().len() == 3)
        .await;
    assert_ne!(puts()[2], sent[0], "the next record gets a new id");
    drop(api);
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
fn kyc_ids_do_not_depend_on_math_random() {
    let math = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("Math")).unwrap();
    let random = js_sys::Reflect::get(&math, &JsValue::from_str("random")).unwrap();
    let constant = js_sys::Function::new_no_args("return 0.5;");
    js_sys::Reflect::set(&math, &JsValue::from_str("random"), &constant).unwrap();
    let ids = (kyc::new_id(), kyc::new_id());
    js_sys::Reflect::set(&math, &JsValue::from_str("random"), &random).unwrap();
    assert_ne!(ids.0, ids.1);
    assert_eq!(ids.0.as_bytes()[14], b'4', "version 4");
}
