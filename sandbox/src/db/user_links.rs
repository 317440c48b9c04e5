//! Storage of user–customer links. Rows go with their user (`sync_users` drops users no longer
//! configured) and with their customer (`ON DELETE CASCADE` on both).

use rusqlite::{params, Row};
use serde::Serialize;

use super::{customer_from_row, Customer, Store, CUSTOMER_COLUMNS};
use crate::dates::Timestamp;

pub(super) const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS user_customer_links (
    user_customer_link_id TEXT PRIMARY KEY,
    customer_id           TEXT NOT NULL REFERENCES customers(customer_id) ON DELETE CASCADE,
    user_id               TEXT NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
    date_inserted         TEXT NOT NULL,
    is_active             INTEGER NOT NULL
);
";

/// A user–customer link (OBP's UserCustomerLink JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UserCustomerLink {
    /// USER_CUSTOMER_LINK_ID.
    pub user_customer_link_id: String,
    /// The customer.
    pub customer_id: String,
    /// The user.
    pub user_id: String,
    /// When the link was made.
    pub date_inserted: Timestamp,
    /// Always true for links made through the API.
    pub is_active: bool,
}

const LINK_COLUMNS: &str = "user_customer_link_id, customer_id, user_id, date_inserted, is_active";

fn link_from_row(row: &Row<'_>) -> rusqlite::Result<UserCustomerLink> {
    Ok(UserCustomerLink {
        user_customer_link_id: row.get(0)?,
        customer_id: row.get(1)?,
        user_id: row.get(2)?,
        date_inserted: row.get(3)?,
        is_active: row.get(4)?,
    })
}

impl Store {
    /// Adds a user–customer link.
    pub fn insert_user_customer_link(&self, l: &UserCustomerLink) -> rusqlite::Result<()> {
        self.conn.execute(
            &format!(
                "INSERT INTO user_customer_links ({LINK_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5)"
            ),
            params![
                l.user_customer_link_id,
                l.customer_id,
                l.user_id,
                l.date_inserted,
                l.is_active
            ],
        )?;
        Ok(())
    }

    /// Whether a user is already linked to a customer.
    pub fn user_customer_link_exists(
        &self,
        user_id: &str,
        customer_id: &str,
    ) -> rusqlite::Result<bool> {
        self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM user_customer_links WHERE user_id = ?1 AND customer_id = ?2)",
            [user_id, customer_id],
            |row| row.get(0),
        )
    }

    /// The links of a user (`column` = `user_id`) or of a customer (`customer_id`), oldest first.
    fn user_customer_links_where(
        &self,
        column: &str,
        id: &str,
    ) -> rusqlite::Result<Vec<UserCustomerLink>> {
        let mut statement = self.conn.prepare(&format!(
            "SELECT {LINK_COLUMNS} FROM user_customer_links WHERE {column} = ?1 ORDER BY rowid"
        ))?;
        let rows = statement.query_map([id], link_from_row)?;
        rows.collect()
    }

    /// A user's links, at every bank, oldest first.
    pub fn user_customer_links_by_user(
        &self,
        user_id: &str,
    ) -> rusqlite::Result<Vec<UserCustomerLink>> {
        self.user_customer_links_where("user_id", user_id)
    }

    /// A customer's links, oldest first.
    pub fn user_customer_links_by_customer(
        &self,
        customer_id: &str,
    ) -> rusqlite::Result<Vec<UserCustomerLink>> {
        self.user_customer_links_where("customer_id", customer_id)
    }

    /// The customers a user is linked to, at every bank, in the order the customers were created.
    pub fn customers_of_user(&self, user_id: &str) -> rusqlite::Result<Vec<Customer>> {
        let mut statement = self.conn.prepare(&format!(
            "SELECT {CUSTOMER_COLUMNS} FROM customers WHERE customer_id IN
                 (SELECT customer_id FROM user_customer_links WHERE user_id = ?1)
             ORDER BY rowid"
        ))?;
        let rows = statement.query_map([user_id], customer_from_row)?;
        rows.collect()
    }

    /// Deletes a link by id; false when there was none.
    pub fn delete_user_customer_link(&self, link_id: &str) -> rusqlite::Result<bool> {
        Ok(self.conn.execute(
            "DELETE FROM user_customer_links WHERE user_customer_link_id = ?1",
            [link_id],
        )? > 0)
    }
}
