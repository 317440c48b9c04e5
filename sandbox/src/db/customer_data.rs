//! Storage of what hangs off a customer: addresses, tax residences, social media handles,
//! attributes, and the bank-level customer attribute definitions.
//!
//! Every customer-owned table references `customers(customer_id) ON DELETE CASCADE`. The row models
//! serialize exactly as OBP's JSON for them, so handlers return them as they are.

use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;

use super::Store;
use crate::dates::Timestamp;

pub(super) const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS customer_addresses (
    customer_address_id TEXT PRIMARY KEY,
    customer_id         TEXT NOT NULL REFERENCES customers(customer_id) ON DELETE CASCADE,
    line_1              TEXT NOT NULL,
    line_2              TEXT NOT NULL,
    line_3              TEXT NOT NULL,
    city                TEXT NOT NULL,
    county              TEXT NOT NULL,
    state               TEXT NOT NULL,
    postcode            TEXT NOT NULL,
    country_code        TEXT NOT NULL,
    tags                TEXT NOT NULL,
    status              TEXT NOT NULL,
    insert_date         TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tax_residences (
    tax_residence_id TEXT PRIMARY KEY,
    customer_id      TEXT NOT NULL REFERENCES customers(customer_id) ON DELETE CASCADE,
    domain           TEXT NOT NULL,
    tax_number       TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS social_media_handles (
    customer_id     TEXT NOT NULL REFERENCES customers(customer_id) ON DELETE CASCADE,
    customer_number TEXT NOT NULL,
    type            TEXT NOT NULL,
    handle          TEXT NOT NULL,
    date_added      TEXT NOT NULL,
    date_activated  TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS customer_attributes (
    customer_attribute_id TEXT PRIMARY KEY,
    bank_id               TEXT NOT NULL,
    customer_id           TEXT NOT NULL REFERENCES customers(customer_id) ON DELETE CASCADE,
    name                  TEXT NOT NULL,
    type                  TEXT NOT NULL,
    value                 TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS attribute_definitions (
    attribute_definition_id TEXT PRIMARY KEY,
    bank_id                 TEXT NOT NULL,
    name                    TEXT NOT NULL,
    category                TEXT NOT NULL,
    type                    TEXT NOT NULL,
    description             TEXT NOT NULL,
    alias                   TEXT NOT NULL,
    can_be_seen_on_views    TEXT NOT NULL,
    is_active               INTEGER NOT NULL,
    UNIQUE (bank_id, name, category)
);
";

/// A customer address (OBP's Address JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Address {
    /// CUSTOMER_ADDRESS_ID.
    pub customer_address_id: String,
    /// The owning customer.
    pub customer_id: String,
    /// First line.
    pub line_1: String,
    /// Second line.
    pub line_2: String,
    /// Third line.
    pub line_3: String,
    /// City.
    pub city: String,
    /// County.
    pub county: String,
    /// State.
    pub state: String,
    /// Postcode.
    pub postcode: String,
    /// ISO 3166-1 alpha-2 code.
    pub country_code: String,
    /// Free tags (stored comma-joined).
    pub tags: Vec<String>,
    /// Status as sent.
    pub status: String,
    /// When the server stored the address.
    pub insert_date: Timestamp,
}

/// A tax residence (OBP's TaxResidence JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TaxResidence {
    /// Tax domain, e.g. a country.
    pub domain: String,
    /// Tax number in that domain.
    pub tax_number: String,
    /// TAX_RESIDENCE_ID.
    pub tax_residence_id: String,
}

/// A social media handle (OBP's SocialMediaHandle JSON), keyed by customer number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SocialMediaHandle {
    /// The customer number the handle was posted for.
    pub customer_number: String,
    /// e.g. `twitter`.
    #[serde(rename = "type")]
    pub kind: String,
    /// e.g. `@jane`.
    pub handle: String,
    /// When it was added.
    pub date_added: Timestamp,
    /// When it was activated.
    pub date_activated: Timestamp,
}

/// A customer attribute (OBP's CustomerAttribute JSON); the value is kept as sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CustomerAttribute {
    /// CUSTOMER_ATTRIBUTE_ID.
    pub customer_attribute_id: String,
    /// Attribute name.
    pub name: String,
    /// `STRING`, `INTEGER`, `DOUBLE` or `DATE_WITH_DAY`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The value as text.
    pub value: String,
}

/// A customer attribute definition (OBP's AttributeDefinition JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttributeDefinition {
    /// ATTRIBUTE_DEFINITION_ID.
    pub attribute_definition_id: String,
    /// The bank it was defined at.
    pub bank_id: String,
    /// Attribute name.
    pub name: String,
    /// Always `Customer` here.
    pub category: String,
    /// `STRING`, `INTEGER`, `DOUBLE` or `DATE_WITH_DAY`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Free text.
    pub description: String,
    /// Display alias.
    pub alias: String,
    /// View names.
    pub can_be_seen_on_views: Vec<String>,
    /// Whether the definition is in use.
    pub is_active: bool,
}

const ADDRESS_COLUMNS: &str =
    "customer_address_id, customer_id, line_1, line_2, line_3, city, county, \
     state, postcode, country_code, tags, status, insert_date";
const DEFINITION_COLUMNS: &str =
    "attribute_definition_id, bank_id, name, category, type, description, \
     alias, can_be_seen_on_views, is_active";

fn split_list(text: &str) -> Vec<String> {
    text.split(',')
        .filter(|part| !part.is_empty())
        .map(str::to_owned)
        .collect()
}

fn address_from_row(row: &Row<'_>) -> rusqlite::Result<Address> {
    Ok(Address {
        customer_address_id: row.get(0)?,
        customer_id: row.get(1)?,
        line_1: row.get(2)?,
        line_2: row.get(3)?,
        line_3: row.get(4)?,
        city: row.get(5)?,
        county: row.get(6)?,
        state: row.get(7)?,
        postcode: row.get(8)?,
        country_code: row.get(9)?,
        tags: split_list(&row.get::<_, String>(10)?),
        status: row.get(11)?,
        insert_date: row.get(12)?,
    })
}

fn attribute_from_row(row: &Row<'_>) -> rusqlite::Result<CustomerAttribute> {
    Ok(CustomerAttribute {
        customer_attribute_id: row.get(0)?,
        name: row.get(1)?,
        kind: row.get(2)?,
        value: row.get(3)?,
    })
}

fn definition_from_row(row: &Row<'_>) -> rusqlite::Result<AttributeDefinition> {
    Ok(AttributeDefinition {
        attribute_definition_id: row.get(0)?,
        bank_id: row.get(1)?,
        name: row.get(2)?,
        category: row.get(3)?,
        kind: row.get(4)?,
        description: row.get(5)?,
        alias: row.get(6)?,
        can_be_seen_on_views: split_list(&row.get::<_, String>(7)?),
        is_active: row.get(8)?,
    })
}

impl Store {
    /// Inserts an address, or replaces every field of the one with the same id.
    pub fn save_address(&self, a: &Address) -> rusqlite::Result<()> {
        self.conn.execute(
            &format!(
                "INSERT OR REPLACE INTO customer_addresses ({ADDRESS_COLUMNS})
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
            ),
            params![
                a.customer_address_id,
                a.customer_id,
                a.line_1,
                a.line_2,
                a.line_3,
                a.city,
                a.county,
                a.state,
                a.postcode,
                a.country_code,
                a.tags.join(","),
                a.status,
                a.insert_date,
            ],
        )?;
        Ok(())
    }

    /// One address by id, whatever its customer.
    pub fn address(&self, customer_address_id: &str) -> rusqlite::Result<Option<Address>> {
        self.conn
            .query_row(
                &format!(
                    "SELECT {ADDRESS_COLUMNS} FROM customer_addresses WHERE customer_address_id = ?1"
                ),
                [customer_address_id],
                address_from_row,
            )
            .optional()
    }

    /// A customer's addresses, oldest first.
    pub fn addresses(&self, customer_id: &str) -> rusqlite::Result<Vec<Address>> {
        let mut statement = self.conn.prepare(&format!(
            "SELECT {ADDRESS_COLUMNS} FROM customer_addresses WHERE customer_id = ?1 ORDER BY rowid"
        ))?;
        let rows = statement.query_map([customer_id], address_from_row)?;
        rows.collect()
    }

    /// Deletes an address by id; false when there was none.
    pub fn delete_address(&self, customer_address_id: &str) -> rusqlite::Result<bool> {
        Ok(self.conn.execute(
            "DELETE FROM customer_addresses WHERE customer_address_id = ?1",
            [customer_address_id],
        )? > 0)
    }

    /// Adds a tax residence to a customer.
    pub fn insert_tax_residence(
        &self,
        customer_id: &str,
        residence: &TaxResidence,
    ) -> rusqlite::Result<()> {
        self.conn.execute(
            "INSERT INTO tax_residences (tax_residence_id, customer_id, domain, tax_number)
             VALUES (?1, ?2, ?3, ?4)",
            params![
                residence.tax_residence_id,
                customer_id,
                residence.domain,
                residence.tax_number
            ],
        )?;
        Ok(())
    }

    /// A customer's tax residences, oldest first.
    pub fn tax_residences(&self, customer_id: &str) -> rusqlite::Result<Vec<TaxResidence>> {
        let mut statement = self.conn.prepare(
            "SELECT domain, tax_number, tax_residence_id FROM tax_residences
             WHERE customer_id = ?1 ORDER BY rowid",
        )?;
        let rows = statement.query_map([customer_id], |row| {
            Ok(TaxResidence {
                domain: row.get(0)?,
                tax_number: row.get(1)?,
                tax_residence_id: row.get(2)?,
            })
        })?;
        rows.collect()
    }

    /// Deletes a tax residence by id (whatever its customer); false when there was none.
    pub fn delete_tax_residence(&self, tax_residence_id: &str) -> rusqlite::Result<bool> {
        Ok(self.conn.execute(
            "DELETE FROM tax_residences WHERE tax_residence_id = ?1",
            [tax_residence_id],
        )? > 0)
    }

    /// Stores a handle under the customer of the URL (for cascade delete) and the posted number.
    pub fn insert_social_media_handle(
        &self,
        customer_id: &str,
        handle: &SocialMediaHandle,
    ) -> rusqlite::Result<()> {
        self.conn.execute(
            "INSERT INTO social_media_handles
                 (customer_id, customer_number, type, handle, date_added, date_activated)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                customer_id,
                handle.customer_number,
                handle.kind,
                handle.handle,
                handle.date_added,
                handle.date_activated
            ],
        )?;
        Ok(())
    }

    /// Every handle posted with this customer number, oldest first.
    pub fn social_media_handles(
        &self,
        customer_number: &str,
    ) -> rusqlite::Result<Vec<SocialMediaHandle>> {
        let mut statement = self.conn.prepare(
            "SELECT customer_number, type, handle, date_added, date_activated
             FROM social_media_handles WHERE customer_number = ?1 ORDER BY rowid",
        )?;
        let rows = statement.query_map([customer_number], |row| {
            Ok(SocialMediaHandle {
                customer_number: row.get(0)?,
                kind: row.get(1)?,
                handle: row.get(2)?,
                date_added: row.get(3)?,
                date_activated: row.get(4)?,
            })
        })?;
        rows.collect()
    }

    /// Inserts an attribute, or replaces the one with the same id (re-binding it to this bank and customer).
    pub fn save_customer_attribute(
        &self,
        bank_id: &str,
        customer_id: &str,
        attribute: &CustomerAttribute,
    ) -> rusqlite::Result<()> {
        self.conn.execute(
            "INSERT OR REPLACE INTO customer_attributes
                 (customer_attribute_id, bank_id, customer_id, name, type, value)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                attribute.customer_attribute_id,
                bank_id,
                customer_id,
                attribute.name,
                attribute.kind,
                attribute.value
            ],
        )?;
        Ok(())
    }

    /// One attribute by id, whatever its customer.
    pub fn customer_attribute(
        &self,
        customer_attribute_id: &str,
    ) -> rusqlite::Result<Option<CustomerAttribute>> {
        self.conn
            .query_row(
                "SELECT customer_attribute_id, name, type, value FROM customer_attributes
                 WHERE customer_attribute_id = ?1",
                [customer_attribute_id],
                attribute_from_row,
            )
            .optional()
    }

    /// A customer's attributes at a bank, oldest first.
    pub fn customer_attributes(
        &self,
        bank_id: &str,
        customer_id: &str,
    ) -> rusqlite::Result<Vec<CustomerAttribute>> {
        let mut statement = self.conn.prepare(
            "SELECT customer_attribute_id, name, type, value FROM customer_attributes
             WHERE bank_id = ?1 AND customer_id = ?2 ORDER BY rowid",
        )?;
        let rows = statement.query_map([bank_id, customer_id], attribute_from_row)?;
        rows.collect()
    }

    /// The customers at a bank holding at least one of the attributes `(name, value)`, as OBP's
    /// mapped provider matches firehose filters (any pair matches).
    pub fn customer_ids_with_any_attribute(
        &self,
        bank_id: &str,
        pairs: &[(&str, &str)],
    ) -> rusqlite::Result<Vec<String>> {
        let conditions = vec!["(name = ? AND value = ?)"; pairs.len()].join(" OR ");
        let mut statement = self.conn.prepare(&format!(
            "SELECT DISTINCT customer_id FROM customer_attributes
             WHERE bank_id = ? AND ({conditions})"
        ))?;
        let values = std::iter::once(bank_id).chain(pairs.iter().flat_map(|(n, v)| [*n, *v]));
        let rows = statement.query_map(rusqlite::params_from_iter(values), |row| row.get(0))?;
        rows.collect()
    }

    /// Deletes an attribute by id; false when there was none.
    pub fn delete_customer_attribute(&self, customer_attribute_id: &str) -> rusqlite::Result<bool> {
        Ok(self.conn.execute(
            "DELETE FROM customer_attributes WHERE customer_attribute_id = ?1",
            [customer_attribute_id],
        )? > 0)
    }

    /// Creates a definition, or updates the one with the same (bank, name, category), keeping its id.
    pub fn upsert_attribute_definition(
        &self,
        d: &AttributeDefinition,
    ) -> rusqlite::Result<AttributeDefinition> {
        self.conn.execute(
            &format!(
                "INSERT INTO attribute_definitions ({DEFINITION_COLUMNS})
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                 ON CONFLICT (bank_id, name, category) DO UPDATE SET type = excluded.type,
                     description = excluded.description, alias = excluded.alias,
                     can_be_seen_on_views = excluded.can_be_seen_on_views, is_active = excluded.is_active"
            ),
            params![
                d.attribute_definition_id,
                d.bank_id,
                d.name,
                d.category,
                d.kind,
                d.description,
                d.alias,
                d.can_be_seen_on_views.join(","),
                d.is_active
            ],
        )?;
        self.conn.query_row(
            &format!(
                "SELECT {DEFINITION_COLUMNS} FROM attribute_definitions
                 WHERE bank_id = ?1 AND name = ?2 AND category = ?3"
            ),
            [&d.bank_id, &d.name, &d.category],
            definition_from_row,
        )
    }

    /// Every definition of a category, at every bank.
    pub fn attribute_definitions(
        &self,
        category: &str,
    ) -> rusqlite::Result<Vec<AttributeDefinition>> {
        let mut statement = self.conn.prepare(&format!(
            "SELECT {DEFINITION_COLUMNS} FROM attribute_definitions WHERE category = ?1 ORDER BY rowid"
        ))?;
        let rows = statement.query_map([category], definition_from_row)?;
        rows.collect()
    }

    /// Deletes a definition of a category by id; false when there was none.
    pub fn delete_attribute_definition(
        &self,
        attribute_definition_id: &str,
        category: &str,
    ) -> rusqlite::Result<bool> {
        Ok(self.conn.execute(
            "DELETE FROM attribute_definitions WHERE attribute_definition_id = ?1 AND category = ?2",
            [attribute_definition_id, category],
        )? > 0)
    }
}
