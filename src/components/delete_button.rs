//! [`DeleteButton`]: a Delete button, for users with the role, behind a dialog naming the item;
//! a delete is confirmed by a toast, with Undo where the record can be re-created.

use std::{future::Future, rc::Rc};

use leptos::prelude::*;

use super::{inline_form::Pending, ConfirmDialog, RequireRole, Submission, Toasts, Undo};
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
    /// The toast confirming the delete: "Address deleted from Zoë Müller".
    #[prop(optional, into)]
    toast: Option<Signal<String>>,
    /// How the toast's Undo brings the record back; without it the toast has no Undo.
    #[prop(optional)]
    undo: Option<Undo>,
) -> impl IntoView
where
    D: Fn() -> Fut + 'static,
    Fut: Future<Output = Result<(), ApiError>> + 'static,
{
    // Type-erased here, so the button and dialog are compiled once.
    let delete: Rc<dyn Fn() -> Pending> = Rc::new(move || Box::pin(delete()));
    button_view(what, roles, delete, on_deleted, consequence, toast, undo)
}

fn button_view(
    what: String,
    roles: &'static [&'static str],
    delete: Rc<dyn Fn() -> Pending>,
    on_deleted: Callback<()>,
    consequence: &'static str,
    toast: Option<Signal<String>>,
    undo: Option<Undo>,
) -> AnyView {
    let delete = StoredValue::new_local(delete);
    let undo = StoredValue::new_local(undo);
    let toasts = use_context::<Toasts>();
    let open = RwSignal::new(false);
    let submission = Submission::new(RwSignal::new(None));
    let confirm = move |_| {
        submission.send(
            move || delete.with_value(|delete| delete()),
            move |()| {
                open.try_set(false);
                let told = toast.and_then(|text| text.try_get_untracked());
                let undo = undo.try_get_value().flatten();
                on_deleted.run(());
                match (toasts, told, undo) {
                    (Some(toasts), Some(told), Some(undo)) => undo.offer(toasts, told),
                    (Some(toasts), Some(told), None) => toasts.success(told),
                    _ => {}
                }
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
