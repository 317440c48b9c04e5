//! The Open Bank Project v5.1.0 backend: DirectLogin, banks, OBP's customer lists (offset
//! paging, scopes, lookup by number, phone search), nine update cards, and the customer page's
//! tabs for addresses, attributes, links, KYC and messages.

use super::{
    create_once, Capabilities, Column, Created, CustomerBackend, CustomerPage, CustomerRecord,
    NavLink, Request, Rows, SignIn, Tab, Tenant, TenantKind,
};
use crate::{
    api::{
        banks,
        customers::{self, Customer, CustomerMinimal},
        firehose, my_customers, roles, Api, ApiError, AuthScheme,
    },
    config::AppConfig,
    dates,
    forms::{
        customer::{build_new_customer, CREATE_SECTIONS, UPDATE_FORMS},
        login, obp_errors, EditGroup, FieldErrors, FormValues, Section,
    },
    query::{
        customer_query::{CustomerQuery, Paging},
        list_scope::ListScope,
    },
};

/// OBP.
pub struct Obp;

const SIGN_IN: SignIn = SignIn {
    fields: login::FIELDS,
    subtitle: "Open Bank Project DirectLogin",
    pending_label: "Signing in\u{2026}",
};

const TENANT: TenantKind = TenantKind {
    label: "Bank",
    picker_id: "bank-picker",
    storage_key: "customer-console.bank",
    in_path: true,
};

const CAPABILITIES: Capabilities = Capabilities {
    roles: true,
    nav: &[
        NavLink {
            label: "Customers",
            path: "/customers",
        },
        NavLink {
            label: "Attribute definitions",
            path: "/attribute-definitions",
        },
        NavLink {
            label: "Account links",
            path: "/account-links",
        },
        NavLink {
            label: "My links",
            path: "/my/links",
        },
        NavLink {
            label: "Meetings",
            path: "/meetings",
        },
        NavLink {
            label: "CRM events",
            path: "/crm-events",
        },
    ],
    tabs: &[
        Tab {
            label: "Profile",
            path: "",
        },
        Tab {
            label: "Addresses",
            path: "/addresses",
        },
        Tab {
            label: "Attributes",
            path: "/attributes",
        },
        Tab {
            label: "Tax & social",
            path: "/tax-social",
        },
        Tab {
            label: "Accounts & links",
            path: "/accounts",
        },
        Tab {
            label: "KYC",
            path: "/kyc",
        },
        Tab {
            label: "Messages",
            path: "/messages",
        },
    ],
    columns: &[
        (Column::Number, "Customer number"),
        (Column::Name, "Legal name"),
        (Column::Email, "Email"),
        (Column::Phone, "Mobile phone"),
        (Column::DateOfBirth, "Date of birth"),
        (Column::Branch, "Branch"),
        (Column::Kyc, "KYC"),
    ],
    scopes: true,
    find_by_number: true,
    phone_search: true,
    sort: true,
    paging: Paging::Offset,
    create_roles: roles::CREATE_CUSTOMER,
    delete_roles: roles::DELETE_CUSTOMER,
    delete_consequence: "everything linked to it: attributes, addresses, account and user \
                         links, KYC records",
};

impl CustomerBackend for Obp {
    fn sign_in(&self) -> &'static SignIn {
        &SIGN_IN
    }

    fn sign_in_values(&self, config: &AppConfig) -> FormValues {
        FormValues::from_pairs([("consumer_key", config.consumer_key.clone())])
    }

    fn start_sign_in(
        &self,
        api: &Api,
        _tenant: &str,
        values: &FormValues,
    ) -> Result<Request<String>, FieldErrors> {
        let credentials = login::build(values)?;
        let api = api.clone();
        Ok(Box::pin(async move {
            crate::api::auth::login(&api, &credentials).await
        }))
    }

    fn scheme(&self, config: &AppConfig) -> (AuthScheme, String) {
        (
            AuthScheme::DirectLogin,
            format!("/obp/{}", config.api_version),
        )
    }

    fn tenant(&self) -> &'static TenantKind {
        &TENANT
    }

    fn default_tenant(&self, config: &AppConfig) -> String {
        config.default_bank_id.clone()
    }

    fn tenants(&self, api: &Api, _config: &AppConfig) -> Request<Vec<Tenant>> {
        let api = api.clone();
        Box::pin(async move {
            Ok(banks::list(&api)
                .await?
                .into_iter()
                .map(|bank| Tenant {
                    name: bank.display_name().to_owned(),
                    id: bank.id,
                })
                .collect())
        })
    }

    fn capabilities(&self) -> &'static Capabilities {
        &CAPABILITIES
    }

    fn list(&self, api: &Api, tenant: &str, query: &CustomerQuery) -> Request<CustomerPage> {
        let (api, bank, query) = (api.clone(), tenant.to_owned(), query.clone());
        Box::pin(async move {
            Ok(CustomerPage {
                rows: load(&api, &bank, &query).await?,
                total: None,
            })
        })
    }

    fn get(&self, api: &Api, tenant: &str, id: &str) -> Request<CustomerRecord> {
        let (api, bank, id) = (api.clone(), tenant.to_owned(), id.to_owned());
        Box::pin(async move { customers::get(&api, &bank, &id).await.map(record) })
    }

    fn locate(
        &self,
        api: &Api,
        first: &str,
        others: &[String],
        id: &str,
    ) -> Request<CustomerRecord> {
        let (api, first, others, id) = (
            api.clone(),
            first.to_owned(),
            others.to_vec(),
            id.to_owned(),
        );
        Box::pin(async move {
            customers::locate(&api, &first, &others, &id)
                .await
                .map(record)
        })
    }

    fn create_sections(&self) -> &'static [Section] {
        CREATE_SECTIONS
    }

    fn start_create(
        &self,
        api: &Api,
        tenant: &str,
        values: &FormValues,
        look_first: bool,
    ) -> Result<Request<Created>, FieldErrors> {
        let request = build_new_customer(values)?;
        let (api, bank) = (api.clone(), tenant.to_owned());
        Ok(Box::pin(async move {
            let find = customers::find_created(&api, &bank, &request);
            let create = customers::create(&api, &bank, &request);
            create_once(look_first, find, create, record).await
        }))
    }

    fn edit_groups(&self) -> Vec<&'static EditGroup> {
        UPDATE_FORMS.iter().map(|form| &form.group).collect()
    }

    fn start_update(
        &self,
        api: &Api,
        current: &CustomerRecord,
        group: &'static EditGroup,
        values: &FormValues,
    ) -> Result<Request<CustomerRecord>, FieldErrors> {
        let form = UPDATE_FORMS
            .iter()
            .find(|form| std::ptr::eq(&form.group, group))
            .expect("an OBP edit group is one of UPDATE_FORMS");
        let update = form.submit(values)?;
        let (api, bank, id) = (api.clone(), current.tenant.clone(), current.id.clone());
        Ok(Box::pin(async move {
            customers::update(&api, &bank, &id, &update)
                .await
                .map(record)
        }))
    }

    fn delete(&self, api: &Api, tenant: &str, id: &str) -> Request<()> {
        let (api, bank, id) = (api.clone(), tenant.to_owned(), id.to_owned());
        Box::pin(async move { customers::delete_cascade(&api, &bank, &id).await })
    }

    fn field_errors(&self) -> fn(&ApiError) -> FieldErrors {
        obp_errors::customer
    }
}

/// Loads what `query` asks for from its scope's endpoint.
async fn load(api: &Api, bank: &str, query: &CustomerQuery) -> Result<Rows, ApiError> {
    use ListScope as S;
    let page = query.page;
    let records = |list: Vec<Customer>| Rows::Records(list.into_iter().map(record).collect());
    Ok(match query.scope {
        S::Bank => records(match &query.phone {
            Some(pattern) => customers::search_by_phone(api, bank, pattern).await?,
            None => customers::list(api, bank, page).await?,
        }),
        S::Mine => records(my_customers::mine(api).await?),
        S::MineAtBank => records(my_customers::mine_at_bank(api, bank).await?),
        S::CurrentUser => records(my_customers::for_current_user(api).await?),
        S::CurrentUserIds => ids(my_customers::ids_for_current_user(api).await?, ""),
        S::AnyBank => records(customers::list_at_any_bank(api, page).await?),
        S::MinimalAtBank => ids(customers::list_minimal(api, bank, page).await?, bank),
        S::MinimalAnyBank => ids(customers::list_minimal_at_any_bank(api, page).await?, ""),
        S::Firehose => records(firehose::customers(api, bank, &query.firehose()).await?),
    })
}

/// Ids with their bank: the row's own, else `read_at` (empty for lists across banks).
fn ids(list: Vec<CustomerMinimal>, read_at: &str) -> Rows {
    Rows::Ids(
        list.into_iter()
            .map(|c| {
                let bank = if c.bank_id.is_empty() {
                    read_at.to_owned()
                } else {
                    c.bank_id
                };
                (c.customer_id, bank)
            })
            .collect(),
    )
}

/// An OBP customer as the pages show it.
fn record(c: Customer) -> CustomerRecord {
    let mut values = FormValues::default();
    for form in UPDATE_FORMS {
        let current = (form.current)(&c);
        for field in form.group.fields() {
            values.set(field.name, current.raw(field.name).to_owned());
        }
    }
    let dependants = c
        .dob_of_dependants
        .iter()
        .map(|d| dates::display(d))
        .collect::<Vec<_>>()
        .join(", ");
    let facts = vec![
        ("Customer id", c.customer_id.clone()),
        ("Bank", c.bank_id.clone()),
        (
            "KYC status",
            if c.kyc_status {
                "Satisfied"
            } else {
                "Not satisfied"
            }
            .to_owned(),
        ),
        ("Last OK date", dates::display(&c.last_ok_date)),
        ("Dates of birth of dependants", dependants),
    ];
    CustomerRecord {
        id: c.customer_id,
        tenant: c.bank_id,
        number: c.customer_number,
        name: c.legal_name,
        email: c.email,
        phone: c.mobile_phone_number,
        date_of_birth: c.date_of_birth,
        branch: c.branch_id,
        place: String::new(),
        created: String::new(),
        kyc: Some(c.kyc_status),
        values,
        facts,
    }
}
