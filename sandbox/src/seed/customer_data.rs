//! Demo data hanging off the seeded customers: attribute definitions, attributes, addresses, tax
//! residences and social media handles. Written once per database (its own marker, so databases
//! seeded before it existed get it too); every id derives from a fixed text.
//!
//! Facts a UI can rely on (all at gh.29.uk):
//! - Customer attribute definitions: `SPECIAL_TAX_NUMBER` STRING, `LOYALTY_POINTS` INTEGER,
//!   `RISK_SCORE` DOUBLE, `PASSPORT_EXPIRY` DATE_WITH_DAY (all active) and `LEGACY_SEGMENT` STRING
//!   (inactive).
//! - 100001..=100005 have the attributes `SPECIAL_TAX_NUMBER`, `LOYALTY_POINTS` and `RISK_SCORE`;
//!   100001 also has `PASSPORT_EXPIRY` = `2031-05-17`.
//! - 100001 has two addresses (tags `home` and `work`), 100002 one (`home`).
//! - 100001 has one tax residence (`GB`, `AB123456C`) and one social media handle (`twitter`).
//! - User–customer links: `staff` → 100001 and 100002, `auditor` → 100001 (for the built-in
//!   users; users from a `--users` file with those names get them too).

use super::{at, id, UK_BANK_ID};
use crate::db::{
    user_id_for, Address, AttributeDefinition, CustomerAttribute, SocialMediaHandle, Store,
    TaxResidence, UserCustomerLink,
};

const MARKER: &str = "seeded.customer_data";

/// (name, type, description, active).
const DEFINITIONS: [(&str, &str, &str, bool); 5] = [
    (
        "SPECIAL_TAX_NUMBER",
        "STRING",
        "Tax number for special schemes",
        true,
    ),
    (
        "LOYALTY_POINTS",
        "INTEGER",
        "Loyalty programme points",
        true,
    ),
    ("RISK_SCORE", "DOUBLE", "Internal risk score (0-1)", true),
    (
        "PASSPORT_EXPIRY",
        "DATE_WITH_DAY",
        "Passport expiry date",
        true,
    ),
    (
        "LEGACY_SEGMENT",
        "STRING",
        "Segment from the old CRM",
        false,
    ),
];

/// Writes the demo data unless this database already has it.
pub(super) fn populate(store: &Store) -> rusqlite::Result<()> {
    if store.meta(MARKER)?.is_some() {
        return Ok(());
    }
    for (name, kind, description, is_active) in DEFINITIONS {
        store.upsert_attribute_definition(&AttributeDefinition {
            attribute_definition_id: id(&format!("definition:{UK_BANK_ID}:{name}")),
            bank_id: UK_BANK_ID.into(),
            name: name.into(),
            category: "Customer".into(),
            kind: kind.into(),
            description: description.into(),
            alias: name.to_lowercase(),
            can_be_seen_on_views: vec!["owner".into()],
            is_active,
        })?;
    }
    let added = at("2024-02-01T09:30:00Z");
    for index in 1..=5_u32 {
        let number = format!("{}", 100_000 + index);
        let Some(customer) = store.customer_by_number(UK_BANK_ID, &number)? else {
            continue;
        };
        let mut attributes = vec![
            ("SPECIAL_TAX_NUMBER", "STRING", format!("STN-{number}")),
            ("LOYALTY_POINTS", "INTEGER", format!("{}", index * 1250)),
            ("RISK_SCORE", "DOUBLE", format!("0.{}", index * 17)),
        ];
        if index == 1 {
            attributes.push(("PASSPORT_EXPIRY", "DATE_WITH_DAY", "2031-05-17".into()));
        }
        for (name, kind, value) in attributes {
            let attribute = CustomerAttribute {
                customer_attribute_id: id(&format!("attribute:{number}:{name}")),
                name: name.into(),
                kind: kind.into(),
                value,
            };
            store.save_customer_attribute(UK_BANK_ID, &customer.customer_id, &attribute)?;
        }
        // (tag, first line, postcode).
        let addresses: &[(&str, &str, &str)] = match index {
            1 => &[
                ("home", "12 High Street", "EC1A 1BB"),
                ("work", "1 Canada Square", "E14 5AB"),
            ],
            2 => &[("home", "7 Baker Street", "NW1 6XE")],
            _ => &[],
        };
        for (tag, line_1, postcode) in addresses {
            store.save_address(&Address {
                customer_address_id: id(&format!("address:{number}:{tag}")),
                customer_id: customer.customer_id.clone(),
                line_1: (*line_1).into(),
                line_2: String::new(),
                line_3: String::new(),
                city: "London".into(),
                county: "Greater London".into(),
                state: String::new(),
                postcode: (*postcode).into(),
                country_code: "GB".into(),
                tags: vec![(*tag).into()],
                status: "current".into(),
                insert_date: added,
            })?;
        }
        if index == 1 {
            store.insert_tax_residence(
                &customer.customer_id,
                &TaxResidence {
                    domain: "GB".into(),
                    tax_number: "AB123456C".into(),
                    tax_residence_id: id(&format!("tax-residence:{number}:GB")),
                },
            )?;
            store.insert_social_media_handle(
                &customer.customer_id,
                &SocialMediaHandle {
                    customer_number: number.clone(),
                    kind: "twitter".into(),
                    handle: "@zoe_muller".into(),
                    date_added: added,
                    date_activated: added,
                },
            )?;
        }
    }
    let linked = at("2024-03-01T10:00:00Z");
    for (username, number) in [
        ("staff", "100001"),
        ("staff", "100002"),
        ("auditor", "100001"),
    ] {
        let user_id = user_id_for(username);
        let customer = store.customer_by_number(UK_BANK_ID, number)?;
        if let (Some(_), Some(customer)) = (store.user(&user_id)?, customer) {
            store.insert_user_customer_link(&UserCustomerLink {
                user_customer_link_id: id(&format!("user-customer-link:{username}:{number}")),
                customer_id: customer.customer_id,
                user_id,
                date_inserted: linked,
                is_active: true,
            })?;
        }
    }
    store.set_meta(MARKER, "1")
}
