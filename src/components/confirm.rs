//! [`ConfirmDialog`]: a modal that names what is about to be destroyed and asks once more.

use leptos::prelude::*;

use super::ErrorView;
use crate::api::ApiError;

/// A modal dialog with a danger button. Escape or Cancel closes it.
#[component]
pub fn ConfirmDialog(
    /// Whether it is shown.
    open: RwSignal<bool>,
    /// Heading, naming the thing.
    title: String,
    /// What will happen.
    message: String,
    /// Label of the danger button.
    confirm_label: &'static str,
    /// Runs on confirm.
    on_confirm: Callback<()>,
    /// True while the action runs (the button is disabled, so one click sends one request).
    pending: Signal<bool>,
    /// The action's error, shown inside the dialog.
    error: Signal<Option<ApiError>>,
) -> impl IntoView {
    let close = move || {
        if !pending.get_untracked() {
            open.set(false);
        }
    };
    view! {
        <Show when=move || open.get()>
            <div class="dialog-backdrop" on:click=move |_| close()>
                <div
                    class="dialog"
                    role="alertdialog"
                    aria-modal="true"
                    aria-labelledby="confirm-title"
                    aria-describedby="confirm-message"
                    on:click=|ev| ev.stop_propagation()
                    on:keydown=move |ev| if ev.key() == "Escape" { close() }
                >
                    <h2 id="confirm-title">{title.clone()}</h2>
                    <p id="confirm-message">{message.clone()}</p>
                    {move || error.get().map(|error| view! { <ErrorView error /> })}
                    <div class="dialog-actions">
                        <button type="button" class="secondary" autofocus on:click=move |_| close()>
                            "Cancel"
                        </button>
                        <button
                            type="button"
                            class="danger"
                            disabled=move || pending.get()
                            on:click=move |_| on_confirm.run(())
                        >
                            {move || if pending.get() { "Deleting\u{2026}" } else { confirm_label }}
                        </button>
                    </div>
                </div>
            </div>
        </Show>
    }
}
