//! `cargo xtask test`: every check CI runs, in order, each as a named step.
//!
//! Stops at the first failing step, then always prints a summary (each step ok / FAILED /
//! skipped with its duration) whose last line is `xtask: N passed, M failed` (steps).
//! `cargo xtask test STEP…` runs only the named steps (the others show as skipped).

use std::time::{Duration, Instant};

use crate::dist::{build, dist_dir};
use crate::setup::setup;
use crate::util::{bail, cmd, which, Result};

type Step = (&'static str, fn() -> Result);

/// The steps, in the order they run.
const STEPS: [Step; 9] = [
    ("setup", setup),
    ("fmt", fmt),
    ("clippy", clippy_native),
    ("clippy-wasm", clippy_wasm),
    ("test-native", test_native),
    ("hostile", crate::hostile::step),
    ("build", build),
    ("test-wasm", test_wasm),
    ("e2e", e2e),
];

enum Outcome {
    Ok(Duration),
    Failed(Duration),
    Skipped,
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
        let result = step();
        let took = started.elapsed();
        match result {
            Ok(()) => outcomes.push((name, Outcome::Ok(took))),
            Err(err) => {
                eprintln!("step {name} failed: {err}");
                outcomes.push((name, Outcome::Failed(took)));
                failed = true;
            }
        }
    }
    print_summary(&outcomes);
    if failed {
        std::process::exit(1);
    }
    Ok(())
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

/// Headless browser tests; Chromium's flags come from `webdriver.json` at the root.
fn test_wasm() -> Result {
    cmd(
        "cargo",
        [
            "test",
            "-p",
            "customer-console",
            "--target",
            "wasm32-unknown-unknown",
        ],
    )
    .env("CHROMEDRIVER", chromedriver()?)
    .run()
}

fn e2e() -> Result {
    cmd("cargo", ["test", "-p", "e2e", "--", "--test-threads=1"])
        .env("DIST_DIR", dist_dir())
        .env("CHROMEDRIVER", chromedriver()?)
        .run()
}
