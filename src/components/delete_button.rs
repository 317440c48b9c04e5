//! [`DeleteButton`]: a Delete button, for users with the role, behind a dialog naming the item.

use std::{future::Future, rc::Rc};

use leptos::prelude::*;

use super::{inline_form::Pending, ConfirmDialog, RequireRole, Submission};
use crate::api::ApiError;

/// Asks "Delete `what`?" and, on confirm, runs `delete` once; `on_deleted` follows success,
/// an error stays in the dialog.
#[component]
pub fn DeleteButton<D, Fut>(
    /// Names the item: "address 1 Main St, London".
    what: String,
    /// Roles allowed to delete; without them the button is not shown.
    roles: &'static [&'static str],
    /// Sends the delete.
    delete: D,
    /// After a successful delete.
    on_deleted: Callback<()>,
    /// What else goes with it, when more than the item itself.
    #[prop(optional)]
    consequence: &'static str,
) -> impl IntoView
where
    D: Fn() -> Fut + 'static,
    Fut: Future<Output = Result<(), ApiError>> + 'static,
{
    // Type-erased here, so the button and dialog are compiled once.
    let delete: Rc<dyn Fn() -> Pending> = Rc::new(move || Box::pin(delete()));
    button_view(what, roles, delete, on_deleted, consequence)
}

fn button_view(
    what: String,
    roles: &'static [&'static str],
    delete: Rc<dyn Fn() -> Pending>,
    on_deleted: Callback<()>,
    consequence: &'static str,
) -> AnyView {
    let delete = StoredValue::new_local(delete);
    let open = RwSignal::new(false);
    let submission = Submission::new(RwSignal::new(None));
    let confirm = move |_| {
        submission.send(
            move || delete.with_value(|delete| delete()),
            move |()| {
                open.try_set(false);
                on_deleted.run(());
            },
            |_| {},
        );
    };
    let message = match consequence {
        "" => "This cannot be undone.".to_owned(),
        more => format!("{more} This cannot be undone."),
    };
    let label = format!("Delete {what}");
    view! {
        <RequireRole roles what="Deleting" quiet=true>
            <button type="button" class="link danger-link" aria-label=label.clone()
                on:click=move |_| { submission.failure.set(None); open.set(true); }>
                "Delete"
            </button>
        </RequireRole>
        <ConfirmDialog
            open
            title=format!("Delete {what}?")
            message=message
            confirm_label="Yes, delete"
            on_confirm=Callback::new(confirm)
            pending=submission.pending().into()
            error=submission.failure.into()
        />
    }
    .into_any()
}
