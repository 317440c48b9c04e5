//! Headless-browser tests of the customer page's Customer 360 tabs on a fake API: attribute
//! values typed by their type, the definition-driven attribute form, deep links to a tab,
//! panels failing on their own, role gating of the tab's actions, and a customer of another
//! bank than the header's read, changed and role-checked at its own bank, legacy links included.

use std::sync::Arc;

use crate::support::{
    dom::{location, mount_app, Mounted},
    obp::{api_for, api_with, customer, customer_at, posted, user_with},
    FakeTransport,
};
use customer_console::api::Method;
use wasm_bindgen_test::*;

const ATTRIBUTE_ROLES: &[&str] = &[
    "CanGetCustomer",
    "CanGetCustomerAttributesAtOneBank",
    "CanCreateCustomerAttributeAtOneBank",
    "CanUpdateCustomerAttributeAtOneBank",
    "CanDeleteCustomerAttributeAtOneBank",
];

const NO_ATTRIBUTES: &str = r#"{"customer_attributes":[]}"#;
const ATTRIBUTE_PATH: &str = "/banks/gh.29.uk/customers/c1/attribute";

/// The customer c1 with `roles`, its attributes and the bank's definitions.
fn attributes_api(roles: &[&str], attributes: &str, definitions: &str) -> Arc<FakeTransport> {
    api_with(roles)
        .on(
            Method::Get,
            "/banks/gh.29.uk/customers/c1",
            200,
            &customer("c1", "100001", "Zoë Müller"),
        )
        .on(Method::Get, "/customers/c1/attributes", 200, attributes)
        .on(
            Method::Get,
            "/attribute-definitions/customer",
            200,
            definitions,
        )
        .on(
            Method::Post,
            ATTRIBUTE_PATH,
            201,
            r#"{"customer_attribute_id":"new","name":"X","type":"STRING","value":"x"}"#,
        )
}

/// Saves the form and checks it closed after sending exactly `expected`.
async fn saves(app: &Mounted, api: &FakeTransport, expected: serde_json::Value) {
    app.click("Save");
    app.wait_until("the form to close", || {
        app.button("Add attribute").is_some()
    })
    .await;
    assert_eq!(posted(api, ATTRIBUTE_PATH), [expected]);
}

async fn open_add_form(app: &Mounted) {
    app.wait_for_text("No attributes yet.").await;
    app.click("Add attribute");
    app.wait_for_text("New attribute").await;
}

#[wasm_bindgen_test]
async fn attribute_values_are_checked_against_their_type_before_sending() {
    let api = attributes_api(ATTRIBUTE_ROLES, NO_ATTRIBUTES, r#"{"attributes":[]}"#);
    let app = mount_app(
        "/banks/gh.29.uk/customers/c1/attributes",
        Some("tok"),
        api.clone(),
    );
    open_add_form(&app).await;

    app.fill("Name", "SCORE");
    for (kind, bad, message) in [
        ("INTEGER", "4.5", "Enter a whole number"),
        ("DOUBLE", "12,5", "Enter a decimal number"),
        ("STRING", "  ", "required"),
    ] {
        app.choose("Type", kind);
        app.fill("Value", bad);
        app.click("Save");
        app.wait_for_text(message).await;
        assert_eq!(
            app.control("Value").value(),
            bad,
            "{kind}: what was typed stays"
        );
    }
    app.choose("Type", "DATE_WITH_DAY");
    app.wait_until("a date picker", || app.control("Value").type_() == "date")
        .await;
    app.choose("Type", "INTEGER");
    app.wait_until("a numeric keyboard", || {
        app.control("Value").get_attribute("inputmode").as_deref() == Some("numeric")
    })
    .await;
    assert!(
        posted(&api, ATTRIBUTE_PATH).is_empty(),
        "nothing invalid was sent"
    );

    app.choose("Type", "DOUBLE");
    app.fill("Value", "12.5");
    saves(
        &app,
        &api,
        serde_json::json!({"name": "SCORE", "type": "DOUBLE", "value": "12.5"}),
    )
    .await;
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn the_add_form_offers_the_active_definitions_with_type_and_description() {
    let definitions = r#"{"attributes":[
        {"attribute_definition_id":"d1","bank_id":"gh.29.uk","name":"RISK_SCORE","category":"Customer",
         "type":"INTEGER","description":"Risk from 1 (low) to 10","alias":"","can_be_seen_on_views":[],"is_active":true},
        {"attribute_definition_id":"d2","bank_id":"gh.29.uk","name":"LEGACY_SEGMENT","category":"Customer",
         "type":"STRING","description":"Retired","alias":"","can_be_seen_on_views":[],"is_active":false},
        {"attribute_definition_id":"d3","bank_id":"gh.29.uk","name":"PASSPORT_EXPIRY","category":"Customer",
         "type":"DATE_WITH_DAY","description":"","alias":"","can_be_seen_on_views":[],"is_active":true}]}"#;
    let api = attributes_api(ATTRIBUTE_ROLES, NO_ATTRIBUTES, definitions);
    let app = mount_app(
        "/banks/gh.29.uk/customers/c1/attributes",
        Some("tok"),
        api.clone(),
    );
    open_add_form(&app).await;

    let offered: Vec<String> = app
        .all("#attribute-new-name option")
        .into_iter()
        .filter_map(|o| o.get_attribute("value"))
        .filter(|v| !v.is_empty())
        .collect();
    assert_eq!(
        offered,
        ["PASSPORT_EXPIRY", "RISK_SCORE"],
        "active definitions only"
    );
    assert!(
        app.find("#attribute-new-type").is_none(),
        "the definition fixes the type"
    );

    app.click("Save");
    app.wait_for_text("This field is required").await;
    app.choose("Name", "RISK_SCORE");
    app.wait_for_text("Type INTEGER. Risk from 1 (low) to 10")
        .await;
    app.fill("Value", "high");
    app.click("Save");
    app.wait_for_text("Enter a whole number").await;
    app.choose("Name", "PASSPORT_EXPIRY");
    app.wait_until("a date picker", || app.control("Value").type_() == "date")
        .await;
    app.choose("Name", "RISK_SCORE");
    app.wait_until("a text input", || app.control("Value").type_() == "text")
        .await;
    app.fill("Value", "7");
    saves(
        &app,
        &api,
        serde_json::json!({"name": "RISK_SCORE", "type": "INTEGER", "value": "7"}),
    )
    .await;
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn a_deep_link_opens_its_tab_and_a_failing_panel_fails_alone() {
    let api = api_with(ATTRIBUTE_ROLES)
        .on(Method::Get, "/banks/gh.29.uk/customers/c1", 200, &customer("c1", "100001", "Zoë Müller"))
        .on(Method::Get, "/customers/c1/tax-residences", 200, r#"{"tax_residence":[
            {"tax_residence_id":"t1","domain":"DE","tax_number":"12/345/67890"}]}"#)
        .on(
            Method::Get,
            "/customers/c1/social_media_handles",
            403,
            r#"{"code":403,"message":"OBP-20006: User is missing one or more roles: CanGetSocialMediaHandles"}"#,
        );
    let app = mount_app(
        "/banks/gh.29.uk/customers/c1/tax-social",
        Some("tok"),
        api.clone(),
    );
    app.wait_for_text("12/345/67890").await;
    app.wait_for_text("OBP-20006").await;
    app.wait_for_text("Zoë Müller").await;
    let current = app
        .find(".tabs a[aria-current=\"page\"]")
        .expect("an active tab");
    assert_eq!(current.text_content().unwrap(), "Tax & social");
    assert!(
        app.text().contains("CanGetSocialMediaHandles"),
        "the missing role is named"
    );
    let customer_loads = api
        .requests()
        .iter()
        .filter(|r| r.url.ends_with("/customers/c1"))
        .count();
    assert_eq!(customer_loads, 1);
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn without_roles_the_tab_shows_data_but_no_changes() {
    let attributes = r#"{"customer_attributes":[
        {"customer_attribute_id":"a1","name":"SPECIAL_TAX_NUMBER","type":"STRING","value":"<b>123</b>"}]}"#;
    let roles = &["CanGetCustomer", "CanGetCustomerAttributesAtOneBank"];
    let api = attributes_api(roles, attributes, r#"{"attributes":[]}"#);
    let app = mount_app("/banks/gh.29.uk/customers/c1/attributes", Some("tok"), api);
    app.wait_for_text("<b>123</b>").await;
    app.wait_for_text("Adding attributes needs the role CanCreateCustomerAttributeAtOneBank")
        .await;
    assert!(app.text().contains("Deleting attributes needs the role"));
    assert!(app.button("Add attribute").is_none());
    assert!(app.button("Edit attribute SPECIAL_TAX_NUMBER").is_none());
    assert!(app.button("Delete attribute SPECIAL_TAX_NUMBER").is_none());
    assert!(app.find(".value-cell b").is_none(), "values are text");
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn the_accounts_tab_finds_the_accounts_by_customer_number() {
    let api = api_with(&["CanGetCustomer", "CanGetCustomerOverview"])
        .on(
            Method::Get,
            "/banks/gh.29.uk/customers/c1",
            200,
            &customer("c1", "100001", "Zoë Müller"),
        )
        .on(
            Method::Post,
            "/customers/customer-number-query/overview",
            200,
            fixture!("get-customer-overview"),
        )
        .on(
            Method::Get,
            "/customers/c1/customer-account-links",
            200,
            r#"{"links":[]}"#,
        )
        .on(
            Method::Get,
            "/user_customer_links/customers/c1",
            200,
            r#"{"user_customer_links":[]}"#,
        )
        // Slow, so the customer (and its number) arrives after the tab's first look.
        .slow(30);
    let app = mount_app(
        "/banks/gh.29.uk/customers/c1/accounts",
        Some("tok"),
        api.clone(),
    );
    app.wait_for_text("No accounts are linked to this customer.")
        .await;
    app.wait_until("the accounts", || app.find(".account-card").is_some())
        .await;
    let overview = api
        .requests()
        .into_iter()
        .find(|r| r.url.ends_with("/overview"))
        .expect("the overview was asked for");
    assert_eq!(
        overview.body.as_deref(),
        Some(r#"{"customer_number":"100001"}"#)
    );
    app.assert_no_console_errors();
}

const DE: &str = "obp.bank.de";

/// Customer c9 at obp.bank.de, with no addresses, for a user holding `grants`.
fn german_customer_api(grants: &[(&str, &str)]) -> Arc<FakeTransport> {
    api_for(&user_with(grants))
        .on(
            Method::Get,
            "/banks/obp.bank.de/customers/c9",
            200,
            &customer_at(DE, "c9", "200009", "Jürgen Weiß"),
        )
        .on(
            Method::Get,
            "/customers/c9/addresses",
            200,
            r#"{"addresses":[]}"#,
        )
        .on(
            Method::Post,
            "/customers/c9/address",
            201,
            r#"{"customer_address_id":"a9","customer_id":"c9","line_1":"Unter den Linden 1",
                "city":"Berlin","country_code":"DE","tags":[],"status":""}"#,
        )
}

/// The URLs of the requests sent below `/banks/…/` (the bank list itself left out).
fn bank_paths(api: &FakeTransport) -> Vec<String> {
    api.requests()
        .into_iter()
        .map(|r| r.url)
        .filter(|url| url.contains("/banks/"))
        .collect()
}

#[wasm_bindgen_test]
async fn a_customer_of_another_bank_is_read_and_changed_at_its_own_bank() {
    let roles = [
        "CanGetCustomer",
        "CanGetCustomerAddress",
        "CanCreateCustomerAddress",
    ];
    let grants: Vec<(&str, &str)> = roles.iter().map(|role| (*role, DE)).collect();
    let api = german_customer_api(&grants);
    // The header's bank is gh.29.uk (the config's default).
    let app = mount_app(
        "/banks/obp.bank.de/customers/c9/addresses",
        Some("tok"),
        api.clone(),
    );
    app.wait_for_text("Jürgen Weiß").await;
    app.wait_for_text("No addresses on file.").await;
    app.click("Add address");
    app.wait_for_text("New address").await;
    app.fill("Line 1", "Unter den Linden 1");
    app.fill("City", "Berlin");
    app.fill("Country", "de");
    app.click("Save");
    app.wait_until("the address to be sent", || {
        api.requests().iter().any(|r| r.method == Method::Post)
    })
    .await;
    app.wait_until("the form to close", || app.button("Add address").is_some())
        .await;

    let paths = bank_paths(&api);
    assert!(
        paths
            .iter()
            .any(|u| u.ends_with("/banks/obp.bank.de/customers/c9/address")),
        "{paths:#?}"
    );
    assert!(
        paths
            .iter()
            .all(|u| u.contains("/banks/obp.bank.de/customers/c9")),
        "every read and change is at the customer's bank: {paths:#?}"
    );
    let tabs: Vec<String> = app
        .all(".tabs a")
        .into_iter()
        .filter_map(|a| a.get_attribute("href"))
        .collect();
    assert_eq!(tabs[1], "/banks/obp.bank.de/customers/c9/addresses");
    assert!(tabs
        .iter()
        .all(|href| href.starts_with("/banks/obp.bank.de/customers/c9")));
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn roles_are_checked_at_the_customers_bank_not_the_headers() {
    // Every address role, but at the header's bank only.
    let api = german_customer_api(&[
        ("CanGetCustomer", DE),
        ("CanGetCustomerAddress", DE),
        ("CanCreateCustomerAddress", "gh.29.uk"),
        ("CanDeleteCustomerCascade", "gh.29.uk"),
    ]);
    let app = mount_app(
        "/banks/obp.bank.de/customers/c9/addresses",
        Some("tok"),
        api,
    );
    app.wait_for_text("No addresses on file.").await;
    app.wait_for_text("Adding addresses needs the role CanCreateCustomerAddress")
        .await;
    app.wait_for_text("Deleting customers needs the role CanDeleteCustomerCascade")
        .await;
    assert!(app.button("Add address").is_none());
    assert!(app.button("Delete customer").is_none());
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn a_legacy_link_is_replaced_by_the_customers_own_bank() {
    // No customer role at the header's bank: the lookup falls back to obp.bank.de.
    let api = german_customer_api(&[("CanGetCustomer", DE), ("CanGetCustomerAddress", DE)]).on(
        Method::Get,
        "/banks/gh.29.uk/customers/c9",
        403,
        r#"{"code":403,"message":"OBP-20006: User is missing one or more roles: CanGetCustomer at Bank(gh.29.uk)"}"#,
    )
    // Slow, so the page opens before the user's roles are known.
    .slow(30);
    let history = web_sys::window().unwrap().history().unwrap();
    let app = mount_app(
        "/customers/c9/addresses?from=mail#top",
        Some("tok"),
        api.clone(),
    );
    let entries = history.length().unwrap();
    app.wait_until("the customer's own bank in the URL", || {
        location() == "/banks/obp.bank.de/customers/c9/addresses?from=mail"
    })
    .await;
    app.wait_for_text("No addresses on file.").await;
    app.wait_for_text("Jürgen Weiß").await;
    assert_eq!(
        web_sys::window().unwrap().location().hash().unwrap(),
        "#top"
    );
    assert_eq!(history.length().unwrap(), entries, "replaced, not pushed");
    let current = app
        .find(".tabs a[aria-current=\"page\"]")
        .expect("an active tab");
    assert_eq!(current.text_content().unwrap(), "Addresses");
    let asked: Vec<String> = bank_paths(&api)
        .into_iter()
        .filter(|u| u.ends_with("/customers/c9"))
        .collect();
    assert_eq!(
        asked.len(),
        3,
        "header bank, its own bank, then the page: {asked:#?}"
    );
    assert!(asked[0].ends_with("/banks/gh.29.uk/customers/c9"));
    assert!(asked[1..]
        .iter()
        .all(|u| u.ends_with("/banks/obp.bank.de/customers/c9")));
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn a_url_naming_another_bank_moves_to_the_customers_own() {
    // OBP answers Get Customer at any bank: the record names the customer's own.
    let api = german_customer_api(&[("CanGetCustomer", "gh.29.uk"), ("CanGetCustomer", DE)]).on(
        Method::Get,
        "/banks/gh.29.uk/customers/c9",
        200,
        &customer_at(DE, "c9", "200009", "Jürgen Weiß"),
    );
    let app = mount_app("/banks/gh.29.uk/customers/c9/addresses", Some("tok"), api);
    app.wait_until("the customer's own bank in the URL", || {
        location() == "/banks/obp.bank.de/customers/c9/addresses"
    })
    .await;
    app.wait_for_text("Jürgen Weiß").await;
    app.assert_no_console_errors();
}
