//! The app as deployers serve it: nginx with the shipped `deploy/nginx.conf` serving `dist/`, the
//! API proxied to the sandbox. Its headers (the strict CSP among them) and precompressed files are
//! checked on the wire, then staff signs in, lists, opens a customer and edits the profile with no
//! console error, after a deliberate CSP violation has proved that such errors are caught.
//!
//! Needs nginx: `cargo xtask test e2e-nginx` installs it (or skips, loudly, when it cannot).

use std::io::{Read, Write};
use std::net::TcpStream;

use e2e::{Harness, Result};

/// The status line and headers (lowercased) of `GET path`, sent with `Accept-Encoding: gzip`.
fn head_of(base_url: &str, path: &str) -> std::io::Result<String> {
    let host = base_url.trim_start_matches("http://");
    let mut stream = TcpStream::connect(host)?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n"
    )?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(raw.len());
    Ok(String::from_utf8_lossy(&raw[..end]).to_ascii_lowercase())
}

/// The paths of the hashed script, wasm and loader, read from the served index.html (its
/// integrity-checked preloads and script; `config.json` is preloaded too but not hashed).
async fn asset_paths(h: &Harness) -> Result<Vec<String>> {
    let paths = h
        .client
        .execute(
            "return [...document.querySelectorAll('link[integrity], script[src]')]\
             .map(e => new URL(e.getAttribute('href') || e.getAttribute('src'), document.baseURI).pathname);",
            vec![],
        )
        .await?;
    Ok(paths
        .as_array()
        .map(|all| {
            all.iter()
                .filter_map(|p| p.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn behind_nginx_staff_signs_in_lists_opens_and_edits_a_customer() -> Result {
    let h = Harness::start_behind_nginx().await?;

    // The shipped headers, on a deep link (SPA fallback) and on config.json, never cached.
    for path in ["/customers/some-id", "/config.json"] {
        let head = head_of(&h.base_url, path)?;
        assert!(head.starts_with("http/1.1 200"), "{path}: {head}");
        for header in [
            "content-security-policy: default-src 'none'; script-src 'self' 'wasm-unsafe-eval';",
            "x-content-type-options: nosniff",
            "referrer-policy: no-referrer",
            "permissions-policy: ",
            "cache-control: no-cache",
        ] {
            assert!(head.contains(header), "{path} lacks {header}:\n{head}");
        }
        assert!(head.contains("; frame-ancestors 'none'\r\n"), "{head}");
    }

    h.goto("/login").await?;
    h.wait_for_heading("Sign in").await?;

    // The hashed script, loader and wasm: precompressed .gz files, cached for long.
    let assets = asset_paths(&h).await?;
    assert!(
        assets.iter().any(|p| p.starts_with("/loader-")),
        "{assets:?}"
    );
    assert!(assets.iter().any(|p| p.ends_with("_bg.wasm")), "{assets:?}");
    for path in &assets {
        let head = head_of(&h.base_url, path)?;
        assert!(head.starts_with("http/1.1 200"), "{path}: {head}");
        assert!(head.contains("content-encoding: gzip"), "{path}: {head}");
        assert!(
            head.contains("cache-control: max-age=31536000"),
            "{path}: {head}"
        );
    }
    let index = h
        .client
        .execute("return document.documentElement.outerHTML;", vec![])
        .await?;
    let index = index.as_str().unwrap_or_default();
    assert!(
        !index.contains("<script type=\"module\">"),
        "no inline script left"
    );

    // A deliberate violation (inline script, an image from elsewhere) must fail the console check.
    h.client
        .execute(
            "const s = document.createElement('script'); s.textContent = 'window.pwned = 1';\
             document.head.appendChild(s);\
             const i = document.createElement('img'); i.src = 'https://elsewhere.example/x.png';\
             document.body.appendChild(i); return window.pwned === undefined;",
            vec![],
        )
        .await
        .map(|blocked| assert_eq!(blocked, serde_json::json!(true), "inline script ran"))?;
    let caught = h
        .assert_no_console_errors()
        .await
        .expect_err("the CSP violations are console errors");
    let caught = caught.to_string();
    assert!(caught.contains("Content Security Policy"), "{caught}");
    assert!(caught.contains("img-src"), "{caught}");
    assert!(caught.contains("script-src"), "{caught}");

    // Sign-in and the API go through nginx's proxy to the sandbox.
    h.login("staff", "staff-password-1").await?;
    assert_eq!(h.current_path().await?, "/customers");
    h.wait_for_text("Rows 1\u{2013}25").await?;
    h.click_link("José Álvarez Núñez").await?;
    h.wait_for_heading("José Álvarez Núñez").await?;

    // The customer page came in its own wasm chunks (the build splits the wasm by route): every
    // script and wasm the browser fetched is served hashed, precompressed, with its MIME type.
    let fetched = h
        .client
        .execute(
            "return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)\
             .filter(p => p.endsWith('.wasm') || p.endsWith('.js'));",
            vec![],
        )
        .await?;
    let fetched: Vec<String> = serde_json::from_value(fetched)?;
    let wasm = fetched.iter().filter(|p| p.ends_with(".wasm")).count();
    assert!(
        wasm > 1,
        "the main module and the customer page's chunks: {fetched:?}"
    );
    for path in &fetched {
        let head = head_of(&h.base_url, path)?;
        let mime = if path.ends_with(".wasm") {
            "content-type: application/wasm"
        } else {
            "content-type: application/javascript"
        };
        assert!(head.starts_with("http/1.1 200"), "{path}: {head}");
        assert!(head.contains(mime), "{path}: {head}");
        assert!(head.contains("content-encoding: gzip"), "{path}: {head}");
    }

    h.click_button("Edit email").await?;
    h.fill("Email", "jose.nginx@bank.example").await?;
    h.click_button("Save").await?;
    h.wait_for_text("jose.nginx@bank.example").await?;

    // A reload of the deep link: nginx's fallback serves the app, the sandbox has the change.
    let detail = h.current_path().await?;
    h.goto(&detail).await?;
    h.wait_for_heading("José Álvarez Núñez").await?;
    h.wait_for_text("jose.nginx@bank.example").await?;

    h.assert_no_console_errors().await?;
    h.finish().await
}
