//! [`RequireRole`] and [`RoleNote`]: actions shown only to users holding one of their roles;
//! others learn which role is missing. [`RoleBank`] says at which bank.

use leptos::prelude::*;

use crate::state::Session;

/// The bank whose roles [`RequireRole`] and [`RoleNote`] check below the view that provides it
/// as context: the customer page provides its customer's bank. Without it, the header's bank.
#[derive(Clone, Copy)]
pub struct RoleBank(pub Signal<String>);

/// Whether the user holds any of `roles` at the [`RoleBank`] (else the current bank); `None`
/// until the user is known. Memoised: re-reading the same user must not rebuild the action's DOM.
fn allowed(roles: &'static [&'static str]) -> Memo<Option<bool>> {
    let session = expect_context::<Session>();
    let bank = use_context::<RoleBank>();
    Memo::new(move |_| match bank {
        Some(RoleBank(bank)) => bank.with(|bank| session.allows_at(bank, roles)),
        None => session.allows(roles),
    })
}

/// Shows `children` when the user holds any of `roles` at the bank. Otherwise it names
/// the missing role, unless `quiet` (for row actions, whose panel names the role once).
#[component]
pub fn RequireRole(
    /// Roles that allow the action; any one suffices.
    roles: &'static [&'static str],
    /// The action, for the note shown to users without the role ("Creating customers").
    what: &'static str,
    /// Show nothing instead of the note.
    #[prop(optional)]
    quiet: bool,
    /// The action itself.
    children: ChildrenFn,
) -> impl IntoView {
    let allowed = allowed(roles);
    move || match allowed.get() {
        Some(true) => children().into_any(),
        Some(false) if !quiet => view! { <Note roles what /> }.into_any(),
        _ => ().into_any(),
    }
}

/// The note "`what` needs the role …", shown only to users who lack all of `roles`.
#[component]
pub fn RoleNote(
    /// Roles that allow the action.
    roles: &'static [&'static str],
    /// The action ("Deleting addresses").
    what: &'static str,
) -> impl IntoView {
    let allowed = allowed(roles);
    move || (allowed.get() == Some(false)).then(|| view! { <Note roles what /> })
}

#[component]
fn Note(roles: &'static [&'static str], what: &'static str) -> impl IntoView {
    let needed = roles.join(" or ");
    view! {
        <span class="role-note" title=format!("Ask an administrator for {needed}")>
            {format!("{what} needs the role {needed}")}
        </span>
    }
}
