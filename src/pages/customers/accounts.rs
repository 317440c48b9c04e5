//! `/banks/:bank_id/customers/:customer_id/accounts`: the customer's accounts (the overview), its
//! account links and its user links with the correlated users. All four load in parallel; the
//! overview, found by customer number, starts as soon as the customer's number is known.

use leptos::prelude::*;
use leptos_router::components::A;

use super::scope::CustomerScope;
use crate::{
    api::{
        account_links::{self, CustomerAccountLink},
        overview::{self, Account},
        roles, user_links,
    },
    components::{
        AddForm, Change, DataTable, DeleteButton, EditButton, Edits, ErrorView, FieldGrid,
        FormState, InlineForm, ListView, Loading, Panel, RoleNote, Undo,
    },
    dates,
    forms::{account_link, obp_errors, user_link, FormValues},
    routes::{account_links_path, user_links_path},
};

/// The Accounts & links tab.
#[component]
pub fn AccountsTab() -> impl IntoView {
    view! {
        <AccountsPanel />
        <div class="panel-grid">
            <AccountLinks />
            <UserLinks />
        </div>
    }
}

/// The overview's accounts as cards.
#[component]
fn AccountsPanel() -> impl IntoView {
    let scope = expect_context::<CustomerScope>();
    let found = scope.load(move |api, bank, _| {
        // Read directly: through a Memo, leptos 0.8 did not refetch when the number arrived.
        let number = scope.customer_number();
        async move {
            match number {
                Some(number) => overview::overview(&api, &bank, &number).await.map(Some),
                None => Ok(None),
            }
        }
    });
    view! {
        <Panel title="Accounts" id="accounts-title">
            {move || match found.get() {
                None | Some(Ok(None)) => view! { <Loading what="accounts" /> }.into_any(),
                Some(Err(error)) => view! {
                    <ErrorView error retry=Callback::new(move |_| found.refetch()) />
                }.into_any(),
                Some(Ok(Some(overview))) if overview.accounts.is_empty() => view! {
                    <p class="empty-note">"No accounts are recorded for this customer number."</p>
                }.into_any(),
                Some(Ok(Some(overview))) => view! {
                    <ul class="account-grid">
                        {overview.accounts.into_iter().map(|account| view! { <AccountCard account /> }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </Panel>
    }
}

#[component]
fn AccountCard(account: Account) -> impl IntoView {
    let title = if account.label.trim().is_empty() {
        account.account_id.clone()
    } else {
        account.label.clone()
    };
    let balance = account
        .balance
        .as_ref()
        .map(|b| b.display())
        .unwrap_or_else(|| "\u{2014}".to_owned());
    let routings = account
        .account_routings
        .iter()
        .map(|r| view! { <li><span class="muted">{r.scheme.clone()}": "</span><span class="mono">{r.address.clone()}</span></li> })
        .collect_view();
    let attributes = account
        .account_attributes
        .iter()
        .map(
            |a| view! { <li><span class="mono">{a.name.clone()}</span>" = "{a.value.clone()}</li> },
        )
        .collect_view();
    let links = account_links_path(&account.account_id);
    view! {
        <li class="account-card">
            <h3>{title}</h3>
            <p class="balance">{balance}</p>
            <dl class="values">
                <div class="dl-row"><dt>"Account id"</dt><dd class="mono">{account.account_id.clone()}</dd></div>
                <div class="dl-row"><dt>"Product"</dt><dd>{account.product_code.clone()}</dd></div>
                <div class="dl-row"><dt>"Branch"</dt><dd>{account.branch_id.clone()}</dd></div>
                <div class="dl-row"><dt>"Routings"</dt><dd><ul class="plain-list">{routings}</ul></dd></div>
                <div class="dl-row"><dt>"Attributes"</dt><dd><ul class="plain-list">{attributes}</ul></dd></div>
            </dl>
            <A href=links>"Customers linked to this account"</A>
        </li>
    }
}

/// Draft keys (and element id prefixes) of the link form and (with the link id) a relationship
/// form.
const LINK_NEW: &str = "account-link-new";
const LINK_EDIT: &str = "account-link-edit";

/// The customer's account links: add, change the relationship, delete.
#[component]
fn AccountLinks() -> impl IntoView {
    let scope = expect_context::<CustomerScope>();
    let items = scope
        .load(|api, bank, id| async move { account_links::by_customer(&api, &bank, &id).await });
    let edits = Edits::reloading(items).reopen_drafts(LINK_NEW, LINK_EDIT);
    let add = edits.add(
        "Link an account",
        roles::CREATE_ACCOUNT_LINK,
        "Linking accounts",
    );
    let send = move |body: account_links::NewAccountLink| {
        let (api, bank, _) = scope.target();
        async move {
            let created = account_links::create(&api, &bank, &body).await?;
            edits.changed.mark(created.customer_account_link_id);
            Ok(())
        }
    };
    let make = move |v: &FormValues| {
        let (_, bank, customer) = scope.target();
        account_link::build_link(&bank, &customer, v)
    };
    view! {
        <Panel title="Account links" id="account-links-title" add>
            <AddForm label="Link an account" form_id=LINK_NEW fields=account_link::LINK_FIELDS
                make send edits field_error=obp_errors::account_link toast=scope.told("Account", Change::Linked) />
            <ListView items what="account links" empty="No accounts are linked to this customer." let:list>
                <DataTable headings=&["Account", "Relationship", ""]>
                    {list.into_iter().map(|link| view! { <AccountLinkRow link edits /> }).collect_view()}
                </DataTable>
            </ListView>
            <p class="role-notes">
                <RoleNote roles=roles::UPDATE_ACCOUNT_LINK what="Changing relationships" />
                <RoleNote roles=roles::DELETE_ACCOUNT_LINK what="Unlinking accounts" />
            </p>
        </Panel>
    }
}

#[component]
fn AccountLinkRow(link: CustomerAccountLink, edits: Edits) -> impl IntoView {
    let scope = expect_context::<CustomerScope>();
    let id = link.customer_account_link_id.clone();
    let what = format!("link to account {}", link.account_id);
    let edit_label = format!("Change the relationship to account {}", link.account_id);
    let delete = {
        let id = id.clone();
        move || {
            let (api, bank, _) = scope.target();
            let id = id.clone();
            async move { account_links::delete(&api, &bank, &id).await }
        }
    };
    let account = format!("Account {}", link.account_id);
    let (account_id, relationship_type) = (link.account_id.clone(), link.relationship_type.clone());
    let undo = edits.undo(
        id.clone(),
        scope.told(
            format!("Link to account {}", link.account_id),
            Change::Restored,
        ),
        move || {
            let (api, bank, customer_id) = scope.target();
            let body = account_links::NewAccountLink {
                customer_id,
                bank_id: bank.clone(),
                account_id: account_id.clone(),
                relationship_type: relationship_type.clone(),
            };
            async move {
                let created = account_links::create(&api, &bank, &body).await?;
                Ok(created.customer_account_link_id)
            }
        },
    );
    let state = FormState::closed(&Edits::edit_draft(LINK_EDIT, &id));
    let current = link.relationship_type.clone();
    let send = {
        let id = id.clone();
        move |relationship: String| {
            let (api, bank, _) = scope.target();
            let id = id.clone();
            async move {
                account_links::update_relationship(&api, &bank, &id, &relationship)
                    .await
                    .map(drop)
            }
        }
    };
    let relationship_form = move || {
        state.reset(FormValues::from_pairs([(
            "relationship_type",
            current.clone(),
        )]));
        view! {
            <InlineForm state make=account_link::build_relationship send=send.clone() on_saved=edits.saved
                on_cancel=edits.cancel_edit() label="Change the relationship".to_owned()
                toast=Some(scope.told("Account link", Change::Updated))>
                <FieldGrid fields=account_link::RELATIONSHIP_FIELDS form_id=LINK_EDIT form=state />
            </InlineForm>
        }
    };
    view! {
        <tr class=("changed", edits.changed.is(id.clone()))>
            <td class="mono"><A href=account_links_path(&link.account_id)>{link.account_id.clone()}</A></td>
            <td>
                <Show when=edits.is_editing(id.clone()) fallback=move || link.relationship_type.clone()>
                    {relationship_form.clone()}
                </Show>
            </td>
            <td class="row-actions">
                <EditButton roles=roles::UPDATE_ACCOUNT_LINK label=edit_label id=id.clone() edits text="Change" />
                <DeleteButton what=what.clone() roles=roles::DELETE_ACCOUNT_LINK delete=delete.clone() on_deleted=edits.saved
                    toast=scope.told(account.clone(), Change::Unlinked) undo=undo.clone() />
            </td>
        </tr>
    }
}

/// The users linked to the customer, and what OBP knows of them.
#[component]
fn UserLinks() -> impl IntoView {
    let scope = expect_context::<CustomerScope>();
    let items =
        scope.load(|api, bank, id| async move { user_links::by_customer(&api, &bank, &id).await });
    let users = scope.load(|api, bank, id| async move {
        user_links::correlated_users(&api, &bank, &id)
            .await
            .map(|found| found.users)
    });
    let edits = Edits::reloading(items);
    let add = edits.add("Link a user", roles::CREATE_USER_LINK, "Linking users");
    // A new or removed link changes the correlated users too.
    let saved = Callback::new(move |_| {
        edits.saved.run(());
        users.refetch();
    });
    let send = move |body: user_links::NewUserLink| {
        let (api, bank, _) = scope.target();
        async move {
            let created = user_links::create(&api, &bank, &body).await?;
            edits.changed.mark(created.user_customer_link_id);
            Ok(())
        }
    };
    // Undo reloads the correlated users as well as the links.
    let restored = Callback::new(move |id: String| {
        edits.changed.mark(id);
        edits.reload.run(());
        users.refetch();
    });
    let make = move |v: &FormValues| user_link::build(&scope.id.get_untracked(), v);
    view! {
        <Panel title="User links" id="user-links-title" add>
            <AddForm label="Link a user" form_id="user-link-new" fields=user_link::FIELDS
                make send edits on_saved=saved field_error=obp_errors::user_link
                toast=scope.told("User", Change::Linked) />
            <ListView items what="user links" empty="No users are linked to this customer." let:list>
                <DataTable headings=&["User id", "Linked on", "Active", ""]>
                    {list.into_iter().map(|link| {
                        let what = format!("link to user {}", link.user_id);
                        let id = link.user_customer_link_id.clone();
                        let delete = {
                            let id = id.clone();
                            move || {
                                let (api, bank, _) = scope.target();
                                let id = id.clone();
                                async move { user_links::delete(&api, &bank, &id).await }
                            }
                        };
                        let user = format!("User {}", link.user_id);
                        let user_id = link.user_id.clone();
                        let undo = Undo::new(id.clone(), scope.told(format!("Link to user {}", link.user_id), Change::Restored), move || {
                            let (api, bank, customer_id) = scope.target();
                            let body = user_links::NewUserLink { user_id: user_id.clone(), customer_id };
                            async move {
                                let created = user_links::create(&api, &bank, &body).await?;
                                Ok(created.user_customer_link_id)
                            }
                        }, restored);
                        view! {
                            <tr class=("changed", edits.changed.is(id))>
                                <td class="mono"><A href=user_links_path(&link.user_id)>{link.user_id.clone()}</A></td>
                                <td class="nowrap">{dates::display(&link.date_inserted)}</td>
                                <td>{if link.is_active { "Yes" } else { "No" }}</td>
                                <td class="row-actions">
                                    <DeleteButton what roles=roles::DELETE_USER_LINK delete on_deleted=saved
                                        toast=scope.told(user, Change::Unlinked) undo />
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </DataTable>
            </ListView>
            <p class="role-notes">
                <RoleNote roles=roles::DELETE_USER_LINK what="Unlinking users" />
            </p>
            <h3>"Correlated users"</h3>
            <ListView items=users what="correlated users" empty="No users are correlated with this customer." let:list>
                <DataTable headings=&["Username", "Email", "Provider"]>
                    {list.into_iter().map(|u| view! {
                        <tr>
                            <td><A href=user_links_path(&u.user_id)>{u.username}</A></td>
                            <td>{u.email}</td>
                            <td>{u.provider}</td>
                        </tr>
                    }).collect_view()}
                </DataTable>
            </ListView>
        </Panel>
    }
}
