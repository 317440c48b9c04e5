//! nginx serving the built app with the shipped `deploy/nginx.conf` (written by
//! `cargo xtask build` next to `dist/`), the API proxied to the sandbox.
//!
//! The shipped server block is used as it is, but for three lines: `listen` (a free loopback
//! port), `root` (the dist dir) and the API upstream (the sandbox). A small main config around it
//! keeps nginx in the foreground with its pid, logs and temp files in a directory of its own, so
//! it runs without touching the system's nginx. Dropping [`Nginx`] stops it.

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::error::{Error, Result};

/// The shipped lines the test changes (xtask's `deploy::{LISTEN, ROOT, API_UPSTREAM}`).
const LISTEN: &str = "    listen 80;";
const ROOT: &str = "    root /srv/customer-console/dist;";
const API_UPSTREAM: &str = "http://127.0.0.1:8080;";
/// Debian's mime.types (the shipped block relies on the http context's types).
const MIME_TYPES: &str = "/etc/nginx/mime.types";
/// How long nginx may take to start listening.
const START_TIMEOUT: Duration = Duration::from_secs(10);

/// A running nginx, in the foreground of its own process.
pub struct Nginx {
    child: Child,
    dir: PathBuf,
    /// Where it listens.
    pub addr: SocketAddr,
}

impl Nginx {
    /// Starts `$NGINX` (else `nginx` on PATH, else `/usr/sbin/nginx`) serving `dist` with
    /// `<dist>/../deploy/nginx.conf`, the API proxied to `api`. Fails when nginx is missing or
    /// `nginx -t` rejects the config.
    pub fn start(dist: &Path, api: SocketAddr) -> Result<Self> {
        let program = binary().ok_or_else(|| {
            Error::new("nginx is not installed: `cargo xtask setup` installs it (Debian's nginx)")
        })?;
        let shipped_path = dist.join("../deploy/nginx.conf");
        let shipped = std::fs::read_to_string(&shipped_path).map_err(|e| {
            Error::new(format!(
                "{}: {e}: run `cargo xtask build` first",
                shipped_path.display()
            ))
        })?;
        let addr = SocketAddr::from(([127, 0, 0, 1], free_port()?));
        let dist = dist.canonicalize()?;
        let site = [
            (LISTEN, format!("    listen {addr};"), 1),
            (ROOT, format!("    root {};", dist.display()), 1),
            (API_UPSTREAM, format!("http://{api};"), 2),
        ]
        .into_iter()
        .try_fold(shipped, |conf, (line, with, times)| {
            let found = conf.matches(line).count();
            if found != times {
                return Err(Error::new(format!(
                    "deploy/nginx.conf has {line:?} {found} times, expected {times}"
                )));
            }
            Ok(conf.replace(line, &with))
        })?;
        let dir = scratch_dir()?;
        std::fs::write(dir.join("customer-console.conf"), site)?;
        std::fs::write(dir.join("nginx.conf"), main_conf(&dir))?;
        let command = |extra: &[&str]| {
            let mut command = Command::new(&program);
            command
                .args(extra)
                .arg("-p")
                .arg(&dir)
                .arg("-e")
                .arg(dir.join("error.log"))
                .arg("-c")
                .arg(dir.join("nginx.conf"))
                .stdin(Stdio::null());
            command
        };
        let test = command(&["-t"]).output()?;
        if !test.status.success() {
            return Err(Error::new(format!(
                "nginx -t rejects deploy/nginx.conf:\n{}",
                String::from_utf8_lossy(&test.stderr)
            )));
        }
        let child = command(&[])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| Error::new(format!("cannot start {}: {e}", program.display())))?;
        let mut nginx = Nginx { child, dir, addr };
        nginx.wait_until_listening()?;
        Ok(nginx)
    }

    fn wait_until_listening(&mut self) -> Result {
        let started = Instant::now();
        while TcpStream::connect(self.addr).is_err() {
            let exited = self.child.try_wait()?;
            if exited.is_some() || started.elapsed() > START_TIMEOUT {
                let log = std::fs::read_to_string(self.dir.join("error.log")).unwrap_or_default();
                return Err(Error::new(format!(
                    "nginx did not start listening on {} ({exited:?}):\n{log}",
                    self.addr
                )));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(())
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        // SIGTERM: the master stops its worker, then exits (SIGKILL would orphan the worker).
        let stopped = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .stderr(Stdio::null())
            .status();
        if !stopped.is_ok_and(|status| status.success()) {
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The nginx binary to run.
fn binary() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("NGINX").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain([PathBuf::from("/usr/sbin")])
        .map(|dir| dir.join("nginx"))
        .find(|candidate| candidate.is_file())
}

/// The main config around the shipped server block: foreground, one worker, everything it
/// writes inside `dir`.
fn main_conf(dir: &Path) -> String {
    let dir = dir.display();
    format!(
        "daemon off;\nworker_processes 1;\npid {dir}/nginx.pid;\nerror_log {dir}/error.log warn;\n\
         events {{ worker_connections 64; }}\n\
         http {{\n    include {MIME_TYPES};\n    default_type application/octet-stream;\n    \
         access_log off;\n    client_body_temp_path {dir}/body;\n    proxy_temp_path {dir}/proxy;\n    \
         fastcgi_temp_path {dir}/fastcgi;\n    uwsgi_temp_path {dir}/uwsgi;\n    \
         scgi_temp_path {dir}/scgi;\n    include {dir}/customer-console.conf;\n}}\n"
    )
}

/// A fresh directory for one nginx, writable by its worker (which runs as `nobody` when the
/// tests run as root).
fn scratch_dir() -> Result<PathBuf> {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "e2e-nginx-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o777))?;
    }
    Ok(dir)
}

fn free_port() -> Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}
