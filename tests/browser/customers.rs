//! Headless-browser tests of the customer pages on a fake API: the list's paging in the URL, the
//! create form's checks, role gating, inline edits, a delete confirmed by name, and
//! phone and number searches sent exactly as typed.

use std::sync::Arc;

use crate::support::{
    dom::{back, location, mount_app, sleep},
    obp::{api_with, customer, json_body, last_body, page_of, urls_to, STAFF_ROLES},
    FakeTransport,
};
use customer_console::api::{encode_segment, Method};
use wasm_bindgen_test::*;

const AUDITOR_ROLES: &[&str] = &["CanGetCustomers", "CanGetCustomer"];

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
    assert!(urls_to(&api, Method::Get, "/customers?")
        .iter()
        .any(|u| u.ends_with("/banks/gh.29.uk/customers?limit=10&offset=20&sort_direction=DESC")));
    assert_eq!(app.control("Rows per page").value(), "10");

    app.click("Next \u{2192}");
    app.wait_for_text("Rows 31\u{2013}40").await;
    assert_eq!(location(), "/customers?limit=10&offset=30");
    assert!(urls_to(&api, Method::Get, "offset=30").len() == 1);

    app.click("\u{2190} Previous");
    app.wait_for_text("Rows 21\u{2013}30").await;
    assert_eq!(location(), "/customers?limit=10&offset=20");

    // Opening a customer does not reload the list behind it.
    let lists_before = urls_to(&api, Method::Get, "/banks/gh.29.uk/customers?").len();
    app.fill("Customer number", "100004");
    app.click("Find");
    app.wait_until("the detail page", || {
        location() == "/banks/gh.29.uk/customers/c3"
    })
    .await;
    sleep(100).await;
    assert_eq!(
        urls_to(&api, Method::Get, "/banks/gh.29.uk/customers?").len(),
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
        urls_to(&api, Method::Post, "/customers").is_empty(),
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
    assert_eq!(urls_to(&api, Method::Post, "/customers").len(), 1);
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
        urls_to(&api, Method::Get, "/customers/c1").len(),
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
    assert_eq!(urls_to(&api, Method::Delete, "/customers/c1").len(), 1);
    assert_eq!(
        urls_to(&api, Method::Get, "/customers/c1").len(),
        1,
        "a deleted customer is not fetched again: {:#?}",
        api.requests()
            .iter()
            .map(|r| format!("{:?} {}", r.method, r.url))
            .collect::<Vec<_>>()
    );
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
        let lists = urls_to(&api, Method::Get, "/banks/gh.29.uk/customers?");
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
