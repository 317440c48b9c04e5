//! Customer overview and overview flat: shapes, accounts found through the `customer_number`
//! account attribute, roles and errors.

use crate::common::*;
use axum::http::StatusCode;
use serde_json::json;

const ACCOUNT_KEYS: [&str; 8] = [
    "account_id",
    "label",
    "product_code",
    "balance",
    "branch_id",
    "contracts",
    "account_routings",
    "account_attributes",
];

const FLAT_KEYS: [&str; 12] = [
    "bank_id",
    "customer_id",
    "customer_number",
    "legal_name",
    "mobile_phone_number",
    "email",
    "date_of_birth",
    "title",
    "branch_id",
    "name_suffix",
    "customer_attributes",
    "accounts",
];

#[tokio::test]
async fn overview_shapes() {
    let app = app();
    let token = auditor(&app).await;
    let body = json!({"customer_number": "100001"});
    let full = post(
        &app,
        &format!("/banks/{UK}/customers/customer-number-query/overview"),
        Some(&token),
        &body,
    )
    .await;
    assert_eq!(full.status, StatusCode::OK, "{}", full.json);
    let mut expected = CUSTOMER_310_KEYS.to_vec();
    expected.extend(["customer_attributes", "accounts"]);
    assert_key_order(&full.raw, &expected);
    assert_eq!(keys(&full.json), sorted(&expected));
    assert_eq!(
        full.json["customer_attributes"].as_array().map(Vec::len),
        Some(4)
    );
    let accounts = full.json["accounts"].as_array().expect("accounts");
    let products: Vec<&str> = accounts
        .iter()
        .filter_map(|a| a["product_code"].as_str())
        .collect();
    assert_eq!(products, ["CURRENT", "SAVINGS"]);
    for account in accounts {
        assert_eq!(keys(account), sorted(&ACCOUNT_KEYS));
        assert_eq!(account["balance"]["currency"], "GBP");
        assert!(account["balance"]["amount"]
            .as_str()
            .is_some_and(|a| a.contains('.')));
        assert_eq!(account["contracts"], json!([]));
        assert_eq!(account["account_routings"][0]["scheme"], "AccountNumber");
        assert_eq!(
            account["account_attributes"][0],
            json!({
                "product_code": account["product_code"], "account_attribute_id": account["account_attributes"][0]["account_attribute_id"],
                "name": "customer_number", "type": "STRING", "value": "100001"
            })
        );
    }

    let flat = post(
        &app,
        &format!("/banks/{UK}/customers/customer-number-query/overview-flat"),
        Some(&token),
        &body,
    )
    .await;
    assert_eq!(flat.status, StatusCode::OK, "{}", flat.json);
    assert_key_order(&flat.raw, &FLAT_KEYS);
    assert_eq!(keys(&flat.json), sorted(&FLAT_KEYS));
    assert_eq!(flat.json["accounts"], full.json["accounts"]);
    assert_eq!(
        flat.json["customer_attributes"],
        full.json["customer_attributes"]
    );
}

#[tokio::test]
async fn customers_without_accounts_have_empty_lists() {
    let app = app();
    let token = staff(&app).await;
    for (bank, number) in [(UK, "100051"), (DE, "200001")] {
        let reply = post(
            &app,
            &format!("/banks/{bank}/customers/customer-number-query/overview"),
            Some(&token),
            &json!({"customer_number": number}),
        )
        .await;
        assert_eq!(reply.status, StatusCode::OK);
        assert_eq!(reply.json["accounts"], json!([]));
        assert_eq!(reply.json["customer_attributes"], json!([]));
    }
}

#[tokio::test]
async fn roles_and_errors() {
    let app = app();
    let token = staff(&app).await;
    for (segment, role) in [
        ("overview", "CanGetCustomerOverview"),
        ("overview-flat", "CanGetCustomerOverviewFlat"),
    ] {
        let path = format!("/banks/{UK}/customers/customer-number-query/{segment}");
        post(&app, &path, None, &json!({"customer_number": "100001"}))
            .await
            .assert_error(401, "OBP-20001");
        post(&app, &path, Some(&token), &json!({"number": "100001"}))
            .await
            .assert_error(400, "OBP-10001: Incorrect json format. The Json body should be the PostCustomerOverviewJsonV500");
        post(
            &app,
            &path,
            Some(&token),
            &json!({"customer_number": "999999"}),
        )
        .await
        .assert_error(404, "OBP-30002");
        // A customer number of another bank is not found at this one.
        post(
            &app,
            &path,
            Some(&token),
            &json!({"customer_number": "200001"}),
        )
        .await
        .assert_error(404, "OBP-30002");
        // Roles come before the customer, and no user holds roles at an unknown bank.
        let denied = post(
            &app,
            &format!("/banks/no.bank/customers/customer-number-query/{segment}"),
            Some(&token),
            &json!({"customer_number": "100001"}),
        )
        .await;
        assert_missing_roles(&denied, &format!("{role} for BankId(no.bank)."));
    }
}
