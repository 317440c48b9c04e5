//! Native tests of the Customer 360 resources: the documented examples decode through the real
//! calls, and every call uses OBP's verb, path (with its irregular words) and body fields.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use customer_console::api::{
    account_links::{self, NewAccountLink},
    addresses::{self, AddressBody},
    attributes::{self, AttributeBody, AttributeType, DefinitionBody},
    overview,
    social_media::{self, NewSocialMediaHandle},
    tax_residences::{self, NewTaxResidence},
    user_links::{self, NewUserLink},
    Method,
};
use support::calls::{assert_sent, body_keys, run};

const B: &str = "gh.29.uk";
const C: &str = "7uy8a7e4-6d02-40e3-a129-0b2bf89de8uh";

#[test]
fn addresses_decode_and_use_obp_paths() {
    let (list, request) = run(200, fixture!("get-customer-addresses"), |api| async move {
        addresses::list(&api, B, C).await
    });
    assert_sent(
        &request,
        Method::Get,
        &format!("/banks/{B}/customers/{C}/addresses"),
    );
    assert_eq!(list[0].country_code, "DE");
    assert_eq!(list[0].tags, ["mailing", "home"]);

    let body = AddressBody {
        line_1: "1 Road".into(),
        country_code: "GB".into(),
        ..Default::default()
    };
    let (created, request) = run(201, fixture!("create-address"), |api| async move {
        addresses::create(&api, B, C, &body).await
    });
    assert_sent(
        &request,
        Method::Post,
        &format!("/banks/{B}/customers/{C}/address"),
    );
    assert_eq!(
        body_keys(&request),
        [
            "city",
            "country_code",
            "county",
            "line_1",
            "line_2",
            "line_3",
            "postcode",
            "state",
            "status",
            "tags"
        ]
    );
    assert_eq!(created.city, "Berlin");

    let (_, request) = run(
        200,
        fixture!("update-the-address-of-a-customer"),
        |api| async move { addresses::update(&api, B, C, "a1", &AddressBody::default()).await },
    );
    assert_sent(
        &request,
        Method::Put,
        &format!("/banks/{B}/customers/{C}/addresses/a1"),
    );
    let (_, request) = run(200, "true", |api| async move {
        addresses::delete(&api, B, C, "a1").await
    });
    assert_sent(
        &request,
        Method::Delete,
        &format!("/banks/{B}/customers/{C}/addresses/a1"),
    );
}

#[test]
fn tax_residences_use_three_different_path_words() {
    let (list, request) = run(
        200,
        fixture!("get-tax-residences-of-customer"),
        |api| async move { tax_residences::list(&api, B, C).await },
    );
    assert_sent(
        &request,
        Method::Get,
        &format!("/banks/{B}/customers/{C}/tax-residences"),
    );
    assert_eq!(
        list[0].tax_residence_id,
        "902ba3bb-dedd-45e7-9319-2fd3f2cd98a1"
    );

    let body = NewTaxResidence {
        domain: "DE".into(),
        tax_number: "12/345/67890".into(),
    };
    let (_, request) = run(201, fixture!("create-tax-residence"), |api| async move {
        tax_residences::create(&api, B, C, &body).await
    });
    assert_sent(
        &request,
        Method::Post,
        &format!("/banks/{B}/customers/{C}/tax-residence"),
    );
    assert_eq!(body_keys(&request), ["domain", "tax_number"]);

    let (_, request) = run(200, "true", |api| async move {
        tax_residences::delete(&api, B, C, "t1").await
    });
    assert_sent(
        &request,
        Method::Delete,
        &format!("/banks/{B}/customers/{C}/tax_residencies/t1"),
    );
}

#[test]
fn social_media_handles_list_under_checks() {
    let (list, request) = run(
        200,
        fixture!("get-customer-social-media-handles"),
        |api| async move { social_media::list(&api, B, C).await },
    );
    assert_sent(
        &request,
        Method::Get,
        &format!("/banks/{B}/customers/{C}/social_media_handles"),
    );
    assert_eq!(list[0].customer_number, "5987953");

    let body = NewSocialMediaHandle {
        customer_number: "100001".into(),
        kind: "mastodon".into(),
        ..Default::default()
    };
    let (_, request) = run(
        201,
        fixture!("create-customer-social-media-handle"),
        |api| async move { social_media::create(&api, B, C, &body).await },
    );
    assert_eq!(
        body_keys(&request),
        [
            "customer_number",
            "date_activated",
            "date_added",
            "handle",
            "type"
        ]
    );
}

#[test]
fn attributes_decode_and_delete_uses_the_path_the_code_matches() {
    let (list, request) = run(200, fixture!("get-customer-attributes"), |api| async move {
        attributes::list(&api, B, C).await
    });
    assert_sent(
        &request,
        Method::Get,
        &format!("/banks/{B}/customers/{C}/attributes"),
    );
    assert_eq!(
        (list[0].name.as_str(), list[0].kind.as_str()),
        ("SPECIAL_TAX_NUMBER", "STRING")
    );

    let (one, request) = run(
        200,
        fixture!("get-customer-attribute-by-id"),
        |api| async move { attributes::get(&api, B, C, "x1").await },
    );
    assert_sent(
        &request,
        Method::Get,
        &format!("/banks/{B}/customers/{C}/attributes/x1"),
    );
    assert_eq!(one.value, "123456789");

    let body = AttributeBody {
        name: "LOYALTY".into(),
        kind: AttributeType::Integer.as_str().into(),
        value: "12".into(),
    };
    let sent = body.clone();
    let (_, request) = run(
        201,
        fixture!("create-customer-attribute"),
        |api| async move { attributes::create(&api, B, C, &sent).await },
    );
    assert_sent(
        &request,
        Method::Post,
        &format!("/banks/{B}/customers/{C}/attribute"),
    );
    assert_eq!(body_keys(&request), ["name", "type", "value"]);
    let (_, request) = run(
        200,
        fixture!("update-customer-attribute"),
        |api| async move { attributes::update(&api, B, C, "x1", &body).await },
    );
    assert_sent(
        &request,
        Method::Put,
        &format!("/banks/{B}/customers/{C}/attributes/x1"),
    );

    let (_, request) = run(204, "", |api| async move {
        attributes::delete(&api, B, "x1").await
    });
    assert_sent(
        &request,
        Method::Delete,
        &format!("/banks/{B}/customers/attributes/x1"),
    );
    assert_eq!(
        AttributeType::parse("DATE_WITH_DAY"),
        Some(AttributeType::DateWithDay)
    );
    assert_eq!(AttributeType::parse("date"), None);
}

#[test]
fn attribute_definitions_decode_and_upsert_with_put() {
    let (list, request) = run(
        200,
        fixture!("get-customer-attribute-definition"),
        |api| async move { attributes::definitions(&api, B).await },
    );
    assert_sent(
        &request,
        Method::Get,
        &format!("/banks/{B}/attribute-definitions/customer"),
    );
    assert_eq!(list[0].can_be_seen_on_views, ["bank"]);
    assert!(list[0].is_active);

    let (_, request) = run(
        201,
        fixture!("create-or-update-customer-attribute-definition"),
        |api| async move { attributes::save_definition(&api, B, &DefinitionBody::default()).await },
    );
    assert_sent(
        &request,
        Method::Put,
        &format!("/banks/{B}/attribute-definitions/customer"),
    );
    assert_eq!(
        body_keys(&request),
        [
            "alias",
            "can_be_seen_on_views",
            "category",
            "description",
            "is_active",
            "name",
            "type"
        ]
    );
    let (_, request) = run(200, "true", |api| async move {
        attributes::delete_definition(&api, B, "d1").await
    });
    assert_sent(
        &request,
        Method::Delete,
        &format!("/banks/{B}/attribute-definitions/d1/customer"),
    );
}

#[test]
fn account_links_decode_and_use_obp_paths() {
    let (links, request) = run(
        200,
        fixture!("get-customer-account-links-by-customer-id"),
        |api| async move { account_links::by_customer(&api, B, C).await },
    );
    assert_sent(
        &request,
        Method::Get,
        &format!("/banks/{B}/customers/{C}/customer-account-links"),
    );
    assert_eq!(links[0].relationship_type, "Owner");
    let (_, request) = run(
        200,
        fixture!("get-customer-account-links-by-account-id"),
        |api| async move { account_links::by_account(&api, B, "acc 1").await },
    );
    assert_sent(
        &request,
        Method::Get,
        &format!("/banks/{B}/accounts/acc%201/customer-account-links"),
    );
    let (link, request) = run(
        200,
        fixture!("get-customer-account-link-by-id"),
        |api| async move { account_links::get(&api, B, "l1").await },
    );
    assert_sent(
        &request,
        Method::Get,
        &format!("/banks/{B}/customer-account-links/l1"),
    );
    assert_eq!(link.account_id, "8ca8a7e4-6d02-40e3-a129-0b2bf89de9f0");

    let body = NewAccountLink {
        customer_id: C.into(),
        bank_id: B.into(),
        account_id: "a".into(),
        relationship_type: "Joint".into(),
    };
    let (_, request) = run(
        201,
        fixture!("create-customer-account-link"),
        |api| async move { account_links::create(&api, B, &body).await },
    );
    assert_sent(
        &request,
        Method::Post,
        &format!("/banks/{B}/customer-account-links"),
    );
    assert_eq!(
        body_keys(&request),
        ["account_id", "bank_id", "customer_id", "relationship_type"]
    );

    let (_, request) = run(
        200,
        fixture!("update-customer-account-link-by-id"),
        |api| async move { account_links::update_relationship(&api, B, "l1", "Joint").await },
    );
    assert_sent(
        &request,
        Method::Put,
        &format!("/banks/{B}/customer-account-links/l1"),
    );
    assert_eq!(body_keys(&request), ["relationship_type"]);
    let (_, request) = run(204, "", |api| async move {
        account_links::delete(&api, B, "l1").await
    });
    assert_sent(
        &request,
        Method::Delete,
        &format!("/banks/{B}/customer-account-links/l1"),
    );
}

#[test]
fn user_links_and_correlated_users_decode() {
    let (links, request) = run(
        200,
        fixture!("get-user-customer-links-by-customer"),
        |api| async move { user_links::by_customer(&api, B, C).await },
    );
    assert_sent(
        &request,
        Method::Get,
        &format!("/banks/{B}/user_customer_links/customers/{C}"),
    );
    assert!(links[0].is_active);
    let (_, request) = run(
        200,
        fixture!("get-user-customer-links-by-user"),
        |api| async move { user_links::by_user(&api, B, "u1").await },
    );
    assert_sent(
        &request,
        Method::Get,
        &format!("/banks/{B}/user_customer_links/users/u1"),
    );

    let body = NewUserLink {
        user_id: "u1".into(),
        customer_id: C.into(),
    };
    let (_, request) = run(
        201,
        fixture!("create-user-customer-link"),
        |api| async move { user_links::create(&api, B, &body).await },
    );
    assert_eq!(body_keys(&request), ["customer_id", "user_id"]);
    let (_, request) = run(200, "true", |api| async move {
        user_links::delete(&api, B, "l1").await
    });
    assert_sent(
        &request,
        Method::Delete,
        &format!("/banks/{B}/user_customer_links/l1"),
    );

    let correlated = format!(
        r#"{{"customer":{},"users":[{{"user_id":"u1","email":"a@b.co","provider_id":"a","provider":"p",
            "username":"ada","user_attributes":[{{"user_attribute_id":"x","name":"TIER","type":"STRING",
            "value":"gold","insert_date":"2024-01-01T00:00:00Z"}}]}}]}}"#,
        fixture!("get-customer-by-customer-id")
    );
    let (found, request) = run(200, &correlated, |api| async move {
        user_links::correlated_users(&api, B, C).await
    });
    assert_sent(
        &request,
        Method::Get,
        &format!("/banks/{B}/customers/{C}/correlated-users"),
    );
    assert_eq!(found.customer.legal_name, "Eveline Tripman");
    assert_eq!(found.users[0].user_attributes[0].value, "gold");
}

#[test]
fn both_overviews_decode_with_accounts() {
    for (variant, body) in [
        ("overview", fixture!("get-customer-overview")),
        ("overview-flat", fixture!("get-customer-overview-flat")),
    ] {
        let (found, request) = run(200, body, |api| async move {
            if variant == "overview" {
                overview::overview(&api, B, "5987953").await
            } else {
                overview::overview_flat(&api, B, "5987953").await
            }
        });
        assert_sent(
            &request,
            Method::Post,
            &format!("/banks/{B}/customers/customer-number-query/{variant}"),
        );
        assert_eq!(body_keys(&request), ["customer_number"]);
        assert_eq!(found.customer.customer_number, "5987953", "{variant}");
        let account = &found.accounts[0];
        assert!(!account.account_id.is_empty(), "{variant}");
        assert!(account.balance.is_some(), "{variant}");
        assert!(!account.account_routings.is_empty(), "{variant}");
    }
}

#[test]
fn customer360_errors_have_their_own_hints() {
    let answer = |code: &str| {
        customer_console::api::ApiError::from_response(
            400,
            &format!(r#"{{"code":400,"message":"{code}: from the server"}}"#),
        )
    };
    let generic = answer("OBP-39999").hint().to_string();
    for code in [
        "OBP-20057",
        "OBP-30007",
        "OBP-30008",
        "OBP-30018",
        "OBP-30069",
        "OBP-30071",
        "OBP-30113",
        "OBP-30223",
        "OBP-30225",
        "OBP-30300",
        "OBP-30310",
    ] {
        let error = answer(code);
        assert_eq!(error.code(), Some(code));
        assert_ne!(
            error.hint().to_string(),
            generic,
            "{code} needs a plain-language hint"
        );
    }
}
