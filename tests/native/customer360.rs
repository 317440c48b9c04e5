//! Native tests of the Customer 360 resources and their forms: the documented examples decode
//! through the real calls, every call uses OBP's verb, path (with its irregular words) and body
//! fields, and the forms (addresses, attributes typed by their type and by the bank's definitions,
//! tax residences, social handles, account and user links) check and build what OBP takes.

use crate::support::calls::{assert_sent, body_keys, run, values};
use customer_console::{
    api::{
        account_links::{self, NewAccountLink},
        addresses::{self, Address, AddressBody},
        attributes::{self, AttributeBody, AttributeDefinition, AttributeType, DefinitionBody},
        overview::{self, Amount},
        social_media::{self, NewSocialMediaHandle},
        tax_residences::{self, NewTaxResidence},
        user_links::{self, NewUserLink},
        Method,
    },
    dates,
    forms::{account_link, address, attribute, tax_social, user_link, FieldKind},
    routes::{account_links_path, user_links_path},
};

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

#[test]
fn address_needs_line_city_and_a_real_country() {
    let errors = address::build(&values(&[("country_code", "XX")])).unwrap_err();
    let failed: Vec<_> = errors.keys().collect();
    assert_eq!(failed, ["line_1", "city", "country_code"]);

    let body = address::build(&values(&[
        ("line_1", " 1 Canal Street "),
        ("city", "Amsterdam"),
        ("country_code", "nl"),
        ("tags", "home, , mailing"),
    ]))
    .unwrap();
    assert_eq!(body.line_1, "1 Canal Street");
    assert_eq!(body.country_code, "NL", "codes are sent in capitals");
    assert_eq!(body.tags, ["home", "mailing"]);
    assert_eq!(
        body.line_2, "",
        "OBP requires every field, blank when unused"
    );
}

#[test]
fn address_form_round_trips_and_drops_obps_blank_tag() {
    let stored = Address {
        customer_address_id: "a1".into(),
        line_1: "Unter den Linden 1".into(),
        city: "Berlin".into(),
        country_code: "DE".into(),
        tags: vec![String::new()],
        ..Default::default()
    };
    let form = address::values(&stored);
    assert_eq!(form.raw("tags"), "", "real OBP returns [\"\"] for no tags");
    let body = address::build(&form).unwrap();
    assert!(body.tags.is_empty());
    assert_eq!(address::summary(&stored), "Unter den Linden 1, Berlin, DE");
}

#[test]
fn attribute_value_is_checked_against_its_type() {
    let attempt = |kind: &str, value: &str| {
        attribute::build(&values(&[("name", "X"), ("type", kind), ("value", value)]))
    };
    for (kind, good, bad) in [
        ("STRING", "anything at all", ""),
        ("INTEGER", "-42", "4.2"),
        ("DOUBLE", "12.1234", "12,5"),
        ("DATE_WITH_DAY", "2030-02-28", "2030-02-30"),
    ] {
        assert!(attempt(kind, good).is_ok(), "{kind} {good}");
        let errors = attempt(kind, bad).unwrap_err();
        assert!(errors.contains_key("value"), "{kind} {bad:?}");
    }
    let errors = attempt("BOOLEAN", "true").unwrap_err();
    assert!(errors.contains_key("type"), "only OBP's four types");
    let body = attempt("INTEGER", " 7 ").unwrap();
    assert_eq!((body.kind.as_str(), body.value.as_str()), ("INTEGER", "7"));
}

#[test]
fn value_input_follows_the_type() {
    let kinds: Vec<_> = AttributeType::ALL
        .into_iter()
        .map(|t| attribute::value_field(t).kind)
        .collect();
    assert_eq!(
        kinds,
        [
            FieldKind::Text,
            FieldKind::Integer,
            FieldKind::Decimal,
            FieldKind::Date
        ]
    );
    assert_eq!(FieldKind::Date.input_type(), "date");
    assert_eq!(
        FieldKind::Integer.input_type(),
        "text",
        "typed text reaches the check"
    );
}

fn definition(name: &str, kind: &str, active: bool) -> AttributeDefinition {
    AttributeDefinition {
        attribute_definition_id: format!("def-{name}"),
        name: name.into(),
        kind: kind.into(),
        is_active: active,
        ..Default::default()
    }
}

#[test]
fn definitions_offer_active_names_and_fix_the_type() {
    let all = [
        definition("RISK_SCORE", "INTEGER", true),
        definition("LEGACY", "STRING", false),
        definition("PASSPORT_EXPIRY", "DATE_WITH_DAY", true),
    ];
    let offered: Vec<_> = attribute::offered(&all)
        .into_iter()
        .map(|d| d.name)
        .collect();
    assert_eq!(offered, ["PASSPORT_EXPIRY", "RISK_SCORE"]);

    let mut form = values(&[("value", "2031-05-01")]);
    attribute::apply_definition(&mut form, &all[2]);
    assert_eq!(attribute::chosen_type(&form), AttributeType::DateWithDay);
    let body = attribute::build(&form).unwrap();
    assert_eq!(body.name, "PASSPORT_EXPIRY");
    assert_eq!(body.value, "2031-05-01", "a value typed first is kept");
}

#[test]
fn definition_form_sends_category_customer_and_the_view_list() {
    let mut form = attribute::new_definition_values();
    assert!(form.flag("is_active"), "new definitions start active");
    form.set("name", "SEGMENT".into());
    form.set("can_be_seen_on_views", "bank, owner".into());
    let body = attribute::build_definition(&form).unwrap();
    assert_eq!(body.category, "Customer");
    assert_eq!(body.kind, "STRING");
    assert_eq!(body.can_be_seen_on_views, ["bank", "owner"]);
    let round = attribute::definition_values(&definition("SEGMENT", "STRING", false));
    assert!(!round.flag("is_active"));
}

#[test]
fn tax_and_social_forms() {
    assert!(tax_social::build_tax(&values(&[("domain", "DE")])).is_err());
    let tax =
        tax_social::build_tax(&values(&[("domain", "DE"), ("tax_number", " 12/345 ")])).unwrap();
    assert_eq!(tax.tax_number, "12/345");

    let mut form = tax_social::social_values("2026-11-21");
    form.set("type", "twitter".into());
    form.set("handle", "@zoe".into());
    let body = tax_social::build_social("100001", &form).unwrap();
    assert_eq!(body.customer_number, "100001");
    assert_eq!(body.date_added, "2026-11-21T00:00:00Z");
    form.set("date_activated", "21/11/2026".into());
    assert!(tax_social::build_social("100001", &form).is_err());
}

#[test]
fn account_and_user_link_forms_build_their_bodies() {
    let body = account_link::build_link(
        "gh.29.uk",
        "cust-1",
        &values(&[("account_id", "acc-1"), ("relationship_type", "Joint")]),
    )
    .unwrap();
    assert_eq!(
        (body.bank_id.as_str(), body.customer_id.as_str()),
        ("gh.29.uk", "cust-1")
    );
    assert!(account_link::build_relationship(&values(&[])).is_err());

    assert_eq!(
        user_link::build("cust-1", &values(&[("user_id", " u1 ")]))
            .unwrap()
            .user_id,
        "u1"
    );
}

#[test]
fn overview_balance_reads_both_field_orders() {
    let documented = Amount {
        currency: "EUR".into(),
        amount: "10.00".into(),
    };
    let swapped = Amount {
        currency: "10.00".into(),
        amount: "EUR".into(),
    };
    assert_eq!(documented.display(), "EUR 10.00");
    assert_eq!(swapped.display(), "EUR 10.00", "real OBP swaps them");
}

#[test]
fn in_app_paths_encode_ids() {
    assert_eq!(
        account_links_path("acc 1/x"),
        "/account-links?account_id=acc%201%2Fx"
    );
    assert_eq!(user_links_path("u/1"), "/users/u%2F1/customer-links");
}

#[test]
fn calendar_days() {
    assert_eq!(dates::civil_from_days(0), (1970, 1, 1));
    assert_eq!(dates::civil_from_days(20_513), (2026, 3, 1));
    assert_eq!(dates::civil_from_days(-1), (1969, 12, 31));
    assert_eq!(dates::today().len(), 10);
}
