//! Customer–account links: create, list by customer and by account, get, update, delete (204),
//! roles and OBP's error codes, and the seeded Owner links.

use crate::common::*;
use axum::http::StatusCode;
use serde_json::{json, Value};

const LINK_KEYS: [&str; 5] = [
    "customer_account_link_id",
    "customer_id",
    "bank_id",
    "account_id",
    "relationship_type",
];

/// The seeded links of a customer.
async fn links_of(app: &axum::Router, token: &str, customer_id: &str) -> Vec<Value> {
    let reply = get(
        app,
        &format!("/banks/{UK}/customers/{customer_id}/customer-account-links"),
        Some(token),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.json);
    reply.json["links"].as_array().expect("links").clone()
}

#[tokio::test]
async fn seeded_owner_links() {
    let app = app();
    let token = auditor(&app).await;
    for (number, count) in [
        ("100001", 2),
        ("100002", 1),
        ("100004", 2),
        ("100050", 1),
        ("100051", 0),
    ] {
        let id = customer_id(&app, &token, UK, number).await;
        let links = links_of(&app, &token, &id).await;
        assert_eq!(links.len(), count, "{number}");
        for link in &links {
            assert_eq!(keys(link), sorted(&LINK_KEYS));
            assert_eq!(link["relationship_type"], "Owner");
            assert_eq!(link["customer_id"], id.as_str());
        }
    }
}

#[tokio::test]
async fn create_get_update_list_delete() {
    let app = app();
    let token = staff(&app).await;
    let owner = customer_id(&app, &token, UK, "100002").await;
    let account_id = links_of(&app, &token, &owner).await[0]["account_id"]
        .as_str()
        .expect("account")
        .to_owned();
    let partner = customer_id(&app, &token, UK, "100003").await;
    let body = json!({"customer_id": partner, "bank_id": UK, "account_id": account_id, "relationship_type": "Joint"});
    let created = post(
        &app,
        &format!("/banks/{UK}/customer-account-links"),
        Some(&token),
        &body,
    )
    .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.json);
    assert_eq!(keys(&created.json), sorted(&LINK_KEYS));
    assert_eq!(created.json["relationship_type"], "Joint");
    post(
        &app,
        &format!("/banks/{UK}/customer-account-links"),
        Some(&token),
        &body,
    )
    .await
    .assert_error(
        400,
        "OBP-30223: The Account is already linked to a Customer at the bank specified by BANK_ID",
    );

    let link_id = created.json["customer_account_link_id"]
        .as_str()
        .expect("id")
        .to_owned();
    let path = format!("/banks/{UK}/customer-account-links/{link_id}");
    let one = get(&app, &path, Some(&token)).await;
    assert_eq!(one.status, StatusCode::OK);
    assert_eq!(one.json, created.json);
    let updated = put(
        &app,
        &path,
        Some(&token),
        &json!({"relationship_type": "Guardian"}),
    )
    .await;
    assert_eq!(updated.status, StatusCode::OK, "{}", updated.json);
    assert_eq!(updated.json["relationship_type"], "Guardian");
    assert_eq!(updated.json["account_id"], account_id.as_str());

    let by_account = get(
        &app,
        &format!("/banks/{UK}/accounts/{account_id}/customer-account-links"),
        Some(&token),
    )
    .await;
    assert_eq!(by_account.status, StatusCode::OK);
    let types: Vec<&str> = by_account.json["links"]
        .as_array()
        .expect("links")
        .iter()
        .filter_map(|l| l["relationship_type"].as_str())
        .collect();
    assert_eq!(types, ["Owner", "Guardian"]);

    let deleted = delete(&app, &path, Some(&token)).await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);
    assert!(deleted.raw.is_empty());
    for reply in [
        get(&app, &path, Some(&token)).await,
        put(
            &app,
            &path,
            Some(&token),
            &json!({"relationship_type": "Owner"}),
        )
        .await,
        delete(&app, &path, Some(&token)).await,
    ] {
        reply.assert_error(400, "OBP-30225: Customer Account Link not found. Please specify valid values for CUSTOMER_ACCOUNT_LINK_ID.");
    }
    let unknown_account = get(
        &app,
        &format!("/banks/{UK}/accounts/nope/customer-account-links"),
        Some(&token),
    )
    .await;
    assert_eq!(unknown_account.json, json!({"links": []}));
}

#[tokio::test]
async fn create_errors() {
    let app = app();
    let token = staff(&app).await;
    let uk = customer_id(&app, &token, UK, "100002").await;
    let de = customer_id(&app, &token, DE, "200001").await;
    let account_id = links_of(&app, &token, &uk).await[0]["account_id"]
        .as_str()
        .expect("account")
        .to_owned();
    let body = |customer: &str, account: &str| json!({"customer_id": customer, "bank_id": UK, "account_id": account, "relationship_type": "Owner"});
    let path = format!("/banks/{UK}/customer-account-links");
    post(&app, &path, Some(&token), &json!({"customer_id": uk}))
        .await
        .assert_error(400, "OBP-10001: Incorrect json format. The Json body should be the CreateCustomerAccountLinkJson");
    post(&app, &path, Some(&token), &body("nobody", &account_id))
        .await
        .assert_error(404, "OBP-30046");
    let wrong_bank = post(&app, &path, Some(&token), &body(&de, &account_id)).await;
    assert_eq!(wrong_bank.status, StatusCode::BAD_REQUEST);
    assert_eq!(wrong_bank.message(), "Bank of the customer specified by the CUSTOMER_ID(obp.bank.de) has to matches BANK_ID(gh.29.uk) in URL");
    post(&app, &path, Some(&token), &body(&uk, "no-such-account"))
        .await
        .assert_error(404, "OBP-30018: Bank Account not found.");
    post(
        &app,
        "/banks/no.bank/customer-account-links",
        Some(&token),
        &body(&uk, &account_id),
    )
    .await
    .assert_error(404, "OBP-30001");
    get(
        &app,
        &format!("/banks/{UK}/customers/{de}/customer-account-links"),
        Some(&token),
    )
    .await
    .assert_error(400, "Bank of the customer");
}

#[tokio::test]
async fn roles() {
    let app = app();
    let (staff, auditor) = (staff(&app).await, auditor(&app).await);
    let uk = customer_id(&app, &staff, UK, "100002").await;
    let link = links_of(&app, &auditor, &uk).await[0].clone();
    let link_path = format!(
        "/banks/{UK}/customer-account-links/{}",
        link["customer_account_link_id"].as_str().expect("id")
    );
    let readable = get(&app, &link_path, Some(&auditor)).await;
    assert_eq!(readable.json, link);
    for (reply, role) in [
        (
            post(
                &app,
                &format!("/banks/{UK}/customer-account-links"),
                Some(&auditor),
                &link,
            )
            .await,
            "CanCreateCustomerAccountLink",
        ),
        (
            put(
                &app,
                &link_path,
                Some(&auditor),
                &json!({"relationship_type": "X"}),
            )
            .await,
            "CanUpdateCustomerAccountLink",
        ),
        (
            delete(&app, &link_path, Some(&auditor)).await,
            "CanDeleteCustomerAccountLink",
        ),
    ] {
        assert_missing_roles(&reply, &format!("{role} for BankId(gh.29.uk)."));
    }
}
