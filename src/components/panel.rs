//! [`Panel`]: a titled card of the customer page with an optional Add button.

use leptos::prelude::*;

use super::RequireRole;

/// The Add button of a panel: its label, the roles allowed to add, and the signal it opens.
#[derive(Clone, Copy)]
pub struct AddAction {
    /// "Add address".
    pub label: &'static str,
    /// Roles allowed to add.
    pub roles: &'static [&'static str],
    /// For the note to users without the role: "Adding addresses".
    pub what: &'static str,
    /// True while the add form is open.
    pub open: RwSignal<bool>,
}

/// A `<section>` card titled `title`, with `add`'s button (hidden while its form is open).
#[component]
pub fn Panel(
    /// The heading.
    title: &'static str,
    /// Element id of the heading, unique on the page.
    id: &'static str,
    /// The Add button, if items can be added.
    #[prop(optional)]
    add: Option<AddAction>,
    /// The panel's content.
    children: Children,
) -> impl IntoView {
    view! {
        <section class="card panel" aria-labelledby=id>
            <header class="card-header">
                <h2 id=id>{title}</h2>
                {add.map(|add| view! {
                    <Show when=move || !add.open.get()>
                        <RequireRole roles=add.roles what=add.what>
                            <button type="button" class="secondary" on:click=move |_| add.open.set(true)>
                                {add.label}
                            </button>
                        </RequireRole>
                    </Show>
                })}
            </header>
            {children()}
        </section>
    }
}
