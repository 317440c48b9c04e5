//! Test doubles shared by the native and browser tests: a scripted [`FakeTransport`] and the
//! documented examples; `calls` holds the native helpers, `dom` and `obp` the browser ones.

use std::sync::{Arc, Mutex};

use customer_console::api::{ApiError, HttpRequest, HttpResponse, Method, Transport};

/// A canned answer: HTTP status and body, or a network failure.
pub type Answer = Result<(u16, String), ApiError>;

/// `(method, url suffix, answers)`: the answers in turn, the last one from then on.
type Route = (Method, String, Vec<Answer>);

/// Answers requests from a script of `(method, url suffix, answer)` routes and records them, and
/// the waits the client asked for between retries.
#[derive(Default)]
pub struct FakeTransport {
    routes: Mutex<Vec<Route>>,
    seen: Mutex<Vec<HttpRequest>>,
    delay_ms: Mutex<i32>,
    waits: Mutex<Vec<u32>>,
    pause_ms: Mutex<i32>,
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
        self.answers(method, path, vec![answer])
    }

    /// Like [`FakeTransport::answer`] with answers given in turn, the last one from then on.
    pub fn answers(
        self: &Arc<Self>,
        method: Method,
        path: &str,
        answers: Vec<Answer>,
    ) -> Arc<Self> {
        assert!(!answers.is_empty(), "a route needs an answer");
        self.routes
            .lock()
            .unwrap()
            .push((method, path.to_owned(), answers));
        Arc::clone(self)
    }

    /// Makes each wait between retries last `ms` real milliseconds (browser tests), whatever
    /// the client asked for, so the retrying state can be seen; by default waits end at once.
    #[cfg(target_arch = "wasm32")]
    pub fn pausing(self: &Arc<Self>, ms: i32) -> Arc<Self> {
        *self.pause_ms.lock().unwrap() = ms;
        Arc::clone(self)
    }

    /// The waits the client asked for between retries, in milliseconds.
    pub fn waits(&self) -> Vec<u32> {
        self.waits.lock().unwrap().clone()
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
            .iter_mut()
            .rev()
            .find(|(method, suffix, _)| *method == request.method && path.ends_with(suffix.as_str()))
            .map(|(_, _, answers)| {
                if answers.len() > 1 {
                    answers.remove(0)
                } else {
                    answers[0].clone()
                }
            })
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

    fn sleep(&self, ms: u32) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()>>> {
        self.waits.lock().unwrap().push(ms);
        let pause_ms = *self.pause_ms.lock().unwrap();
        Box::pin(async move {
            #[cfg(target_arch = "wasm32")]
            if pause_ms > 0 {
                dom::sleep(pause_ms).await;
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = pause_ms;
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
