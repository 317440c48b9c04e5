//! [`ColumnChooser`] and [`RevealToggle`]: which of the backend's columns the customer list shows
//! (kept in this browser), and whether it shows personal data in full (this tab only).

use leptos::prelude::*;

use crate::{backend::Backend, state::ListPrefs};

/// A "Columns" disclosure with a checkbox per column; the name column cannot be hidden.
#[component]
pub fn ColumnChooser() -> impl IntoView {
    let prefs = expect_context::<ListPrefs>();
    let columns = expect_context::<Backend>().capabilities().columns;
    let boxes = columns
        .iter()
        .map(|(column, heading)| {
            let column = *column;
            let id = format!("column-{}", column.key());
            view! {
                <div class="choice">
                    <input type="checkbox" id=id.clone()
                        prop:checked=move || prefs.is_shown(column)
                        disabled=!column.hideable()
                        on:change=move |ev| prefs.set_shown(column, event_target_checked(&ev)) />
                    <label for=id>{*heading}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <details class="column-chooser">
            <summary>"Columns"</summary>
            <fieldset>
                <legend>"Columns shown"</legend>
                {boxes}
            </fieldset>
        </details>
    }
}

/// The "Show personal data" switch: email, phone and date of birth in full, in this tab.
#[component]
pub fn RevealToggle() -> impl IntoView {
    let prefs = expect_context::<ListPrefs>();
    view! {
        <div class="choice reveal-toggle">
            <input type="checkbox" id="reveal-personal-data"
                prop:checked=move || prefs.reveal.get()
                on:change=move |ev| prefs.reveal.set(event_target_checked(&ev)) />
            <label for="reveal-personal-data">"Show personal data"</label>
        </div>
    }
}
