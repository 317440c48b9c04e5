//! User–customer links: create, list by user and by customer, delete, correlated users, roles and
//! OBP's error codes, and the seeded links of the demo users.

use crate::common::*;
use axum::http::StatusCode;
use serde_json::{json, Value};

const LINK_KEYS: [&str; 5] = [
    "user_customer_link_id",
    "customer_id",
    "user_id",
    "date_inserted",
    "is_active",
];

fn customer_ids(reply: &Reply) -> Vec<&str> {
    reply.json["user_customer_links"]
        .as_array()
        .expect("user_customer_links")
        .iter()
        .filter_map(|l| l["customer_id"].as_str())
        .collect()
}

#[tokio::test]
async fn seeded_links_and_correlated_users() {
    let app = app();
    let (staff, auditor) = (staff(&app).await, auditor(&app).await);
    let staff_id = current_user_id(&app, &staff).await;
    let first = customer_id(&app, &staff, UK, "100001").await;
    let second = customer_id(&app, &staff, UK, "100002").await;
    // Not filtered by bank: the links show under any BANK_ID.
    let by_user = get(
        &app,
        &format!("/banks/{DE}/user_customer_links/users/{staff_id}"),
        Some(&auditor),
    )
    .await;
    assert_eq!(by_user.status, StatusCode::OK, "{}", by_user.json);
    assert_eq!(customer_ids(&by_user), [first.as_str(), second.as_str()]);
    assert_eq!(
        keys(&by_user.json["user_customer_links"][0]),
        sorted(&LINK_KEYS)
    );
    assert_eq!(by_user.json["user_customer_links"][0]["is_active"], true);
    let by_customer = get(
        &app,
        &format!("/banks/{UK}/user_customer_links/customers/{first}"),
        Some(&auditor),
    )
    .await;
    assert_eq!(
        by_customer.json["user_customer_links"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );

    let correlated = get(
        &app,
        &format!("/banks/{UK}/customers/{first}/correlated-users"),
        Some(&auditor),
    )
    .await;
    assert_eq!(correlated.status, StatusCode::OK, "{}", correlated.json);
    assert_eq!(keys(&correlated.json), ["customer", "users"]);
    assert_eq!(correlated.json["customer"]["customer_number"], "100001");
    assert!(correlated.json["customer"]
        .get("customer_attributes")
        .is_none());
    let usernames: Vec<&str> = correlated.json["users"]
        .as_array()
        .expect("users")
        .iter()
        .filter_map(|u| u["username"].as_str())
        .collect();
    assert_eq!(usernames, ["staff", "auditor"]);
    assert_eq!(
        keys(&correlated.json["users"][0]),
        sorted(&[
            "user_id",
            "email",
            "provider_id",
            "provider",
            "username",
            "user_attributes"
        ])
    );
    assert_eq!(correlated.json["users"][0]["user_attributes"], json!([]));
    get(
        &app,
        &format!("/banks/{UK}/customers/nobody/correlated-users"),
        Some(&auditor),
    )
    .await
    .assert_error(404, "OBP-30046");
}

#[tokio::test]
async fn create_and_delete() {
    let app = app();
    let (staff, auditor) = (staff(&app).await, auditor(&app).await);
    let auditor_id = current_user_id(&app, &auditor).await;
    let customer = customer_id(&app, &staff, UK, "100005").await;
    let body = json!({"user_id": auditor_id, "customer_id": customer});
    let path = format!("/banks/{UK}/user_customer_links");
    let created = post(&app, &path, Some(&staff), &body).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.json);
    assert_eq!(keys(&created.json), sorted(&LINK_KEYS));
    assert_eq!(
        (
            created.json["user_id"].clone(),
            created.json["customer_id"].clone()
        ),
        (json!(auditor_id), json!(customer))
    );
    post(&app, &path, Some(&staff), &body).await.assert_error(
        400,
        "OBP-30007: The User is already linked to a Customer at the bank specified by BANK_ID",
    );
    let link_id = created.json["user_customer_link_id"].as_str().expect("id");
    let remove = format!("/banks/{UK}/user_customer_links/{link_id}");
    let deleted = delete(&app, &remove, Some(&staff)).await;
    assert_eq!(deleted.status, StatusCode::OK);
    assert_eq!(deleted.raw, b"true");
    delete(&app, &remove, Some(&staff))
        .await
        .assert_error(400, "OBP-30035: User Customer Link not found");
    let after = get(
        &app,
        &format!("/banks/{UK}/user_customer_links/customers/{customer}"),
        Some(&staff),
    )
    .await;
    assert_eq!(after.json, json!({"user_customer_links": []}));
}

#[tokio::test]
async fn create_errors_and_roles() {
    let app = app();
    let (staff, auditor) = (staff(&app).await, auditor(&app).await);
    let staff_id = current_user_id(&app, &staff).await;
    let uk = customer_id(&app, &staff, UK, "100006").await;
    let de = customer_id(&app, &staff, DE, "200001").await;
    let path = format!("/banks/{UK}/user_customer_links");
    let body =
        |user: &str, customer: &str| -> Value { json!({"user_id": user, "customer_id": customer}) };
    post(&app, &path, Some(&staff), &json!({"user_id": staff_id}))
        .await
        .assert_error(400, "OBP-10001: Incorrect json format. The Json body should be the CreateUserCustomerLinkJson");
    let unknown_user = post(&app, &path, Some(&staff), &body("no-such-user", &uk)).await;
    unknown_user.assert_error(404, "OBP-20057");
    assert_eq!(
        unknown_user.message(),
        "OBP-20057: User not found by userId."
    );
    post(&app, &path, Some(&staff), &body(&staff_id, "nobody"))
        .await
        .assert_error(404, "OBP-30046");
    post(&app, &path, Some(&staff), &body(&staff_id, &de))
        .await
        .assert_error(400, "Bank of the customer specified by the CUSTOMER_ID(obp.bank.de) has to matches BANK_ID(gh.29.uk) in URL");
    post(
        &app,
        "/banks/no.bank/user_customer_links",
        Some(&staff),
        &body(&staff_id, &uk),
    )
    .await
    .assert_error(404, "OBP-30001");
    assert_missing_roles(
        &post(&app, &path, Some(&auditor), &body(&staff_id, &uk)).await,
        "CanCreateUserCustomerLinkAtAnyBank or CanCreateUserCustomerLink for BankId(gh.29.uk).",
    );
    assert_missing_roles(
        &delete(&app, &format!("{path}/some-link"), Some(&auditor)).await,
        "CanDeleteUserCustomerLink for BankId(gh.29.uk).",
    );
}
