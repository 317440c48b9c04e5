//! [`Guard`]: the unsaved-changes guard. Forms with changes register here; before in-app
//! navigation (a click on an in-app link, browser Back or Forward) the user is asked whether to
//! leave them, and the browser's own prompt covers reload and tab close (`beforeunload`).

use leptos::prelude::*;

/// What the user is asked before leaving a form with changes.
pub const LEAVE_QUESTION: &str =
    "You have unsaved changes on this page. Leave it and discard them?";

/// Marks a link that cancels a form (`<a data-cancel>`): following it discards the changes
/// without asking, as a Cancel button does.
pub const CANCEL_ATTRIBUTE: &str = "data-cancel";

/// The forms that may hold changes, and the URL of the page they are on; provided through
/// context. `Copy`: stored values.
#[derive(Clone, Copy)]
pub struct Guard {
    forms: StoredValue<Vec<(u64, Signal<bool>)>>,
    /// Path and query of the page the app shows, where Back returns when the user stays.
    here: StoredValue<String>,
}

impl Guard {
    /// A guard with the browser listeners in place for as long as the current owner lives.
    pub fn install() -> Self {
        let guard = Self {
            forms: StoredValue::new(Vec::new()),
            here: StoredValue::new(String::new()),
        };
        #[cfg(target_arch = "wasm32")]
        listeners::install(guard);
        guard
    }

    /// Counts `changed` (whether a form holds changes) for as long as the current owner lives.
    pub fn watch(self, changed: Signal<bool>) {
        let id = self
            .forms
            .with_value(|forms| forms.last().map_or(0, |(id, _)| id + 1));
        self.forms.update_value(|forms| forms.push((id, changed)));
        on_cleanup(move || {
            self.forms
                .try_update_value(|forms| forms.retain(|(other, _)| *other != id));
        });
    }

    /// Notes the path and query of the page the app now shows.
    pub fn arrived(self, url: String) {
        self.here.set_value(url);
    }

    /// Whether any open form holds changes.
    pub fn has_changes(self) -> bool {
        self.forms
            .try_with_value(|forms| {
                forms
                    .iter()
                    .any(|(_, changed)| changed.try_get_untracked().unwrap_or(false))
            })
            .unwrap_or(false)
    }

    /// Whether the user may leave: nothing would be lost, or they agree to lose it.
    pub fn may_leave(self) -> bool {
        !self.has_changes() || confirm(LEAVE_QUESTION)
    }
}

/// Asks `question` with OK and Cancel; `true` for OK.
#[cfg(target_arch = "wasm32")]
fn confirm(question: &str) -> bool {
    web_sys::window().is_some_and(|window| window.confirm_with_message(question).unwrap_or(true))
}

/// Nobody to ask on the host.
#[cfg(not(target_arch = "wasm32"))]
fn confirm(_question: &str) -> bool {
    true
}

/// The browser side: a click on an in-app link and Back/Forward are held back unless the user
/// agrees; `beforeunload` asks the browser to prompt.
#[cfg(target_arch = "wasm32")]
mod listeners {
    use leptos::prelude::*;
    use wasm_bindgen::{closure::Closure, JsCast};
    use web_sys::{BeforeUnloadEvent, Event, HtmlAnchorElement, MouseEvent};

    use super::Guard;

    /// Adds the listeners to `window` (capture phase, so they run before the router's) and
    /// removes them when the current owner is cleaned up.
    pub fn install(guard: Guard) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let click = Closure::<dyn Fn(MouseEvent)>::new(move |event: MouseEvent| {
            if leaves_the_page(&event) && !guard.may_leave() {
                event.prevent_default();
                event.stop_propagation();
            }
        });
        // The URL has changed already: putting the page's own URL back undoes it (as a new
        // history entry). The router, which listens after this, never hears of it.
        let popstate = Closure::<dyn Fn(Event)>::new(move |event: Event| {
            if guard.may_leave() {
                return;
            }
            event.stop_immediate_propagation();
            let here = guard.here.get_value();
            if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&here));
            }
        });
        let unload = Closure::<dyn Fn(BeforeUnloadEvent)>::new(move |event: BeforeUnloadEvent| {
            if guard.has_changes() {
                event.prevent_default();
                event.set_return_value(super::LEAVE_QUESTION);
            }
        });
        let listeners: Vec<(&str, js_sys::Function)> = vec![
            ("click", click.into_js_value().unchecked_into()),
            ("popstate", popstate.into_js_value().unchecked_into()),
            ("beforeunload", unload.into_js_value().unchecked_into()),
        ];
        for (event, listener) in &listeners {
            let _ = window.add_event_listener_with_callback_and_bool(event, listener, true);
        }
        on_cleanup(move || {
            if let Some(window) = web_sys::window() {
                for (event, listener) in &listeners {
                    let _ =
                        window.remove_event_listener_with_callback_and_bool(event, listener, true);
                }
            }
        });
    }

    /// Whether a click follows a link to another page of this app in this tab.
    fn leaves_the_page(event: &MouseEvent) -> bool {
        if event.default_prevented()
            || event.button() != 0
            || event.meta_key()
            || event.ctrl_key()
            || event.shift_key()
            || event.alt_key()
        {
            return false;
        }
        let Some(link) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
            .and_then(|e| e.dyn_into::<HtmlAnchorElement>().ok())
        else {
            return false;
        };
        let Some(location) = web_sys::window().map(|w| w.location()) else {
            return false;
        };
        link.target().is_empty()
            && !link.has_attribute("download")
            && !link.has_attribute(super::CANCEL_ATTRIBUTE)
            && location
                .origin()
                .is_ok_and(|origin| origin == link.origin())
            && format!("{}{}", link.pathname(), link.search()) != current_url()
    }

    /// The browser's path and query.
    fn current_url() -> String {
        web_sys::window()
            .map(|w| w.location())
            .map(|l| {
                format!(
                    "{}{}",
                    l.pathname().unwrap_or_default(),
                    l.search().unwrap_or_default()
                )
            })
            .unwrap_or_default()
    }
}
