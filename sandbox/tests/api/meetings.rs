//! Meetings: create, list (latest first) and get at a bank, login only, the seeded meetings and
//! OBP's error codes (an unknown meeting is 400 OBP-30104).

use crate::common::*;
use axum::http::StatusCode;
use serde_json::{json, Value};

const MEETING_KEYS: [&str; 9] = [
    "meeting_id",
    "provider_id",
    "purpose_id",
    "bank_id",
    "present",
    "keys",
    "when",
    "creator",
    "invitees",
];

fn meeting_body(date: &str) -> Value {
    json!({
        "provider_id": "jitsi",
        "purpose_id": "complaint",
        "date": date,
        "creator": {"name": "Kim Lee", "mobile_phone": "+447700900999", "email_address": "kim@example.com"},
        "invitees": [{
            "contact_details": {"name": "Łukasz Wójcik", "mobile_phone": "+447700900003",
                                "email_address": "lukasz.wojcik@example.com"},
            "status": "invited"
        }]
    })
}

#[tokio::test]
async fn seeded_meetings() {
    let app = app();
    let auditor = auditor(&app).await;
    let reply = get(&app, &format!("/banks/{UK}/meetings"), Some(&auditor)).await;
    let listed = reply.list("meetings");
    let purposes: Vec<&Value> = listed.iter().map(|m| &m["purpose_id"]).collect();
    assert_eq!(purposes, [&json!("mortgage"), &json!("onboarding")]);
    let onboarding = &listed[1];
    assert_eq!(keys(onboarding), sorted(&MEETING_KEYS));
    assert_key_order(&reply.raw, &MEETING_KEYS);
    assert_eq!(
        keys(&onboarding["present"]),
        ["customer_user_id", "staff_user_id"]
    );
    assert_eq!(
        onboarding["keys"],
        json!({"session_id": "", "staff_token": "", "customer_token": ""})
    );
    assert_eq!(onboarding["when"], "2024-03-01T14:00:00Z");
    assert_eq!(
        keys(&onboarding["creator"]),
        ["email_address", "mobile_phone", "name"]
    );
    assert_eq!(
        onboarding["invitees"],
        json!([{"contact_details": {"name": "Zoë Müller", "mobile_phone": "+447700900001",
                                    "email_address": "zoe.muller@example.com"},
                "status": "accepted"}])
    );
    let id = onboarding["meeting_id"].as_str().expect("meeting_id");
    let one = get(&app, &format!("/banks/{UK}/meetings/{id}"), Some(&auditor)).await;
    assert_eq!(one.status, StatusCode::OK);
    assert_eq!(&one.json, onboarding);
    let none = get(&app, &format!("/banks/{DE}/meetings"), Some(&auditor)).await;
    assert!(none.list("meetings").is_empty());
}

#[tokio::test]
async fn create_then_get_and_list() {
    let app = app();
    let auditor = auditor(&app).await;
    let me = current_user_id(&app, &auditor).await;
    let body = meeting_body("2030-05-06T07:08:09Z");
    // Login is all it takes: the read-only auditor can create one.
    let created = post(
        &app,
        &format!("/banks/{UK}/meetings"),
        Some(&auditor),
        &body,
    )
    .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.json);
    assert_eq!(keys(&created.json), sorted(&MEETING_KEYS));
    let id = created.json["meeting_id"].as_str().expect("meeting_id");
    assert_eq!(id.len(), 36);
    assert_eq!(
        created.json["present"],
        json!({"staff_user_id": me, "customer_user_id": me})
    );
    assert_eq!(
        created.json["keys"],
        json!({"session_id": "", "staff_token": "", "customer_token": ""})
    );
    assert_eq!(
        (
            &created.json["bank_id"],
            &created.json["provider_id"],
            &created.json["purpose_id"],
            &created.json["when"]
        ),
        (
            &json!(UK),
            &json!("jitsi"),
            &json!("complaint"),
            &json!("2030-05-06T07:08:09Z")
        )
    );
    assert_eq!(created.json["creator"], body["creator"]);
    assert_eq!(created.json["invitees"], body["invitees"]);
    let fetched = get(&app, &format!("/banks/{UK}/meetings/{id}"), Some(&auditor)).await;
    assert_eq!(fetched.json, created.json);
    let all = get(&app, &format!("/banks/{UK}/meetings"), Some(&auditor)).await;
    let listed = all.list("meetings");
    assert_eq!(listed.len(), 3);
    assert_eq!(listed[0], created.json, "the latest meeting comes first");
    // A meeting belongs to its bank.
    get(&app, &format!("/banks/{DE}/meetings/{id}"), Some(&auditor))
        .await
        .assert_error(400, "OBP-30104");
}

#[tokio::test]
async fn errors() {
    let app = app();
    let staff = staff(&app).await;
    let body = meeting_body("2030-01-01T00:00:00Z");
    let unknown = get(&app, &format!("/banks/{UK}/meetings/nope"), Some(&staff)).await;
    unknown.assert_error(400, "OBP-30104");
    assert_eq!(
        unknown.message(),
        "OBP-30104: Meeting not found. Current MeetingId(nope) "
    );
    for path in ["/banks/no.bank/meetings", "/banks/no.bank/meetings/nope"] {
        get(&app, path, Some(&staff))
            .await
            .assert_error(404, "OBP-30001");
        get(&app, path, None).await.assert_error(401, "OBP-20001");
    }
    post(&app, &format!("/banks/{UK}/meetings"), None, &body)
        .await
        .assert_error(401, "OBP-20001");
    // The bank is checked before the body.
    post(&app, "/banks/no.bank/meetings", Some(&staff), &json!({}))
        .await
        .assert_error(404, "OBP-30001");
    let mut no_invitees = body.clone();
    no_invitees
        .as_object_mut()
        .expect("object")
        .remove("invitees");
    for bad in [no_invitees, meeting_body("2030-01-01")] {
        post(&app, &format!("/banks/{UK}/meetings"), Some(&staff), &bad)
            .await
            .assert_error(
                400,
                "OBP-10001: Incorrect json format. The Json body should be the CreateMeetingJson ",
            );
    }
}
