//! The `sandbox` binary as a child process, the way `cargo xtask run` serves the app: built once
//! per test binary (`cargo build -p sandbox`), started quiet with an in-memory database on a free
//! loopback port, and killed when dropped. Serving a built app (`--dist`) is the binary's, not
//! the sandbox library's.

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;

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

/// A running sandbox process.
pub struct Sandbox {
    child: Child,
    /// Where it listens.
    pub addr: SocketAddr,
}

impl Sandbox {
    /// Starts the sandbox serving `dist` (when given) for `app_backend`, and waits until it listens.
    pub fn start(dist: Option<&Path>, app_backend: AppBackend) -> Result<Self> {
        let mut command = Command::new(binary()?);
        command.args(["--memory", "--quiet", "--addr", "127.0.0.1:0"]);
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
        // The rest of what it prints is read and dropped, so it never blocks on a full pipe.
        std::thread::spawn(move || std::io::copy(&mut lines, &mut std::io::sink()));
        match addr {
            Ok(addr) => Ok(Sandbox { child, addr }),
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
}
