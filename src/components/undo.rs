//! [`Undo`]: how a delete is taken back: the record re-created, through the API's create, from
//! the values the console had. The toast says so when the record comes back under a new id.

use std::{future::Future, rc::Rc};

use leptos::{prelude::*, task::spawn_local};

use super::Toasts;
use crate::api::{ApiError, LocalFuture};

/// Re-creates a deleted record; answers its id.
type Recreate = Rc<dyn Fn() -> LocalFuture<Result<String, ApiError>>>;

/// What Undo does after a delete.
#[derive(Clone)]
pub struct Undo {
    recreate: Recreate,
    old_id: String,
    restored: Signal<String>,
    then: Callback<String>,
}

impl Undo {
    /// Undo of deleting the record `old_id`: `recreate` sends its create again and answers the
    /// new id; then the toast says `restored` ("Address restored to Zoë Müller"), and `then`
    /// gets the id (to reload the list and highlight the row).
    pub fn new<F, Fut>(
        old_id: String,
        restored: Signal<String>,
        recreate: F,
        then: Callback<String>,
    ) -> Self
    where
        F: Fn() -> Fut + 'static,
        Fut: Future<Output = Result<String, ApiError>> + 'static,
    {
        Self {
            recreate: Rc::new(move || Box::pin(recreate())),
            old_id,
            restored,
            then,
        }
    }

    /// Shows the toast `deleted` with Undo. Pressing it removes the toast, so the record is
    /// sent once; an error stays as an error toast.
    pub(super) fn offer(self, toasts: Toasts, deleted: String) {
        let Self {
            recreate,
            old_id,
            restored,
            then,
        } = self;
        let restored = restored.get_untracked();
        toasts.with_undo(deleted.clone(), move || {
            spawn_local(async move {
                match recreate().await {
                    Ok(id) => {
                        toasts.success(match id == old_id {
                            true => restored,
                            false => format!("{restored} as a new record"),
                        });
                        then.try_run(id);
                    }
                    Err(error) => toasts.error(format!("{deleted}; undo failed: {error}")),
                }
            });
        });
    }
}
