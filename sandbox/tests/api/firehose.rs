//! Get Firehose Customers: paging, the updated-at window, attribute filters, OBP's check order and
//! the instance switch (`allow_customer_firehose`).

use crate::common::*;
use axum::Router;
use sandbox::obp_error::msg;
use serde_json::json;

const FIREHOSE: &str = "/banks/gh.29.uk/firehose/customers";

async fn firehose(app: &Router, token: &str, query: &str) -> Reply {
    get(app, &format!("{FIREHOSE}?{query}"), Some(token)).await
}

#[tokio::test]
async fn pages_like_the_customer_lists() {
    let app = app();
    let staff = staff(&app).await;
    let first = firehose(&app, &staff, "limit=5").await;
    assert_eq!(
        first.customer_numbers(),
        ["100001", "100002", "100003", "100004", "100005"]
    );
    let customer = &first.customers()[0];
    assert_eq!(keys(customer), sorted(CUSTOMER_310_KEYS));
    assert_eq!(customer["date_of_birth"], "2004-10-18");
    assert_eq!(
        firehose(&app, &staff, "limit=2&offset=1")
            .await
            .customer_numbers(),
        ["100002", "100003"]
    );
    let oldest = firehose(&app, &staff, "sort_direction=asc&limit=260").await;
    let ascending = oldest.customer_numbers();
    assert_eq!(ascending.len(), 260);
    assert_eq!(ascending.last(), Some(&"100001"));
    let all = get(&app, FIREHOSE, Some(&staff)).await;
    assert_eq!(all.customers().len(), 50, "OBP's default limit");
    let de = get(
        &app,
        "/banks/obp.bank.de/firehose/customers?limit=1",
        Some(&staff),
    )
    .await;
    assert_eq!(de.customers()[0]["bank_id"], DE);
}

#[tokio::test]
async fn from_and_to_date_window_the_last_change() {
    let app = app();
    let staff = staff(&app).await;
    // Every seeded customer last changed at 2025-07-01T06:00:00Z; both ends are inclusive.
    assert!(firehose(&app, &staff, "to_date=2025-07-01T05:59:59.999Z")
        .await
        .customer_numbers()
        .is_empty());
    assert_eq!(
        firehose(&app, &staff, "to_date=2025-07-01T06:00:00.000Z&limit=500")
            .await
            .customer_numbers()
            .len(),
        260
    );
    assert_eq!(
        firehose(&app, &staff, "from_date=2025-07-01T06:00:00.000Z&limit=3")
            .await
            .customer_numbers(),
        ["100001", "100002", "100003"]
    );
    let id = customer_id(&app, &staff, UK, "100042").await;
    put(
        &app,
        &format!("/banks/{UK}/customers/{id}/email"),
        Some(&staff),
        &json!({"email": "changed@example.com"}),
    )
    .await
    .assert_status(200);
    let changed = firehose(&app, &staff, "from_date=2025-07-02T00:00:00.000Z").await;
    assert_eq!(changed.customer_numbers(), ["100042"]);
    assert_eq!(changed.customers()[0]["email"], "changed@example.com");
    // Percent-encoded, and with an offset instead of Z (`+` itself would decode to a space).
    let encoded = firehose(
        &app,
        &staff,
        "from_date=2025-07-02T01%3A00%3A00.000%2B0100&to_date=2100-01-01T00:00:00.000Z",
    )
    .await;
    assert_eq!(encoded.customer_numbers(), ["100042"]);
}

#[tokio::test]
async fn other_parameters_filter_by_customer_attribute() {
    let app = app();
    let staff = staff(&app).await;
    // Seeded: LOYALTY_POINTS is 1250 × n for 100001..=100005.
    assert_eq!(
        firehose(&app, &staff, "LOYALTY_POINTS=1250")
            .await
            .customer_numbers(),
        ["100001"]
    );
    assert_eq!(
        firehose(&app, &staff, "LOYALTY_POINTS=2500&RISK_SCORE=0.51")
            .await
            .customer_numbers(),
        ["100002", "100003"]
    );
    // The filter applies to the page, after limit and offset.
    assert!(firehose(&app, &staff, "LOYALTY_POINTS=1250&offset=1")
        .await
        .customer_numbers()
        .is_empty());
    assert!(firehose(&app, &staff, "NO_SUCH_ATTRIBUTE=x")
        .await
        .customer_numbers()
        .is_empty());
}

#[tokio::test]
async fn query_errors_in_obp_order() {
    let app = app();
    let staff = staff(&app).await;
    let cases = [
        ("from_date=2024-01-01", "OBP-10026: Failed to parse date string. Please use this format yyyy-MM-dd'T'HH:mm:ss.SSS'Z'!"),
        ("to_date=2024-01-01T00:00:00Z", "OBP-10026"),
        ("sort_direction=up&from_date=bad", "OBP-10023"),
        ("from_date=bad&limit=0", "OBP-10026"),
        ("to_date=bad&offset=-1", "OBP-10026"),
        ("limit=0&offset=-1", "OBP-10025"),
        ("offset=-1", "OBP-10024"),
    ];
    for (query, prefix) in cases {
        firehose(&app, &staff, query)
            .await
            .assert_error(400, prefix);
    }
}

/// Dates with multi-byte characters where the parser looks for digits, signs or the zone: 400
/// OBP-10026 like any other bad date (a byte-index slice inside `é` used to panic).
#[tokio::test]
async fn non_ascii_dates_are_a_bad_date_format() {
    let app = app();
    let staff = staff(&app).await;
    for date in [
        "2024-01-01T00:00:00.000%C3%A9123",
        "2024-01-01T00:00:00.000+%C3%A912",
        "2024-01-01T00:00:00.000%E2%82%AC12",
        "2024-01-01T00:00:00.%C3%A9Z",
        "2024-01-01T00:00:0%C3%A9.000Z",
        "%C3%A9024-01-01T00:00:00.000Z",
        "2024-01-01T00:00:00.000%F0%9F%98%80",
        "2024-01-01T00:00:00.000%FF%FE%FD%FC%FB",
    ] {
        for name in ["from_date", "to_date"] {
            firehose(&app, &staff, &format!("{name}={date}"))
                .await
                .assert_error(400, msg::FILTER_DATE_FORMAT_ERROR);
        }
    }
}

#[tokio::test]
async fn login_role_then_bank() {
    let app = app();
    let (staff, auditor) = (staff(&app).await, auditor(&app).await);
    get(&app, FIREHOSE, None)
        .await
        .assert_error(401, "OBP-20001");
    assert_missing_roles(
        &get(&app, FIREHOSE, Some(&auditor)).await,
        "CanUseCustomerFirehoseAtAnyBank",
    );
    assert_missing_roles(
        &get(&app, "/banks/no.bank/firehose/customers", Some(&auditor)).await,
        "CanUseCustomerFirehoseAtAnyBank",
    );
    get(&app, "/banks/no.bank/firehose/customers", Some(&staff))
        .await
        .assert_error(404, "OBP-30001");
}

#[tokio::test]
async fn disabled_on_the_instance_before_any_role() {
    let app = app_with(sandbox::Options {
        allow_customer_firehose: false,
        ..memory_options()
    });
    let (staff, auditor) = (staff(&app).await, auditor(&app).await);
    for token in [&staff, &auditor] {
        let reply = get(&app, FIREHOSE, Some(token)).await;
        reply.assert_error(400, "OBP-00009");
        assert_eq!(
            reply.json,
            json!({"code": 400, "message": "OBP-00009: Account firehose is not allowed on this instance. Please set allow_account_firehose = true in props files. "})
        );
    }
    get(&app, FIREHOSE, None)
        .await
        .assert_error(401, "OBP-20001");
    // The rest of the API is unaffected.
    let listed = get(&app, "/banks/gh.29.uk/customers?limit=1", Some(&staff)).await;
    assert_eq!(listed.customers().len(), 1);
}
