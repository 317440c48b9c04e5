//! `/banks/:bank_id/customers/:customer_id/kyc`: the customer's KYC: the status timeline next to
//! the record's `kyc_status`, identity documents with their expiry, checks, and media (images from
//! the app's own origin or the config's `media_origins` previewed). The four lists load in
//! parallel. Documents, checks and media can be corrected: the same form, filled, PUT to the
//! record's own id (OBP's KYC PUTs create or update).

use leptos::prelude::*;

use super::{
    kyc_edit::{EditRecord, EditRow},
    scope::CustomerScope,
    KycBadge,
};
use crate::{
    api::{
        kyc::{self, KycCheck, KycDocument, KycMedia, KycStatus},
        roles, Api, ApiError,
    },
    components::{
        AddForm, Change, ChoiceField, DataTable, EditButton, Edits, FormState, ListView, Panel,
    },
    config::AppConfig,
    dates,
    forms::{
        kyc::{self as form, Expiry},
        FormValues,
    },
    state::Session,
};

/// The KYC tab.
#[component]
pub fn KycTab() -> impl IntoView {
    let scope = expect_context::<CustomerScope>();
    let statuses = scope.load(|api, _, id| async move { kyc::statuses(&api, &id).await });
    let documents = scope.load(|api, _, id| async move { kyc::documents(&api, &id).await });
    let checks = scope.load(|api, _, id| async move { kyc::checks(&api, &id).await });
    let media = scope.load(|api, _, id| async move { kyc::media(&api, &id).await });
    view! {
        <Statuses statuses />
        <Documents documents />
        <div class="panel-grid">
            <Checks checks />
            <Media media documents checks />
        </div>
    }
}

/// The id a panel's next record is PUT under. OBP's KYC PUTs create or update, so sending again
/// under the same id after an unconfirmed save cannot make a second record; a confirmed save
/// draws a fresh id for the next record.
#[derive(Clone, Copy)]
struct NextId(StoredValue<String>);

impl NextId {
    fn new() -> Self {
        Self(StoredValue::new(kyc::new_id()))
    }

    fn get(self) -> String {
        self.0.get_value()
    }

    /// After a confirmed save: a fresh id, then the panel's usual close and reload.
    fn saved(self, edits: Edits) -> Callback<()> {
        Callback::new(move |_| {
            self.0.set_value(kyc::new_id());
            edits.saved.run(());
        })
    }
}

#[component]
fn Statuses(statuses: LocalResource<Result<Vec<KycStatus>, ApiError>>) -> impl IntoView {
    let scope = expect_context::<CustomerScope>();
    let edits = Edits::reloading(statuses);
    let add = edits.add(
        "Record a status",
        roles::ADD_KYC_STATUS,
        "Recording KYC statuses",
    );
    let record = move || scope.customer.with(|c| c.kyc == Some(true));
    view! {
        <Panel title="KYC status" id="kyc-status-title" add>
            <p class="kyc-record">
                "On the customer record: "
                {move || view! { <KycBadge ok=record() /> }}
            </p>
            <AddForm
                label="New KYC status" form_id="kyc-status" fields=form::STATUS_FIELDS
                values=FormValues::from_pairs([("date", dates::today())])
                make=scope.numbered(form::build_status)
                send=scope.sending(|api: Api, bank: String, customer: String, body| async move {
                    kyc::add_status(&api, &bank, &customer, &body).await.map(drop)
                })
                edits ready=scope.loaded() toast=scope.told("KYC status", Change::Recorded)
            />
            <ListView items=statuses what="KYC statuses" empty="No KYC status has been recorded." let:list>
                <ol class="timeline">
                    {form::timeline(list).into_iter().enumerate().map(|(i, status)| {
                        let current = i == 0;
                        view! {
                            <li class="timeline-entry" class=("current", current) class=("ok", status.ok)>
                                <span class="timeline-dot" aria-hidden="true"></span>
                                <span class="timeline-date">{dates::display(&status.date)}</span>
                                <KycBadge ok=status.ok />
                                {current.then(|| view! { <span class="muted">" current"</span> })}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </ListView>
            <p class="field-help">"OBP keeps one status per bank: a new status replaces this bank's last one."</p>
        </Panel>
    }
}

#[component]
fn Documents(documents: LocalResource<Result<Vec<KycDocument>, ApiError>>) -> impl IntoView {
    let scope = expect_context::<CustomerScope>();
    let edits = Edits::reloading(documents).reopen_drafts("kyc-document", "kyc-document-edit");
    let next_id = NextId::new();
    let add = edits.add(
        "Add document",
        roles::ADD_KYC_DOCUMENT,
        "Adding KYC documents",
    );
    let today = StoredValue::new(dates::today());
    view! {
        <Panel title="Identity documents" id="kyc-documents-title" add>
            <AddForm
                label="New document" form_id="kyc-document" fields=form::DOCUMENT_FIELDS
                make=scope.numbered(form::build_document)
                send=scope.sending(move |api: Api, bank: String, customer: String, body| async move {
                    kyc::add_document(&api, &bank, &customer, &next_id.get(), &body).await.map(drop)
                })
                edits on_saved=next_id.saved(edits) ready=scope.loaded()
                toast=scope.told("Identity document", Change::Added)
            />
            <ListView items=documents what="documents" empty="No identity documents on file." let:list>
                <DataTable headings=&["Type", "Number", "Issued", "Place", "Expires", "", ""]>
                    {list.into_iter().map(|d| {
                        let label = format!("Edit document {} {}", d.kind, d.number);
                        let id = StoredValue::new(d.id.clone());
                        let send = scope.sending(move |api: Api, bank: String, customer: String, body| async move {
                            kyc::add_document(&api, &bank, &customer, &id.get_value(), &body).await.map(drop)
                        });
                        view! {
                            <tr class=("changed", edits.changed.is(d.id.clone()))>
                                <td>{d.kind.clone()}</td>
                                <td class="mono">{d.number.clone()}</td>
                                <td class="nowrap">{dates::display(&d.issue_date)}</td>
                                <td>{d.issue_place.clone()}</td>
                                <td class="nowrap">{dates::display(&d.expiry_date)}</td>
                                <td><ExpiryBadge state=today.with_value(|today| form::expiry(&d.expiry_date, today)) /></td>
                                <td class="row-actions">
                                    <EditButton roles=roles::ADD_KYC_DOCUMENT label=label.clone() id=d.id.clone() edits />
                                </td>
                            </tr>
                            <EditRow edits id=d.id.clone() columns=7>
                                <EditRecord label=label.clone() form_id="kyc-document-edit" id=id.get_value() toast=scope.told("KYC document", Change::Updated) fields=form::DOCUMENT_FIELDS
                                    values=form::document_values(&d) make=scope.numbered(form::build_document)
                                    send edits />
                            </EditRow>
                        }
                    }).collect_view()}
                </DataTable>
            </ListView>
        </Panel>
    }
}

/// Expired, expiring within 90 days, or valid.
#[component]
fn ExpiryBadge(state: Expiry) -> impl IntoView {
    let (class, text) = match state {
        Expiry::Expired(days) => ("badge badge-bad", format!("Expired {days} days ago")),
        Expiry::Soon(0) => ("badge badge-warn", "Expires today".to_owned()),
        Expiry::Soon(days) => ("badge badge-warn", format!("Expires in {days} days")),
        Expiry::Valid => ("badge badge-ok", "Valid".to_owned()),
        Expiry::Unknown => ("badge", "No expiry date".to_owned()),
    };
    view! { <span class=class>{text}</span> }
}

#[component]
fn Checks(checks: LocalResource<Result<Vec<KycCheck>, ApiError>>) -> impl IntoView {
    let scope = expect_context::<CustomerScope>();
    let session = expect_context::<Session>();
    let edits = Edits::reloading(checks).reopen_drafts("kyc-check", "kyc-check-edit");
    let next_id = NextId::new();
    let add = edits.add("Add check", roles::ADD_KYC_CHECK, "Adding KYC checks");
    let (user_id, username) = session.user.with_untracked(|u| {
        u.as_ref()
            .map(|u| (u.user_id.clone(), u.username.clone()))
            .unwrap_or_default()
    });
    view! {
        <Panel title="Checks" id="kyc-checks-title" add>
            <AddForm
                label="New check" form_id="kyc-check" fields=form::CHECK_FIELDS
                values=form::check_values(&dates::today(), &user_id, &username)
                make=scope.numbered(form::build_check)
                send=scope.sending(move |api: Api, bank: String, customer: String, body| async move {
                    kyc::add_check(&api, &bank, &customer, &next_id.get(), &body).await.map(drop)
                })
                edits on_saved=next_id.saved(edits) ready=scope.loaded()
                toast=scope.told("KYC check", Change::Added)
            />
            <ListView items=checks what="checks" empty="No KYC checks on file." let:list>
                <DataTable headings=&["Date", "How", "By", "Result", "Comments", ""]>
                    {list.into_iter().map(|c| {
                        let label = format!("Edit check {} of {}", c.how, dates::display(&c.date));
                        let id = StoredValue::new(c.id.clone());
                        let send = scope.sending(move |api: Api, bank: String, customer: String, body| async move {
                            kyc::add_check(&api, &bank, &customer, &id.get_value(), &body).await.map(drop)
                        });
                        view! {
                            <tr class=("changed", edits.changed.is(c.id.clone()))>
                                <td class="nowrap">{dates::display(&c.date)}</td>
                                <td>{c.how.clone()}</td>
                                <td>{c.staff_name.clone()}</td>
                                <td>{if c.satisfied {
                                    view! { <span class="badge badge-ok">"Satisfied"</span> }
                                } else {
                                    view! { <span class="badge badge-warn">"Not satisfied"</span> }
                                }}</td>
                                <td>{c.comments.clone()}</td>
                                <td class="row-actions">
                                    <EditButton roles=roles::ADD_KYC_CHECK label=label.clone() id=c.id.clone() edits />
                                </td>
                            </tr>
                            <EditRow edits id=c.id.clone() columns=6>
                                <EditRecord label=label.clone() form_id="kyc-check-edit" id=id.get_value() toast=scope.told("KYC check", Change::Updated) fields=form::CHECK_FIELDS
                                    values=form::values_of_check(&c) make=scope.numbered(form::build_check)
                                    send edits />
                            </EditRow>
                        }
                    }).collect_view()}
                </DataTable>
            </ListView>
        </Panel>
    }
}

#[component]
fn Media(
    media: LocalResource<Result<Vec<KycMedia>, ApiError>>,
    documents: LocalResource<Result<Vec<KycDocument>, ApiError>>,
    checks: LocalResource<Result<Vec<KycCheck>, ApiError>>,
) -> impl IntoView {
    let scope = expect_context::<CustomerScope>();
    // The origins the CSP's img-src allows: the app's own and the config's media_origins.
    let mut media_origins = expect_context::<AppConfig>().media_origins;
    media_origins.extend(window().location().origin().ok());
    let edits = Edits::reloading(media).reopen_drafts("kyc-media", "kyc-media-edit");
    let next_id = NextId::new();
    let add = edits.add("Add media", roles::ADD_KYC_MEDIA, "Adding KYC media");
    let document_options = move || -> Vec<(String, String)> {
        let list = documents.get().and_then(Result::ok).unwrap_or_default();
        list.into_iter()
            .map(|d| (d.id, format!("{} {}", d.kind, d.number)))
            .collect()
    };
    let check_options = move || -> Vec<(String, String)> {
        let list = checks.get().and_then(Result::ok).unwrap_or_default();
        list.into_iter()
            .map(|c| (c.id, format!("{} ({})", c.how, dates::display(&c.date))))
            .collect()
    };
    // The forms' pickers, built from the lists when a form opens.
    let pickers = move |form_id: &'static str| {
        Callback::new(move |form: FormState| {
            view! {
                <div class="field-grid">
                    <ChoiceField name="relates_to_kyc_document_id" label="Document" blank="\u{2014} none \u{2014}"
                        options=document_options() form_id form />
                    <ChoiceField name="relates_to_kyc_check_id" label="Check" blank="\u{2014} none \u{2014}"
                        options=check_options() form_id form />
                </div>
            }
            .into_any()
        })
    };
    let extra = pickers("kyc-media");
    let describe = move |item: &KycMedia| {
        let document = documents
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .find(|d| d.id == item.relates_to_kyc_document_id)
            .map(|d| format!("Document: {} {}", d.kind, d.number));
        let check = checks
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .find(|c| c.id == item.relates_to_kyc_check_id)
            .map(|c| format!("Check: {}", c.how));
        [document, check]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" \u{00b7} ")
    };
    view! {
        <Panel title="Media" id="kyc-media-title" add>
            <AddForm
                label="New media" form_id="kyc-media" fields=form::MEDIA_FIELDS
                values=FormValues::from_pairs([("type", "image".to_owned()), ("date", dates::today())])
                make=scope.numbered(form::build_media)
                send=scope.sending(move |api: Api, bank: String, customer: String, body| async move {
                    kyc::add_media(&api, &bank, &customer, &next_id.get(), &body).await.map(drop)
                })
                edits on_saved=next_id.saved(edits) ready=scope.loaded() extra
                toast=scope.told("KYC media", Change::Added)
            />
            <ListView items=media what="media" empty="No KYC media on file." let:list>
                <ul class="media-grid">
                    {list.into_iter().map(|item| {
                        let preview = form::preview_url(&item.kind, &item.url, &media_origins).map(|src| view! {
                            <img class="thumbnail" src=src.to_owned() alt=format!("{} from {}", item.kind, dates::display(&item.date))
                                loading="lazy" referrerpolicy="no-referrer" />
                        });
                        let summary = format!("{} \u{00b7} {}", item.kind, dates::display(&item.date));
                        let label = format!("Edit media {summary}");
                        let url = item.url.clone();
                        let values = form::media_values(&item);
                        let editing = edits.is_editing(item.id.clone());
                        let id = StoredValue::new(item.id.clone());
                        let send = scope.sending(move |api: Api, bank: String, customer: String, body| async move {
                            kyc::add_media(&api, &bank, &customer, &id.get_value(), &body).await.map(drop)
                        });
                        let edit_button = view! {
                            <EditButton roles=roles::ADD_KYC_MEDIA label=label.clone() id=item.id.clone() edits />
                        };
                        let changed = edits.changed.is(item.id.clone());
                        let related = move || describe(&item);
                        view! {
                            <li class="media-item" class=("changed", changed)>
                                {preview}
                                <p class="mono media-url">{url}</p>
                                <p class="muted">{summary}</p>
                                <p class="muted">{related}</p>
                                <div class="item-actions">{edit_button}</div>
                                <Show when=editing.clone()>
                                    <EditRecord label=label.clone() form_id="kyc-media-edit" id=id.get_value() toast=scope.told("KYC media", Change::Updated) fields=form::MEDIA_FIELDS
                                        values=values.clone() make=scope.numbered(form::build_media)
                                        send edits extra=pickers("kyc-media-edit") />
                                </Show>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </ListView>
        </Panel>
    }
}
