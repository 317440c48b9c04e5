//! How the sandbox runs ([`Options`]) and what every handler shares ([`AppState`]): the database,
//! the logins, the settings and the fault-injection PRNG.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use crate::db::Store;
use crate::logins::DemoUser;
use crate::seed::enterprise::DEMO_TOKEN;
use crate::seed::{self, SeedError, UsersFileError};

/// OBP's default `token_expiration_weeks`, 4, in seconds.
pub const DEFAULT_TOKEN_TTL_SECONDS: u64 = 4 * 7 * 86_400;

/// Where the sandbox keeps its data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Db {
    /// A SQLite file, created and seeded on first use; tokens and changes survive restarts.
    File(PathBuf),
    /// A private in-memory database, seeded at start and gone when the server stops.
    Memory,
}

/// How to run the sandbox.
#[derive(Debug, Clone)]
pub struct Options {
    /// Address to listen on; port 0 picks a free port (see [`crate::Running::addr`]).
    pub addr: SocketAddr,
    /// The database.
    pub db: Db,
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
    /// How long a DirectLogin token lives after it was issued, in seconds; an expired token is
    /// answered as OBP answers it (400 OBP-20003). OBP's default is four weeks.
    pub token_ttl_seconds: u64,
    /// Extra customers added at gh.29.uk after the demo ones (`--seed-customers`; see
    /// [`seed::bulk`]).
    pub seed_customers: u32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            db: Db::File(PathBuf::from("sandbox.db")),
            latency_ms: 0,
            fail_rate: 0.0,
            consumer_key: "sandbox-consumer-key".into(),
            users_file: None,
            quiet: false,
            allow_customer_firehose: true,
            enterprise_tokens: vec![DEMO_TOKEN.into()],
            token_ttl_seconds: DEFAULT_TOKEN_TTL_SECONDS,
            seed_customers: 0,
        }
    }
}

/// Why the sandbox could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The database could not be opened or migrated.
    #[error("database error: {0}")]
    Db(#[from] rusqlite::Error),
    /// The demo data could not be written.
    #[error(transparent)]
    Seed(#[from] SeedError),
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
    token_ttl_seconds: i64,
    rng: Mutex<fastrand::Rng>,
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
        seed::bulk::populate(&mut store, opts.seed_customers)?;
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
                token_ttl_seconds: i64::try_from(opts.token_ttl_seconds).unwrap_or(i64::MAX / 2),
                rng: Mutex::new(fastrand::Rng::with_seed(0x5eed)),
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

    /// A draw in `0..bound` from the shared deterministic PRNG.
    pub(crate) fn random_below(&self, bound: u64) -> u64 {
        self.rng().u64(..bound)
    }

    fn rng(&self) -> MutexGuard<'_, fastrand::Rng> {
        self.inner
            .rng
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub(crate) fn latency(&self) -> Duration {
        self.inner.latency
    }

    /// Whether this API request should be failed with 500 (a `fail_rate` draw).
    pub(crate) fn should_fail(&self) -> bool {
        let rate = self.inner.fail_rate;
        rate > 0.0 && self.rng().f64() < rate
    }

    pub(crate) fn quiet(&self) -> bool {
        self.inner.quiet
    }

    /// Whether Get Firehose Customers is enabled.
    pub(crate) fn allow_customer_firehose(&self) -> bool {
        self.inner.allow_customer_firehose
    }

    /// How long a new DirectLogin token lives, in seconds.
    pub(crate) fn token_ttl_seconds(&self) -> i64 {
        self.inner.token_ttl_seconds
    }

    /// The bearer tokens the Enterprise API accepts.
    pub(crate) fn enterprise_tokens(&self) -> &[String] {
        &self.inner.enterprise_tokens
    }
}
