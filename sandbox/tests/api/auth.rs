//! DirectLogin, the current user and banks, checked against OBP's statuses, shapes and messages.

use crate::common::*;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use sandbox::Options;
use serde_json::json;

#[tokio::test]
async fn login_returns_a_token_for_both_header_styles() {
    let app = app();
    let preferred =
        format!("username=staff, password=staff-password-1, consumer_key={CONSUMER_KEY}");
    let deprecated = format!(
        r#"DirectLogin username="staff", password="staff-password-1", consumer_key="{CONSUMER_KEY}""#
    );
    for header in [
        ("DirectLogin", preferred.clone()),
        ("directlogin", preferred),
        ("Authorization", deprecated),
    ] {
        let reply = login_with(&app, Some(header.clone())).await;
        assert_eq!(
            reply.status,
            StatusCode::CREATED,
            "{header:?}: {}",
            reply.json
        );
        assert_eq!(keys(&reply.json), ["token"]);
        let token = reply.json["token"].as_str().unwrap_or_default();
        assert_eq!(token.split('.').count(), 3, "JWT-looking: {token}");
        assert_eq!(reply.header("access-control-allow-origin"), Some("*"));
        assert!(reply.header("correlation-id").is_some());
    }
}

/// A login request's credentials header (name, value), if any.
type LoginHeader = Option<(&'static str, String)>;

#[tokio::test]
async fn login_failures_match_obp() {
    let app = app();
    let with = |value: &str| Some(("DirectLogin", value.to_owned()));
    let cases: Vec<(LoginHeader, u16, &str)> = vec![
        (
            None,
            400,
            "OBP-20082: Missing DirectLogin or Authorization header.",
        ),
        (
            Some(("Authorization", "Bearer abc".to_owned())),
            400,
            "OBP-20083: Missing DirectLogin word at the value of Authorization header.",
        ),
        (
            with("username=staff"),
            400,
            "OBP-20002: These DirectLogin parameters are missing:password, consumer_key",
        ),
        (
            with(&format!(
                "username=st<a>ff, password=x, consumer_key={CONSUMER_KEY}"
            )),
            400,
            "OBP-20011: Value contains invalid characters",
        ),
        (
            with("username=staff, password=staff-password-1, consumer_key=wrong-key"),
            401,
            "OBP-20008: Invalid Consumer Key.",
        ),
        (
            with(&format!(
                "username=staff, password=nope, consumer_key={CONSUMER_KEY}"
            )),
            401,
            "OBP-20004: Invalid login credentials. Check username/password.",
        ),
        (
            with(&format!(
                "username=nobody, password=staff-password-1, consumer_key={CONSUMER_KEY}"
            )),
            401,
            "OBP-20004: Invalid login credentials. Check username/password.",
        ),
    ];
    for (header, status, message) in cases {
        let reply = login_with(&app, header.clone()).await;
        reply.assert_error(status, message);
        assert_eq!(reply.message(), message, "{header:?}");
        assert_eq!(reply.header("access-control-allow-origin"), Some("*"));
    }
}

#[tokio::test]
async fn current_user_lists_entitlements() {
    let app = app();
    let token = staff(&app).await;
    let reply = get(&app, "/users/current", Some(&token)).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(
        keys(&reply.json),
        sorted(&[
            "user_id",
            "email",
            "provider_id",
            "provider",
            "username",
            "entitlements",
            "views"
        ])
    );
    assert_eq!(reply.json["username"], "staff");
    assert_eq!(reply.json["email"], "staff@example.com");
    assert_eq!(reply.json["provider_id"], "sandbox");
    assert_eq!(reply.json["views"], json!({"list": []}));
    let list = reply.json["entitlements"]["list"]
        .as_array()
        .expect("entitlements.list");
    let holds = |role: &str, bank: &str| {
        list.iter()
            .any(|e| e["role_name"] == role && e["bank_id"] == bank)
    };
    assert!(holds("CanCreateCustomer", UK) && holds("CanCreateCustomer", DE));
    assert!(holds("CanUpdateCustomerBranch", UK) && holds("CanDeleteCustomerCascade", DE));
    assert!(holds("CanGetCustomersAtAnyBank", "") && holds("CanUseCustomerFirehoseAtAnyBank", ""));
    assert!(list
        .iter()
        .all(|e| keys(e) == ["bank_id", "entitlement_id", "role_name"]));

    let id = get(&app, "/users/current/user_id", Some(&token)).await;
    assert_eq!(id.status, StatusCode::OK);
    assert_eq!(id.json, json!({"user_id": reply.json["user_id"]}));
}

#[tokio::test]
async fn auditor_holds_only_read_roles() {
    let app = app();
    let token = auditor(&app).await;
    let reply = get(&app, "/users/current", Some(&token)).await;
    let list = reply.json["entitlements"]["list"]
        .as_array()
        .expect("entitlements.list");
    assert!(!list.is_empty());
    assert!(
        list.iter().all(|e| e["role_name"]
            .as_str()
            .is_some_and(|r| r.starts_with("CanGet"))),
        "{list:?}"
    );
    assert!(list
        .iter()
        .any(|e| e["role_name"] == "CanGetAnyKycChecks" && e["bank_id"] == ""));
}

#[tokio::test]
async fn authentication_errors() {
    let app = app();
    let anonymous = get(&app, "/users/current", None).await;
    anonymous.assert_error(
        401,
        "OBP-20001: User not logged in. Authentication is required!",
    );
    let challenge = anonymous.header("www-authenticate").unwrap_or_default();
    assert!(challenge.contains("DirectLogin realm="), "{challenge}");
    assert!(anonymous.header("correlation-id").is_some());

    let bad = get(&app, "/users/current", Some("not-a-real-token")).await;
    bad.assert_error(
        400,
        "OBP-20003: This DirectLogin token is invalid or expired:",
    );
    assert_eq!(
        bad.message(),
        "OBP-20003: This DirectLogin token is invalid or expired:not-a-real-token"
    );

    let no_token = send(
        &app,
        Request::get("/obp/v5.1.0/users/current")
            .header("DirectLogin", "username=staff")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    no_token.assert_error(
        400,
        "OBP-20002: These DirectLogin parameters are missing:token",
    );
}

#[tokio::test]
async fn deprecated_authorization_header_carries_the_token() {
    let app = app();
    let token = staff(&app).await;
    let request = Request::get("/obp/v5.1.0/users/current/user_id")
        .header("Authorization", format!("DirectLogin token={token}"))
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&app, request).await.status, StatusCode::OK);
}

#[tokio::test]
async fn users_file_replaces_the_demo_users() {
    let path = scratch_path("users.json");
    let users = json!([{
        "username": "teller",
        "password": "teller-pass",
        "email": "teller@example.com",
        "roles": [{"role_name": "CanGetCustomers", "bank_id": UK}]
    }]);
    std::fs::write(&path, users.to_string()).unwrap();
    let app = app_with(Options {
        users_file: Some(path.clone()),
        ..memory_options()
    });
    let token = login(&app, "teller", "teller-pass").await;
    let me = get(&app, "/users/current", Some(&token)).await;
    assert_eq!(
        me.json["entitlements"]["list"][0]["role_name"],
        "CanGetCustomers"
    );
    let staff = login_with(
        &app,
        Some((
            "DirectLogin",
            format!("username=staff, password=staff-password-1, consumer_key={CONSUMER_KEY}"),
        )),
    )
    .await;
    staff.assert_error(401, "OBP-20004");
    std::fs::remove_file(path).unwrap();
}

#[tokio::test]
async fn banks_are_public() {
    let app = app();
    let reply = get(&app, "/banks", None).await;
    assert_eq!(reply.status, StatusCode::OK);
    let banks = reply.json["banks"].as_array().expect("banks");
    let ids: Vec<&str> = banks.iter().filter_map(|b| b["id"].as_str()).collect();
    assert_eq!(ids, [UK, DE]);
    assert_eq!(
        keys(&banks[0]),
        sorted(&[
            "id",
            "short_name",
            "full_name",
            "logo",
            "website",
            "bank_routings",
            "attributes"
        ])
    );
    assert_eq!(
        banks[0]["bank_routings"][0],
        json!({"scheme": "OBP", "address": UK})
    );
    assert_eq!(banks[0]["bank_routings"][1]["scheme"], "BIC");
    assert_eq!(banks[0]["attributes"], json!([]));

    let one = get(&app, "/banks/obp.bank.de", None).await;
    assert_eq!(one.status, StatusCode::OK);
    assert_eq!(one.json["id"], DE);
    assert!(one.json["bank_code"].is_string());

    get(&app, "/banks/no.such.bank", None).await.assert_error(
        404,
        "OBP-30001: Bank not found. Please specify a valid value for BANK_ID.",
    );
    get(&app, "/banks", Some("bogus"))
        .await
        .assert_error(400, "OBP-20003");
}

#[tokio::test]
async fn tokens_are_independent_per_login() {
    let app = app();
    let (first, second) = (staff(&app).await, staff(&app).await);
    assert_ne!(first, second);
    for token in [first, second] {
        let reply = call(
            &app,
            Method::GET,
            "/obp/v5.1.0/users/current/user_id",
            Some(&token),
            None,
        )
        .await;
        assert_eq!(reply.status, StatusCode::OK);
    }
}

#[tokio::test]
async fn customer_360_endpoints_need_a_login() {
    let app = app();
    let c = "/obp/v5.1.0/banks/gh.29.uk/customers/C";
    let b = "/obp/v5.1.0/banks/gh.29.uk";
    let endpoints = [
        (Method::POST, format!("{c}/address")),
        (Method::GET, format!("{c}/addresses")),
        (Method::PUT, format!("{c}/addresses/A")),
        (Method::DELETE, format!("{c}/addresses/A")),
        (Method::POST, format!("{c}/tax-residence")),
        (Method::GET, format!("{c}/tax-residences")),
        (Method::DELETE, format!("{c}/tax_residencies/T")),
        (Method::POST, format!("{c}/social_media_handles")),
        (Method::GET, format!("{c}/social_media_handles")),
        (Method::POST, format!("{c}/attribute")),
        (Method::GET, format!("{c}/attributes")),
        (Method::GET, format!("{c}/attributes/A")),
        (Method::PUT, format!("{c}/attributes/A")),
        (Method::DELETE, format!("{b}/customers/attributes/A")),
        (Method::PUT, format!("{b}/attribute-definitions/customer")),
        (Method::GET, format!("{b}/attribute-definitions/customer")),
        (
            Method::DELETE,
            format!("{b}/attribute-definitions/D/customer"),
        ),
        (Method::POST, format!("{b}/customer-account-links")),
        (Method::GET, format!("{c}/customer-account-links")),
        (
            Method::GET,
            format!("{b}/accounts/A/customer-account-links"),
        ),
        (Method::GET, format!("{b}/customer-account-links/L")),
        (Method::PUT, format!("{b}/customer-account-links/L")),
        (Method::DELETE, format!("{b}/customer-account-links/L")),
        (Method::POST, format!("{b}/user_customer_links")),
        (Method::GET, format!("{b}/user_customer_links/users/U")),
        (Method::GET, format!("{b}/user_customer_links/customers/C")),
        (Method::DELETE, format!("{b}/user_customer_links/L")),
        (Method::GET, format!("{c}/correlated-users")),
        (
            Method::POST,
            format!("{b}/customers/customer-number-query/overview"),
        ),
        (
            Method::POST,
            format!("{b}/customers/customer-number-query/overview-flat"),
        ),
    ];
    for (method, path) in endpoints {
        let body = matches!(method, Method::POST | Method::PUT).then(|| json!({}));
        let reply = call(&app, method.clone(), &path, None, body.as_ref()).await;
        assert_eq!(
            reply.status,
            StatusCode::UNAUTHORIZED,
            "{method} {path}: {}",
            reply.json
        );
        reply.assert_error(401, "OBP-20001");
    }
}

#[tokio::test]
async fn staff_holds_customer_360_roles_at_both_banks_and_any_bank_variants() {
    let app = app();
    let token = staff(&app).await;
    let reply = get(&app, "/users/current", Some(&token)).await;
    let list = reply.json["entitlements"]["list"]
        .as_array()
        .expect("entitlements.list");
    let holds = |role: &str, bank: &str| {
        list.iter()
            .any(|e| e["role_name"] == role && e["bank_id"] == bank)
    };
    for role in [
        "CanCreateCustomerAddress",
        "CanCreateTaxResidence",
        "CanAddSocialMediaHandle",
        "CanCreateCustomerAttributeAtOneBank",
        "CanCreateCustomerAttributeDefinitionAtOneBank",
        "CanCreateCustomerAccountLink",
        "CanCreateUserCustomerLink",
        "CanGetCustomerOverviewFlat",
        "CanGetCorrelatedUsersInfo",
    ] {
        assert!(
            holds(role, "gh.29.uk") && holds(role, "obp.bank.de"),
            "{role}"
        );
    }
    for role in [
        "CanCreateCustomerAttributeAtAnyBank",
        "CanUpdateCustomerAttributeAtAnyBank",
        "CanDeleteCustomerAttributeAtAnyBank",
        "CanGetCustomerAttributesAtAnyBank",
        "CanGetCustomerAttributeAtAnyBank",
        "CanCreateUserCustomerLinkAtAnyBank",
        "CanGetCorrelatedUsersInfoAtAnyBank",
    ] {
        assert!(holds(role, ""), "{role}");
    }
}

#[tokio::test]
async fn token_ttl_expires_tokens_as_obp_answers_an_expired_one() {
    // Whole seconds: a 2 s token is good for at least one second after it was issued.
    let app = app_with(Options {
        token_ttl_seconds: 2,
        ..memory_options()
    });
    let token = staff(&app).await;
    assert_eq!(
        get(&app, "/users/current", Some(&token)).await.status,
        StatusCode::OK
    );
    tokio::time::sleep(std::time::Duration::from_millis(3100)).await;

    let expired = get(&app, "/users/current", Some(&token)).await;
    expired.assert_error(
        400,
        "OBP-20003: This DirectLogin token is invalid or expired:",
    );
    assert_eq!(
        expired.message(),
        format!("OBP-20003: This DirectLogin token is invalid or expired:{token}")
    );
    // A change sent with the expired token is refused before it touches anything.
    let body = json!({"email": "late@example.com"});
    put(
        &app,
        &format!("/banks/{UK}/customers/{}/email", "any"),
        Some(&token),
        &body,
    )
    .await
    .assert_error(400, "OBP-20003");
    // Signing in again gives a token that works; without a token the answer stays OBP-20001.
    let fresh = staff(&app).await;
    assert_eq!(
        get(&app, "/users/current", Some(&fresh)).await.status,
        StatusCode::OK
    );
    get(&app, "/users/current", None)
        .await
        .assert_error(401, "OBP-20001");
}
