//! [`CustomerSwitcher`]: `Ctrl+K` / `⌘K` anywhere (or the header's "Find customer" button) opens
//! a dialog that searches the customer index of the current bank or profile and opens the chosen
//! customer's page: type, move with ↑/↓, open with Enter or a click. Focus stays inside the
//! dialog while it is open and goes back where it was when it closes; Escape closes it.

use leptos::{ev, html, prelude::*};
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

use super::{IndexStatusLine, MarkedText};
use crate::{
    backend::{customer_path, Backend, CustomerRecord},
    search::{matched_ranges, Field, Query},
    state::{CustomerIndex, Session},
};

/// Matches listed.
const LISTED: usize = 8;

/// The header button and the dialog it opens.
#[component]
pub fn CustomerSwitcher() -> impl IntoView {
    let open = RwSignal::new(false);
    let opened_from = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let show = move || {
        if open.get_untracked() {
            return;
        }
        let focused = document()
            .active_element()
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
        opened_from.set_value(focused);
        open.set(true);
    };
    let close = Callback::new(move |()| {
        open.set(false);
        if let Some(element) = opened_from.get_value() {
            // The element may have gone with a page change; focusing it then does nothing.
            let _ = element.focus();
        }
    });
    // Owned here, not by the dialog, which is gone by the time its customer's page opens.
    let backend = expect_context::<Backend>();
    let navigate = use_navigate();
    let open_customer = Callback::new(move |record: CustomerRecord| {
        close.run(());
        navigate(&customer_path(backend, &record), Default::default());
    });
    let shortcut = window_event_listener(ev::keydown, move |ev| {
        if (ev.ctrl_key() || ev.meta_key()) && ev.key().eq_ignore_ascii_case("k") {
            ev.prevent_default();
            show();
        }
    });
    on_cleanup(move || shortcut.remove());
    view! {
        <button type="button" class="secondary switcher-button" aria-keyshortcuts="Control+K Meta+K"
            title="Find a customer (Ctrl+K)" on:click=move |_| show()>
            "Find customer"
        </button>
        <Show when=move || open.get()>
            <SwitcherDialog close open_customer />
        </Show>
    }
}

/// The open dialog.
#[component]
fn SwitcherDialog(close: Callback<()>, open_customer: Callback<CustomerRecord>) -> impl IntoView {
    let index = expect_context::<CustomerIndex>();
    let session = expect_context::<Session>();
    index.ensure(&session.tenant.get_untracked());
    let text = RwSignal::new(String::new());
    let active = RwSignal::new(0usize);
    let query = Memo::new(move |_| Query::parse(&text.get()));
    // The query travels with its matches, so each option is marked for the query it matched.
    let found = Memo::new(move |_| {
        let query = query.get();
        let rows = index.matches(&session.tenant.get(), &query, LISTED).1;
        (rows, query)
    });
    let (input, last) = (
        NodeRef::<html::Input>::new(),
        NodeRef::<html::Button>::new(),
    );
    Effect::new(move || {
        if let Some(input) = input.get() {
            let _ = input.focus();
        }
    });
    let go = move |at: usize| {
        if let Some(record) = found.with_untracked(|(rows, _)| rows.get(at).cloned()) {
            open_customer.run(record);
        }
    };
    let keys = move |ev: ev::KeyboardEvent| {
        let count = found.with_untracked(|(rows, _)| rows.len());
        match ev.key().as_str() {
            "Escape" => close.run(()),
            "ArrowDown" if count > 0 => {
                ev.prevent_default();
                active.update(|a| *a = (*a + 1) % count);
            }
            "ArrowUp" if count > 0 => {
                ev.prevent_default();
                active.update(|a| *a = (*a + count - 1) % count);
            }
            "Enter" if count > 0 => {
                ev.prevent_default();
                go(active.get_untracked());
            }
            // Focus wraps around: from the last control to the search box and back.
            "Tab" => {
                let target = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                let is = |node: Option<web_sys::Element>| {
                    node.zip(target.clone()).is_some_and(|(a, b)| a == b)
                };
                let (first, final_) = (
                    input
                        .get_untracked()
                        .map(|e| e.unchecked_into::<web_sys::Element>()),
                    last.get_untracked()
                        .map(|e| e.unchecked_into::<web_sys::Element>()),
                );
                let wrap_to = match ev.shift_key() {
                    true if is(first.clone()) => final_,
                    false if is(final_) => first,
                    _ => None,
                };
                if let Some(element) =
                    wrap_to.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    ev.prevent_default();
                    let _ = element.focus();
                }
            }
            _ => {}
        }
    };
    let option_id = |at: usize| format!("switcher-option-{at}");
    let options = move || {
        let (rows, query) = found.get();
        rows.into_iter()
            .enumerate()
            .map(|(at, record)| {
                let name = matched_ranges(&record.name, Field::Name, &query);
                let details = [record.number.as_str(), record.email.as_str()]
                    .into_iter()
                    .filter(|part| !part.is_empty())
                    .collect::<Vec<_>>()
                    .join(" \u{b7} ");
                view! {
                    <li id=option_id(at) role="option" class="switcher-option"
                        aria-selected=move || (active.get() == at).to_string()
                        on:mousemove=move |_| active.set(at)
                        on:click=move |_| go(at)>
                        <span class="switcher-name"><MarkedText text=record.name.clone() ranges=name /></span>
                        <span class="muted">{details}</span>
                    </li>
                }
            })
            .collect_view()
    };
    let empty = move || {
        let typed = !query.with(Query::is_empty);
        (typed && found.with(|(rows, _)| rows.is_empty())).then(|| {
            view! {
                <p class="empty-state">"No customer matches."</p>
            }
        })
    };
    view! {
        <div class="dialog-backdrop" on:click=move |_| close.run(())>
            <div class="dialog switcher" role="dialog" aria-modal="true"
                aria-labelledby="switcher-title" on:click=|ev| ev.stop_propagation()
                on:keydown=keys>
                <h2 id="switcher-title">"Find a customer"</h2>
                <label for="switcher-input">"Name, e-mail, phone or customer number"</label>
                <input id="switcher-input" type="search" autocomplete="off" spellcheck="false"
                    node_ref=input role="combobox" aria-expanded="true"
                    aria-controls="switcher-results" aria-autocomplete="list"
                    aria-activedescendant=move || {
                        found.with(|(rows, _)| (!rows.is_empty()).then(|| option_id(active.get())))
                    }
                    prop:value=move || text.get()
                    on:input=move |ev| {
                        text.set(event_target_value(&ev));
                        active.set(0);
                    } />
                <ul id="switcher-results" role="listbox" aria-label="Matching customers"
                    class="switcher-results">
                    {options}
                </ul>
                {empty}
                <IndexStatusLine />
                <div class="dialog-actions">
                    <button type="button" class="secondary" node_ref=last
                        on:click=move |_| close.run(())>
                        "Close"
                    </button>
                </div>
            </div>
        </div>
    }
}
