//! Storage of customer messages. As in OBP's mapped provider, a v4.0.0 message is kept against the
//! customer and a v1.4.0 one against the user linked to the customer, each at one bank; lists are
//! newest first. Rows go with their customer or user (`ON DELETE CASCADE`).

use rusqlite::{params, Row};
use serde::Serialize;

use super::Store;
use crate::dates::Timestamp;

pub(super) const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS customer_messages (
    id              TEXT PRIMARY KEY,
    bank_id         TEXT NOT NULL,
    customer_id     TEXT REFERENCES customers(customer_id) ON DELETE CASCADE,
    user_id         TEXT REFERENCES users(user_id) ON DELETE CASCADE,
    date            TEXT NOT NULL,
    transport       TEXT NOT NULL,
    message         TEXT NOT NULL,
    from_department TEXT NOT NULL,
    from_person     TEXT NOT NULL
);
";

/// A message to a customer (OBP's MessageV400 JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CustomerMessage {
    /// The message id (UUID).
    pub id: String,
    /// When it was sent.
    pub date: Timestamp,
    /// e.g. `SMS` or `Email`; empty for v1.4.0 messages.
    pub transport: String,
    /// The text.
    pub message: String,
    /// The sending department.
    pub from_department: String,
    /// The sender.
    pub from_person: String,
}

/// Whom a message is kept against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recipient<'a> {
    /// A customer (v4.0.0 messages), by CUSTOMER_ID.
    Customer(&'a str),
    /// A user (v1.4.0 messages), by USER_ID.
    User(&'a str),
}

impl<'a> Recipient<'a> {
    /// The column naming the recipient, and its value.
    fn column(self) -> (&'static str, &'a str) {
        match self {
            Recipient::Customer(id) => ("customer_id", id),
            Recipient::User(id) => ("user_id", id),
        }
    }
}

fn message_from_row(row: &Row<'_>) -> rusqlite::Result<CustomerMessage> {
    Ok(CustomerMessage {
        id: row.get(0)?,
        date: row.get(1)?,
        transport: row.get(2)?,
        message: row.get(3)?,
        from_department: row.get(4)?,
        from_person: row.get(5)?,
    })
}

impl Store {
    /// Keeps a message against its recipient at a bank.
    pub fn insert_message(
        &self,
        bank_id: &str,
        to: Recipient<'_>,
        m: &CustomerMessage,
    ) -> rusqlite::Result<()> {
        let (column, recipient) = to.column();
        self.conn.execute(
            &format!(
                "INSERT INTO customer_messages
                     (id, bank_id, {column}, date, transport, message, from_department, from_person)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
            ),
            params![
                m.id,
                bank_id,
                recipient,
                m.date,
                m.transport,
                m.message,
                m.from_department,
                m.from_person
            ],
        )?;
        Ok(())
    }

    /// The messages kept against a recipient at a bank, newest first.
    pub fn messages(
        &self,
        bank_id: &str,
        to: Recipient<'_>,
    ) -> rusqlite::Result<Vec<CustomerMessage>> {
        let (column, recipient) = to.column();
        let mut statement = self.conn.prepare(&format!(
            "SELECT id, date, transport, message, from_department, from_person FROM customer_messages
             WHERE bank_id = ?1 AND {column} = ?2 ORDER BY date DESC, rowid DESC"
        ))?;
        let rows = statement.query_map([bank_id, recipient], message_from_row)?;
        rows.collect()
    }
}
