//! `cargo xtask bench`: the release bundle against its size budget, and the sandbox's latency
//! for the customer list.
//!
//! Builds, prints the wasm/js/css sizes (raw and `gzip -9`) and fails if the gzipped total is
//! over [`GZIP_BUDGET_BYTES`]. Then starts the release sandbox with `--memory` on a free loopback
//! port, logs in with DirectLogin and times [`DEFAULT_REQUESTS`] sequential
//! `GET /obp/v5.1.0/banks/gh.29.uk/customers?limit=50` (one connection each), printing p50/p95.
//! Flags: `--requests N`, `--username U`, `--password P`, `--consumer-key K` (the demo login).

use std::time::{Duration, Instant};

use crate::dist::{build_and_measure, dist_dir};
use crate::http::request;
use crate::run::sandbox_binary;
use crate::sandbox::{
    direct_login, free_loopback_port, Sandbox, DEMO_CONSUMER_KEY, DEMO_PASSWORD, DEMO_USERNAME,
};
use crate::setup::setup;
use crate::util::{bail, human_bytes, Result};

/// The most the browser may download, gzipped: wasm + js + css. Trunk 0.21 cannot split the
/// wasm by route (trunk-rs/trunk#1022), so every page ships in one file, and about 40% of the
/// wasm is Leptos view code instantiated per view. Measured: the foundation 294 KB, + Customer
/// 360 tabs 437 KB, + KYC and messages 482 KB, + lists, meetings, CRM and the Enterprise
/// backend 590 KB (`opt-level = "s"` gave 682 KB). Raise it only with a measured reason.
pub const GZIP_BUDGET_BYTES: u64 = 600_000;
/// How many timed requests by default.
pub const DEFAULT_REQUESTS: usize = 200;
/// The request that is timed.
const TIMED_PATH: &str = "/obp/v5.1.0/banks/gh.29.uk/customers?limit=50";
/// The longest the whole timing loop may run.
const LOOP_TIMEOUT: Duration = Duration::from_secs(120);

struct Options {
    requests: usize,
    username: String,
    password: String,
    consumer_key: String,
}

/// Builds, checks the size budget, then times the sandbox.
pub fn bench(args: &[String]) -> Result {
    let options = parse(args)?;
    setup()?;
    let sizes = build_and_measure()?;

    println!("\n== bench: bundle size budget");
    let gzip: u64 = sizes.iter().map(|s| s.gzip).sum();
    let verdict = if gzip <= GZIP_BUDGET_BYTES {
        "within"
    } else {
        "OVER"
    };
    println!(
        "budget: {gzip} of {GZIP_BUDGET_BYTES} bytes gzipped ({:.0}%), {verdict} budget",
        100.0 * gzip as f64 / GZIP_BUDGET_BYTES as f64
    );
    if gzip > GZIP_BUDGET_BYTES {
        bail!(
            "the bundle is {} gzipped, over the {} budget",
            human_bytes(gzip),
            human_bytes(GZIP_BUDGET_BYTES)
        );
    }

    println!("\n== bench: sandbox latency");
    time_sandbox(&options)
}

fn parse(args: &[String]) -> Result<Options> {
    let mut options = Options {
        requests: DEFAULT_REQUESTS,
        username: DEMO_USERNAME.into(),
        password: DEMO_PASSWORD.into(),
        consumer_key: DEMO_CONSUMER_KEY.into(),
    };
    let mut rest = args.iter();
    while let Some(flag) = rest.next() {
        let Some(value) = rest.next() else {
            bail!("{flag} needs a value");
        };
        match flag.as_str() {
            "--requests" => match value.parse() {
                Ok(n) if (1..=10_000).contains(&n) => options.requests = n,
                _ => bail!("--requests takes a count from 1 to 10000"),
            },
            "--username" => options.username = value.clone(),
            "--password" => options.password = value.clone(),
            "--consumer-key" => options.consumer_key = value.clone(),
            _ => bail!(
                "unknown flag {flag}; bench takes [--requests N] [--username U] \
                 [--password P] [--consumer-key K]"
            ),
        }
    }
    Ok(options)
}

fn time_sandbox(options: &Options) -> Result {
    let addr = free_loopback_port()?;
    let dist = dist_dir().display().to_string();
    let addr_text = addr.to_string();
    let sandbox = Sandbox::start(
        &sandbox_binary()?,
        addr,
        &[
            "--memory",
            "--quiet",
            "--addr",
            &addr_text,
            "--dist",
            &dist,
            "--consumer-key",
            &options.consumer_key,
        ],
    )?;
    let token = direct_login(
        addr,
        &options.username,
        &options.password,
        &options.consumer_key,
    )
    .map_err(|error| {
        format!(
            "{error}\npass --username/--password/--consumer-key matching the demo logins the \
             sandbox printed:\n{}",
            sandbox.printed()
        )
    })?;
    let auth = format!("token={token}");
    let headers = [("DirectLogin", auth.as_str())];

    // One untimed request warms the server up and checks the response.
    let first = request(addr, "GET", TIMED_PATH, &headers)?;
    if first.status != 200 {
        bail!("GET {TIMED_PATH}: {} {}", first.status, first.body);
    }

    let deadline = Instant::now() + LOOP_TIMEOUT;
    let mut times = Vec::with_capacity(options.requests);
    for _ in 0..options.requests {
        if Instant::now() > deadline {
            bail!(
                "timing loop exceeded {LOOP_TIMEOUT:?} after {} requests",
                times.len()
            );
        }
        let started = Instant::now();
        let response = request(addr, "GET", TIMED_PATH, &headers)?;
        times.push(started.elapsed());
        if response.status != 200 {
            bail!("GET {TIMED_PATH}: {} {}", response.status, response.body);
        }
    }
    times.sort();
    println!(
        "GET {TIMED_PATH} x{} (one loopback connection each, {} bytes each): \
         p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        times.len(),
        first.body.len(),
        millis(percentile(&times, 50)),
        millis(percentile(&times, 95)),
        millis(*times.last().expect("at least one request")),
    );
    drop(sandbox);
    Ok(())
}

/// The nearest-rank percentile of sorted, non-empty `times`.
fn percentile(times: &[Duration], pct: usize) -> Duration {
    let rank = (times.len() * pct).div_ceil(100).max(1);
    times[rank - 1]
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
        assert_eq!(percentile(&times, 95), Duration::from_millis(190));
        assert_eq!(percentile(&times[..1], 95), Duration::from_millis(1));
    }
}
