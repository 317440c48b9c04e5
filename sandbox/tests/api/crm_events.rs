//! CRM events: the seeded, read-only list per bank (login only) and OBP's error codes.

use std::collections::BTreeSet;

use crate::common::*;
use serde_json::json;

const CRM_EVENT_KEYS: [&str; 10] = [
    "id",
    "bank_id",
    "customer_name",
    "customer_number",
    "category",
    "detail",
    "channel",
    "scheduled_date",
    "actual_date",
    "result",
];

#[tokio::test]
async fn seeded_events_at_the_demo_bank() {
    let app = app();
    let auditor = auditor(&app).await;
    let reply = get(&app, &format!("/banks/{UK}/crm-events"), Some(&auditor)).await;
    let listed = reply.list("crm_events");
    assert_eq!(listed.len(), 13);
    assert_key_order(&reply.raw, &CRM_EVENT_KEYS);
    for event in listed {
        assert_eq!(keys(event), sorted(&CRM_EVENT_KEYS));
        assert_eq!(event["bank_id"], UK);
    }
    let distinct = |field: &str| -> BTreeSet<&str> {
        listed.iter().filter_map(|e| e[field].as_str()).collect()
    };
    assert_eq!(
        distinct("category"),
        BTreeSet::from([
            "Account review",
            "Card",
            "Complaint",
            "KYC",
            "Mortgage",
            "Onboarding",
            "Product enquiry"
        ])
    );
    assert_eq!(
        distinct("channel"),
        BTreeSet::from(["Branch", "Chat", "Email", "Phone", "Video"])
    );
    let scheduled: Vec<&str> = listed
        .iter()
        .filter_map(|e| e["scheduled_date"].as_str())
        .collect();
    assert!(scheduled.windows(2).all(|pair| pair[0] <= pair[1]));
    assert_eq!(
        (
            &listed[0]["customer_number"],
            &listed[0]["customer_name"],
            &listed[0]["category"]
        ),
        (&json!("100001"), &json!("Zoë Müller"), &json!("Onboarding"))
    );
    let zoe = listed
        .iter()
        .filter(|e| e["customer_number"] == "100001")
        .count();
    assert_eq!(zoe, 4);
    // Deterministic: a second sandbox lists the same ids.
    let again = app_with(memory_options());
    let token = staff(&again).await;
    let other = get(&again, &format!("/banks/{UK}/crm-events"), Some(&token)).await;
    assert_eq!(other.list("crm_events"), listed);
}

#[tokio::test]
async fn other_banks_login_and_read_only() {
    let app = app();
    let staff = staff(&app).await;
    let empty = get(&app, &format!("/banks/{DE}/crm-events"), Some(&staff)).await;
    assert!(empty.list("crm_events").is_empty());
    get(&app, "/banks/no.bank/crm-events", Some(&staff))
        .await
        .assert_error(404, "OBP-30001");
    get(&app, &format!("/banks/{UK}/crm-events"), None)
        .await
        .assert_error(401, "OBP-20001");
    post(
        &app,
        &format!("/banks/{UK}/crm-events"),
        Some(&staff),
        &json!({}),
    )
    .await
    .assert_error(404, "OBP-10404");
}
