//! Headless-browser tests of the confirmations: the toast region announces each change politely,
//! a toast is dismissed with its labelled button, a success hides itself and an error stays; Undo
//! of a delete re-creates the record from the values the console showed and says when it came
//! back under a new id; the changed card and row are highlighted for a moment.

use std::sync::Arc;

use std::{cell::Cell, rc::Rc, time::Duration};

use crate::support::{
    dom::{mount_app, sleep, Mounted},
    obp::{api_with, customer, posted, STAFF_ROLES},
    FakeTransport,
};
use customer_console::{
    api::Method,
    components::{ToastRegion, ToastTimes, Toasts},
};
use leptos::{mount::mount_to, prelude::*};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

const CUSTOMER: &str = "/banks/gh.29.uk/customers/c1";

/// The text of the toast region, which must be a polite live region.
fn toasts(app: &Mounted) -> String {
    let region = app
        .find(".toasts")
        .expect("the toast region is in the page");
    assert_eq!(region.get_attribute("aria-live").as_deref(), Some("polite"));
    region.text_content().unwrap_or_default()
}

/// A fake OBP with the user's `roles` and customer c1, Zoë Müller, at gh.29.uk.
fn zoe(roles: &[&str]) -> Arc<FakeTransport> {
    api_with(roles).on(
        Method::Get,
        CUSTOMER,
        200,
        &customer("c1", "100001", "Zoë Müller"),
    )
}

/// Presses "Yes, delete" once the dialog shows it.
async fn confirm(app: &Mounted) {
    app.wait_until("the dialog", || app.button("Yes, delete").is_some())
        .await;
    app.click("Yes, delete");
}

/// Customer c1, Zoë Müller, whose email can be changed.
fn email_api() -> Arc<FakeTransport> {
    let updated =
        customer("c1", "100001", "Zoë Müller").replace("c@example.com", "zoe@bank.example");
    zoe(STAFF_ROLES).on(Method::Put, "/customers/c1/email", 200, &updated)
}

#[wasm_bindgen_test]
async fn a_saved_edit_is_announced_and_its_card_highlighted() {
    let app = mount_app(CUSTOMER, Some("tok"), email_api());
    app.wait_until("Edit email", || app.button("Edit email").is_some())
        .await;
    assert_eq!(
        toasts(&app),
        "",
        "the region is there, empty, before any change"
    );
    app.click("Edit email");
    app.wait_until("the email form", || app.button("Save").is_some())
        .await;
    app.fill("Email", "zoe@bank.example");
    app.click("Save");
    app.wait_until("the toast", || {
        toasts(&app).contains("Email of Zoë Müller updated")
    })
    .await;
    assert!(app.text().contains("zoe@bank.example"));
    let toast = app.find(".toasts .toast").unwrap();
    assert_eq!(toast.get_attribute("role"), None, "a success is no alert");
    assert!(
        app.find(".edit-card.changed").is_some(),
        "the card is highlighted"
    );
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn a_toast_is_dismissed_with_its_button() {
    let app = mount_app(CUSTOMER, Some("tok"), email_api());
    app.wait_until("Edit email", || app.button("Edit email").is_some())
        .await;
    app.click("Edit email");
    app.wait_until("the email form", || app.button("Save").is_some())
        .await;
    app.click("Save");
    app.wait_until("the toast", || toasts(&app).contains("updated"))
        .await;
    app.click("Dismiss: Email of Zoë Müller updated");
    app.wait_until("the toast to go", || toasts(&app).is_empty())
        .await;
    app.assert_no_console_errors();
}

const ATTRIBUTE_ROLES: &[&str] = &[
    "CanGetCustomer",
    "CanGetCustomerAttributesAtOneBank",
    "CanCreateCustomerAttributeAtOneBank",
    "CanDeleteCustomerAttributeAtOneBank",
];
const TIER: &str = r#"{"customer_attribute_id":"a1","name":"TIER","type":"STRING","value":"gold"}"#;
const ATTRIBUTE_PATH: &str = "/banks/gh.29.uk/customers/c1/attribute";

/// Customer c1 with the attribute TIER = gold, which can be deleted; a create answers `create`.
fn attribute_api(create: (u16, &str)) -> Arc<FakeTransport> {
    zoe(ATTRIBUTE_ROLES)
        .on(
            Method::Get,
            "/customers/c1/attributes",
            200,
            &format!(r#"{{"customer_attributes":[{TIER}]}}"#),
        )
        .on(
            Method::Get,
            "/attribute-definitions/customer",
            200,
            r#"{"attributes":[]}"#,
        )
        .on(
            Method::Delete,
            "/banks/gh.29.uk/customers/attributes/a1",
            204,
            "",
        )
        .on(Method::Post, ATTRIBUTE_PATH, create.0, create.1)
}

/// Deletes TIER and waits for the toast offering Undo; the list is empty from then on.
async fn delete_tier(app: &Mounted, api: &Arc<FakeTransport>) {
    app.wait_until("the attribute", || {
        app.button("Delete attribute TIER").is_some()
    })
    .await;
    app.click("Delete attribute TIER");
    api.on(
        Method::Get,
        "/customers/c1/attributes",
        200,
        r#"{"customer_attributes":[]}"#,
    );
    confirm(app).await;
    app.wait_until("the toast with Undo", || {
        toasts(app).contains("Attribute TIER deleted from Zoë Müller")
            && app.button("Undo").is_some()
    })
    .await;
    app.wait_for_text("No attributes yet.").await;
}

#[wasm_bindgen_test]
async fn undo_recreates_a_deleted_attribute_with_its_values_and_says_it_is_new() {
    let restored = r#"{"customer_attribute_id":"a2","name":"TIER","type":"STRING","value":"gold"}"#;
    let api = attribute_api((201, restored));
    let app = mount_app(&format!("{CUSTOMER}/attributes"), Some("tok"), api.clone());
    delete_tier(&app, &api).await;
    assert!(app
        .button("Undo: Attribute TIER deleted from Zoë Müller")
        .is_some());
    api.on(
        Method::Get,
        "/customers/c1/attributes",
        200,
        &format!(r#"{{"customer_attributes":[{restored}]}}"#),
    );
    app.click("Undo");
    app.wait_until("the restored toast", || {
        toasts(&app).contains("Attribute TIER restored to Zoë Müller as a new record")
    })
    .await;
    assert_eq!(
        posted(&api, ATTRIBUTE_PATH),
        [serde_json::json!({"name": "TIER", "type": "STRING", "value": "gold"})],
        "re-created once, from the values shown"
    );
    assert!(!toasts(&app).contains("deleted"), "the Undo toast is gone");
    app.wait_until("the restored row, highlighted", || {
        app.find("tr.changed")
            .is_some_and(|row| row.text_content().unwrap_or_default().contains("gold"))
    })
    .await;
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn a_failed_undo_is_an_alert_until_dismissed() {
    let refused = r#"{"code":400,"message":"OBP-30001: Could not insert the customer attribute."}"#;
    let api = attribute_api((400, refused));
    let app = mount_app(&format!("{CUSTOMER}/attributes"), Some("tok"), api.clone());
    delete_tier(&app, &api).await;
    app.click("Undo");
    app.wait_until("the error toast", || {
        app.find(".toasts [role=alert]").is_some()
    })
    .await;
    let error = toasts(&app);
    assert!(
        error.contains("Attribute TIER deleted from Zoë Müller; undo failed"),
        "{error}"
    );
    assert!(
        error.contains("Could not insert the customer attribute."),
        "{error}"
    );
    let dismiss = format!("Dismiss: {}", error.trim_end_matches('\u{00d7}'));
    app.click(&dismiss);
    app.wait_until("the error to go", || toasts(&app).is_empty())
        .await;
    assert_eq!(posted(&api, ATTRIBUTE_PATH).len(), 1, "Undo sent once");
    app.assert_no_console_errors();
}

const ADDRESS: &str = r#"{"customer_address_id":"ad1","customer_id":"c1","line_1":"1 Canal Street",
    "line_2":"Flat 2","line_3":"","city":"Amsterdam","county":"","state":"North Holland",
    "postcode":"1012 AB","country_code":"NL","tags":["home","mail"],"status":"current",
    "insert_date":"2024-01-02T00:00:00Z"}"#;

#[wasm_bindgen_test]
async fn undo_recreates_a_deleted_address_with_every_field_it_had() {
    let api = zoe(&[
        "CanGetCustomer",
        "CanGetCustomerAddress",
        "CanCreateCustomerAddress",
        "CanDeleteCustomerAddress",
    ])
    .on(
        Method::Get,
        "/customers/c1/addresses",
        200,
        &format!(r#"{{"addresses":[{ADDRESS}]}}"#),
    )
    .on(Method::Delete, "/customers/c1/addresses/ad1", 204, "")
    .on(
        Method::Post,
        "/customers/c1/address",
        201,
        &ADDRESS.replace("\"ad1\"", "\"ad2\""),
    );
    let app = mount_app(&format!("{CUSTOMER}/addresses"), Some("tok"), api.clone());
    let delete = "Delete address 1 Canal Street, Amsterdam, 1012 AB, NL";
    app.wait_until("the address", || app.button(delete).is_some())
        .await;
    app.click(delete);
    confirm(&app).await;
    app.wait_until("the toast with Undo", || app.button("Undo").is_some())
        .await;
    assert!(toasts(&app).contains("Address deleted from Zoë Müller"));
    app.click("Undo");
    app.wait_until("the restored toast", || {
        toasts(&app).contains("Address restored to Zoë Müller as a new record")
    })
    .await;
    assert_eq!(
        posted(&api, "/customers/c1/address"),
        [serde_json::json!({
            "line_1": "1 Canal Street", "line_2": "Flat 2", "line_3": "", "city": "Amsterdam",
            "county": "", "state": "North Holland", "postcode": "1012 AB", "country_code": "NL",
            "status": "current", "tags": ["home", "mail"]
        })]
    );
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn undo_recreates_a_deleted_tax_residence() {
    let api = zoe(&[
        "CanGetCustomer",
        "CanGetTaxResidence",
        "CanDeleteTaxResidence",
    ])
    .on(
        Method::Get,
        "/customers/c1/tax-residences",
        200,
        r#"{"tax_residence":[{"tax_residence_id":"t1","domain":"DE","tax_number":"12/345"}]}"#,
    )
    .on(Method::Delete, "/customers/c1/tax_residencies/t1", 204, "")
    .on(
        Method::Post,
        "/customers/c1/tax-residence",
        201,
        r#"{"tax_residence_id":"t2","domain":"DE","tax_number":"12/345"}"#,
    );
    let app = mount_app(&format!("{CUSTOMER}/tax-social"), Some("tok"), api.clone());
    app.wait_until("the tax residence", || {
        app.button("Delete tax residence DE 12/345").is_some()
    })
    .await;
    app.click("Delete tax residence DE 12/345");
    confirm(&app).await;
    app.wait_until("the toast with Undo", || app.button("Undo").is_some())
        .await;
    assert!(toasts(&app).contains("Tax residence deleted from Zoë Müller"));
    app.click("Undo");
    app.wait_until("the restored toast", || {
        toasts(&app).contains("Tax residence restored to Zoë Müller as a new record")
    })
    .await;
    assert_eq!(
        posted(&api, "/customers/c1/tax-residence"),
        [serde_json::json!({"domain": "DE", "tax_number": "12/345"})]
    );
    app.assert_no_console_errors();
}

/// The toast region alone, with `times`; the toasts it shows.
fn mount_region(times: ToastTimes) -> (HtmlElement, Toasts, impl Drop) {
    let document = web_sys::window().unwrap().document().unwrap();
    let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    let made = Rc::new(Cell::new(None));
    let handle = mount_to(root.clone(), {
        let made = made.clone();
        move || {
            let toasts = Toasts::new(times);
            made.set(Some(toasts));
            provide_context(toasts);
            view! { <ToastRegion /> }
        }
    });
    (root, made.get().expect("the region was made"), handle)
}

/// The button of `root` whose text is `text`.
fn button_of(root: &HtmlElement, text: &str) -> Option<HtmlElement> {
    let buttons = root.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i)?.dyn_into::<HtmlElement>().ok())
        .find(|b| b.text_content().as_deref() == Some(text))
}

#[wasm_bindgen_test]
fn toasts_stay_six_seconds_and_offer_undo_for_eight() {
    assert_eq!(
        ToastTimes::default(),
        ToastTimes {
            success: Duration::from_secs(6),
            undo: Duration::from_secs(8),
        }
    );
}

#[wasm_bindgen_test]
async fn a_success_hides_itself_an_undo_later_and_an_error_stays() {
    let (root, toasts, handle) = mount_region(ToastTimes {
        success: Duration::from_millis(200),
        undo: Duration::from_millis(400),
    });
    let undone = Rc::new(Cell::new(0));
    toasts.success("Email of Zoë Müller updated");
    toasts.error("Address deleted from Zoë Müller; undo failed");
    toasts.with_undo("Attribute TIER deleted from Zoë Müller", {
        let undone = undone.clone();
        move || undone.set(undone.get() + 1)
    });
    let text = || root.text_content().unwrap_or_default();
    sleep(20).await;
    assert!(text().contains("Email of Zoë Müller updated"));
    let alerts = root.query_selector_all("[role=alert]").unwrap();
    assert_eq!(alerts.length(), 1, "only the error is an alert");
    assert!(button_of(&root, "Undo").is_some());

    sleep(300).await;
    assert!(!text().contains("updated"), "the success hid itself");
    assert!(
        text().contains("Attribute TIER deleted"),
        "Undo outlasts a success"
    );
    sleep(200).await;
    assert!(button_of(&root, "Undo").is_none(), "Undo is over");
    assert_eq!(undone.get(), 0, "and was never run");
    assert!(text().contains("undo failed"), "the error stays");
    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn undo_runs_once_and_takes_its_toast_away() {
    let (root, toasts, handle) = mount_region(ToastTimes::default());
    let undone = Rc::new(Cell::new(0));
    toasts.with_undo("Address deleted from Zoë Müller", {
        let undone = undone.clone();
        move || undone.set(undone.get() + 1)
    });
    sleep(20).await;
    let undo = button_of(&root, "Undo").expect("an Undo button");
    assert_eq!(
        undo.get_attribute("aria-label").as_deref(),
        Some("Undo: Address deleted from Zoë Müller")
    );
    undo.click();
    undo.click();
    sleep(20).await;
    assert_eq!(undone.get(), 1);
    assert_eq!(root.text_content().unwrap_or_default(), "");
    drop(handle);
    root.remove();
}
