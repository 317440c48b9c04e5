//! The Enterprise API backend (`/v1/profiles/{id}/customers`): a pasted bearer token, the
//! profiles `config.json` lists, a numbered list with totals, and one full-replace edit.

use super::{
    create_once, Capabilities, Column, Created, CustomerBackend, CustomerPage, CustomerRecord,
    NavLink, Request, Rows, SignIn, Tab, Tenant, TenantKind, Total,
};
use crate::{
    api::{
        enterprise::{self, Customer},
        Api, ApiError, AuthScheme,
    },
    config::AppConfig,
    dates,
    forms::{
        enterprise::{self as form, CUSTOMER_GROUP, SECTIONS, TOKEN_FIELDS},
        EditGroup, FieldErrors, FormValues, Section,
    },
    query::customer_query::{CustomerQuery, Paging},
};

/// The Enterprise API.
pub struct Enterprise;

const SIGN_IN: SignIn = SignIn {
    fields: TOKEN_FIELDS,
    subtitle: "Enterprise API",
    pending_label: "Checking the token\u{2026}",
};

const TENANT: TenantKind = TenantKind {
    label: "Profile",
    picker_id: "profile-picker",
    storage_key: "customer-console.profile",
    in_path: false,
};

const CAPABILITIES: Capabilities = Capabilities {
    roles: false,
    nav: &[NavLink {
        label: "Customers",
        path: "/customers",
    }],
    tabs: &[Tab {
        label: "Profile",
        path: "",
    }],
    columns: &[
        (Column::Name, "Name"),
        (Column::Email, "Email"),
        (Column::Phone, "Phone"),
        (Column::Place, "Place"),
        (Column::Created, "Created"),
    ],
    scopes: false,
    find_by_number: false,
    phone_search: false,
    sort: false,
    paging: Paging::Numbered,
    create_roles: &[],
    delete_roles: &[],
    delete_consequence: "",
};

impl CustomerBackend for Enterprise {
    fn sign_in(&self) -> &'static SignIn {
        &SIGN_IN
    }

    fn sign_in_values(&self, _config: &AppConfig) -> FormValues {
        FormValues::default()
    }

    fn start_sign_in(
        &self,
        api: &Api,
        tenant: &str,
        values: &FormValues,
    ) -> Result<Request<String>, FieldErrors> {
        let token = form::token(values)?;
        let (api, profile) = (api.clone(), tenant.to_owned());
        Ok(Box::pin(async move {
            enterprise::check_token(&api, &profile, &token).await?;
            Ok(token)
        }))
    }

    fn scheme(&self, _config: &AppConfig) -> (AuthScheme, String) {
        (AuthScheme::Bearer, String::new())
    }

    fn tenant(&self) -> &'static TenantKind {
        &TENANT
    }

    fn default_tenant(&self, config: &AppConfig) -> String {
        config.profile_ids.first().cloned().unwrap_or_default()
    }

    fn offers_tenant(&self, config: &AppConfig, tenant: &str) -> bool {
        config.profile_ids.iter().any(|p| p == tenant)
    }

    fn tenants(&self, _api: &Api, config: &AppConfig) -> Request<Vec<Tenant>> {
        let profiles = config
            .profile_ids
            .iter()
            .map(|id| Tenant {
                id: id.clone(),
                name: id.clone(),
            })
            .collect();
        Box::pin(async move { Ok(profiles) })
    }

    fn capabilities(&self) -> &'static Capabilities {
        &CAPABILITIES
    }

    fn list(&self, api: &Api, tenant: &str, query: &CustomerQuery) -> Request<CustomerPage> {
        let (api, profile) = (api.clone(), tenant.to_owned());
        let (page, size) = (query.page_number() - 1, query.page.limit);
        Box::pin(async move {
            let paged = enterprise::list(&api, &profile, page, size).await?;
            Ok(CustomerPage {
                rows: Rows::Records(
                    paged
                        .data
                        .into_iter()
                        .map(|c| record(c, &profile))
                        .collect(),
                ),
                total: Some(Total {
                    count: paged.count,
                    pages: paged.pages,
                }),
            })
        })
    }

    fn get(&self, api: &Api, tenant: &str, id: &str) -> Request<CustomerRecord> {
        let (api, profile, id) = (api.clone(), tenant.to_owned(), id.to_owned());
        Box::pin(async move {
            enterprise::get(&api, &profile, &id)
                .await
                .map(|c| record(c, &profile))
        })
    }

    fn create_sections(&self) -> &'static [Section] {
        SECTIONS
    }

    fn start_create(
        &self,
        api: &Api,
        tenant: &str,
        values: &FormValues,
        look_first: bool,
    ) -> Result<Request<Created>, FieldErrors> {
        let body = form::build(values)?;
        let (api, profile) = (api.clone(), tenant.to_owned());
        Ok(Box::pin(async move {
            let find = enterprise::find_created(&api, &profile, &body);
            let create = enterprise::create(&api, &profile, &body);
            create_once(look_first, find, create, |c| record(c, &profile)).await
        }))
    }

    fn edit_groups(&self) -> Vec<&'static EditGroup> {
        vec![&CUSTOMER_GROUP]
    }

    fn start_update(
        &self,
        api: &Api,
        current: &CustomerRecord,
        _group: &'static EditGroup,
        values: &FormValues,
    ) -> Result<Request<CustomerRecord>, FieldErrors> {
        let body = form::build(values)?;
        let (api, profile, id) = (api.clone(), current.tenant.clone(), current.id.clone());
        Ok(Box::pin(async move {
            enterprise::update(&api, &profile, &id, &body)
                .await
                .map(|c| record(c, &profile))
        }))
    }

    fn delete(&self, api: &Api, tenant: &str, id: &str) -> Request<()> {
        let (api, profile, id) = (api.clone(), tenant.to_owned(), id.to_owned());
        Box::pin(async move { enterprise::delete(&api, &profile, &id).await })
    }

    fn field_errors(&self) -> fn(&ApiError) -> FieldErrors {
        form::api_field_errors
    }
}

/// An Enterprise customer of `profile` as the pages show it.
fn record(c: Customer, profile: &str) -> CustomerRecord {
    let place = c
        .address
        .as_ref()
        .map(|a| {
            [a.locality.as_str(), a.country.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default();
    CustomerRecord {
        name: c.display_name(),
        values: form::values(&c),
        facts: vec![
            ("Customer id", c.id.clone()),
            ("Created", dates::display(&c.created)),
        ],
        id: c.id,
        tenant: profile.to_owned(),
        number: String::new(),
        email: c.email,
        phone: c.phone,
        date_of_birth: String::new(),
        branch: String::new(),
        place,
        created: c.created,
        kyc: None,
    }
}
