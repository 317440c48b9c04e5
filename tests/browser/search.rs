//! Headless-browser tests of finding customers (issue 13) on a fake API: search as you type
//! with the matched parts marked and the query in the URL once typing pauses, the index following a create, an edit
//! and a delete made in the console, and the Ctrl+K switcher's keyboard, focus trap and focus
//! return.

use std::sync::Arc;

use crate::support::{
    dom::{follow, location, mount_app, Mounted},
    obp::{api_with, customer, STAFF_ROLES},
    FakeTransport,
};
use customer_console::api::Method;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, KeyboardEvent, KeyboardEventInit};

/// Staff's fake API whose bank holds `customers` (id, number, name), on every page asked for.
fn bank_of(customers: &[(&str, &str, &str)]) -> Arc<FakeTransport> {
    let rows: Vec<String> = customers
        .iter()
        .map(|(id, number, name)| customer(id, number, name))
        .collect();
    api_with(STAFF_ROLES).on(
        Method::Get,
        "/banks/gh.29.uk/customers",
        200,
        &format!(r#"{{"customers":[{}]}}"#, rows.join(",")),
    )
}

const THREE: &[(&str, &str, &str)] = &[
    ("c1", "100001", "Zoë Müller"),
    ("c2", "100002", "Łukasz Wójcik"),
    ("c3", "100003", "Jürgen Weiß"),
];

/// The texts of the marked parts inside `selector`.
fn marked(app: &Mounted, selector: &str) -> Vec<String> {
    app.all(&format!("{selector} mark"))
        .iter()
        .map(|m| m.text_content().unwrap_or_default())
        .collect()
}

/// The focused element's id.
fn focused() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .map(|e| e.id())
        .unwrap_or_default()
}

/// Presses `key` (with Ctrl, or Shift) on the element `#id`, as the keyboard does.
fn press(app: &Mounted, id: &str, key: &str, ctrl: bool, shift: bool) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_ctrl_key(ctrl);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let target = app
        .find(&format!("#{id}"))
        .unwrap_or_else(|| panic!("no #{id}"));
    target
        .dispatch_event(
            &KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap(),
        )
        .unwrap();
}

/// Which switcher options are selected, by name.
fn selected(app: &Mounted) -> Vec<String> {
    app.all("[role=option][aria-selected=true] .switcher-name")
        .iter()
        .map(|o| o.text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn search_marks_matches_without_accents_and_keeps_the_query_in_the_url() {
    let app = mount_app("/customers", Some("tok"), bank_of(THREE));
    app.wait_for_text("Search customers").await;
    // Typing on with the same matches marks more of them.
    app.fill("Search customers", "MU");
    app.wait_for_text("1 customer matches").await;
    app.wait_until("Mü marked", || marked(&app, "table") == ["Mü"])
        .await;
    app.fill("Search customers", "MUL");
    app.wait_until("Mül marked", || marked(&app, "table") == ["Mül"])
        .await;
    // Fast typing, each key on its own, marks what the last one made.
    let typed = "zoe mulle";
    for end in 1..=typed.len() {
        app.fill("Search customers", &typed[..end]);
        crate::support::dom::sleep(0).await;
    }
    app.wait_until("Zoë and Mülle marked", || {
        marked(&app, "table") == ["Zoë", "Mülle"]
    })
    .await;
    app.fill("Search customers", "MULLER zoe");
    app.wait_for_text("1 customer matches \u{201c}MULLER zoe\u{201d} among 3 customers")
        .await;
    assert_eq!(marked(&app, "table"), ["Zoë", "Müller"]);
    assert!(!app.text().contains("Łukasz Wójcik"));
    app.wait_until("the URL /customers?q=MULLER%20zoe", || {
        location() == "/customers?q=MULLER%20zoe"
    })
    .await;
    assert!(app.text().contains("Indexed 3 customers \u{b7} just now"));

    app.fill("Search customers", "lukasz");
    app.wait_for_text("Łukasz Wójcik").await;
    assert_eq!(marked(&app, "table"), ["Łukasz"]);
    app.wait_until("the URL /customers?q=lukasz", || {
        location() == "/customers?q=lukasz"
    })
    .await;
    app.fill("Search customers", "");
    app.wait_until("the bank's list again", || app.text().contains("Rows 1"))
        .await;
    app.wait_until("the URL /customers", || location() == "/customers")
        .await;
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn the_index_follows_creates_edits_and_deletes() {
    let created = customer("c9", "100009", "Ada Byron");
    let edited = created.replace("c@example.com", "ada@bank.example");
    let api = bank_of(&[
        ("c1", "100001", "Ada Lovelace"),
        ("c2", "100002", "Bob Stone"),
    ])
    .on(Method::Post, "/banks/gh.29.uk/customers", 201, &created)
    .on(Method::Get, "/customers/c9", 200, &created)
    .on(Method::Put, "/customers/c9/email", 200, &edited)
    .on(
        Method::Get,
        "/customers/c1",
        200,
        &customer("c1", "100001", "Ada Lovelace"),
    )
    .on(Method::Delete, "/customers/c1", 200, "true");
    let app = mount_app("/customers?q=ada", Some("tok"), api.clone());
    app.wait_for_text("1 customer matches \u{201c}ada\u{201d} among 2 customers")
        .await;
    let lists = || {
        api.requests()
            .iter()
            .filter(|r| r.method == Method::Get && r.url.contains("customers?limit=500"))
            .count()
    };
    let loaded = lists();

    // Create: the new customer is found at once.
    follow("/customers/new");
    app.wait_for_text("Create customer").await;
    app.fill("Legal name", "Ada Byron");
    app.fill("Mobile phone number", "+44 7700 900123");
    app.click("Create customer");
    app.wait_until("the new customer's page", || {
        location() == "/banks/gh.29.uk/customers/c9"
    })
    .await;
    // Edit: the saved e-mail is what the index holds.
    app.wait_until("Edit email button", || app.button("Edit email").is_some())
        .await;
    app.click("Edit email");
    app.wait_until("the email form", || app.button("Save").is_some())
        .await;
    app.fill("Email", "ada@bank.example");
    app.click("Save");
    app.wait_for_text("ada@bank.example").await;
    follow("/customers?q=ada");
    app.wait_for_text("2 customers match \u{201c}ada\u{201d} among 3 customers")
        .await;
    assert!(app.text().contains("Ada Byron"));
    assert!(
        !app.text().contains("ada@bank.example"),
        "personal data is masked in the matches too"
    );
    app.control("Show personal data").click();
    app.wait_for_text("ada@bank.example").await;

    // Delete: gone from the matches, with no reload of the bank.
    follow("/banks/gh.29.uk/customers/c1");
    app.wait_until("the delete button", || {
        app.button("Delete customer").is_some()
    })
    .await;
    app.click("Delete customer");
    app.wait_for_text("Delete Ada Lovelace?").await;
    app.click("Delete permanently");
    app.wait_until("the list again", || location() == "/customers?q=ada")
        .await;
    app.wait_for_text("1 customer matches \u{201c}ada\u{201d} among 2 customers")
        .await;
    assert!(!app
        .all("table a")
        .iter()
        .any(|a| a.text_content().unwrap_or_default() == "Ada Lovelace"));
    assert_eq!(
        lists(),
        loaded,
        "writes change the index without loading the bank again"
    );
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn the_switcher_is_driven_by_keyboard_with_focus_trapped_and_returned() {
    let api = bank_of(THREE).on(
        Method::Get,
        "/customers/c3",
        200,
        &customer("c3", "100003", "Jürgen Weiß"),
    );
    let app = mount_app("/customers", Some("tok"), api);
    app.wait_for_text("Search customers").await;
    let search: HtmlElement = app.find("#customer-search").unwrap().unchecked_into();
    search.focus().unwrap();

    press(&app, "customer-search", "k", true, false);
    app.wait_until("the switcher", || app.find("[role=dialog]").is_some())
        .await;
    assert_eq!(app.modal_title(), "Find a customer");
    app.wait_until("focus in the search box", || focused() == "switcher-input")
        .await;

    app.fill("Name, e-mail, phone or customer number", "w");
    app.wait_until("two matches", || app.all("[role=option]").len() == 2)
        .await;
    assert_eq!(selected(&app), ["Łukasz Wójcik"]);
    let listed = app.find("[role=listbox]").unwrap().text_content().unwrap();
    assert!(
        listed.contains("c\u{2022}\u{2022}\u{2022}@example.com")
            && !listed.contains("c@example.com"),
        "e-mails masked as in the lists: {listed}"
    );
    press(&app, "switcher-input", "ArrowDown", false, false);
    app.wait_until("the second selected", || selected(&app) == ["Jürgen Weiß"])
        .await;
    press(&app, "switcher-input", "ArrowDown", false, false);
    app.wait_until("back to the first", || selected(&app) == ["Łukasz Wójcik"])
        .await;
    press(&app, "switcher-input", "ArrowUp", false, false);
    app.wait_until("up wraps to the last", || selected(&app) == ["Jürgen Weiß"])
        .await;
    assert_eq!(marked(&app, "[role=listbox]"), ["W", "W"]);

    // Focus is trapped: Shift+Tab from the search box goes to the last control, Tab from it back.
    press(&app, "switcher-input", "Tab", false, true);
    let close = app.button("Close").unwrap();
    app.wait_until("focus on Close", || {
        web_sys::window()
            .unwrap()
            .document()
            .unwrap()
            .active_element()
            == Some(close.clone().unchecked_into())
    })
    .await;
    let event = KeyboardEventInit::new();
    event.set_key("Tab");
    event.set_bubbles(true);
    event.set_cancelable(true);
    close
        .dispatch_event(
            &KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &event).unwrap(),
        )
        .unwrap();
    app.wait_until("focus back in the search box", || {
        focused() == "switcher-input"
    })
    .await;

    // Escape closes and gives focus back where it was.
    press(&app, "switcher-input", "Escape", false, false);
    app.wait_until("the switcher closed", || {
        app.find("[role=dialog]").is_none()
    })
    .await;
    assert_eq!(focused(), "customer-search");

    // By mouse: the header button; Enter opens the selected customer.
    app.click("Find customer");
    app.wait_until("the switcher again", || focused() == "switcher-input")
        .await;
    app.fill("Name, e-mail, phone or customer number", "weiss");
    app.wait_until("one match", || app.all("[role=option]").len() == 1)
        .await;
    press(&app, "switcher-input", "Enter", false, false);
    app.wait_until("the customer's page", || {
        location() == "/banks/gh.29.uk/customers/c3"
    })
    .await;
    app.wait_until("the switcher closed", || {
        app.find("[role=dialog]").is_none()
    })
    .await;
    app.wait_until("the customer's heading", || {
        app.all("h1")
            .iter()
            .any(|h| h.text_content().as_deref() == Some("Jürgen Weiß"))
    })
    .await;
    app.assert_no_console_errors();
}
