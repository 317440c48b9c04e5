//! Native tests of the Enterprise API client: the documentation's examples decode, each call uses
//! the documented verb and path with a bearer token, the body is the documented full object, the
//! API's error body maps to field errors, and the customer form checks what the API would.

use crate::support::calls::run;
use customer_console::{
    api::{
        enterprise::{self, Customer, CustomerBody},
        ApiError, AuthScheme, Method,
    },
    config::{AppConfig, BackendKind},
    forms::{enterprise as form, FormValues},
};
use serde_json::Value;

macro_rules! example {
    ($name:literal) => {
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/enterprise/",
            $name,
            ".json"
        ))
    };
}

const P: &str = "demo-profile";

#[test]
fn the_list_decodes_with_its_paging() {
    let (page, request) = run(200, example!("customers-page"), |api| async move {
        enterprise::list(&api.with_scheme(AuthScheme::Bearer, ""), P, 2, 50).await
    });
    assert_eq!(
        request.url,
        "https://api.example/v1/profiles/demo-profile/customers?page=2&size=50"
    );
    assert_eq!(request.method, Method::Get);
    assert!(
        request
            .headers
            .contains(&("Authorization", "Bearer T0KEN".to_owned())),
        "{:?}",
        request.headers
    );
    assert!(request
        .headers
        .iter()
        .all(|(name, _)| *name != "DirectLogin"));
    assert_eq!(
        (page.page, page.pages, page.size, page.count),
        (0, 620, 20, 12383)
    );
    let first = &page.data[0];
    let address = first.address.as_ref().unwrap();
    assert_eq!(
        (address.premise, address.country.as_str()),
        (Some(58), "NL")
    );
    assert_eq!(first.created, "2024-09-25T12:01:00.103Z");
}

#[test]
fn get_create_update_and_delete_use_the_documented_paths_and_body() {
    let body: CustomerBody = {
        let example: Value = serde_json::from_str(example!("create-body")).unwrap();
        let customer: Customer = serde_json::from_value(example).unwrap();
        form::build(&form::values(&customer)).unwrap()
    };
    let one = "https://api.example/v1/profiles/demo-profile/customers/c%201";

    let (found, request) = run(200, example!("customer"), |api| async move {
        enterprise::get(&api.with_scheme(AuthScheme::Bearer, ""), P, "c 1").await
    });
    assert_eq!((request.method, request.url.as_str()), (Method::Get, one));
    assert_eq!(found.address.unwrap().locality, "Hoofddorp");

    let sent = body.clone();
    let (_, request) = run(200, example!("customer"), |api| async move {
        enterprise::create(&api.with_scheme(AuthScheme::Bearer, ""), P, &sent).await
    });
    assert_eq!(request.method, Method::Post);
    assert_eq!(
        request.url,
        "https://api.example/v1/profiles/demo-profile/customers"
    );
    let sent_json: Value = serde_json::from_str(request.body.as_deref().unwrap()).unwrap();
    let documented: Value = serde_json::from_str(example!("create-body")).unwrap();
    assert_eq!(
        sent_json, documented,
        "the body is the documented object, field for field"
    );

    let sent = body.clone();
    let (_, request) = run(200, example!("customer"), |api| async move {
        enterprise::update(&api.with_scheme(AuthScheme::Bearer, ""), P, "c 1", &sent).await
    });
    assert_eq!((request.method, request.url.as_str()), (Method::Put, one));

    let ((), request) = run(200, example!("customer"), |api| async move {
        enterprise::delete(&api.with_scheme(AuthScheme::Bearer, ""), P, "c 1").await
    });
    assert_eq!(
        (request.method, request.url.as_str()),
        (Method::Delete, one)
    );
}

#[test]
fn the_apis_error_body_names_the_fields() {
    let error = ApiError::from_response(
        400,
        r#"{"status":400,"error":"invalid_request","message":"Invalid customer",
            "errors":[{"field":"address.country","message":"Not an ISO 3166-1 alpha-2 code"},
                      {"field":"email","message":"Not an email address"}]}"#,
    );
    assert_eq!(error.field_message("email"), Some("Not an email address"));
    let errors = form::api_field_errors(&error);
    assert_eq!(errors.keys().collect::<Vec<_>>(), ["country", "email"]);
    assert!(!error.hint().is_empty());
    let unauthorized = ApiError::from_response(
        401,
        r#"{"status":401,"error":"unauthorized","message":"Bad token"}"#,
    );
    assert!(
        unauthorized.is_session_over(),
        "a 401 leads back to sign-in"
    );
}

fn values(pairs: &[(&'static str, &str)]) -> FormValues {
    FormValues::from_pairs(pairs.iter().map(|(k, v)| (*k, (*v).to_owned())))
}

#[test]
fn the_form_checks_name_email_phone_country_and_house_number() {
    let errors = form::build(&values(&[
        ("email", "not-an-email"),
        ("phone", "call me"),
        ("country", "XX"),
        ("premise", "twelve"),
    ]))
    .unwrap_err();
    assert_eq!(
        errors.keys().collect::<Vec<_>>(),
        ["email", "phone", "premise", "country", "company"]
    );
    let body = form::build(&values(&[
        ("last_name", "de Vries"),
        ("phone", "+31 6 1234 5678"),
        ("country", "nl"),
        ("premise", "12"),
    ]))
    .unwrap();
    assert_eq!(body.phone, "31612345678", "the API keeps digits only");
    assert_eq!(body.address.country, "NL");
    assert_eq!(body.address.premise, Some(12));
    assert_eq!(body.company, "", "PUT sends every field, blank ones too");
}

#[test]
fn config_selects_the_backend_and_profiles() {
    let config =
        AppConfig::parse(r#"{"backend":"enterprise","profile_ids":["demo-profile","nl"]}"#)
            .unwrap();
    assert_eq!(config.backend, BackendKind::Enterprise);
    assert_eq!(config.profile_ids, ["demo-profile", "nl"]);
    assert_eq!(
        AppConfig::parse("{}").unwrap().backend,
        BackendKind::Obp,
        "OBP by default"
    );
    assert!(AppConfig::parse(r#"{"backend":"soap"}"#).is_err());
}

#[test]
fn names_show_company_or_person() {
    let customer = |company: &str, first: &str, last: &str| Customer {
        company: company.into(),
        first_name: first.into(),
        last_name: last.into(),
        ..Default::default()
    };
    assert_eq!(customer("Acme BV", "", "").display_name(), "Acme BV");
    assert_eq!(
        customer("", "Jan", "de Vries").display_name(),
        "Jan de Vries"
    );
    assert_eq!(
        customer("Acme BV", "Jan", "de Vries").display_name(),
        "Acme BV (Jan de Vries)"
    );
    assert_eq!(customer("", "", "").display_name(), "(no name)");
}

#[test]
fn numbered_paging_math_for_the_url_and_the_api() {
    use customer_console::query::customer_query::{CustomerQuery, Paging};
    let read = |search: &str| {
        CustomerQuery::from_params(Paging::Numbered, |k| {
            crate::support::calls::query_value(search, k)
        })
    };
    let query = read("?page=3&size=50");
    assert_eq!(
        (query.page_number(), query.page.limit, query.page.offset),
        (3, 50, 100)
    );
    assert_eq!(query.to_search(), "?page=3&size=50");
    assert_eq!(query.range(28, Some(128)), "Rows 101\u{2013}128 of 128");
    assert_eq!(
        read("?page=0&size=7"),
        CustomerQuery::paged(Paging::Numbered),
        "odd values fall back"
    );
    assert_eq!(read("?page=x").page_number(), 1);
    assert_eq!(
        query.at_page(99, 7).page_number(),
        7,
        "a jump past the end lands on the last page"
    );
    assert_eq!(query.at_page(0, 7).page_number(), 1);
    assert_eq!(
        query.at_page(5, 0).page_number(),
        1,
        "an empty list has one (empty) page"
    );
    assert_eq!(
        read("?page=9&size=20").range(0, Some(128)),
        "No rows on page 9 of 128 rows"
    );
    assert_eq!(
        read("?page=7&size=20").range(8, Some(128)),
        "Rows 121\u{2013}128 of 128"
    );
    assert_eq!(
        CustomerQuery::default().at_offset(25).range(25, None),
        "Rows 26\u{2013}50"
    );
    assert_eq!(
        read("").to_search(),
        "",
        "the first page at the API's default size is the bare list"
    );
}
