//! Serving the built app (`--dist`): files as they are, any other GET path as `index.html`, and in
//! Enterprise mode (`--app-backend enterprise`) a `/config.json` pointing the app at this sandbox's
//! Enterprise API.
//!
//! Every response of the app carries its security headers: the CSP computed from the
//! `config.json` it is served with (see [`web_policy`]), as the shipped `deploy/nginx.conf` sends
//! them. Responses are compressed when the browser accepts it: the `.gz` files
//! `cargo xtask build` writes, else gzip on the fly. API responses get neither.

use std::convert::Infallible;
use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value};
use tower::{service_fn, Layer, ServiceExt};
use tower_http::compression::CompressionLayer;
use tower_http::services::{ServeDir, ServeFile};
use web_policy::Policy;

use crate::http::json;
use crate::middleware::content_type;
use crate::obp_error::ObpError;
use crate::routes::is_api_path;
use crate::seed::enterprise::PROFILE_IDS;
use crate::state::{AppBackend, AppState};

/// The app's runtime configuration, next to its `index.html`.
const CONFIG_PATH: &str = "/config.json";

/// Requests no route matched: a file from `dist` (or its `index.html`, so deep links such as
/// `/customers/ID` load the app), else OBP's 404 OBP-10404.
pub async fn fallback(State(state): State<AppState>, request: Request) -> Response {
    let path = request.uri().path().to_owned();
    let is_read = matches!(*request.method(), Method::GET | Method::HEAD);
    match state.dist() {
        Some(dist) if is_read && !is_api_path(&path) => {
            app_file(dist.to_owned(), state.app_backend(), request).await
        }
        _ => ObpError::invalid_uri(&path, content_type(request.headers())).into_response(),
    }
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

/// The `config.json` the app gets: `dist/config.json` (an empty object if there is none), in
/// Enterprise mode with `backend` `enterprise`, the seeded `profile_ids` and an empty
/// `api_base_url` (this origin) set, every other key kept. Why not, when the file cannot be read
/// or is not a JSON object.
fn app_config(dist: &Path, backend: AppBackend) -> Result<Map<String, Value>, String> {
    let file = dist.join("config.json");
    let unusable = |reason: String| {
        format!(
            "cannot use {} as the app's config: {reason}",
            file.display()
        )
    };
    let text = match std::fs::read_to_string(&file) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => "{}".to_owned(),
        Err(error) => return Err(unusable(error.to_string())),
    };
    let mut config: Map<String, Value> =
        serde_json::from_str(&text).map_err(|error| unusable(error.to_string()))?;
    if backend == AppBackend::Enterprise {
        config.insert("backend".into(), "enterprise".into());
        config.insert("profile_ids".into(), PROFILE_IDS.as_slice().into());
        config.insert("api_base_url".into(), "".into());
    }
    Ok(config)
}

/// 500 with a plain-text reason: the Enterprise config could not be made.
fn config_error(reason: &str) -> Response {
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        reason.to_owned(),
    )
        .into_response()
}
