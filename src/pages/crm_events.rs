//! `/crm-events`: the bank's CRM events, narrowed by category and channel in the browser (OBP
//! filters nothing). The filters live in the URL query; the selects offer the values present.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::{
    api::{
        crm_events::{self, CrmEvent},
        Api,
    },
    components::{DataTable, ListShortcuts, ListView},
    dates,
    query::{
        crm_filter::{count_caption, values_present, CrmFilter},
        route_keys,
    },
    state::Session,
};

/// The CRM events page.
#[component]
pub fn CrmEventsPage() -> impl IntoView {
    let api = expect_context::<Api>();
    let session = expect_context::<Session>();
    let filter = route_keys::kept_query_state("/crm-events", |get| CrmFilter::from_params(get));
    let navigate = use_navigate();
    let go = move |next: CrmFilter| {
        navigate(
            &format!("/crm-events{}", next.to_search()),
            Default::default(),
        )
    };
    let events = LocalResource::new(move || {
        api.connection().track_reconnects();
        let (api, bank) = (api.clone(), session.tenant.get());
        async move { crm_events::list(&api, &bank).await }
    });
    let present = move |field: fn(&CrmEvent) -> &str| {
        Signal::derive(move || match events.get() {
            Some(Ok(list)) => values_present(&list, field),
            _ => Vec::new(),
        })
    };
    let set_category = Callback::new({
        let go = go.clone();
        move |category| {
            go(CrmFilter {
                category,
                ..filter.get_untracked()
            })
        }
    });
    let set_channel = Callback::new(move |channel| {
        go(CrmFilter {
            channel,
            ..filter.get_untracked()
        })
    });
    view! {
        <div class="page-header">
            <div>
                <h1>"CRM events"</h1>
                <p class="muted">"Contacts with customers at this bank, planned and done, as they were recorded."</p>
            </div>
        </div>
        <div class="toolbar">
            <FilterSelect id="crm-category" label="Category" options=present(|e| &e.category)
                selected=Signal::derive(move || filter.get().category) on_change=set_category />
            <FilterSelect id="crm-channel" label="Channel" options=present(|e| &e.channel)
                selected=Signal::derive(move || filter.get().channel) on_change=set_channel />
        </div>
        <ListShortcuts>
            <ListView items=events what="CRM events" empty="No CRM events at this bank." let:list>
                {
                    let shown = filter.get().apply(&list);
                    let caption = count_caption(shown.len(), list.len());
                    view! {
                        <p class="results-caption" role="status">{caption}</p>
                        {if shown.is_empty() {
                            view! { <p class="empty-state">"No events match these filters."</p> }.into_any()
                        } else {
                            view! { <EventTable events=shown /> }.into_any()
                        }}
                    }
                }
            </ListView>
        </ListShortcuts>
    }
}

/// A filter `<select>`: "All", then each value present (and the chosen one, even if absent).
#[component]
fn FilterSelect(
    id: &'static str,
    label: &'static str,
    options: Signal<Vec<String>>,
    selected: Signal<Option<String>>,
    on_change: Callback<Option<String>>,
) -> impl IntoView {
    let choices = move || {
        let current = selected.get();
        let mut values = options.get();
        if let Some(chosen) = current.as_ref().filter(|c| !values.contains(c)) {
            values.push(chosen.clone());
        }
        let values = values
            .into_iter()
            .map(|value| {
                let is_current = current.as_deref() == Some(value.as_str());
                let text = value.clone();
                view! { <option value=value selected=is_current>{text}</option> }
            })
            .collect_view();
        view! {
            <option value="" selected=current.is_none()>"All"</option>
            {values}
        }
    };
    view! {
        <div class="field field-inline">
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| {
                on_change.run(Some(event_target_value(&ev)).filter(|v| !v.is_empty()))
            }>
                {choices}
            </select>
        </div>
    }
}

#[component]
fn EventTable(events: Vec<CrmEvent>) -> impl IntoView {
    view! {
        <DataTable headings=&["Scheduled", "Customer", "Category", "Channel", "Detail", "Result", "Happened"]>
            {events.into_iter().map(|event| view! {
                <tr>
                    <td class="nowrap">{dates::display_time(&event.scheduled_date)}</td>
                    <td>{event.customer_name}" "<span class="muted mono">{event.customer_number}</span></td>
                    <td>{event.category}</td>
                    <td>{event.channel}</td>
                    <td>{event.detail}</td>
                    <td>{event.result}</td>
                    <td class="nowrap col-optional">{dates::display_time(&event.actual_date)}</td>
                </tr>
            }).collect_view()}
        </DataTable>
    }
}
