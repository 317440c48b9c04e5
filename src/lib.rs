//! Customer Console: a Leptos single-page app for bank staff over the OBP API.
//!
//! Everything lives in the library so the host can compile and unit-test it; `main.rs` only loads
//! `config.json` and mounts [`app::App`].

pub mod api;
pub mod app;
pub mod backend;
pub mod components;
pub mod config;
pub mod dates;
pub mod forms;
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
                let transport = Arc::new(api::BrowserTransport::api(config.request_timeout_ms));
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
