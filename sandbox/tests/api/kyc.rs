//! KYC: the seeded checks, documents, media and statuses, create-or-update PUTs, OBP's check order
//! (role before bank), roles and error codes.

use crate::common::*;
use axum::Router;
use serde_json::{json, Value};

const CHECK_KEYS: [&str; 10] = [
    "bank_id",
    "customer_id",
    "id",
    "customer_number",
    "date",
    "how",
    "staff_user_id",
    "staff_name",
    "satisfied",
    "comments",
];
const DOCUMENT_KEYS: [&str; 9] = [
    "bank_id",
    "customer_id",
    "id",
    "customer_number",
    "type",
    "number",
    "issue_date",
    "issue_place",
    "expiry_date",
];
const MEDIA_KEYS: [&str; 9] = [
    "bank_id",
    "customer_id",
    "id",
    "customer_number",
    "type",
    "url",
    "date",
    "relates_to_kyc_document_id",
    "relates_to_kyc_check_id",
];
const STATUS_KEYS: [&str; 4] = ["customer_id", "customer_number", "ok", "date"];

fn check_body(comments: &str) -> Value {
    json!({"customer_number": "100003", "date": "2024-05-01T09:00:00Z", "how": "in branch",
           "staff_user_id": "u-1", "staff_name": "Sam Taylor", "satisfied": true, "comments": comments})
}

fn document_body(number: &str) -> Value {
    json!({"customer_number": "100003", "type": "passport", "number": number,
           "issue_date": "2020-01-02T00:00:00Z", "issue_place": "Leeds, GB",
           "expiry_date": "2030-01-01T00:00:00Z"})
}

fn media_body(url: &str) -> Value {
    json!({"customer_number": "100003", "type": "image", "url": url,
           "date": "2024-05-01T09:05:00Z", "relates_to_kyc_document_id": "doc-1",
           "relates_to_kyc_check_id": "check-1"})
}

fn status_body(ok: bool, date: &str) -> Value {
    json!({"customer_number": "100003", "ok": ok, "date": date})
}

/// A kind of KYC record written by PUT with an id: its paths, list key, response keys, and a body
/// whose `field` holds the given text.
struct Kind {
    segment: &'static str,
    list: &'static str,
    key: &'static str,
    field: &'static str,
    keys: &'static [&'static str],
    body: fn(&str) -> Value,
}

/// The list at `/customers/ID/{kind}` under `key`.
async fn listed(app: &Router, token: &str, id: &str, kind: &str, key: &str) -> Vec<Value> {
    let reply = get(app, &format!("/customers/{id}/{kind}"), Some(token)).await;
    reply.list(key).clone()
}

#[tokio::test]
async fn seeded_records_read_with_the_system_roles() {
    let app = app();
    let auditor = auditor(&app).await;
    let zoe = customer_id(&app, &auditor, UK, "100001").await;
    let jose = customer_id(&app, &auditor, UK, "100002").await;

    let documents = listed(&app, &auditor, &zoe, "kyc_documents", "documents").await;
    assert_eq!(keys(&documents[0]), sorted(&DOCUMENT_KEYS));
    let summary: Vec<(&Value, &Value)> = documents
        .iter()
        .map(|d| (&d["type"], &d["expiry_date"]))
        .collect();
    assert_eq!(
        summary,
        [
            (&json!("passport"), &json!("2031-05-17T00:00:00Z")),
            (&json!("driving_licence"), &json!("2032-01-09T00:00:00Z")),
        ]
    );
    assert_eq!(documents[0]["customer_id"], json!(zoe));
    assert_eq!(documents[0]["bank_id"], UK);
    let expired = listed(&app, &auditor, &jose, "kyc_documents", "documents").await;
    assert_eq!(expired.len(), 1);
    assert_eq!(
        (&expired[0]["type"], &expired[0]["expiry_date"]),
        (&json!("passport"), &json!("2024-06-01T00:00:00Z"))
    );

    let checks = listed(&app, &auditor, &zoe, "kyc_checks", "checks").await;
    assert_eq!(keys(&checks[0]), sorted(&CHECK_KEYS));
    assert_eq!(
        (&checks[0]["how"], &checks[0]["satisfied"]),
        (&json!("video call"), &json!(true))
    );
    let failed = listed(&app, &auditor, &jose, "kyc_checks", "checks").await;
    assert_eq!(failed[0]["satisfied"], false);

    let media = listed(&app, &auditor, &zoe, "kyc_media", "medias").await;
    assert_eq!(media.len(), 1);
    assert_eq!(keys(&media[0]), sorted(&MEDIA_KEYS));
    assert_eq!(media[0]["relates_to_kyc_document_id"], documents[0]["id"]);
    assert_eq!(media[0]["relates_to_kyc_check_id"], checks[0]["id"]);

    let statuses = listed(&app, &auditor, &zoe, "kyc_statuses", "statuses").await;
    assert_eq!(keys(&statuses[0]), sorted(&STATUS_KEYS));
    let timeline: Vec<(&Value, &Value)> = statuses.iter().map(|s| (&s["ok"], &s["date"])).collect();
    assert_eq!(
        timeline,
        [
            (&json!(true), &json!("2024-03-04T10:30:00Z")),
            (&json!(false), &json!("2023-11-20T09:00:00Z")),
        ]
    );
    assert!(listed(&app, &auditor, &jose, "kyc_statuses", "statuses")
        .await
        .is_empty());
}

#[tokio::test]
async fn puts_create_or_update_by_the_id_in_the_path() {
    let app = app();
    let staff = staff(&app).await;
    let id = customer_id(&app, &staff, UK, "100003").await;
    let base = format!("/banks/{UK}/customers/{id}");
    let kinds = [
        Kind {
            segment: "kyc_check",
            list: "kyc_checks",
            key: "checks",
            field: "comments",
            keys: &CHECK_KEYS,
            body: check_body,
        },
        Kind {
            segment: "kyc_documents",
            list: "kyc_documents",
            key: "documents",
            field: "number",
            keys: &DOCUMENT_KEYS,
            body: document_body,
        },
        Kind {
            segment: "kyc_media",
            list: "kyc_media",
            key: "medias",
            field: "url",
            keys: &MEDIA_KEYS,
            body: media_body,
        },
    ];
    for Kind {
        segment,
        list,
        key,
        field,
        keys: expected_keys,
        body,
    } in kinds
    {
        let (first, second) = (body("first"), body("second"));
        for record_id in ["kyc-1", "kyc-2"] {
            let path = format!("{base}/{segment}/{record_id}");
            let created = put(&app, &path, Some(&staff), &first).await;
            assert_eq!(created.status.as_u16(), 201, "{segment}: {}", created.json);
            assert_eq!(keys(&created.json), sorted(expected_keys), "{segment}");
            assert_eq!(
                (
                    &created.json["id"],
                    &created.json["bank_id"],
                    &created.json["customer_id"]
                ),
                (&json!(record_id), &json!(UK), &json!(id)),
            );
        }
        let updated = put(
            &app,
            &format!("{base}/{segment}/kyc-1"),
            Some(&staff),
            &second,
        )
        .await;
        assert_eq!(updated.status.as_u16(), 201, "{segment}: {}", updated.json);
        assert_eq!(updated.json[field], second[field]);
        // One row per id; the last written comes first.
        let rows = listed(&app, &staff, &id, list, key).await;
        let ids: Vec<&Value> = rows.iter().map(|row| &row["id"]).collect();
        assert_eq!(ids, [&json!("kyc-1"), &json!("kyc-2")], "{segment}");
        assert_eq!(rows[0], updated.json, "{segment}");
        assert_eq!(rows[1][field], first[field], "{segment}");
    }
}

#[tokio::test]
async fn a_status_is_kept_per_bank_and_leaves_the_customer_alone() {
    let app = app();
    let staff = staff(&app).await;
    let id = customer_id(&app, &staff, UK, "100003").await;
    let before = get(&app, &format!("/banks/{UK}/customers/{id}"), Some(&staff)).await;
    let path = format!("/banks/{UK}/customers/{id}/kyc_statuses");
    let first = put(
        &app,
        &path,
        Some(&staff),
        &status_body(true, "2024-01-01T00:00:00Z"),
    )
    .await;
    assert_eq!(first.status.as_u16(), 201, "{}", first.json);
    assert_eq!(
        first.json,
        json!({"customer_id": id, "customer_number": "100003", "ok": true,
               "date": "2024-01-01T00:00:00Z"})
    );
    assert_key_order(&first.raw, &STATUS_KEYS);
    let second = put(
        &app,
        &path,
        Some(&staff),
        &status_body(false, "2024-02-01T00:00:00Z"),
    )
    .await;
    assert_eq!(second.status.as_u16(), 201);
    assert_eq!(
        listed(&app, &staff, &id, "kyc_statuses", "statuses").await,
        std::slice::from_ref(&second.json)
    );
    let elsewhere = put(
        &app,
        &format!("/banks/{DE}/customers/{id}/kyc_statuses"),
        Some(&staff),
        &status_body(true, "2023-06-01T00:00:00Z"),
    )
    .await;
    assert_eq!(elsewhere.status.as_u16(), 201);
    let statuses = listed(&app, &staff, &id, "kyc_statuses", "statuses").await;
    assert_eq!(statuses, [second.json, elsewhere.json]);
    let after = get(&app, &format!("/banks/{UK}/customers/{id}"), Some(&staff)).await;
    assert_eq!(after.json["kyc_status"], before.json["kyc_status"]);
}

#[tokio::test]
async fn roles_and_errors() {
    let app = app();
    let (staff, auditor) = (staff(&app).await, auditor(&app).await);
    let id = customer_id(&app, &staff, UK, "100001").await;
    let base = format!("/banks/{UK}/customers/{id}");
    for (segment, role) in [
        ("kyc_check/x", "CanAddKycCheck"),
        ("kyc_documents/x", "CanAddKycDocument"),
        ("kyc_media/x", "CanAddKycMedia"),
        ("kyc_statuses", "CanAddKycStatus"),
    ] {
        let path = format!("{base}/{segment}");
        assert_missing_roles(
            &put(&app, &path, Some(&auditor), &json!({})).await,
            &format!("{role} at Bank(gh.29.uk)"),
        );
        put(&app, &path, None, &json!({}))
            .await
            .assert_error(401, "OBP-20001");
    }
    for kind in ["kyc_checks", "kyc_documents", "kyc_media", "kyc_statuses"] {
        get(&app, &format!("/customers/{id}/{kind}"), None)
            .await
            .assert_error(401, "OBP-20001");
        get(&app, &format!("/customers/nobody/{kind}"), Some(&auditor))
            .await
            .assert_error(404, "OBP-30046");
    }
    // The customer is looked up before the body is read.
    put(
        &app,
        &format!("/banks/{UK}/customers/nobody/kyc_documents/x"),
        Some(&staff),
        &json!({}),
    )
    .await
    .assert_error(404, "OBP-30046");
    let mut incomplete = document_body("1");
    incomplete
        .as_object_mut()
        .expect("object")
        .remove("issue_place");
    put(
        &app,
        &format!("{base}/kyc_documents/x"),
        Some(&staff),
        &incomplete,
    )
    .await
    .assert_error(
        400,
        "OBP-10001: Incorrect json format. The Json body should be the PostKycDocumentJSON ",
    );
    put(
        &app,
        &format!("{base}/kyc_statuses"),
        Some(&staff),
        &status_body(true, "2024-01-01T00:00:00.000Z"),
    )
    .await
    .assert_error(
        400,
        "OBP-10001: Incorrect json format. The Json body should be the PostKycStatusJSON ",
    );
    // The role is checked at BANK_ID before the bank is looked up.
    assert_missing_roles(
        &put(
            &app,
            &format!("/banks/no.bank/customers/{id}/kyc_check/x"),
            Some(&staff),
            &check_body("c"),
        )
        .await,
        "CanAddKycCheck at Bank(no.bank)",
    );
}

#[tokio::test]
async fn unknown_bank_and_missing_system_roles() {
    let app = app_with_users(&json!([{"username": "teller", "password": "pw",
        "email": "t@example.com", "roles": [
            {"role_name": "CanGetCustomer", "bank_id": UK},
            {"role_name": "CanAddKycCheck", "bank_id": "no.bank"}]}]));
    let token = login(&app, "teller", "pw").await;
    let id = customer_id(&app, &token, UK, "100001").await;
    put(
        &app,
        &format!("/banks/no.bank/customers/{id}/kyc_check/x"),
        Some(&token),
        &check_body("c"),
    )
    .await
    .assert_error(404, "OBP-30001");
    for (kind, role) in [
        ("kyc_checks", "CanGetAnyKycChecks"),
        ("kyc_documents", "CanGetAnyKycDocuments"),
        ("kyc_media", "CanGetAnyKycMedia"),
        ("kyc_statuses", "CanGetAnyKycStatuses"),
    ] {
        assert_missing_roles(
            &get(&app, &format!("/customers/{id}/{kind}"), Some(&token)).await,
            role,
        );
    }
}
