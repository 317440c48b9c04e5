//! Customer messages: the v4.0.0 pair (roles, kept against the customer at a bank), the v1.4.0 pair
//! (login only, kept against the linked user), the seeded messages and OBP's error codes.

use crate::common::*;
use axum::http::StatusCode;
use serde_json::{json, Value};

const MESSAGE_V400_KEYS: [&str; 6] = [
    "id",
    "date",
    "transport",
    "message",
    "from_department",
    "from_person",
];

fn message_body(text: &str) -> Value {
    json!({"message": text, "transport": "SMS", "from_department": "Open Bank", "from_person": "Tom"})
}

#[tokio::test]
async fn seeded_messages_are_listed_newest_first() {
    let app = app();
    let auditor = auditor(&app).await;
    let zoe = customer_id(&app, &auditor, UK, "100001").await;
    let reply = get(
        &app,
        &format!("/banks/{UK}/customers/{zoe}/messages"),
        Some(&auditor),
    )
    .await;
    let listed = reply.list("messages");
    assert_eq!(keys(&listed[0]), sorted(&MESSAGE_V400_KEYS));
    assert_key_order(&reply.raw, &MESSAGE_V400_KEYS);
    let summary: Vec<(&Value, &Value)> = listed
        .iter()
        .map(|m| (&m["date"], &m["transport"]))
        .collect();
    assert_eq!(
        summary,
        [
            (&json!("2025-01-15T16:45:00Z"), &json!("Email")),
            (&json!("2024-06-20T08:30:00Z"), &json!("SMS")),
            (&json!("2024-03-04T11:00:00Z"), &json!("Email")),
        ]
    );
    // Messages belong to a bank: none for the same customer at obp.bank.de.
    let elsewhere = get(
        &app,
        &format!("/banks/{DE}/customers/{zoe}/messages"),
        Some(&auditor),
    )
    .await;
    assert!(elsewhere.list("messages").is_empty());
}

#[tokio::test]
async fn create_then_list() {
    let app = app();
    let staff = staff(&app).await;
    let id = customer_id(&app, &staff, UK, "100004").await;
    let path = format!("/banks/{UK}/customers/{id}/messages");
    let created = post(&app, &path, Some(&staff), &message_body("Hello")).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.json);
    assert_eq!(created.json, json!({"success": "Success"}));
    post(&app, &path, Some(&staff), &message_body("Second"))
        .await
        .assert_status(201);
    let reply = get(&app, &path, Some(&staff)).await;
    let listed = reply.list("messages");
    let texts: Vec<&Value> = listed.iter().map(|m| &m["message"]).collect();
    assert_eq!(texts, [&json!("Second"), &json!("Hello")]);
    assert_eq!(
        (
            &listed[0]["transport"],
            &listed[0]["from_department"],
            &listed[0]["from_person"]
        ),
        (&json!("SMS"), &json!("Open Bank"), &json!("Tom"))
    );
}

#[tokio::test]
async fn v4_roles_and_errors() {
    let app = app();
    let (staff, auditor) = (staff(&app).await, auditor(&app).await);
    let id = customer_id(&app, &staff, UK, "100001").await;
    let path = format!("/banks/{UK}/customers/{id}/messages");
    assert_missing_roles(
        &post(&app, &path, Some(&auditor), &message_body("x")).await,
        "CanCreateCustomerMessage for BankId(gh.29.uk).",
    );
    post(&app, &path, None, &message_body("x"))
        .await
        .assert_error(401, "OBP-20001");
    get(&app, &path, None).await.assert_error(401, "OBP-20001");
    post(
        &app,
        &format!("/banks/no.bank/customers/{id}/messages"),
        Some(&staff),
        &message_body("x"),
    )
    .await
    .assert_error(404, "OBP-30001");
    get(
        &app,
        &format!("/banks/{UK}/customers/nobody/messages"),
        Some(&staff),
    )
    .await
    .assert_error(404, "OBP-30046");
    // The body is read before the customer is looked up.
    post(
        &app,
        &format!("/banks/{UK}/customers/nobody/messages"),
        Some(&staff),
        &json!({"message": "no transport"}),
    )
    .await
    .assert_error(
        400,
        "OBP-10001: Incorrect json format. The Json body should be the CreateMessageJsonV400 ",
    );
    post(
        &app,
        &format!("/banks/{UK}/customers/nobody/messages"),
        Some(&staff),
        &message_body("x"),
    )
    .await
    .assert_error(404, "OBP-30046");

    let teller = app_with_users(&json!([{"username": "teller", "password": "pw",
        "email": "t@example.com", "roles": [{"role_name": "CanGetCustomer", "bank_id": UK}]}]));
    let token = login(&teller, "teller", "pw").await;
    let id = customer_id(&teller, &token, UK, "100001").await;
    assert_missing_roles(
        &get(
            &teller,
            &format!("/banks/{UK}/customers/{id}/messages"),
            Some(&token),
        )
        .await,
        "CanGetCustomerMessages for BankId(gh.29.uk).",
    );
}

#[tokio::test]
async fn v140_messages_go_to_the_linked_user() {
    let app = app();
    let (staff, auditor) = (staff(&app).await, auditor(&app).await);
    let zoe = customer_id(&app, &staff, UK, "100001").await;
    let body =
        json!({"message": "Please call us", "from_department": "Branch", "from_person": "Kim"});
    // 100001 is linked to staff first (then auditor): the message is kept against staff.
    let created = post(
        &app,
        &format!("/banks/{UK}/customer/{zoe}/messages"),
        Some(&auditor),
        &body,
    )
    .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.json);
    assert_eq!(created.json, json!({"success": "Success"}));
    let mine = get(
        &app,
        &format!("/banks/{UK}/customer/messages"),
        Some(&staff),
    )
    .await;
    let listed = mine.list("messages");
    assert_eq!(listed.len(), 1);
    assert_eq!(
        keys(&listed[0]),
        sorted(&["id", "date", "message", "from_department", "from_person"])
    );
    assert_eq!(listed[0]["message"], "Please call us");
    for (token, bank) in [(&auditor, UK), (&staff, DE)] {
        let other = get(
            &app,
            &format!("/banks/{bank}/customer/messages"),
            Some(token),
        )
        .await;
        assert!(other.list("messages").is_empty());
    }
    // Not a v4.0.0 customer message.
    let v4 = get(
        &app,
        &format!("/banks/{UK}/customers/{zoe}/messages"),
        Some(&staff),
    )
    .await;
    assert_eq!(v4.list("messages").len(), 3);
}

#[tokio::test]
async fn v140_errors() {
    let app = app();
    let staff = staff(&app).await;
    let unlinked = customer_id(&app, &staff, UK, "100003").await;
    let body = json!({"message": "m", "from_department": "d", "from_person": "p"});
    let reply = post(
        &app,
        &format!("/banks/{UK}/customer/{unlinked}/messages"),
        Some(&staff),
        &body,
    )
    .await;
    reply.assert_error(400, "OBP-30008");
    assert_eq!(
        reply.message(),
        format!(
            "OBP-30008: User Customer Link not found by USER_ID Current customerId ({unlinked})"
        )
    );
    post(
        &app,
        &format!("/banks/no.bank/customer/{unlinked}/messages"),
        Some(&staff),
        &body,
    )
    .await
    .assert_error(404, "OBP-30001");
    post(
        &app,
        &format!("/banks/{UK}/customer/nobody/messages"),
        Some(&staff),
        &body,
    )
    .await
    .assert_error(404, "OBP-30046");
    // The body is read first, even before the bank.
    post(
        &app,
        "/banks/no.bank/customer/nobody/messages",
        Some(&staff),
        &json!({"message": "m"}),
    )
    .await
    .assert_error(
        400,
        "OBP-10001: Incorrect json format. The Json body should be the AddCustomerMessageJson ",
    );
    post(
        &app,
        &format!("/banks/{UK}/customer/{unlinked}/messages"),
        None,
        &body,
    )
    .await
    .assert_error(401, "OBP-20001");
    get(&app, "/banks/no.bank/customer/messages", Some(&staff))
        .await
        .assert_error(404, "OBP-30001");
    get(&app, &format!("/banks/{UK}/customer/messages"), None)
        .await
        .assert_error(401, "OBP-20001");
}
