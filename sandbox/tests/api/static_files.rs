//! The built app as the sandbox serves it (`--dist`): the security headers and the CSP computed
//! from the served `config.json`, compression, and API responses left without either.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::common::{app_with, memory_options, scratch_path, send, Reply};
use axum::body::Body;
use axum::http::{Method, Request};
use axum::Router;
use sandbox::{AppBackend, Options};

/// A script big enough to be worth compressing, named like Trunk's hashed files.
const SCRIPT: &str = "/app-0123456789abcdef.js";

/// A dist dir with `index.html`, a script and the given `config.json`.
fn dist(config: &str) -> PathBuf {
    let dist = scratch_path("dist");
    std::fs::create_dir_all(&dist).expect("creates dist");
    std::fs::write(dist.join("index.html"), "<title>Customer Console</title>").expect("writes");
    std::fs::write(dist.join("config.json"), config).expect("writes config.json");
    std::fs::write(dist.join(&SCRIPT[1..]), script()).expect("writes the script");
    dist
}

fn script() -> String {
    "export function hello() { return 'hello'; }\n".repeat(200)
}

fn serving(dist: &Path, app_backend: AppBackend) -> Router {
    app_with(Options {
        dist: Some(dist.to_owned()),
        app_backend,
        ..memory_options()
    })
}

async fn get(app: &Router, path: &str, accept_encoding: Option<&str>) -> Reply {
    let mut request = Request::builder().method(Method::GET).uri(path);
    if let Some(encodings) = accept_encoding {
        request = request.header("Accept-Encoding", encodings);
    }
    send(app, request.body(Body::empty()).expect("request")).await
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
