//! The built app's files as they are, any other read as `index.html` (so deep links such as
//! `/customers/ID` load the app), and its `config.json` (see [`super::config`]).
//!
//! Every response of the app carries its security headers: the CSP computed from the
//! `config.json` it is served with (see [`web_policy`]), as the shipped `deploy/nginx.conf` sends
//! them. Responses are compressed when the browser accepts it: the `.gz` files
//! `cargo xtask build` writes, else gzip on the fly.

use std::convert::Infallible;
use std::path::PathBuf;

use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::Response;
use axum::Router;
use sandbox::http::json;
use serde_json::Value;
use tower::{service_fn, Layer, ServiceExt};
use tower_http::compression::CompressionLayer;
use tower_http::services::{ServeDir, ServeFile};
use web_policy::Policy;

use super::config::{app_config, config_error, AppBackend, CONFIG_PATH};

/// The app in `dist`, configured for `backend`, answering every request it is given.
pub fn app(dist: PathBuf, backend: AppBackend) -> Router {
    Router::new().fallback(move |request: Request| app_file(dist.clone(), backend, request))
}

/// One file of the app (its config included), compressed when accepted, with the app's headers.
async fn app_file(dist: PathBuf, backend: AppBackend, request: Request) -> Response {
    let config = app_config(&dist, backend);
    // A config the app cannot use gets the strictest policy: the app's own origin only.
    let policy = config
        .as_ref()
        .ok()
        .and_then(|config| {
            Policy::from_config_json(&Value::Object(config.clone()).to_string()).ok()
        })
        .unwrap_or_default();
    let serve = service_fn(move |request: Request| {
        let rewritten = backend == AppBackend::Enterprise && request.uri().path() == CONFIG_PATH;
        let config = config.clone();
        let files = ServeDir::new(&dist)
            .precompressed_gzip()
            .fallback(ServeFile::new(dist.join("index.html")).precompressed_gzip());
        async move {
            Ok::<_, Infallible>(match config {
                Ok(config) if rewritten => json(StatusCode::OK, &config),
                Err(reason) if rewritten => config_error(&reason),
                _ => match files.oneshot(request).await {
                    Ok(response) => response.map(Body::new),
                    Err(never) => match never {},
                },
            })
        }
    });
    let mut response = match CompressionLayer::new().layer(serve).oneshot(request).await {
        Ok(response) => response.map(Body::new),
        Err(never) => match never {},
    };
    for (name, value) in policy.headers() {
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(&value),
        ) {
            response.headers_mut().insert(name, value);
        }
    }
    response
}
