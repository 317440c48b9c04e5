//! Storage of CRM events (contacts with customers, per bank). They are read-only over the API and
//! listed in the order they were recorded, as OBP's mapped provider returns them.

use rusqlite::params;
use serde::Serialize;

use super::Store;
use crate::dates::Timestamp;

pub(super) const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS crm_events (
    id              TEXT PRIMARY KEY,
    bank_id         TEXT NOT NULL,
    customer_name   TEXT NOT NULL,
    customer_number TEXT NOT NULL,
    category        TEXT NOT NULL,
    detail          TEXT NOT NULL,
    channel         TEXT NOT NULL,
    scheduled_date  TEXT NOT NULL,
    actual_date     TEXT NOT NULL,
    result          TEXT NOT NULL
);
";

/// A CRM event (OBP's CrmEvent JSON). OBP keeps the customer's name and number, not its id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CrmEvent {
    /// The event id (UUID).
    pub id: String,
    /// The bank it happened at.
    pub bank_id: String,
    /// The customer's name at the time.
    pub customer_name: String,
    /// The customer's number.
    pub customer_number: String,
    /// e.g. `Complaint`.
    pub category: String,
    /// Free text.
    pub detail: String,
    /// e.g. `Phone` or `Branch`.
    pub channel: String,
    /// When it was planned.
    pub scheduled_date: Timestamp,
    /// When it happened.
    pub actual_date: Timestamp,
    /// The outcome, e.g. `Resolved`.
    pub result: String,
}

impl Store {
    /// Records a CRM event.
    pub fn insert_crm_event(&self, e: &CrmEvent) -> rusqlite::Result<()> {
        self.conn.execute(
            "INSERT INTO crm_events (id, bank_id, customer_name, customer_number, category, detail,
                 channel, scheduled_date, actual_date, result)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                e.id,
                e.bank_id,
                e.customer_name,
                e.customer_number,
                e.category,
                e.detail,
                e.channel,
                e.scheduled_date,
                e.actual_date,
                e.result
            ],
        )?;
        Ok(())
    }

    /// Every CRM event at a bank, in the order they were recorded.
    pub fn crm_events(&self, bank_id: &str) -> rusqlite::Result<Vec<CrmEvent>> {
        let mut statement = self.conn.prepare(
            "SELECT id, bank_id, customer_name, customer_number, category, detail, channel,
                    scheduled_date, actual_date, result
             FROM crm_events WHERE bank_id = ?1 ORDER BY rowid",
        )?;
        let rows = statement.query_map([bank_id], |row| {
            Ok(CrmEvent {
                id: row.get(0)?,
                bank_id: row.get(1)?,
                customer_name: row.get(2)?,
                customer_number: row.get(3)?,
                category: row.get(4)?,
                detail: row.get(5)?,
                channel: row.get(6)?,
                scheduled_date: row.get(7)?,
                actual_date: row.get(8)?,
                result: row.get(9)?,
            })
        })?;
        rows.collect()
    }
}
