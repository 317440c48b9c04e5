//! Test doubles shared by the native and browser tests: a scripted [`FakeTransport`] and the
//! documented examples; `calls` holds the native helpers, `dom` and `obp` the browser ones.

use std::sync::{Arc, Mutex};

use customer_console::api::{ApiError, HttpRequest, HttpResponse, Method, Transport};

/// A canned answer: HTTP status and body, or a network failure.
pub type Answer = Result<(u16, String), ApiError>;

type Route = (Method, String, Answer);

/// Answers requests from a script of `(method, url suffix, answer)` routes and records them.
#[derive(Default)]
pub struct FakeTransport {
    routes: Mutex<Vec<Route>>,
    seen: Mutex<Vec<HttpRequest>>,
    delay_ms: Mutex<i32>,
}

impl FakeTransport {
    /// An empty script: every request gets 404 OBP-10404.
    pub fn new() -> Arc<Self> {
        Arc::default()
    }

    /// Answers `method` requests whose URL (without query) ends with `path` with `status`/`body`.
    pub fn on(self: &Arc<Self>, method: Method, path: &str, status: u16, body: &str) -> Arc<Self> {
        self.answer(method, path, Ok((status, body.to_owned())))
    }

    /// Like [`FakeTransport::on`] with any answer, including a network failure.
    pub fn answer(self: &Arc<Self>, method: Method, path: &str, answer: Answer) -> Arc<Self> {
        self.routes
            .lock()
            .unwrap()
            .push((method, path.to_owned(), answer));
        Arc::clone(self)
    }

    /// Answers every request only after `ms` milliseconds (browser tests), like a slow API.
    #[cfg(target_arch = "wasm32")]
    pub fn slow(self: &Arc<Self>, ms: i32) -> Arc<Self> {
        *self.delay_ms.lock().unwrap() = ms;
        Arc::clone(self)
    }

    /// Every request sent so far.
    pub fn requests(&self) -> Vec<HttpRequest> {
        self.seen.lock().unwrap().clone()
    }

    /// The last request sent.
    pub fn last(&self) -> HttpRequest {
        self.requests().pop().expect("no request was sent")
    }
}

impl Transport for FakeTransport {
    fn send(
        &self,
        request: HttpRequest,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<HttpResponse, ApiError>>>> {
        let path = request.url.split('?').next().unwrap_or_default().to_owned();
        let answer = self
            .routes
            .lock()
            .unwrap()
            .iter()
            .rev()
            .find(|(method, suffix, _)| *method == request.method && path.ends_with(suffix.as_str()))
            .map(|(_, _, answer)| answer.clone())
            .unwrap_or_else(|| {
                Ok((
                    404,
                    r#"{"code":404,"message":"OBP-10404: 404 Not Found. The server could not find the requested URI."}"#.to_owned(),
                ))
            });
        self.seen.lock().unwrap().push(request);
        let delay_ms = *self.delay_ms.lock().unwrap();
        Box::pin(async move {
            #[cfg(target_arch = "wasm32")]
            if delay_ms > 0 {
                dom::sleep(delay_ms).await;
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = delay_ms;
            answer.map(|(status, body)| HttpResponse { status, body })
        })
    }
}

/// A documented JSON example from `tests/fixtures/obp/`.
macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/obp/",
            $name,
            ".json"
        ))
    };
}

#[cfg(not(target_arch = "wasm32"))]
pub mod calls;
#[cfg(target_arch = "wasm32")]
pub mod dom;
#[cfg(target_arch = "wasm32")]
pub mod obp;
