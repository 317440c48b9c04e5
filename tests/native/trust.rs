//! Native tests of the client's trust rules: secrets never in `Debug`, a late 401 for an old
//! token leaves a newer session alone, a change that timed out is "outcome unknown" and a new
//! customer is looked up before it is created again, and KYC ids are random.

use std::{
    collections::HashSet,
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc,
    },
};

use crate::support::{calls::api_on, FakeTransport};
use customer_console::api::{
    auth::Credentials,
    customers::{self, NewCustomer},
    kyc, Api, ApiError, HttpRequest, HttpResponse, LocalFuture, Method, Transport,
};
use futures::executor::block_on;
use leptos::prelude::*;

const EXPIRED: &str =
    r#"{"code":401,"message":"OBP-20001: User not logged in. Authentication is required!"}"#;

#[test]
fn debug_output_carries_no_secret() {
    let credentials = Credentials {
        username: "staff".into(),
        password: "s3cret-pass".into(),
        consumer_key: "key-123".into(),
    };
    let shown = format!("{credentials:?}");
    assert!(shown.contains("staff"), "{shown}");
    assert!(
        !shown.contains("s3cret-pass") && !shown.contains("key-123"),
        "{shown}"
    );

    let request = HttpRequest {
        method: Method::Post,
        url: "https://api.example/my/logins/direct".into(),
        headers: vec![
            ("DirectLogin", credentials.header()),
            ("Authorization", "Bearer T0KEN-abc".into()),
        ],
        body: Some("{}".into()),
    };
    let shown = format!("{request:?}");
    assert!(
        shown.contains("DirectLogin") && shown.contains("/my/logins/direct"),
        "{shown}"
    );
    for secret in ["s3cret-pass", "key-123", "T0KEN-abc"] {
        assert!(!shown.contains(secret), "{secret} in {shown}");
    }
}

/// Answers every request with "not logged in", after the user has signed in again meanwhile
/// (the token becomes `now`), as a slow answer to a request sent with an older token would.
struct SignsInMeanwhile {
    token: RwSignal<Option<String>>,
    now: Option<String>,
}

impl Transport for SignsInMeanwhile {
    fn send(&self, _: HttpRequest) -> LocalFuture<Result<HttpResponse, ApiError>> {
        self.token.set(self.now.clone());
        Box::pin(async {
            Ok(HttpResponse {
                status: 401,
                body: EXPIRED.to_owned(),
            })
        })
    }

    /// Never called: a 401 is not retried.
    fn sleep(&self, _ms: u32) -> LocalFuture<()> {
        Box::pin(std::future::ready(()))
    }
}

/// Sends one request with token `sent`, the session's token being `now` when the 401 arrives;
/// returns how often the session was ended.
fn sessions_ended(sent: &str, now: Option<&str>) -> usize {
    let ended = Arc::new(AtomicUsize::new(0));
    let counter = ended.clone();
    let token = RwSignal::new(Some(sent.to_owned()));
    let transport = Arc::new(SignsInMeanwhile {
        token,
        now: now.map(str::to_owned),
    });
    let callback = Callback::new(move |_| {
        counter.fetch_add(1, Ordering::SeqCst);
    });
    let api = Api::new(transport, "", "v5.1.0", token.into(), Some(callback));
    let error = block_on(customer_console::api::banks::list(&api)).unwrap_err();
    assert!(error.is_session_over());
    ended.load(Ordering::SeqCst)
}

#[test]
fn a_late_401_for_an_old_token_leaves_the_newer_session_alone() {
    assert_eq!(sessions_ended("old", Some("new")), 0, "a newer session");
    assert_eq!(sessions_ended("old", None), 0, "already signed out");
    assert_eq!(
        sessions_ended("current", Some("current")),
        1,
        "the current session"
    );
}

fn timing_out(method: Method) -> Arc<FakeTransport> {
    FakeTransport::new().answer(method, "", Err(ApiError::Timeout))
}

fn new_customer(number: Option<&str>) -> NewCustomer {
    NewCustomer {
        legal_name: "Zoë Müller".into(),
        mobile_phone_number: "+44 7700 900123".into(),
        customer_number: number.map(str::to_owned),
        ..Default::default()
    }
}

#[test]
fn a_change_that_times_out_has_an_unknown_outcome_and_a_read_does_not() {
    let create = block_on(customers::create(
        &api_on(&timing_out(Method::Post)),
        "gh.29.uk",
        &new_customer(None),
    ));
    let error = create.unwrap_err();
    assert_eq!(error, ApiError::OutcomeUnknown);
    assert!(error.outcome_unknown());
    assert!(error.hint().contains("cannot tell whether this was saved"));
    assert!(error.hint().contains("kept"));

    let delete = block_on(customers::delete_cascade(
        &api_on(&timing_out(Method::Delete)),
        "gh.29.uk",
        "c1",
    ));
    assert_eq!(delete.unwrap_err(), ApiError::OutcomeUnknown);

    // Reads stay plain timeouts, including OBP's reads by POST.
    let by_number = block_on(customers::get_by_number(
        &api_on(&timing_out(Method::Post)),
        "gh.29.uk",
        "100001",
    ));
    assert_eq!(by_number.unwrap_err(), ApiError::Timeout);
    let get = block_on(customers::get(
        &api_on(&timing_out(Method::Get)),
        "gh.29.uk",
        "c1",
    ));
    assert_eq!(get.unwrap_err(), ApiError::Timeout);
}

const FOUND: &str = r#"{"customer_id":"c9","bank_id":"gh.29.uk","legal_name":"Zoë Müller","mobile_phone_number":"+44 7700 900123","customer_number":"555"}"#;

#[test]
fn an_unconfirmed_create_is_found_by_its_customer_number() {
    let transport = FakeTransport::new().on(
        Method::Post,
        "/banks/gh.29.uk/customers/customer-number",
        200,
        FOUND,
    );
    let found = block_on(customers::find_created(
        &api_on(&transport),
        "gh.29.uk",
        &new_customer(Some("555")),
    ))
    .unwrap();
    assert_eq!(found.unwrap().customer_id, "c9");
    assert_eq!(
        transport.last().body.as_deref(),
        Some(r#"{"customer_number":"555"}"#)
    );

    let unknown = FakeTransport::new().on(
        Method::Post,
        "/customers/customer-number",
        404,
        r#"{"code":404,"message":"OBP-30002: Customer not found. Please specify a valid value for CUSTOMER_NUMBER."}"#,
    );
    let found = block_on(customers::find_created(
        &api_on(&unknown),
        "gh.29.uk",
        &new_customer(Some("555")),
    ));
    assert_eq!(found, Ok(None));

    let refused = FakeTransport::new().answer(Method::Post, "", Err(ApiError::Timeout));
    let found = block_on(customers::find_created(
        &api_on(&refused),
        "gh.29.uk",
        &new_customer(Some("555")),
    ));
    assert_eq!(
        found,
        Err(ApiError::Timeout),
        "an unanswered check is no all-clear"
    );
}

#[test]
fn an_unconfirmed_create_without_a_number_is_found_by_exact_phone_and_name() {
    let other = r#"{"customer_id":"c8","legal_name":"Someone Else","mobile_phone_number":"+44 7700 900123"}"#;
    let list = format!(r#"{{"customers":[{other},{FOUND}]}}"#);
    let transport = FakeTransport::new().on(
        Method::Post,
        "/search/customers/mobile-phone-number",
        201,
        &list,
    );
    let found = block_on(customers::find_created(
        &api_on(&transport),
        "gh.29.uk",
        &new_customer(None),
    ))
    .unwrap();
    assert_eq!(found.unwrap().customer_id, "c9");
    assert_eq!(
        transport.last().body.as_deref(),
        Some(r#"{"mobile_phone_number":"+44 7700 900123"}"#)
    );

    let only_other = format!(r#"{{"customers":[{other}]}}"#);
    let transport = FakeTransport::new().on(Method::Post, "", 201, &only_other);
    let found = block_on(customers::find_created(
        &api_on(&transport),
        "gh.29.uk",
        &new_customer(None),
    ));
    assert_eq!(found, Ok(None));
}

#[test]
fn kyc_ids_are_random_v4_uuids() {
    let ids: HashSet<String> = (0..2000).map(|_| kyc::new_id()).collect();
    assert_eq!(ids.len(), 2000, "every id differs");
    for id in &ids {
        let parts: Vec<&str> = id.split('-').collect();
        assert_eq!(
            parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
            [8, 4, 4, 4, 12]
        );
        assert!(parts[2].starts_with('4'), "{id}");
        assert!(matches!(&parts[3][..1], "8" | "9" | "a" | "b"), "{id}");
    }
}

#[test]
fn an_unconfirmed_enterprise_create_is_found_among_the_newest() {
    use customer_console::api::enterprise::{self, CustomerBody};
    let body = CustomerBody {
        company: "Bakkerij de Vries BV".into(),
        email: "info@devries.nl".into(),
        phone: "31201234567".into(),
        ..Default::default()
    };
    let page = r#"{"page":0,"pages":1,"size":50,"count":2,"data":[
        {"id":"e8","company":"Bakkerij de Vries BV","email":"other@devries.nl","phone":"31201234567"},
        {"id":"e9","company":"Bakkerij de Vries BV","email":"info@devries.nl","phone":"31201234567"}]}"#;
    let transport = FakeTransport::new().on(Method::Get, "/v1/profiles/p/customers", 200, page);
    let found = block_on(enterprise::find_created(&api_on(&transport), "p", &body)).unwrap();
    assert_eq!(found.unwrap().id, "e9");
    assert!(transport
        .last()
        .url
        .ends_with("/v1/profiles/p/customers?page=0&size=50"));

    let other = CustomerBody {
        email: "new@devries.nl".into(),
        ..body
    };
    let found = block_on(enterprise::find_created(&api_on(&transport), "p", &other));
    assert_eq!(found, Ok(None));
}
