//! The sandbox as a child process for xtask's own checks (`bench`, the `hostile` step, `fuzz`):
//! started on a loopback address, its output kept for error messages, killed when dropped.

use std::io::Read;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::process::Child;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use crate::http::request;
use crate::util::{bail, cmd, json_string_field, Result};

/// The demo login the sandbox seeds (sandbox/src/seed.rs) and its default consumer key.
pub const DEMO_USERNAME: &str = "staff";
pub const DEMO_PASSWORD: &str = "staff-password-1";
pub const DEMO_CONSUMER_KEY: &str = "sandbox-consumer-key";
/// The Enterprise API's demo bearer token and its first demo profile (sandbox/src/enterprise,
/// sandbox/src/seed/enterprise.rs).
pub const DEMO_ENTERPRISE_TOKEN: &str = "demo-enterprise-token";
pub const DEMO_PROFILE_ID: &str = "demo-profile";

/// The longest the sandbox may take to start listening.
const START_TIMEOUT: Duration = Duration::from_secs(60);

/// The sandbox child process, killed when dropped; keeps what it printed for error messages.
pub struct Sandbox {
    child: Child,
    output: Arc<Mutex<String>>,
}

impl Sandbox {
    /// Starts `binary` with `args` (which must make it listen on `addr`) and waits until it does.
    pub fn start(binary: &Path, addr: SocketAddr, args: &[&str]) -> Result<Self> {
        let mut child = cmd(&binary.display().to_string(), args).spawn(true)?;
        let output = Arc::new(Mutex::new(String::new()));
        let readers: [Option<Box<dyn Read + Send>>; 2] = [
            child.stdout.take().map(|s| Box::new(s) as _),
            child.stderr.take().map(|s| Box::new(s) as _),
        ];
        for mut reader in readers.into_iter().flatten() {
            let output = Arc::clone(&output);
            thread::spawn(move || {
                let mut buf = [0u8; 4096];
                while let Ok(n @ 1..) = reader.read(&mut buf) {
                    let text = String::from_utf8_lossy(&buf[..n]);
                    output.lock().expect("output lock").push_str(&text);
                }
            });
        }
        let mut sandbox = Sandbox { child, output };
        sandbox.wait_until_listening(addr)?;
        Ok(sandbox)
    }

    fn wait_until_listening(&mut self, addr: SocketAddr) -> Result {
        let deadline = Instant::now() + START_TIMEOUT;
        while Instant::now() < deadline {
            if TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok() {
                return Ok(());
            }
            if let Some(status) = self.exit_status() {
                bail!(
                    "the sandbox exited ({status}); it printed:\n{}",
                    self.printed()
                );
            }
            thread::sleep(Duration::from_millis(100));
        }
        bail!(
            "the sandbox did not listen on {addr} within {START_TIMEOUT:?}; it printed:\n{}",
            self.printed()
        )
    }

    /// Everything the sandbox printed so far (stdout and stderr).
    pub fn printed(&self) -> String {
        self.output.lock().expect("output lock").clone()
    }

    /// How the sandbox ended, if it has (`None` too when the OS cannot tell).
    pub fn exit_status(&mut self) -> Option<std::process::ExitStatus> {
        self.child.try_wait().ok().flatten()
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        // Killing a child that already exited fails harmlessly; either way it is reaped.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A loopback address with a port that was free a moment ago.
pub fn free_loopback_port() -> Result<SocketAddr> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?)
}

/// Signs in with DirectLogin and returns the token, or an error showing what the sandbox said.
pub fn direct_login(
    addr: SocketAddr,
    username: &str,
    password: &str,
    consumer_key: &str,
) -> Result<String> {
    let login = format!("username={username}, password={password}, consumer_key={consumer_key}");
    let response = request(
        addr,
        "POST",
        "/my/logins/direct",
        &[("DirectLogin", &login)],
    )?;
    match json_string_field(&response.body, "token") {
        Some(token) if (200..300).contains(&response.status) => Ok(token),
        _ => bail!(
            "DirectLogin as {username} failed ({}): {}",
            response.status,
            response.body
        ),
    }
}
