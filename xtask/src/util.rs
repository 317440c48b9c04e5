//! Shared helpers: the workspace root, a command runner that prints each command before it
//! runs it, quiet probes for tool versions, the PATH every child process gets, and file sizes.

use std::ffi::OsStr;
use std::fmt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// Every task returns this; errors are plain messages for a person to read.
pub type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

/// A step that could not run at all (not a failure): `cargo xtask test` reports it as SKIPPED
/// with its reason, loudly, and goes on.
#[derive(Debug)]
pub struct Skipped(pub String);

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Skipped {}

/// Returns early with an error built like `format!`.
macro_rules! bail {
    ($($arg:tt)*) => { return Err(format!($($arg)*).into()) };
}
pub(crate) use bail;

/// The workspace root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}

/// `tools/node_modules/.bin`, where the project-local npm tools (wasm-opt) live.
pub fn npm_bin_dir() -> PathBuf {
    root().join("tools/node_modules/.bin")
}

/// Cargo's bin directory (`$CARGO_HOME/bin`, else `~/.cargo/bin`), where `cargo install` puts tools.
pub fn cargo_bin_dir() -> Option<PathBuf> {
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        return Some(PathBuf::from(home).join("bin"));
    }
    std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo/bin"))
}

/// Puts `tools/node_modules/.bin` and cargo's bin directory first on PATH, for this process and
/// so for every child it starts (the build runs wasm-bindgen from PATH).
pub fn prepend_tool_dirs_to_path() {
    let mut dirs = vec![npm_bin_dir()];
    dirs.extend(cargo_bin_dir());
    let old = std::env::var_os("PATH").unwrap_or_default();
    let rest = std::env::split_paths(&old).filter(|p| !dirs.contains(p));
    let joined = std::env::join_paths(dirs.iter().cloned().chain(rest))
        .expect("tool directories contain no path separator");
    // Safe to call here: main() does this first, before any thread exists.
    std::env::set_var("PATH", joined);
}

/// A command to run, shown as `$ program args…` before it runs.
pub struct Cmd {
    inner: Command,
    shown: String,
}

/// Starts building a command (run with [`Cmd::run`], [`Cmd::spawn`] or [`Cmd::output`]).
pub fn cmd<I, S>(program: &str, args: I) -> Cmd
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut c = Cmd {
        inner: Command::new(program),
        shown: program.to_string(),
    };
    c.inner.current_dir(root());
    c.args(args)
}

impl Cmd {
    /// Adds arguments.
    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        for arg in args {
            let arg = arg.as_ref();
            self.shown.push(' ');
            self.shown.push_str(&arg.to_string_lossy());
            self.inner.arg(arg);
        }
        self
    }

    /// Sets an environment variable for the child (shown before the command).
    pub fn env(mut self, key: &str, value: impl AsRef<OsStr>) -> Self {
        let value = value.as_ref();
        self.shown = format!("{key}={} {}", value.to_string_lossy(), self.shown);
        self.inner.env(key, value);
        self
    }

    /// Runs the command with inherited stdio and fails unless it exits successfully.
    pub fn run(mut self) -> Result {
        println!("$ {}", self.shown);
        let status = self
            .inner
            .status()
            .map_err(|e| format!("cannot start `{}`: {e}", self.shown))?;
        if !status.success() {
            bail!("`{}` failed ({status})", self.shown);
        }
        Ok(())
    }

    /// Starts the command and returns the child, its stdout and stderr piped when `piped`.
    pub fn spawn(mut self, piped: bool) -> Result<Child> {
        println!("$ {}", self.shown);
        if piped {
            self.inner.stdout(Stdio::piped()).stderr(Stdio::piped());
        }
        Ok(self
            .inner
            .spawn()
            .map_err(|e| format!("cannot start `{}`: {e}", self.shown))?)
    }

    /// Runs the command, captures stdout and fails unless it exits successfully.
    pub fn output(mut self) -> Result<String> {
        println!("$ {}", self.shown);
        let out = self
            .inner
            .stderr(Stdio::inherit())
            .output()
            .map_err(|e| format!("cannot start `{}`: {e}", self.shown))?;
        if !out.status.success() {
            bail!("`{}` failed ({})", self.shown, out.status);
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    }
}

impl fmt::Display for Cmd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.shown)
    }
}

/// Runs `program args…` quietly and returns its trimmed stdout if it started and succeeded.
/// Used to ask tools for their versions without printing anything.
pub fn probe(program: impl AsRef<OsStr>, args: &[&str]) -> Option<String> {
    let out = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// The full path of `program` on PATH, if it is there.
pub fn which(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

/// Cargo's target directory for this workspace (honours CARGO_TARGET_DIR and cargo config).
pub fn target_dir() -> Result<PathBuf> {
    let json = cmd(
        "cargo",
        [
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ],
    )
    .output()?;
    json_string_field(&json, "target_directory")
        .map(PathBuf::from)
        .ok_or_else(|| "cargo metadata printed no target_directory".into())
}

/// The first `"key":"value"` string in a JSON text (enough for cargo metadata and OBP tokens).
pub fn json_string_field(json: &str, key: &str) -> Option<String> {
    let after_key = &json[json.find(&format!("\"{key}\""))? + key.len() + 2..];
    let after_colon = after_key.trim_start().strip_prefix(':')?.trim_start();
    let body = after_colon.strip_prefix('"')?;
    let mut value = String::new();
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(value),
            '\\' => value.push(chars.next()?),
            c => value.push(c),
        }
    }
    None
}

/// The size of `path` in bytes after `gzip -9`.
pub fn gzip_size(path: &Path) -> Result<u64> {
    let out = Command::new("gzip")
        .arg("-9")
        .arg("-c")
        .arg(path)
        .output()
        .map_err(|e| format!("cannot run gzip: {e}"))?;
    if !out.status.success() {
        bail!("gzip -9 -c {} failed ({})", path.display(), out.status);
    }
    Ok(out.stdout.len() as u64)
}

/// Bytes as a short human figure, e.g. `187.4 KiB`.
pub fn human_bytes(bytes: u64) -> String {
    if bytes < 1024 {
        format!("{bytes} B")
    } else if bytes < 1024 * 1024 {
        format!("{:.1} KiB", bytes as f64 / 1024.0)
    } else {
        format!("{:.2} MiB", bytes as f64 / (1024.0 * 1024.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_string_fields_from_json() {
        let json = r#"{"packages":[],"target_directory": "/w/t\"x","token":"abc"}"#;
        assert_eq!(
            json_string_field(json, "target_directory").as_deref(),
            Some("/w/t\"x")
        );
        assert_eq!(json_string_field(json, "token").as_deref(), Some("abc"));
        assert_eq!(json_string_field(json, "missing"), None);
    }

    #[test]
    fn prints_sizes_for_people() {
        assert_eq!(human_bytes(512), "512 B");
        assert_eq!(human_bytes(2048), "2.0 KiB");
    }
}
