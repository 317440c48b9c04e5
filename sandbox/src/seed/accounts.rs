//! Demo accounts of the first 50 gh.29.uk customers, their attributes and Owner links. Written once
//! per database (its own marker); ids derive from fixed texts.
//!
//! Facts a UI can rely on:
//! - 100001..=100050 each have a `CURRENT` account labelled `Current Account` (GBP); those whose
//!   number ends in 1, 4 or 7 within the ten (100001, 100004, 100007, 100011, …; index % 3 == 1)
//!   also have a `SAVINGS` account labelled `Savings Account`.
//! - Every such account has the account attribute `customer_number` (STRING) = the owner's number,
//!   so Get Customer Overview finds it, and a customer–account link with `relationship_type`
//!   `Owner`. Customers from 100051 on and all obp.bank.de customers have no accounts.

use super::{id, UK_BANK_ID};
use crate::db::{stable_id, Account, AccountAttribute, CustomerAccountLink, Store};

const MARKER: &str = "seeded.accounts";
/// Customers 100001..=100000 + this many get accounts.
const CUSTOMERS_WITH_ACCOUNTS: u32 = 50;

/// Writes the demo accounts unless this database already has them.
pub(super) fn populate(store: &Store) -> rusqlite::Result<()> {
    if store.meta(MARKER)?.is_some() {
        return Ok(());
    }
    for index in 1..=CUSTOMERS_WITH_ACCOUNTS {
        let number = format!("{}", 100_000 + index);
        let Some(customer) = store.customer_by_number(UK_BANK_ID, &number)? else {
            continue;
        };
        let products: &[(&str, &str, u32)] = if index % 3 == 1 {
            &[
                ("CURRENT", "Current Account", 0),
                ("SAVINGS", "Savings Account", 1),
            ]
        } else {
            &[("CURRENT", "Current Account", 0)]
        };
        for (product_code, label, slot) in products {
            let key = format!("account:{UK_BANK_ID}:{number}:{product_code}");
            let cents = stable_id(&key).as_u64_pair().1 % 2_500_000;
            let account_number = format!("{:08}", 40_000_000 + index * 10 + slot);
            let account = Account {
                account_id: id(&key),
                bank_id: UK_BANK_ID.into(),
                label: (*label).into(),
                product_code: (*product_code).into(),
                currency: "GBP".into(),
                balance: format!("{}.{:02}", cents / 100, cents % 100),
                branch_id: customer.branch_id.clone(),
                iban: format!("GB29GHBK601613{account_number}"),
                account_number,
            };
            store.insert_account(&account)?;
            store.insert_account_attribute(
                UK_BANK_ID,
                &account.account_id,
                &AccountAttribute {
                    product_code: account.product_code.clone(),
                    account_attribute_id: id(&format!("{key}:attribute:customer_number")),
                    name: "customer_number".into(),
                    kind: "STRING".into(),
                    value: number.clone(),
                },
            )?;
            store.insert_customer_account_link(&CustomerAccountLink {
                customer_account_link_id: id(&format!("{key}:link")),
                customer_id: customer.customer_id.clone(),
                bank_id: UK_BANK_ID.into(),
                account_id: account.account_id.clone(),
                relationship_type: "Owner".into(),
            })?;
        }
    }
    store.set_meta(MARKER, "1")
}
