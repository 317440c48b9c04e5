//! Storage of the Enterprise API's profiles and customers (see [`crate::enterprise`]).
//!
//! A customer belongs to one profile and goes with it (`ON DELETE CASCADE`). The address is kept in
//! flat nullable columns; a customer whose address columns are all `NULL` has no address (`null`).
//! `created` is text in the fixed-width `2024-09-25T12:01:00.103Z` form, so it sorts as time does.

use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;

use super::Store;

pub(super) const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS enterprise_profiles (
    profile_id TEXT PRIMARY KEY
);
CREATE TABLE IF NOT EXISTS enterprise_customers (
    id           TEXT PRIMARY KEY,
    profile_id   TEXT NOT NULL REFERENCES enterprise_profiles(profile_id) ON DELETE CASCADE,
    company      TEXT,
    first_name   TEXT,
    last_name    TEXT,
    email        TEXT,
    phone        TEXT,
    premise      INTEGER,
    sub_premise  TEXT,
    building     TEXT,
    postal_code  TEXT,
    thoroughfare TEXT,
    locality     TEXT,
    state        TEXT,
    country      TEXT,
    created      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS enterprise_customers_by_created
    ON enterprise_customers (profile_id, created);
";

const COLUMNS: &str = "id, company, first_name, last_name, email, phone, premise, sub_premise, \
     building, postal_code, thoroughfare, locality, state, country, created";

/// A postal address as the Enterprise API writes it; every field may be `null`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Address {
    /// House number.
    pub premise: Option<u32>,
    /// Addition to the house number, e.g. `A`.
    pub sub_premise: Option<String>,
    /// Building name.
    pub building: Option<String>,
    /// Postcode in the country's format, e.g. `2132 NA`.
    pub postal_code: Option<String>,
    /// Street.
    pub thoroughfare: Option<String>,
    /// City or town, e.g. `Hoofddorp`.
    pub locality: Option<String>,
    /// Province, state or county, e.g. `Noord-Holland`.
    pub state: Option<String>,
    /// ISO 3166-1 alpha-2 code, e.g. `NL`.
    pub country: Option<String>,
}

/// What a client sets on a customer: everything but `id` and `created`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Details {
    /// Company name (`null` for a private person).
    pub company: Option<String>,
    /// First name.
    pub first_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Phone number, digits with an optional leading `+`, e.g. `318000201068`.
    pub phone: Option<String>,
    /// Postal address.
    pub address: Option<Address>,
}

/// An Enterprise API customer, serialized with the documented keys in the documented order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Customer {
    /// The customer id (UUID).
    pub id: String,
    /// The fields a client sets.
    #[serde(flatten)]
    pub details: Details,
    /// When it was created, e.g. `2024-09-25T12:01:00.103Z`.
    pub created: String,
}

fn customer_from_row(row: &Row<'_>) -> rusqlite::Result<Customer> {
    let address = Address {
        premise: row.get("premise")?,
        sub_premise: row.get("sub_premise")?,
        building: row.get("building")?,
        postal_code: row.get("postal_code")?,
        thoroughfare: row.get("thoroughfare")?,
        locality: row.get("locality")?,
        state: row.get("state")?,
        country: row.get("country")?,
    };
    Ok(Customer {
        id: row.get("id")?,
        details: Details {
            company: row.get("company")?,
            first_name: row.get("first_name")?,
            last_name: row.get("last_name")?,
            email: row.get("email")?,
            phone: row.get("phone")?,
            address: (address != Address::default()).then_some(address),
        },
        created: row.get("created")?,
    })
}

impl Store {
    /// Adds a profile unless it exists.
    pub fn insert_enterprise_profile(&self, profile_id: &str) -> rusqlite::Result<()> {
        self.conn.execute(
            "INSERT OR IGNORE INTO enterprise_profiles (profile_id) VALUES (?1)",
            [profile_id],
        )?;
        Ok(())
    }

    /// Whether a profile exists.
    pub fn enterprise_profile_exists(&self, profile_id: &str) -> rusqlite::Result<bool> {
        self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM enterprise_profiles WHERE profile_id = ?1)",
            [profile_id],
            |row| row.get(0),
        )
    }

    /// How many customers a profile has.
    pub fn enterprise_customer_count(&self, profile_id: &str) -> rusqlite::Result<u64> {
        self.conn.query_row(
            "SELECT COUNT(*) FROM enterprise_customers WHERE profile_id = ?1",
            [profile_id],
            |row| row.get(0),
        )
    }

    /// At most `limit` of a profile's customers after skipping `offset`, newest `created` first
    /// (the later insert first on equal `created`).
    pub fn enterprise_customers(
        &self,
        profile_id: &str,
        limit: u64,
        offset: u64,
    ) -> rusqlite::Result<Vec<Customer>> {
        let mut statement = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM enterprise_customers WHERE profile_id = ?1
             ORDER BY created DESC, rowid DESC LIMIT ?2 OFFSET ?3"
        ))?;
        let rows = statement.query_map(params![profile_id, limit, offset], customer_from_row)?;
        rows.collect()
    }

    /// One customer of a profile.
    pub fn enterprise_customer(
        &self,
        profile_id: &str,
        id: &str,
    ) -> rusqlite::Result<Option<Customer>> {
        self.conn
            .query_row(
                &format!(
                    "SELECT {COLUMNS} FROM enterprise_customers WHERE profile_id = ?1 AND id = ?2"
                ),
                [profile_id, id],
                customer_from_row,
            )
            .optional()
    }

    /// Adds a customer to a profile, or replaces every client-set field of the customer with that
    /// id (its profile and `created` stay).
    pub fn save_enterprise_customer(
        &self,
        profile_id: &str,
        customer: &Customer,
    ) -> rusqlite::Result<()> {
        let details = &customer.details;
        let address = details.address.clone().unwrap_or_default();
        self.conn.execute(
            &format!(
                "INSERT INTO enterprise_customers (profile_id, {COLUMNS})
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
                 ON CONFLICT(id) DO UPDATE SET company = excluded.company,
                     first_name = excluded.first_name, last_name = excluded.last_name,
                     email = excluded.email, phone = excluded.phone, premise = excluded.premise,
                     sub_premise = excluded.sub_premise, building = excluded.building,
                     postal_code = excluded.postal_code, thoroughfare = excluded.thoroughfare,
                     locality = excluded.locality, state = excluded.state,
                     country = excluded.country"
            ),
            params![
                profile_id,
                customer.id,
                details.company,
                details.first_name,
                details.last_name,
                details.email,
                details.phone,
                address.premise,
                address.sub_premise,
                address.building,
                address.postal_code,
                address.thoroughfare,
                address.locality,
                address.state,
                address.country,
                customer.created,
            ],
        )?;
        Ok(())
    }

    /// Removes a customer of a profile; `false` when there was none.
    pub fn delete_enterprise_customer(&self, profile_id: &str, id: &str) -> rusqlite::Result<bool> {
        Ok(self.conn.execute(
            "DELETE FROM enterprise_customers WHERE profile_id = ?1 AND id = ?2",
            [profile_id, id],
        )? > 0)
    }
}
