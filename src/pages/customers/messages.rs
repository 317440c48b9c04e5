//! `/banks/:bank_id/customers/:customer_id/messages`: the messages the bank sent the customer, and
//! a form to send one.

use leptos::prelude::*;

use super::scope::CustomerScope;
use crate::{
    api::{messages, roles},
    components::{AddForm, Change, Edits, ListView, Panel},
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
    let send = move |body: messages::NewMessage| {
        let (api, bank, customer) = scope.target();
        async move { messages::send(&api, &bank, &customer, &body).await }
    };
    view! {
        <Panel title="Messages" id="messages-title" add>
            <AddForm label="New message" form_id="message" fields=message::FIELDS
                values=message::new_values(&username) make=message::build send edits submit_label="Send"
                toast=scope.told("Message", Change::Sent) />
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
