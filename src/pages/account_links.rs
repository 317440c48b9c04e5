//! `/account-links?account_id=…`: which customers are linked to an account, and how.

use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_navigate};

use crate::{
    api::{account_links, Api},
    components::{DataTable, ListView},
    query::route_keys,
    routes::{account_links_path, detail_path},
    state::Session,
};

/// The account links page.
#[component]
pub fn AccountLinksPage() -> impl IntoView {
    let api = expect_context::<Api>();
    let session = expect_context::<Session>();
    let account_id = route_keys::kept_query("/account-links", "account_id");
    let typed = RwSignal::new(account_id.get_untracked());
    let navigate = use_navigate();
    let find = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        navigate(
            &account_links_path(typed.get_untracked().trim()),
            Default::default(),
        );
    };
    let links = LocalResource::new(move || {
        api.connection().track_reconnects();
        let (api, bank, account) = (api.clone(), session.tenant.get(), account_id.get());
        async move {
            if account.is_empty() {
                Ok(Vec::new())
            } else {
                account_links::by_account(&api, &bank, &account).await
            }
        }
    });
    view! {
        <div class="page-header"><h1>"Account links"</h1></div>
        <form class="lookup" on:submit=find role="search">
            <div class="field field-inline">
                <label for="account-id">"Account id"</label>
                <input id="account-id" name="account_id" prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev)) />
            </div>
            <button type="submit">"Show links"</button>
        </form>
        <Show
            when=move || !account_id.get().is_empty()
            fallback=|| view! { <p class="empty-state">"Enter an account id to see the customers linked to it."</p> }
        >
            <ListView items=links what="account links" empty="No customers are linked to this account." let:list>
                <DataTable headings=&["Customer", "Relationship", "Link id"]>
                    {list.into_iter().map(|link| view! {
                        <tr>
                            <td class="mono"><A href=format!("{}/accounts", detail_path(&link.bank_id, &link.customer_id))>{link.customer_id}</A></td>
                            <td>{link.relationship_type}</td>
                            <td class="mono">{link.customer_account_link_id}</td>
                        </tr>
                    }).collect_view()}
                </DataTable>
            </ListView>
        </Show>
    }
}
