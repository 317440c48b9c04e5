//! Native tests of the customer backends the pages share: each maps its API's customer to the
//! one record the pages show, edits through its own edit groups, checks input before anything
//! is sent, and offers only what its API has.

use crate::support::{
    calls::{run, values},
    FakeTransport,
};
use customer_console::{
    api::{AuthScheme, Method},
    backend::{self, Backend, Column, Rows},
    config::{AppConfig, BackendKind},
    forms::FormValues,
    query::customer_query::{CustomerQuery, Paging},
};
use futures::executor::block_on;
use serde_json::Value;

const OBP: fn() -> Backend = || backend::for_kind(BackendKind::Obp);
const ENTERPRISE: fn() -> Backend = || backend::for_kind(BackendKind::Enterprise);

fn enterprise_example(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/enterprise/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn an_obp_customer_becomes_a_record_every_edit_card_can_show() {
    // The documented example, with real values where it has placeholders.
    let mut customer: Value =
        serde_json::from_str(fixture!("get-customer-by-customer-id")).unwrap();
    customer["date_of_birth"] = "1990-03-04T00:00:00Z".into();
    customer["face_image"]["date"] = "2019-09-08T00:00:00Z".into();
    let answer = customer.to_string();
    let (record, sent) = run(200, &answer, |api| OBP().get(&api, "gh.29.uk", "cust 1"));
    assert!(
        sent.url.ends_with("/banks/gh.29.uk/customers/cust%201"),
        "{}",
        sent.url
    );
    assert!(record.is_loaded());
    assert!(!record.number.is_empty() && !record.name.is_empty());
    assert!(record.kyc.is_some(), "OBP has KYC");
    for group in OBP().edit_groups() {
        for field in group.fields() {
            assert!(
                record.values.opt(field.name).is_some(),
                "{}: {} has no value",
                group.key,
                field.name
            );
        }
    }
    let facts: Vec<&str> = record.facts.iter().map(|(label, _)| *label).collect();
    assert_eq!(facts[0], "Customer id");
}

#[test]
fn an_enterprise_customer_is_one_group_saved_whole_at_its_profile() {
    let mut customer: Value = serde_json::from_str(&enterprise_example("customer")).unwrap();
    customer["email"] = "info@example.nl".into();
    let customer = customer.to_string();
    let (record, _) = run(200, &customer, |api| {
        ENTERPRISE().get(&api, "demo-profile", "c1")
    });
    assert_eq!(record.tenant, "demo-profile");
    assert_eq!(record.kyc, None, "no KYC in the Enterprise API");
    assert!(record.number.is_empty());
    let groups = ENTERPRISE().edit_groups();
    assert_eq!(groups.len(), 1, "one full PUT");

    // A save sends the whole customer with PUT at the record's profile.
    let (_, sent) = run(200, &customer, |api| {
        ENTERPRISE()
            .start_update(&api, &record, groups[0], &record.values)
            .expect("the record's own values pass the checks")
    });
    assert_eq!(sent.method, Method::Put);
    assert!(sent.url.ends_with(&format!(
        "/v1/profiles/demo-profile/customers/{}",
        record.id
    )));
}

#[test]
fn bad_input_is_refused_before_anything_is_sent() {
    let transport = FakeTransport::new();
    let api = crate::support::calls::api_on(&transport);
    let blank = FormValues::default();
    for backend in [OBP(), ENTERPRISE()] {
        assert!(backend.start_create(&api, "t", &blank, false).is_err());
        assert!(backend.start_sign_in(&api, "t", &blank).is_err());
        let group = backend.edit_groups()[0];
        let record = Default::default();
        assert!(backend.start_update(&api, &record, group, &blank).is_err());
    }
    assert!(transport.requests().is_empty(), "nothing was sent");
}

#[test]
fn the_enterprise_list_pages_by_number_with_totals() {
    let query = CustomerQuery::from_params(Paging::Numbered, |key| {
        crate::support::calls::query_value("?page=3&size=50", key)
    });
    let (page, sent) = run(200, &enterprise_example("customers-page"), |api| {
        ENTERPRISE().list(&api, "demo-profile", &query)
    });
    assert!(sent.url.ends_with("?page=2&size=50"), "{}", sent.url);
    assert!(page.total.is_some(), "the API counts");
    assert!(matches!(page.rows, Rows::Records(ref rows) if !rows.is_empty()));
}

#[test]
fn each_backend_offers_only_what_its_api_has() {
    let config = AppConfig::default();
    let (obp, enterprise) = (OBP().capabilities(), ENTERPRISE().capabilities());
    assert_eq!(
        OBP().scheme(&config),
        (AuthScheme::DirectLogin, "/obp/v5.1.0".to_owned())
    );
    assert_eq!(
        ENTERPRISE().scheme(&config),
        (AuthScheme::Bearer, String::new())
    );
    for caps in [obp, enterprise] {
        assert_eq!(caps.nav[0].path, "/customers", "customers first");
        assert_eq!(caps.tabs[0].path, "", "the profile tab first");
        assert!(caps.columns.iter().any(|(c, _)| *c == Column::Name));
    }
    assert_eq!(enterprise.nav.len(), 1, "no OBP-only pages");
    assert_eq!(enterprise.tabs.len(), 1, "no OBP-only tabs");
    assert!(!enterprise.roles && obp.roles);
    assert!(!enterprise.columns.iter().any(|(c, _)| *c == Column::Kyc));
    assert_eq!(
        (obp.paging, enterprise.paging),
        (Paging::Offset, Paging::Numbered)
    );
}

#[test]
fn the_token_check_sends_the_pasted_token_and_reports_its_failure() {
    let transport = FakeTransport::new().answer(
        Method::Get,
        "",
        Err(customer_console::api::ApiError::Timeout),
    );
    let api = crate::support::calls::api_on(&transport).with_scheme(AuthScheme::Bearer, "");
    let request = ENTERPRISE()
        .start_sign_in(
            &api,
            "demo-profile",
            &values(&[("token", "Bearer abc.def")]),
        )
        .unwrap();
    assert!(block_on(request).is_err());
    let sent = transport.last();
    assert!(sent
        .headers
        .contains(&("Authorization", "Bearer abc.def".to_owned())));
}
