//! `cargo xtask setup`: installs what building and testing need, and only what is missing.
//!
//! Idempotent and quick when everything is present: each tool is probed for its version first.
//! - the `wasm32-unknown-unknown` target and the rustfmt/clippy components (rustup)
//! - trunk at [`TRUNK_VERSION`] (`cargo install --locked`)
//! - wasm-bindgen-cli at the `wasm-bindgen` version in Cargo.lock (`wasm-bindgen`, the test runner)
//! - Chromium and ChromeDriver (Debian's `chromium`, `chromium-driver`)
//! - nginx (Debian's `nginx`), which the e2e-nginx step serves the build with; when it cannot
//!   be installed setup says so and goes on, and that step is skipped, loudly
//! - wasm-opt from npm `binaryen@`[`BINARYEN_VERSION`] into `tools/` (Debian's binaryen cannot
//!   read what rustc 1.95 emits); the build runs it from there (see `crate::split`)
//!
//! The wasm splitter is no tool to install: xtask links `wasm_split_cli_support` as a library.

use std::fs;
use std::path::PathBuf;
use std::time::Instant;

use crate::util::{bail, cmd, npm_bin_dir, probe, root, which, Result};

/// The trunk release the project builds with.
pub const TRUNK_VERSION: &str = "0.21.14";
/// The binaryen release of the npm `binaryen` package.
pub const BINARYEN_VERSION: &str = "132";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Installs whatever is missing and prints one line per tool.
pub fn setup() -> Result {
    let started = Instant::now();
    println!("== setup");
    rust_target_and_components()?;
    trunk()?;
    wasm_bindgen_cli()?;
    browser()?;
    nginx();
    wasm_opt()?;
    println!("== setup: done in {:.1}s", started.elapsed().as_secs_f64());
    Ok(())
}

fn present(what: &str) {
    println!("  present: {what}");
}

fn installing(what: &str) {
    println!("  installing: {what}");
}

fn rust_target_and_components() -> Result {
    let installed = probe("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed.lines().any(|t| t.trim() == WASM_TARGET) {
        present(&format!("rust target {WASM_TARGET}"));
    } else {
        installing(&format!("rust target {WASM_TARGET}"));
        cmd("rustup", ["target", "add", WASM_TARGET]).run()?;
    }
    let missing: Vec<&str> = [("rustfmt", "fmt"), ("clippy", "clippy")]
        .into_iter()
        .filter(|(_, sub)| probe("cargo", &[sub, "--version"]).is_none())
        .map(|(component, _)| component)
        .collect();
    if missing.is_empty() {
        present("rustfmt, clippy");
    } else {
        installing(&missing.join(", "));
        cmd("rustup", ["component", "add"]).args(missing).run()?;
    }
    Ok(())
}

fn trunk() -> Result {
    let want = format!("trunk {TRUNK_VERSION}");
    match probe("trunk", &["--version"]) {
        Some(v) if v == want => present(&want),
        found => {
            installing(&format!(
                "{want} (found: {})",
                found.as_deref().unwrap_or("none")
            ));
            cmd(
                "cargo",
                ["install", "--locked", &format!("trunk@{TRUNK_VERSION}")],
            )
            .run()?;
        }
    }
    Ok(())
}

/// The `wasm-bindgen` version in Cargo.lock: the CLI must match it exactly.
pub fn wasm_bindgen_version() -> Result<String> {
    let lock = fs::read_to_string(root().join("Cargo.lock"))?;
    for package in lock.split("[[package]]") {
        let field = |name: &str| {
            package.lines().find_map(|line| {
                line.strip_prefix(name)?
                    .trim_start()
                    .strip_prefix('=')?
                    .trim()
                    .strip_prefix('"')?
                    .strip_suffix('"')
                    .map(str::to_string)
            })
        };
        if field("name").as_deref() == Some("wasm-bindgen") {
            if let Some(version) = field("version") {
                return Ok(version);
            }
        }
    }
    bail!("Cargo.lock has no wasm-bindgen package")
}

fn wasm_bindgen_cli() -> Result {
    let version = wasm_bindgen_version()?;
    let want = format!("wasm-bindgen {version}");
    let cli = probe("wasm-bindgen", &["--version"]);
    let runner = which("wasm-bindgen-test-runner").is_some();
    if cli.as_deref() == Some(want.as_str()) && runner {
        present(&format!("wasm-bindgen-cli {version}"));
    } else {
        installing(&format!(
            "wasm-bindgen-cli {version} (found: {})",
            cli.as_deref().unwrap_or("none")
        ));
        // Not --locked: its own lock file pins crates that no longer build with this rustc.
        cmd("cargo", ["install", &format!("wasm-bindgen-cli@{version}")]).run()?;
    }
    Ok(())
}

fn browser() -> Result {
    let chromium = which("chromium").and_then(|p| probe(p, &["--version"]));
    let driver = which("chromedriver").and_then(|p| probe(p, &["--version"]));
    if let (Some(c), Some(d)) = (&chromium, &driver) {
        present(c);
        present(d.split(" (").next().unwrap_or(d));
        return Ok(());
    }
    installing("chromium chromium-driver (Debian)");
    apt_install(&["chromium", "chromium-driver"])
}

/// Installs nginx when it is missing; a failure is reported, not fatal (see [`install_nginx`]).
fn nginx() {
    if let Some(version) = nginx_binary().and_then(|p| probe_stderr(&p, &["-v"])) {
        present(&version);
    } else if let Err(err) = install_nginx() {
        println!(
            "  WARNING: nginx could not be installed ({err}): the e2e-nginx step will be skipped"
        );
    }
}

/// `apt-get install -y nginx` (Debian's nginx), failing unless nginx is then present.
pub fn install_nginx() -> Result {
    installing("nginx (Debian)");
    apt_install(&["nginx"])?;
    match nginx_binary() {
        Some(_) => Ok(()),
        None => bail!("apt-get installed nginx, but there is no nginx on PATH or in /usr/sbin"),
    }
}

/// The nginx binary: on PATH, else Debian's `/usr/sbin/nginx` (not on a normal user's PATH).
pub fn nginx_binary() -> Option<PathBuf> {
    which("nginx").or_else(|| {
        let debian = PathBuf::from("/usr/sbin/nginx");
        debian.is_file().then_some(debian)
    })
}

/// Runs `program args…` quietly and returns the first line it wrote to stderr (nginx -v).
fn probe_stderr(program: &std::path::Path, args: &[&str]) -> Option<String> {
    let out = std::process::Command::new(program)
        .args(args)
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stderr);
    (out.status.success()).then(|| text.lines().next().unwrap_or_default().trim().to_string())
}

/// `apt-get install -y PACKAGES` (through sudo when not root), refreshing the package lists
/// and trying again if the first attempt fails.
fn apt_install(packages: &[&str]) -> Result {
    let apt = |args: &[&str]| {
        let sudo = probe("id", &["-u"]).is_some_and(|uid| uid != "0") && which("sudo").is_some();
        let mut argv: Vec<&str> = if sudo { vec!["apt-get"] } else { vec![] };
        argv.extend_from_slice(args);
        cmd(if sudo { "sudo" } else { "apt-get" }, argv)
            .env("DEBIAN_FRONTEND", "noninteractive")
            .run()
    };
    let mut install = vec!["install", "-y"];
    install.extend_from_slice(packages);
    if apt(&install).is_err() {
        println!("  apt-get install failed; refreshing the package lists and trying again");
        apt(&["update"])?;
        apt(&install)?;
    }
    Ok(())
}

fn wasm_opt() -> Result {
    let bin = npm_bin_dir().join("wasm-opt");
    let want = format!("wasm-opt version {BINARYEN_VERSION} ");
    match probe(&bin, &["--version"]) {
        Some(v) if v.starts_with(&want) => present(&format!("{v} in tools/")),
        found => {
            installing(&format!(
                "npm binaryen@{BINARYEN_VERSION} into tools/ (found: {})",
                found.as_deref().unwrap_or("none")
            ));
            cmd(
                "npm",
                [
                    "install",
                    "--prefix",
                    "tools",
                    "--save-exact",
                    "--no-audit",
                    "--no-fund",
                    &format!("binaryen@{BINARYEN_VERSION}"),
                ],
            )
            .run()?;
            if probe(&bin, &["--version"]).is_none() {
                bail!("{} does not run after npm install", bin.display());
            }
        }
    }
    if which("wasm-opt") != Some(bin.clone()) {
        bail!(
            "wasm-opt on PATH is {:?}, not {}",
            which("wasm-opt"),
            bin.display()
        );
    }
    Ok(())
}
