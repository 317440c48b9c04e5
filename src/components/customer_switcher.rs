//! [`CustomerSwitcher`]: `Ctrl+K` / `⌘K` anywhere (or the header's "Find customer" button) opens
//! a dialog that searches the customer index of the current bank or profile and opens the chosen
//! customer's page: type, move with ↑/↓, open with Enter or a click. It is a [`Modal`]: focus
//! stays inside while it is open and goes back where it was when it closes; Escape closes it.

use leptos::{ev, prelude::*};
use leptos_router::hooks::use_navigate;

use super::{IndexStatusLine, MarkedText, Modal};
use crate::{
    backend::{customer_path, Backend, Column, CustomerRecord},
    search::{matched_ranges, Field, Query},
    state::{CustomerIndex, ListPrefs, Session},
};

/// Matches listed.
const LISTED: usize = 8;

/// The header button and the dialog it opens.
#[component]
pub fn CustomerSwitcher() -> impl IntoView {
    let open = RwSignal::new(false);
    let show = move || {
        if !open.get_untracked() {
            open.set(true);
        }
    };
    let close = Callback::new(move |()| open.set(false));
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
        <Modal open labelled_by="switcher-title" class="switcher">
            <SwitcherDialog close open_customer />
        </Modal>
    }
}

/// The open dialog's content.
#[component]
fn SwitcherDialog(close: Callback<()>, open_customer: Callback<CustomerRecord>) -> impl IntoView {
    let index = expect_context::<CustomerIndex>();
    let session = expect_context::<Session>();
    let reveal = expect_context::<ListPrefs>().reveal;
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
    let go = move |at: usize| {
        if let Some(record) = found.with_untracked(|(rows, _)| rows.get(at).cloned()) {
            open_customer.run(record);
        }
    };
    let keys = move |ev: ev::KeyboardEvent| {
        let count = found.with_untracked(|(rows, _)| rows.len());
        match ev.key().as_str() {
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
            _ => {}
        }
    };
    let option_id = |at: usize| format!("switcher-option-{at}");
    let options = move || {
        let (rows, query) = found.get();
        // The e-mail as every customer list shows it: masked until "Show personal data".
        let reveal = reveal.get();
        rows.into_iter()
            .enumerate()
            .map(|(at, record)| {
                let name = matched_ranges(&record.name, Field::Name, &query);
                let email = Column::Email.text(&record, reveal);
                let details = [record.number.as_str(), email.as_str()]
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
        <h2 id="switcher-title">"Find a customer"</h2>
        <label for="switcher-input">"Name, e-mail, phone or customer number"</label>
        <input id="switcher-input" type="search" autocomplete="off" spellcheck="false"
            role="combobox" aria-expanded="true"
            aria-controls="switcher-results" aria-autocomplete="list"
            aria-activedescendant=move || {
                found.with(|(rows, _)| (!rows.is_empty()).then(|| option_id(active.get())))
            }
            prop:value=move || text.get()
            on:input=move |ev| {
                text.set(event_target_value(&ev));
                active.set(0);
            }
            on:keydown=keys />
        <ul id="switcher-results" role="listbox" aria-label="Matching customers"
            class="switcher-results">
            {options}
        </ul>
        {empty}
        <IndexStatusLine />
        <div class="dialog-actions">
            <button type="button" class="secondary" on:click=move |_| close.run(())>
                "Close"
            </button>
        </div>
    }
}
