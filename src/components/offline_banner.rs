//! [`OfflineBanner`]: "Offline — changes are kept" while the browser is offline or the API
//! cannot be reached; the pages reload their data by themselves when the connection returns.

use leptos::{ev, prelude::*};

use crate::api::Api;

/// A status region that shows the banner while offline. It follows the browser's `offline` and
/// `online` events (and `navigator.onLine` when it mounts) and what the API's requests meet.
#[component]
pub fn OfflineBanner() -> impl IntoView {
    let connection = expect_context::<Api>().connection();
    if !window().navigator().on_line() {
        connection.went_offline();
    }
    let offline = window_event_listener(ev::offline, move |_| connection.went_offline());
    let online = window_event_listener(ev::online, move |_| connection.came_back());
    on_cleanup(move || {
        offline.remove();
        online.remove();
    });
    view! {
        <div class="connection-status" role="status">
            <Show when=move || connection.is_offline()>
                <p class="offline-banner">
                    <strong>"Offline \u{2014} changes are kept."</strong>
                    " What you type stays in the open forms; the page reloads its data when the connection returns."
                </p>
            </Show>
        </div>
    }
}
