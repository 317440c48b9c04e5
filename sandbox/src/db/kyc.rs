//! Storage of KYC checks, documents, media and statuses, one table each, written by OBP's
//! create-or-update PUTs.
//!
//! As in OBP's mapped providers, checks, documents and media are keyed by the client-chosen id
//! alone (a PUT with a known id overwrites every field, bank and customer included) and listed most
//! recently written first; a status is keyed by (bank, customer), so each bank keeps one status per
//! customer. Every table references `customers(customer_id) ON DELETE CASCADE`, and the row models
//! serialize exactly as OBP's JSON for them.

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Row};
use serde::{Deserialize, Serialize};

use super::Store;
use crate::dates::Timestamp;

pub(super) const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS kyc_checks (
    bank_id         TEXT NOT NULL,
    customer_id     TEXT NOT NULL REFERENCES customers(customer_id) ON DELETE CASCADE,
    id              TEXT PRIMARY KEY,
    customer_number TEXT NOT NULL,
    date            TEXT NOT NULL,
    how             TEXT NOT NULL,
    staff_user_id   TEXT NOT NULL,
    staff_name      TEXT NOT NULL,
    satisfied       INTEGER NOT NULL,
    comments        TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS kyc_documents (
    bank_id         TEXT NOT NULL,
    customer_id     TEXT NOT NULL REFERENCES customers(customer_id) ON DELETE CASCADE,
    id              TEXT PRIMARY KEY,
    customer_number TEXT NOT NULL,
    type            TEXT NOT NULL,
    number          TEXT NOT NULL,
    issue_date      TEXT NOT NULL,
    issue_place     TEXT NOT NULL,
    expiry_date     TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS kyc_media (
    bank_id                    TEXT NOT NULL,
    customer_id                TEXT NOT NULL REFERENCES customers(customer_id) ON DELETE CASCADE,
    id                         TEXT PRIMARY KEY,
    customer_number            TEXT NOT NULL,
    type                       TEXT NOT NULL,
    url                        TEXT NOT NULL,
    date                       TEXT NOT NULL,
    relates_to_kyc_document_id TEXT NOT NULL,
    relates_to_kyc_check_id    TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS kyc_statuses (
    customer_id     TEXT NOT NULL REFERENCES customers(customer_id) ON DELETE CASCADE,
    customer_number TEXT NOT NULL,
    ok              INTEGER NOT NULL,
    date            TEXT NOT NULL,
    bank_id         TEXT NOT NULL,
    UNIQUE (bank_id, customer_id)
);
";

/// The parts of a KYC record that its PUT takes from the URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KycUrl<'a> {
    /// BANK_ID.
    pub bank_id: &'a str,
    /// CUSTOMER_ID.
    pub customer_id: &'a str,
    /// The record's id (KYC_CHECK_ID, …); statuses have none.
    pub id: &'a str,
}

/// A row of one KYC table: where it lives, how it is listed, and how a PUT body becomes one.
pub trait KycRecord: Sized {
    /// The table.
    const TABLE: &'static str;
    /// The columns, in the order of [`KycRecord::values`].
    const COLUMNS: &'static [&'static str];
    /// The `ORDER BY` of a customer's list.
    const ORDER: &'static str;
    /// The column values.
    fn values(&self) -> Vec<Value>;
    /// A row read with [`KycRecord::COLUMNS`].
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self>;
    /// The record as PUT at `url`: the URL's fields replace whatever the body held.
    fn at(self, url: KycUrl<'_>) -> Self;
}

/// Most recently written first (OBP orders by `updatedAt`); `INSERT OR REPLACE` gives a rewritten
/// row a new, highest rowid.
const LAST_WRITTEN_FIRST: &str = "rowid DESC";

/// The column of a field: its name, or the one given after `as`.
macro_rules! kyc_column {
    ($field:ident) => {
        stringify!($field)
    };
    ($field:ident $column:literal) => {
        $column
    };
}

/// A KYC row model and its [`KycRecord`] impl. The URL fields come first (JSON order), are
/// optional in a request body and are set by [`KycRecord::at`]; the body fields are required.
/// Each field is stored in the column of its name, or in the one after `as` (`kind` in `type`).
macro_rules! kyc_record {
    (
        $(#[$doc:meta])*
        $name:ident in $table:literal, listed $order:expr;
        url { $($(#[$url_meta:meta])* $url_field:ident,)* }
        body { $($(#[$body_meta:meta])* $field:ident: $ty:ty $(as $column:literal)?,)* }
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
        pub struct $name {
            $($(#[$url_meta])* #[serde(default)] pub $url_field: String,)*
            $($(#[$body_meta])* pub $field: $ty,)*
        }

        impl KycRecord for $name {
            const TABLE: &'static str = $table;
            const COLUMNS: &'static [&'static str] =
                &[$(stringify!($url_field),)* $(kyc_column!($field $($column)?),)*];
            const ORDER: &'static str = $order;

            fn values(&self) -> Vec<Value> {
                vec![$(Value::from(self.$url_field.clone()),)* $(Value::from(self.$field.clone()),)*]
            }

            fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
                Ok($name {
                    $($url_field: row.get(stringify!($url_field))?,)*
                    $($field: row.get(kyc_column!($field $($column)?))?,)*
                })
            }

            fn at(self, url: KycUrl<'_>) -> Self {
                $name { $($url_field: url.$url_field.into(),)* ..self }
            }
        }
    };
}

kyc_record! {
    /// A KYC check (OBP's KycCheck JSON).
    KycCheck in "kyc_checks", listed LAST_WRITTEN_FIRST;
    url {
        /// The bank of the URL it was added at.
        bank_id,
        /// The customer of the URL.
        customer_id,
        /// KYC_CHECK_ID, chosen by the client.
        id,
    }
    body {
        /// The customer number as posted.
        customer_number: String,
        /// When the check was made.
        date: Timestamp,
        /// How it was made, e.g. `video call`.
        how: String,
        /// The member of staff who made it.
        staff_user_id: String,
        /// Their name.
        staff_name: String,
        /// Whether the check was passed.
        satisfied: bool,
        /// Free text.
        comments: String,
    }
}

kyc_record! {
    /// A KYC document (OBP's KycDocument JSON).
    KycDocument in "kyc_documents", listed LAST_WRITTEN_FIRST;
    url {
        /// The bank of the URL it was added at.
        bank_id,
        /// The customer of the URL.
        customer_id,
        /// KYC_DOCUMENT_ID, chosen by the client.
        id,
    }
    body {
        /// The customer number as posted.
        customer_number: String,
        /// e.g. `passport`.
        #[serde(rename = "type")]
        kind: String as "type",
        /// The document's number.
        number: String,
        /// When it was issued.
        issue_date: Timestamp,
        /// Where it was issued.
        issue_place: String,
        /// When it expires.
        expiry_date: Timestamp,
    }
}

kyc_record! {
    /// A KYC media item, e.g. a scan (OBP's KycMedia JSON).
    KycMedia in "kyc_media", listed LAST_WRITTEN_FIRST;
    url {
        /// The bank of the URL it was added at.
        bank_id,
        /// The customer of the URL.
        customer_id,
        /// KYC_MEDIA_ID, chosen by the client.
        id,
    }
    body {
        /// The customer number as posted.
        customer_number: String,
        /// e.g. `image`.
        #[serde(rename = "type")]
        kind: String as "type",
        /// Where the media lives.
        url: String,
        /// When it was taken.
        date: Timestamp,
        /// The document it shows (free text, not checked).
        relates_to_kyc_document_id: String,
        /// The check it belongs to (free text, not checked).
        relates_to_kyc_check_id: String,
    }
}

kyc_record! {
    /// A customer's KYC status at one bank (OBP's KycStatus JSON, which has no bank); a timeline,
    /// newest status first.
    KycStatus in "kyc_statuses", listed "date DESC, rowid DESC";
    url {
        /// The customer of the URL.
        customer_id,
        /// The bank of the URL it was added at (the status's key with the customer).
        #[serde(skip)]
        bank_id,
    }
    body {
        /// The customer number as posted.
        customer_number: String,
        /// Whether KYC is satisfied.
        ok: bool,
        /// As of when.
        date: Timestamp,
    }
}

impl Store {
    /// Creates a KYC record, or replaces the one with the same key (id; bank and customer for a status).
    pub fn save_kyc<R: KycRecord>(&self, record: &R) -> rusqlite::Result<()> {
        let values = record.values();
        let placeholders: Vec<String> = (1..=values.len()).map(|n| format!("?{n}")).collect();
        self.conn.execute(
            &format!(
                "INSERT OR REPLACE INTO {} ({}) VALUES ({})",
                R::TABLE,
                R::COLUMNS.join(", "),
                placeholders.join(", ")
            ),
            params_from_iter(values),
        )?;
        Ok(())
    }

    /// A customer's KYC records of one kind, at every bank, in the kind's order.
    pub fn kyc_records<R: KycRecord>(&self, customer_id: &str) -> rusqlite::Result<Vec<R>> {
        let mut statement = self.conn.prepare(&format!(
            "SELECT {} FROM {} WHERE customer_id = ?1 ORDER BY {}",
            R::COLUMNS.join(", "),
            R::TABLE,
            R::ORDER
        ))?;
        let rows = statement.query_map([customer_id], R::from_row)?;
        rows.collect()
    }
}
