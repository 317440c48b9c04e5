//! `cargo xtask <command>`: the project's tasks, in plain Rust (std, fastrand for the hostile
//! requests, and the workspace's web-policy).
//!
//! Each command prints every command it runs. Tools installed by `setup` are found through
//! PATH, which gets `tools/node_modules/.bin` and cargo's bin directory put first.

mod bench;
mod deploy;
mod dist;
mod hostile;
mod http;
mod loader;
mod run;
mod sandbox;
mod setup;
mod split;
mod test;
mod util;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command> [flags]

commands:
  setup    install what is missing: wasm32 target, trunk, wasm-bindgen-cli,
           chromium + chromedriver, nginx, wasm-opt (npm binaryen) into tools/
  build    setup, then the release bundle in dist/ (trunk for html/css, the wasm split by
           route + wasm-bindgen + wasm-opt, the loader file, .gz files) and its sizes, and
           deploy/nginx.conf
  run      build, then serve dist/ with the sandbox
           [--db PATH | --memory] [--addr A] [--latency-ms N] [--fail-rate P]
           [--token-ttl SECONDS] [--consumer-key K] [--users FILE] [--quiet]
           [--backend obp|enterprise]  the API the app uses (default obp)
           [--enterprise-token T]      Enterprise bearer token(s) instead of the demo one
  test     setup, fmt, clippy, clippy-wasm, test-native, hostile, build, test-wasm, e2e,
           e2e-nginx (stops at the first failure; `test STEP...` runs only those steps;
           hostile: 3000 fixed hostile requests at the debug sandbox, any 5xx fails)
  bench    build, then issue 12's figures next to their targets (fails if one is
           missed): first download and bundle size, list first paint vs the
           hand-written bench/baseline.html (cold/warm medians, headless Chromium),
           customer tabs' round trips and duplicate URLs at 100 ms latency,
           back-to-list from cache, sandbox requests/s and p99 at 32 connections
           [--runs N] (paint runs, default 10) [--seconds S] (load, default 5)
  fuzz     hostile requests at the debug sandbox until one gets a 5xx or all pass
           [--requests N] (default 30000) [--seed S] (default from the clock)";

fn main() -> ExitCode {
    util::prepend_tool_dirs_to_path();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(command) = args.first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let rest = &args[1..];
    let no_flags = || -> util::Result {
        match rest.first() {
            Some(flag) => Err(format!("{command} takes no flags (got {flag})").into()),
            None => Ok(()),
        }
    };
    let result = match command.as_str() {
        "setup" => no_flags().and_then(|()| setup::setup()),
        "build" => no_flags()
            .and_then(|()| setup::setup())
            .and_then(|()| dist::build()),
        "run" => run::run(rest),
        "test" => test::test(rest),
        "bench" => bench::bench(rest),
        "fuzz" => hostile::fuzz(rest),
        "help" | "-h" | "--help" => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command `{other}`\n\n{USAGE}").into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("xtask {command}: error: {err}");
            ExitCode::FAILURE
        }
    }
}
