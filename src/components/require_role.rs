//! [`RequireRole`]: renders an action only for users holding one of its roles; others see which
//! role is missing instead.

use leptos::prelude::*;

use crate::state::Session;

/// Shows `children` when the user holds any of `roles` at the current bank.
#[component]
pub fn RequireRole(
    /// Roles that allow the action; any one suffices.
    roles: &'static [&'static str],
    /// The action, for the note shown to users without the role ("Creating customers").
    what: &'static str,
    /// The action itself.
    children: ChildrenFn,
) -> impl IntoView {
    let session = expect_context::<Session>();
    // Memoised: re-reading the same user must not rebuild the action's DOM.
    let allowed = Memo::new(move |_| session.allows(roles));
    move || match allowed.get() {
        None => ().into_any(),
        Some(true) => children().into_any(),
        Some(false) => {
            let needed = roles.join(" or ");
            view! {
                <span class="role-note" title=format!("Ask an administrator for {needed}")>
                    {format!("{what} needs the role {needed}")}
                </span>
            }
            .into_any()
        }
    }
}
