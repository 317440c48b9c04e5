//! `cargo xtask run`: builds the bundle and serves it with the sandbox (release build).
//!
//! Flags are checked here (before the minutes of building) and forwarded to the sandbox as
//! they are: `--db PATH | --memory`, `--addr A` (default 127.0.0.1:8080), `--latency-ms N`,
//! `--fail-rate P`, `--consumer-key K`, `--users FILE`, `--quiet`; `--flag=value`
//! works too. The sandbox prints its URL and the demo logins.
//! Ctrl-C reaches the whole foreground process group, so it stops the sandbox and xtask alike.

use std::path::PathBuf;

use crate::dist::{build, dist_dir};
use crate::setup::setup;
use crate::util::{bail, cmd, target_dir, Result};

/// The address `run` serves on unless `--addr` is given.
pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";

/// Sandbox flags that take a value, and those that stand alone.
const VALUE_FLAGS: [&str; 6] = [
    "--db",
    "--addr",
    "--latency-ms",
    "--fail-rate",
    "--consumer-key",
    "--users",
];
const SWITCH_FLAGS: [&str; 2] = ["--memory", "--quiet"];

/// Builds, then runs the sandbox in the foreground until it exits.
pub fn run(args: &[String]) -> Result {
    check_flags(args)?;
    setup()?;
    build()?;
    let sandbox = sandbox_binary()?;
    let mut argv = vec!["--dist".to_string(), dist_dir().display().to_string()];
    if !args.iter().any(|a| flag_name(a) == "--addr") {
        argv.extend(["--addr".to_string(), DEFAULT_ADDR.to_string()]);
    }
    argv.extend(args.iter().cloned());
    cmd(&sandbox.display().to_string(), argv).run()
}

fn check_flags(args: &[String]) -> Result {
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let flag = flag_name(arg);
        if VALUE_FLAGS.contains(&flag) {
            if flag == arg && rest.next().is_none() {
                bail!("{flag} needs a value");
            }
        } else if !SWITCH_FLAGS.contains(&flag) {
            bail!(
                "unknown flag {arg}; run takes [--db PATH | --memory] [--addr A] \
                 [--latency-ms N] [--fail-rate P] [--consumer-key K] \
                 [--users FILE] [--quiet]"
            );
        }
    }
    let given = |name: &str| args.iter().any(|a| flag_name(a) == name);
    if given("--db") && given("--memory") {
        bail!("--db and --memory exclude each other");
    }
    Ok(())
}

/// `--flag` of `--flag` or `--flag=value`.
fn flag_name(arg: &str) -> &str {
    arg.split_once('=').map_or(arg, |(flag, _)| flag)
}

/// Builds the sandbox in release and returns the path of its binary.
pub fn sandbox_binary() -> Result<PathBuf> {
    cmd("cargo", ["build", "--release", "-p", "sandbox"]).run()?;
    let binary = target_dir()?
        .join("release")
        .join(format!("sandbox{}", std::env::consts::EXE_SUFFIX));
    if !binary.is_file() {
        bail!("cargo built no sandbox binary at {}", binary.display());
    }
    Ok(binary)
}
