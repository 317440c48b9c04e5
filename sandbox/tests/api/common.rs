//! Shared helpers for the sandbox's integration tests: an in-memory app, requests, logins, assertions.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};

use axum::body::{to_bytes, Body};
use axum::http::{HeaderMap, Method, Request, StatusCode};
use axum::Router;
use sandbox::{router, AppState, Db, Options};
use serde_json::Value;
use tower::ServiceExt;

pub const CONSUMER_KEY: &str = "sandbox-consumer-key";
pub const UK: &str = "gh.29.uk";
pub const DE: &str = "obp.bank.de";

/// Options for a quiet in-memory sandbox.
pub fn memory_options() -> Options {
    Options {
        db: Db::Memory,
        quiet: true,
        ..Options::default()
    }
}

/// A fresh in-memory app with the demo data.
pub fn app() -> Router {
    app_with(memory_options())
}

pub fn app_with(opts: Options) -> Router {
    router(AppState::open(&opts).expect("sandbox opens"))
}

/// A fresh in-memory app whose only logins are `users` (the `--users` file format).
pub fn app_with_users(users: &Value) -> Router {
    let file = scratch_path("users.json");
    std::fs::write(&file, users.to_string()).expect("writes the users file");
    let app = app_with(Options {
        users_file: Some(file.clone()),
        ..memory_options()
    });
    std::fs::remove_file(file).expect("removes the users file");
    app
}

/// A response, with the body parsed as JSON when it is JSON.
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub raw: Vec<u8>,
    pub json: Value,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|value| value.to_str().ok())
    }

    pub fn message(&self) -> &str {
        self.json["message"].as_str().unwrap_or_default()
    }

    /// Asserts an OBP error: status, `code` equal to it, and a message starting with `prefix`.
    #[track_caller]
    pub fn assert_error(&self, status: u16, prefix: &str) {
        assert_eq!(self.status.as_u16(), status, "{}", self.json);
        assert_eq!(self.json["code"], status, "{}", self.json);
        assert!(
            self.message().starts_with(prefix),
            "expected {prefix}…, got {}",
            self.json
        );
    }

    /// Asserts the HTTP status, showing the body when it differs.
    #[track_caller]
    pub fn assert_status(&self, status: u16) {
        assert_eq!(self.status.as_u16(), status, "{}", self.json);
    }

    /// The list of a 200 list response, whose only key is OBP's wrapper `key`.
    #[track_caller]
    pub fn list(&self, key: &str) -> &Vec<Value> {
        self.assert_status(200);
        assert_eq!(keys(&self.json), [key], "{}", self.json);
        self.json[key].as_array().expect("a list")
    }

    /// The customer numbers of a 200 `{"customers": […]}` response, in order.
    #[track_caller]
    pub fn customer_numbers(&self) -> Vec<&str> {
        self.list("customers")
            .iter()
            .filter_map(|c| c["customer_number"].as_str())
            .collect()
    }

    /// The `customers` list of a list response.
    pub fn customers(&self) -> &Vec<Value> {
        self.json["customers"].as_array().expect("a customers list")
    }
}

pub async fn send(app: &Router, request: Request<Body>) -> Reply {
    let response = app.clone().oneshot(request).await.expect("infallible");
    let status = response.status();
    let headers = response.headers().clone();
    let raw = to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("body")
        .to_vec();
    let json = serde_json::from_slice(&raw).unwrap_or(Value::Null);
    Reply {
        status,
        headers,
        raw,
        json,
    }
}

/// A request with an optional DirectLogin token and JSON body.
pub fn request(
    method: Method,
    path: &str,
    token: Option<&str>,
    body: Option<&Value>,
) -> Request<Body> {
    let header = token.map(|token| ("DirectLogin", format!("token={token}")));
    request_with(method, path, header, body)
}

/// A request with an optional header (name, value) and JSON body.
pub fn request_with(
    method: Method,
    path: &str,
    header: Option<(&str, String)>,
    body: Option<&Value>,
) -> Request<Body> {
    let mut builder = Request::builder().method(method).uri(path);
    if let Some((name, value)) = header {
        builder = builder.header(name, value);
    }
    let body = match body {
        Some(body) => {
            builder = builder.header("Content-Type", "application/json");
            Body::from(body.to_string())
        }
        None => Body::empty(),
    };
    builder.body(body).expect("request")
}

pub async fn call(
    app: &Router,
    method: Method,
    path: &str,
    token: Option<&str>,
    body: Option<&Value>,
) -> Reply {
    send(app, request(method, path, token, body)).await
}

/// `GET /obp/v5.1.0{path}`.
pub async fn get(app: &Router, path: &str, token: Option<&str>) -> Reply {
    call(app, Method::GET, &format!("/obp/v5.1.0{path}"), token, None).await
}

/// `POST /obp/v5.1.0{path}` with a JSON body.
pub async fn post(app: &Router, path: &str, token: Option<&str>, body: &Value) -> Reply {
    call(
        app,
        Method::POST,
        &format!("/obp/v5.1.0{path}"),
        token,
        Some(body),
    )
    .await
}

/// `PUT /obp/v5.1.0{path}` with a JSON body.
pub async fn put(app: &Router, path: &str, token: Option<&str>, body: &Value) -> Reply {
    call(
        app,
        Method::PUT,
        &format!("/obp/v5.1.0{path}"),
        token,
        Some(body),
    )
    .await
}

/// `POST /my/logins/direct` with the given `DirectLogin` header value.
pub async fn login_with(app: &Router, header: Option<(&str, String)>) -> Reply {
    let mut builder = Request::builder()
        .method(Method::POST)
        .uri("/my/logins/direct");
    if let Some((name, value)) = header {
        builder = builder.header(name, value);
    }
    send(
        app,
        builder
            .header("Content-Type", "application/json")
            .body(Body::empty())
            .expect("request"),
    )
    .await
}

/// Logs in and returns the token.
pub async fn login(app: &Router, username: &str, password: &str) -> String {
    let header = format!("username={username}, password={password}, consumer_key={CONSUMER_KEY}");
    let reply = login_with(app, Some(("DirectLogin", header))).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.json);
    reply.json["token"].as_str().expect("token").to_owned()
}

pub async fn staff(app: &Router) -> String {
    login(app, "staff", "staff-password-1").await
}

pub async fn auditor(app: &Router) -> String {
    login(app, "auditor", "auditor-password-1").await
}

/// The keys of a JSON object, sorted (serde_json's map is ordered by key).
pub fn keys(value: &Value) -> Vec<&str> {
    value
        .as_object()
        .map(|object| object.keys().map(String::as_str).collect())
        .unwrap_or_default()
}

/// `expected`, sorted, to compare with [`keys`].
pub fn sorted<'a>(expected: &[&'a str]) -> Vec<&'a str> {
    let mut sorted = expected.to_vec();
    sorted.sort_unstable();
    sorted
}

/// Asserts that the top-level `keys` first appear in `raw` JSON in this order.
#[track_caller]
pub fn assert_key_order(raw: &[u8], keys: &[&str]) {
    let text = String::from_utf8_lossy(raw);
    let positions: Vec<usize> = keys
        .iter()
        .map(|key| {
            text.find(&format!("\"{key}\":"))
                .unwrap_or_else(|| panic!("{key} missing in {text}"))
        })
        .collect();
    assert!(
        positions.windows(2).all(|pair| pair[0] < pair[1]),
        "keys out of order in {text}"
    );
}

/// A unique scratch path under the system temp dir (not created).
pub fn scratch_path(name: &str) -> PathBuf {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let unique = format!(
        "sandbox-test-{}-{}-{name}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    );
    std::env::temp_dir().join(unique)
}

/// Customer310's keys, in OBP's order.
pub const CUSTOMER_310_KEYS: &[&str] = &[
    "bank_id",
    "customer_id",
    "customer_number",
    "legal_name",
    "mobile_phone_number",
    "email",
    "face_image",
    "date_of_birth",
    "relationship_status",
    "dependants",
    "dob_of_dependants",
    "credit_rating",
    "credit_limit",
    "highest_education_attained",
    "employment_status",
    "kyc_status",
    "last_ok_date",
    "title",
    "branch_id",
    "name_suffix",
];

/// `DELETE /obp/v5.1.0{path}`.
pub async fn delete(app: &Router, path: &str, token: Option<&str>) -> Reply {
    call(
        app,
        Method::DELETE,
        &format!("/obp/v5.1.0{path}"),
        token,
        None,
    )
    .await
}

/// The CUSTOMER_ID of a customer number at a bank (via Get Customer by CUSTOMER_NUMBER).
pub async fn customer_id(app: &Router, token: &str, bank: &str, number: &str) -> String {
    let reply = post(
        app,
        &format!("/banks/{bank}/customers/customer-number"),
        Some(token),
        &serde_json::json!({"customer_number": number}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.json);
    reply.json["customer_id"]
        .as_str()
        .expect("customer_id")
        .to_owned()
}

/// The USER_ID of the logged-in user (via `/users/current`).
pub async fn current_user_id(app: &Router, token: &str) -> String {
    let reply = get(app, "/users/current", Some(token)).await;
    reply.json["user_id"].as_str().expect("user_id").to_owned()
}

/// Asserts a 403 OBP-20006 whose message is exactly "…roles: " followed by `roles`.
#[track_caller]
pub fn assert_missing_roles(reply: &Reply, roles: &str) {
    reply.assert_error(403, "OBP-20006");
    assert_eq!(
        reply.message(),
        format!("OBP-20006: User is missing one or more roles: {roles}")
    );
}
