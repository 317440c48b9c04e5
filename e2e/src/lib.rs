//! The end-to-end harness: the sandbox binary serving the built app, headless Chromium
//! driven through the system chromedriver, and helpers that act as a person would.
//!
//! ```no_run
//! # async fn smoke() -> e2e::Result {
//! let h = e2e::Harness::start().await?;
//! h.goto("/login").await?;
//! h.wait_for_text("Sign in").await?;
//! h.assert_no_console_errors().await?;
//! h.finish().await
//! # }
//! ```
//!
//! Needs `cargo xtask build` first (dist/ is served as it is; `DIST_DIR` points elsewhere) and
//! chromedriver (`CHROMEDRIVER`, else PATH). Run with `cargo test -p e2e -- --test-threads=1`.

mod api;
mod cdp;
mod console;
pub mod demo;
mod downloads;
mod driver;
mod error;
mod nginx;
mod page;
pub mod perf;
mod sandbox_process;

use std::path::{Path, PathBuf};

use fantoccini::Client;

pub use console::LogEntry;
pub use error::{Error, Result};
pub use sandbox_process::LoggedRequest;

use driver::ChromeDriver;
use nginx::Nginx;
use sandbox_process::{AppBackend, Sandbox};

/// One test's world: a sandbox with an in-memory database (behind nginx for
/// [`Harness::start_behind_nginx`]), a browser session and its driver.
/// Call [`Harness::finish`] at the end; dropping it instead still kills the browser.
pub struct Harness {
    /// The WebDriver session, for anything the helpers do not cover.
    pub client: Client,
    /// Where the app is served, e.g. `http://127.0.0.1:40123`.
    pub base_url: String,
    sandbox: Option<Sandbox>,
    nginx: Option<Nginx>,
    // Declared last, so dropped last: killing it ends any browser a failed test left open.
    _driver: ChromeDriver,
}

impl Harness {
    /// Starts the sandbox (in memory, serving the dist dir) and a headless browser.
    pub async fn start() -> Result<Self> {
        Self::start_with(AppBackend::Obp).await
    }

    /// Like [`Harness::start`], with the app configured for the sandbox's Enterprise API: its
    /// `/config.json` says `"backend": "enterprise"` with the demo `profile_ids` and the same
    /// origin as `api_base_url`. The bearer token is [`sandbox::enterprise::DEMO_TOKEN`]; the
    /// demo data is documented in `sandbox/src/seed/enterprise.rs`.
    pub async fn start_enterprise() -> Result<Self> {
        Self::start_with(AppBackend::Enterprise).await
    }

    /// Like [`Harness::start`], the sandbox started with the extra `flags`, e.g.
    /// `["--fail-rate", "0.3"]` or `["--token-ttl", "20"]` (`cargo run -p sandbox -- --help`
    /// lists them).
    pub async fn start_with_flags(flags: &[&str]) -> Result<Self> {
        let running = Sandbox::start(Some(&built_dist()?), AppBackend::Obp, flags)?;
        Self::open_browser(format!("http://{}", running.addr), running, None).await
    }

    /// The app as deployers serve it: nginx (`$NGINX`, else PATH, else `/usr/sbin/nginx`) serving
    /// the dist dir with the shipped `deploy/nginx.conf` on a free loopback port, the API proxied
    /// to a sandbox that serves no files itself. Fails when nginx is missing.
    pub async fn start_behind_nginx() -> Result<Self> {
        let dist = built_dist()?;
        let running = Sandbox::start(None, AppBackend::Obp, &[])?;
        let nginx = Nginx::start(&dist, running.addr)?;
        Self::open_browser(format!("http://{}", nginx.addr), running, Some(nginx)).await
    }

    /// A browser for an app served elsewhere, at `base_url` (e.g. the release sandbox that
    /// `cargo xtask bench` starts): only chromedriver and the browser are started here.
    pub async fn attach(base_url: &str) -> Result<Self> {
        let driver = ChromeDriver::start()?;
        let client = driver.session().await?;
        Ok(Harness {
            client,
            base_url: base_url.trim_end_matches('/').to_owned(),
            sandbox: None,
            nginx: None,
            _driver: driver,
        })
    }

    async fn start_with(app_backend: AppBackend) -> Result<Self> {
        let running = Sandbox::start(Some(&built_dist()?), app_backend, &[])?;
        Self::open_browser(format!("http://{}", running.addr), running, None).await
    }

    async fn open_browser(
        base_url: String,
        running: Sandbox,
        nginx: Option<Nginx>,
    ) -> Result<Self> {
        let driver = ChromeDriver::start()?;
        let client = driver.session().await?;
        Ok(Harness {
            client,
            base_url,
            sandbox: Some(running),
            nginx,
            _driver: driver,
        })
    }

    /// Every request the sandbox logged so far, in order (none for [`Harness::attach`]).
    pub fn sandbox_requests(&self) -> Vec<LoggedRequest> {
        self.sandbox
            .as_ref()
            .map(Sandbox::requests)
            .unwrap_or_default()
    }

    /// The statuses the sandbox answered the `method` requests whose path ends with `path` with,
    /// in order (none when the app is served elsewhere, see [`Harness::attach`]).
    pub fn sandbox_answered(&self, method: &str, path: &str) -> Vec<u16> {
        self.sandbox
            .as_ref()
            .map_or_else(Vec::new, |sandbox| sandbox.answered(method, path))
    }

    /// Closes the browser session and stops the sandbox.
    pub async fn finish(mut self) -> Result {
        self.client.clone().close().await?;
        drop(self.nginx.take());
        drop(self.sandbox.take());
        Ok(())
    }
}

/// The dist dir, checked to hold a build.
fn built_dist() -> Result<PathBuf> {
    let dist = dist_dir();
    if !dist.join("index.html").is_file() {
        return Err(Error::new(format!(
            "{} has no index.html: run `cargo xtask build` first (or set DIST_DIR)",
            dist.display()
        )));
    }
    Ok(dist)
}

/// The directory the sandbox serves: `DIST_DIR`, else `<workspace>/dist`.
pub fn dist_dir() -> PathBuf {
    match std::env::var_os("DIST_DIR") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => workspace_dir().join("dist"),
    }
}

/// Where screenshots of failures go: `<target>/e2e-screenshots`.
pub fn screenshot_dir() -> PathBuf {
    target_dir().join("e2e-screenshots")
}

/// Cargo's target dir: `CARGO_TARGET_DIR`, else `<workspace>/target`.
fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_dir().join("target"))
}

fn workspace_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("e2e lives inside the workspace")
}
