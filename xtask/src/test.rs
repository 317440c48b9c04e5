//! `cargo xtask test`: every check CI runs, in order, each as a named step.
//!
//! Stops at the first failing step, then always prints a summary (each step ok / FAILED /
//! skipped with its duration) whose last line is `xtask: N passed, M failed` (steps).
//! `cargo xtask test STEP…` runs only the named steps (the others show as skipped).
//! A step that cannot run at all (e2e-nginx without an installable nginx) shows as SKIPPED with
//! its reason, in a banner and in the summary, without failing the run.

use std::time::{Duration, Instant};

use crate::dist::{build, dist_dir};
use crate::setup::{install_nginx, nginx_binary, setup};
use crate::util::{bail, cmd, which, Result, Skipped};

type Step = (&'static str, fn() -> Result);

/// The steps, in the order they run.
const STEPS: [Step; 10] = [
    ("setup", setup),
    ("fmt", fmt),
    ("clippy", clippy_native),
    ("clippy-wasm", clippy_wasm),
    ("test-native", test_native),
    ("hostile", crate::hostile::step),
    ("build", build),
    ("test-wasm", test_wasm),
    ("e2e", e2e),
    ("e2e-nginx", e2e_nginx),
];

/// The e2e test that serves the build with the shipped `deploy/nginx.conf` (its own step).
const NGINX_TEST: &str = "nginx";

enum Outcome {
    Ok(Duration),
    Failed(Duration),
    Skipped,
    /// Could not run, for the reason given.
    Unavailable(String),
}

/// Runs the steps (all, or those named in `args`) and exits non-zero if one failed.
pub fn test(args: &[String]) -> Result {
    for name in args {
        if !STEPS.iter().any(|(step, _)| step == name) {
            let names: Vec<&str> = STEPS.iter().map(|(step, _)| *step).collect();
            bail!("unknown step {name}; steps: {}", names.join(" "));
        }
    }
    let mut outcomes = Vec::new();
    let mut failed = false;
    for (name, step) in STEPS {
        let selected = args.is_empty() || args.iter().any(|a| a == name);
        if failed || !selected {
            outcomes.push((name, Outcome::Skipped));
            continue;
        }
        println!("\n==== step {name}");
        let started = Instant::now();
        let outcome = outcome_of(name, step(), started.elapsed());
        failed = matches!(outcome, Outcome::Failed(_));
        outcomes.push((name, outcome));
    }
    print_summary(&outcomes);
    if failed {
        std::process::exit(1);
    }
    Ok(())
}

/// What a step's result means, told on stderr: a [`Skipped`] error is not a failure.
fn outcome_of(name: &str, result: Result, took: Duration) -> Outcome {
    match result {
        Ok(()) => Outcome::Ok(took),
        Err(err) if err.is::<Skipped>() => {
            let banner = "!".repeat(72);
            eprintln!("{banner}\n!! step {name} SKIPPED: {err}\n{banner}");
            Outcome::Unavailable(err.to_string())
        }
        Err(err) => {
            eprintln!("step {name} failed: {err}");
            Outcome::Failed(took)
        }
    }
}

fn print_summary(outcomes: &[(&str, Outcome)]) {
    println!("\n==== summary");
    let (mut passed, mut failed) = (0, 0);
    for (name, outcome) in outcomes {
        let (word, took) = match outcome {
            Outcome::Ok(took) => {
                passed += 1;
                ("ok", Some(took))
            }
            Outcome::Failed(took) => {
                failed += 1;
                ("FAILED", Some(took))
            }
            Outcome::Skipped => ("skipped", None),
            Outcome::Unavailable(reason) => {
                println!("{name:<12} SKIPPED  {reason}");
                continue;
            }
        };
        match took {
            Some(took) => println!("{name:<12} {word:<8} {:>7.1}s", took.as_secs_f64()),
            None => println!("{name:<12} {word}"),
        }
    }
    println!("xtask: {passed} passed, {failed} failed");
}

fn fmt() -> Result {
    cmd("cargo", ["fmt", "--all", "--check"]).run()
}

fn clippy_native() -> Result {
    cmd(
        "cargo",
        [
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    )
    .run()
}

/// With the `split` feature, as the release build has it: its lazy routes are linted too.
fn clippy_wasm() -> Result {
    cmd(
        "cargo",
        [
            "clippy",
            "-p",
            "customer-console",
            "--target",
            "wasm32-unknown-unknown",
            "--all-targets",
            "--features",
            "split",
            "--",
            "-D",
            "warnings",
        ],
    )
    .run()
}

fn test_native() -> Result {
    cmd("cargo", ["test", "--workspace", "--exclude", "e2e"]).run()
}

/// The system chromedriver, which the wasm tests and e2e drive headless Chromium through.
fn chromedriver() -> Result<String> {
    match std::env::var("CHROMEDRIVER") {
        Ok(path) if !path.is_empty() => Ok(path),
        _ => match which("chromedriver") {
            Some(path) => Ok(path.display().to_string()),
            None => bail!("chromedriver is not on PATH (cargo xtask setup installs it)"),
        },
    }
}

/// The headless browser tests (`tests/browser/`, the app's only wasm tests; the native ones run in
/// `test-native`); Chromium's flags come from `webdriver.json` at the root.
fn test_wasm() -> Result {
    cmd(
        "cargo",
        [
            "test",
            "-p",
            "customer-console",
            "--target",
            "wasm32-unknown-unknown",
            "--test",
            "browser",
        ],
    )
    .env("CHROMEDRIVER", chromedriver()?)
    // The runner gives the whole binary 20 s by default; one binary holds every browser test,
    // and a loaded CI machine runs them slower.
    .env("WASM_BINDGEN_TEST_TIMEOUT", "300")
    .run()
}

/// Every e2e test against the sandbox serving dist/ (the nginx one is the next step).
fn e2e() -> Result {
    cmd(
        "cargo",
        [
            "test",
            "-p",
            "e2e",
            "--",
            "--test-threads=1",
            "--skip",
            NGINX_TEST,
        ],
    )
    .env("DIST_DIR", dist_dir())
    .env("CHROMEDRIVER", chromedriver()?)
    .run()
}

/// The e2e walk through nginx serving dist/ with the shipped `deploy/nginx.conf`. Installs nginx
/// when it is missing; skipped (loudly) only when it cannot be installed.
fn e2e_nginx() -> Result {
    let nginx = match nginx_binary() {
        Some(nginx) => nginx,
        None => {
            if let Err(err) = install_nginx() {
                return Err(Skipped(format!(
                    "nginx is missing and could not be installed: {err}"
                ))
                .into());
            }
            match nginx_binary() {
                Some(nginx) => nginx,
                None => bail!("nginx is still missing after installing it"),
            }
        }
    };
    cmd(
        "cargo",
        [
            "test",
            "-p",
            "e2e",
            "--test",
            NGINX_TEST,
            "--",
            "--test-threads=1",
        ],
    )
    .env("NGINX", nginx)
    .env("DIST_DIR", dist_dir())
    .env("CHROMEDRIVER", chromedriver()?)
    .run()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_step_that_cannot_run_is_skipped_with_its_reason_not_failed() {
        let took = Duration::from_secs(1);
        let reason = "nginx is missing and could not be installed: no apt-get";
        let skipped = outcome_of("e2e-nginx", Err(Skipped(reason.into()).into()), took);
        assert!(matches!(skipped, Outcome::Unavailable(ref r) if r == reason));
        let failed = outcome_of("e2e-nginx", Err("nginx -t failed".into()), took);
        assert!(matches!(failed, Outcome::Failed(_)));
        assert!(matches!(outcome_of("fmt", Ok(()), took), Outcome::Ok(_)));
    }
}
