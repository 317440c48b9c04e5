//! Serving the built app (`--dist`) beside the sandbox's APIs, with the security headers of its
//! `config.json`, which in Enterprise mode (`--app-backend enterprise`) points the app at this
//! sandbox's Enterprise API. API responses get neither the app's headers nor its compression.

mod config;
mod files;
#[cfg(test)]
mod tests;

use std::path::PathBuf;

use axum::Router;
use sandbox::AppState;

pub use config::AppBackend;

/// The sandbox's API, with the app in `dist`, configured for `backend`, answering the other reads.
pub fn router(state: AppState, dist: PathBuf, backend: AppBackend) -> Router {
    sandbox::router_serving(state, files::app(dist, backend))
}
