//! Headless-browser tests of how the customer list looks: the column chooser (kept in
//! localStorage per backend kind, the name column always shown) and personal data masked until
//! "Show personal data" (this tab only), on both backends.

use customer_console::{
    api::Method,
    config::{AppConfig, BackendKind},
};
use wasm_bindgen_test::*;

use crate::support::{
    dom::{mount_app, mount_with, Mounted},
    obp::{api_with, customer},
    FakeTransport,
};

const OBP_KEY: &str = "customer-console.hidden-columns.obp";
const ENTERPRISE_KEY: &str = "customer-console.hidden-columns.enterprise";

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn one_customer() -> std::sync::Arc<FakeTransport> {
    api_with(&["CanGetCustomers"]).on(
        Method::Get,
        "/banks/gh.29.uk/customers",
        200,
        &format!(
            r#"{{"customers":[{}]}}"#,
            customer("c1", "100001", "Ada Lovelace")
        ),
    )
}

fn headings(app: &Mounted) -> Vec<String> {
    app.all("thead th")
        .into_iter()
        .filter_map(|th| th.text_content())
        .collect()
}

#[wasm_bindgen_test]
async fn chosen_columns_are_kept_in_this_browser_and_the_name_stays() {
    local().remove_item(OBP_KEY).unwrap();
    let app = mount_app("/customers", Some("tok"), one_customer());
    app.wait_for_text("Ada Lovelace").await;
    assert!(headings(&app).contains(&"Email".to_owned()));
    assert!(
        app.control("Legal name").disabled(),
        "the name cannot be hidden"
    );

    app.control("Email").click();
    app.control("Branch").click();
    app.wait_until("Email and Branch hidden", || {
        headings(&app)
            == [
                "Customer number",
                "Legal name",
                "Mobile phone",
                "Date of birth",
                "KYC",
            ]
    })
    .await;
    assert!(!app.text().contains("LDN-01"), "no branch cell");
    assert_eq!(
        local().get_item(OBP_KEY).unwrap().as_deref(),
        Some("email,branch")
    );
    app.assert_no_console_errors();
    drop(app);

    let app = mount_app("/customers", Some("tok"), one_customer());
    app.wait_for_text("Ada Lovelace").await;
    assert!(
        !headings(&app).contains(&"Email".to_owned()),
        "kept across loads"
    );
    assert!(!app.control("Email").checked());
    app.control("Email").click();
    app.control("Branch").click();
    app.wait_until("every column back", || headings(&app).len() == 7)
        .await;
    assert_eq!(local().get_item(OBP_KEY).unwrap(), None);
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn personal_data_is_masked_until_shown_and_masked_again_after_a_reload() {
    let app = mount_app("/customers", Some("tok"), one_customer());
    app.wait_for_text("Ada Lovelace").await;
    let text = app.text();
    for masked in [
        "c\u{2022}\u{2022}\u{2022}@example.com",
        "0123",
        "19\u{2022}\u{2022}-\u{2022}\u{2022}-\u{2022}\u{2022}",
    ] {
        assert!(text.contains(masked), "{masked:?} in {text}");
    }
    for secret in ["c@example.com", "+447700900123", "1984-07-21"] {
        assert!(!text.contains(secret), "{secret:?} is masked");
    }

    app.control("Show personal data").click();
    app.wait_for_text("c@example.com").await;
    assert!(app.text().contains("+447700900123"));
    assert!(app.text().contains("1984-07-21"));
    app.assert_no_console_errors();
    drop(app);

    let app = mount_app("/customers", Some("tok"), one_customer());
    app.wait_for_text("Ada Lovelace").await;
    assert!(!app.control("Show personal data").checked());
    assert!(
        !app.text().contains("c@example.com"),
        "revealing lasts for the page only"
    );
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn the_enterprise_list_masks_and_keeps_its_own_columns() {
    local().remove_item(ENTERPRISE_KEY).unwrap();
    local().remove_item(OBP_KEY).unwrap();
    let customer = serde_json::json!({
        "id": "e1", "company": "Bakkerij de Vries BV", "first_name": "", "last_name": "",
        "email": "info@example.nl", "phone": "31201234567", "created": "2025-01-02T10:00:00.000Z",
        "address": {"premise": 1, "sub_premise": "", "building": "", "postal_code": "1012 AB",
                    "thoroughfare": "Damrak", "locality": "Amsterdam", "state": "", "country": "NL"}
    });
    let page =
        serde_json::json!({"page": 1, "pages": 1, "size": 20, "count": 1, "data": [customer]});
    let api = FakeTransport::new().on(
        Method::Get,
        "/v1/profiles/demo-profile/customers",
        200,
        &page.to_string(),
    );
    let config = AppConfig {
        backend: BackendKind::Enterprise,
        profile_ids: vec!["demo-profile".to_owned()],
        ..AppConfig::default()
    };
    let app = mount_with(config, "/customers", Some("tok"), api);
    app.wait_for_text("Bakkerij de Vries BV").await;
    let text = app.text();
    assert!(
        text.contains("i\u{2022}\u{2022}\u{2022}@example.nl"),
        "{text}"
    );
    assert!(text.contains("\u{2022}4567"), "{text}");
    assert!(!text.contains("info@example.nl") && !text.contains("31201234567"));

    app.control("Place").click();
    app.wait_until("Place hidden", || {
        !headings(&app).contains(&"Place".to_owned())
    })
    .await;
    assert_eq!(
        local().get_item(ENTERPRISE_KEY).unwrap().as_deref(),
        Some("place")
    );
    assert_eq!(
        local().get_item(OBP_KEY).unwrap(),
        None,
        "each backend keeps its own"
    );
    local().remove_item(ENTERPRISE_KEY).unwrap();
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn the_export_dialog_names_the_rows_columns_file_and_whether_personal_data_is_in_it() {
    local().remove_item(OBP_KEY).unwrap();
    let app = mount_app("/customers", Some("tok"), one_customer());
    app.wait_for_text("Ada Lovelace").await;
    app.control("Branch").click();
    let button = app.button("Export CSV\u{2026}").expect("the export button");
    button.focus().unwrap();
    button.click();
    app.wait_until("the export dialog", || app.find("[role=dialog]").is_some())
        .await;
    let dialog = app.find("[role=dialog]").unwrap();
    assert_eq!(
        dialog.get_attribute("aria-labelledby").as_deref(),
        Some("export-title")
    );
    let text = dialog.text_content().unwrap_or_default();
    for said in [
        "Export customers to CSV",
        "This page: 1 customer",
        "Columns: Customer number, Legal name, Email, Mobile phone, Date of birth, KYC",
        "is masked, so the file holds it masked",
        "customers-gh.29.uk-",
    ] {
        assert!(text.contains(said), "{said:?} in {text}");
    }

    app.press("Escape");
    app.wait_until("focus back on the export button", || {
        app.find("[role=dialog]").is_none()
            && web_sys::window()
                .and_then(|w| w.document()?.active_element())
                .and_then(|e| e.text_content())
                .as_deref()
                == Some("Export CSV\u{2026}")
    })
    .await;
    app.control("Show personal data").click();
    app.click("Export CSV\u{2026}");
    app.wait_for_text("is revealed, so the file holds it in full")
        .await;
    app.click("Cancel");
    app.wait_until("the dialog closed", || app.find("[role=dialog]").is_none())
        .await;
    local().remove_item(OBP_KEY).unwrap();
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn signing_out_masks_personal_data_again_for_the_next_user() {
    let api = one_customer().on(
        Method::Post,
        "/my/logins/direct",
        201,
        r#"{"token":"next-user"}"#,
    );
    let app = mount_app("/customers", Some("tok"), api);
    app.wait_for_text("Ada Lovelace").await;
    app.control("Show personal data").click();
    app.wait_for_text("c@example.com").await;

    app.click("Sign out");
    app.wait_until("the sign-in form", || app.button("Sign in").is_some())
        .await;
    app.fill("Username", "next");
    app.fill("Password", "next-password-1");
    app.click("Sign in");
    app.wait_for_text("Ada Lovelace").await;
    assert!(!app.control("Show personal data").checked());
    assert!(
        !app.text().contains("c@example.com"),
        "masked for the next user"
    );
    app.assert_no_console_errors();
}
