//! [`CustomerScope`]: what the tabs of a customer page share: the customer's bank and id (both
//! from the URL, never the header's bank; a backend without tenants in paths: the header's
//! profile), its record, and loaders bound to them.

use std::future::Future;

use leptos::prelude::*;

use crate::{
    api::{Api, ApiError},
    backend::CustomerRecord,
    components::Change,
    forms::{FieldErrors, FormValues},
};

/// The customer a page is about. `Copy`: signals and a stored handle.
#[derive(Clone, Copy)]
pub struct CustomerScope {
    /// The customer's bank from the URL, kept while the router leaves the page. Every read,
    /// change and role check of the page is at this bank.
    pub bank: Memo<String>,
    /// The customer id from the URL, kept while the router leaves the page.
    pub id: Memo<String>,
    /// The customer once loaded (a blank one before); edits update it in place.
    pub customer: RwSignal<CustomerRecord>,
    api: StoredValue<Api>,
}

impl CustomerScope {
    /// A scope for the customer `id` at `bank`.
    pub fn new(bank: Memo<String>, id: Memo<String>) -> Self {
        Self {
            bank,
            id,
            customer: RwSignal::new(CustomerRecord::default()),
            api: StoredValue::new(expect_context()),
        }
    }

    /// Loads `fetch(api, bank_id, customer_id)` now, and again when the bank or customer in the
    /// URL changes or the connection comes back. Every tab calls this at once, so their requests
    /// run in parallel.
    pub fn load<T, F, Fut>(self, fetch: F) -> LocalResource<Result<T, ApiError>>
    where
        T: 'static,
        F: Fn(Api, String, String) -> Fut + 'static,
        Fut: Future<Output = Result<T, ApiError>> + 'static,
    {
        LocalResource::new(move || {
            let api = self.api.get_value();
            api.connection().track_reconnects();
            fetch(api, self.bank.get(), self.id.get())
        })
    }

    /// The API handle, bank id and customer id as they are now, for a change.
    pub fn target(self) -> (Api, String, String) {
        (
            self.api.get_value(),
            self.bank.get_untracked(),
            self.id.get_untracked(),
        )
    }

    /// Whether the customer has loaded.
    pub fn is_loaded(self) -> bool {
        self.customer.with(CustomerRecord::is_loaded)
    }

    /// Whether the customer has loaded, as a signal (for forms that need its number).
    pub fn loaded(self) -> Signal<bool> {
        Signal::derive(move || self.is_loaded())
    }

    /// `build` given the customer's number: OBP files KYC records and social handles under the
    /// number in the body, not the id in the path.
    pub fn numbered<T: 'static>(
        self,
        build: fn(&str, &FormValues) -> Result<T, FieldErrors>,
    ) -> impl Fn(&FormValues) -> Result<T, FieldErrors> + Copy + Send + Sync + 'static {
        move |values| build(&self.customer_number().unwrap_or_default(), values)
    }

    /// `send` given the API handle, bank id and customer id as they are when it sends.
    pub fn sending<T, F, Fut>(self, send: F) -> impl Fn(T) -> Fut + Copy + Send + Sync + 'static
    where
        F: Fn(Api, String, String, T) -> Fut + Copy + Send + Sync + 'static,
    {
        move |body| {
            let (api, bank, customer) = self.target();
            send(api, bank, customer, body)
        }
    }

    /// A toast's text about this customer: `told("Address", Change::Added)` reads "Address
    /// added to Zoë Müller" once the customer is loaded.
    pub fn told(self, what: impl Into<String>, change: Change) -> Signal<String> {
        let what = what.into();
        Signal::derive(move || self.customer.with(|c| change.told(&what, &c.name)))
    }

    /// The customer's number, once the customer is loaded.
    pub fn customer_number(self) -> Option<String> {
        self.customer
            .with(|c| Some(c.number.clone()).filter(|_| c.is_loaded()))
    }
}
