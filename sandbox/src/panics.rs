//! A panic anywhere in answering a request (a handler, an extractor, the middleware) answers 500
//! and leaves the server serving: OBP's `{"code":500,"message":"OBP-50000: Unknown Error."}`, or
//! under `/v1/` the Enterprise API's `internal_error` body, with CORS and a `Correlation-Id`. The
//! request line is logged to stderr (after the panic's own message), `--quiet` or not.
//!
//! [`caught`] is tower-http's `CatchPanicLayer` handler; it marks its answer so that [`answer`],
//! the layer just outside it, which still knows the request's path, can log and shape it.

use std::any::Any;

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::enterprise::ApiError;
use crate::middleware::{stamp, Api};
use crate::obp_error::ObpError;

/// Marks a response made from a caught panic.
#[derive(Debug, Clone, Copy)]
struct Panicked;

/// What `CatchPanicLayer` answers for a panic: 500 OBP-50000, marked for [`answer`]. The panic's
/// message and place are on stderr already, from the panic hook.
pub fn caught(_payload: Box<dyn Any + Send + 'static>) -> Response {
    let mut response = ObpError::unknown().into_response();
    response.extensions_mut().insert(Panicked);
    response
}

/// Logs a request whose answer is a caught panic, and gives that answer the error body of the
/// API its path belongs to, CORS and a `Correlation-Id`.
pub async fn answer(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    if response.extensions().get::<Panicked>().is_none() {
        return response;
    }
    crate::log::error(format_args!(
        "{method} {path} panicked (see above); answered 500"
    ));
    let mut response = match Api::of(&path) {
        Some(Api::Enterprise) => ApiError::internal().into_response(),
        _ => response,
    };
    stamp(&mut response);
    response
}
