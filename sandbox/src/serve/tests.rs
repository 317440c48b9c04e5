//! The built app as the `sandbox` binary serves it (`--dist`): files and the `index.html`
//! fallback, the security headers and the CSP computed from the served `config.json`,
//! compression, the Enterprise `config.json`, and API responses left without any of it.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use axum::body::{to_bytes, Body};
use axum::http::{HeaderMap, Method, Request, StatusCode};
use axum::Router;
use sandbox::{AppState, Db, Options};
use serde_json::{json, Value};
use tower::ServiceExt;

use super::{router, AppBackend};

/// A script big enough to be worth compressing, named like Trunk's hashed files.
const SCRIPT: &str = "/app-0123456789abcdef.js";

/// A response, with the body parsed as JSON when it is JSON.
struct Reply {
    status: StatusCode,
    headers: HeaderMap,
    raw: Vec<u8>,
    json: Value,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|value| value.to_str().ok())
    }

    /// Asserts the HTTP status, showing the body when it differs.
    #[track_caller]
    fn assert_status(&self, status: u16) {
        assert_eq!(
            self.status.as_u16(),
            status,
            "{}",
            String::from_utf8_lossy(&self.raw)
        );
    }

    /// Asserts an OBP error: the status and a message starting with `prefix`.
    #[track_caller]
    fn assert_error(&self, status: u16, prefix: &str) {
        self.assert_status(status);
        let message = self.json["message"].as_str().unwrap_or_default();
        assert!(
            message.starts_with(prefix),
            "expected {prefix}…, got {message}"
        );
    }
}

/// A fresh directory under the system's temporary one.
fn scratch_dir() -> PathBuf {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let dir = std::env::temp_dir().join(format!(
        "sandbox-serve-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).expect("creates a scratch dir");
    dir
}

/// A dist dir with `index.html`, a script and the given `config.json` (none for `None`).
fn dist_with_config(config: Option<&str>) -> PathBuf {
    let dist = scratch_dir();
    std::fs::write(dist.join("index.html"), "<title>Customer Console</title>").expect("writes");
    if let Some(config) = config {
        std::fs::write(dist.join("config.json"), config).expect("writes config.json");
    }
    std::fs::write(dist.join(&SCRIPT[1..]), script()).expect("writes the script");
    dist
}

fn dist(config: &str) -> PathBuf {
    dist_with_config(Some(config))
}

fn script() -> String {
    "export function hello() { return 'hello'; }\n".repeat(200)
}

/// The sandbox (in memory, with the demo data) serving `dist` for `app_backend`.
fn serving(dist: &Path, app_backend: AppBackend) -> Router {
    let opts = Options {
        db: Db::Memory,
        quiet: true,
        ..Options::default()
    };
    let state = AppState::open(&opts).expect("sandbox opens");
    router(state, dist.to_owned(), app_backend)
}

async fn call(app: &Router, method: Method, path: &str, accept_encoding: Option<&str>) -> Reply {
    let mut request = Request::builder().method(method).uri(path);
    if let Some(encodings) = accept_encoding {
        request = request.header("Accept-Encoding", encodings);
    }
    let request = request.body(Body::empty()).expect("request");
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

async fn get(app: &Router, path: &str, accept_encoding: Option<&str>) -> Reply {
    call(app, Method::GET, path, accept_encoding).await
}

fn gunzip(bytes: &[u8]) -> String {
    let mut text = String::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_string(&mut text)
        .expect("a gzip body");
    text
}

#[tokio::test]
async fn every_file_of_the_app_carries_the_csp_of_its_config() {
    let dist = dist(
        r#"{"api_base_url": "https://obp.bank.example/", "media_origins": ["https://cdn.bank.example"]}"#,
    );
    let app = serving(&dist, AppBackend::Obp);
    for path in ["/", "/customers/some-id/kyc", "/config.json", SCRIPT] {
        let reply = get(&app, path, None).await;
        reply.assert_status(200);
        let csp = reply.header("content-security-policy").expect(path);
        assert!(
            csp.starts_with("default-src 'none'; script-src 'self' 'wasm-unsafe-eval';"),
            "{csp}"
        );
        assert!(
            csp.contains("; connect-src 'self' https://obp.bank.example;"),
            "{csp}"
        );
        assert!(
            csp.contains("; img-src 'self' data: https://cdn.bank.example;"),
            "{csp}"
        );
        assert!(csp.ends_with("; frame-ancestors 'none'"), "{csp}");
        assert_eq!(reply.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(reply.header("referrer-policy"), Some("no-referrer"));
        assert_eq!(
            reply.header("permissions-policy"),
            Some(web_policy::PERMISSIONS_POLICY)
        );
    }
    // The Enterprise config points the app at this origin: nothing else may be reached.
    let enterprise = serving(&dist, AppBackend::Enterprise);
    let config = get(&enterprise, "/config.json", None).await;
    config.assert_status(200);
    assert_eq!(config.json["api_base_url"], "");
    let csp = config.header("content-security-policy").expect("a CSP");
    assert!(csp.contains("; connect-src 'self';"), "{csp}");
    std::fs::remove_dir_all(dist).expect("removes dist");
}

#[tokio::test]
async fn a_config_the_policy_cannot_use_gets_the_strictest_csp() {
    let dist = dist(r#"{"api_base_url": "https://obp.bank.example; script-src *"}"#);
    let reply = get(&serving(&dist, AppBackend::Obp), "/", None).await;
    reply.assert_status(200);
    let csp = reply.header("content-security-policy").expect("a CSP");
    assert!(
        csp.contains("; img-src 'self' data:; connect-src 'self';"),
        "{csp}"
    );
    std::fs::remove_dir_all(dist).expect("removes dist");
}

#[tokio::test]
async fn files_are_compressed_when_the_browser_accepts_it() {
    let dist = dist(r#"{"api_base_url": ""}"#);
    let app = serving(&dist, AppBackend::Obp);
    let plain = get(&app, SCRIPT, None).await;
    assert_eq!(plain.header("content-encoding"), None);
    assert_eq!(plain.raw, script().as_bytes());

    let on_the_fly = get(&app, SCRIPT, Some("gzip, deflate, br")).await;
    on_the_fly.assert_status(200);
    assert_eq!(on_the_fly.header("content-encoding"), Some("gzip"));
    assert!(on_the_fly.raw.len() < script().len() / 10);
    assert_eq!(gunzip(&on_the_fly.raw), script());
    assert!(on_the_fly.header("content-security-policy").is_some());

    // The `.gz` that `cargo xtask build` writes next to a file is sent as it is.
    let precompressed = b"\x1f\x8b precompressed by the build".to_vec();
    std::fs::write(dist.join(format!("{}.gz", &SCRIPT[1..])), &precompressed).expect("writes");
    let shipped = get(&app, SCRIPT, Some("gzip")).await;
    assert_eq!(shipped.header("content-encoding"), Some("gzip"));
    assert_eq!(shipped.raw, precompressed);
    std::fs::remove_dir_all(dist).expect("removes dist");
}

#[tokio::test]
async fn api_responses_keep_cors_and_get_no_app_headers() {
    let dist = dist(r#"{"api_base_url": ""}"#);
    let app = serving(&dist, AppBackend::Obp);
    for path in [
        "/obp/v5.1.0/banks",
        "/obp/v5.1.0/no-such-thing",
        "/my/logins/direct",
        "/v1/profiles/demo-profile/customers",
        "/v1/unknown",
    ] {
        let reply = get(&app, path, Some("gzip")).await;
        assert!(reply.json.is_object(), "{path} is JSON, not the app");
        assert_eq!(
            reply.header("access-control-allow-origin"),
            Some("*"),
            "{path}"
        );
        assert_eq!(reply.header("content-security-policy"), None, "{path}");
        assert_eq!(reply.header("content-encoding"), None, "{path}");
    }
    std::fs::remove_dir_all(dist).expect("removes dist");
}

#[tokio::test]
async fn deep_links_get_index_html_and_api_paths_never_do() {
    let dist = dist(r#"{"api_base_url": ""}"#);
    let app = serving(&dist, AppBackend::Obp);
    for path in [
        "/",
        "/customers/3d0c0b2e-6f7a-4a8e-9a11-0a1b2c3d4e5f",
        "/customers/new?bank=gh.29.uk",
        "/login",
    ] {
        let reply = get(&app, path, None).await;
        reply.assert_status(200);
        assert!(
            String::from_utf8_lossy(&reply.raw).contains("Customer Console"),
            "{path}"
        );
        assert!(
            reply
                .header("content-type")
                .is_some_and(|ct| ct.starts_with("text/html")),
            "{path}"
        );
    }
    assert_eq!(get(&app, SCRIPT, None).await.raw, script().as_bytes());
    get(&app, "/obp/v5.1.0/no/such/thing", None)
        .await
        .assert_error(404, "OBP-10404");
    get(&app, "/obp/v5.1.0/banks", None)
        .await
        .assert_status(200);
    // Only reads go to the app: anything else outside the APIs is OBP's 404.
    call(&app, Method::POST, "/customers", None)
        .await
        .assert_error(404, "OBP-10404");
    std::fs::remove_dir_all(dist).expect("removes dist");
}

#[tokio::test]
async fn config_json_points_the_app_at_the_enterprise_api_in_enterprise_mode() {
    let shipped = r#"{
  "api_base_url": "https://obp.example.com",
  "api_version": "v5.1.0",
  "default_bank_id": "gh.29.uk",
  "consumer_key": "sandbox-consumer-key",
  "backend": "obp",
  "app_title": "Customer Console"
}"#;
    let dist = dist(shipped);

    let untouched = get(&serving(&dist, AppBackend::Obp), "/config.json", None).await;
    untouched.assert_status(200);
    assert_eq!(untouched.raw, shipped.as_bytes());

    let enterprise = serving(&dist, AppBackend::Enterprise);
    let config = get(&enterprise, "/config.json", None).await;
    config.assert_status(200);
    assert!(config
        .header("content-type")
        .is_some_and(|ct| ct.starts_with("application/json")));
    assert_eq!(
        config.json,
        json!({
            "api_base_url": "",
            "api_version": "v5.1.0",
            "default_bank_id": "gh.29.uk",
            "consumer_key": "sandbox-consumer-key",
            "backend": "enterprise",
            "profile_ids": ["demo-profile", "nl-retail-profile"],
            "app_title": "Customer Console"
        })
    );
    // The rest of the app is served as before.
    let page = get(&enterprise, "/customers", None).await;
    assert!(String::from_utf8_lossy(&page.raw).contains("Customer Console"));
    std::fs::remove_dir_all(dist).expect("removes dist");

    let bare = dist_with_config(None);
    let config = get(
        &serving(&bare, AppBackend::Enterprise),
        "/config.json",
        None,
    )
    .await;
    assert_eq!(
        config.json,
        json!({"api_base_url": "", "backend": "enterprise", "profile_ids": ["demo-profile", "nl-retail-profile"]})
    );
    std::fs::remove_dir_all(bare).expect("removes dist");

    let broken = dist_with_config(Some("[1, 2]"));
    let config = get(
        &serving(&broken, AppBackend::Enterprise),
        "/config.json",
        None,
    )
    .await;
    config.assert_status(500);
    assert!(String::from_utf8_lossy(&config.raw).contains("config.json"));
    std::fs::remove_dir_all(broken).expect("removes dist");
}
