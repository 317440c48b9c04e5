//! [`ExportButton`]: downloads customers as a CSV file with exactly the list's shown columns and
//! cell texts (personal data masked unless revealed), from one of the row sets it is given: the
//! page on screen, or every search match.

use leptos::prelude::*;

use crate::{
    backend::{Backend, Column, CustomerRecord},
    components::{download, Modal, Toasts},
    csv_text, dates,
    state::{ListPrefs, Session},
};

/// Rows the export offers, with the label naming them ("This page").
#[derive(Clone, Debug, PartialEq)]
pub struct ExportSet {
    /// What these rows are.
    pub label: String,
    /// The rows, in the list's order.
    pub rows: Vec<CustomerRecord>,
}

/// The rows of a CSV file of `rows` in `columns` as the list shows them: headings first.
pub fn export_rows(
    columns: &[(Column, &'static str)],
    rows: &[CustomerRecord],
    reveal: bool,
) -> Vec<Vec<String>> {
    let headings = columns.iter().map(|(_, h)| (*h).to_owned()).collect();
    let cells = rows.iter().map(|record| {
        columns
            .iter()
            .map(|(column, _)| column.text(record, reveal))
            .collect()
    });
    std::iter::once(headings).chain(cells).collect()
}

/// "1 customer", "25 customers".
fn customers(count: usize) -> String {
    match count {
        1 => "1 customer".to_owned(),
        _ => format!("{count} customers"),
    }
}

/// "Export CSV…" and its dialog: which rows, the columns, the file name, and whether personal
/// data is in it.
#[component]
pub fn ExportButton(
    /// The row sets offered; the first is chosen at first.
    sets: Signal<Vec<ExportSet>>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let chosen = RwSignal::new(0_usize);
    let prefs = expect_context::<ListPrefs>();
    let session = expect_context::<Session>();
    let toasts = expect_context::<Toasts>();
    let all_columns = expect_context::<Backend>().capabilities().columns;
    let file_name =
        move || csv_text::file_name("customers", &session.tenant.get(), &dates::today());
    let columns = move || prefs.shown(all_columns);
    let save = move |_| {
        let reveal = prefs.reveal.get_untracked();
        let set = sets.with_untracked(|sets| sets.get(chosen.get_untracked()).cloned());
        let Some(set) = set else {
            return;
        };
        let text = csv_text::write(export_rows(&columns(), &set.rows, reveal));
        match download(&file_name(), "text/csv;charset=utf-8", &text) {
            Ok(()) => {
                open.set(false);
                toasts.success(format!("Exported {}", customers(set.rows.len())));
            }
            Err(_) => toasts.error("The browser refused the download."),
        }
    };
    let choices = move || {
        let sets = sets.get();
        if sets.len() < 2 {
            let only = sets
                .first()
                .map(|set| format!("{}: {}", set.label, customers(set.rows.len())));
            return view! { <p>{only}</p> }.into_any();
        }
        let radios = sets
            .into_iter()
            .enumerate()
            .map(|(index, set)| {
                let id = format!("export-set-{index}");
                let text = format!("{} ({})", set.label, customers(set.rows.len()));
                view! {
                    <div class="choice">
                        <input type="radio" id=id.clone() name="export-set"
                            prop:checked=move || chosen.get() == index
                            on:change=move |_| chosen.set(index) />
                        <label for=id>{text}</label>
                    </div>
                }
            })
            .collect_view();
        view! { <fieldset><legend>"Rows"</legend>{radios}</fieldset> }.into_any()
    };
    let column_names = move || {
        columns()
            .iter()
            .map(|(_, heading)| *heading)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let pii_note = move || {
        if prefs.reveal.get() {
            "Personal data (email, phone, date of birth) is revealed, so the file holds it in full."
        } else {
            "Personal data (email, phone, date of birth) is masked, so the file holds it masked. \
             Choose \u{201c}Show personal data\u{201d} first to export it."
        }
    };
    view! {
        <button type="button" class="secondary" aria-haspopup="dialog"
            on:click=move |_| { chosen.set(0); open.set(true) }>
            "Export CSV\u{2026}"
        </button>
        <Modal open labelled_by="export-title">
            <h2 id="export-title">"Export customers to CSV"</h2>
            {choices}
            <p>"Columns: "{column_names}</p>
            <p class="pii-note">{pii_note}</p>
            <p>"File: "<span class="mono">{file_name}</span></p>
            <div class="dialog-actions">
                <button type="button" class="secondary" on:click=move |_| open.set(false)>"Cancel"</button>
                <button type="button" on:click=save>"Download CSV"</button>
            </div>
        </Modal>
    }
}
