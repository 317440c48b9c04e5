//! Customer Console: a Leptos single-page app for bank staff over the OBP API.
//!
//! Everything lives in the library so the host can compile and unit-test it; `main.rs` only loads
//! `config.json` and mounts [`app::App`].

pub mod api;
pub mod app;
pub mod backend;
pub mod components;
pub mod config;
pub mod csv_text;
pub mod dates;
pub mod forms;
pub mod mask;
pub mod pages;
pub mod query;
pub mod routes;
pub mod search;
pub mod state;
pub mod validation;

/// Loads `config.json`, then mounts the app on `<body>`; a readable page if the config is broken.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use leptos::prelude::*;
    use std::sync::Arc;

    // Kept in release builds: a panic then logs its message and place instead of a bare
    // "unreachable executed". Measured on the split build (gzip -9): main wasm 326,935 bytes with
    // it, 325,201 without; its JS 9,346 and 9,219: 1.9 KB (0.3% of the total) for that message.
    console_error_panic_hook::set_once();
    // Leptos's executor starts with the first mount, so the config is awaited on the raw one.
    wasm_bindgen_futures::spawn_local(async {
        let files =
            api::BrowserTransport::app_files(config::AppConfig::default().request_timeout_ms);
        match config::load(&files).await {
            Ok(config) => {
                if let Some(document) = web_sys::window().and_then(|w| w.document()) {
                    document.set_title(&config.app_title);
                }
                let timeout_ms = config.request_timeout_ms;
                let (scheme, _) = backend::for_kind(config.backend).scheme(&config);
                let transport = Arc::new(api::Prefetching::new(
                    api::BrowserTransport::api(timeout_ms),
                    scheme,
                    timeout_ms,
                ));
                leptos::mount::mount_to_body(move || view! { <app::App config transport /> });
            }
            Err(problem) => leptos::mount::mount_to_body(move || {
                view! {
                    <main class="centered-page">
                        <h1>"Customer Console cannot start"</h1>
                        <p role="alert">{problem}</p>
                        <p>"Deployers: place a valid config.json next to index.html (see README)."</p>
                    </main>
                }
            }),
        }
    });
}
