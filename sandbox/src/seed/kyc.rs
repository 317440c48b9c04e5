//! Demo KYC records of the first two gh.29.uk customers. Written once per database (its own
//! marker); ids derive from fixed texts and every date is fixed, so nothing depends on today.
//!
//! Facts a UI can rely on (GET `/customers/CUSTOMER_ID/kyc_…`, lists in the documented order):
//! - 100001 (Zoë Müller) has two documents, listed `passport` first: passport `533401372`
//!   (issued 2021-05-18 in London, expires 2031-05-17, so valid; the same date as her
//!   `PASSPORT_EXPIRY` attribute) and `driving_licence` `MULLE062253Z99AB` (expires 2032-01-09).
//! - 100002 (José Álvarez Núñez) has one document: passport `PAA218406`, issued 2014-06-02 in
//!   Madrid, **expired** 2024-06-01.
//! - Checks: 100001 `video call` on 2024-03-04, satisfied; 100002 `in branch` on 2024-06-12, not
//!   satisfied. Both made by the `staff` user (`staff_name` `Sam Taylor`).
//! - Media: 100001 has one `image` (a passport scan) relating to her passport and her check.
//! - Statuses: 100001 has two, newest first: ok at gh.29.uk (2024-03-04T10:30:00Z) and not ok at
//!   obp.bank.de (2023-11-20T09:00:00Z; OBP keeps one status per bank and customer, and does not
//!   tie it to the customer's own bank). Nobody else has a status. The customers' own
//!   `kyc_status` fields are not derived from these.

use super::{at, id, DE_BANK_ID, UK_BANK_ID};
use crate::db::{user_id_for, KycCheck, KycDocument, KycMedia, KycStatus, Store};

const MARKER: &str = "seeded.kyc";

/// (customer number, type, number, issued, place, expires), in writing order (listed last first).
const DOCUMENTS: [(&str, &str, &str, &str, &str, &str); 3] = [
    (
        "100001",
        "driving_licence",
        "MULLE062253Z99AB",
        "2022-01-10T00:00:00Z",
        "Swansea, GB",
        "2032-01-09T00:00:00Z",
    ),
    (
        "100001",
        "passport",
        "533401372",
        "2021-05-18T00:00:00Z",
        "London, GB",
        "2031-05-17T00:00:00Z",
    ),
    (
        "100002",
        "passport",
        "PAA218406",
        "2014-06-02T00:00:00Z",
        "Madrid, ES",
        "2024-06-01T00:00:00Z",
    ),
];

/// (customer number, date, how, satisfied, comments).
const CHECKS: [(&str, &str, &str, bool, &str); 2] = [
    (
        "100001",
        "2024-03-04T10:15:00Z",
        "video call",
        true,
        "Passport and driving licence match the applicant on camera.",
    ),
    (
        "100002",
        "2024-06-12T14:00:00Z",
        "in branch",
        false,
        "Passport expired on 2024-06-01; asked the customer to bring a renewed one.",
    ),
];

/// (bank, ok, date) of 100001's statuses.
const STATUSES: [(&str, bool, &str); 2] = [
    (DE_BANK_ID, false, "2023-11-20T09:00:00Z"),
    (UK_BANK_ID, true, "2024-03-04T10:30:00Z"),
];

fn document_id(number: &str, kind: &str) -> String {
    id(&format!("kyc-document:{number}:{kind}"))
}

fn check_id(number: &str) -> String {
    id(&format!("kyc-check:{number}"))
}

/// Writes the demo KYC records unless this database already has them.
pub(super) fn populate(store: &Store) -> rusqlite::Result<()> {
    if store.meta(MARKER)?.is_some() {
        return Ok(());
    }
    let customer_id = |number: &str| -> rusqlite::Result<Option<String>> {
        Ok(store
            .customer_by_number(UK_BANK_ID, number)?
            .map(|customer| customer.customer_id))
    };
    for (number, kind, document_number, issued, place, expires) in DOCUMENTS {
        let Some(customer_id) = customer_id(number)? else {
            continue;
        };
        store.save_kyc(&KycDocument {
            bank_id: UK_BANK_ID.into(),
            customer_id,
            id: document_id(number, kind),
            customer_number: number.into(),
            kind: kind.into(),
            number: document_number.into(),
            issue_date: at(issued),
            issue_place: place.into(),
            expiry_date: at(expires),
        })?;
    }
    for (number, date, how, satisfied, comments) in CHECKS {
        let Some(customer_id) = customer_id(number)? else {
            continue;
        };
        store.save_kyc(&KycCheck {
            bank_id: UK_BANK_ID.into(),
            customer_id,
            id: check_id(number),
            customer_number: number.into(),
            date: at(date),
            how: how.into(),
            staff_user_id: user_id_for("staff"),
            staff_name: "Sam Taylor".into(),
            satisfied,
            comments: comments.into(),
        })?;
    }
    if let Some(customer_id) = customer_id("100001")? {
        store.save_kyc(&KycMedia {
            bank_id: UK_BANK_ID.into(),
            customer_id: customer_id.clone(),
            id: id("kyc-media:100001:passport-scan"),
            customer_number: "100001".into(),
            kind: "image".into(),
            url: "https://static.example.com/kyc/100001/passport-scan.jpg".into(),
            date: at("2024-03-04T10:20:00Z"),
            relates_to_kyc_document_id: document_id("100001", "passport"),
            relates_to_kyc_check_id: check_id("100001"),
        })?;
        for (bank_id, ok, date) in STATUSES {
            store.save_kyc(&KycStatus {
                customer_id: customer_id.clone(),
                customer_number: "100001".into(),
                ok,
                date: at(date),
                bank_id: bank_id.into(),
            })?;
        }
    }
    store.set_meta(MARKER, "1")
}
