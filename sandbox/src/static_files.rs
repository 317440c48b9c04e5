//! Serving the built app (`--dist`): files as they are, any other GET path as `index.html`.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::Method;
use axum::response::{IntoResponse, Response};
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

use crate::middleware::content_type;
use crate::obp_error::ObpError;
use crate::routes::is_api_path;
use crate::AppState;

/// Requests no route matched: a file from `dist` (or its `index.html`, so deep links such as
/// `/customers/ID` load the app), else OBP's 404 OBP-10404.
pub async fn fallback(State(state): State<AppState>, request: Request) -> Response {
    let path = request.uri().path().to_owned();
    let is_read = matches!(*request.method(), Method::GET | Method::HEAD);
    match state.dist() {
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
