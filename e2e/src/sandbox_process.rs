//! The `sandbox` binary as a child process, the way `cargo xtask run` serves the app: built once
//! per test binary (`cargo build -p sandbox`), started with an in-memory database on a free
//! loopback port and any extra flags (`--fail-rate 0.3`), and killed when dropped. Its request
//! log (one stdout line a request) is kept, so tests count what reached the server. Serving a
//! built app (`--dist`) is the binary's, not the sandbox library's.

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, OnceLock};

use crate::error::{Error, Result};

/// What the sandbox prints once it listens, before its address.
const LISTENING: &str = "listening on http://";

/// The app's backend, as the sandbox's `--app-backend` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppBackend {
    /// OBP: the dist's `config.json` as it is.
    Obp,
    /// The sandbox's Enterprise API.
    Enterprise,
}

impl AppBackend {
    fn flag(self) -> &'static str {
        match self {
            AppBackend::Obp => "obp",
            AppBackend::Enterprise => "enterprise",
        }
    }
}

/// One request the sandbox logged: `GET /obp/v5.1.0/banks 200`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoggedRequest {
    /// `GET`, `PUT`…
    pub method: String,
    /// Path and query.
    pub target: String,
    /// The status it answered.
    pub status: u16,
}

impl LoggedRequest {
    /// Reads a request line of the sandbox's log: `METHOD TARGET STATUS DURATIONms`.
    fn parse(line: &str) -> Option<Self> {
        let mut words = line.split_whitespace();
        let (method, target, status, duration) =
            (words.next()?, words.next()?, words.next()?, words.next()?);
        let is_method = !method.is_empty() && method.bytes().all(|b| b.is_ascii_uppercase());
        (is_method && duration.ends_with("ms") && words.next().is_none()).then_some(())?;
        Some(LoggedRequest {
            method: method.to_owned(),
            target: target.to_owned(),
            status: status.parse().ok()?,
        })
    }
}

/// A running sandbox process.
pub struct Sandbox {
    child: Child,
    /// Where it listens.
    pub addr: SocketAddr,
    log: Arc<Mutex<Vec<LoggedRequest>>>,
}

impl Sandbox {
    /// Starts the sandbox serving `dist` (when given) for `app_backend` with the extra `flags`
    /// (e.g. `["--fail-rate", "0.3"]`), and waits until it listens.
    pub fn start(dist: Option<&Path>, app_backend: AppBackend, flags: &[&str]) -> Result<Self> {
        let mut command = Command::new(binary()?);
        command
            .args(["--memory", "--addr", "127.0.0.1:0"])
            .args(flags);
        if let Some(dist) = dist {
            command
                .arg("--dist")
                .arg(dist)
                .args(["--app-backend", app_backend.flag()]);
        }
        let mut child = command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| Error::new(format!("cannot start the sandbox: {e}")))?;
        let Some(stdout) = child.stdout.take() else {
            return Err(Error::new("the sandbox's output is not piped"));
        };
        let mut lines = BufReader::new(stdout);
        let addr = listening_addr(&mut lines);
        // The rest of what it prints is read as it comes, so it never blocks on a full pipe; its
        // request lines are kept.
        let log = Arc::new(Mutex::new(Vec::new()));
        let kept = Arc::clone(&log);
        std::thread::spawn(move || {
            for line in lines.lines().map_while(std::io::Result::ok) {
                if let (Some(request), Ok(mut log)) = (LoggedRequest::parse(&line), kept.lock()) {
                    log.push(request);
                }
            }
        });
        match addr {
            Ok(addr) => Ok(Sandbox { child, addr, log }),
            Err(error) => {
                let _ = child.kill();
                let status = child.wait()?;
                Err(Error::new(format!(
                    "the sandbox did not start ({status}): {error}"
                )))
            }
        }
    }
}

impl Sandbox {
    /// Every request the sandbox has logged so far, in order.
    pub fn requests(&self) -> Vec<LoggedRequest> {
        self.log.lock().map(|log| log.clone()).unwrap_or_default()
    }

    /// The statuses of the `method` requests whose path (without query) ends with `path`, in
    /// the order they were answered.
    pub fn answered(&self, method: &str, path: &str) -> Vec<u16> {
        self.requests()
            .into_iter()
            .filter(|r| {
                r.method == method && r.target.split('?').next().unwrap_or("").ends_with(path)
            })
            .map(|r| r.status)
            .collect()
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        // Killing a child that already exited fails harmlessly; either way it is reaped.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The address in the sandbox's `… listening on http://ADDR/` line.
fn listening_addr(output: &mut impl BufRead) -> Result<SocketAddr> {
    let mut line = String::new();
    loop {
        line.clear();
        if output.read_line(&mut line)? == 0 {
            return Err(Error::new("it exited before listening"));
        }
        if let Some((_, rest)) = line.split_once(LISTENING) {
            let addr = rest.trim_end().trim_end_matches('/');
            return addr
                .parse()
                .map_err(|_| Error::new(format!("not an address: {addr}")));
        }
    }
}

/// The debug `sandbox` binary, built by the first call (so it is never older than its source).
fn binary() -> Result<PathBuf> {
    static BUILT: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            let output = Command::new(env!("CARGO"))
                .args(["build", "--quiet", "-p", "sandbox", "--bin", "sandbox"])
                .current_dir(crate::workspace_dir())
                .output()
                .map_err(|e| format!("cannot run cargo to build the sandbox: {e}"))?;
            if !output.status.success() {
                return Err(format!(
                    "`cargo build -p sandbox` failed ({}):\n{}",
                    output.status,
                    String::from_utf8_lossy(&output.stderr)
                ));
            }
            Ok(crate::target_dir()
                .join("debug")
                .join(format!("sandbox{}", std::env::consts::EXE_SUFFIX)))
        })
        .clone()
        .map_err(Error::new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_address_from_the_startup_lines() {
        let printed = "OBP v5.1.0 sandbox listening on http://127.0.0.1:40123/\nServing…\n";
        assert_eq!(
            listening_addr(&mut printed.as_bytes()).expect("an address"),
            SocketAddr::from(([127, 0, 0, 1], 40123))
        );
        assert!(listening_addr(&mut "sandbox: database error\n".as_bytes()).is_err());
    }

    #[test]
    fn reads_request_lines_of_the_log() {
        assert_eq!(
            LoggedRequest::parse("PUT /obp/v5.1.0/banks/gh.29.uk/customers/c/kyc_check/k1 500 3ms"),
            Some(LoggedRequest {
                method: "PUT".to_owned(),
                target: "/obp/v5.1.0/banks/gh.29.uk/customers/c/kyc_check/k1".to_owned(),
                status: 500,
            })
        );
        assert_eq!(LoggedRequest::parse("OBP v5.1.0 sandbox listening"), None);
        assert_eq!(LoggedRequest::parse("Serving dist/ at /"), None);
    }
}
