//! [`Modal`]: a dialog over the page that takes focus when it opens, keeps Tab inside, closes on
//! Escape or a click beside it, and gives focus back to where it was.

use leptos::{html, prelude::*};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// What Tab moves between inside the dialog.
const FOCUSABLE: &str = "a[href], button:not([disabled]), input:not([disabled]), \
                         select:not([disabled]), textarea:not([disabled]), [tabindex=\"0\"]";

/// A modal `role=dialog` labelled by the element with id `labelled_by` among `children`.
#[component]
pub fn Modal(
    /// Whether it is shown; it sets this to false when it closes itself.
    open: RwSignal<bool>,
    /// The id of its heading.
    labelled_by: &'static str,
    /// A class of its own, beside `dialog`.
    #[prop(optional)]
    class: &'static str,
    /// The dialog's content.
    children: ChildrenFn,
) -> impl IntoView {
    let panel = NodeRef::<html::Div>::new();
    let back_to = StoredValue::new_local(None::<HtmlElement>);
    // Opening: remember what had focus, then focus the first control inside.
    Effect::new(move || {
        if let Some(panel) = panel.get() {
            back_to.set_value(active_element());
            if let Some(first) = focusables(&panel).into_iter().next() {
                let _ = first.focus();
            }
        }
    });
    // Closing: give focus back.
    Effect::new(move |was_open: Option<bool>| {
        let is_open = open.get();
        if was_open == Some(true) && !is_open {
            if let Some(element) = back_to.get_value() {
                let _ = element.focus();
            }
        }
        is_open
    });
    let on_keydown = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            ev.prevent_default();
            open.set(false);
        }
        "Tab" => {
            let Some(panel) = panel.get_untracked() else {
                return;
            };
            let inside = focusables(&panel);
            let (Some(first), Some(last)) = (inside.first(), inside.last()) else {
                return;
            };
            let active = active_element();
            let at_edge = if ev.shift_key() { first } else { last };
            if active.as_ref() == Some(at_edge) || active.is_none_or(|a| !panel.contains(Some(&a)))
            {
                ev.prevent_default();
                let _ = if ev.shift_key() { last } else { first }.focus();
            }
        }
        _ => {}
    };
    view! {
        // `try_get`: a close just before the page goes away must not read a disposed signal.
        <Show when=move || open.try_get().unwrap_or(false)>
            <div class="dialog-backdrop" on:click=move |_| open.set(false)>
                <div
                    class=format!("dialog {class}")
                    role="dialog"
                    aria-modal="true"
                    aria-labelledby=labelled_by
                    node_ref=panel
                    on:click=|ev| ev.stop_propagation()
                    on:keydown=on_keydown
                >
                    {children()}
                </div>
            </div>
        </Show>
    }
}

/// The element that has focus, if any.
fn active_element() -> Option<HtmlElement> {
    web_sys::window()?
        .document()?
        .active_element()?
        .dyn_into()
        .ok()
}

/// The controls Tab reaches inside `panel`, in order.
fn focusables(panel: &web_sys::HtmlDivElement) -> Vec<HtmlElement> {
    let Ok(found) = panel.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into().ok())
        .collect()
}
