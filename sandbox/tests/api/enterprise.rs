//! The Enterprise API: paged list, create, get, full replace, delete, validation, bearer tokens,
//! 404s, CORS and the demo data.

use std::collections::HashSet;

use crate::common::*;
use axum::body::Body;
use axum::http::{Method, Request};
use axum::Router;
use sandbox::{Db, Options};
use serde_json::{json, Value};

const TOKEN: &str = "demo-enterprise-token";
const DEMO: &str = "demo-profile";
const RETAIL: &str = "nl-retail-profile";
/// The newest customer of `demo-profile` (see `sandbox/src/seed/enterprise.rs`).
const FIRST_ID: &str = "1cc459e7-53eb-489c-889f-638b99882b94";
/// The newest customer of `nl-retail-profile`.
const RETAIL_FIRST_ID: &str = "ed410d44-ac6b-40db-8872-77a41b673f65";

const CUSTOMER_KEYS: [&str; 8] = [
    "id",
    "company",
    "first_name",
    "last_name",
    "email",
    "phone",
    "address",
    "created",
];
const ADDRESS_KEYS: [&str; 8] = [
    "premise",
    "sub_premise",
    "building",
    "postal_code",
    "thoroughfare",
    "locality",
    "state",
    "country",
];

fn customers_path(profile: &str) -> String {
    format!("/v1/profiles/{profile}/customers")
}

fn customer_path(profile: &str, id: &str) -> String {
    format!("/v1/profiles/{profile}/customers/{id}")
}

/// A request with an optional `Authorization` value and JSON body.
fn enterprise_request(
    method: Method,
    path: &str,
    authorization: Option<&str>,
    body: Option<&Value>,
) -> Request<Body> {
    let header = authorization.map(|value| ("Authorization", value.to_owned()));
    request_with(method, path, header, body)
}

/// A request with the demo bearer token.
async fn call_with_token(app: &Router, method: Method, path: &str, body: Option<&Value>) -> Reply {
    let bearer = format!("Bearer {TOKEN}");
    send(app, enterprise_request(method, path, Some(&bearer), body)).await
}

/// `POST /v1/profiles/{profile}/customers` with the documentation's example body.
async fn create_example(app: &Router, profile: &str) -> Reply {
    let path = customers_path(profile);
    call_with_token(app, Method::POST, &path, Some(&doc_example())).await
}

/// `GET /v1/profiles/demo-profile/customers{query}`.
async fn list(app: &Router, query: &str) -> Reply {
    let path = format!("{}{query}", customers_path(DEMO));
    call_with_token(app, Method::GET, &path, None).await
}

/// Asserts an Enterprise API error: status, `status`, `error` and a message.
#[track_caller]
fn assert_api_error(reply: &Reply, status: u16, error: &str) {
    assert_eq!(reply.status.as_u16(), status, "{}", reply.json);
    assert_eq!(reply.json["status"], status, "{}", reply.json);
    assert_eq!(reply.json["error"], error, "{}", reply.json);
    assert!(!reply.message().is_empty(), "{}", reply.json);
    let mut expected = vec!["error", "message", "status"];
    if status == 400 {
        expected.push("errors");
    }
    assert_eq!(keys(&reply.json), sorted(&expected), "{}", reply.json);
}

/// The `field`s of a 400's `errors`, in order.
#[track_caller]
fn error_fields(reply: &Reply) -> Vec<&str> {
    assert_api_error(reply, 400, "invalid_request");
    reply.json["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|error| {
            assert_eq!(keys(error), ["field", "message"], "{error}");
            error["field"].as_str().expect("field")
        })
        .collect()
}

#[track_caller]
fn assert_customer_shape(customer: &Value) {
    assert_eq!(keys(customer), sorted(&CUSTOMER_KEYS), "{customer}");
    if !customer["address"].is_null() {
        assert_eq!(
            keys(&customer["address"]),
            sorted(&ADDRESS_KEYS),
            "{customer}"
        );
    }
}

/// `2024-09-25T12:01:00.103Z`: digits where the example has digits, the rest the same.
#[track_caller]
fn assert_created_format(created: &str) {
    let shape: String = created
        .chars()
        .map(|c| if c.is_ascii_digit() { '9' } else { c })
        .collect();
    assert_eq!(shape, "9999-99-99T99:99:99.999Z", "{created}");
}

fn ids(reply: &Reply) -> Vec<&str> {
    reply.json["data"]
        .as_array()
        .expect("data")
        .iter()
        .filter_map(|customer| customer["id"].as_str())
        .collect()
}

fn doc_example() -> Value {
    json!({
        "company": "text",
        "first_name": "John",
        "last_name": "Doe",
        "email": "john.doe@gmail.com",
        "phone": "318000201068",
        "address": {
            "premise": 58,
            "sub_premise": "A",
            "building": "text",
            "postal_code": "text",
            "thoroughfare": "text",
            "locality": "Hoofddorp",
            "state": "Noord-Holland",
            "country": "NL"
        }
    })
}

#[tokio::test]
async fn list_pages_newest_first() {
    let app = app();
    let first = list(&app, "").await;
    first.assert_status(200);
    assert_key_order(&first.raw, &["page", "pages", "size", "count", "data"]);
    assert_eq!(
        keys(&first.json),
        sorted(&["page", "pages", "size", "count", "data"])
    );
    assert_eq!(
        (
            &first.json["page"],
            &first.json["pages"],
            &first.json["size"],
            &first.json["count"]
        ),
        (&json!(0), &json!(7), &json!(20), &json!(125))
    );
    let data = first.json["data"].as_array().expect("data");
    assert_eq!(data.len(), 20);
    assert_eq!(data[0]["id"], FIRST_ID);
    assert_eq!(data[0]["last_name"], "Adeyemi");
    assert_eq!(data[0]["created"], "2025-06-30T14:42:10.250Z");
    for customer in data {
        assert_customer_shape(customer);
        assert_created_format(customer["created"].as_str().expect("created"));
    }
    let created: Vec<&str> = data.iter().filter_map(|c| c["created"].as_str()).collect();
    assert!(
        created.windows(2).all(|pair| pair[0] > pair[1]),
        "newest first"
    );

    let last = list(&app, "?page=6").await;
    last.assert_status(200);
    assert_eq!(last.json["page"], 6);
    assert_eq!(ids(&last).len(), 5);
    let beyond = list(&app, "?page=7").await;
    beyond.assert_status(200);
    assert_eq!(
        beyond.json,
        json!({"page": 7, "pages": 7, "size": 20, "count": 125, "data": []})
    );
    let far_beyond = list(&app, "?page=4294967295&size=100").await;
    assert_eq!(far_beyond.json["data"], json!([]));

    let big = list(&app, "?size=100").await;
    assert_eq!((&big.json["pages"], ids(&big).len()), (&json!(2), 100));
    let rest = list(&app, "?size=100&page=1").await;
    let every: HashSet<&str> = ids(&big).into_iter().chain(ids(&rest)).collect();
    assert_eq!(every.len(), 125);
    let single = list(&app, "?size=1&page=1").await;
    assert_eq!(single.json["pages"], 125);
    assert_eq!(ids(&single), [data[1]["id"].as_str().expect("id")]);
    // An empty value is the default.
    assert_eq!(list(&app, "?page=&size=").await.json["size"], 20);
}

#[tokio::test]
async fn invalid_paging_is_400() {
    let app = app();
    for (query, fields) in [
        ("?page=-1", &["page"][..]),
        ("?page=abc", &["page"]),
        ("?page=1.5", &["page"]),
        ("?page=4294967296", &["page"]),
        ("?size=0", &["size"]),
        ("?size=101", &["size"]),
        ("?size=-5", &["size"]),
        ("?size=ten", &["size"]),
        ("?page=-1&size=0", &["page", "size"]),
        ("?page=18446744073709551615", &["page"]),
        (
            "?page=18446744073709551616&size=18446744073709551616",
            &["page", "size"],
        ),
    ] {
        let reply = list(&app, query).await;
        assert_eq!(error_fields(&reply), fields, "{query}");
    }
}

#[tokio::test]
async fn create_get_replace_delete() {
    let app = app();
    let created = create_example(&app, DEMO).await;
    created.assert_status(200);
    assert_customer_shape(&created.json);
    assert_key_order(&created.raw, &CUSTOMER_KEYS);
    let id = created.json["id"].as_str().expect("id").to_owned();
    assert_eq!(id.len(), 36, "{id}");
    let created_at = created.json["created"]
        .as_str()
        .expect("created")
        .to_owned();
    assert_created_format(&created_at);
    let mut expected = doc_example();
    expected["id"] = json!(id);
    expected["created"] = json!(created_at);
    assert_eq!(created.json, expected);

    let listed = list(&app, "").await;
    assert_eq!(listed.json["count"], 126);
    assert_eq!(ids(&listed)[0], id, "the new customer is the newest");

    let path = customer_path(DEMO, &id);
    let fetched = call_with_token(&app, Method::GET, &path, None).await;
    fetched.assert_status(200);
    assert_eq!(fetched.json, created.json);

    // PUT replaces everything: what the body leaves out becomes null; id and created stay.
    let replacement = json!({"last_name": "Jansen", "phone": "+31612345678", "id": "ignored"});
    let replaced = call_with_token(&app, Method::PUT, &path, Some(&replacement)).await;
    replaced.assert_status(200);
    assert_eq!(
        replaced.json,
        json!({
            "id": id, "company": null, "first_name": null, "last_name": "Jansen", "email": null,
            "phone": "+31612345678", "address": null, "created": created_at
        })
    );
    let fetched = call_with_token(&app, Method::GET, &path, None).await;
    assert_eq!(fetched.json, replaced.json);

    let deleted = call_with_token(&app, Method::DELETE, &path, None).await;
    deleted.assert_status(200);
    assert_eq!(deleted.json, replaced.json);
    for method in [Method::GET, Method::DELETE] {
        let gone = call_with_token(&app, method, &path, None).await;
        assert_api_error(&gone, 404, "not_found");
    }
    let put_gone = call_with_token(&app, Method::PUT, &path, Some(&replacement)).await;
    assert_api_error(&put_gone, 404, "not_found");
    assert_eq!(list(&app, "").await.json["count"], 125);
}

#[tokio::test]
async fn invalid_bodies_are_400_naming_the_fields() {
    let app = app();
    let with = |changes: Value| {
        let mut body = doc_example();
        for (key, value) in changes.as_object().expect("object") {
            match key.strip_prefix("address.") {
                Some(field) => body["address"][field] = value.clone(),
                None => body[key] = value.clone(),
            }
        }
        body
    };
    let cases = [
        (with(json!({"email": "john.doe"})), vec!["email"]),
        (with(json!({"email": "john doe@gmail.com"})), vec!["email"]),
        (with(json!({"phone": "+31 6 1234 5678"})), vec!["phone"]),
        (with(json!({"phone": "12345"})), vec!["phone"]),
        (
            with(json!({"address.country": "nl"})),
            vec!["address.country"],
        ),
        (
            with(json!({"address.country": "XX"})),
            vec!["address.country"],
        ),
        (
            with(json!({"address.country": "NLD"})),
            vec!["address.country"],
        ),
        (
            with(json!({"address.premise": -1})),
            vec!["address.premise"],
        ),
        (
            with(json!({"address.premise": 1.5})),
            vec!["address.premise"],
        ),
        (
            with(json!({"address.premise": "58"})),
            vec!["address.premise"],
        ),
        (
            with(json!({"address.locality": 7})),
            vec!["address.locality"],
        ),
        (with(json!({"company": 42})), vec!["company"]),
        (with(json!({"address": "Hoofddorp"})), vec!["address"]),
        (json!({}), vec!["company", "last_name"]),
        (
            json!({"first_name": "John", "company": " ", "last_name": ""}),
            vec!["company", "last_name"],
        ),
        (
            with(json!({"email": "x", "phone": "x", "address.country": "x"})),
            vec!["email", "phone", "address.country"],
        ),
    ];
    let path = customers_path(DEMO);
    let existing = customer_path(DEMO, FIRST_ID);
    for (body, fields) in &cases {
        let created = call_with_token(&app, Method::POST, &path, Some(body)).await;
        assert_eq!(error_fields(&created), *fields, "POST {body}");
        let replaced = call_with_token(&app, Method::PUT, &existing, Some(body)).await;
        assert_eq!(error_fields(&replaced), *fields, "PUT {body}");
    }
    let bearer = format!("Bearer {TOKEN}");
    for raw in ["", "{", "[1, 2]", "\"text\"", "null"] {
        let request = Request::post(path.as_str())
            .header("Authorization", bearer.as_str())
            .header("Content-Type", "application/json")
            .body(Body::from(raw))
            .expect("request");
        let reply = send(&app, request).await;
        assert!(error_fields(&reply).is_empty(), "{raw:?}: {}", reply.json);
    }
    assert_eq!(
        list(&app, "").await.json["count"],
        125,
        "nothing was created"
    );
    let untouched = call_with_token(&app, Method::GET, &existing, None).await;
    assert_eq!(untouched.json["last_name"], "Adeyemi");
}

#[tokio::test]
async fn a_bearer_token_is_required() {
    let app = app();
    let list_path = customers_path(DEMO);
    let one = customer_path(DEMO, FIRST_ID);
    let body = doc_example();
    let endpoints = [
        (Method::GET, list_path.as_str(), None),
        (Method::POST, list_path.as_str(), Some(&body)),
        (Method::GET, one.as_str(), None),
        (Method::PUT, one.as_str(), Some(&body)),
        (Method::DELETE, one.as_str(), None),
        (Method::GET, "/v1/profiles/no-such-profile/customers", None),
    ];
    for (method, path, body) in endpoints {
        for (authorization, challenge) in [
            (None, r#"Bearer realm="enterprise-sandbox""#),
            (
                Some("Basic ZGVtbzpkZW1v"),
                r#"Bearer realm="enterprise-sandbox""#,
            ),
            (Some("Bearer"), r#"Bearer realm="enterprise-sandbox""#),
            (
                Some("Bearer wrong-token"),
                r#"Bearer realm="enterprise-sandbox", error="invalid_token""#,
            ),
        ] {
            let request = enterprise_request(method.clone(), path, authorization, body);
            let reply = send(&app, request).await;
            assert_api_error(&reply, 401, "unauthorized");
            assert_eq!(
                reply.header("www-authenticate"),
                Some(challenge),
                "{method} {path} {authorization:?}"
            );
        }
    }
    // The scheme is case-insensitive; a DirectLogin token is no bearer token.
    let lower = enterprise_request(
        Method::GET,
        &list_path,
        Some(&format!("bearer {TOKEN}")),
        None,
    );
    send(&app, lower).await.assert_status(200);
    let obp_token = staff(&app).await;
    let direct_login = request(Method::GET, &list_path, Some(&obp_token), None);
    assert_api_error(&send(&app, direct_login).await, 401, "unauthorized");

    let custom = app_with(Options {
        enterprise_tokens: vec!["token-one".into(), "token-two".into()],
        ..memory_options()
    });
    let with = |token: &str| {
        enterprise_request(
            Method::GET,
            &list_path,
            Some(&format!("Bearer {token}")),
            None,
        )
    };
    send(&custom, with("token-two")).await.assert_status(200);
    assert_api_error(&send(&custom, with(TOKEN)).await, 401, "unauthorized");
}

#[tokio::test]
async fn unknown_profiles_customers_paths_and_verbs() {
    let app = app();
    let nowhere = customers_path("no-such-profile");
    for (method, path, body) in [
        (Method::GET, nowhere.clone(), None),
        (Method::POST, nowhere.clone(), Some(doc_example())),
        (
            Method::GET,
            customer_path("no-such-profile", FIRST_ID),
            None,
        ),
        (Method::GET, customer_path(DEMO, "no-such-customer"), None),
        (
            Method::PUT,
            customer_path(DEMO, "no-such-customer"),
            Some(doc_example()),
        ),
        (
            Method::DELETE,
            customer_path(DEMO, "no-such-customer"),
            None,
        ),
        // Customers belong to one profile.
        (Method::GET, customer_path(DEMO, RETAIL_FIRST_ID), None),
        (Method::DELETE, customer_path(RETAIL, FIRST_ID), None),
        (Method::GET, "/v1/profiles".to_owned(), None),
        (Method::GET, "/v1".to_owned(), None),
    ] {
        let reply = call_with_token(&app, method.clone(), &path, body.as_ref()).await;
        assert_api_error(&reply, 404, "not_found");
        assert_eq!(reply.header("access-control-allow-origin"), Some("*"));
    }
    let retail = call_with_token(
        &app,
        Method::GET,
        &customer_path(RETAIL, RETAIL_FIRST_ID),
        None,
    )
    .await;
    retail.assert_status(200);
    for (method, path) in [
        (Method::PATCH, customers_path(DEMO)),
        (Method::DELETE, customers_path(DEMO)),
        (Method::POST, customer_path(DEMO, FIRST_ID)),
    ] {
        let reply = call_with_token(&app, method.clone(), &path, None).await;
        assert_api_error(&reply, 405, "method_not_allowed");
        assert!(reply.message().contains(method.as_str()), "{}", reply.json);
    }
}

#[tokio::test]
async fn cors_allows_the_bearer_token_and_every_verb() {
    let app = app();
    let preflight = Request::builder()
        .method(Method::OPTIONS)
        .uri(customer_path(DEMO, FIRST_ID))
        .header("Origin", "http://localhost:3000")
        .header("Access-Control-Request-Method", "PUT")
        .header(
            "Access-Control-Request-Headers",
            "authorization, content-type",
        )
        .body(Body::empty())
        .expect("request");
    let reply = send(&app, preflight).await;
    reply.assert_status(204);
    assert_eq!(reply.header("access-control-allow-origin"), Some("*"));
    let allowed_headers = reply
        .header("access-control-allow-headers")
        .expect("allow-headers");
    assert!(
        allowed_headers
            .split(',')
            .any(|name| name.trim().eq_ignore_ascii_case("authorization")),
        "{allowed_headers}"
    );
    let methods = reply
        .header("access-control-allow-methods")
        .expect("allow-methods");
    for method in ["GET", "POST", "PUT", "DELETE"] {
        assert!(methods.split(", ").any(|m| m == method), "{methods}");
    }
    for path in [customers_path(DEMO), "/v1/unknown".to_owned()] {
        let reply = call_with_token(&app, Method::GET, &path, None).await;
        assert_eq!(
            reply.header("access-control-allow-origin"),
            Some("*"),
            "{path}"
        );
        assert!(reply.header("correlation-id").is_some(), "{path}");
        assert!(reply.json.is_object(), "{path}");
    }
}

#[tokio::test]
async fn injected_faults_use_the_enterprise_error_body() {
    let app = app_with(Options {
        fail_rate: 1.0,
        ..memory_options()
    });
    let reply = list(&app, "").await;
    assert_api_error(&reply, 500, "internal_error");
    assert_eq!(reply.header("access-control-allow-origin"), Some("*"));
}

#[tokio::test]
async fn demo_data_spans_three_countries_and_passes_validation() {
    let app = app();
    let mut all: Vec<Value> = Vec::new();
    for page in 0..2 {
        let reply = list(&app, &format!("?size=100&page={page}")).await;
        all.extend(reply.json["data"].as_array().expect("data").iter().cloned());
    }
    assert_eq!(all.len(), 125);
    let countries: HashSet<&str> = all
        .iter()
        .filter_map(|c| c["address"]["country"].as_str())
        .collect();
    assert_eq!(countries, HashSet::from(["NL", "DE", "GB"]));
    let companies = all.iter().filter(|c| c["company"].is_string()).count();
    let persons = all.iter().filter(|c| c["company"].is_null()).count();
    assert_eq!((companies, persons), (42, 83));
    // Every seeded customer is valid by the API's own rules: sent back, it is accepted unchanged.
    for customer in &all {
        let path = customer_path(DEMO, customer["id"].as_str().expect("id"));
        let replaced = call_with_token(&app, Method::PUT, &path, Some(customer)).await;
        assert_eq!(&replaced.json, customer);
    }
    let retail = call_with_token(&app, Method::GET, &customers_path(RETAIL), None).await;
    assert_eq!(retail.json["count"], 8);
    assert_eq!(ids(&retail)[0], RETAIL_FIRST_ID);
    let data = retail.json["data"].as_array().expect("data");
    assert!(data.iter().all(|c| c["address"]["country"] == "NL"));
}

#[tokio::test]
async fn demo_data_is_seeded_once_per_database() {
    let path = scratch_path("enterprise.db");
    let opts = Options {
        db: Db::File(path.clone()),
        quiet: true,
        ..Options::default()
    };
    let first = app_with(opts.clone());
    let created = create_example(&first, RETAIL).await;
    created.assert_status(200);
    let reopened = app_with(opts);
    let retail = call_with_token(&reopened, Method::GET, &customers_path(RETAIL), None).await;
    assert_eq!(retail.json["count"], 9);
    assert_eq!(ids(&retail)[0], created.json["id"].as_str().expect("id"));
    assert_eq!(list(&reopened, "").await.json["count"], 125);
    std::fs::remove_file(path).expect("removes the database");
}
