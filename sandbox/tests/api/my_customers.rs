//! The logged-in user's customers (through user–customer links): My Customers (Customer210, at
//! every bank or one), Customers for Current User (Customer300+attrs, ids only), and the correlated
//! entities.

use crate::common::*;
use serde_json::{json, Value};

/// Customer210: Customer310 without title, branch and name suffix.
fn customer_210_keys() -> Vec<&'static str> {
    let mut keys: Vec<&str> = CUSTOMER_310_KEYS
        .iter()
        .copied()
        .filter(|key| !["title", "branch_id", "name_suffix"].contains(key))
        .collect();
    keys.sort_unstable();
    keys
}

#[tokio::test]
async fn my_customers_at_every_bank_and_at_one() {
    let app = app();
    let (staff, auditor) = (staff(&app).await, auditor(&app).await);
    let mine = get(&app, "/my/customers", Some(&staff)).await;
    assert_eq!(mine.customer_numbers(), ["100001", "100002"]);
    let zoe = &mine.customers()[0];
    assert_eq!(keys(zoe), customer_210_keys());
    assert_eq!(zoe["date_of_birth"], "2004-10-18T00:00:00Z");
    assert_eq!(
        get(&app, "/my/customers", Some(&auditor))
            .await
            .customer_numbers(),
        ["100001"]
    );
    // Link staff to a customer of the other bank.
    let staff_id = current_user_id(&app, &staff).await;
    let jurgen = customer_id(&app, &staff, DE, "200001").await;
    post(
        &app,
        &format!("/banks/{DE}/user_customer_links"),
        Some(&staff),
        &json!({"user_id": staff_id, "customer_id": jurgen}),
    )
    .await
    .assert_status(201);
    assert_eq!(
        get(&app, "/my/customers", Some(&staff))
            .await
            .customer_numbers(),
        ["100001", "100002", "200001"]
    );
    assert_eq!(
        get(&app, &format!("/banks/{UK}/my/customers"), Some(&staff))
            .await
            .customer_numbers(),
        ["100001", "100002"]
    );
    let at_de = get(&app, &format!("/banks/{DE}/my/customers"), Some(&staff)).await;
    assert_eq!(at_de.customer_numbers(), ["200001"]);
    assert_eq!(keys(&at_de.customers()[0]), customer_210_keys());
    get(&app, "/banks/no.bank/my/customers", Some(&staff))
        .await
        .assert_error(404, "OBP-30001");
}

#[tokio::test]
async fn customers_for_the_current_user() {
    let app = app();
    let staff = staff(&app).await;
    let reply = get(&app, "/users/current/customers", Some(&staff)).await;
    assert_eq!(reply.customer_numbers(), ["100001", "100002"]);
    let zoe = &reply.customers()[0];
    let mut expected: Vec<&str> = CUSTOMER_310_KEYS.to_vec();
    expected.push("customer_attributes");
    assert_eq!(keys(zoe), sorted(&expected));
    assert_eq!(zoe["date_of_birth"], "2004-10-18");
    let names: Vec<&Value> = zoe["customer_attributes"]
        .as_array()
        .expect("customer_attributes")
        .iter()
        .map(|a| &a["name"])
        .collect();
    assert_eq!(
        names,
        [
            &json!("SPECIAL_TAX_NUMBER"),
            &json!("LOYALTY_POINTS"),
            &json!("RISK_SCORE"),
            &json!("PASSPORT_EXPIRY")
        ]
    );
    let ids = get(&app, "/users/current/customers/customer_ids", Some(&staff)).await;
    ids.assert_status(200);
    let zoe_id = customer_id(&app, &staff, UK, "100001").await;
    let jose_id = customer_id(&app, &staff, UK, "100002").await;
    assert_eq!(
        ids.json,
        json!({"customers": [{"id": zoe_id}, {"id": jose_id}]})
    );
}

#[tokio::test]
async fn correlated_entities_of_the_current_user() {
    let app = app();
    let (staff, auditor) = (staff(&app).await, auditor(&app).await);
    let reply = get(&app, "/my/correlated-entities", Some(&staff)).await;
    reply.assert_status(200);
    assert_eq!(keys(&reply.json), ["correlated_entities"]);
    let entities = reply.json["correlated_entities"]
        .as_array()
        .expect("correlated_entities");
    let summary: Vec<(&Value, Vec<&Value>)> = entities
        .iter()
        .map(|e| {
            let users = e["users"].as_array().expect("users");
            (
                &e["customer"]["customer_number"],
                users.iter().map(|u| &u["username"]).collect(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (&json!("100001"), vec![&json!("staff"), &json!("auditor")]),
            (&json!("100002"), vec![&json!("staff")]),
        ]
    );
    assert_eq!(keys(&entities[0]), ["customer", "users"]);
    assert_eq!(keys(&entities[0]["customer"]), sorted(CUSTOMER_310_KEYS));
    assert_eq!(
        keys(&entities[0]["users"][0]),
        sorted(&[
            "user_id",
            "email",
            "provider_id",
            "provider",
            "username",
            "user_attributes"
        ])
    );
    let theirs = get(&app, "/my/correlated-entities", Some(&auditor)).await;
    assert_eq!(
        theirs.json["correlated_entities"].as_array().map(Vec::len),
        Some(1)
    );
}

#[tokio::test]
async fn login_only_and_empty_without_links() {
    let app = app_with_users(&json!([{"username": "loner", "password": "pw",
        "email": "l@example.com", "roles": []}]));
    let token = login(&app, "loner", "pw").await;
    for path in [
        "/my/customers",
        "/banks/gh.29.uk/my/customers",
        "/users/current/customers",
        "/users/current/customers/customer_ids",
    ] {
        let reply = get(&app, path, Some(&token)).await;
        assert_eq!(reply.json, json!({"customers": []}), "{path}");
        get(&app, path, None).await.assert_error(401, "OBP-20001");
    }
    let entities = get(&app, "/my/correlated-entities", Some(&token)).await;
    assert_eq!(entities.json, json!({"correlated_entities": []}));
    get(&app, "/my/correlated-entities", None)
        .await
        .assert_error(401, "OBP-20001");
}
