//! `--seed-customers N`: N extra customers at gh.29.uk after the demo ones, for a big bank to
//! search and page through. Multilingual names (Zoë, Łukasz, Nguyễn, Müller, Weiß, Ødegård…),
//! e-mails, phones, dates of birth, branches and KYC flags, the same on every seeding.
//!
//! Facts tests can rely on:
//! - the extra customers are numbered from 100261 on, in order, with phones `+447701000001`,
//!   `+447701000002`, … and e-mails `first.last@example.com` folded to ASCII (`first.last2@…` when taken);
//! - their `last_ok_date`s are distinct and older than every demo customer's, falling with the
//!   number, so the default order (DESC) lists them after the demo customers, the last one last;
//! - a database keeps how many it holds (`meta` `bulk_customers`): a later start with a larger N
//!   adds only the missing ones, a smaller N adds none.

use std::collections::HashSet;

use fastrand::Rng;

use super::{at, generate, Market, UK_BANK_ID, UK_CUSTOMERS};
use crate::dates::Timestamp;
use crate::db::{Customer, Store};

/// The `meta` key holding how many extra customers the database has.
const COUNT_KEY: &str = "bulk_customers";
const SEED: u64 = 0xb01c_5eed;
/// The number of the first extra customer.
pub const FIRST_NUMBER: u32 = 100_001 + UK_CUSTOMERS;
/// 2023-01-01T00:00:00Z: every extra customer's `last_ok_date` is before it (the demo ones' after).
const BEFORE_DEMO: i64 = 1_672_531_200;

const FEMALE: &[&str] = &[
    "Zoë",
    "Anaïs",
    "Małgorzata",
    "Agnieszka",
    "Thảo",
    "Linh",
    "Ingrid",
    "Åsa",
    "Siobhán",
    "Chloé",
    "Renée",
    "Lucía",
    "Inés",
    "Ayşe",
    "Elif",
    "Käthe",
    "Jördis",
    "Dörte",
    "Amelia",
    "Priya",
    "Fatima",
    "Ngozi",
    "Yuki",
    "Mei",
    "Sophie",
    "Hannah",
    "Maëlle",
    "Zofia",
    "Björk",
    "Ærin",
    "Grace",
    "Olivia",
];
const MALE: &[&str] = &[
    "Łukasz",
    "Paweł",
    "Jože",
    "Tomáš",
    "Dũng",
    "Minh",
    "Björn",
    "Søren",
    "Ciarán",
    "Séamus",
    "Raphaël",
    "Jürgen",
    "Günther",
    "Jörg",
    "Ümit",
    "Emre",
    "Mehmet",
    "Oliver",
    "Noah",
    "Aarav",
    "Kwame",
    "Hiroshi",
    "Wei",
    "Mateo",
    "José",
    "François",
    "Øystein",
    "Kofi",
    "Arthur",
];
const SURNAMES: &[&str] = &[
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Wójcik",
    "Łukaszewicz",
    "Wiśniewska",
    "Dvořák",
    "Novák",
    "Ødegård",
    "Sørensen",
    "Ærøe",
    "Weiß",
    "Groß",
    "Strauß",
    "Müller",
    "Schäfer",
    "Öztürk",
    "Yılmaz",
    "Çelik",
    "Álvarez",
    "Núñez",
    "Ó Súilleabháin",
    "Ní Bhriain",
    "Lindqvist",
    "Østergaard",
    "Kovačević",
    "Đorđević",
    "Æbelø",
    "Smith",
    "Jones",
    "Patel",
    "Khan",
    "Okafor",
    "Chen",
    "Kim",
    "Schmidt",
    "Fischer",
    "Krüger",
    "Hoffmann",
    "Rossi",
    "Ferreira",
    "Haddad",
    "Mensah",
];
const COMPANIES: &[&str] = &[
    "Łódź Trading Sp. z o.o.",
    "Müller & Weiß GmbH",
    "Nguyễn Family Foods Ltd",
    "Ødegård Shipping AS",
    "Café Zoë Ltd",
    "Straßburger Logistik GmbH",
];

/// The extra customers' plan: gh.29.uk's branches and currency, these names, another phone range.
const BULK: Market = Market {
    bank_id: UK_BANK_ID,
    first_number: FIRST_NUMBER,
    count: 0,
    fixed: &[],
    female: FEMALE,
    male: MALE,
    surnames: SURNAMES,
    companies: COMPANIES,
    company_every: 25,
    phone: |index| format!("+447701{:06}", index + 1),
    branches: &[
        "LDN-01", "LDN-02", "MAN-01", "MAN-02", "BHM-01", "EDI-01", "BRS-01", "GLA-01", "CDF-01",
    ],
    currency: "GBP",
    credit_sources: &["Experian", "Equifax"],
};

/// The first `count` extra customers, in number order.
pub fn customers(count: u32) -> Vec<Customer> {
    let rng = &mut Rng::with_seed(SEED);
    let mut emails = HashSet::new();
    (0..count)
        .map(|index| {
            let mut customer = generate(&BULK, index, rng, &mut emails);
            customer.last_ok_date = Some(Timestamp::from_unix(
                BEFORE_DEMO - 3_600 * (i64::from(index) + 1),
            ));
            customer
        })
        .collect()
}

/// Adds extra customers, in one transaction, until the database holds `count` of them.
pub fn populate(store: &mut Store, count: u32) -> rusqlite::Result<()> {
    let held: u32 = store
        .meta(COUNT_KEY)?
        .and_then(|text| text.parse().ok())
        .unwrap_or(0);
    if count <= held {
        return Ok(());
    }
    let all = customers(count);
    let seeded_at = at("2025-07-01T06:00:00Z");
    store.transaction(|store| {
        for customer in &all[usize::try_from(held).unwrap_or(usize::MAX).min(all.len())..] {
            store.insert_customer(customer, seeded_at)?;
        }
        store.set_meta(COUNT_KEY, &count.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extra_customers_follow_the_documented_plan() {
        let all = customers(300);
        assert_eq!(all, customers(300));
        assert_eq!(customers(10)[..], all[..10]);
        assert_eq!(all[0].customer_number, "100261");
        assert_eq!(all[0].mobile_phone_number, "+447701000001");
        assert_eq!(all[299].customer_number, "100560");
        let numbers: HashSet<_> = all.iter().map(|c| c.customer_number.as_str()).collect();
        assert_eq!(numbers.len(), all.len());
        assert!(all
            .windows(2)
            .all(|w| w[0].last_ok_date > w[1].last_ok_date));
        assert!(all
            .iter()
            .all(|c| c.email.is_ascii() && c.bank_id == UK_BANK_ID));
        assert!(all.iter().any(|c| !c.legal_name.is_ascii()));
    }
}
