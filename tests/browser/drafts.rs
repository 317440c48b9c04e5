//! Headless-browser tests of drafts and the unsaved-changes guard on a fake API: the draft store
//! never keeps passwords or tokens; a form's draft is dropped on save and Cancel; a session that
//! ends mid-edit gives the same form back, open and unsent, after signing in again; in-app links
//! and Back ask before leaving changes (and only then), and `beforeunload` is held while there
//! are any; a form emptied again holds none.

use std::{cell::RefCell, rc::Rc, sync::Arc};

use customer_console::{
    api::Method,
    components::RESTORED_NOTICE,
    forms::FormValues,
    state::{drafts, guard::LEAVE_QUESTION, DraftKey},
};
use wasm_bindgen::{prelude::*, JsCast};
use wasm_bindgen_test::*;

use crate::support::{
    dom::{location, mount_app, sleep, Mounted},
    obp::{api_with, customer, urls_to, STAFF_ROLES},
    FakeTransport,
};

const PROFILE: &str = "/banks/gh.29.uk/customers/c1";

/// What a session that ended answers (OBP's expired or invalid token).
const EXPIRED: &str =
    r#"{"code":400,"message":"OBP-20003: This DirectLogin token is invalid or expired:tok"}"#;

/// A fake OBP with customer c1 (Ada Lovelace) whose email updates answer `status`/`body`.
fn profile_api(status: u16, body: &str) -> Arc<FakeTransport> {
    api_with(STAFF_ROLES)
        .on(
            Method::Get,
            "/customers/c1",
            200,
            &customer("c1", "100002", "Ada Lovelace"),
        )
        .on(Method::Put, "/customers/c1/email", status, body)
}

/// Ada's record after an email update to `email`.
fn updated(email: &str) -> String {
    customer("c1", "100002", "Ada Lovelace").replace("c@example.com", email)
}

/// Opens the email card of c1's profile and types `email`.
async fn type_email(app: &Mounted, email: &str) {
    app.wait_until("Edit email button", || app.button("Edit email").is_some())
        .await;
    app.click("Edit email");
    app.wait_until("the email form", || app.button("Save").is_some())
        .await;
    app.fill("Email", email);
    app.wait_until("the draft", || drafts::forms_on(PROFILE) == ["email"])
        .await;
}

/// Presses `button` (Save) on a session that has ended, signs in again on the sign-in page it
/// leads to, and waits to be back on `page`.
async fn save_into_an_ended_session(app: &Mounted, button: &str, page: &str) {
    app.click(button);
    app.wait_until("sign-in", || location().starts_with("/login"))
        .await;
    app.wait_for_text("Your session has ended.").await;
    app.fill("Username", "staff");
    app.fill("Password", "staff-password-1");
    app.click("Sign in");
    app.wait_until("back on the page", || location() == page)
        .await;
}

/// `window.confirm` answering `answer` and recording its questions, until dropped.
struct ConfirmStub {
    asked: Rc<RefCell<Vec<String>>>,
    answer: Rc<RefCell<bool>>,
    original: JsValue,
}

impl ConfirmStub {
    fn install(answer: bool) -> Self {
        let window = web_sys::window().unwrap();
        let original = js_sys::Reflect::get(&window, &"confirm".into()).unwrap();
        let asked: Rc<RefCell<Vec<String>>> = Rc::default();
        let answer = Rc::new(RefCell::new(answer));
        let (log, reply) = (Rc::clone(&asked), Rc::clone(&answer));
        let stub = Closure::<dyn Fn(String) -> bool>::new(move |question: String| {
            log.borrow_mut().push(question);
            *reply.borrow()
        });
        js_sys::Reflect::set(&window, &"confirm".into(), stub.as_ref()).unwrap();
        stub.forget();
        Self {
            asked,
            answer,
            original,
        }
    }

    fn asked(&self) -> Vec<String> {
        self.asked.borrow().clone()
    }
}

impl Drop for ConfirmStub {
    fn drop(&mut self) {
        let window = web_sys::window().unwrap();
        js_sys::Reflect::set(&window, &"confirm".into(), &self.original).unwrap();
    }
}

/// Clicks the link `text` and says whether the guard let the click through to the router (it
/// reached the window's bubble phase). Earlier tests' routers may still listen there, so whether
/// the page then changes is not this test's to check.
fn follow(app: &Mounted, text: &str) -> bool {
    let reached = Rc::new(RefCell::new(false));
    let seen = Rc::clone(&reached);
    let listener = Closure::<dyn Fn()>::new(move || *seen.borrow_mut() = true);
    let window = web_sys::window().unwrap();
    window
        .add_event_listener_with_callback("click", listener.as_ref().unchecked_ref())
        .unwrap();
    app.click(text);
    window
        .remove_event_listener_with_callback("click", listener.as_ref().unchecked_ref())
        .unwrap();
    let followed = *reached.borrow();
    followed
}

/// Dispatches a cancelable `beforeunload` and says whether the app held it (asked to prompt).
fn unload_is_held() -> bool {
    let init = web_sys::EventInit::new();
    init.set_cancelable(true);
    let event = web_sys::Event::new_with_event_init_dict("beforeunload", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
    event.default_prevented()
}

#[wasm_bindgen_test]
async fn the_draft_store_never_keeps_passwords_or_tokens() {
    // Mounting clears the tab's storage.
    let app = mount_app("/customers", Some("tok"), api_with(STAFF_ROLES));
    let key = DraftKey::new("/somewhere", "form");
    let values = FormValues::from_pairs([
        ("username", "ada".to_owned()),
        ("password", "s3cret".to_owned()),
        ("token", "eyJ".to_owned()),
        ("new_password", "again".to_owned()),
        ("pin", "1234".to_owned()),
        ("email", "ada@bank.example".to_owned()),
    ]);
    key.save(&values, |name| name == "pin");
    let kept = web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap()
        .get_item("customer-console.draft:/somewhere#form")
        .unwrap()
        .expect("a draft");
    for secret in ["s3cret", "eyJ", "again", "1234", "password", "token", "pin"] {
        assert!(!kept.contains(secret), "{secret} kept in {kept}");
    }
    let back = key.load().expect("the draft reads back");
    assert_eq!(back.raw("username"), "ada");
    assert_eq!(back.raw("email"), "ada@bank.example");
    assert_eq!(back.raw("password"), "");
    assert_eq!(drafts::forms_on("/somewhere"), ["form"]);
    key.discard();
    assert!(key.load().is_none());
    assert!(drafts::forms_on("/somewhere").is_empty());

    // The sign-in form keeps nothing at all.
    drop(app);
    let app = mount_app("/login", None, FakeTransport::new());
    app.wait_for_text("Sign in").await;
    app.fill("Username", "staff");
    app.fill("Password", "staff-password-1");
    sleep(50).await;
    assert!(drafts::forms_on("/login").is_empty());
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn a_draft_is_dropped_on_save_and_on_cancel() {
    let api = profile_api(200, &updated("ada@bank.example"));
    let app = mount_app(PROFILE, Some("tok"), api.clone());
    type_email(&app, "typed@bank.example").await;
    let stored = DraftKey::new(PROFILE, "email").load().expect("a draft");
    assert_eq!(stored.raw("email"), "typed@bank.example");
    app.click("Cancel");
    assert!(
        drafts::forms_on(PROFILE).is_empty(),
        "no draft after Cancel"
    );
    app.wait_until("the form closed", || app.button("Save").is_none())
        .await;

    type_email(&app, "ada@bank.example").await;
    // Typing the value back as it was leaves nothing to keep.
    app.fill("Email", "c@example.com");
    app.wait_until("no draft without changes", || {
        drafts::forms_on(PROFILE).is_empty()
    })
    .await;
    app.fill("Email", "ada@bank.example");
    app.wait_until("the draft again", || !drafts::forms_on(PROFILE).is_empty())
        .await;
    app.click("Save");
    app.wait_until("the saved email", || app.button("Save").is_none())
        .await;
    app.wait_for_text("ada@bank.example").await;
    assert!(
        drafts::forms_on(PROFILE).is_empty(),
        "no draft after a save"
    );
    assert_eq!(urls_to(&api, Method::Put, "/email").len(), 1);
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn an_ended_session_gives_the_same_form_back_unsent_after_signing_in() {
    let api = profile_api(400, EXPIRED).on(
        Method::Post,
        "/my/logins/direct",
        201,
        r#"{"token":"fresh"}"#,
    );
    let app = mount_app(PROFILE, Some("tok"), api.clone());
    type_email(&app, "ada@bank.example").await;
    save_into_an_ended_session(&app, "Save", PROFILE).await;
    app.wait_for_text(RESTORED_NOTICE).await;
    assert_eq!(app.control("Email").value(), "ada@bank.example");
    assert!(app.button("Save").is_some(), "the email form is open");
    let notice = app.find(".draft-note").expect("the notice");
    assert_eq!(notice.get_attribute("role").as_deref(), Some("status"));
    sleep(100).await;
    assert_eq!(
        urls_to(&api, Method::Put, "/email").len(),
        1,
        "nothing is sent again until Save"
    );

    api.on(
        Method::Put,
        "/customers/c1/email",
        200,
        &updated("ada@bank.example"),
    );
    app.click("Save");
    app.wait_until("the form closed", || app.button("Save").is_none())
        .await;
    app.wait_for_text("ada@bank.example").await;
    assert!(!app.text().contains(RESTORED_NOTICE));
    assert!(drafts::forms_on(PROFILE).is_empty());
    let puts = urls_to(&api, Method::Put, "/email");
    assert_eq!(puts.len(), 2, "the expired one, and the one Save sent");
    app.assert_no_console_errors();
}

/// A fake OBP with an empty customer list.
fn list_api() -> Arc<FakeTransport> {
    api_with(STAFF_ROLES).on(
        Method::Get,
        "/banks/gh.29.uk/customers",
        200,
        r#"{"customers":[]}"#,
    )
}

/// Empties the create form's legal name again, so no changes outlive the test: an unmounted
/// app's owner is not cleaned up in this harness, so its guard would still be listening.
async fn untype(app: &Mounted) {
    app.fill("Legal name", "");
    app.wait_until("no draft", || drafts::forms_on("/customers/new").is_empty())
        .await;
    assert!(!unload_is_held(), "an emptied form holds no changes");
}

/// The create form with `name` typed as the legal name, once its draft is written.
async fn typed_create_form(name: &str) -> Mounted {
    let app = mount_app("/customers/new", Some("tok"), list_api());
    app.wait_for_text("Create customer").await;
    app.fill("Legal name", name);
    app.wait_until("the draft", || {
        !drafts::forms_on("/customers/new").is_empty()
    })
    .await;
    app
}

#[wasm_bindgen_test]
async fn a_panels_add_form_opens_itself_again_after_signing_in() {
    const TAB: &str = "/banks/gh.29.uk/customers/c1/tax-social";
    let roles = [STAFF_ROLES, &["CanCreateTaxResidence"]].concat();
    let api = api_with(&roles)
        .on(
            Method::Get,
            "/customers/c1",
            200,
            &customer("c1", "100002", "Ada Lovelace"),
        )
        .on(
            Method::Get,
            "/customers/c1/tax-residences",
            200,
            r#"{"tax_residence":[]}"#,
        )
        .on(
            Method::Get,
            "/customers/c1/social_media_handles",
            200,
            r#"{"checks":[]}"#,
        )
        .on(Method::Post, "/customers/c1/tax-residence", 400, EXPIRED)
        .on(
            Method::Post,
            "/my/logins/direct",
            201,
            r#"{"token":"fresh"}"#,
        );
    let app = mount_app(TAB, Some("tok"), api.clone());
    app.wait_until("Add tax residence", || {
        app.button("Add tax residence").is_some()
    })
    .await;
    app.click("Add tax residence");
    app.wait_until("the form", || app.button("Save").is_some())
        .await;
    app.fill("Tax domain", "DE");
    app.fill("Tax number", "12/345/67890");
    app.wait_until("the draft", || drafts::forms_on(TAB) == ["tax-new"])
        .await;
    save_into_an_ended_session(&app, "Save", TAB).await;
    app.wait_for_text(RESTORED_NOTICE).await;
    assert_eq!(app.control("Tax domain").value(), "DE");
    assert_eq!(app.control("Tax number").value(), "12/345/67890");
    assert_eq!(urls_to(&api, Method::Post, "/tax-residence").len(), 1);
    app.click("Cancel");
    assert!(drafts::forms_on(TAB).is_empty(), "Cancel drops the draft");
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn an_items_edit_form_opens_itself_again_after_signing_in() {
    const TAB: &str = "/banks/gh.29.uk/customers/c1/addresses";
    let api = api_with(STAFF_ROLES)
        .on(
            Method::Get,
            "/customers/c1",
            200,
            &customer("c1", "100002", "Ada Lovelace"),
        )
        .on(
            Method::Get,
            "/customers/c1/addresses",
            200,
            r#"{"addresses":[{"customer_address_id":"a1","customer_id":"c1",
                "line_1":"1 Main St","city":"Leeds","country_code":"GB","tags":[],"status":""}]}"#,
        )
        .on(Method::Put, "/customers/c1/addresses/a1", 400, EXPIRED)
        .on(
            Method::Post,
            "/my/logins/direct",
            201,
            r#"{"token":"fresh"}"#,
        );
    let app = mount_app(TAB, Some("tok"), api.clone());
    app.wait_until("the Edit button", || {
        app.button("Edit address 1 Main St, Leeds, GB").is_some()
    })
    .await;
    app.click("Edit address 1 Main St, Leeds, GB");
    app.wait_until("the form", || app.button("Save").is_some())
        .await;
    app.fill("Line 1", "2 Side St");
    app.wait_until("the draft", || drafts::forms_on(TAB) == ["address-edit:a1"])
        .await;
    save_into_an_ended_session(&app, "Save", TAB).await;
    app.wait_for_text(RESTORED_NOTICE).await;
    assert_eq!(app.control("Line 1").value(), "2 Side St");
    assert_eq!(app.control("City").value(), "Leeds", "the rest as it was");
    assert_eq!(urls_to(&api, Method::Put, "/addresses/a1").len(), 1);
    app.click("Cancel");
    assert!(drafts::forms_on(TAB).is_empty(), "Cancel drops the draft");
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn the_meeting_form_comes_back_with_its_invitees_after_signing_in() {
    let api = api_with(&[])
        .on(
            Method::Get,
            "/banks/gh.29.uk/meetings",
            200,
            r#"{"meetings":[]}"#,
        )
        .on(Method::Post, "/banks/gh.29.uk/meetings", 400, EXPIRED)
        .on(
            Method::Post,
            "/my/logins/direct",
            201,
            r#"{"token":"fresh"}"#,
        );
    let app = mount_app("/meetings", Some("tok"), api.clone());
    app.wait_until("the New meeting button", || {
        app.button("New meeting").is_some()
    })
    .await;
    app.click("New meeting");
    app.wait_until("the form", || app.find("#meeting-provider_id").is_some())
        .await;
    app.fill("Provider", "jitsi");
    app.fill("Purpose", "onboarding");
    app.fill("Date", "2025-03-01");
    app.fill("Time (UTC)", "09:30");
    app.fill("Creator mobile phone", "+44 7700 900001");
    app.fill("Invitee name", "Zoë Müller");
    app.fill("Invitee mobile phone", "+44 7700 900002");
    app.fill("Invitee email", "zoe@example.com");
    app.wait_until("the drafts", || drafts::forms_on("/meetings").len() == 2)
        .await;
    save_into_an_ended_session(&app, "Create meeting", "/meetings").await;
    app.wait_for_text(RESTORED_NOTICE).await;
    assert_eq!(app.control("Provider").value(), "jitsi");
    assert_eq!(app.control("Invitee name").value(), "Zoë Müller");
    assert_eq!(app.control("Invitee email").value(), "zoe@example.com");
    assert_eq!(urls_to(&api, Method::Post, "/meetings").len(), 1);
    app.click("Cancel");
    app.wait_until("no drafts", || drafts::forms_on("/meetings").is_empty())
        .await;
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn sign_out_asks_about_changes_and_takes_every_draft_with_it() {
    let confirm = ConfirmStub::install(false);
    let app = typed_create_form("Zoë Müller").await;
    app.click("Sign out");
    assert_eq!(confirm.asked(), [LEAVE_QUESTION]);
    assert_eq!(location(), "/customers/new");
    assert_eq!(app.control("Legal name").value(), "Zoë Müller");

    *confirm.answer.borrow_mut() = true;
    app.click("Sign out");
    app.wait_until("sign-in", || location() == "/login").await;
    app.wait_for_text("You have signed out.").await;
    assert!(drafts::forms_on("/customers/new").is_empty());
    assert!(!unload_is_held());
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn no_question_without_changes() {
    let confirm = ConfirmStub::install(false);
    let app = mount_app("/customers/new", Some("tok"), list_api());
    app.wait_for_text("Create customer").await;
    assert!(!unload_is_held());
    assert!(follow(&app, "Customers"), "the link is followed");
    assert!(confirm.asked().is_empty());
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn changes_are_asked_about_and_staying_keeps_them() {
    let confirm = ConfirmStub::install(false);
    let app = typed_create_form("Zoë Müller").await;
    assert!(unload_is_held());
    assert!(!follow(&app, "Customers"), "staying holds the link back");
    assert_eq!(confirm.asked(), [LEAVE_QUESTION]);
    sleep(50).await;
    assert_eq!(location(), "/customers/new");
    assert_eq!(app.control("Legal name").value(), "Zoë Müller");
    assert!(unload_is_held(), "the changes are still guarded");

    *confirm.answer.borrow_mut() = true;
    assert!(
        follow(&app, "Customers"),
        "leaving, agreed to, follows the link"
    );
    assert_eq!(confirm.asked().len(), 2);
    // Whether the page then changed depends on earlier tests' routers (see `follow`).
    sleep(50).await;
    if location() == "/customers/new" {
        untype(&app).await;
    }
    app.assert_no_console_errors();
}
#[wasm_bindgen_test]
async fn the_forms_own_cancel_link_leaves_without_asking() {
    let confirm = ConfirmStub::install(false);
    let app = typed_create_form("Zoë Müller").await;
    assert!(follow(&app, "Cancel"), "Cancel is followed");
    assert!(confirm.asked().is_empty());
    untype(&app).await;
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn no_question_after_a_save() {
    let api = profile_api(200, &updated("ada@bank.example")).on(
        Method::Get,
        "/banks/gh.29.uk/customers",
        200,
        r#"{"customers":[]}"#,
    );
    let confirm = ConfirmStub::install(false);
    let app = mount_app(PROFILE, Some("tok"), api);
    type_email(&app, "ada@bank.example").await;
    assert!(unload_is_held());
    app.click("Save");
    app.wait_until("the form closed", || app.button("Save").is_none())
        .await;
    assert!(!unload_is_held());
    assert!(follow(&app, "Customers"), "the link is followed");
    assert!(confirm.asked().is_empty());
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn back_with_changes_asks_and_staying_keeps_the_page() {
    let confirm = ConfirmStub::install(false);
    let app = typed_create_form("Zoë Müller").await;
    let history = web_sys::window().unwrap().history().unwrap();
    history.back().unwrap();
    app.wait_until("the question", || !confirm.asked().is_empty())
        .await;
    assert_eq!(confirm.asked(), [LEAVE_QUESTION]);
    app.wait_until("the page's URL back", || location() == "/customers/new")
        .await;
    assert_eq!(app.control("Legal name").value(), "Zoë Müller");
    untype(&app).await;
    app.assert_no_console_errors();
}
