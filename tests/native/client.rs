//! Native tests of the client: URLs and escaping, headers, request bodies, error mapping.

use std::sync::{
    atomic::{AtomicUsize, Ordering},
    Arc,
};

use crate::support::{calls::api_on, FakeTransport};
use customer_console::{
    api::{
        auth::{self, Credentials},
        customers::{
            self, CreditLimit, CustomerUpdate, FaceImage, NewCustomer, Page, SortDirection,
        },
        encode_segment, roles,
        users::CurrentUser,
        Api, ApiError, Method,
    },
    routes::detail_path,
};
use futures::executor::block_on;
use leptos::prelude::*;
use serde_json::{json, Value};

const BASE: &str = "https://api.example/obp/v5.1.0";
const CUSTOMER: &str = r#"{"customer_id":"c1","legal_name":"A"}"#;

fn keys(value: &Value) -> Vec<String> {
    let mut keys: Vec<String> = value.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    keys
}

#[test]
fn ids_are_escaped_so_they_cannot_change_the_path() {
    assert_eq!(encode_segment("gh.29.uk"), "gh.29.uk");
    assert_eq!(encode_segment("a/b c"), "a%2Fb%20c");
    assert_eq!(encode_segment(".."), "%2E%2E");
    assert_eq!(encode_segment("?x=1#y"), "%3Fx%3D1%23y");
    assert_eq!(encode_segment("Zoë"), "Zo%C3%AB");

    let transport = FakeTransport::new().on(Method::Get, "", 200, CUSTOMER);
    block_on(customers::get(&api_on(&transport), "bank/1", "../x")).unwrap();
    assert_eq!(
        transport.last().url,
        format!("{BASE}/banks/bank%2F1/customers/..%2Fx")
    );
}

const MISSING_GET_CUSTOMER: &str = r#"{"code":403,"message":"OBP-20006: User is missing one or more roles: CanGetCustomer at Bank(gh.29.uk)"}"#;

/// Where each request of `transport` went, below [`BASE`].
fn paths(transport: &FakeTransport) -> Vec<String> {
    transport
        .requests()
        .into_iter()
        .map(|r| r.url.trim_start_matches(BASE).to_owned())
        .collect()
}

#[test]
fn locate_reads_the_customers_own_bank_from_the_record_at_the_first_bank() {
    let documented = fixture!("get-customer-by-customer-id");
    let id = "7uy8a7e4-6d02-40e3-a129-0b2bf89de8uh";
    let transport = FakeTransport::new().on(Method::Get, "", 200, documented);
    let then = ["obp.bank.de".to_owned()];
    let found = block_on(customers::locate(
        &api_on(&transport),
        "other.bank",
        &then,
        id,
    ))
    .unwrap();
    assert_eq!(
        (found.bank_id.as_str(), found.customer_number.as_str()),
        ("gh.29.uk", "5987953")
    );
    assert_eq!(
        paths(&transport),
        [format!("/banks/other.bank/customers/{id}")]
    );
}

#[test]
fn locate_asks_each_other_bank_only_after_a_missing_role_or_an_unknown_bank() {
    let german = r#"{"bank_id":"obp.bank.de","customer_id":"c9","legal_name":"J"}"#;
    let transport = FakeTransport::new()
        .on(Method::Get, "/banks/gh.29.uk/customers/c9", 403, MISSING_GET_CUSTOMER)
        .on(
            Method::Get,
            "/banks/gone.bank/customers/c9",
            404,
            r#"{"code":404,"message":"OBP-30001: Bank not found. Please specify a valid value for BANK_ID."}"#,
        )
        .on(Method::Get, "/banks/obp.bank.de/customers/c9", 200, german)
        .on(Method::Get, "/banks/never.asked/customers/c9", 200, german);
    let then = ["gh.29.uk", "gone.bank", "obp.bank.de", "never.asked"].map(String::from);
    let found = block_on(customers::locate(
        &api_on(&transport),
        "gh.29.uk",
        &then,
        "c9",
    ))
    .unwrap();
    assert_eq!(found.bank_id, "obp.bank.de");
    assert_eq!(
        paths(&transport),
        [
            "/banks/gh.29.uk/customers/c9",
            "/banks/gone.bank/customers/c9",
            "/banks/obp.bank.de/customers/c9"
        ]
    );
}

#[test]
fn locate_stops_at_an_unknown_customer_and_reports_the_first_banks_refusal() {
    let not_found = r#"{"code":404,"message":"OBP-30046: Customer not found. Please specify a valid value for CUSTOMER_ID."}"#;
    let transport = FakeTransport::new()
        .on(Method::Get, "/customers/gone", 404, not_found)
        .on(Method::Get, "/banks/gh.29.uk/customers/c9", 403, MISSING_GET_CUSTOMER)
        .on(
            Method::Get,
            "/banks/obp.bank.de/customers/c9",
            403,
            r#"{"code":403,"message":"OBP-20006: User is missing one or more roles: CanGetCustomer at Bank(obp.bank.de)"}"#,
        );
    let api = api_on(&transport);
    let then = ["obp.bank.de".to_owned()];

    let error = block_on(customers::locate(&api, "gh.29.uk", &then, "gone")).unwrap_err();
    assert_eq!(error.code(), Some("OBP-30046"));
    assert_eq!(
        paths(&transport),
        ["/banks/gh.29.uk/customers/gone"],
        "404 is final"
    );

    let error = block_on(customers::locate(&api, "gh.29.uk", &then, "c9")).unwrap_err();
    assert!(error.to_string().contains("Bank(gh.29.uk)"), "{error}");
    assert_eq!(paths(&transport).len(), 3);

    let nameless = FakeTransport::new().on(Method::Get, "", 200, CUSTOMER);
    let error = block_on(customers::locate(&api_on(&nameless), "gh.29.uk", &[], "c1")).unwrap_err();
    assert!(matches!(error, ApiError::Decode(_)), "{error:?}");
}

#[test]
fn customer_page_paths_name_the_bank_and_escape_both_ids() {
    assert_eq!(
        detail_path("obp.bank.de", "a/b c"),
        "/banks/obp.bank.de/customers/a%2Fb%20c"
    );
    assert_eq!(detail_path("x/y", ".."), "/banks/x%2Fy/customers/%2E%2E");
    assert_eq!(
        detail_path("", "c1"),
        "/customers/c1",
        "no bank: found from the record"
    );
}

#[test]
fn the_banks_holding_a_role_come_once_each_without_system_grants() {
    let user: CurrentUser = serde_json::from_str(
        r#"{"user_id":"u1","entitlements":{"list":[
            {"role_name":"CanGetCustomer","bank_id":"obp.bank.de"},
            {"role_name":"CanGetCustomers","bank_id":"b.bank"},
            {"role_name":"CanGetCustomer","bank_id":""},
            {"role_name":"CanGetCustomer","bank_id":"gh.29.uk"},
            {"role_name":"CanGetCustomer","bank_id":"obp.bank.de"}]}}"#,
    )
    .unwrap();
    assert_eq!(
        user.banks_holding(roles::GET_CUSTOMER),
        ["obp.bank.de", "gh.29.uk"]
    );
}

#[test]
fn list_sends_paging_and_sort_explicitly() {
    let transport = FakeTransport::new().on(Method::Get, "/customers", 200, r#"{"customers":[]}"#);
    let page = Page {
        limit: 25,
        offset: 50,
        sort: SortDirection::Asc,
    };
    block_on(customers::list(&api_on(&transport), "gh.29.uk", page)).unwrap();
    let request = transport.last();
    assert_eq!(request.method, Method::Get);
    assert_eq!(
        request.url,
        format!("{BASE}/banks/gh.29.uk/customers?limit=25&offset=50&sort_direction=ASC")
    );
    assert_eq!(request.body, None);
}

#[test]
fn every_call_carries_the_directlogin_token_header_and_json_content_type() {
    let transport = FakeTransport::new().on(Method::Post, "/customers", 201, CUSTOMER);
    let new = NewCustomer {
        legal_name: "A".into(),
        mobile_phone_number: "+4930901820".into(),
        ..Default::default()
    };
    block_on(customers::create(&api_on(&transport), "gh.29.uk", &new)).unwrap();
    let request = transport.last();
    assert!(request
        .headers
        .contains(&("DirectLogin", "token=T0KEN".to_owned())));
    assert!(request
        .headers
        .contains(&("Content-Type", "application/json".to_owned())));
    assert!(
        !request.url.contains("T0KEN"),
        "the token never goes into a URL"
    );
    assert!(!request
        .headers
        .iter()
        .any(|(name, _)| *name == "Authorization"));
}

#[test]
fn lookups_that_read_use_post_like_obp() {
    let transport = FakeTransport::new()
        .on(Method::Post, "/customers/customer-number", 200, CUSTOMER)
        .on(
            Method::Post,
            "/search/customers/mobile-phone-number",
            201,
            r#"{"customers":[]}"#,
        );
    let api = api_on(&transport);
    block_on(customers::get_by_number(&api, "gh.29.uk", "100001")).unwrap();
    let request = transport.last();
    assert_eq!(
        request.url,
        format!("{BASE}/banks/gh.29.uk/customers/customer-number")
    );
    assert_eq!(
        serde_json::from_str::<Value>(&request.body.unwrap()).unwrap(),
        json!({"customer_number": "100001"})
    );

    block_on(customers::search_by_phone(&api, "gh.29.uk", "+44%")).unwrap();
    let request = transport.last();
    assert_eq!(
        request.url,
        format!("{BASE}/banks/gh.29.uk/search/customers/mobile-phone-number")
    );
    // The doc says customer_phone_number; the server reads mobile_phone_number.
    assert_eq!(
        serde_json::from_str::<Value>(&request.body.unwrap()).unwrap(),
        json!({"mobile_phone_number": "+44%"})
    );
}

#[test]
fn create_body_uses_the_documented_field_names() {
    let full = NewCustomer {
        legal_name: "Eveline Tripman".into(),
        mobile_phone_number: "+49 30 901820".into(),
        customer_number: Some("5987953".into()),
        email: Some("e@example.com".into()),
        face_image: Some(FaceImage {
            url: "https://x/y.png".into(),
            date: "2020-01-27T00:00:00Z".into(),
        }),
        date_of_birth: Some("2018-03-09T00:00:00Z".into()),
        relationship_status: Some("single".into()),
        dependants: Some(2),
        dob_of_dependants: Some(vec![
            "2019-09-08T00:00:00Z".into(),
            "2017-07-12T00:00:00Z".into(),
        ]),
        credit_rating: Some(customers::CreditRating {
            rating: "OBP".into(),
            source: "OBP".into(),
        }),
        credit_limit: Some(CreditLimit {
            currency: "EUR".into(),
            amount: "10.12".into(),
        }),
        highest_education_attained: Some("Master".into()),
        employment_status: Some("worker".into()),
        kyc_status: Some(true),
        last_ok_date: Some("2023-03-13T11:39:33Z".into()),
        title: Some("Dr.".into()),
        branch_id: Some("DERBY6".into()),
        name_suffix: Some("Sr".into()),
    };
    let value = serde_json::to_value(&full).unwrap();
    assert_eq!(
        keys(&value),
        [
            "branch_id",
            "credit_limit",
            "credit_rating",
            "customer_number",
            "date_of_birth",
            "dependants",
            "dob_of_dependants",
            "email",
            "employment_status",
            "face_image",
            "highest_education_attained",
            "kyc_status",
            "last_ok_date",
            "legal_name",
            "mobile_phone_number",
            "name_suffix",
            "relationship_status",
            "title",
        ]
    );
    assert_eq!(keys(&value["face_image"]), ["date", "url"]);
    assert_eq!(keys(&value["credit_limit"]), ["amount", "currency"]);
    assert_eq!(keys(&value["credit_rating"]), ["rating", "source"]);

    let minimal = NewCustomer {
        legal_name: "A".into(),
        mobile_phone_number: "+1".into(),
        ..Default::default()
    };
    assert_eq!(
        keys(&serde_json::to_value(&minimal).unwrap()),
        ["legal_name", "mobile_phone_number"]
    );
}

#[test]
fn each_update_goes_to_its_endpoint_with_only_its_fields() {
    let image = FaceImage {
        url: "u".into(),
        date: "2020-01-27T00:00:00Z".into(),
    };
    let cases = [
        (
            CustomerUpdate::Email {
                email: "e@x.io".into(),
            },
            "email",
            vec!["email"],
        ),
        (
            CustomerUpdate::MobileNumber {
                mobile_phone_number: "+1 555 0100".into(),
            },
            "mobile-number",
            vec!["mobile_phone_number"],
        ),
        (
            CustomerUpdate::Number {
                customer_number: "9".into(),
            },
            "number",
            vec!["customer_number"],
        ),
        (
            CustomerUpdate::Identity {
                legal_name: "A".into(),
                date_of_birth: "1990-01-01T00:00:00Z".into(),
                title: "Dr".into(),
                name_suffix: "".into(),
            },
            "identity",
            vec!["date_of_birth", "legal_name", "name_suffix", "title"],
        ),
        (
            CustomerUpdate::CreditLimit {
                credit_limit: CreditLimit {
                    currency: "EUR".into(),
                    amount: "5".into(),
                },
            },
            "credit-limit",
            vec!["credit_limit"],
        ),
        (
            CustomerUpdate::CreditRating {
                credit_rating: "A".into(),
                credit_source: "Experian".into(),
            },
            "credit-rating-and-source",
            vec!["credit_rating", "credit_source"],
        ),
        (
            CustomerUpdate::Branch {
                branch_id: "LDN-01".into(),
            },
            "branch",
            vec!["branch_id"],
        ),
        (
            CustomerUpdate::Data {
                face_image: image,
                relationship_status: "single".into(),
                dependants: 0,
                highest_education_attained: "BSc".into(),
                employment_status: "employed".into(),
            },
            "data",
            vec![
                "dependants",
                "employment_status",
                "face_image",
                "highest_education_attained",
                "relationship_status",
            ],
        ),
    ];
    for (update, endpoint, fields) in cases {
        let transport = FakeTransport::new().on(Method::Put, "", 200, CUSTOMER);
        block_on(customers::update(
            &api_on(&transport),
            "gh.29.uk",
            "c 1",
            &update,
        ))
        .unwrap();
        let request = transport.last();
        assert_eq!(request.method, Method::Put, "{endpoint}");
        assert_eq!(
            request.url,
            format!("{BASE}/banks/gh.29.uk/customers/c%201/{endpoint}")
        );
        let body: Value = serde_json::from_str(&request.body.unwrap()).unwrap();
        assert_eq!(keys(&body), fields, "{endpoint}");
    }
}

#[test]
fn delete_cascade_accepts_both_obp_success_forms() {
    for (status, body) in [(200, "true"), (204, "")] {
        let transport = FakeTransport::new().on(Method::Delete, "", status, body);
        block_on(customers::delete_cascade(
            &api_on(&transport),
            "gh.29.uk",
            "c1",
        ))
        .unwrap();
        assert_eq!(
            transport.last().url,
            format!("{BASE}/management/cascading/banks/gh.29.uk/customers/c1")
        );
    }
    let transport = FakeTransport::new().on(Method::Delete, "", 200, "false");
    let result = block_on(customers::delete_cascade(
        &api_on(&transport),
        "gh.29.uk",
        "c1",
    ));
    assert!(matches!(result, Err(ApiError::Decode(_))));
}

#[test]
fn login_posts_directlogin_credentials_outside_the_versioned_path() {
    let transport = FakeTransport::new().on(
        Method::Post,
        "/my/logins/direct",
        201,
        r#"{"token":"jwt.abc"}"#,
    );
    let api = Api::new(transport.clone(), "", "v5.1.0", Signal::stored(None), None);
    let credentials = Credentials {
        username: "staff".into(),
        password: "p@ss word".into(),
        consumer_key: "key-1".into(),
    };
    assert_eq!(
        block_on(auth::login(&api, &credentials)).unwrap(),
        "jwt.abc"
    );
    let request = transport.last();
    assert_eq!(request.url, "/my/logins/direct");
    assert_eq!(
        request.headers[0],
        (
            "DirectLogin",
            r#"username="staff", password="p@ss word", consumer_key="key-1""#.to_owned()
        )
    );
}

#[test]
fn obp_errors_map_to_kinds_with_codes_and_hints() {
    let cases = [
        (
            401,
            r#"{"code":401,"message":"OBP-20001: User not logged in. Authentication is required!"}"#,
            Some("OBP-20001"),
            true,
        ),
        (
            400,
            r#"{"code":400,"message":"OBP-20003: This DirectLogin token is invalid or expired: abc"}"#,
            Some("OBP-20003"),
            true,
        ),
        (
            404,
            r#"{"code":404,"message":"OBP-30046: Customer not found. Please specify a valid value for CUSTOMER_ID."}"#,
            Some("OBP-30046"),
            false,
        ),
        (
            400,
            r#"{"code":400,"message":"OBP-30006: Customer Number already exists."}"#,
            Some("OBP-30006"),
            false,
        ),
        (401, "", None, true),
        (502, "<html>Bad gateway</html>", None, false),
    ];
    for (status, body, code, session_over) in cases {
        let error = ApiError::from_response(status, body);
        assert_eq!(error.code(), code, "{body}");
        assert_eq!(error.is_session_over(), session_over, "{body}");
        assert!(!error.hint().is_empty());
    }
    assert_eq!(
        ApiError::from_response(502, "x"),
        ApiError::Http { status: 502 }
    );
    assert!(
        ApiError::from_response(404, r#"{"code":404,"message":"OBP-30046: x"}"#)
            .hint()
            .contains("deleted")
    );
}

#[test]
fn missing_role_drops_the_bank_context_of_every_obp_version() {
    for message in [
        "OBP-20006: User is missing one or more roles: CanGetCustomer at Bank(gh.29.uk)",
        "OBP-20006: User is missing one or more roles: CanGetCustomer for BankId(gh.29.uk).",
        "OBP-20006: User is missing one or more roles: CanGetCustomer",
    ] {
        let body = format!(r#"{{"code":403,"message":"{message}"}}"#);
        match ApiError::from_response(403, &body) {
            ApiError::MissingRole { role, .. } => assert_eq!(role, "CanGetCustomer", "{message}"),
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn missing_role_names_the_role() {
    let error = ApiError::from_response(
        403,
        r#"{"code":403,"message":"OBP-20006: User is missing one or more roles: CanCreateCustomer or CanCreateCustomerAtAnyBank at Bank(gh.29.uk)"}"#,
    );
    match &error {
        ApiError::MissingRole { role, .. } => {
            assert_eq!(role, "CanCreateCustomer or CanCreateCustomerAtAnyBank")
        }
        other => panic!("{other:?}"),
    }
    assert!(error
        .hint()
        .contains("CanCreateCustomer or CanCreateCustomerAtAnyBank"));
}

#[test]
fn a_session_that_ends_is_reported_once_per_failing_call() {
    let ended = Arc::new(AtomicUsize::new(0));
    let counter = ended.clone();
    let callback = Callback::new(move |_| {
        counter.fetch_add(1, Ordering::SeqCst);
    });
    let transport = FakeTransport::new()
        .on(
            Method::Get,
            "/banks",
            400,
            r#"{"code":400,"message":"OBP-20003: This DirectLogin token is invalid or expired: "}"#,
        )
        .on(
            Method::Get,
            "/users/current",
            403,
            r#"{"code":403,"message":"OBP-20006: User is missing one or more roles: CanX"}"#,
        );
    let api = Api::new(
        transport,
        "",
        "v5.1.0",
        Signal::stored(Some("old".into())),
        Some(callback),
    );
    assert!(block_on(customer_console::api::banks::list(&api))
        .unwrap_err()
        .is_session_over());
    assert!(!block_on(customer_console::api::users::current(&api))
        .unwrap_err()
        .is_session_over());
    assert_eq!(ended.load(Ordering::SeqCst), 1);
}

#[test]
fn network_failures_and_timeouts_pass_through() {
    for failure in [
        ApiError::Timeout,
        ApiError::Network("connection refused".into()),
    ] {
        let transport = FakeTransport::new().answer(Method::Get, "/banks", Err(failure.clone()));
        let result = block_on(customer_console::api::banks::list(&api_on(&transport)));
        assert_eq!(result.unwrap_err(), failure);
    }
}
