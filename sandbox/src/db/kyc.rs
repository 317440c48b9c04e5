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
use serde::Serialize;

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

/// A KYC check (OBP's KycCheck JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KycCheck {
    /// The bank of the URL it was added at.
    pub bank_id: String,
    /// The customer of the URL.
    pub customer_id: String,
    /// KYC_CHECK_ID, chosen by the client.
    pub id: String,
    /// The customer number as posted.
    pub customer_number: String,
    /// When the check was made.
    pub date: Timestamp,
    /// How it was made, e.g. `video call`.
    pub how: String,
    /// The member of staff who made it.
    pub staff_user_id: String,
    /// Their name.
    pub staff_name: String,
    /// Whether the check was passed.
    pub satisfied: bool,
    /// Free text.
    pub comments: String,
}

/// A KYC document (OBP's KycDocument JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KycDocument {
    /// The bank of the URL it was added at.
    pub bank_id: String,
    /// The customer of the URL.
    pub customer_id: String,
    /// KYC_DOCUMENT_ID, chosen by the client.
    pub id: String,
    /// The customer number as posted.
    pub customer_number: String,
    /// e.g. `passport`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The document's number.
    pub number: String,
    /// When it was issued.
    pub issue_date: Timestamp,
    /// Where it was issued.
    pub issue_place: String,
    /// When it expires.
    pub expiry_date: Timestamp,
}

/// A KYC media item, e.g. a scan (OBP's KycMedia JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KycMedia {
    /// The bank of the URL it was added at.
    pub bank_id: String,
    /// The customer of the URL.
    pub customer_id: String,
    /// KYC_MEDIA_ID, chosen by the client.
    pub id: String,
    /// The customer number as posted.
    pub customer_number: String,
    /// e.g. `image`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Where the media lives.
    pub url: String,
    /// When it was taken.
    pub date: Timestamp,
    /// The document it shows (free text, not checked).
    pub relates_to_kyc_document_id: String,
    /// The check it belongs to (free text, not checked).
    pub relates_to_kyc_check_id: String,
}

/// A customer's KYC status at one bank (OBP's KycStatus JSON, which has no bank).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KycStatus {
    /// The customer of the URL.
    pub customer_id: String,
    /// The customer number as posted.
    pub customer_number: String,
    /// Whether KYC is satisfied.
    pub ok: bool,
    /// As of when.
    pub date: Timestamp,
    /// The bank of the URL it was added at (the status's key with the customer).
    #[serde(skip)]
    pub bank_id: String,
}

/// A row of one KYC table: its columns in JSON order, and how it is listed.
pub trait KycRecord: Sized {
    /// The table.
    const TABLE: &'static str;
    /// The columns, in the order of [`KycRecord::values`] and of [`KycRecord::from_row`].
    const COLUMNS: &'static str;
    /// The `ORDER BY` of a customer's list.
    const ORDER: &'static str;
    /// The column values.
    fn values(&self) -> Vec<Value>;
    /// A row read with [`KycRecord::COLUMNS`].
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self>;
}

/// Most recently written first (OBP orders by `updatedAt`); `INSERT OR REPLACE` gives a rewritten
/// row a new, highest rowid.
const LAST_WRITTEN_FIRST: &str = "rowid DESC";

fn text(value: &str) -> Value {
    Value::Text(value.to_owned())
}

impl KycRecord for KycCheck {
    const TABLE: &'static str = "kyc_checks";
    const COLUMNS: &'static str = "bank_id, customer_id, id, customer_number, date, how, \
         staff_user_id, staff_name, satisfied, comments";
    const ORDER: &'static str = LAST_WRITTEN_FIRST;

    fn values(&self) -> Vec<Value> {
        vec![
            text(&self.bank_id),
            text(&self.customer_id),
            text(&self.id),
            text(&self.customer_number),
            self.date.into(),
            text(&self.how),
            text(&self.staff_user_id),
            text(&self.staff_name),
            self.satisfied.into(),
            text(&self.comments),
        ]
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(KycCheck {
            bank_id: row.get(0)?,
            customer_id: row.get(1)?,
            id: row.get(2)?,
            customer_number: row.get(3)?,
            date: row.get(4)?,
            how: row.get(5)?,
            staff_user_id: row.get(6)?,
            staff_name: row.get(7)?,
            satisfied: row.get(8)?,
            comments: row.get(9)?,
        })
    }
}

impl KycRecord for KycDocument {
    const TABLE: &'static str = "kyc_documents";
    const COLUMNS: &'static str = "bank_id, customer_id, id, customer_number, type, number, \
         issue_date, issue_place, expiry_date";
    const ORDER: &'static str = LAST_WRITTEN_FIRST;

    fn values(&self) -> Vec<Value> {
        vec![
            text(&self.bank_id),
            text(&self.customer_id),
            text(&self.id),
            text(&self.customer_number),
            text(&self.kind),
            text(&self.number),
            self.issue_date.into(),
            text(&self.issue_place),
            self.expiry_date.into(),
        ]
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(KycDocument {
            bank_id: row.get(0)?,
            customer_id: row.get(1)?,
            id: row.get(2)?,
            customer_number: row.get(3)?,
            kind: row.get(4)?,
            number: row.get(5)?,
            issue_date: row.get(6)?,
            issue_place: row.get(7)?,
            expiry_date: row.get(8)?,
        })
    }
}

impl KycRecord for KycMedia {
    const TABLE: &'static str = "kyc_media";
    const COLUMNS: &'static str = "bank_id, customer_id, id, customer_number, type, url, date, \
         relates_to_kyc_document_id, relates_to_kyc_check_id";
    const ORDER: &'static str = LAST_WRITTEN_FIRST;

    fn values(&self) -> Vec<Value> {
        vec![
            text(&self.bank_id),
            text(&self.customer_id),
            text(&self.id),
            text(&self.customer_number),
            text(&self.kind),
            text(&self.url),
            self.date.into(),
            text(&self.relates_to_kyc_document_id),
            text(&self.relates_to_kyc_check_id),
        ]
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(KycMedia {
            bank_id: row.get(0)?,
            customer_id: row.get(1)?,
            id: row.get(2)?,
            customer_number: row.get(3)?,
            kind: row.get(4)?,
            url: row.get(5)?,
            date: row.get(6)?,
            relates_to_kyc_document_id: row.get(7)?,
            relates_to_kyc_check_id: row.get(8)?,
        })
    }
}

impl KycRecord for KycStatus {
    const TABLE: &'static str = "kyc_statuses";
    const COLUMNS: &'static str = "customer_id, customer_number, ok, date, bank_id";
    /// A timeline, newest status first.
    const ORDER: &'static str = "date DESC, rowid DESC";

    fn values(&self) -> Vec<Value> {
        vec![
            text(&self.customer_id),
            text(&self.customer_number),
            self.ok.into(),
            self.date.into(),
            text(&self.bank_id),
        ]
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(KycStatus {
            customer_id: row.get(0)?,
            customer_number: row.get(1)?,
            ok: row.get(2)?,
            date: row.get(3)?,
            bank_id: row.get(4)?,
        })
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
                R::COLUMNS,
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
            R::COLUMNS,
            R::TABLE,
            R::ORDER
        ))?;
        let rows = statement.query_map([customer_id], R::from_row)?;
        rows.collect()
    }
}
