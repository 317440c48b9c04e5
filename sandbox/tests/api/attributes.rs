//! Customer attributes: create, list, get, update (full replace), delete (204 at OBP's odd path),
//! roles, OBP's error codes, and the attributes inside Get Customer.

use crate::common::*;
use axum::http::StatusCode;
use serde_json::{json, Value};

const ATTRIBUTE_KEYS: [&str; 4] = ["customer_attribute_id", "name", "type", "value"];

fn attribute(name: &str, kind: &str, value: &str) -> Value {
    json!({"name": name, "type": kind, "value": value})
}

#[tokio::test]
async fn create_list_get_update_delete() {
    let app = app();
    let token = staff(&app).await;
    let id = customer_id(&app, &token, UK, "100040").await;
    let base = format!("/banks/{UK}/customers/{id}");
    let mut created = Vec::new();
    for (name, kind, value) in [
        ("NICKNAME", "STRING", "Jo"),
        ("CHILDREN", "INTEGER", "3"),
        ("SCORE", "DOUBLE", "12.1234"),
        ("SINCE", "DATE_WITH_DAY", "2012-04-23"),
        // Values are not checked against the type and are stored as sent.
        ("ODD", "INTEGER", "not a number"),
    ] {
        let reply = post(
            &app,
            &format!("{base}/attribute"),
            Some(&token),
            &attribute(name, kind, value),
        )
        .await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.json);
        assert_eq!(keys(&reply.json), sorted(&ATTRIBUTE_KEYS));
        assert_eq!(
            (
                reply.json["name"].clone(),
                reply.json["type"].clone(),
                reply.json["value"].clone()
            ),
            (json!(name), json!(kind), json!(value))
        );
        created.push(reply.json);
    }
    let listed = get(&app, &format!("{base}/attributes"), Some(&token)).await;
    assert_eq!(listed.status, StatusCode::OK);
    assert_eq!(listed.json, json!({"customer_attributes": created.clone()}));
    let in_customer = get(&app, &base, Some(&token)).await;
    assert_eq!(
        in_customer.json["customer_attributes"],
        json!(created.clone())
    );

    let attribute_id = created[0]["customer_attribute_id"]
        .as_str()
        .expect("id")
        .to_owned();
    let path = format!("{base}/attributes/{attribute_id}");
    let one = get(&app, &path, Some(&token)).await;
    assert_eq!(one.status, StatusCode::OK);
    assert_eq!(one.json, created[0]);
    let renamed = put(
        &app,
        &path,
        Some(&token),
        &attribute("ALIAS", "STRING", "Joanna"),
    )
    .await;
    assert_eq!(renamed.status, StatusCode::OK, "{}", renamed.json);
    assert_eq!(
        renamed.json,
        json!({"customer_attribute_id": attribute_id, "name": "ALIAS", "type": "STRING", "value": "Joanna"})
    );

    let deleted = delete(
        &app,
        &format!("/banks/{UK}/customers/attributes/{attribute_id}"),
        Some(&token),
    )
    .await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);
    assert!(deleted.raw.is_empty());
    get(&app, &path, Some(&token))
        .await
        .assert_error(400, "OBP-30069: Customer Attribute not found. Please specify a valid value for CUSTOMER_ATTRIBUTE_ID.");
    // Unknown ids delete quietly, as OBP's bulk delete does.
    let again = delete(
        &app,
        &format!("/banks/{UK}/customers/attributes/{attribute_id}"),
        Some(&token),
    )
    .await;
    assert_eq!(again.status, StatusCode::NO_CONTENT);
    // API Explorer's path (a customer id instead of the word `customers`) is not routed.
    delete(&app, &path, Some(&token))
        .await
        .assert_error(404, "OBP-10404");
}

#[tokio::test]
async fn roles_are_one_bank_or_any_bank() {
    let app = app();
    let (staff, auditor) = (staff(&app).await, auditor(&app).await);
    let id = customer_id(&app, &staff, UK, "100001").await;
    let base = format!("/banks/{UK}/customers/{id}");
    let listed = get(&app, &format!("{base}/attributes"), Some(&auditor)).await;
    assert_eq!(listed.status, StatusCode::OK);
    let attribute_id = listed.json["customer_attributes"][0]["customer_attribute_id"]
        .as_str()
        .expect("seeded")
        .to_owned();
    let body = attribute("X", "STRING", "y");
    for (reply, role) in [
        (
            post(&app, &format!("{base}/attribute"), Some(&auditor), &body).await,
            "CanCreateCustomerAttributeAtOneBank or CanCreateCustomerAttributeAtAnyBank",
        ),
        (
            put(
                &app,
                &format!("{base}/attributes/{attribute_id}"),
                Some(&auditor),
                &body,
            )
            .await,
            "CanUpdateCustomerAttributeAtOneBank or CanUpdateCustomerAttributeAtAnyBank",
        ),
        (
            delete(
                &app,
                &format!("/banks/{UK}/customers/attributes/{attribute_id}"),
                Some(&auditor),
            )
            .await,
            "CanDeleteCustomerAttributeAtOneBank or CanDeleteCustomerAttributeAtAnyBank",
        ),
    ] {
        assert_missing_roles(&reply, &format!("{role} for BankId(gh.29.uk)."));
    }
}

#[tokio::test]
async fn error_paths() {
    let app = app();
    let token = staff(&app).await;
    let uk = customer_id(&app, &token, UK, "100001").await;
    let de = customer_id(&app, &token, DE, "200001").await;
    let base = format!("/banks/{UK}/customers/{uk}");
    post(&app, &format!("{base}/attribute"), Some(&token), &attribute("X", "BOOLEAN", "true"))
        .await
        .assert_error(400, "OBP-10001: Incorrect json format. The `Type` field can only accept the following field: DOUBLE(12.1234), STRING(TAX_NUMBER), INTEGER(123) and DATE_WITH_DAY(2012-04-23)");
    post(
        &app,
        &format!("{base}/attribute"),
        Some(&token),
        &json!({"name": "X"}),
    )
    .await
    .assert_error(
        400,
        "OBP-10001: Incorrect json format. The Json body should be the CustomerAttributeJsonV400",
    );
    post(
        &app,
        &format!("/banks/{UK}/customers/nobody/attribute"),
        Some(&token),
        &attribute("X", "STRING", "y"),
    )
    .await
    .assert_error(404, "OBP-30046");
    let wrong_bank = format!(
        "OBP-30113: Invalid Bank Id (gh.29.uk). The Customer({de}) does not belong to this Bank"
    );
    for reply in [
        post(
            &app,
            &format!("/banks/{UK}/customers/{de}/attribute"),
            Some(&token),
            &attribute("X", "STRING", "y"),
        )
        .await,
        get(
            &app,
            &format!("/banks/{UK}/customers/{de}/attributes"),
            Some(&token),
        )
        .await,
        get(
            &app,
            &format!("/banks/{UK}/customers/{de}/attributes/x"),
            Some(&token),
        )
        .await,
        put(
            &app,
            &format!("/banks/{UK}/customers/{de}/attributes/x"),
            Some(&token),
            &attribute("X", "STRING", "y"),
        )
        .await,
    ] {
        reply.assert_error(400, "OBP-30113");
        assert_eq!(reply.message(), wrong_bank);
    }
    put(
        &app,
        &format!("{base}/attributes/unknown"),
        Some(&token),
        &attribute("X", "STRING", "y"),
    )
    .await
    .assert_error(400, "OBP-30069");
    delete(&app, "/banks/no.bank/customers/attributes/x", Some(&token))
        .await
        .assert_error(404, "OBP-30001");
}

#[tokio::test]
async fn seeded_attributes_show_in_get_customer() {
    let app = app();
    let token = staff(&app).await;
    let reply = post(
        &app,
        &format!("/banks/{UK}/customers/customer-number"),
        Some(&token),
        &json!({"customer_number": "100001"}),
    )
    .await;
    let names: Vec<&str> = reply.json["customer_attributes"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|a| a["name"].as_str())
        .collect();
    assert_eq!(
        names,
        [
            "SPECIAL_TAX_NUMBER",
            "LOYALTY_POINTS",
            "RISK_SCORE",
            "PASSPORT_EXPIRY"
        ]
    );
    let other = post(
        &app,
        &format!("/banks/{UK}/customers/customer-number"),
        Some(&token),
        &json!({"customer_number": "100006"}),
    )
    .await;
    assert_eq!(other.json["customer_attributes"], json!([]));
}
