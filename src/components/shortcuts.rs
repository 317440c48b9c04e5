//! Keyboard-first lists: [`ListShortcuts`] wraps a list's table and answers `/` (focus the
//! search field), `j`/`k` and ↑/↓ (move the selection), `Enter` (open the selected row), `n`
//! (new customer, for users who may create) and `?` (the shortcut help). No shortcut fires while
//! the user types in a field, with Ctrl, Alt or Meta held, or under a modal dialog.

use leptos::{ev, html, prelude::*};
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent, ScrollIntoViewOptions, ScrollLogicalPosition};

use super::Modal;
use crate::{backend::Backend, state::Session};

/// Where `n` leads.
const NEW_CUSTOMER: &str = "/customers/new";

/// A list shortcut.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortcut {
    /// `/`: focus the list's search or filter field.
    Search,
    /// `j` or ↓: select the next row.
    Next,
    /// `k` or ↑: select the previous row.
    Previous,
    /// `Enter`: open the selected row.
    Open,
    /// `n`: start a new customer.
    New,
    /// `?`: show the shortcuts.
    Help,
}

impl Shortcut {
    /// The shortcut a key press means; none with Ctrl, Alt or Meta held (Shift gives `?`).
    pub fn of_key(key: &str, ctrl: bool, alt: bool, meta: bool) -> Option<Self> {
        if ctrl || alt || meta {
            return None;
        }
        Some(match key {
            "/" => Self::Search,
            "j" | "ArrowDown" => Self::Next,
            "k" | "ArrowUp" => Self::Previous,
            "Enter" => Self::Open,
            "n" => Self::New,
            "?" => Self::Help,
            _ => return None,
        })
    }
}

/// The keys the help dialog lists, with what they do.
pub const HELP: &[(&str, &str)] = &[
    ("/", "Focus the search or filter field"),
    ("j or \u{2193}", "Select the next row"),
    ("k or \u{2191}", "Select the previous row"),
    ("Enter", "Open the selected row"),
    ("n", "New customer"),
    ("?", "Show these shortcuts"),
    ("Ctrl+K or \u{2318}K", "Find a customer"),
    ("Escape", "Close a dialog"),
];

/// Whether `target` is a field the user types in: an input, textarea, select or editable text.
pub fn is_typing_in(target: Option<&Element>) -> bool {
    target.is_some_and(|element| {
        matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            || element
                .dyn_ref::<HtmlElement>()
                .is_some_and(HtmlElement::is_content_editable)
    })
}

/// The list `children` (a table) with its keyboard shortcuts, and a button opening their help.
#[component]
pub fn ListShortcuts(children: Children) -> impl IntoView {
    let list = NodeRef::<html::Div>::new();
    let help = RwSignal::new(false);
    let session = expect_context::<Session>();
    let create_roles = expect_context::<Backend>().capabilities().create_roles;
    let navigate = use_navigate();
    let handle = window_event_listener(ev::keydown, move |event: KeyboardEvent| {
        let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
        if event.default_prevented() || is_typing_in(target.as_ref()) || modal_open() {
            return;
        }
        let Some(shortcut) = Shortcut::of_key(
            &event.key(),
            event.ctrl_key(),
            event.alt_key(),
            event.meta_key(),
        ) else {
            return;
        };
        let Some(list) = list.get_untracked() else {
            return;
        };
        let handled = match shortcut {
            Shortcut::Search => focus_search(),
            Shortcut::Next => select(&list, 1),
            Shortcut::Previous => select(&list, -1),
            Shortcut::Open => open_selected(&list, target.as_ref()),
            Shortcut::New => {
                let may = session.allows(create_roles) == Some(true);
                if may {
                    navigate(NEW_CUSTOMER, Default::default());
                }
                may
            }
            Shortcut::Help => {
                help.set(true);
                true
            }
        };
        if handled {
            event.prevent_default();
        }
    });
    on_cleanup(move || handle.remove());
    view! {
        <div class="keyboard-list" node_ref=list>{children()}</div>
        <p class="shortcut-hint">
            <button type="button" class="link" aria-haspopup="dialog" on:click=move |_| help.set(true)>
                "Keyboard shortcuts"
            </button>
        </p>
        <Modal open=help labelled_by="shortcuts-title">
            <h2 id="shortcuts-title">"Keyboard shortcuts"</h2>
            <dl class="shortcut-list">
                {HELP.iter().map(|(keys, what)| view! {
                    <div><dt><kbd>{*keys}</kbd></dt><dd>{*what}</dd></div>
                }).collect_view()}
            </dl>
            <div class="dialog-actions">
                <button type="button" on:click=move |_| help.set(false)>"Close"</button>
            </div>
        </Modal>
    }
}

/// Whether a modal dialog is open (its own keys are its own).
fn modal_open() -> bool {
    document()
        .query_selector("[aria-modal=\"true\"]")
        .ok()
        .flatten()
        .is_some()
}

/// Focuses the page's search field (one marked `data-shortcut-search` first, else the first
/// search input), else the first field of its toolbar.
fn focus_search() -> bool {
    let found = [
        "[data-shortcut-search]",
        "main input[type=search]",
        ".toolbar input, .toolbar select",
    ]
    .into_iter()
    .find_map(|selector| document().query_selector(selector).ok().flatten())
    .and_then(|element| element.dyn_into::<HtmlElement>().ok());
    found.is_some_and(|field| field.focus().is_ok())
}

/// The rows of the list's table.
fn rows(list: &Element) -> Vec<HtmlElement> {
    let Ok(found) = list.query_selector_all("tbody tr") else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into().ok())
        .collect()
}

/// The selected row's index among `rows`.
fn selected(rows: &[HtmlElement]) -> Option<usize> {
    rows.iter()
        .position(|row| row.get_attribute("aria-selected").as_deref() == Some("true"))
}

/// Moves the selection `step` rows (from none: to the first or last), focuses the row's link
/// (or the row) and scrolls it into view.
fn select(list: &Element, step: isize) -> bool {
    let rows = rows(list);
    let Some(last) = rows.len().checked_sub(1) else {
        return false;
    };
    let current = selected(&rows);
    let next = match current {
        None if step > 0 => 0,
        None => last,
        Some(at) => at.saturating_add_signed(step).min(last),
    };
    if let Some(at) = current {
        let _ = rows[at].remove_attribute("aria-selected");
    }
    let row = &rows[next];
    let _ = row.set_attribute("aria-selected", "true");
    let target = match row.query_selector("a[href]").ok().flatten() {
        Some(link) => link.unchecked_into::<HtmlElement>(),
        None => {
            let _ = row.set_attribute("tabindex", "-1");
            row.clone()
        }
    };
    let _ = target.focus();
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Nearest);
    row.scroll_into_view_with_scroll_into_view_options(&options);
    true
}

/// Opens the selected row's link, unless the key went to a control that answers Enter itself.
fn open_selected(list: &Element, target: Option<&Element>) -> bool {
    let on_control = target.is_some_and(|t| {
        t.closest("a[href], button, summary")
            .ok()
            .flatten()
            .is_some()
    });
    if on_control {
        return false;
    }
    let rows = rows(list);
    let link = selected(&rows).and_then(|at| rows[at].query_selector("a[href]").ok().flatten());
    match link {
        Some(link) => {
            link.unchecked_into::<HtmlElement>().click();
            true
        }
        None => false,
    }
}
