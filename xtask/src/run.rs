//! `cargo xtask run`: builds the bundle and serves it with the sandbox (release build).
//!
//! Flags are checked here (before the minutes of building) and forwarded to the sandbox as
//! they are: `--db PATH | --memory`, `--addr A` (default 127.0.0.1:8080), `--latency-ms N`,
//! `--fail-rate P`, `--token-ttl SECONDS`, `--consumer-key K`, `--users FILE`,
//! `--enterprise-token T`, `--quiet`;
//! `--flag=value` works too. `--backend obp|enterprise` (default obp) picks the API the app is
//! configured for and reaches the sandbox as `--app-backend`: with `enterprise` the app's
//! `/config.json` points it at the sandbox's Enterprise API. The sandbox prints its URL, the
//! demo logins, the Enterprise bearer token and profiles.
//! Ctrl-C reaches the whole foreground process group, so it stops the sandbox and xtask alike.

use std::path::PathBuf;

use crate::dist::{build, dist_dir};
use crate::setup::setup;
use crate::util::{bail, cmd, target_dir, Result};

/// The address `run` serves on unless `--addr` is given.
pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";

/// Sandbox flags that take a value, and those that stand alone.
const VALUE_FLAGS: [&str; 8] = [
    "--db",
    "--addr",
    "--latency-ms",
    "--fail-rate",
    "--token-ttl",
    "--consumer-key",
    "--users",
    "--enterprise-token",
];
const SWITCH_FLAGS: [&str; 2] = ["--memory", "--quiet"];
/// `run`'s own flag, passed to the sandbox as `--app-backend`, and the values it takes.
const BACKEND_FLAG: &str = "--backend";
const BACKENDS: [&str; 2] = ["obp", "enterprise"];

/// Builds, then runs the sandbox in the foreground until it exits.
pub fn run(args: &[String]) -> Result {
    let flags = sandbox_flags(args)?;
    setup()?;
    build()?;
    let sandbox = sandbox_binary()?;
    let mut argv = vec!["--dist".to_string(), dist_dir().display().to_string()];
    if !args.iter().any(|a| flag_name(a) == "--addr") {
        argv.extend(["--addr".to_string(), DEFAULT_ADDR.to_string()]);
    }
    argv.extend(flags);
    cmd(&sandbox.display().to_string(), argv).run()
}

/// Checks `run`'s flags and returns the sandbox's: `--backend B` becomes `--app-backend B`, the
/// others pass as they are.
fn sandbox_flags(args: &[String]) -> Result<Vec<String>> {
    let mut flags = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let flag = flag_name(arg);
        let inline = arg.split_once('=').map(|(_, value)| value.to_string());
        if flag == BACKEND_FLAG {
            let Some(backend) = inline.or_else(|| rest.next().cloned()) else {
                bail!("{flag} needs a value");
            };
            if !BACKENDS.contains(&backend.as_str()) {
                bail!("{flag} takes obp or enterprise, not {backend}");
            }
            flags.extend(["--app-backend".to_string(), backend]);
        } else if VALUE_FLAGS.contains(&flag) {
            flags.push(arg.clone());
            if inline.is_none() {
                let Some(value) = rest.next() else {
                    bail!("{flag} needs a value");
                };
                flags.push(value.clone());
            }
        } else if SWITCH_FLAGS.contains(&flag) {
            flags.push(arg.clone());
        } else {
            bail!(
                "unknown flag {arg}; run takes [--db PATH | --memory] [--addr A] \
                 [--latency-ms N] [--fail-rate P] [--token-ttl SECONDS] [--consumer-key K] \
                 [--users FILE] \
                 [--backend obp|enterprise] [--enterprise-token T] [--quiet]"
            );
        }
    }
    let given = |name: &str| args.iter().any(|a| flag_name(a) == name);
    if given("--db") && given("--memory") {
        bail!("--db and --memory exclude each other");
    }
    Ok(flags)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn flags(args: &[&str]) -> Result<Vec<String>> {
        let args: Vec<String> = args.iter().map(|arg| (*arg).to_string()).collect();
        sandbox_flags(&args)
    }

    #[test]
    fn backend_becomes_app_backend_and_other_flags_pass_through() {
        let passed = flags(&[
            "--backend",
            "enterprise",
            "--memory",
            "--enterprise-token=t1,t2",
            "--latency-ms",
            "5",
            "--token-ttl=20",
        ])
        .expect("valid flags");
        assert_eq!(
            passed,
            [
                "--app-backend",
                "enterprise",
                "--memory",
                "--enterprise-token=t1,t2",
                "--latency-ms",
                "5",
                "--token-ttl=20"
            ]
        );
        assert_eq!(
            flags(&["--backend=obp"]).expect("valid flags"),
            ["--app-backend", "obp"]
        );
        assert!(flags(&[]).expect("no flags").is_empty());
    }

    #[test]
    fn rejects_bad_flags_before_building() {
        for args in [
            &["--backend", "graphql"][..],
            &["--backend"],
            &["--backend=OBP"],
            &["--enterprise-token"],
            &["--db", "x.db", "--memory"],
            &["--bogus"],
            &["--app-backend", "enterprise"],
        ] {
            assert!(flags(args).is_err(), "{args:?}");
        }
    }
}
