//! Tax residences: create (`/tax-residence`), list (`tax_residence` key), delete (`/tax_residencies/ID`).

use crate::common::*;
use axum::http::StatusCode;
use serde_json::json;

#[tokio::test]
async fn create_list_delete() {
    let app = app();
    let token = staff(&app).await;
    let id = customer_id(&app, &token, UK, "100020").await;
    let base = format!("/banks/{UK}/customers/{id}");
    let created = post(
        &app,
        &format!("{base}/tax-residence"),
        Some(&token),
        &json!({"domain": "DE", "tax_number": "12 345 678 901"}),
    )
    .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.json);
    assert_eq!(
        keys(&created.json),
        sorted(&["domain", "tax_number", "tax_residence_id"])
    );
    assert_eq!(created.json["domain"], "DE");
    let residence_id = created.json["tax_residence_id"]
        .as_str()
        .expect("id")
        .to_owned();
    let listed = get(&app, &format!("{base}/tax-residences"), Some(&token)).await;
    assert_eq!(listed.status, StatusCode::OK);
    assert_eq!(
        listed.json,
        json!({"tax_residence": [created.json.clone()]})
    );
    let path = format!("{base}/tax_residencies/{residence_id}");
    let deleted = delete(&app, &path, Some(&token)).await;
    assert_eq!(deleted.status, StatusCode::OK);
    assert_eq!(deleted.raw, b"true");
    delete(&app, &path, Some(&token)).await.assert_error(
        400,
        "OBP-30300: Tax Residence not found by TAX_RESIDENCE_ID.",
    );
    let empty = get(&app, &format!("{base}/tax-residences"), Some(&token)).await;
    assert_eq!(empty.json, json!({"tax_residence": []}));
}

#[tokio::test]
async fn roles_and_errors() {
    let app = app();
    let (staff, auditor) = (staff(&app).await, auditor(&app).await);
    let id = customer_id(&app, &staff, UK, "100001").await;
    let base = format!("/banks/{UK}/customers/{id}");
    let listed = get(&app, &format!("{base}/tax-residences"), Some(&auditor)).await;
    assert_eq!(listed.status, StatusCode::OK);
    assert_eq!(listed.json["tax_residence"][0]["tax_number"], "AB123456C");
    let body = json!({"domain": "FR", "tax_number": "1"});
    assert_missing_roles(
        &post(
            &app,
            &format!("{base}/tax-residence"),
            Some(&auditor),
            &body,
        )
        .await,
        "CanCreateTaxResidence at Bank(gh.29.uk)",
    );
    assert_missing_roles(
        &delete(&app, &format!("{base}/tax_residencies/x"), Some(&auditor)).await,
        "CanDeleteTaxResidence at Bank(gh.29.uk)",
    );
    post(
        &app,
        &format!("{base}/tax-residence"),
        Some(&staff),
        &json!({"domain": "FR"}),
    )
    .await
    .assert_error(
        400,
        "OBP-10001: Incorrect json format. The Json body should be the PostTaxResidenceJsonV310",
    );
    post(
        &app,
        &format!("/banks/{UK}/customers/nobody/tax-residence"),
        Some(&staff),
        &body,
    )
    .await
    .assert_error(404, "OBP-30046");
    get(
        &app,
        "/banks/no.bank/customers/x/tax-residences",
        Some(&staff),
    )
    .await
    .assert_error(404, "OBP-30001");
    // The plural create path and the hyphenated delete path are not OBP's.
    post(&app, &format!("{base}/tax-residences"), Some(&staff), &body)
        .await
        .assert_error(404, "OBP-10404");
    delete(&app, &format!("{base}/tax-residences/x"), Some(&staff))
        .await
        .assert_error(404, "OBP-10404");
}
