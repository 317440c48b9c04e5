//! Social media handles: add (201 Success, keyed by the body's customer_number) and list (`checks`).

use crate::common::*;
use axum::http::StatusCode;
use serde_json::{json, Value};

fn handle(number: &str) -> Value {
    json!({
        "customer_number": number, "type": "mastodon", "handle": "@jane@example.social",
        "date_added": "2024-01-02T03:04:05Z", "date_activated": "2024-01-03T00:00:00Z"
    })
}

#[tokio::test]
async fn add_and_list_by_customer_number() {
    let app = app();
    let token = staff(&app).await;
    let id = customer_id(&app, &token, UK, "100030").await;
    let path = format!("/banks/{UK}/customers/{id}/social_media_handles");
    let created = post(&app, &path, Some(&token), &handle("100030")).await;
    assert_eq!(created.status, StatusCode::CREATED);
    assert_eq!(created.json, json!({"success": "Success"}));
    // Stored under the body's number: posting another customer's number does not show up here.
    post(&app, &path, Some(&token), &handle("999999")).await;
    let listed = get(&app, &path, Some(&token)).await;
    assert_eq!(listed.status, StatusCode::OK);
    assert_eq!(listed.json, json!({"checks": [handle("100030")]}));
}

#[tokio::test]
async fn roles_and_errors() {
    let app = app();
    let (staff, auditor) = (staff(&app).await, auditor(&app).await);
    let id = customer_id(&app, &staff, UK, "100001").await;
    let path = format!("/banks/{UK}/customers/{id}/social_media_handles");
    let seeded = get(&app, &path, Some(&auditor)).await;
    assert_eq!(seeded.json["checks"][0]["type"], "twitter");
    assert_missing_roles(
        &post(&app, &path, Some(&auditor), &handle("100001")).await,
        "CanAddSocialMediaHandle at Bank(gh.29.uk)",
    );
    // v2.0.0 reads the body before anything else, with the bare OBP-10001 text.
    let bad = post(
        &app,
        "/banks/no.bank/customers/x/social_media_handles",
        Some(&staff),
        &json!({}),
    )
    .await;
    bad.assert_error(400, "OBP-10001");
    assert_eq!(bad.message(), "OBP-10001: Incorrect json format.");
    post(
        &app,
        "/banks/no.bank/customers/x/social_media_handles",
        Some(&staff),
        &handle("1"),
    )
    .await
    .assert_error(404, "OBP-30001");
    post(
        &app,
        &format!("/banks/{UK}/customers/nobody/social_media_handles"),
        Some(&staff),
        &handle("1"),
    )
    .await
    .assert_error(404, "OBP-30046");
}
