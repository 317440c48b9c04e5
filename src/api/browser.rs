//! [`BrowserTransport`]: `fetch` through gloo-net, with a timeout; no credentials for the API;
//! `setTimeout` for the waits between retries.

use gloo_net::http::RequestBuilder;
use web_sys::{AbortSignal, RequestCredentials};

use super::{ApiError, HttpRequest, HttpResponse, LocalFuture, Method, Transport};

/// Sends requests with the browser's `fetch`.
#[derive(Clone, Copy, Debug)]
pub struct BrowserTransport {
    /// Milliseconds before a request is abandoned.
    timeout_ms: u32,
    /// Whether the browser's cookies go along.
    credentials: RequestCredentials,
}

impl BrowserTransport {
    /// For the API: no credentials. Auth is by header; OBP's `Allow-Origin: *` forbids
    /// credentialed requests.
    pub fn api(timeout_ms: u32) -> Self {
        Self {
            timeout_ms,
            credentials: RequestCredentials::Omit,
        }
    }

    /// For the app's own files (`config.json`): fetch's default credentials, `same-origin`, as
    /// index.html's `crossorigin` preload uses, so the browser hands over the preloaded answer
    /// instead of fetching the file again (a preload is reused only on the same URL, mode and
    /// credentials).
    pub fn app_files(timeout_ms: u32) -> Self {
        Self {
            timeout_ms,
            credentials: RequestCredentials::SameOrigin,
        }
    }
}

impl Transport for BrowserTransport {
    fn send(&self, request: HttpRequest) -> LocalFuture<Result<HttpResponse, ApiError>> {
        let Self {
            timeout_ms,
            credentials,
        } = *self;
        Box::pin(async move {
            let builder = match request.method {
                Method::Get => RequestBuilder::new(&request.url),
                Method::Post => {
                    RequestBuilder::new(&request.url).method(gloo_net::http::Method::POST)
                }
                Method::Put => {
                    RequestBuilder::new(&request.url).method(gloo_net::http::Method::PUT)
                }
                Method::Delete => {
                    RequestBuilder::new(&request.url).method(gloo_net::http::Method::DELETE)
                }
            };
            let signal = AbortSignal::timeout_with_u32(timeout_ms);
            let builder = request
                .headers
                .iter()
                .fold(builder, |b, (name, value)| b.header(name, value))
                .credentials(credentials)
                .abort_signal(Some(&signal));
            let sent = match request.body {
                Some(body) => builder.body(body).map_err(network)?.send().await,
                None => builder.send().await,
            };
            let response = sent.map_err(|e| {
                if signal.aborted() {
                    ApiError::Timeout
                } else {
                    network(e)
                }
            })?;
            let status = response.status();
            let body = response.text().await.map_err(network)?;
            Ok(HttpResponse { status, body })
        })
    }

    fn sleep(&self, ms: u32) -> LocalFuture<()> {
        let ms = i32::try_from(ms).unwrap_or(i32::MAX);
        Box::pin(async move {
            let promise = js_sys::Promise::new(&mut |resolve, _| {
                // Without a window (never in the app) the wait ends at once.
                let started = web_sys::window().is_some_and(|window| {
                    window
                        .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
                        .is_ok()
                });
                if !started {
                    let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
                }
            });
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        })
    }
}

fn network(error: gloo_net::Error) -> ApiError {
    ApiError::Network(error.to_string())
}
