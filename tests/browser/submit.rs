//! The one double-submit rule, on the primitive every form, inline form and delete sends
//! through: while a send is on its way, another press sends nothing; the error is kept until
//! the next send starts.

use std::{cell::Cell, rc::Rc};

use customer_console::{api::ApiError, components::Submission};
use futures::channel::oneshot;
use leptos::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::dom::sleep;

#[wasm_bindgen_test]
async fn a_submission_sends_once_while_pending_and_keeps_its_error() {
    // Mounting starts Leptos's executor, which runs the sends.
    leptos::mount::mount_to_body(|| ());
    let owner = Owner::new();
    let submission = owner.with(|| Submission::new(RwSignal::new(None)));
    let sent = Rc::new(Cell::new(0));
    let answered = Rc::new(Cell::new(0));

    let (answer, answered_with) = oneshot::channel::<Result<(), ApiError>>();
    let send = |answers: oneshot::Receiver<Result<(), ApiError>>| {
        let (sent, answered) = (sent.clone(), answered.clone());
        submission.send(
            move || {
                sent.set(sent.get() + 1);
                async move { answers.await.unwrap_or(Err(ApiError::Timeout)) }
            },
            move |()| answered.set(answered.get() + 1),
            |_| {},
        )
    };
    assert!(send(answered_with), "the first press sends");
    assert!(submission.pending().get_untracked());
    let (_, unused) = oneshot::channel();
    assert!(!send(unused), "a second press while pending sends nothing");
    assert_eq!(sent.get(), 1);

    answer.send(Err(ApiError::Timeout)).unwrap();
    sleep(20).await;
    assert!(!submission.pending().get_untracked());
    assert_eq!(answered.get(), 0);
    assert_eq!(submission.failure.get_untracked(), Some(ApiError::Timeout));

    let (answer, answered_with) = oneshot::channel();
    assert!(send(answered_with), "once answered, the next press sends");
    assert_eq!(
        submission.failure.get_untracked(),
        None,
        "a new send clears the error"
    );
    answer.send(Ok(())).unwrap();
    sleep(20).await;
    assert_eq!((sent.get(), answered.get()), (2, 1));
    drop(owner);
}
