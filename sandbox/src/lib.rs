//! OBP v5.1.0 compatible sandbox: an axum server over SQLite with deterministic demo data.
//!
//! It is the default backend of Customer Console and the peer of every test. [`start`] opens the
//! database, seeds it when new, binds and serves; [`router`] builds the same app for in-process tests.
//! It also serves the customers endpoints of the Enterprise API, the app's second backend
//! ([`enterprise`]). Serving a built app beside them is the `sandbox` binary's ([`router_serving`]).

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

use std::net::SocketAddr;

use axum::Router;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub use crate::state::{AppState, Db, Options, StartError, DEFAULT_TOKEN_TTL_SECONDS};

/// The whole API: login, `/obp/v5.1.0/…`, the Enterprise API's `/v1/…`, CORS, logging, fault
/// injection and panic recovery; any other path is OBP's 404.
pub fn router(state: AppState) -> Router {
    assemble(api_routes(), state, None)
}

/// [`router`] with `app` (a built app, say) answering the reads (GET, HEAD) outside the APIs.
/// Those pass only the outer layers: the request log and panic recovery.
pub fn router_serving(state: AppState, app: Router) -> Router {
    assemble(api_routes(), state, Some(app))
}

/// `routes` served as the sandbox serves its own (see [`router`]).
pub fn router_with(routes: Router<AppState>, state: AppState) -> Router {
    assemble(routes, state, None)
}

fn api_routes() -> Router<AppState> {
    routes::api().merge(enterprise::routes())
}

/// The middleware wraps the routed app as a whole (not route by route), so it sees every request
/// before routing and every response after it, including axum's own 405s, which it turns into
/// OBP's 404 (or the Enterprise API's 405 under `/v1/`).
///
/// The outer layers catch a panic in any of the inner ones or in a handler: it is answered with
/// 500 OBP-50000 (the Enterprise API's 500 under `/v1/`) and logged, and the server keeps serving.
fn assemble(routes: Router<AppState>, state: AppState, app: Option<Router>) -> Router {
    let routed = routes
        .fallback(routes::unknown_path)
        .with_state(state.clone());
    let service = tower::ServiceBuilder::new()
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::request_log,
        ))
        .layer(axum::middleware::from_fn(panics::answer))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            panics::caught,
        ))
        .option_layer(
            app.map(|app| axum::middleware::from_fn_with_state(app, middleware::app_reads)),
        )
        .layer(axum::middleware::from_fn(middleware::preflight))
        .layer(axum::middleware::from_fn_with_state(state, middleware::api))
        .service(routed);
    Router::new().fallback_service(service)
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
    serve(router(state), opts.addr).await
}

/// Binds `addr` and serves `app` (a [`router`], say) in a background task.
pub async fn serve(app: Router, addr: SocketAddr) -> Result<Running, StartError> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| StartError::Bind { addr, source })?;
    let bound = listener
        .local_addr()
        .map_err(|source| StartError::Bind { addr, source })?;
    let (shutdown, stopped) = oneshot::channel::<()>();
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
