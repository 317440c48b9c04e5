//! Native tests of the Customer 360 forms: addresses, attributes typed by their type and by
//! the bank's definitions, tax residences, social handles, account and user links.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use customer_console::{
    api::{
        addresses::Address,
        attributes::{AttributeDefinition, AttributeType},
        overview::Amount,
        ApiError,
    },
    dates,
    forms::{account_link, address, attribute, tax_social, user_link, FieldKind},
    routes::{account_links_path, user_links_path},
};
use support::values;

fn obp(code: &str) -> ApiError {
    ApiError::Obp {
        status: 400,
        code: code.to_owned(),
        message: format!("{code}: something"),
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
fn account_and_user_link_forms_name_the_field_an_error_concerns() {
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

    let errors = account_link::field_errors(&obp("OBP-30223"));
    assert_eq!(errors.keys().collect::<Vec<_>>(), ["account_id"]);
    assert!(account_link::field_errors(&obp("OBP-20006")).is_empty());
    let errors = user_link::field_errors(&obp("OBP-20057"));
    assert_eq!(errors.keys().collect::<Vec<_>>(), ["user_id"]);
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
