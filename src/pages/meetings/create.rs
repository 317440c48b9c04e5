//! [`NewMeetingForm`]: Create Meeting in place: the meeting, its creator (the signed-in user to
//! begin with) and invitees added and removed row by row. Every row keeps what was typed on any
//! error, and as a draft across a new sign-in.

use leptos::prelude::*;

use crate::{
    api::{
        meetings::{self, NewMeeting},
        Api,
    },
    components::{drafts_here, Change, FieldGrid, FormSection, FormState, InlineForm},
    forms::{meeting, FormValues},
    state::Session,
};

/// One invitee row: a key that stays with it while rows come and go, and its own form.
type InviteeRow = (u32, FormState);

/// The draft key of the meeting's own fields; each invitee row's is `meeting-invitee-KEY`.
pub const DRAFT: &str = "meeting";

/// The row keys of the invitee drafts kept on this page, in order.
fn drafted_rows() -> Vec<u32> {
    let prefix = format!("{DRAFT}-invitee-");
    let mut keys: Vec<u32> = drafts_here()
        .iter()
        .filter_map(|form| form.strip_prefix(&prefix)?.parse().ok())
        .collect();
    keys.sort_unstable();
    keys
}

/// The create form; `on_saved` follows a created meeting.
#[component]
pub fn NewMeetingForm(
    /// After the meeting was created.
    on_saved: Callback<()>,
    /// Cancel was pressed.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let api = expect_context::<Api>();
    let session = expect_context::<Session>();
    let state = FormState::drafted(
        session
            .user
            .with_untracked(|u| meeting::new_values(u.as_ref())),
        DRAFT,
    );
    // Rows are made under this form's owner, so their drafts end with it.
    let owner = Owner::current().expect("a component has an owner");
    let row = move |key: u32| {
        let form = owner
            .with(|| FormState::drafted(meeting::new_invitee(), &format!("{DRAFT}-invitee-{key}")));
        (key, form)
    };
    let mut keys = drafted_rows();
    if keys.is_empty() {
        keys.push(0);
    }
    let next_key = StoredValue::new(keys.iter().max().map_or(0, |k| k + 1));
    let rows = RwSignal::new(keys.into_iter().map(&row).collect::<Vec<_>>());
    let add_row = move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        rows.update(|rows| rows.push(row(key)));
    };
    let make = move |values: &FormValues| {
        let rows = rows.get_untracked();
        let invitees: Vec<FormValues> = rows
            .iter()
            .map(|(_, row)| row.values.get_untracked())
            .collect();
        meeting::build(values, &invitees).map_err(|errors| {
            for ((_, row), found) in rows.iter().zip(errors.invitees) {
                row.errors.set(found);
            }
            errors.fields
        })
    };
    let send = move |body: NewMeeting| {
        let (api, bank) = (api.clone(), session.tenant.get_untracked());
        async move { meetings::create(&api, &bank, &body).await.map(drop) }
    };
    let toast = Signal::derive(move || {
        let purpose = state.values.with(|v| v.text("purpose_id"));
        Change::Added.told(&format!("Meeting {purpose}"), "")
    });
    view! {
        <InlineForm state make send on_saved on_cancel submit_label="Create meeting" label="New meeting".to_owned()
            toast=Some(toast)>
            <h3 class="form-title">"New meeting"</h3>
            <FieldGrid fields=meeting::FIELDS form_id="meeting" form=state />
            <FormSection legend="Created by" fields=meeting::CREATOR_FIELDS form_id="meeting" form=state />
            <fieldset class="form-section">
                <legend>"Invitees"</legend>
                // Rows are redrawn as a whole when one comes or goes; what was typed lives in
                // each row's own form, so nothing is lost.
                {move || rows.get().into_iter().map(|row| view! { <Invitee row rows /> }).collect_view()}
                <button type="button" class="secondary" on:click=add_row>"Add invitee"</button>
            </fieldset>
        </InlineForm>
    }
}

/// One invitee's fields and its Remove button, numbered by its place in the list.
#[component]
fn Invitee(row: InviteeRow, rows: RwSignal<Vec<InviteeRow>>) -> impl IntoView {
    let (key, form) = row;
    let number = move || {
        rows.with(|rows| rows.iter().position(|(k, _)| *k == key))
            .map_or(0, |index| index + 1)
    };
    let remove = move |_| {
        form.draft.finish();
        rows.update(|rows| rows.retain(|(k, _)| *k != key));
    };
    view! {
        <div class="invitee" role="group" aria-label=move || format!("Invitee {}", number())>
            <FieldGrid fields=meeting::INVITEE_FIELDS form_id=format!("meeting-invitee-{key}") form />
            <button type="button" class="link danger-link"
                aria-label=move || format!("Remove invitee {}", number())
                on:click=remove>
                "Remove"
            </button>
        </div>
    }
}
