//! Demo customer messages, meetings and CRM events at gh.29.uk. Written once per database (its own
//! marker); ids derive from fixed texts and every date is fixed.
//!
//! Facts a UI can rely on:
//! - 100001 (Zoë Müller) has three v4.0.0 messages, listed newest first: 2025-01-15 `Email` from
//!   `Customer Service` / `Alex Morgan`, 2024-06-20 `SMS` from `Cards` / `Card Services`,
//!   2024-03-04 `Email` from `KYC` / `Sam Taylor`. Nobody else has messages, and no v1.4.0
//!   (user-addressed) messages are seeded.
//! - Two meetings (provider `jitsi`), listed latest first: `mortgage` on 2025-02-10T10:30:00Z with
//!   José Álvarez Núñez (`invited`), and `onboarding` on 2024-03-01T14:00:00Z with Zoë Müller
//!   (`accepted`). Both were made by `staff` (both `present` users), with empty `keys` as OBP gives.
//! - Thirteen CRM events about 100001..=100006, listed oldest scheduled first (2024-02-28 to
//!   2025-02-10), in seven categories (`Onboarding`, `KYC`, `Product enquiry`, `Complaint`, `Card`,
//!   `Mortgage`, `Account review`) over five channels (`Branch`, `Video`, `Phone`, `Chat`,
//!   `Email`); `customer_name` is the customer's legal name. 100001 has four. obp.bank.de has none.

use super::{at, id, UK_BANK_ID};
use crate::db::{
    user_id_for, ContactDetails, CrmEvent, CustomerMessage, Invitee, Meeting, MeetingKeys,
    MeetingPresent, Recipient, Store,
};

const MARKER: &str = "seeded.communications";

/// (date, transport, message, from department, from person) of 100001's messages, oldest first.
const MESSAGES: [(&str, &str, &str, &str, &str); 3] = [
    (
        "2024-03-04T11:00:00Z",
        "Email",
        "Your identity check is complete. Thank you for your patience.",
        "KYC",
        "Sam Taylor",
    ),
    (
        "2024-06-20T08:30:00Z",
        "SMS",
        "Your new debit card has been dispatched and should arrive within 3 working days.",
        "Cards",
        "Card Services",
    ),
    (
        "2025-01-15T16:45:00Z",
        "Email",
        "Your annual account statement is ready to view.",
        "Customer Service",
        "Alex Morgan",
    ),
];

/// (purpose, when, creator name, creator email, invitee's customer number, invitee status).
const MEETINGS: [(&str, &str, &str, &str, &str, &str); 2] = [
    (
        "onboarding",
        "2024-03-01T14:00:00Z",
        "Sam Taylor",
        "sam.taylor@gh29.example.com",
        "100001",
        "accepted",
    ),
    (
        "mortgage",
        "2025-02-10T10:30:00Z",
        "Alex Morgan",
        "alex.morgan@gh29.example.com",
        "100002",
        "invited",
    ),
];

/// (customer number, category, detail, channel, scheduled, actual, result), oldest first.
const CRM_EVENTS: [(&str, &str, &str, &str, &str, &str, &str); 13] = [
    (
        "100001",
        "Onboarding",
        "Account opening appointment",
        "Branch",
        "2024-02-28T10:00:00Z",
        "2024-02-28T10:05:00Z",
        "Completed",
    ),
    (
        "100001",
        "KYC",
        "Identity check by video call",
        "Video",
        "2024-03-04T10:00:00Z",
        "2024-03-04T10:15:00Z",
        "Completed",
    ),
    (
        "100002",
        "Product enquiry",
        "Asked about fixed-rate savings accounts",
        "Phone",
        "2024-03-12T09:30:00Z",
        "2024-03-12T09:32:00Z",
        "Information sent",
    ),
    (
        "100003",
        "Complaint",
        "Card payment declined abroad",
        "Phone",
        "2024-04-02T16:00:00Z",
        "2024-04-02T16:10:00Z",
        "Resolved",
    ),
    (
        "100002",
        "KYC",
        "Passport renewal check",
        "Branch",
        "2024-06-12T14:00:00Z",
        "2024-06-12T14:00:00Z",
        "Failed",
    ),
    (
        "100001",
        "Card",
        "Replacement debit card requested",
        "Chat",
        "2024-06-18T12:00:00Z",
        "2024-06-18T12:03:00Z",
        "Completed",
    ),
    (
        "100004",
        "Mortgage",
        "First mortgage consultation",
        "Branch",
        "2024-07-09T14:00:00Z",
        "2024-07-09T14:20:00Z",
        "Follow-up",
    ),
    (
        "100005",
        "Account review",
        "Annual review of the current account",
        "Video",
        "2024-08-21T11:00:00Z",
        "2024-08-21T11:00:00Z",
        "Completed",
    ),
    (
        "100006",
        "Complaint",
        "Disputed direct debit",
        "Email",
        "2024-09-03T08:45:00Z",
        "2024-09-04T10:00:00Z",
        "Escalated",
    ),
    (
        "100004",
        "Mortgage",
        "Mortgage offer follow-up",
        "Phone",
        "2024-10-15T15:30:00Z",
        "2024-10-15T15:45:00Z",
        "Offer accepted",
    ),
    (
        "100003",
        "Product enquiry",
        "Credit limit increase",
        "Chat",
        "2024-11-20T19:10:00Z",
        "2024-11-20T19:12:00Z",
        "Declined",
    ),
    (
        "100001",
        "Account review",
        "Question about the annual statement",
        "Email",
        "2025-01-15T16:00:00Z",
        "2025-01-15T16:40:00Z",
        "Resolved",
    ),
    (
        "100002",
        "Mortgage",
        "Remortgage meeting",
        "Video",
        "2025-02-10T10:30:00Z",
        "2025-02-10T10:30:00Z",
        "Follow-up",
    ),
];

/// Writes the demo messages, meetings and CRM events unless this database already has them.
pub(super) fn populate(store: &Store) -> rusqlite::Result<()> {
    if store.meta(MARKER)?.is_some() {
        return Ok(());
    }
    if let Some(customer) = store.customer_by_number(UK_BANK_ID, "100001")? {
        for (date, transport, message, from_department, from_person) in MESSAGES {
            store.insert_message(
                UK_BANK_ID,
                Recipient::Customer(&customer.customer_id),
                &CustomerMessage {
                    id: id(&format!("message:100001:{date}")),
                    date: at(date),
                    transport: transport.into(),
                    message: message.into(),
                    from_department: from_department.into(),
                    from_person: from_person.into(),
                },
            )?;
        }
    }
    let staff = user_id_for("staff");
    for (purpose, when, creator, creator_email, number, status) in MEETINGS {
        let Some(customer) = store.customer_by_number(UK_BANK_ID, number)? else {
            continue;
        };
        store.insert_meeting(&Meeting {
            meeting_id: id(&format!("meeting:{purpose}:{number}")),
            provider_id: "jitsi".into(),
            purpose_id: purpose.into(),
            bank_id: UK_BANK_ID.into(),
            present: MeetingPresent {
                staff_user_id: staff.clone(),
                customer_user_id: staff.clone(),
            },
            keys: MeetingKeys::default(),
            when: at(when),
            creator: ContactDetails {
                name: creator.into(),
                mobile_phone: "+442079460000".into(),
                email_address: creator_email.into(),
            },
            invitees: vec![Invitee {
                contact_details: ContactDetails {
                    name: customer.legal_name,
                    mobile_phone: customer.mobile_phone_number,
                    email_address: customer.email,
                },
                status: status.into(),
            }],
        })?;
    }
    for (index, (number, category, detail, channel, scheduled, actual, result)) in
        CRM_EVENTS.into_iter().enumerate()
    {
        let Some(customer) = store.customer_by_number(UK_BANK_ID, number)? else {
            continue;
        };
        store.insert_crm_event(&CrmEvent {
            id: id(&format!("crm-event:{index}")),
            bank_id: UK_BANK_ID.into(),
            customer_name: customer.legal_name,
            customer_number: number.into(),
            category: category.into(),
            detail: detail.into(),
            channel: channel.into(),
            scheduled_date: at(scheduled),
            actual_date: at(actual),
            result: result.into(),
        })?;
    }
    store.set_meta(MARKER, "1")
}
