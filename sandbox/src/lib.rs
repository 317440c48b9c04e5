//! OBP v5.1.0 compatible sandbox: an axum server over SQLite with deterministic demo data.
//!
//! It is the default backend of Customer Console and the peer of every test. [`start`] opens the
//! database, seeds it when new, binds and serves; [`router`] builds the same app for in-process tests.
//! It also serves the customers endpoints of the Enterprise API, the app's second backend
//! ([`enterprise`]), and can hand the app a `config.json` pointing at either ([`AppBackend`]).

pub mod auth;
pub mod dates;
pub mod db;
pub mod enterprise;
mod log;
mod middleware;
pub mod obp_error;
mod panics;
pub mod prng;
pub mod roles;
pub mod routes;
pub mod seed;
mod static_files;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::Router;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::db::Store;
use crate::prng::SplitMix64;
use crate::seed::{DemoUser, UsersFileError};

/// Where the sandbox keeps its data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Db {
    /// A SQLite file, created and seeded on first use; tokens and changes survive restarts.
    File(PathBuf),
    /// A private in-memory database, seeded at start and gone when the server stops.
    Memory,
}

/// Which backend the served app is configured for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum AppBackend {
    /// OBP: `/config.json` is the dist's file as it is.
    #[default]
    Obp,
    /// The Enterprise API: `/config.json` is the dist's file with `"backend": "enterprise"`,
    /// `"profile_ids"` (the seeded profiles) and `"api_base_url": ""` (this origin) set.
    Enterprise,
}

impl std::str::FromStr for AppBackend {
    type Err = String;

    /// `obp` or `enterprise`.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "obp" => Ok(AppBackend::Obp),
            "enterprise" => Ok(AppBackend::Enterprise),
            other => Err(format!("not obp or enterprise: {other}")),
        }
    }
}

/// How to run the sandbox.
#[derive(Debug, Clone)]
pub struct Options {
    /// Address to listen on; port 0 picks a free port (see [`Running::addr`]).
    pub addr: SocketAddr,
    /// The database.
    pub db: Db,
    /// A built app to serve at `/`, with unknown paths falling back to its `index.html`.
    pub dist: Option<PathBuf>,
    /// Delay added to every API request, in milliseconds.
    pub latency_ms: u64,
    /// Fraction (0.0..=1.0) of API requests answered 500 OBP-50000 (never login or OPTIONS).
    pub fail_rate: f64,
    /// The only consumer key DirectLogin accepts.
    pub consumer_key: String,
    /// A JSON file replacing the demo users: `[{"username","password","email","roles":[{"role_name","bank_id"}]}]`.
    pub users_file: Option<PathBuf>,
    /// Suppresses the per-request log lines (errors are logged to stderr regardless).
    pub quiet: bool,
    /// Serves Get Firehose Customers, like OBP's `allow_customer_firehose=true` prop; when false
    /// it answers 400 OBP-00009, as OBP does without the prop.
    pub allow_customer_firehose: bool,
    /// The bearer tokens the Enterprise API accepts (any of them opens every profile).
    pub enterprise_tokens: Vec<String>,
    /// Which backend the served app's `/config.json` points at.
    pub app_backend: AppBackend,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            db: Db::File(PathBuf::from("sandbox.db")),
            dist: None,
            latency_ms: 0,
            fail_rate: 0.0,
            consumer_key: "sandbox-consumer-key".into(),
            users_file: None,
            quiet: false,
            allow_customer_firehose: true,
            enterprise_tokens: vec![enterprise::DEMO_TOKEN.into()],
            app_backend: AppBackend::Obp,
        }
    }
}

/// Why the sandbox could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The database could not be opened, migrated or seeded.
    #[error("database error: {0}")]
    Db(#[from] rusqlite::Error),
    /// The `--users` file could not be used.
    #[error(transparent)]
    Users(#[from] UsersFileError),
    /// The address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address asked for.
        addr: SocketAddr,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// Everything the handlers share: the database, the settings and the fault-injection PRNG.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Shared>,
}

struct Shared {
    store: Mutex<Store>,
    users: Vec<DemoUser>,
    consumer_key: String,
    latency: Duration,
    fail_rate: f64,
    quiet: bool,
    allow_customer_firehose: bool,
    enterprise_tokens: Vec<String>,
    app_backend: AppBackend,
    dist: Option<PathBuf>,
    rng: Mutex<SplitMix64>,
}

impl AppState {
    /// Opens (or creates) the database, syncs the users and seeds demo data into a new database.
    pub fn open(opts: &Options) -> Result<AppState, StartError> {
        let users = seed::load_users(opts.users_file.as_deref())?;
        let mut store = match &opts.db {
            Db::File(path) => Store::open_file(path)?,
            Db::Memory => Store::open_in_memory()?,
        };
        seed::populate(&mut store, &users)?;
        Ok(AppState {
            inner: Arc::new(Shared {
                store: Mutex::new(store),
                users,
                consumer_key: opts.consumer_key.clone(),
                latency: Duration::from_millis(opts.latency_ms),
                fail_rate: opts.fail_rate.clamp(0.0, 1.0),
                quiet: opts.quiet,
                allow_customer_firehose: opts.allow_customer_firehose,
                enterprise_tokens: opts.enterprise_tokens.clone(),
                app_backend: opts.app_backend,
                dist: opts.dist.clone(),
                rng: Mutex::new(SplitMix64::new(0x5eed)),
            }),
        })
    }

    /// The logins this sandbox accepts (demo users or the `--users` file).
    pub fn users(&self) -> &[DemoUser] {
        &self.inner.users
    }

    /// The database, locked for one handler's synchronous work.
    pub(crate) fn store(&self) -> MutexGuard<'_, Store> {
        self.inner
            .store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub(crate) fn consumer_key(&self) -> &str {
        &self.inner.consumer_key
    }

    /// The next draw of the shared deterministic PRNG.
    pub(crate) fn random(&self) -> u64 {
        self.inner
            .rng
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .next_u64()
    }

    pub(crate) fn latency(&self) -> Duration {
        self.inner.latency
    }

    /// Whether this API request should be failed with 500 (a `fail_rate` draw).
    pub(crate) fn should_fail(&self) -> bool {
        let rate = self.inner.fail_rate;
        rate > 0.0
            && self
                .inner
                .rng
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .chance(rate)
    }

    pub(crate) fn quiet(&self) -> bool {
        self.inner.quiet
    }

    /// Whether Get Firehose Customers is enabled.
    pub(crate) fn allow_customer_firehose(&self) -> bool {
        self.inner.allow_customer_firehose
    }

    /// The bearer tokens the Enterprise API accepts.
    pub(crate) fn enterprise_tokens(&self) -> &[String] {
        &self.inner.enterprise_tokens
    }

    /// Which backend the served app is configured for.
    pub(crate) fn app_backend(&self) -> AppBackend {
        self.inner.app_backend
    }

    pub(crate) fn dist(&self) -> Option<&std::path::Path> {
        self.inner.dist.as_deref()
    }
}

/// The whole app: login, `/obp/v5.1.0/…`, the Enterprise API's `/v1/…`, the static app (if any),
/// CORS, logging, fault injection and panic recovery.
pub fn router(state: AppState) -> Router {
    router_with(routes::api().merge(enterprise::routes()), state)
}

/// `routes` served as the sandbox serves its own (see [`router`]): unknown paths go to the static
/// app, and the middleware wraps the routed app as a whole (not route by route), so it sees every
/// request before routing and every response after it, including axum's own 405s, which it turns
/// into OBP's 404 (or the Enterprise API's 405 under `/v1/`).
///
/// The outer layers catch a panic in any of the inner ones or in a handler: it is answered with
/// 500 OBP-50000 (the Enterprise API's 500 under `/v1/`) and logged, and the server keeps serving.
pub fn router_with(routes: Router<AppState>, state: AppState) -> Router {
    let routed = routes
        .fallback(static_files::fallback)
        .with_state(state.clone());
    let app = tower::ServiceBuilder::new()
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::request_log,
        ))
        .layer(axum::middleware::from_fn(panics::answer))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            panics::caught,
        ))
        .layer(axum::middleware::from_fn(middleware::preflight))
        .layer(axum::middleware::from_fn_with_state(state, middleware::api))
        .service(routed);
    Router::new().fallback_service(app)
}

/// A sandbox serving in the background.
pub struct Running {
    /// The address actually bound (useful with port 0).
    pub addr: SocketAddr,
    shutdown: oneshot::Sender<()>,
    task: JoinHandle<()>,
}

impl Running {
    /// Stops accepting connections, lets in-flight requests finish, and waits for the server task.
    pub async fn stop(self) {
        // The server may already be gone; either way it is stopped once the task ends.
        let _ = self.shutdown.send(());
        let _ = self.task.await;
    }
}

/// Opens the database (seeding demo data into a new one), binds, and serves in a background task.
pub async fn start(opts: Options) -> Result<Running, StartError> {
    let state = AppState::open(&opts)?;
    serve(state, opts.addr).await
}

/// Binds `addr` and serves an already opened [`AppState`] in a background task.
pub async fn serve(state: AppState, addr: SocketAddr) -> Result<Running, StartError> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| StartError::Bind { addr, source })?;
    let bound = listener
        .local_addr()
        .map_err(|source| StartError::Bind { addr, source })?;
    let (shutdown, stopped) = oneshot::channel::<()>();
    let app = router(state);
    let task = tokio::spawn(async move {
        let server = axum::serve(listener, app).with_graceful_shutdown(async {
            // A dropped sender also means "stop".
            let _ = stopped.await;
        });
        if let Err(error) = server.await {
            log::error(format_args!("server error: {error}"));
        }
    });
    Ok(Running {
        addr: bound,
        shutdown,
        task,
    })
}
