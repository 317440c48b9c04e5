//! The boot prefetch, the app's half of `public/prefetch.js`: a page loaded again in this tab
//! gets its first API answers without waiting for the wasm to download and compile.
//!
//! While the app boots, [`Prefetching`] notes the GETs it sends with the session's token in a
//! [`Manifest`] in sessionStorage, under the URL the page was loaded at. The next load of that
//! URL runs `prefetch.js` before the wasm: it sends those GETs with the token and leaves their
//! answers in `window.__ccPrefetch`, and [`Prefetching`] hands each to the first request for
//! its URL that carries the same token header, instead of sending it again. An answer that
//! failed, or a request that differs, goes out as usual.

use serde::{Deserialize, Serialize};

use super::AuthScheme;

/// Where the manifest of the page loaded at `path_and_query` is kept (`prefetch.js` reads it).
pub fn manifest_key(path_and_query: &str) -> String {
    format!("customer-console.prefetch:{path_and_query}")
}

/// The most GETs one boot prefetches (`prefetch.js` stops there too).
pub const MAX_URLS: usize = 8;

/// How long after the page loaded the GETs it sends still count as its boot.
pub const BOOT_MS: f64 = 2_000.0;

/// What one page's boot read, as `prefetch.js` reads it back.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Manifest {
    /// How the token travels: `"DirectLogin"` or `"Bearer"`.
    pub scheme: String,
    /// The GETs' full URLs, in the order they were sent.
    pub urls: Vec<String>,
    /// The request timeout, in milliseconds.
    pub timeout_ms: u32,
}

impl Manifest {
    /// An empty manifest for requests authenticated by `scheme`.
    pub fn new(scheme: AuthScheme, timeout_ms: u32) -> Self {
        let scheme = match scheme {
            AuthScheme::DirectLogin => "DirectLogin",
            AuthScheme::Bearer => "Bearer",
        };
        Self {
            scheme: scheme.to_owned(),
            urls: Vec::new(),
            timeout_ms,
        }
    }

    /// Notes `url`; false when it was already there or the manifest is full.
    pub fn note(&mut self, url: &str) -> bool {
        let new = self.urls.len() < MAX_URLS && !self.urls.iter().any(|u| u == url);
        if new {
            self.urls.push(url.to_owned());
        }
        new
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::Prefetching;

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::sync::Mutex;

    use js_sys::{Array, Map, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    use super::{manifest_key, Manifest, BOOT_MS};
    use crate::api::{
        ApiError, AuthScheme, BrowserTransport, HttpRequest, HttpResponse, LocalFuture, Method,
        Transport,
    };

    /// The browser's transport, taking the answers `prefetch.js` fetched and noting what this
    /// boot sends.
    pub struct Prefetching {
        inner: BrowserTransport,
        /// The token header's name (`DirectLogin` or `Authorization`).
        header: &'static str,
        /// `None` once the boot is over: later requests cost no bookkeeping.
        boot: Mutex<Option<Boot>>,
    }

    /// The boot being noted: where, since when, and what it sent so far.
    struct Boot {
        key: String,
        started_ms: f64,
        history_length: u32,
        manifest: Manifest,
    }

    impl Prefetching {
        /// Wraps `inner`, whose timeout is `timeout_ms`, for an API authenticated by `scheme`.
        pub fn new(inner: BrowserTransport, scheme: AuthScheme, timeout_ms: u32) -> Self {
            let location = web_sys::window().map(|w| w.location());
            let path = location
                .map(|l| l.pathname().unwrap_or_default() + &l.search().unwrap_or_default())
                .unwrap_or_default();
            Self {
                inner,
                header: scheme.header("").0,
                boot: Mutex::new(Some(Boot {
                    key: manifest_key(&path),
                    started_ms: now_ms(),
                    history_length: history_length(),
                    manifest: Manifest::new(scheme, timeout_ms),
                })),
            }
        }

        /// Notes a GET carrying the token while the page is still booting: in its first
        /// [`BOOT_MS`], with no new history entry (a redirect replaces; a click pushes). The first
        /// request after that ends the boot for good.
        fn note(&self, request: &HttpRequest) {
            let Ok(mut guard) = self.boot.lock() else {
                return;
            };
            let Some(boot) = guard.as_mut() else {
                return;
            };
            if now_ms() - boot.started_ms >= BOOT_MS || history_length() != boot.history_length {
                *guard = None;
                return;
            }
            if boot.manifest.note(&request.url) {
                let store = web_sys::window().and_then(|w| w.session_storage().ok().flatten());
                if let (Some(store), Ok(json)) = (store, serde_json::to_string(&boot.manifest)) {
                    let _ = store.set_item(&boot.key, &json);
                }
            }
        }
    }

    impl Transport for Prefetching {
        fn send(&self, request: HttpRequest) -> LocalFuture<Result<HttpResponse, ApiError>> {
            let carries_token = request.method == Method::Get
                && request.headers.iter().any(|(name, _)| *name == self.header);
            if !carries_token {
                return self.inner.send(request);
            }
            self.note(&request);
            let prefetched = take(&request);
            let inner = self.inner;
            Box::pin(async move {
                if let Some(answer) = prefetched {
                    if let Ok(answer) = JsFuture::from(answer).await {
                        if let Some(response) = response(&answer) {
                            return Ok(response);
                        }
                    }
                }
                inner.send(request).await
            })
        }

        fn sleep(&self, ms: u32) -> LocalFuture<()> {
            self.inner.sleep(ms)
        }
    }

    /// The prefetched answer for `request`'s URL, taken (each is used once), when it was sent
    /// with the same token header.
    fn take(request: &HttpRequest) -> Option<js_sys::Promise> {
        let window = web_sys::window()?;
        let all: Map = Reflect::get(&window, &"__ccPrefetch".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let url = JsValue::from_str(&request.url);
        let entry = all.get(&url);
        if entry.is_undefined() {
            return None;
        }
        all.delete(&url);
        let header: Array = Reflect::get(&entry, &"header".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let (name, value) = (header.get(0).as_string()?, header.get(1).as_string()?);
        let same = request
            .headers
            .iter()
            .any(|(n, v)| *n == name && *v == value);
        same.then(|| Reflect::get(&entry, &"answer".into()).ok()?.dyn_into().ok())?
    }

    /// `[status, body]` as an answer.
    fn response(answer: &JsValue) -> Option<HttpResponse> {
        let answer: &Array = answer.dyn_ref()?;
        let status = u16::try_from(answer.get(0).as_f64()? as u32).ok()?;
        Some(HttpResponse {
            status,
            body: answer.get(1).as_string()?,
        })
    }

    fn now_ms() -> f64 {
        web_sys::window()
            .and_then(|w| w.performance())
            .map_or(0.0, |p| p.now())
    }

    fn history_length() -> u32 {
        web_sys::window()
            .and_then(|w| w.history().ok())
            .and_then(|h| h.length().ok())
            .unwrap_or(0)
    }
}
