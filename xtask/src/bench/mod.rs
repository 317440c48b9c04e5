//! `cargo xtask bench`: issue 12's figures ("Fast"), each printed next to its target; fails
//! when one is missed.
//!
//! 1. Builds the release bundle (`dist/`, with its size table) and the release sandbox.
//! 2. Copies `dist/` and `bench/` (the hand-written baseline page) into `<target>/bench-dist`
//!    and serves it with the release sandbox three times on loopback (`--memory`): with no
//!    latency, with `--latency-ms 100`, and with `--seed-customers 10000` (issue 13's big bank).
//! 3. Runs the browser bench, `cargo run -p e2e --bin bench` (e2e/src/bin/bench), in headless
//!    Chromium: the list's first paint against the baseline page (cold and warm, medians of
//!    `--runs`), what the browser downloads before the rows paint, each customer tab's round
//!    trips and duplicate URLs under latency, list → customer → back, and in the big bank a
//!    customer found by name from page load and search keystroke → next paint.
//! 4. Loads the sandbox with no latency: [`CONNECTIONS`] keep-alive connections for
//!    `--seconds` on the list (`?limit=100`) and on get-customer, requests/s and p99.
//! 5. Prints `figure  value  target  ok|MISSED` for each ([`figures`] holds the targets).
//!
//! Flags: `--runs N` (paint runs per page and cache state, default 10), `--seconds S` (load per
//! endpoint, default 5).

mod figures;
mod load;

use std::fs;
use std::net::SocketAddr;
use std::path::Path;
use std::time::Duration;

use figures::Figure;

use crate::dist::{build_and_measure, dist_dir};
use crate::http::request;
use crate::run::sandbox_binary;
use crate::sandbox::{
    direct_login, free_loopback_port, Sandbox, DEMO_CONSUMER_KEY, DEMO_PASSWORD, DEMO_USERNAME,
};
use crate::setup::setup;
use crate::util::{bail, cmd, json_string_field, root, target_dir, Result};

/// The latency the customer tabs and the back navigation are measured under.
const LATENCY_MS: u64 = 100;
/// The extra customers of the big bank the search figures are measured in.
const SEED_CUSTOMERS: &str = "10000";
/// Concurrent connections of the load runs.
const CONNECTIONS: usize = 32;
/// The endpoints loaded: the list page the browser bench times, and one customer.
const LIST_PATH: &str = "/obp/v5.1.0/banks/gh.29.uk/customers?limit=100";
const CUSTOMER_PATH: &str = "/obp/v5.1.0/banks/gh.29.uk/customers/";

struct Options {
    runs: usize,
    seconds: u64,
}

/// Builds, measures everything, prints the table, and fails if a target was missed.
pub fn bench(args: &[String]) -> Result {
    let options = parse(args)?;
    setup()?;
    let sizes = build_and_measure()?;
    let sandbox = sandbox_binary()?;
    let served = target_dir()?.join("bench-dist");
    let _ = fs::remove_dir_all(&served);
    copy_dir(&dist_dir(), &served)?;
    copy_dir(&root().join("bench"), &served.join("bench"))?;

    println!("\n== bench: sandboxes serving {}", served.display());
    let fast = start_sandbox(&sandbox, &served, 0, &[])?;
    let slow = start_sandbox(&sandbox, &served, LATENCY_MS, &[])?;
    let big = start_sandbox(&sandbox, &served, 0, &["--seed-customers", SEED_CUSTOMERS])?;

    println!("\n== bench: browser (headless Chromium)");
    let printed = cmd(
        "cargo",
        [
            "run".to_string(),
            "-p".into(),
            "e2e".into(),
            "--bin".into(),
            "bench".into(),
            "--".into(),
            "--url".into(),
            format!("http://{}", fast.0),
            "--slow-url".into(),
            format!("http://{}", slow.0),
            "--search-url".into(),
            format!("http://{}", big.0),
            "--latency-ms".into(),
            LATENCY_MS.to_string(),
            "--runs".into(),
            options.runs.to_string(),
        ],
    )
    .output()?;
    drop(slow);
    drop(big);
    let browser = figures::parse(&printed)?;

    let mut table = figures::first_download(&browser, &served)?;
    table.push(figures::bundle_total(
        sizes.iter().map(|s| s.gzip).sum(),
        sizes.iter().map(|s| s.files).sum(),
    ));
    table.extend(figures::paint(&browser)?);
    table.extend(figures::tabs(&browser, LATENCY_MS)?);
    table.push(figures::back(&browser)?);
    table.extend(figures::search(&browser)?);

    println!(
        "\n== bench: sandbox load ({CONNECTIONS} connections, {}s each)",
        options.seconds
    );
    table.extend(load_sandbox(fast.0, Duration::from_secs(options.seconds))?);
    drop(fast);

    println!("\n== bench: figures");
    print!("{}", figures::table(&table));
    let missed = table.iter().filter(|f| f.missed()).count();
    if missed > 0 {
        bail!("{missed} of {} targets MISSED", table.len());
    }
    println!("every target met");
    Ok(())
}

fn parse(args: &[String]) -> Result<Options> {
    let mut options = Options {
        runs: 10,
        seconds: 5,
    };
    let mut rest = args.iter();
    while let Some(flag) = rest.next() {
        let value = rest.next().and_then(|v| v.parse::<u64>().ok());
        match (flag.as_str(), value) {
            ("--runs", Some(n @ 1..=100)) => options.runs = n as usize,
            ("--seconds", Some(n @ 1..=60)) => options.seconds = n,
            _ => bail!("bench takes [--runs 1..100] [--seconds 1..60], not {flag}"),
        }
    }
    Ok(options)
}

/// Starts the release sandbox on a free loopback port, in memory, serving `served`, with
/// `extra` flags.
fn start_sandbox(
    binary: &Path,
    served: &Path,
    latency_ms: u64,
    extra: &[&str],
) -> Result<(SocketAddr, Sandbox)> {
    let addr = free_loopback_port()?;
    let (addr_text, latency) = (addr.to_string(), latency_ms.to_string());
    let dist = served.display().to_string();
    let mut args = vec![
        "--memory",
        "--quiet",
        "--addr",
        &addr_text,
        "--dist",
        &dist,
        "--latency-ms",
        &latency,
    ];
    args.extend_from_slice(extra);
    Ok((addr, Sandbox::start(binary, addr, &args)?))
}

/// Requests/s and p99 of the list and of get-customer under load.
fn load_sandbox(addr: SocketAddr, duration: Duration) -> Result<Vec<Figure>> {
    let token = direct_login(addr, DEMO_USERNAME, DEMO_PASSWORD, DEMO_CONSUMER_KEY)?;
    let auth = format!("token={token}");
    let headers = [("DirectLogin", auth.as_str())];
    let list = request(addr, "GET", LIST_PATH, &headers)?;
    let Some(customer_id) = json_string_field(&list.body, "customer_id") else {
        bail!("GET {LIST_PATH}: {} {}", list.status, list.body);
    };
    let customer = format!("{CUSTOMER_PATH}{customer_id}");
    let mut figures = Vec::new();
    for (endpoint, path) in [("list ?limit=100", LIST_PATH), ("get customer", &customer)] {
        let run = load::run(addr, path, &headers, CONNECTIONS, duration)?;
        let p99 = percentile(&run.times, 99);
        println!(
            "{endpoint}: {} requests in {:.1}s, p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
            run.requests,
            run.elapsed.as_secs_f64(),
            millis(percentile(&run.times, 50)),
            millis(p99),
            millis(run.times.last().copied().unwrap_or_default())
        );
        figures.extend(figures::load(
            endpoint,
            CONNECTIONS,
            run.rate(),
            millis(p99),
        ));
    }
    Ok(figures)
}

/// Copies the directory tree `from` into `to` (created as needed).
fn copy_dir(from: &Path, to: &Path) -> Result {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

/// The nearest-rank percentile of sorted `times`; zero for none.
fn percentile(times: &[Duration], pct: usize) -> Duration {
    let rank = (times.len() * pct).div_ceil(100).max(1);
    times.get(rank - 1).copied().unwrap_or_default()
}

fn millis(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let times: Vec<Duration> = (1..=200).map(Duration::from_millis).collect();
        assert_eq!(percentile(&times, 50), Duration::from_millis(100));
        assert_eq!(percentile(&times, 99), Duration::from_millis(198));
        assert_eq!(percentile(&times[..1], 99), Duration::from_millis(1));
        assert_eq!(percentile(&[], 99), Duration::ZERO);
    }

    #[test]
    fn takes_bounded_runs_and_seconds() {
        let args = |list: &[&str]| list.iter().map(|a| a.to_string()).collect::<Vec<_>>();
        let options = parse(&args(&["--runs", "12", "--seconds", "3"])).expect("valid");
        assert_eq!((options.runs, options.seconds), (12, 3));
        for bad in [
            &["--runs", "0"][..],
            &["--seconds", "600"],
            &["--runs"],
            &["--x", "1"],
        ] {
            assert!(parse(&args(bad)).is_err(), "{bad:?}");
        }
    }
}
