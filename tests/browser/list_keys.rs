//! Headless-browser tests of the keyboard-first lists on a fake API: `j`/`k`/arrows move a
//! visible selection and `Enter` opens it, `/` focuses the customer search, nothing fires while the
//! user types or a dialog is open, and `?` opens the shortcut help, which gives focus back.

use std::{cell::Cell, rc::Rc, sync::Arc};

use customer_console::api::Method;
use wasm_bindgen::{prelude::Closure, JsCast};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

use crate::{
    lists::crm_api,
    support::{
        dom::{location, mount_app, Mounted},
        obp::{api_with, customer},
        FakeTransport,
    },
};

fn two_customers() -> Arc<FakeTransport> {
    two_customers_for(&["CanGetCustomers"])
}

/// Two customers at gh.29.uk, for a user holding `roles`.
fn two_customers_for(roles: &[&str]) -> Arc<FakeTransport> {
    let rows = [
        customer("c1", "100001", "Ada Lovelace"),
        customer("c2", "100002", "Zoë Müller"),
    ];
    api_with(roles).on(
        Method::Get,
        "/banks/gh.29.uk/customers",
        200,
        &format!(r#"{{"customers":[{}]}}"#, rows.join(",")),
    )
}

/// The element that has focus.
fn focused() -> Option<Element> {
    web_sys::window()?.document()?.active_element()
}

/// Takes focus away from any control, as a click on the page's background does.
fn blur() {
    if let Some(element) = focused().and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        element.blur().unwrap();
    }
}

/// The text of the selected rows.
fn selected(app: &Mounted) -> Vec<String> {
    app.all("tbody tr[aria-selected=\"true\"]")
        .into_iter()
        .filter_map(|row| row.text_content())
        .collect()
}

#[wasm_bindgen_test]
async fn j_k_and_arrows_move_the_selection_and_enter_opens_it() {
    let app = mount_app("/customers", Some("tok"), two_customers());
    app.wait_for_text("Zoë Müller").await;
    assert!(selected(&app).is_empty(), "no row is selected at first");

    app.press("j");
    assert!(selected(&app)[0].contains("Ada Lovelace"));
    assert_eq!(
        focused().and_then(|e| e.text_content()).as_deref(),
        Some("Ada Lovelace"),
        "the row's link has focus, so focus stays visible"
    );
    app.press("ArrowDown");
    assert!(selected(&app)[0].contains("Zoë Müller"));
    app.press("j");
    assert!(
        selected(&app)[0].contains("Zoë Müller"),
        "stays on the last row"
    );
    app.press("k");
    assert_eq!(selected(&app).len(), 1);
    assert!(selected(&app)[0].contains("Ada Lovelace"));
    app.press("ArrowDown");
    app.press("ArrowUp");
    assert!(selected(&app)[0].contains("Ada Lovelace"));

    // Enter clicks the selected row's link (the e2e tests follow it: here, as `follow` says,
    // a click may reach an earlier test's router, so the click is only recorded).
    let link = app.find("tbody tr[aria-selected=\"true\"] a").unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/banks/gh.29.uk/customers/c1")
    );
    let clicks = Rc::new(Cell::new(0));
    let count = clicks.clone();
    let on_click = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        event.prevent_default();
        count.set(count.get() + 1);
    });
    link.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref())
        .unwrap();
    blur();
    app.press("Enter");
    assert_eq!(clicks.get(), 1, "Enter opens the selected row");
    link.remove_event_listener_with_callback("click", on_click.as_ref().unchecked_ref())
        .unwrap();
    assert_eq!(location(), "/customers");
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn slash_focuses_the_search_field_and_no_shortcut_fires_while_typing() {
    let app = mount_app("/customers", Some("tok"), two_customers());
    app.wait_for_text("Zoë Müller").await;

    app.press("/");
    assert_eq!(
        focused().map(|e| e.id()).as_deref(),
        Some("customer-search")
    );
    for key in ["j", "ArrowDown", "n", "?", "/"] {
        app.press(key);
    }
    assert!(
        selected(&app).is_empty(),
        "keys typed in a field move nothing"
    );
    assert!(app.find("[role=dialog]").is_none(), "nor open the help");
    assert_eq!(location(), "/customers");
    assert_eq!(
        focused().map(|e| e.id()).as_deref(),
        Some("customer-search")
    );

    app.choose("Scope", "bank");
    let scope: HtmlElement = app.find("#list-scope").unwrap().unchecked_into();
    scope.focus().unwrap();
    app.press("j");
    assert!(selected(&app).is_empty(), "nor while a select has focus");
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn n_starts_a_new_customer_for_users_who_may_create() {
    let app = mount_app("/customers", Some("tok"), two_customers());
    app.wait_for_text("Zoë Müller").await;
    app.press("n");
    assert_eq!(location(), "/customers", "this user may not create");
    drop(app);

    let api = two_customers_for(&["CanGetCustomers", "CanCreateCustomer"]);
    let app = mount_app("/customers", Some("tok"), api);
    app.wait_for_text("New customer").await;
    app.press("n");
    app.wait_until("the create page", || location() == "/customers/new")
        .await;
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn question_mark_opens_the_help_and_escape_gives_focus_back() {
    let app = mount_app("/customers", Some("tok"), two_customers());
    app.wait_for_text("Zoë Müller").await;

    app.press("?");
    app.wait_until("the help dialog", || app.find("[role=dialog]").is_some())
        .await;
    assert_eq!(app.modal_title(), "Keyboard shortcuts");
    let text = app
        .find("[role=dialog]")
        .unwrap()
        .text_content()
        .unwrap_or_default();
    for listed in [
        "Select the next row",
        "Open the selected row",
        "New customer",
        "Find a customer",
        "Ctrl+K",
    ] {
        assert!(text.contains(listed), "the help lists {listed:?}: {text}");
    }
    app.wait_until("focus in the dialog", || {
        focused().and_then(|e| e.text_content()).as_deref() == Some("Close")
    })
    .await;
    app.press("j");
    assert!(selected(&app).is_empty(), "list keys rest under a dialog");
    app.press("Escape");
    app.wait_until("the dialog closed", || app.find("[role=dialog]").is_none())
        .await;

    // With the mouse: the button opens it, and focus comes back to the button.
    let button = app.button("Keyboard shortcuts").expect("the help button");
    button.focus().unwrap();
    button.click();
    app.wait_until("the help dialog", || app.find("[role=dialog]").is_some())
        .await;
    app.wait_until("focus in the dialog", || {
        focused().and_then(|e| e.text_content()).as_deref() == Some("Close")
    })
    .await;
    app.click("Close");
    app.wait_until("focus back on the button", || {
        app.find("[role=dialog]").is_none()
            && focused().and_then(|e| e.text_content()).as_deref() == Some("Keyboard shortcuts")
    })
    .await;
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn meetings_and_crm_events_answer_the_same_keys() {
    let api = api_with(&[]).on(
        Method::Get,
        "/banks/gh.29.uk/meetings",
        200,
        fixture!("get-meetings"),
    );
    let app = mount_app("/meetings", Some("tok"), api);
    app.wait_for_text("String, eg: onboarding").await;
    app.press("j");
    assert_eq!(selected(&app).len(), 1, "a meeting row is selected");
    assert!(
        focused().is_some_and(|e| e.tag_name() == "A"),
        "its link has focus"
    );
    drop(app);

    let app = mount_app("/crm-events", Some("tok"), crm_api());
    app.wait_for_text("5 of 5 events").await;
    app.press("/");
    assert_eq!(focused().map(|e| e.id()).as_deref(), Some("crm-category"));
    blur();
    app.press("j");
    app.press("j");
    let second = app.all("tbody tr")[1].text_content();
    assert_eq!(selected(&app), [second.unwrap()]);
    assert_eq!(
        focused()
            .and_then(|e| e.get_attribute("aria-selected"))
            .as_deref(),
        Some("true"),
        "a row without a link takes focus itself"
    );
    app.assert_no_console_errors();
}
