//! Serving the built app (`--dist`): files as they are, any other GET path as `index.html`, and in
//! Enterprise mode (`--app-backend enterprise`) a `/config.json` pointing the app at this sandbox's
//! Enterprise API.

use std::path::Path;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value};
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

use crate::middleware::content_type;
use crate::obp_error::ObpError;
use crate::routes::{is_api_path, json};
use crate::seed::enterprise::PROFILE_IDS;
use crate::{AppBackend, AppState};

/// The app's runtime configuration, next to its `index.html`.
const CONFIG_PATH: &str = "/config.json";

/// Requests no route matched: a file from `dist` (or its `index.html`, so deep links such as
/// `/customers/ID` load the app), else OBP's 404 OBP-10404.
pub async fn fallback(State(state): State<AppState>, request: Request) -> Response {
    let path = request.uri().path().to_owned();
    let is_read = matches!(*request.method(), Method::GET | Method::HEAD);
    match state.dist() {
        Some(dist)
            if is_read && path == CONFIG_PATH && state.app_backend() == AppBackend::Enterprise =>
        {
            enterprise_config(dist)
        }
        Some(dist) if is_read && !is_api_path(&path) => {
            let files = ServeDir::new(dist).fallback(ServeFile::new(dist.join("index.html")));
            match files.oneshot(request).await {
                Ok(response) => response.map(Body::new),
                Err(never) => match never {},
            }
        }
        _ => ObpError::invalid_uri(&path, content_type(request.headers())).into_response(),
    }
}

/// `dist/config.json` (an empty object if there is none) with `backend` `enterprise`, the seeded
/// `profile_ids` and an empty `api_base_url` (this origin) set; every other key kept. A file that
/// cannot be read or is not a JSON object is 500 with a plain-text reason.
fn enterprise_config(dist: &Path) -> Response {
    let file = dist.join("config.json");
    let text = match std::fs::read_to_string(&file) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => "{}".to_owned(),
        Err(error) => return config_error(&file, &error.to_string()),
    };
    let mut config: Map<String, Value> = match serde_json::from_str(&text) {
        Ok(config) => config,
        Err(error) => return config_error(&file, &error.to_string()),
    };
    config.insert("backend".into(), "enterprise".into());
    config.insert("profile_ids".into(), PROFILE_IDS.as_slice().into());
    config.insert("api_base_url".into(), "".into());
    json(StatusCode::OK, &config)
}

fn config_error(file: &Path, reason: &str) -> Response {
    let message = format!(
        "cannot use {} as the app's config: {reason}",
        file.display()
    );
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        message,
    )
        .into_response()
}
