//! Cross-cutting behaviour: CORS like OBP, `Correlation-Id`, the request log, latency and fault injection,
//! for OBP's paths and the Enterprise API's (`/v1/…`) alike.

use std::time::Instant;

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower::ServiceExt;

use crate::enterprise::{is_enterprise_path, ApiError};
use crate::http::content_type;
use crate::obp_error::{msg, ObpError};
use crate::routes::{is_api_path, LOGIN_PATH};
use crate::state::AppState;

/// The largest request body the sandbox reads.
const MAX_BODY_BYTES: usize = 2 * 1024 * 1024;

/// Logs `METHOD PATH?QUERY STATUS DURATIONms` for every request (never headers, so never tokens).
pub async fn request_log(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let target = request
        .uri()
        .path_and_query()
        .map_or_else(|| request.uri().path().to_owned(), |pq| pq.to_string());
    let response = next.run(request).await;
    if !state.quiet() {
        crate::log::request(format_args!(
            "{method} {target} {} {}ms",
            response.status().as_u16(),
            started.elapsed().as_millis()
        ));
    }
    response
}

/// Answers every `OPTIONS` request with OBP's preflight response: 204 and five CORS headers.
///
/// Under `/v1/` the allowed headers also name `Authorization`: browsers never let OBP's `*` stand
/// for it, and the Enterprise API's bearer token travels in it.
pub async fn preflight(request: Request, next: Next) -> Response {
    if request.method() != Method::OPTIONS {
        return next.run(request).await;
    }
    let allow_headers = match Api::of(request.uri().path()) {
        Some(Api::Enterprise) => "Authorization, *",
        _ => "*",
    };
    let headers = [
        (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
        (
            header::ACCESS_CONTROL_ALLOW_METHODS,
            "GET, POST, OPTIONS, PUT, PATCH, DELETE",
        ),
        (header::ACCESS_CONTROL_ALLOW_HEADERS, allow_headers),
        (header::ACCESS_CONTROL_ALLOW_CREDENTIALS, "true"),
        (header::ACCESS_CONTROL_MAX_AGE, "1728000"),
    ];
    (StatusCode::NO_CONTENT, headers).into_response()
}

/// The API a path belongs to (`None`: the static app).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Api {
    /// OBP: login and `/obp/…`.
    Obp,
    /// The Enterprise API: `/v1/…`.
    Enterprise,
}

impl Api {
    /// The API of a request path.
    pub(crate) fn of(path: &str) -> Option<Api> {
        if is_api_path(path) {
            Some(Api::Obp)
        } else if is_enterprise_path(path) {
            Some(Api::Enterprise)
        } else {
            None
        }
    }
}

/// Hands the reads (GET, HEAD) outside the APIs to `app`, the served app, past the API's
/// middleware: they get neither CORS nor a `Correlation-Id`, latency nor injected faults.
pub async fn app_reads(State(app): State<Router>, request: Request, next: Next) -> Response {
    let is_read = matches!(*request.method(), Method::GET | Method::HEAD);
    if !is_read || Api::of(request.uri().path()).is_some() {
        return next.run(request).await;
    }
    match app.oneshot(request).await {
        Ok(response) => response,
        Err(never) => match never {},
    }
}

/// Every request but the app's reads (see [`app_reads`]): latency and fault injection for API requests, and OBP's JSON body
/// checks for OBP requests; OBP's 404 for unknown verbs (the Enterprise API's 405 under `/v1/`);
/// `Access-Control-Allow-Origin: *` and `Correlation-Id` on every response.
pub async fn api(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let method = request.method().clone();
    let api = Api::of(&path);
    let content_type = content_type(request.headers()).to_owned();
    let response = match api {
        Some(api) => {
            if !state.latency().is_zero() {
                tokio::time::sleep(state.latency()).await;
            }
            if path != LOGIN_PATH && state.should_fail() {
                match api {
                    Api::Obp => ObpError::unknown().into_response(),
                    Api::Enterprise => ApiError::internal().into_response(),
                }
            } else if api == Api::Enterprise {
                next.run(request).await
            } else {
                match checked_body(request, &path, &content_type).await {
                    Ok(request) => next.run(request).await,
                    Err(error) => error.into_response(),
                }
            }
        }
        None => next.run(request).await,
    };
    let mut response = match (response.status(), api) {
        (StatusCode::METHOD_NOT_ALLOWED, Some(Api::Enterprise)) => {
            ApiError::method_not_allowed(method.as_str(), &path).into_response()
        }
        (StatusCode::METHOD_NOT_ALLOWED, _) => {
            ObpError::invalid_uri(&path, &content_type).into_response()
        }
        _ => response,
    };
    stamp(&mut response);
    response
}

/// Sets what every non-static response carries: `Access-Control-Allow-Origin: *` and a fresh
/// `Correlation-Id`.
pub(crate) fn stamp(response: &mut Response) {
    let headers = response.headers_mut();
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    if let Ok(id) = HeaderValue::from_str(&uuid::Uuid::new_v4().to_string()) {
        headers.insert("correlation-id", id);
    }
}

/// OBP (Lift) only routes POST/PUT bodies sent as JSON, and rejects unparsable JSON before anything
/// else: a non-JSON `Content-Type` is 404 OBP-10404, a non-empty body that is not JSON is 400
/// OBP-10001 (whatever the path). A missing `Content-Type` is treated as JSON; an empty body is left
/// to the endpoint.
async fn checked_body(
    request: Request,
    path: &str,
    content_type: &str,
) -> Result<Request, ObpError> {
    if path == LOGIN_PATH
        || !matches!(
            *request.method(),
            Method::POST | Method::PUT | Method::PATCH
        )
    {
        return Ok(request);
    }
    let media_type = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if !matches!(media_type.as_str(), "" | "application/json" | "text/json") {
        return Err(ObpError::invalid_uri(path, content_type));
    }
    let (parts, body) = request.into_parts();
    let bytes = to_bytes(body, MAX_BODY_BYTES)
        .await
        .map_err(|_| ObpError::bad_request(msg::INVALID_JSON_FORMAT))?;
    if bytes.is_empty() {
        return Ok(Request::from_parts(parts, Body::empty()));
    }
    if let Err(error) = serde_json::from_slice::<serde::de::IgnoredAny>(&bytes) {
        return Err(ObpError::bad_request(format!(
            "{}{error}",
            msg::INVALID_JSON_FORMAT
        )));
    }
    Ok(Request::from_parts(parts, Body::from(bytes)))
}
