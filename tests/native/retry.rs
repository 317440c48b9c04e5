//! The retry policy of reads: which answers are retried, how often, after which waits; that no
//! change is ever sent twice; and when the connection counts as offline.

use crate::support::{calls::api_on, FakeTransport};
use customer_console::api::{
    addresses, customers, kyc,
    retry::{delay_ms, worth_retrying, RETRIES},
    ApiError, HttpResponse, Method,
};
use futures::executor::block_on;

const SERVER_ERROR: &str = r#"{"code":500,"message":"OBP-50000: Unknown Error."}"#;
const NOT_FOUND: &str = r#"{"code":404,"message":"OBP-30046: Customer not found. Please specify a valid value for CUSTOMER_ID."}"#;
const CUSTOMER: &str = r#"{"customer_id":"c1","legal_name":"A"}"#;

fn status(status: u16) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse {
        status,
        body: String::new(),
    })
}

#[test]
fn only_reads_that_got_no_answer_or_a_server_error_are_retried() {
    let retried = [
        status(500),
        status(502),
        status(503),
        status(504),
        Err(ApiError::Network("offline".into())),
        Err(ApiError::Timeout),
    ];
    for answer in &retried {
        assert!(worth_retrying(Method::Get, answer), "{answer:?}");
        for change in [Method::Post, Method::Put, Method::Delete] {
            assert!(!worth_retrying(change, answer), "{change:?} {answer:?}");
        }
    }
    let final_answers = [
        status(200),
        status(201),
        status(400),
        status(401),
        status(403),
        status(404),
        status(429),
        Err(ApiError::Decode("x".into())),
        Err(ApiError::OutcomeUnknown),
    ];
    for answer in &final_answers {
        assert!(!worth_retrying(Method::Get, answer), "{answer:?}");
    }
}

#[test]
fn waits_grow_threefold_from_300_ms_with_30_percent_jitter() {
    assert_eq!(RETRIES, 3);
    let nominal = [300, 900, 2700];
    for (retry, expected) in (1..=RETRIES).zip(nominal) {
        assert_eq!(delay_ms(retry, 0.5), expected, "retry {retry}");
        let low = delay_ms(retry, 0.0);
        let high = delay_ms(retry, 0.999_999);
        assert_eq!(low, expected * 7 / 10, "retry {retry}");
        assert_eq!(high, expected * 13 / 10, "retry {retry}");
        for random in [0.1, 0.25, 0.75, 0.9] {
            let wait = delay_ms(retry, random);
            assert!((low..=high).contains(&wait), "retry {retry}: {wait}");
        }
    }
    // A random source out of range cannot make a wait longer or shorter than the jitter allows.
    assert_eq!(delay_ms(1, 7.0), 390);
    assert_eq!(delay_ms(1, -1.0), 210);
}

#[test]
fn a_read_is_sent_again_after_server_errors_until_it_gets_its_answer() {
    let transport = FakeTransport::new().answers(
        Method::Get,
        "/customers/c1",
        vec![
            Ok((503, SERVER_ERROR.into())),
            Err(ApiError::Network("reset".into())),
            Ok((200, CUSTOMER.into())),
        ],
    );
    let customer = block_on(customers::get(&api_on(&transport), "gh.29.uk", "c1")).unwrap();
    assert_eq!(customer.legal_name, "A");
    assert_eq!(transport.requests().len(), 3);
    let waits = transport.waits();
    assert_eq!(waits.len(), 2);
    assert!((210..=390).contains(&waits[0]), "{waits:?}");
    assert!((630..=1170).contains(&waits[1]), "{waits:?}");
}

#[test]
fn a_read_gives_up_after_three_retries_with_the_last_error() {
    let transport = FakeTransport::new().on(Method::Get, "/customers/c1", 500, SERVER_ERROR);
    let error = block_on(customers::get(&api_on(&transport), "gh.29.uk", "c1")).unwrap_err();
    assert_eq!(error.code(), Some("OBP-50000"));
    assert_eq!(transport.requests().len(), 4);
    assert_eq!(transport.waits().len(), 3);
    assert!((1890..=3510).contains(&transport.waits()[2]));
}

#[test]
fn a_read_the_server_refused_is_not_sent_again() {
    let transport = FakeTransport::new().on(Method::Get, "/customers/c1", 404, NOT_FOUND);
    let error = block_on(customers::get(&api_on(&transport), "gh.29.uk", "c1")).unwrap_err();
    assert_eq!(error.code(), Some("OBP-30046"));
    assert_eq!(transport.requests().len(), 1);
    assert!(transport.waits().is_empty());
}

#[test]
fn changes_are_sent_once_whatever_the_answer() {
    let failures = [
        Ok((503, SERVER_ERROR.to_owned())),
        Err(ApiError::Network("reset".into())),
        Err(ApiError::Timeout),
    ];
    for failure in failures {
        let transport = FakeTransport::new()
            .answer(Method::Put, "", failure.clone())
            .answer(Method::Post, "", failure.clone())
            .answer(Method::Delete, "", failure.clone());
        let api = api_on(&transport);
        let body = kyc::NewKycStatus::default();
        assert!(block_on(kyc::add_status(&api, "gh.29.uk", "c1", &body)).is_err());
        let address = addresses::AddressBody::default();
        assert!(block_on(addresses::create(&api, "gh.29.uk", "c1", &address)).is_err());
        assert!(block_on(addresses::delete(&api, "gh.29.uk", "c1", "a1")).is_err());
        let methods: Vec<Method> = transport.requests().iter().map(|r| r.method).collect();
        assert_eq!(
            methods,
            [Method::Put, Method::Post, Method::Delete],
            "{failure:?}"
        );
        assert!(transport.waits().is_empty());
    }
}

#[test]
fn a_blip_that_a_retry_gets_over_is_not_offline() {
    let transport = FakeTransport::new().answers(
        Method::Get,
        "/customers/c1",
        vec![
            Err(ApiError::Network("reset".into())),
            Ok((200, CUSTOMER.into())),
        ],
    );
    let api = api_on(&transport);
    assert!(block_on(customers::get(&api, "gh.29.uk", "c1")).is_ok());
    assert!(!api.connection().is_offline());
    assert_eq!(api.connection().retrying(), None, "no read is waiting");
}

#[test]
fn a_read_that_never_gets_an_answer_is_offline_until_a_request_gets_one() {
    let no_answer = || Err(ApiError::Network("Failed to fetch".into()));
    let transport = FakeTransport::new().answers(
        Method::Get,
        "/customers/c1",
        vec![
            no_answer(),
            no_answer(),
            no_answer(),
            no_answer(),
            Ok((200, CUSTOMER.into())),
        ],
    );
    let api = api_on(&transport);
    let error = block_on(customers::get(&api, "gh.29.uk", "c1")).unwrap_err();
    assert!(matches!(error, ApiError::Network(_)));
    assert!(api.connection().is_offline());
    assert_eq!(api.connection().retrying(), None);
    assert!(block_on(customers::get(&api, "gh.29.uk", "c1")).is_ok());
    assert!(!api.connection().is_offline());
}

#[test]
fn a_change_that_gets_no_answer_is_offline_at_once() {
    let transport = FakeTransport::new().answer(
        Method::Put,
        "",
        Err(ApiError::Network("Failed to fetch".into())),
    );
    let api = api_on(&transport);
    let body = kyc::NewKycStatus::default();
    assert!(block_on(kyc::add_status(&api, "gh.29.uk", "c1", &body)).is_err());
    assert!(api.connection().is_offline());
    assert_eq!(transport.requests().len(), 1);
}
