//! The `sandbox` binary: parses flags, serves, prints how to log in, and stops on Ctrl-C or SIGTERM.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

mod serve;

use sandbox::seed::enterprise::PROFILE_IDS;
use sandbox::{AppState, Db, Options};

use crate::serve::AppBackend;

const USAGE: &str = "\
Usage: sandbox [OPTIONS]

An OBP v5.1.0 compatible server with demo data, for Customer Console; it also serves the
Enterprise API's customers (/v1/profiles/PROFILE_ID/customers).

Options:
  --addr HOST:PORT      listen address (default 127.0.0.1:8080; port 0 picks a free port)
  --db PATH             SQLite database file (default sandbox.db; created and seeded if new)
  --memory              use a fresh in-memory database instead of a file
  --dist DIR            serve the built app from DIR (unknown paths get DIR/index.html)
  --latency-ms N        delay every API request by N milliseconds (default 0)
  --fail-rate P         answer this fraction (0..=1) of API requests with 500 OBP-50000 (default 0)
  --consumer-key K      the consumer key DirectLogin accepts (default sandbox-consumer-key)
  --token-ttl SECONDS   DirectLogin tokens expire this long after they were issued, answered
                        as OBP answers an expired token (default 2419200, OBP's four weeks)
  --users FILE          JSON list of users replacing the demo users:
                        [{\"username\",\"password\",\"email\",\"roles\":[{\"role_name\",\"bank_id\"}]}]
  --allow-firehose BOOL serve Get Firehose Customers (default true; false answers 400
                        OBP-00009, as OBP does without allow_customer_firehose=true)
  --enterprise-token T  a bearer token the Enterprise API accepts, replacing the demo token
                        demo-enterprise-token (repeat the flag or separate with commas for more)
  --app-backend B       obp (default) or enterprise: with enterprise, /config.json is the
                        dist's with \"backend\": \"enterprise\", the demo profile_ids and
                        \"api_base_url\": \"\" set
  --seed-customers N    add N extra customers (multilingual names) to gh.29.uk after the
                        demo ones, numbered from 100261 (default 0); e.g. 10000 for a big bank
  --quiet               do not log one line per request (errors still go to stderr)
  --help                show this help
";

/// What the command line asks for.
#[derive(Debug)]
enum Command {
    Run(Settings),
    Help,
}

/// How to run: the sandbox's options, and the app to serve beside it.
#[derive(Debug, Default)]
struct Settings {
    opts: Options,
    /// A built app to serve at `/`, with unknown paths falling back to its `index.html`.
    dist: Option<PathBuf>,
    /// Which backend the served app's `/config.json` points at.
    app_backend: AppBackend,
}

fn parse(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut settings = Settings::default();
    let opts = &mut settings.opts;
    let mut enterprise_tokens: Option<Vec<String>> = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_owned(), Some(value.to_owned()))
            }
            _ => (arg, None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or(format!("{name} needs a value"))
        };
        match flag.as_str() {
            "--help" | "-h" => return Ok(Command::Help),
            "--addr" => {
                let text = value("--addr")?;
                opts.addr = text
                    .parse::<SocketAddr>()
                    .map_err(|_| format!("--addr: not HOST:PORT: {text}"))?;
            }
            "--db" => opts.db = Db::File(PathBuf::from(value("--db")?)),
            "--memory" => opts.db = Db::Memory,
            "--dist" => settings.dist = Some(PathBuf::from(value("--dist")?)),
            "--latency-ms" => {
                let text = value("--latency-ms")?;
                opts.latency_ms = text
                    .parse()
                    .map_err(|_| format!("--latency-ms: not a whole number: {text}"))?;
            }
            "--fail-rate" => {
                let text = value("--fail-rate")?;
                let rate: f64 = text
                    .parse()
                    .map_err(|_| format!("--fail-rate: not a number: {text}"))?;
                if !(0.0..=1.0).contains(&rate) {
                    return Err(format!("--fail-rate must be between 0 and 1, got {text}"));
                }
                opts.fail_rate = rate;
            }
            "--consumer-key" => opts.consumer_key = value("--consumer-key")?,
            "--token-ttl" => {
                let text = value("--token-ttl")?;
                opts.token_ttl_seconds = text
                    .parse()
                    .ok()
                    .filter(|seconds| *seconds > 0)
                    .ok_or(format!("--token-ttl: not a positive whole number: {text}"))?;
            }
            "--users" => opts.users_file = Some(PathBuf::from(value("--users")?)),
            "--allow-firehose" => {
                let text = value("--allow-firehose")?;
                opts.allow_customer_firehose = text
                    .parse()
                    .map_err(|_| format!("--allow-firehose: not true or false: {text}"))?;
            }
            "--enterprise-token" => {
                let text = value("--enterprise-token")?;
                let tokens: Vec<String> = text
                    .split(',')
                    .map(str::trim)
                    .filter(|token| !token.is_empty())
                    .map(str::to_owned)
                    .collect();
                if tokens.is_empty() {
                    return Err("--enterprise-token needs a token".into());
                }
                enterprise_tokens
                    .get_or_insert_with(Vec::new)
                    .extend(tokens);
            }
            "--app-backend" => {
                let text = value("--app-backend")?;
                settings.app_backend = text
                    .parse()
                    .map_err(|error| format!("--app-backend: {error}"))?;
            }
            "--seed-customers" => {
                let text = value("--seed-customers")?;
                opts.seed_customers = text
                    .parse()
                    .ok()
                    .filter(|count| *count <= 1_000_000)
                    .ok_or(format!(
                        "--seed-customers: not a whole number up to 1000000: {text}"
                    ))?;
            }
            "--quiet" => opts.quiet = true,
            other => return Err(format!("unknown option {other}")),
        }
    }
    if let Some(tokens) = enterprise_tokens {
        settings.opts.enterprise_tokens = tokens;
    }
    Ok(Command::Run(settings))
}

#[tokio::main]
async fn main() -> ExitCode {
    match parse(std::env::args().skip(1)) {
        Ok(Command::Help) => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Ok(Command::Run(settings)) => run(settings).await,
        Err(message) => {
            eprintln!("sandbox: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

async fn run(settings: Settings) -> ExitCode {
    let Settings {
        opts,
        dist,
        app_backend,
    } = settings;
    let state = match AppState::open(&opts) {
        Ok(state) => state,
        Err(error) => {
            eprintln!("sandbox: {error}");
            return ExitCode::FAILURE;
        }
    };
    let app = match &dist {
        Some(dist) => serve::router(state.clone(), dist.clone(), app_backend),
        None => sandbox::router(state.clone()),
    };
    let running = match sandbox::serve(app, opts.addr).await {
        Ok(running) => running,
        Err(error) => {
            eprintln!("sandbox: {error}");
            return ExitCode::FAILURE;
        }
    };
    println!("OBP v5.1.0 sandbox listening on http://{}/", running.addr);
    match &dist {
        Some(dist) => println!(
            "Serving the app from {} (unknown paths get index.html)",
            dist.display()
        ),
        None => println!("No app served (API only; use --dist DIR to serve a build)"),
    }
    match &opts.db {
        Db::File(path) => println!("Database: {}", path.display()),
        Db::Memory => println!("Database: in memory"),
    }
    println!("DirectLogin users (username / password):");
    for user in state.users() {
        println!("  {} / {}", user.username, user.password);
    }
    println!("Consumer key: {}", opts.consumer_key);
    println!(
        "Enterprise API: http://{}/v1/profiles/PROFILE_ID/customers",
        running.addr
    );
    println!("  bearer tokens: {}", opts.enterprise_tokens.join(", "));
    println!("  profiles: {}", PROFILE_IDS.join(", "));
    match (app_backend, &dist) {
        (AppBackend::Enterprise, Some(_)) => println!(
            "The app is configured for the Enterprise API: sign in with bearer token {}, profile {}",
            opts.enterprise_tokens.first().map_or("", String::as_str),
            PROFILE_IDS[0]
        ),
        (AppBackend::Enterprise, None) => {
            println!("--app-backend enterprise changes nothing without --dist (no app served)");
        }
        (AppBackend::Obp, _) => {}
    }
    shutdown_signal().await;
    println!("Stopping…");
    running.stop().await;
    ExitCode::SUCCESS
}

/// Resolves on Ctrl-C, or on SIGTERM where there is one.
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut terminate) => {
                tokio::select! {
                    () = ctrl_c => {}
                    _ = terminate.recv() => {}
                }
            }
            Err(_) => ctrl_c.await,
        }
    }
    #[cfg(not(unix))]
    ctrl_c.await;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_settings(args: &[&str]) -> Settings {
        match parse(args.iter().map(|arg| (*arg).to_owned())) {
            Ok(Command::Run(settings)) => settings,
            other => panic!("expected settings, got {other:?}"),
        }
    }

    fn run_options(args: &[&str]) -> Options {
        run_settings(args).opts
    }

    #[test]
    fn parses_every_flag() {
        let settings = run_settings(&[
            "--addr=0.0.0.0:0",
            "--memory",
            "--dist",
            "dist",
            "--latency-ms",
            "25",
            "--fail-rate",
            "0.5",
            "--consumer-key",
            "k",
            "--token-ttl",
            "20",
            "--users",
            "u.json",
            "--allow-firehose=false",
            "--enterprise-token",
            "a, b",
            "--enterprise-token=c",
            "--app-backend",
            "enterprise",
            "--seed-customers",
            "10000",
            "--quiet",
        ]);
        let opts = &settings.opts;
        assert_eq!(opts.addr, SocketAddr::from(([0, 0, 0, 0], 0)));
        assert_eq!(opts.db, Db::Memory);
        assert_eq!(settings.dist, Some(PathBuf::from("dist")));
        assert_eq!((opts.latency_ms, opts.fail_rate), (25, 0.5));
        assert_eq!(opts.consumer_key, "k");
        assert_eq!(opts.token_ttl_seconds, 20);
        assert_eq!(opts.users_file, Some(PathBuf::from("u.json")));
        assert!(!opts.allow_customer_firehose);
        assert_eq!(opts.enterprise_tokens, ["a", "b", "c"]);
        assert_eq!(settings.app_backend, AppBackend::Enterprise);
        assert!(opts.quiet);
        assert_eq!(opts.seed_customers, 10_000);
        let defaults = run_options(&[]);
        assert!(defaults.allow_customer_firehose);
        assert_eq!(defaults.enterprise_tokens, ["demo-enterprise-token"]);
        assert_eq!(
            defaults.token_ttl_seconds,
            sandbox::DEFAULT_TOKEN_TTL_SECONDS
        );
        assert_eq!(run_settings(&[]).app_backend, AppBackend::Obp);
        assert_eq!(
            run_settings(&["--app-backend=obp"]).app_backend,
            AppBackend::Obp
        );
        assert_eq!(
            run_options(&["--db", "x.db"]).db,
            Db::File(PathBuf::from("x.db"))
        );
    }

    #[test]
    fn rejects_bad_input() {
        for args in [
            &["--fail-rate", "1.5"][..],
            &["--latency-ms", "-1"],
            &["--token-ttl", "0"],
            &["--token-ttl", "soon"],
            &["--addr", "nowhere"],
            &["--bogus"],
            &["--db"],
            &["--allow-firehose", "yes"],
            &["--app-backend", "OBP"],
            &["--app-backend"],
            &["--enterprise-token", " , "],
        ] {
            assert!(
                parse(args.iter().map(|arg| (*arg).to_owned())).is_err(),
                "{args:?}"
            );
        }
        assert!(matches!(parse(["--help".to_owned()]), Ok(Command::Help)));
    }
}
