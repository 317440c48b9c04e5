//! SQLite storage: the schema, the row models and every query the handlers use.
//!
//! Customer-owned resources (attributes, addresses, account links, KYC, …) get their own tables with
//! `customer_id TEXT NOT NULL REFERENCES customers(customer_id) ON DELETE CASCADE`, so deleting a
//! customer row removes everything that references it (foreign keys are switched on per connection).
//!
//! The Enterprise API's profiles and customers (`enterprise.rs`) live in tables of their own, apart
//! from OBP's.

use std::path::Path;

use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension, Row};
use uuid::Uuid;

use crate::dates::Timestamp;
use crate::logins::DemoUser;

mod accounts;
mod crm_events;
mod customer_data;
pub mod enterprise;
mod kyc;
mod like;
mod meetings;
mod messages;
mod user_links;

pub use accounts::{Account, AccountAttribute, CustomerAccountLink};
pub use crm_events::CrmEvent;
pub use customer_data::{
    Address, AttributeDefinition, CustomerAttribute, SocialMediaHandle, TaxResidence,
};
pub use kyc::{KycCheck, KycDocument, KycMedia, KycRecord, KycStatus, KycUrl};
pub use meetings::{ContactDetails, Invitee, Meeting, MeetingKeys, MeetingPresent};
pub use messages::{CustomerMessage, Recipient};
pub use user_links::UserCustomerLink;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS banks (
    bank_id    TEXT PRIMARY KEY,
    position   INTEGER NOT NULL,
    short_name TEXT NOT NULL,
    full_name  TEXT NOT NULL,
    logo       TEXT,
    website    TEXT,
    bic        TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS users (
    user_id  TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    password TEXT NOT NULL,
    email    TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS entitlements (
    entitlement_id TEXT PRIMARY KEY,
    user_id        TEXT NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
    role_name      TEXT NOT NULL,
    bank_id        TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
    token        TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
    consumer_key TEXT NOT NULL,
    issued_at    INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS customers (
    customer_id                TEXT PRIMARY KEY,
    bank_id                    TEXT NOT NULL REFERENCES banks(bank_id),
    customer_number            TEXT NOT NULL,
    legal_name                 TEXT NOT NULL,
    mobile_phone_number        TEXT NOT NULL,
    email                      TEXT NOT NULL,
    face_image_url             TEXT NOT NULL,
    face_image_date            TEXT,
    date_of_birth              TEXT,
    relationship_status        TEXT NOT NULL,
    dependants                 INTEGER NOT NULL,
    dob_of_dependants          TEXT NOT NULL,
    credit_rating              TEXT NOT NULL,
    credit_source              TEXT NOT NULL,
    credit_limit_currency      TEXT NOT NULL,
    credit_limit_amount        TEXT NOT NULL,
    highest_education_attained TEXT NOT NULL,
    employment_status          TEXT NOT NULL,
    kyc_status                 INTEGER NOT NULL,
    last_ok_date               TEXT,
    title                      TEXT NOT NULL,
    branch_id                  TEXT NOT NULL,
    name_suffix                TEXT NOT NULL,
    created_at                 TEXT NOT NULL,
    updated_at                 TEXT NOT NULL,
    UNIQUE (bank_id, customer_number)
);
CREATE INDEX IF NOT EXISTS customers_by_last_ok_date ON customers (last_ok_date);
";

const CUSTOMER_COLUMNS: &str = "customer_id, bank_id, customer_number, legal_name, mobile_phone_number, email, \
     face_image_url, face_image_date, date_of_birth, relationship_status, dependants, dob_of_dependants, \
     credit_rating, credit_source, credit_limit_currency, credit_limit_amount, highest_education_attained, \
     employment_status, kyc_status, last_ok_date, title, branch_id, name_suffix";

/// A bank as `/banks` lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bank {
    /// BANK_ID, e.g. `gh.29.uk`.
    pub bank_id: String,
    /// Short display name.
    pub short_name: String,
    /// Legal name.
    pub full_name: String,
    /// Logo URL, may be absent.
    pub logo: Option<String>,
    /// Website URL, may be absent.
    pub website: Option<String>,
    /// SWIFT BIC, shown as the `BIC` bank routing.
    pub bic: String,
}

/// One role held by a user; system roles have `bank_id ""`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entitlement {
    /// Stable id of the grant.
    pub entitlement_id: String,
    /// e.g. `CanGetCustomers`.
    pub role_name: String,
    /// The bank the role is held at, `""` for system roles.
    pub bank_id: String,
}

/// A user with the roles they hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    /// USER_ID.
    pub user_id: String,
    /// Login name.
    pub username: String,
    /// E-mail address.
    pub email: String,
    /// Every role the user holds.
    pub entitlements: Vec<Entitlement>,
}

/// A customer row; optional OBP dates are `None` when never set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Customer {
    /// CUSTOMER_ID (UUID).
    pub customer_id: String,
    /// The bank the customer belongs to.
    pub bank_id: String,
    /// Unique per bank.
    pub customer_number: String,
    /// Full legal name (may contain any text, including HTML-looking text).
    pub legal_name: String,
    /// Mobile phone number.
    pub mobile_phone_number: String,
    /// E-mail address.
    pub email: String,
    /// Profile image URL.
    pub face_image_url: String,
    /// When the profile image was taken.
    pub face_image_date: Option<Timestamp>,
    /// Date of birth.
    pub date_of_birth: Option<Timestamp>,
    /// e.g. `married`.
    pub relationship_status: String,
    /// Number of dependants.
    pub dependants: i64,
    /// Dependants' dates of birth.
    pub dob_of_dependants: Vec<Timestamp>,
    /// Credit rating, e.g. `A`.
    pub credit_rating: String,
    /// Credit rating agency, e.g. `Experian`.
    pub credit_source: String,
    /// Credit limit currency, e.g. `GBP`.
    pub credit_limit_currency: String,
    /// Credit limit amount as a decimal string.
    pub credit_limit_amount: String,
    /// e.g. `Master`.
    pub highest_education_attained: String,
    /// e.g. `employed`.
    pub employment_status: String,
    /// Whether KYC is complete.
    pub kyc_status: bool,
    /// Last time the customer was confirmed OK; the list sort key.
    pub last_ok_date: Option<Timestamp>,
    /// e.g. `Dr`.
    pub title: String,
    /// Home branch id, e.g. `LDN-01`.
    pub branch_id: String,
    /// e.g. `Jr`.
    pub name_suffix: String,
}

/// The columns one "Update the … of a Customer" call changes; `None` leaves a column alone.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CustomerPatch {
    /// New customer number.
    pub customer_number: Option<String>,
    /// New legal name.
    pub legal_name: Option<String>,
    /// New mobile phone number.
    pub mobile_phone_number: Option<String>,
    /// New e-mail.
    pub email: Option<String>,
    /// New face image URL.
    pub face_image_url: Option<String>,
    /// New face image date.
    pub face_image_date: Option<Timestamp>,
    /// New date of birth.
    pub date_of_birth: Option<Timestamp>,
    /// New relationship status.
    pub relationship_status: Option<String>,
    /// New number of dependants.
    pub dependants: Option<i64>,
    /// New credit rating.
    pub credit_rating: Option<String>,
    /// New credit rating source.
    pub credit_source: Option<String>,
    /// New credit limit currency.
    pub credit_limit_currency: Option<String>,
    /// New credit limit amount.
    pub credit_limit_amount: Option<String>,
    /// New education.
    pub highest_education_attained: Option<String>,
    /// New employment status.
    pub employment_status: Option<String>,
    /// New title.
    pub title: Option<String>,
    /// New branch.
    pub branch_id: Option<String>,
    /// New name suffix.
    pub name_suffix: Option<String>,
}

impl From<Timestamp> for Value {
    fn from(timestamp: Timestamp) -> Value {
        Value::Text(timestamp.to_string())
    }
}

impl CustomerPatch {
    /// `(column, value)` for every field that is set.
    fn assignments(self) -> Vec<(&'static str, Value)> {
        let mut set: Vec<(&'static str, Value)> = Vec::new();
        macro_rules! collect {
            ($($field:ident),*) => {
                $(if let Some(value) = self.$field {
                    set.push((stringify!($field), Value::from(value)));
                })*
            };
        }
        collect!(
            customer_number,
            legal_name,
            mobile_phone_number,
            email,
            face_image_url,
            face_image_date,
            date_of_birth,
            relationship_status,
            dependants,
            credit_rating,
            credit_source,
            credit_limit_currency,
            credit_limit_amount,
            highest_education_attained,
            employment_status,
            title,
            branch_id,
            name_suffix
        );
        set
    }
}

/// Paging for the customer lists: rows sorted by `last_ok_date`, then `limit`/`offset`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// At most this many rows (≥ 1).
    pub limit: i64,
    /// Rows to skip (≥ 0).
    pub offset: i64,
    /// Oldest `last_ok_date` first when true, newest first otherwise.
    pub ascending: bool,
}

/// The sandbox database.
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating if needed) a database file and brings its schema up to date.
    pub fn open_file(path: &Path) -> rusqlite::Result<Store> {
        Store::init(Connection::open(path)?)
    }

    /// A fresh database that lives only as long as the process.
    pub fn open_in_memory() -> rusqlite::Result<Store> {
        Store::init(Connection::open_in_memory()?)
    }

    fn init(conn: Connection) -> rusqlite::Result<Store> {
        conn.pragma_update(None, "foreign_keys", true)?;
        conn.execute_batch(SCHEMA)?;
        conn.execute_batch(customer_data::SCHEMA)?;
        conn.execute_batch(accounts::SCHEMA)?;
        conn.execute_batch(user_links::SCHEMA)?;
        conn.execute_batch(kyc::SCHEMA)?;
        conn.execute_batch(messages::SCHEMA)?;
        conn.execute_batch(meetings::SCHEMA)?;
        conn.execute_batch(crm_events::SCHEMA)?;
        conn.execute_batch(enterprise::SCHEMA)?;
        Ok(Store { conn })
    }

    /// Runs `work` in one transaction (used for seeding, so a half-seeded database never exists).
    pub fn transaction<T>(
        &mut self,
        work: impl FnOnce(&Store) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<T> {
        self.conn.execute_batch("BEGIN")?;
        match work(self) {
            Ok(value) => {
                self.conn.execute_batch("COMMIT")?;
                Ok(value)
            }
            Err(error) => {
                // The original error is the one to return; a failed rollback is only logged.
                if let Err(rollback) = self.conn.execute_batch("ROLLBACK") {
                    crate::log::error(format_args!("database rollback failed: {rollback}"));
                }
                Err(error)
            }
        }
    }

    /// A value from the `meta` table.
    pub fn meta(&self, key: &str) -> rusqlite::Result<Option<String>> {
        self.conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |row| {
                row.get(0)
            })
            .optional()
    }

    /// Sets a value in the `meta` table.
    pub fn set_meta(&self, key: &str, value: &str) -> rusqlite::Result<()> {
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        Ok(())
    }

    /// Adds a bank unless one with the same id exists.
    pub fn insert_bank(&self, bank: &Bank, position: i64) -> rusqlite::Result<()> {
        self.conn.execute(
            "INSERT OR IGNORE INTO banks (bank_id, position, short_name, full_name, logo, website, bic)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![bank.bank_id, position, bank.short_name, bank.full_name, bank.logo, bank.website, bank.bic],
        )?;
        Ok(())
    }

    /// Every bank, in creation order.
    pub fn banks(&self) -> rusqlite::Result<Vec<Bank>> {
        let mut statement = self.conn.prepare(
            "SELECT bank_id, short_name, full_name, logo, website, bic FROM banks ORDER BY position, bank_id",
        )?;
        let rows = statement.query_map([], bank_from_row)?;
        rows.collect()
    }

    /// One bank.
    pub fn bank(&self, bank_id: &str) -> rusqlite::Result<Option<Bank>> {
        self.conn
            .query_row(
                "SELECT bank_id, short_name, full_name, logo, website, bic FROM banks WHERE bank_id = ?1",
                [bank_id],
                bank_from_row,
            )
            .optional()
    }

    /// Makes the users table hold exactly `users` (ids derive from usernames, so tokens of users that
    /// remain keep working); users no longer listed are removed with their tokens.
    pub fn sync_users(&self, users: &[DemoUser]) -> rusqlite::Result<()> {
        self.conn.execute("DELETE FROM entitlements", [])?;
        let mut keep = Vec::with_capacity(users.len());
        for user in users {
            let user_id = user_id_for(&user.username);
            self.conn.execute(
                "INSERT INTO users (user_id, username, password, email) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(user_id) DO UPDATE SET password = excluded.password, email = excluded.email",
                params![user_id, user.username, user.password, user.email],
            )?;
            for grant in &user.roles {
                let seed = format!(
                    "entitlement:{}:{}:{}",
                    user.username, grant.role_name, grant.bank_id
                );
                self.conn.execute(
                    "INSERT OR IGNORE INTO entitlements (entitlement_id, user_id, role_name, bank_id)
                     VALUES (?1, ?2, ?3, ?4)",
                    params![stable_id(&seed).to_string(), user_id, grant.role_name, grant.bank_id],
                )?;
            }
            keep.push(user_id);
        }
        let mut statement = self.conn.prepare("SELECT user_id FROM users")?;
        let existing: Vec<String> = statement
            .query_map([], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        for user_id in existing {
            if !keep.contains(&user_id) {
                self.conn
                    .execute("DELETE FROM users WHERE user_id = ?1", [user_id])?;
            }
        }
        Ok(())
    }

    /// The id of the user with these credentials.
    pub fn user_id_by_credentials(
        &self,
        username: &str,
        password: &str,
    ) -> rusqlite::Result<Option<String>> {
        self.conn
            .query_row(
                "SELECT user_id FROM users WHERE username = ?1 AND password = ?2",
                [username, password],
                |row| row.get(0),
            )
            .optional()
    }

    /// A user with their entitlements.
    pub fn user(&self, user_id: &str) -> rusqlite::Result<Option<User>> {
        let found = self
            .conn
            .query_row(
                "SELECT user_id, username, email FROM users WHERE user_id = ?1",
                [user_id],
                |row| {
                    Ok(User {
                        user_id: row.get(0)?,
                        username: row.get(1)?,
                        email: row.get(2)?,
                        entitlements: Vec::new(),
                    })
                },
            )
            .optional()?;
        let Some(mut user) = found else {
            return Ok(None);
        };
        let mut statement = self.conn.prepare(
            "SELECT entitlement_id, role_name, bank_id FROM entitlements WHERE user_id = ?1 ORDER BY rowid",
        )?;
        let rows = statement.query_map([user_id], |row| {
            Ok(Entitlement {
                entitlement_id: row.get(0)?,
                role_name: row.get(1)?,
                bank_id: row.get(2)?,
            })
        })?;
        user.entitlements = rows.collect::<Result<_, _>>()?;
        Ok(Some(user))
    }

    /// Stores a DirectLogin token.
    pub fn insert_token(
        &self,
        token: &str,
        user_id: &str,
        consumer_key: &str,
        issued_at: Timestamp,
        expires_at: Timestamp,
    ) -> rusqlite::Result<()> {
        self.conn.execute(
            "INSERT INTO tokens (token, user_id, consumer_key, issued_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![token, user_id, consumer_key, issued_at.unix(), expires_at.unix()],
        )?;
        Ok(())
    }

    /// The user a token belongs to, if the token exists and has not expired at `now`.
    pub fn token_user_id(&self, token: &str, now: Timestamp) -> rusqlite::Result<Option<String>> {
        self.conn
            .query_row(
                "SELECT user_id FROM tokens WHERE token = ?1 AND expires_at > ?2",
                params![token, now.unix()],
                |row| row.get(0),
            )
            .optional()
    }

    /// Adds a customer (the caller has checked the number is free at the bank).
    pub fn insert_customer(&self, customer: &Customer, now: Timestamp) -> rusqlite::Result<()> {
        let c = customer;
        self.conn.execute(
            &format!(
                "INSERT INTO customers ({CUSTOMER_COLUMNS}, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
                         ?20, ?21, ?22, ?23, ?24, ?24)"
            ),
            params![
                c.customer_id,
                c.bank_id,
                c.customer_number,
                c.legal_name,
                c.mobile_phone_number,
                c.email,
                c.face_image_url,
                c.face_image_date,
                c.date_of_birth,
                c.relationship_status,
                c.dependants,
                join_dates(&c.dob_of_dependants),
                c.credit_rating,
                c.credit_source,
                c.credit_limit_currency,
                c.credit_limit_amount,
                c.highest_education_attained,
                c.employment_status,
                c.kyc_status,
                c.last_ok_date,
                c.title,
                c.branch_id,
                c.name_suffix,
                now,
            ],
        )?;
        Ok(())
    }

    /// One customer by CUSTOMER_ID, whatever its bank.
    pub fn customer(&self, customer_id: &str) -> rusqlite::Result<Option<Customer>> {
        self.conn
            .query_row(
                &format!("SELECT {CUSTOMER_COLUMNS} FROM customers WHERE customer_id = ?1"),
                [customer_id],
                customer_from_row,
            )
            .optional()
    }

    /// One customer by number at a bank.
    pub fn customer_by_number(
        &self,
        bank_id: &str,
        customer_number: &str,
    ) -> rusqlite::Result<Option<Customer>> {
        self.conn
            .query_row(
                &format!("SELECT {CUSTOMER_COLUMNS} FROM customers WHERE bank_id = ?1 AND customer_number = ?2"),
                [bank_id, customer_number],
                customer_from_row,
            )
            .optional()
    }

    /// Whether a customer number is already used at a bank.
    pub fn customer_number_taken(
        &self,
        bank_id: &str,
        customer_number: &str,
    ) -> rusqlite::Result<bool> {
        self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM customers WHERE bank_id = ?1 AND customer_number = ?2)",
            [bank_id, customer_number],
            |row| row.get(0),
        )
    }

    /// A page of customers, at one bank or (with `None`) at every bank, ordered by `last_ok_date`.
    pub fn customers(&self, bank_id: Option<&str>, page: Page) -> rusqlite::Result<Vec<Customer>> {
        self.customers_updated_between(bank_id, page, i64::MIN, i64::MAX)
    }

    /// Like [`Store::customers`], only customers last changed between two instants (milliseconds
    /// since the epoch, both inclusive); the window applies before the page.
    pub fn customers_updated_between(
        &self,
        bank_id: Option<&str>,
        page: Page,
        from_ms: i64,
        to_ms: i64,
    ) -> rusqlite::Result<Vec<Customer>> {
        let direction = if page.ascending { "ASC" } else { "DESC" };
        let mut statement = self.conn.prepare(&format!(
            "SELECT {CUSTOMER_COLUMNS} FROM customers WHERE (?1 IS NULL OR bank_id = ?1)
                 AND unixepoch(updated_at) * 1000 BETWEEN ?4 AND ?5
             ORDER BY last_ok_date {direction}, rowid ASC LIMIT ?2 OFFSET ?3"
        ))?;
        let rows = statement.query_map(
            params![bank_id, page.limit, page.offset, from_ms, to_ms],
            customer_from_row,
        )?;
        rows.collect()
    }

    /// Customers at a bank whose mobile number matches an SQL `LIKE` pattern (`%`, `_`), of any
    /// length: SQLite refuses patterns over 50,000 bytes, so those are matched by [`like::Like`].
    pub fn customers_by_phone(
        &self,
        bank_id: &str,
        pattern: &str,
    ) -> rusqlite::Result<Vec<Customer>> {
        let pattern = like::collapse_percent_runs(pattern);
        if pattern.len() <= like::SQLITE_PATTERN_LIMIT {
            let mut statement = self.conn.prepare(&format!(
                "SELECT {CUSTOMER_COLUMNS} FROM customers WHERE bank_id = ?1 AND mobile_phone_number LIKE ?2
                 ORDER BY rowid"
            ))?;
            let rows = statement.query_map([bank_id, &pattern], customer_from_row)?;
            return rows.collect();
        }
        let mut statement = self.conn.prepare(&format!(
            "SELECT {CUSTOMER_COLUMNS} FROM customers WHERE bank_id = ?1 ORDER BY rowid"
        ))?;
        let like = like::Like::new(&pattern);
        let mut matching = Vec::new();
        for customer in statement.query_map([bank_id], customer_from_row)? {
            let customer = customer?;
            if like.matches(&customer.mobile_phone_number) {
                matching.push(customer);
            }
        }
        Ok(matching)
    }

    /// Applies a patch and returns the updated customer (`None` if it does not exist).
    pub fn update_customer(
        &self,
        customer_id: &str,
        patch: CustomerPatch,
        now: Timestamp,
    ) -> rusqlite::Result<Option<Customer>> {
        let mut assignments = patch.assignments();
        assignments.push(("updated_at", Value::from(now)));
        let columns: Vec<String> = assignments
            .iter()
            .enumerate()
            .map(|(index, (column, _))| format!("{column} = ?{}", index + 1))
            .collect();
        let mut values: Vec<Value> = assignments.into_iter().map(|(_, value)| value).collect();
        values.push(Value::Text(customer_id.to_owned()));
        let sql = format!(
            "UPDATE customers SET {} WHERE customer_id = ?{}",
            columns.join(", "),
            values.len()
        );
        self.conn
            .execute(&sql, rusqlite::params_from_iter(values))?;
        self.customer(customer_id)
    }

    /// Deletes a customer and, through `ON DELETE CASCADE`, every row that references it.
    pub fn delete_customer(&self, customer_id: &str) -> rusqlite::Result<bool> {
        Ok(self.conn.execute(
            "DELETE FROM customers WHERE customer_id = ?1",
            [customer_id],
        )? > 0)
    }
}

/// The stable USER_ID of a username (the same in every database).
pub fn user_id_for(username: &str) -> String {
    stable_id(&format!("user:{username}")).to_string()
}

/// The sandbox's own namespace of name-based UUIDs.
const ID_NAMESPACE: Uuid = Uuid::from_u128(0x7d1c_58a0_4f6e_4b2a_9c3d_0e5f_a1b2_c3d4);

/// A UUID (version 5) named by `text`: the same text gives the same id in every database.
pub fn stable_id(text: &str) -> Uuid {
    Uuid::new_v5(&ID_NAMESPACE, text.as_bytes())
}

fn bank_from_row(row: &Row<'_>) -> rusqlite::Result<Bank> {
    Ok(Bank {
        bank_id: row.get(0)?,
        short_name: row.get(1)?,
        full_name: row.get(2)?,
        logo: row.get(3)?,
        website: row.get(4)?,
        bic: row.get(5)?,
    })
}

fn join_dates(dates: &[Timestamp]) -> String {
    dates
        .iter()
        .map(Timestamp::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

fn split_dates(text: &str) -> rusqlite::Result<Vec<Timestamp>> {
    text.split(',')
        .filter(|part| !part.is_empty())
        .map(|part| {
            Timestamp::parse(part).ok_or_else(|| {
                rusqlite::Error::FromSqlConversionFailure(
                    11,
                    rusqlite::types::Type::Text,
                    format!("bad dependant date {part}").into(),
                )
            })
        })
        .collect()
}

fn customer_from_row(row: &Row<'_>) -> rusqlite::Result<Customer> {
    Ok(Customer {
        customer_id: row.get("customer_id")?,
        bank_id: row.get("bank_id")?,
        customer_number: row.get("customer_number")?,
        legal_name: row.get("legal_name")?,
        mobile_phone_number: row.get("mobile_phone_number")?,
        email: row.get("email")?,
        face_image_url: row.get("face_image_url")?,
        face_image_date: row.get("face_image_date")?,
        date_of_birth: row.get("date_of_birth")?,
        relationship_status: row.get("relationship_status")?,
        dependants: row.get("dependants")?,
        dob_of_dependants: split_dates(&row.get::<_, String>("dob_of_dependants")?)?,
        credit_rating: row.get("credit_rating")?,
        credit_source: row.get("credit_source")?,
        credit_limit_currency: row.get("credit_limit_currency")?,
        credit_limit_amount: row.get("credit_limit_amount")?,
        highest_education_attained: row.get("highest_education_attained")?,
        employment_status: row.get("employment_status")?,
        kyc_status: row.get("kyc_status")?,
        last_ok_date: row.get("last_ok_date")?,
        title: row.get("title")?,
        branch_id: row.get("branch_id")?,
        name_suffix: row.get("name_suffix")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seed;

    fn seeded() -> Store {
        let mut store = Store::open_in_memory().expect("opens");
        seed::populate(&mut store, &seed::builtin_users()).expect("seeds");
        store
    }

    /// Every row of every table, table by table in name order, rows in insertion order.
    fn every_row(store: &Store) -> Vec<(String, Vec<Vec<Value>>)> {
        let mut tables = store
            .conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .expect("lists tables");
        let names: Vec<String> = tables
            .query_map([], |row| row.get(0))
            .expect("lists tables")
            .collect::<Result<_, _>>()
            .expect("reads table names");
        names
            .into_iter()
            .map(|table| {
                let mut select = store
                    .conn
                    .prepare(&format!("SELECT * FROM {table} ORDER BY rowid"))
                    .expect("selects");
                let columns = select.column_count();
                let rows = select
                    .query_map([], |row| (0..columns).map(|i| row.get(i)).collect())
                    .expect("reads")
                    .collect::<Result<_, _>>()
                    .expect("reads rows");
                (table, rows)
            })
            .collect()
    }

    #[test]
    fn seeding_two_databases_writes_the_same_rows() {
        let rows = every_row(&seeded());
        assert!(rows
            .iter()
            .any(|(table, rows)| table == "customers" && rows.len() == 300));
        assert_eq!(rows, every_row(&seeded()));
    }

    #[test]
    fn expired_tokens_are_not_accepted() {
        let store = seeded();
        let user_id = user_id_for("staff");
        let now = Timestamp::from_unix(1_700_000_000);
        let later = Timestamp::from_unix(now.unix() + 60);
        store
            .insert_token("fresh", &user_id, "key", now, later)
            .expect("insert");
        assert_eq!(
            store.token_user_id("fresh", now).expect("query"),
            Some(user_id)
        );
        assert_eq!(store.token_user_id("fresh", later).expect("query"), None);
        assert_eq!(store.token_user_id("unknown", now).expect("query"), None);
    }

    #[test]
    fn seeding_twice_keeps_one_copy_and_users_sync() {
        let mut store = seeded();
        seed::populate(&mut store, &seed::builtin_users()).expect("reseeds");
        let page = Page {
            limit: 1000,
            offset: 0,
            ascending: true,
        };
        assert_eq!(store.customers(None, page).expect("lists").len(), 300);
        let only_auditor: Vec<_> = seed::builtin_users()
            .into_iter()
            .filter(|user| user.username == "auditor")
            .collect();
        seed::populate(&mut store, &only_auditor).expect("syncs");
        assert_eq!(store.user(&user_id_for("staff")).expect("query"), None);
        assert!(store
            .user(&user_id_for("auditor"))
            .expect("query")
            .is_some());
    }

    #[test]
    fn patch_touches_only_its_columns_and_delete_removes_the_row() {
        let store = seeded();
        let before = store
            .customer_by_number("gh.29.uk", "100001")
            .expect("query")
            .expect("exists");
        let patch = CustomerPatch {
            email: Some("changed@example.com".into()),
            ..CustomerPatch::default()
        };
        let after = store
            .update_customer(&before.customer_id, patch, Timestamp::now())
            .expect("update")
            .expect("exists");
        assert_eq!(
            after,
            Customer {
                email: "changed@example.com".into(),
                ..before.clone()
            }
        );
        assert!(store.delete_customer(&before.customer_id).expect("delete"));
        assert_eq!(store.customer(&before.customer_id).expect("query"), None);
        assert!(!store
            .delete_customer(&before.customer_id)
            .expect("delete again"));
    }

    #[test]
    fn deleting_a_customer_removes_what_hangs_off_it() {
        let store = seeded();
        let customer = store
            .customer_by_number("gh.29.uk", "100001")
            .expect("query")
            .expect("exists");
        let tables = [
            "customer_addresses",
            "tax_residences",
            "social_media_handles",
            "customer_attributes",
            "customer_account_links",
            "user_customer_links",
            "kyc_checks",
            "kyc_documents",
            "kyc_media",
            "kyc_statuses",
            "customer_messages",
        ];
        let count = |table: &str| -> i64 {
            store
                .conn
                .query_row(
                    &format!("SELECT COUNT(*) FROM {table} WHERE customer_id = ?1"),
                    [&customer.customer_id],
                    |row| row.get(0),
                )
                .expect("count")
        };
        for table in tables {
            assert!(count(table) > 0, "{table} is seeded for 100001");
        }
        assert!(store
            .delete_customer(&customer.customer_id)
            .expect("delete"));
        for table in tables {
            assert_eq!(count(table), 0, "{table}");
        }
    }
}
