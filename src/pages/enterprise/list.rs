//! `/customers` with the Enterprise API: its real paging (total count and page count shown,
//! jump to a page, page size), all kept in the URL.

use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_navigate};

use crate::{
    api::{enterprise, Api},
    components::{DataTable, ErrorView, Loading},
    dates,
    query::{
        page_query::{PageQuery, PAGE_SIZES},
        route_keys,
    },
    routes::detail_path,
    state::Session,
};

/// The Enterprise customer list.
#[component]
pub fn EnterpriseListPage() -> impl IntoView {
    let api = expect_context::<Api>();
    let session = expect_context::<Session>();
    let page = route_keys::kept_query("/customers", "page");
    let size = route_keys::kept_query("/customers", "size");
    let query = Memo::new(move |_| PageQuery::from_params(Some(&page.get()), Some(&size.get())));
    let navigate = use_navigate();
    let go =
        Callback::new(move |to: PageQuery| navigate(&to.path("/customers"), Default::default()));
    let found = LocalResource::new(move || {
        let (api, profile, query) = (api.clone(), session.profile_id.get(), query.get());
        async move { enterprise::list(&api, &profile, query.api_page(), query.size).await }
    });

    view! {
        <div class="page-header">
            <div>
                <h1>"Customers"</h1>
                <p class="muted">{move || format!("Profile {}", session.profile_id.get())}</p>
            </div>
            <A href="/customers/new" attr:class="button">"New customer"</A>
        </div>
        <div class="toolbar">
            <div class="field field-inline">
                <label for="page-size">"Rows per page"</label>
                <select id="page-size" prop:value=move || query.get().size.to_string()
                    on:change=move |ev| {
                        let size = event_target_value(&ev).parse().unwrap_or_default();
                        go.run(PageQuery::sized(size));
                    }>
                    {PAGE_SIZES.iter().map(|s| view! { <option value=s.to_string()>{s.to_string()}</option> }).collect_view()}
                </select>
            </div>
        </div>
        <Transition fallback=|| view! { <Loading what="customers" /> }>
            {move || found.get().map(|result| match result {
                Err(error) => view! { <ErrorView error retry=Callback::new(move |_| found.refetch()) /> }.into_any(),
                Ok(paged) => {
                    let query = query.get_untracked();
                    let caption = format!(
                        "{} customers \u{00b7} page {} of {}",
                        paged.count, query.page, paged.pages.max(1)
                    );
                    let range = query.range(paged.data.len(), paged.count);
                    let rows = paged.data.into_iter().map(|c| {
                        let place = c.address.as_ref()
                            .map(|a| [a.locality.as_str(), a.country.as_str()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(", "))
                            .unwrap_or_default();
                        let (href, name, created) = (detail_path("", &c.id), c.display_name(), dates::display(&c.created));
                        view! {
                            <tr>
                                <td><A href=href>{name}</A></td>
                                <td class="col-optional">{c.email}</td>
                                <td class="mono">{c.phone}</td>
                                <td>{place}</td>
                                <td class="col-optional nowrap">{created}</td>
                            </tr>
                        }
                    }).collect_view();
                    view! {
                        <p class="results-caption" aria-live="polite">{caption}</p>
                        {if range.starts_with("No rows") {
                            view! { <p class="empty-state">{range}</p> }.into_any()
                        } else {
                            view! {
                                <DataTable headings=&["Name", "Email", "Phone", "Place", "Created"]>{rows}</DataTable>
                                <p class="pager-range">{range}</p>
                            }.into_any()
                        }}
                        <PageJumper query pages=paged.pages go />
                    }.into_any()
                }
            })}
        </Transition>
    }
}

/// First, previous, next, last, and "go to page".
#[component]
fn PageJumper(query: PageQuery, pages: u32, go: Callback<PageQuery>) -> impl IntoView {
    let last = pages.max(1);
    let input = NodeRef::<leptos::html::Input>::new();
    let jump = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = input.get_untracked().map(|i| i.value()).unwrap_or_default();
        if let Ok(page) = typed.trim().parse::<u32>() {
            go.run(query.at(page, last));
        }
    };
    let button = move |label: &'static str, page: u32, enabled: bool| {
        view! {
            <button type="button" class="secondary" disabled=!enabled on:click=move |_| go.run(query.at(page, last))>
                {label}
            </button>
        }
    };
    view! {
        <nav class="pager" aria-label="Pages">
            <div class="pager-buttons">
                {button("\u{00ab} First", 1, query.page > 1)}
                {button("\u{2190} Previous", query.page.saturating_sub(1), query.page > 1)}
                {button("Next \u{2192}", query.page.saturating_add(1), query.page < last)}
                {button("Last \u{00bb}", last, query.page < last)}
            </div>
            <form class="field field-inline" novalidate on:submit=jump>
                <label for="jump-to-page">"Go to page"</label>
                <input id="jump-to-page" type="number" min="1" max=last.to_string()
                    value=query.page.to_string() node_ref=input />
                <button type="submit" class="secondary">"Go"</button>
            </form>
        </nav>
    }
}
