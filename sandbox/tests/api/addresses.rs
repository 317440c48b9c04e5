//! Customer addresses: create, list, update (full replace), delete, roles and error paths.

use crate::common::*;
use axum::http::StatusCode;
use serde_json::{json, Value};

const ADDRESS_KEYS: [&str; 13] = [
    "customer_address_id",
    "customer_id",
    "line_1",
    "line_2",
    "line_3",
    "city",
    "county",
    "state",
    "postcode",
    "country_code",
    "tags",
    "status",
    "insert_date",
];

fn address(city: &str, tags: &[&str]) -> Value {
    json!({
        "line_1": "5 Market Street", "line_2": "Flat 2", "line_3": "",
        "city": city, "county": "Kent", "state": "England", "postcode": "CT1 2AA",
        "country_code": "GB", "tags": tags, "status": "current"
    })
}

#[tokio::test]
async fn create_list_update_delete() {
    let app = app();
    let token = staff(&app).await;
    let id = customer_id(&app, &token, UK, "100010").await;
    let base = format!("/banks/{UK}/customers/{id}");
    let created = post(
        &app,
        &format!("{base}/address"),
        Some(&token),
        &address("Canterbury", &["home", "billing"]),
    )
    .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.json);
    assert_eq!(keys(&created.json), sorted(&ADDRESS_KEYS));
    assert_eq!(created.json["tags"], json!(["home", "billing"]));
    assert_eq!(created.json["status"], "current");
    assert_eq!(created.json["customer_id"], id.as_str());
    let address_id = created.json["customer_address_id"]
        .as_str()
        .expect("id")
        .to_owned();

    let listed = get(&app, &format!("{base}/addresses"), Some(&token)).await;
    assert_eq!(listed.status, StatusCode::OK);
    assert_eq!(listed.json["addresses"], json!([created.json.clone()]));

    let path = format!("{base}/addresses/{address_id}");
    let updated = put(&app, &path, Some(&token), &address("Dover", &["work"])).await;
    assert_eq!(updated.status, StatusCode::OK, "{}", updated.json);
    assert_eq!(updated.json["city"], "Dover");
    assert_eq!(updated.json["tags"], json!(["work"]));
    assert_eq!(updated.json["customer_address_id"], address_id.as_str());
    assert_eq!(updated.json["insert_date"], created.json["insert_date"]);

    let deleted = delete(&app, &path, Some(&token)).await;
    assert_eq!(deleted.status, StatusCode::OK);
    assert_eq!(deleted.raw, b"true");
    let empty = get(&app, &format!("{base}/addresses"), Some(&token)).await;
    assert_eq!(empty.json, json!({"addresses": []}));
    delete(&app, &path, Some(&token)).await.assert_error(
        400,
        "OBP-30310: Customer's Address not found by CUSTOMER_ADDRESS_ID.",
    );
    put(&app, &path, Some(&token), &address("Dover", &[]))
        .await
        .assert_error(400, "OBP-30310");
}

#[tokio::test]
async fn roles_are_checked_at_the_bank() {
    let app = app();
    let (staff, auditor) = (staff(&app).await, auditor(&app).await);
    let id = customer_id(&app, &staff, UK, "100001").await;
    let base = format!("/banks/{UK}/customers/{id}");
    let listed = get(&app, &format!("{base}/addresses"), Some(&auditor)).await;
    assert_eq!(listed.status, StatusCode::OK);
    let address_id = listed.json["addresses"][0]["customer_address_id"]
        .as_str()
        .expect("seeded address")
        .to_owned();
    let body = address("Leeds", &[]);
    let path = format!("{base}/addresses/{address_id}");
    assert_missing_roles(
        &post(&app, &format!("{base}/address"), Some(&auditor), &body).await,
        "CanCreateCustomerAddress at Bank(gh.29.uk)",
    );
    assert_missing_roles(
        &put(&app, &path, Some(&auditor), &body).await,
        "CanCreateCustomer at Bank(gh.29.uk)",
    );
    assert_missing_roles(
        &delete(&app, &path, Some(&auditor)).await,
        "CanDeleteCustomerAddress at Bank(gh.29.uk)",
    );
}

#[tokio::test]
async fn error_paths_follow_obp_order() {
    let app = app();
    let token = staff(&app).await;
    let id = customer_id(&app, &token, UK, "100001").await;
    let body = address("York", &[]);
    post(
        &app,
        &format!("/banks/{UK}/customers/{id}/address"),
        None,
        &body,
    )
    .await
    .assert_error(401, "OBP-20001");
    post(
        &app,
        &format!("/banks/no.bank/customers/{id}/address"),
        Some(&token),
        &body,
    )
    .await
    .assert_error(404, "OBP-30001");
    post(
        &app,
        &format!("/banks/{UK}/customers/nobody/address"),
        Some(&token),
        &json!({"city": "York"}),
    )
    .await
    .assert_error(
        400,
        "OBP-10001: Incorrect json format. The Json body should be the PostCustomerAddressJsonV310",
    );
    post(
        &app,
        &format!("/banks/{UK}/customers/nobody/address"),
        Some(&token),
        &body,
    )
    .await
    .assert_error(404, "OBP-30046");
    get(
        &app,
        &format!("/banks/{UK}/customers/nobody/addresses"),
        Some(&token),
    )
    .await
    .assert_error(404, "OBP-30046");
}

#[tokio::test]
async fn seeded_addresses() {
    let app = app();
    let token = staff(&app).await;
    for (number, count) in [("100001", 2), ("100002", 1), ("100003", 0)] {
        let id = customer_id(&app, &token, UK, number).await;
        let listed = get(
            &app,
            &format!("/banks/{UK}/customers/{id}/addresses"),
            Some(&token),
        )
        .await;
        assert_eq!(
            listed.json["addresses"].as_array().map(Vec::len),
            Some(count)
        );
    }
}
