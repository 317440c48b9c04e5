//! A panic while answering a request: 500 with the body of the API the path belongs to, and the
//! server keeps serving. The panicking routes exist only here, merged into the sandbox's own.

use crate::common::*;
use axum::http::Method;
use axum::Router;
use sandbox::{enterprise, router_with, routes, AppState};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

async fn panicking() -> &'static str {
    panic!("a deliberate test panic")
}

/// The sandbox's routes plus one panicking OBP route and one panicking Enterprise route.
fn app_with_panics() -> Router {
    let panicking = Router::new()
        .route(
            "/obp/v5.1.0/banks/{bank_id}/panic",
            axum::routing::get(panicking),
        )
        .route(
            "/v1/profiles/{profile_id}/panic",
            axum::routing::get(panicking),
        );
    let state = AppState::open(&memory_options()).expect("sandbox opens");
    router_with(
        routes::api().merge(enterprise::routes()).merge(panicking),
        state,
    )
}

#[tokio::test]
async fn an_obp_handler_panic_is_obp_50000() {
    let app = app_with_panics();
    let reply = get(&app, "/banks/gh.29.uk/panic", None).await;
    reply.assert_status(500);
    assert_eq!(
        reply.json,
        json!({"code": 500, "message": "OBP-50000: Unknown Error."})
    );
    assert_eq!(reply.header("access-control-allow-origin"), Some("*"));
    assert!(reply.header("correlation-id").is_some());
    assert!(reply
        .header("content-type")
        .is_some_and(|ct| ct.starts_with("application/json")));
    get(&app, "/banks", None).await.assert_status(200);
}

#[tokio::test]
async fn an_enterprise_handler_panic_is_its_internal_error() {
    let app = app_with_panics();
    let reply = call(
        &app,
        Method::GET,
        "/v1/profiles/demo-profile/panic",
        None,
        None,
    )
    .await;
    reply.assert_status(500);
    assert_eq!(
        reply.json,
        json!({"status": 500, "error": "internal_error", "message": "An internal error occurred."})
    );
    assert_eq!(reply.header("access-control-allow-origin"), Some("*"));
    assert!(reply.header("correlation-id").is_some());
}

/// Over a real connection: the panicking request is answered, and the same server then answers
/// the next ones.
#[tokio::test]
async fn the_server_keeps_answering_after_a_panic() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("binds");
    let addr = listener.local_addr().expect("an address");
    let server = tokio::spawn(async move {
        axum::serve(listener, app_with_panics())
            .await
            .expect("serves");
    });
    let exchange = |path: &'static str| async move {
        let mut stream = tokio::net::TcpStream::connect(addr)
            .await
            .expect("connects");
        let request =
            format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        stream.write_all(request.as_bytes()).await.expect("writes");
        let mut response = String::new();
        stream
            .read_to_string(&mut response)
            .await
            .expect("reads an answer");
        response
    };
    for _ in 0..3 {
        let panicked = exchange("/obp/v5.1.0/banks/gh.29.uk/panic").await;
        assert!(
            panicked.starts_with("HTTP/1.1 500 Internal Server Error"),
            "{panicked}"
        );
        assert!(panicked.ends_with(r#"{"code":500,"message":"OBP-50000: Unknown Error."}"#));
        let next = exchange("/obp/v5.1.0/banks").await;
        assert!(next.starts_with("HTTP/1.1 200 OK"), "{next}");
    }
    server.abort();
}
