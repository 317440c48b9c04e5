//! `/meetings/:meeting_id`: one meeting, its creator and its invitees. An id unknown at this
//! bank shows OBP's 400 OBP-30104.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::{
    api::{
        meetings::{self, ContactDetails, Meeting},
        Api,
    },
    components::{DataTable, ErrorView, Loading, ValueList},
    dates,
    query::route_keys,
    state::Session,
};

/// The meeting page.
#[component]
pub fn MeetingPage() -> impl IntoView {
    let api = expect_context::<Api>();
    let session = expect_context::<Session>();
    let meeting_id = route_keys::kept_param("meeting_id");
    let found = LocalResource::new(move || {
        api.connection().track_reconnects();
        let (api, bank, id) = (api.clone(), session.tenant.get(), meeting_id.get());
        async move { meetings::get(&api, &bank, &id).await }
    });
    view! {
        <div class="page-header">
            <div>
                <A href="/meetings">"\u{2190} Meetings"</A>
                <h1>"Meeting"</h1>
            </div>
        </div>
        {move || match found.get() {
            None => view! { <Loading what="meeting" /> }.into_any(),
            Some(Err(error)) => view! {
                <ErrorView error retry=Callback::new(move |_| found.refetch()) />
            }.into_any(),
            Some(Ok(meeting)) => view! { <MeetingDetails meeting /> }.into_any(),
        }}
    }
}

#[component]
fn MeetingDetails(meeting: Meeting) -> impl IntoView {
    let Meeting {
        meeting_id,
        provider_id,
        purpose_id,
        bank_id,
        present,
        when,
        creator,
        invitees,
    } = meeting;
    let ContactDetails {
        name,
        mobile_phone,
        email_address,
    } = creator;
    let about = vec![
        ("Purpose", purpose_id),
        ("When", dates::display_time(&when)),
        ("Provider", provider_id),
        ("Bank", bank_id),
        ("Meeting id", meeting_id),
        ("Staff user", present.staff_user_id),
        ("Customer user", present.customer_user_id),
    ];
    let creator = vec![
        ("Name", name),
        ("Mobile phone", mobile_phone),
        ("Email", email_address),
    ];
    let invitees = if invitees.is_empty() {
        view! { <p class="empty-note">"Nobody is invited."</p> }.into_any()
    } else {
        view! {
            <DataTable headings=&["Name", "Mobile phone", "Email", "Status"]>
                {invitees.into_iter().map(|invitee| view! {
                    <tr>
                        <td>{invitee.contact_details.name}</td>
                        <td class="mono">{invitee.contact_details.mobile_phone}</td>
                        <td>{invitee.contact_details.email_address}</td>
                        <td>{invitee.status}</td>
                    </tr>
                }).collect_view()}
            </DataTable>
        }
        .into_any()
    };
    view! {
        <div class="card-grid">
            <section class="card" aria-labelledby="meeting-title">
                <header class="card-header"><h2 id="meeting-title">"Details"</h2></header>
                <ValueList rows=about />
            </section>
            <section class="card" aria-labelledby="creator-title">
                <header class="card-header"><h2 id="creator-title">"Created by"</h2></header>
                <ValueList rows=creator />
            </section>
        </div>
        <section class="card panel" aria-labelledby="invitees-title">
            <header class="card-header"><h2 id="invitees-title">"Invitees"</h2></header>
            {invitees}
        </section>
    }
}
