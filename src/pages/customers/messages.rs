//! `/customers/:id/messages`: the messages the bank sent the customer, and a form to send one.

use leptos::prelude::*;

use super::scope::CustomerScope;
use crate::{
    api::{messages, roles},
    components::{Edits, FieldGrid, FormState, InlineForm, ListView, Panel},
    dates,
    forms::message,
    state::Session,
};

/// The Messages tab.
#[component]
pub fn MessagesTab() -> impl IntoView {
    let scope = expect_context::<CustomerScope>();
    let session = expect_context::<Session>();
    let items = scope.load(|api, bank, id| async move { messages::list(&api, &bank, &id).await });
    let edits = Edits::reloading(items);
    let add = edits.add("Send a message", roles::CREATE_MESSAGE, "Sending messages");
    let username = session
        .user
        .with_untracked(|u| u.as_ref().map(|u| u.username.clone()))
        .unwrap_or_default();
    let state = FormState::new(message::new_values(&username));
    let send = move |body: messages::NewMessage| {
        let (api, bank, customer) = scope.target();
        async move { messages::send(&api, &bank, &customer, &body).await }
    };
    let saved = Callback::new(move |_| {
        state.reset(message::new_values(&username));
        edits.saved.run(());
    });
    view! {
        <Panel title="Messages" id="messages-title" add>
            <Show when=move || edits.adding.get()>
                <InlineForm state make=message::build send on_saved=saved
                    on_cancel=edits.cancel_add() label="New message".to_owned()
                    submit_label="Send">
                    <h3 class="form-title">"New message"</h3>
                    <FieldGrid fields=message::FIELDS form_id="message" form=state />
                </InlineForm>
            </Show>
            <ListView items what="messages" empty="No messages have been sent to this customer." let:list>
                <ul class="message-list">
                    {list.into_iter().map(|m| view! {
                        <li class="message">
                            <p class="message-meta">
                                <span class="tag">{m.transport}</span>
                                <span class="nowrap">{dates::display(&m.date)}</span>
                                <span class="muted">{format!("{} \u{00b7} {}", m.from_person, m.from_department)}</span>
                            </p>
                            <p class="message-text">{m.message}</p>
                        </li>
                    }).collect_view()}
                </ul>
            </ListView>
        </Panel>
    }
}
