//! [`Submission`]: the one way a button sends a change. It sends once however often it is
//! pressed, shows that it is pending, and keeps the API's error for the page to show. Forms,
//! inline forms, delete buttons and the customer delete all send through it. Whatever the answer,
//! a finished send empties the [`ListCache`]: a list shown next asks the API again.

use std::{cell::Cell, future::Future};

use leptos::prelude::*;

use crate::{
    api::{ApiError, LocalFuture},
    state::ListCache,
};

/// One send, handed to the action once (an action's input is borrowed, a future is not `Clone`).
struct Job(Cell<Option<LocalFuture<()>>>);

/// A change the user sends with a button. `Copy`: an action and two signals.
#[derive(Clone, Copy)]
pub struct Submission {
    action: Action<Job, ()>,
    pending: Memo<bool>,
    /// The last send's API error; cleared when the next send starts.
    pub failure: RwSignal<Option<ApiError>>,
    lists: Option<ListCache>,
}

impl Submission {
    /// A submission whose errors land in `failure`, e.g. a form's own.
    pub fn new(failure: RwSignal<Option<ApiError>>) -> Self {
        let action = Action::new_local(|job: &Job| {
            let request = job.0.take();
            async move {
                if let Some(request) = request {
                    request.await;
                }
            }
        });
        Self {
            action,
            pending: action.pending(),
            failure,
            lists: use_context::<ListCache>(),
        }
    }

    /// Whether a send is on its way.
    pub fn pending(self) -> Memo<bool> {
        self.pending
    }

    /// Sends what `make` starts, unless a send is already on its way: the one double-submit
    /// rule, so a second press (or Enter) never sends twice. On success `on_ok` gets the answer;
    /// on failure `on_err` sees the error (to put it under a field, say) before it is shown.
    /// Returns whether it sent.
    pub fn send<T, Fut>(
        self,
        make: impl FnOnce() -> Fut,
        on_ok: impl FnOnce(T) + 'static,
        on_err: impl FnOnce(&ApiError) + 'static,
    ) -> bool
    where
        T: 'static,
        Fut: Future<Output = Result<T, ApiError>> + 'static,
    {
        if self.pending.get_untracked() {
            return false;
        }
        self.failure.set(None);
        let request = make();
        let (failure, lists) = (self.failure, self.lists);
        let job: LocalFuture<()> = Box::pin(async move {
            let answer = request.await;
            if let Some(lists) = lists {
                lists.clear();
            }
            match answer {
                Ok(answer) => on_ok(answer),
                Err(error) => {
                    on_err(&error);
                    failure.try_set(Some(error));
                }
            }
        });
        self.action.dispatch_local(Job(Cell::new(Some(job))));
        true
    }
}
