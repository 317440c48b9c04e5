//! `/banks/:bank_id/customers/:customer_id/tax-social`: tax residences (add, delete) and social
//! media handles (add; OBP has no delete for them). Both lists load in parallel.

use leptos::prelude::*;

use super::scope::CustomerScope;
use crate::{
    api::{roles, social_media, tax_residences},
    components::{AddForm, Change, DataTable, DeleteButton, Edits, ListView, Panel, RoleNote},
    dates,
    forms::tax_social,
};

/// The Tax & social tab.
#[component]
pub fn TaxSocialTab() -> impl IntoView {
    view! {
        <div class="panel-grid">
            <TaxResidences />
            <SocialHandles />
        </div>
    }
}

#[component]
fn TaxResidences() -> impl IntoView {
    let scope = expect_context::<CustomerScope>();
    let items =
        scope.load(|api, bank, id| async move { tax_residences::list(&api, &bank, &id).await });
    let edits = Edits::reloading(items);
    let add = edits.add(
        "Add tax residence",
        roles::CREATE_TAX_RESIDENCE,
        "Adding tax residences",
    );
    let send = move |body: tax_residences::NewTaxResidence| {
        let (api, bank, customer) = scope.target();
        async move {
            let created = tax_residences::create(&api, &bank, &customer, &body).await?;
            edits.changed.mark(created.tax_residence_id);
            Ok(())
        }
    };
    view! {
        <Panel title="Tax residences" id="tax-title" add>
            <AddForm label="New tax residence" form_id="tax-new" fields=tax_social::TAX_FIELDS
                make=tax_social::build_tax send edits toast=scope.told("Tax residence", Change::Added) />
            <ListView items what="tax residences" empty="No tax residences on file." let:list>
                <DataTable headings=&["Tax domain", "Tax number", ""]>
                    {list.into_iter().map(|t| {
                        let what = format!("tax residence {} {}", t.domain, t.tax_number);
                        let id = t.tax_residence_id.clone();
                        let delete = {
                            let id = id.clone();
                            move || {
                                let (api, bank, customer) = scope.target();
                                let id = id.clone();
                                async move { tax_residences::delete(&api, &bank, &customer, &id).await }
                            }
                        };
                        let body = tax_residences::NewTaxResidence {
                            domain: t.domain.clone(),
                            tax_number: t.tax_number.clone(),
                        };
                        let undo = edits.undo(id.clone(), scope.told("Tax residence", Change::Restored), move || {
                            let (api, bank, customer) = scope.target();
                            let body = body.clone();
                            async move {
                                let created = tax_residences::create(&api, &bank, &customer, &body).await?;
                                Ok(created.tax_residence_id)
                            }
                        });
                        view! {
                            <tr class=("changed", edits.changed.is(id))>
                                <td>{t.domain.clone()}</td>
                                <td class="mono">{t.tax_number.clone()}</td>
                                <td class="row-actions">
                                    <DeleteButton what roles=roles::DELETE_TAX_RESIDENCE delete on_deleted=edits.saved
                                        toast=scope.told("Tax residence", Change::Deleted) undo />
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </DataTable>
            </ListView>
            <p class="role-notes">
                <RoleNote roles=roles::DELETE_TAX_RESIDENCE what="Deleting tax residences" />
            </p>
        </Panel>
    }
}

#[component]
fn SocialHandles() -> impl IntoView {
    let scope = expect_context::<CustomerScope>();
    let items =
        scope.load(|api, bank, id| async move { social_media::list(&api, &bank, &id).await });
    let edits = Edits::reloading(items);
    let add = edits.add(
        "Add social handle",
        roles::ADD_SOCIAL_MEDIA_HANDLE,
        "Adding social media handles",
    );
    let send = move |body: social_media::NewSocialMediaHandle| {
        let (api, bank, customer) = scope.target();
        async move { social_media::create(&api, &bank, &customer, &body).await }
    };
    view! {
        <Panel title="Social media handles" id="social-title" add>
            // OBP files a handle under the customer number in the body, so the form waits for it.
            <AddForm label="New social media handle" form_id="social-new" fields=tax_social::SOCIAL_FIELDS
                values=tax_social::social_values(&dates::today())
                make=scope.numbered(tax_social::build_social) send edits ready=scope.loaded()
                toast=scope.told("Social media handle", Change::Added) />
            <ListView items what="social media handles" empty="No social media handles on file." let:list>
                <DataTable headings=&["Network", "Handle", "Added", "Activated"]>
                    {list.into_iter().map(|h| view! {
                        <tr>
                            <td>{h.kind}</td>
                            <td class="mono">{h.handle}</td>
                            <td class="nowrap">{dates::display(&h.date_added)}</td>
                            <td class="nowrap">{dates::display(&h.date_activated)}</td>
                        </tr>
                    }).collect_view()}
                </DataTable>
            </ListView>
        </Panel>
    }
}
