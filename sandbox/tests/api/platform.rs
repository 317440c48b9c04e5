//! Server-wide behaviour: CORS, OBP's 404, fault injection, latency, persistence, start/stop.

use std::time::{Duration, Instant};

use crate::common::*;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use sandbox::{Db, Options};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const CORS_HEADERS: [(&str, &str); 5] = [
    ("access-control-allow-origin", "*"),
    (
        "access-control-allow-methods",
        "GET, POST, OPTIONS, PUT, PATCH, DELETE",
    ),
    ("access-control-allow-headers", "*"),
    ("access-control-allow-credentials", "true"),
    ("access-control-max-age", "1728000"),
];

#[tokio::test]
async fn preflight_answers_every_path() {
    let app = app();
    for path in [
        "/obp/v5.1.0/banks/gh.29.uk/customers",
        "/my/logins/direct",
        "/anything/else",
    ] {
        let request = Request::builder()
            .method(Method::OPTIONS)
            .uri(path)
            .header("Origin", "http://localhost:3000")
            .header(
                "Access-Control-Request-Headers",
                "directlogin, content-type",
            )
            .body(Body::empty())
            .unwrap();
        let reply = send(&app, request).await;
        assert_eq!(reply.status, StatusCode::NO_CONTENT, "{path}");
        assert!(reply.raw.is_empty());
        for (name, value) in CORS_HEADERS {
            assert_eq!(reply.header(name), Some(value), "{path}: {name}");
        }
        let cors_names = reply
            .headers
            .keys()
            .filter(|name| name.as_str().starts_with("access-control-"))
            .count();
        assert_eq!(cors_names, CORS_HEADERS.len());
    }
}

#[tokio::test]
async fn every_api_response_carries_cors_and_correlation_id() {
    let app = app();
    let token = staff(&app).await;
    let replies = [
        get(&app, "/banks", None).await,
        get(&app, "/users/current", Some(&token)).await,
        get(&app, "/users/current", None).await,
        get(&app, "/no/such/thing", None).await,
        login_with(&app, None).await,
    ];
    let mut ids = std::collections::HashSet::new();
    for reply in &replies {
        assert_eq!(
            reply.header("access-control-allow-origin"),
            Some("*"),
            "{}",
            reply.json
        );
        let id = reply.header("correlation-id").expect("Correlation-Id");
        assert!(
            ids.insert(id.to_owned()),
            "Correlation-Id is fresh per response"
        );
        assert!(reply
            .header("content-type")
            .is_some_and(|ct| ct.starts_with("application/json")));
    }
}

#[tokio::test]
async fn unknown_paths_and_verbs_are_obp_404s() {
    let app = app();
    let token = staff(&app).await;
    let cases = [
        (Method::GET, "/obp/v5.1.0/no/such/thing"),
        (Method::GET, "/obp/v4.0.0/banks"),
        (Method::DELETE, "/obp/v5.1.0/banks"),
        (Method::PUT, "/obp/v5.1.0/banks/gh.29.uk/customers"),
        (Method::GET, "/my/logins/direct"),
        (Method::GET, "/"),
        (Method::GET, "/customers/some-id"),
    ];
    for (method, path) in cases {
        let reply = call(&app, method.clone(), path, Some(&token), None).await;
        reply.assert_error(
            404,
            "OBP-10404: 404 Not Found. The server could not find the requested URI.",
        );
        assert!(
            reply
                .message()
                .contains(&format!("Current Url is ({path})")),
            "{method} {path}: {}",
            reply.json
        );
        assert!(reply.header("allow").is_none());
    }
    let with_body = put(&app, "/banks", Some(&token), &json!({})).await;
    assert!(
        with_body
            .message()
            .ends_with("Current Content-Type Header is (application/json)"),
        "{}",
        with_body.json
    );
    let not_json = Request::post("/obp/v5.1.0/banks/gh.29.uk/customers")
        .header("Content-Type", "text/plain")
        .header("DirectLogin", format!("token={token}"))
        .body(Body::from("legal_name=x"))
        .unwrap();
    send(&app, not_json).await.assert_error(404, "OBP-10404");
}

#[tokio::test]
async fn fault_injection_fails_api_calls_but_not_login_or_preflight() {
    let app = app_with(Options {
        fail_rate: 1.0,
        ..memory_options()
    });
    let token = staff(&app).await;
    for reply in [
        get(&app, "/banks", None).await,
        get(&app, "/users/current", Some(&token)).await,
    ] {
        reply.assert_error(500, "OBP-50000: Unknown Error.");
        assert_eq!(reply.message(), "OBP-50000: Unknown Error.");
        assert_eq!(reply.header("access-control-allow-origin"), Some("*"));
    }
    let preflight = Request::builder()
        .method(Method::OPTIONS)
        .uri("/obp/v5.1.0/banks")
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&app, preflight).await.status, StatusCode::NO_CONTENT);

    let half = app_with(Options {
        fail_rate: 0.5,
        ..memory_options()
    });
    let mut failures = 0;
    for _ in 0..200 {
        if get(&half, "/banks", None).await.status == StatusCode::INTERNAL_SERVER_ERROR {
            failures += 1;
        }
    }
    assert!(
        (60..=140).contains(&failures),
        "{failures} of 200 failed at rate 0.5"
    );
}

#[tokio::test]
async fn latency_delays_api_requests_only() {
    let app = app_with(Options {
        latency_ms: 120,
        ..memory_options()
    });
    let started = Instant::now();
    assert_eq!(get(&app, "/banks", None).await.status, StatusCode::OK);
    assert!(started.elapsed() >= Duration::from_millis(120));
    let started = Instant::now();
    let preflight = Request::builder()
        .method(Method::OPTIONS)
        .uri("/obp/v5.1.0/banks")
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&app, preflight).await.status, StatusCode::NO_CONTENT);
    assert!(started.elapsed() < Duration::from_millis(120));
}

#[tokio::test]
async fn file_database_persists_tokens_and_changes_across_restarts() {
    let path = scratch_path("persist.db");
    let opts = Options {
        db: Db::File(path.clone()),
        quiet: true,
        ..Options::default()
    };
    let (token, customer_id) = {
        let app = app_with(opts.clone());
        let token = staff(&app).await;
        let body = json!({"legal_name": "Persistent Person", "mobile_phone_number": "+447700900997", "customer_number": "900001"});
        let created = post(&app, "/banks/gh.29.uk/customers", Some(&token), &body).await;
        assert_eq!(created.status, StatusCode::CREATED);
        (
            token,
            created.json["customer_id"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
        )
    };
    let app = app_with(opts);
    let fetched = get(
        &app,
        &format!("/banks/gh.29.uk/customers/{customer_id}"),
        Some(&token),
    )
    .await;
    assert_eq!(fetched.status, StatusCode::OK, "{}", fetched.json);
    assert_eq!(fetched.json["legal_name"], "Persistent Person");
    let all = get(&app, "/customers-minimal?limit=1000", Some(&token)).await;
    assert_eq!(all.customers().len(), 301, "demo data is seeded once");
    drop(app);
    std::fs::remove_file(path).unwrap();
}

#[tokio::test]
async fn start_serves_over_tcp_and_stops() {
    let opts = Options {
        addr: "127.0.0.1:0".parse().unwrap(),
        ..memory_options()
    };
    let running = sandbox::start(opts).await.expect("starts");
    assert_ne!(running.addr.port(), 0);
    let mut stream = tokio::net::TcpStream::connect(running.addr)
        .await
        .expect("connects");
    stream
        .write_all(
            b"GET /obp/v5.1.0/banks HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
        )
        .await
        .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).await.unwrap();
    assert!(response.starts_with("HTTP/1.1 200 OK"), "{response}");
    assert!(response.contains("gh.29.uk"));
    let addr = running.addr;
    running.stop().await;
    assert!(
        tokio::net::TcpStream::connect(addr).await.is_err(),
        "no longer listening"
    );
}
