//! Customer attribute definitions: upsert (201 both ways), list (`attributes`, every bank), delete.

use crate::common::*;
use axum::http::StatusCode;
use serde_json::{json, Value};

const DEFINITION_KEYS: [&str; 9] = [
    "attribute_definition_id",
    "bank_id",
    "name",
    "category",
    "type",
    "description",
    "alias",
    "can_be_seen_on_views",
    "is_active",
];

fn definition(name: &str, kind: &str, category: &str, active: bool) -> Value {
    json!({
        "name": name, "category": category, "type": kind, "description": "d", "alias": "a",
        "can_be_seen_on_views": ["owner", "auditor"], "is_active": active
    })
}

#[tokio::test]
async fn upsert_list_delete() {
    let app = app();
    let token = staff(&app).await;
    let path = format!("/banks/{DE}/attribute-definitions/customer");
    let created = put(
        &app,
        &path,
        Some(&token),
        &definition("VIP", "STRING", "Customer", true),
    )
    .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.json);
    assert_eq!(keys(&created.json), sorted(&DEFINITION_KEYS));
    assert_eq!(created.json["bank_id"], DE);
    assert_eq!(
        created.json["can_be_seen_on_views"],
        json!(["owner", "auditor"])
    );
    let updated = put(
        &app,
        &path,
        Some(&token),
        &definition("VIP", "INTEGER", "Customer", false),
    )
    .await;
    assert_eq!(updated.status, StatusCode::CREATED);
    assert_eq!(
        updated.json["attribute_definition_id"],
        created.json["attribute_definition_id"]
    );
    assert_eq!(
        (
            updated.json["type"].clone(),
            updated.json["is_active"].clone()
        ),
        (json!("INTEGER"), json!(false))
    );

    // Listed from any bank: OBP does not filter by BANK_ID.
    let listed = get(
        &app,
        &format!("/banks/{UK}/attribute-definitions/customer"),
        Some(&token),
    )
    .await;
    assert_eq!(listed.status, StatusCode::OK);
    let names: Vec<&str> = listed.json["attributes"]
        .as_array()
        .expect("attributes")
        .iter()
        .filter_map(|d| d["name"].as_str())
        .collect();
    assert_eq!(
        names,
        [
            "SPECIAL_TAX_NUMBER",
            "LOYALTY_POINTS",
            "RISK_SCORE",
            "PASSPORT_EXPIRY",
            "LEGACY_SEGMENT",
            "VIP"
        ]
    );
    assert_eq!(listed.json["attributes"][4]["is_active"], false);

    let id = created.json["attribute_definition_id"]
        .as_str()
        .expect("id");
    let remove = format!("/banks/{DE}/attribute-definitions/{id}/customer");
    let deleted = delete(&app, &remove, Some(&token)).await;
    assert_eq!(deleted.status, StatusCode::OK);
    assert_eq!(deleted.raw, b"true");
    delete(&app, &remove, Some(&token))
        .await
        .assert_error(400, "OBP-30071: Attribute Definition not found. Please specify a valid value for ATTRIBUTE_DEFINITION_ID.");
}

#[tokio::test]
async fn roles_and_errors() {
    let app = app();
    let (staff, auditor) = (staff(&app).await, auditor(&app).await);
    let path = format!("/banks/{UK}/attribute-definitions/customer");
    let listed = get(&app, &path, Some(&auditor)).await;
    assert_eq!(listed.status, StatusCode::OK);
    assert_missing_roles(
        &put(
            &app,
            &path,
            Some(&auditor),
            &definition("X", "STRING", "Customer", true),
        )
        .await,
        "CanCreateCustomerAttributeDefinitionAtOneBank for BankId(gh.29.uk).",
    );
    assert_missing_roles(
        &delete(
            &app,
            &format!("/banks/{UK}/attribute-definitions/x/customer"),
            Some(&auditor),
        )
        .await,
        "CanDeleteCustomerAttributeDefinitionAtOneBank for BankId(gh.29.uk).",
    );
    put(&app, &path, Some(&staff), &definition("X", "BOOL", "Customer", true))
        .await
        .assert_error(400, "OBP-10001: Incorrect json format. The `Type` field can only accept the following field: DOUBLE(12.1234), STRING(TAX_NUMBER), INTEGER (123)and DATE_WITH_DAY(2012-04-23)");
    put(&app, &path, Some(&staff), &definition("X", "STRING", "Account", true))
        .await
        .assert_error(400, "OBP-10001: Incorrect json format. The `Category` field can only accept the following field: Customer");
    put(&app, &path, Some(&staff), &json!({"name": "X"}))
        .await
        .assert_error(
        400,
        "OBP-10001: Incorrect json format. The Json body should be the AttributeDefinitionJsonV400",
    );
    get(
        &app,
        "/banks/no.bank/attribute-definitions/customer",
        Some(&staff),
    )
    .await
    .assert_error(404, "OBP-30001");
}
