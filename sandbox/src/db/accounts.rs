//! Storage of bank accounts, their attributes, and customer–account links.
//!
//! Accounts belong to a bank, not to a customer: the overview finds a customer's accounts through
//! the account attribute named `customer_number`, as OBP does. Links reference customers
//! `ON DELETE CASCADE`; accounts and their attributes stay when a customer is deleted.

use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;

use super::Store;

pub(super) const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS accounts (
    account_id     TEXT NOT NULL,
    bank_id        TEXT NOT NULL REFERENCES banks(bank_id),
    label          TEXT NOT NULL,
    product_code   TEXT NOT NULL,
    currency       TEXT NOT NULL,
    balance        TEXT NOT NULL,
    branch_id      TEXT NOT NULL,
    account_number TEXT NOT NULL,
    iban           TEXT NOT NULL,
    PRIMARY KEY (bank_id, account_id)
);
CREATE TABLE IF NOT EXISTS account_attributes (
    account_attribute_id  TEXT PRIMARY KEY,
    bank_id               TEXT NOT NULL,
    account_id            TEXT NOT NULL,
    product_code          TEXT NOT NULL,
    name                  TEXT NOT NULL,
    type                  TEXT NOT NULL,
    value                 TEXT NOT NULL,
    FOREIGN KEY (bank_id, account_id) REFERENCES accounts(bank_id, account_id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS account_attributes_by_name ON account_attributes (bank_id, name, value);
CREATE TABLE IF NOT EXISTS customer_account_links (
    customer_account_link_id TEXT PRIMARY KEY,
    customer_id              TEXT NOT NULL REFERENCES customers(customer_id) ON DELETE CASCADE,
    bank_id                  TEXT NOT NULL,
    account_id               TEXT NOT NULL,
    relationship_type        TEXT NOT NULL
);
";

/// A bank account as the overview shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    /// ACCOUNT_ID, unique per bank.
    pub account_id: String,
    /// The bank holding the account.
    pub bank_id: String,
    /// Display label.
    pub label: String,
    /// e.g. `CURRENT`.
    pub product_code: String,
    /// Balance currency.
    pub currency: String,
    /// Balance amount as a decimal string.
    pub balance: String,
    /// Branch id.
    pub branch_id: String,
    /// `AccountNumber` routing.
    pub account_number: String,
    /// `IBAN` routing.
    pub iban: String,
}

/// An account attribute (OBP's AccountAttributeResponseJson500 without the optional `contract_code`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccountAttribute {
    /// The product code of the account.
    pub product_code: String,
    /// ACCOUNT_ATTRIBUTE_ID.
    pub account_attribute_id: String,
    /// e.g. `customer_number`.
    pub name: String,
    /// `STRING`, `INTEGER`, `DOUBLE` or `DATE_WITH_DAY`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The value as text.
    pub value: String,
}

/// A customer–account link (OBP's CustomerAccountLink JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CustomerAccountLink {
    /// CUSTOMER_ACCOUNT_LINK_ID.
    pub customer_account_link_id: String,
    /// The customer.
    pub customer_id: String,
    /// The bank as posted.
    pub bank_id: String,
    /// The account.
    pub account_id: String,
    /// e.g. `Owner`.
    pub relationship_type: String,
}

const ACCOUNT_COLUMNS: &str =
    "account_id, bank_id, label, product_code, currency, balance, branch_id, account_number, iban";
const LINK_COLUMNS: &str =
    "customer_account_link_id, customer_id, bank_id, account_id, relationship_type";

fn account_from_row(row: &Row<'_>) -> rusqlite::Result<Account> {
    Ok(Account {
        account_id: row.get(0)?,
        bank_id: row.get(1)?,
        label: row.get(2)?,
        product_code: row.get(3)?,
        currency: row.get(4)?,
        balance: row.get(5)?,
        branch_id: row.get(6)?,
        account_number: row.get(7)?,
        iban: row.get(8)?,
    })
}

fn link_from_row(row: &Row<'_>) -> rusqlite::Result<CustomerAccountLink> {
    Ok(CustomerAccountLink {
        customer_account_link_id: row.get(0)?,
        customer_id: row.get(1)?,
        bank_id: row.get(2)?,
        account_id: row.get(3)?,
        relationship_type: row.get(4)?,
    })
}

impl Store {
    /// Adds an account.
    pub fn insert_account(&self, a: &Account) -> rusqlite::Result<()> {
        self.conn.execute(
            &format!(
                "INSERT INTO accounts ({ACCOUNT_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
            ),
            params![
                a.account_id,
                a.bank_id,
                a.label,
                a.product_code,
                a.currency,
                a.balance,
                a.branch_id,
                a.account_number,
                a.iban
            ],
        )?;
        Ok(())
    }

    /// Whether an account exists at a bank.
    pub fn account_exists(&self, bank_id: &str, account_id: &str) -> rusqlite::Result<bool> {
        self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM accounts WHERE bank_id = ?1 AND account_id = ?2)",
            [bank_id, account_id],
            |row| row.get(0),
        )
    }

    /// Adds an attribute to an account.
    pub fn insert_account_attribute(
        &self,
        bank_id: &str,
        account_id: &str,
        attribute: &AccountAttribute,
    ) -> rusqlite::Result<()> {
        self.conn.execute(
            "INSERT INTO account_attributes
                 (account_attribute_id, bank_id, account_id, product_code, name, type, value)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                attribute.account_attribute_id,
                bank_id,
                account_id,
                attribute.product_code,
                attribute.name,
                attribute.kind,
                attribute.value
            ],
        )?;
        Ok(())
    }

    /// The accounts at a bank that carry the attribute `name` = `value`, each with all its
    /// attributes, in creation order.
    pub fn accounts_by_attribute(
        &self,
        bank_id: &str,
        name: &str,
        value: &str,
    ) -> rusqlite::Result<Vec<(Account, Vec<AccountAttribute>)>> {
        let mut statement = self.conn.prepare(&format!(
            "SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE bank_id = ?1 AND account_id IN
                 (SELECT account_id FROM account_attributes WHERE bank_id = ?1 AND name = ?2 AND value = ?3)
             ORDER BY rowid"
        ))?;
        let accounts = statement
            .query_map([bank_id, name, value], account_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut attributes = self.conn.prepare(
            "SELECT product_code, account_attribute_id, name, type, value FROM account_attributes
             WHERE bank_id = ?1 AND account_id = ?2 ORDER BY rowid",
        )?;
        accounts
            .into_iter()
            .map(|account| {
                let list = attributes
                    .query_map([&account.bank_id, &account.account_id], |row| {
                        Ok(AccountAttribute {
                            product_code: row.get(0)?,
                            account_attribute_id: row.get(1)?,
                            name: row.get(2)?,
                            kind: row.get(3)?,
                            value: row.get(4)?,
                        })
                    })?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                Ok((account, list))
            })
            .collect()
    }

    /// Adds a customer–account link.
    pub fn insert_customer_account_link(&self, l: &CustomerAccountLink) -> rusqlite::Result<()> {
        self.conn.execute(
            &format!(
                "INSERT INTO customer_account_links ({LINK_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5)"
            ),
            params![
                l.customer_account_link_id,
                l.customer_id,
                l.bank_id,
                l.account_id,
                l.relationship_type
            ],
        )?;
        Ok(())
    }

    /// Whether a customer is already linked to an account.
    pub fn customer_account_link_exists(
        &self,
        customer_id: &str,
        account_id: &str,
    ) -> rusqlite::Result<bool> {
        self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM customer_account_links WHERE customer_id = ?1 AND account_id = ?2)",
            [customer_id, account_id],
            |row| row.get(0),
        )
    }

    /// One link by id.
    pub fn customer_account_link(
        &self,
        link_id: &str,
    ) -> rusqlite::Result<Option<CustomerAccountLink>> {
        self.conn
            .query_row(
                &format!(
                    "SELECT {LINK_COLUMNS} FROM customer_account_links WHERE customer_account_link_id = ?1"
                ),
                [link_id],
                link_from_row,
            )
            .optional()
    }

    /// A customer's links, oldest first.
    pub fn customer_account_links_by_customer(
        &self,
        customer_id: &str,
    ) -> rusqlite::Result<Vec<CustomerAccountLink>> {
        let mut statement = self.conn.prepare(&format!(
            "SELECT {LINK_COLUMNS} FROM customer_account_links WHERE customer_id = ?1 ORDER BY rowid"
        ))?;
        let rows = statement.query_map([customer_id], link_from_row)?;
        rows.collect()
    }

    /// An account's links, oldest first.
    pub fn customer_account_links_by_account(
        &self,
        bank_id: &str,
        account_id: &str,
    ) -> rusqlite::Result<Vec<CustomerAccountLink>> {
        let mut statement = self.conn.prepare(&format!(
            "SELECT {LINK_COLUMNS} FROM customer_account_links WHERE bank_id = ?1 AND account_id = ?2
             ORDER BY rowid"
        ))?;
        let rows = statement.query_map([bank_id, account_id], link_from_row)?;
        rows.collect()
    }

    /// Replaces a link's relationship type.
    pub fn update_customer_account_link(
        &self,
        link_id: &str,
        relationship_type: &str,
    ) -> rusqlite::Result<()> {
        self.conn.execute(
            "UPDATE customer_account_links SET relationship_type = ?2 WHERE customer_account_link_id = ?1",
            [link_id, relationship_type],
        )?;
        Ok(())
    }

    /// Deletes a link by id.
    pub fn delete_customer_account_link(&self, link_id: &str) -> rusqlite::Result<()> {
        self.conn.execute(
            "DELETE FROM customer_account_links WHERE customer_account_link_id = ?1",
            [link_id],
        )?;
        Ok(())
    }
}
