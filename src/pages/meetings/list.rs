//! `/meetings`: the bank's meetings, newest first as OBP lists them, and the form to set one up.

use leptos::prelude::*;
use leptos_router::components::A;

use super::{
    create::{NewMeetingForm, DRAFT},
    meeting_path,
};
use crate::{
    api::{
        meetings::{self, Meeting},
        roles, Api,
    },
    components::{drafts_here, AddAction, DataTable, ListShortcuts, ListView, Panel},
    dates,
    state::Session,
};

/// The meetings page.
#[component]
pub fn MeetingsPage() -> impl IntoView {
    let api = expect_context::<Api>();
    let session = expect_context::<Session>();
    let items = LocalResource::new(move || {
        api.connection().track_reconnects();
        let (api, bank) = (api.clone(), session.tenant.get());
        async move { meetings::list(&api, &bank).await }
    });
    // Open again when it was left with a draft (the session ended).
    let adding = RwSignal::new(drafts_here().iter().any(|form| form.starts_with(DRAFT)));
    let saved = Callback::new(move |_| {
        adding.set(false);
        items.refetch();
    });
    let add = AddAction {
        label: "New meeting",
        roles: roles::CREATE_MEETING,
        what: "Creating meetings",
        open: adding,
    };
    view! {
        <div class="page-header">
            <div>
                <h1>"Meetings"</h1>
                <p class="muted">"Video calls with customers at this bank."</p>
            </div>
        </div>
        <Panel title="Newest first" id="meetings-title" add>
            <Show when=move || adding.get()>
                <NewMeetingForm on_saved=saved on_cancel=Callback::new(move |_| adding.set(false)) />
            </Show>
            <ListShortcuts>
                <ListView items what="meetings" empty="No meetings at this bank yet." let:list>
                    <DataTable headings=&["When", "Purpose", "Provider", "Created by", "Invitees"]>
                        {list.into_iter().map(|meeting| view! { <MeetingRow meeting /> }).collect_view()}
                    </DataTable>
                </ListView>
            </ListShortcuts>
        </Panel>
    }
}

#[component]
fn MeetingRow(meeting: Meeting) -> impl IntoView {
    let invitees = meeting
        .invitees
        .iter()
        .map(|i| format!("{} ({})", i.contact_details.name, i.status))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <tr>
            <td class="nowrap">
                <A href=meeting_path(&meeting.meeting_id)>{dates::display_time(&meeting.when)}</A>
            </td>
            <td>{meeting.purpose_id}</td>
            <td>{meeting.provider_id}</td>
            <td>{meeting.creator.name}</td>
            <td>{invitees}</td>
        </tr>
    }
}
