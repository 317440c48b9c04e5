//! Headless-browser tests of meetings on a fake API: the form keeps input on errors and sends the
//! documented body, and a meeting's page shows its invitees or OBP's error for an unknown id.

use std::sync::Arc;

use customer_console::api::Method;
use wasm_bindgen_test::*;

use crate::support::{
    dom::{mount_app, sleep},
    obp::{api_with, posted, urls_to},
    FakeTransport,
};

fn meetings_api() -> Arc<FakeTransport> {
    api_with(&[])
        .on(
            Method::Get,
            "/banks/gh.29.uk/meetings",
            200,
            fixture!("get-meetings"),
        )
        .on(
            Method::Post,
            "/banks/gh.29.uk/meetings",
            201,
            fixture!("create-meeting-video-conference-call"),
        )
}

#[wasm_bindgen_test]
async fn the_meeting_form_keeps_input_on_errors_and_sends_the_documented_body() {
    let api = meetings_api();
    let app = mount_app("/meetings", Some("tok"), api.clone());
    app.wait_for_text("String, eg: onboarding").await;
    app.wait_until("the New meeting button", || {
        app.button("New meeting").is_some()
    })
    .await;
    app.click("New meeting");
    app.wait_until("the form", || app.find("#meeting-provider_id").is_some())
        .await;
    assert_eq!(app.control("Creator name").value(), "tester");
    assert_eq!(app.control("Creator email").value(), "t@example.com");

    app.fill("Provider", "jitsi");
    app.fill("Purpose", "first call");
    app.fill("Date", "2025-03-01");
    app.fill("Time (UTC)", "09:30");
    app.fill("Creator mobile phone", "+44 7700 900001");
    app.fill("Invitee name", "Zoë Müller");
    app.fill("Invitee mobile phone", "call me");
    app.fill("Invitee email", "zoe@example.com");
    app.click("Create meeting");
    app.wait_for_text("without spaces").await;
    app.wait_for_text("Enter a phone number with country code")
        .await;
    assert_eq!(app.control("Purpose").value(), "first call");
    assert_eq!(app.control("Invitee mobile phone").value(), "call me");
    assert_eq!(app.control("Invitee name").value(), "Zoë Müller");
    assert!(
        posted(&api, "/meetings").is_empty(),
        "nothing invalid is sent"
    );

    // Rows come and go without touching the others.
    app.click("Add invitee");
    app.wait_until("a second invitee", || {
        app.find("#meeting-invitee-1-name").is_some()
    })
    .await;
    app.click("Remove invitee 2");
    app.wait_until("one invitee again", || {
        app.find("#meeting-invitee-1-name").is_none()
    })
    .await;
    assert_eq!(app.control("Invitee name").value(), "Zoë Müller");

    app.fill("Purpose", "onboarding");
    app.fill("Invitee mobile phone", "+447700900002");
    app.click("Create meeting");
    app.wait_until("the form to close", || {
        app.find("#meeting-provider_id").is_none()
    })
    .await;
    assert_eq!(
        posted(&api, "/meetings"),
        [serde_json::json!({
            "provider_id": "jitsi",
            "purpose_id": "onboarding",
            "date": "2025-03-01T09:30:00Z",
            "creator": {"name": "tester", "mobile_phone": "+44 7700 900001", "email_address": "t@example.com"},
            "invitees": [{
                "contact_details": {"name": "Zoë Müller", "mobile_phone": "+447700900002", "email_address": "zoe@example.com"},
                "status": "invited"
            }]
        })]
    );
    app.wait_until("the list to reload", || {
        urls_to(&api, Method::Get, "/meetings").len() == 2
    })
    .await;
    app.assert_no_console_errors();
}

#[wasm_bindgen_test]
async fn a_meeting_page_shows_its_invitees_and_an_unknown_id_its_obp_error() {
    let api = meetings_api()
        .on(
            Method::Get,
            "/banks/gh.29.uk/meetings/m1",
            200,
            fixture!("get-meeting"),
        )
        .on(
            Method::Get,
            "/banks/gh.29.uk/meetings/nope",
            400,
            r#"{"code":400,"message":"OBP-30104: Meeting not found. Current MeetingId(nope) "}"#,
        );
    let app = mount_app("/meetings/m1", Some("tok"), api.clone());
    app.wait_for_text("String, eg: Good").await;
    assert!(app.text().contains("felixsmith@example.com"));
    drop(app);

    let app = mount_app("/meetings/nope", Some("tok"), api);
    app.wait_for_text("OBP-30104").await;
    app.wait_for_text("No meeting has that id at this bank")
        .await;
    sleep(50).await;
    app.assert_no_console_errors();
}
