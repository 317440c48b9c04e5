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
pub mod http;
mod log;
pub mod logins;
mod middleware;
pub mod obp_error;
mod panics;
pub mod roles;
pub mod routes;
pub mod seed;
mod state;
mod static_files;

use std::net::SocketAddr;

use axum::Router;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub use crate::state::{AppBackend, AppState, Db, Options, StartError};

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
