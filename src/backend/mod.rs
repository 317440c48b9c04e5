//! [`CustomerBackend`]: what the customer pages need from a customer API, so one set of pages
//! (sign-in, the shell's tenant picker, list, create, the customer page) serves every backend.
//!
//! A backend says how staff sign in, what its tenants are (banks, profiles), how its list pages,
//! how a customer is read, created, edited and deleted, and what else it offers
//! ([`Capabilities`]). Adding a backend means one file here, its `api` module, and a
//! [`BackendKind`] variant naming it in `config.json`.

mod cells;
mod enterprise;
mod obp;
mod record;

pub use cells::kyc_label;
pub use record::{Column, CustomerPage, CustomerRecord, Rows, Total};

use crate::{
    api::{Api, ApiError, AuthScheme, LocalFuture},
    config::{AppConfig, BackendKind},
    forms::{EditGroup, FieldErrors, FieldSpec, FormValues, Section},
    query::customer_query::{CustomerQuery, Paging},
    routes,
};

/// The backend in context: a `'static` reference, `Copy` and free to pass around.
pub type Backend = &'static dyn CustomerBackend;

/// The backend `config.json` names.
pub fn for_kind(kind: BackendKind) -> Backend {
    match kind {
        BackendKind::Obp => &obp::Obp,
        BackendKind::Enterprise => &enterprise::Enterprise,
    }
}

/// A request on its way.
pub type Request<T> = LocalFuture<Result<T, ApiError>>;

/// How staff sign in.
#[derive(Debug)]
pub struct SignIn {
    /// The form's fields.
    pub fields: &'static [FieldSpec],
    /// Under the page title: how this sign-in works.
    pub subtitle: &'static str,
    /// The button's label while the sign-in is on its way.
    pub pending_label: &'static str,
}

/// What the backend calls the space customers live in, and how pages address it.
#[derive(Debug)]
pub struct TenantKind {
    /// "Bank" or "Profile": the picker's label.
    pub label: &'static str,
    /// The picker's element id.
    pub picker_id: &'static str,
    /// Where the chosen tenant is kept for the tab (sessionStorage).
    pub storage_key: &'static str,
    /// Whether customer pages name the tenant in their path (`/banks/B/customers/C`); if not,
    /// a customer page works at the tenant chosen in the header.
    pub in_path: bool,
}

/// A tenant the picker offers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tenant {
    /// Its id, as paths carry it.
    pub id: String,
    /// What the picker shows.
    pub name: String,
}

/// A tab of the customer page.
#[derive(Debug)]
pub struct Tab {
    /// The tab's label.
    pub label: &'static str,
    /// Its path below the customer's (`""` for the first, `/kyc`…).
    pub path: &'static str,
}

/// A page in the header's navigation.
#[derive(Debug)]
pub struct NavLink {
    /// The link text.
    pub label: &'static str,
    /// The in-app path.
    pub path: &'static str,
}

/// What a backend offers besides its customers' records.
#[derive(Debug)]
pub struct Capabilities {
    /// Whether the API has users with roles that gate actions (OBP); without, the token decides.
    pub roles: bool,
    /// Pages in the header, customers first.
    pub nav: &'static [NavLink],
    /// The customer page's tabs; the first shows the record and its edit groups.
    pub tabs: &'static [Tab],
    /// The list's columns, with their headings.
    pub columns: &'static [(Column, &'static str)],
    /// Whether the list offers other lists than the tenant's (OBP's scopes).
    pub scopes: bool,
    /// Whether customers can be looked up by customer number.
    pub find_by_number: bool,
    /// Whether the tenant's list can be searched by mobile phone pattern.
    pub phone_search: bool,
    /// Whether the list can be sorted.
    pub sort: bool,
    /// How the list pages.
    pub paging: Paging,
    /// Roles that may create customers (any one; empty: anyone).
    pub create_roles: &'static [&'static str],
    /// Roles that may delete customers (any one; empty: anyone).
    pub delete_roles: &'static [&'static str],
    /// What a delete takes with it, said in the confirm dialog.
    pub delete_consequence: &'static str,
}

/// A create that succeeded.
#[derive(Clone, Debug)]
pub struct Created {
    /// The new customer.
    pub record: CustomerRecord,
    /// Whether an earlier, unconfirmed attempt had made it (found, not sent again).
    pub found_earlier: bool,
}

/// A customer API as the customer pages use it. Object-safe; one `'static` value per backend.
pub trait CustomerBackend: Sync {
    /// The sign-in form.
    fn sign_in(&self) -> &'static SignIn;

    /// The sign-in form's starting values.
    fn sign_in_values(&self, config: &AppConfig) -> FormValues;

    /// Checks the sign-in values and starts signing in at `tenant`; the answer is the session
    /// token. Field errors when the values cannot be sent.
    fn start_sign_in(
        &self,
        api: &Api,
        tenant: &str,
        values: &FormValues,
    ) -> Result<Request<String>, FieldErrors>;

    /// How the token travels, and the path prefix of its API below the base URL.
    fn scheme(&self, config: &AppConfig) -> (AuthScheme, String);

    /// What its tenants are.
    fn tenant(&self) -> &'static TenantKind;

    /// The tenant a new session starts at.
    fn default_tenant(&self, config: &AppConfig) -> String;

    /// Whether `tenant`, remembered from earlier in the tab, is still offered.
    fn offers_tenant(&self, config: &AppConfig, tenant: &str) -> bool {
        let _ = (config, tenant);
        true
    }

    /// The tenants the header offers.
    fn tenants(&self, api: &Api, config: &AppConfig) -> Request<Vec<Tenant>>;

    /// What it offers.
    fn capabilities(&self) -> &'static Capabilities;

    /// One page of the list `query` asks for, at `tenant`.
    fn list(&self, api: &Api, tenant: &str, query: &CustomerQuery) -> Request<CustomerPage>;

    /// The customer `id` at `tenant`.
    fn get(&self, api: &Api, tenant: &str, id: &str) -> Request<CustomerRecord>;

    /// The customer `id` when its tenant is not known: at `first`, then at each of `others`.
    fn locate(
        &self,
        api: &Api,
        first: &str,
        others: &[String],
        id: &str,
    ) -> Request<CustomerRecord> {
        let _ = others;
        self.get(api, first, id)
    }

    /// The create form.
    fn create_sections(&self) -> &'static [Section];

    /// Checks the create form and starts creating at `tenant`. With `look_first` (the last
    /// attempt got no answer), it first looks for a customer that attempt may have made.
    fn start_create(
        &self,
        api: &Api,
        tenant: &str,
        values: &FormValues,
        look_first: bool,
    ) -> Result<Request<Created>, FieldErrors>;

    /// The parts of a record edited and saved as one, in the order the page shows them.
    fn edit_groups(&self) -> Vec<&'static EditGroup>;

    /// Checks `values` for `group` and starts saving them; the answer is the saved record.
    fn start_update(
        &self,
        api: &Api,
        record: &CustomerRecord,
        group: &'static EditGroup,
        values: &FormValues,
    ) -> Result<Request<CustomerRecord>, FieldErrors>;

    /// Deletes the customer `id` at `tenant`.
    fn delete(&self, api: &Api, tenant: &str, id: &str) -> Request<()>;

    /// The form fields an API error names, with the API's messages.
    fn field_errors(&self) -> fn(&ApiError) -> FieldErrors {
        |_| FieldErrors::default()
    }
}

/// A create that looks first: with `look_first` (the last attempt got no answer), `find` looks
/// for what that attempt may have made, and only without a match does `create` send again.
/// Both are futures, so whichever is not needed is never sent.
async fn create_once<T>(
    look_first: bool,
    find: impl std::future::Future<Output = Result<Option<T>, ApiError>>,
    create: impl std::future::Future<Output = Result<T, ApiError>>,
    record: impl Fn(T) -> CustomerRecord,
) -> Result<Created, ApiError> {
    if look_first {
        if let Some(found) = find.await? {
            return Ok(Created {
                record: record(found),
                found_earlier: true,
            });
        }
    }
    Ok(Created {
        record: record(create.await?),
        found_earlier: false,
    })
}

/// The in-app path of `record`'s page: at its tenant when the backend puts tenants in paths.
pub fn customer_path(backend: Backend, record: &CustomerRecord) -> String {
    let tenant = if backend.tenant().in_path {
        record.tenant.as_str()
    } else {
        ""
    };
    routes::detail_path(tenant, &record.id)
}
