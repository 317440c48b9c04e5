//! The system chromedriver as a child process, and the headless Chromium session it opens.
//!
//! Chromedriver runs in a process group of its own, so dropping [`ChromeDriver`] kills it and
//! every browser process it started, even when a test panics before closing its session.

use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use fantoccini::wd::Capabilities;
use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

use crate::error::{Error, Result};

/// Chromium's flags: headless as root, and nothing that reaches the network by itself.
const CHROME_ARGS: [&str; 10] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--window-size=1280,900",
];

/// How long chromedriver may take to start listening.
const START_TIMEOUT: Duration = Duration::from_secs(20);

/// A running chromedriver and the browser profile directory its sessions use.
pub struct ChromeDriver {
    child: Child,
    /// The WebDriver URL, e.g. `http://127.0.0.1:9515/`.
    pub url: String,
    profile: PathBuf,
}

impl ChromeDriver {
    /// Starts `$CHROMEDRIVER` (else `chromedriver` from PATH) on a free loopback port.
    pub fn start() -> Result<Self> {
        let program = std::env::var("CHROMEDRIVER")
            .ok()
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| "chromedriver".into());
        let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let mut command = Command::new(&program);
        command
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let child = command.spawn().map_err(|e| {
            Error::new(format!(
                "cannot start chromedriver `{program}`: {e} \
                 (set CHROMEDRIVER or run `cargo xtask setup`)"
            ))
        })?;
        let driver = ChromeDriver {
            child,
            url: format!("http://127.0.0.1:{port}/"),
            profile: fresh_profile_dir()?,
        };
        driver.wait_until_listening(port)?;
        Ok(driver)
    }

    fn wait_until_listening(&self, port: u16) -> Result {
        let deadline = Instant::now() + START_TIMEOUT;
        while Instant::now() < deadline {
            if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Err(Error::new(format!(
            "chromedriver did not listen on port {port} within {START_TIMEOUT:?}"
        )))
    }

    /// Opens a headless Chromium session with the browser console log recorded.
    pub async fn session(&self) -> Result<Client> {
        let mut args: Vec<String> = CHROME_ARGS.iter().map(|a| a.to_string()).collect();
        args.push(format!("--user-data-dir={}", self.profile.display()));
        let mut chrome_options = json!({ "args": args });
        if let Ok(binary) = std::env::var("CHROME") {
            chrome_options["binary"] = json!(binary);
        }
        let capabilities = json!({
            "browserName": "chrome",
            "goog:chromeOptions": chrome_options,
            "goog:loggingPrefs": { "browser": "ALL" },
        });
        let serde_json::Value::Object(capabilities) = capabilities else {
            unreachable!("json! of an object literal is an object")
        };
        Ok(ClientBuilder::new(HttpConnector::new())
            .capabilities(Capabilities::from(capabilities))
            .connect(&self.url)
            .await?)
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        // The group id is chromedriver's pid (process_group(0)); the browser is in that group.
        #[cfg(unix)]
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.child.id())])
            .stderr(Stdio::null())
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// A new empty directory for one browser profile under the system temp dir.
fn fresh_profile_dir() -> Result<PathBuf> {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "e2e-chromium-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
