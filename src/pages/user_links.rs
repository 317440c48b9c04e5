//! `/users/:user_id/customer-links`: the customers a user is linked to. A link names no bank and
//! OBP does not filter these links by bank, so each customer's page finds its bank from the record.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::{
    api::{user_links, Api},
    components::{DataTable, ListView},
    dates,
    query::route_keys,
    routes::detail_path,
    state::Session,
};

/// The user's customer links page.
#[component]
pub fn UserLinksPage() -> impl IntoView {
    let api = expect_context::<Api>();
    let session = expect_context::<Session>();
    let user_id = route_keys::kept_param("user_id");
    let links = LocalResource::new(move || {
        api.connection().track_reconnects();
        let (api, bank, user) = (api.clone(), session.tenant.get(), user_id.get());
        async move { user_links::by_user(&api, &bank, &user).await }
    });
    view! {
        <div class="page-header">
            <div>
                <h1>"Customer links of a user"</h1>
                <p class="muted">{move || format!("User id {}", user_id.get())}</p>
            </div>
        </div>
        <ListView items=links what="customer links" empty="This user is not linked to any customer at this bank." let:list>
            <DataTable headings=&["Customer", "Linked on", "Active"]>
                {list.into_iter().map(|link| view! {
                    <tr>
                        <td class="mono"><A href=detail_path("", &link.customer_id)>{link.customer_id}</A></td>
                        <td class="nowrap">{dates::display(&link.date_inserted)}</td>
                        <td>{if link.is_active { "Yes" } else { "No" }}</td>
                    </tr>
                }).collect_view()}
            </DataTable>
        </ListView>
    }
}
