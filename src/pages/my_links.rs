//! `/my/links`: the signed-in user's correlated entities: every customer linked to the user,
//! each with all the users linked to that customer.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::{
    api::{
        user_links::{self, CustomerAndUsers},
        Api,
    },
    components::{DataTable, ListView},
    routes::{detail_path, user_links_path},
};

/// The "My links" page.
#[component]
pub fn MyLinksPage() -> impl IntoView {
    let api = expect_context::<Api>();
    let entities = LocalResource::new(move || {
        api.connection().track_reconnects();
        let api = api.clone();
        async move { user_links::my_correlated_entities(&api).await }
    });
    view! {
        <div class="page-header">
            <div>
                <h1>"My links"</h1>
                <p class="muted">"The customers linked to your user at every bank, and the users linked to each."</p>
            </div>
        </div>
        <ListView items=entities what="your links" empty="No customer is linked to your user." let:list>
            <DataTable headings=&["Customer", "Customer number", "Bank", "Linked users"]>
                {list.into_iter().map(|entity| view! { <EntityRow entity /> }).collect_view()}
            </DataTable>
        </ListView>
    }
}

#[component]
fn EntityRow(entity: CustomerAndUsers) -> impl IntoView {
    let CustomerAndUsers { customer, users } = entity;
    let name = if customer.legal_name.trim().is_empty() {
        customer.customer_id.clone()
    } else {
        customer.legal_name
    };
    let users = users
        .into_iter()
        .map(|user| {
            view! {
                <li>
                    <A href=user_links_path(&user.user_id)>{user.username}</A>
                    " "<span class="muted">{user.email}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <tr>
            <td><A href=detail_path(&customer.bank_id, &customer.customer_id)>{name}</A></td>
            <td class="mono">{customer.customer_number}</td>
            <td>{customer.bank_id}</td>
            <td><ul class="plain-list">{users}</ul></td>
        </tr>
    }
}
