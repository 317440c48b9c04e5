//! Canned OBP answers for the browser tests (a user with roles, customers, a fake API that knows
//! the user and one bank) and what the app sent them.

use std::sync::Arc;

use customer_console::api::Method;

use super::FakeTransport;

/// `users/current` for a user holding `roles` at gh.29.uk.
pub fn user(roles: &[&str]) -> String {
    let grants: Vec<(&str, &str)> = roles.iter().map(|r| (*r, "gh.29.uk")).collect();
    user_with(&grants)
}

/// `users/current` for a user holding each `(role, bank_id)`; an empty bank is a system role.
pub fn user_with(grants: &[(&str, &str)]) -> String {
    let list: Vec<String> = grants
        .iter()
        .map(|(r, bank)| {
            format!(r#"{{"entitlement_id":"e-{r}","role_name":"{r}","bank_id":"{bank}"}}"#)
        })
        .collect();
    format!(
        r#"{{"user_id":"u1","username":"tester","email":"t@example.com","provider":"sandbox",
            "entitlements":{{"list":[{}]}}}}"#,
        list.join(",")
    )
}

/// A customer at gh.29.uk.
pub fn customer(id: &str, number: &str, name: &str) -> String {
    customer_at("gh.29.uk", id, number, name)
}

/// A customer at `bank_id`.
pub fn customer_at(bank_id: &str, id: &str, number: &str, name: &str) -> String {
    serde_json::json!({
        "bank_id": bank_id, "customer_id": id, "customer_number": number, "legal_name": name,
        "mobile_phone_number": "+447700900123", "email": "c@example.com",
        "date_of_birth": "1984-07-21", "kyc_status": true, "branch_id": "LDN-01",
        "credit_limit": {"currency": "GBP", "amount": "2500"}
    })
    .to_string()
}

/// A fake OBP with the user's roles and one bank.
pub fn api_with(roles: &[&str]) -> Arc<FakeTransport> {
    api_for(&user(roles))
}

/// A fake OBP answering `users/current` with `user` and knowing one bank.
pub fn api_for(user: &str) -> Arc<FakeTransport> {
    FakeTransport::new()
        .on(Method::Get, "/users/current", 200, user)
        .on(
            Method::Get,
            "/banks",
            200,
            r#"{"banks":[{"id":"gh.29.uk","short_name":"GH","full_name":"GH Bank 29"}]}"#,
        )
}

/// A fake OBP with the user's `roles` and customer c1 (number 100001) at gh.29.uk with the given
/// KYC lists (JSON arrays); every KYC PUT succeeds.
pub fn kyc_api(roles: &[&str], documents: &str, media: &str, statuses: &str) -> Arc<FakeTransport> {
    api_with(roles)
        .on(
            Method::Get,
            "/banks/gh.29.uk/customers/c1",
            200,
            &customer("c1", "100001", "Zoë Müller"),
        )
        .on(
            Method::Get,
            "/customers/c1/kyc_documents",
            200,
            &format!(r#"{{"documents":{documents}}}"#),
        )
        .on(
            Method::Get,
            "/customers/c1/kyc_checks",
            200,
            r#"{"checks":[]}"#,
        )
        .on(
            Method::Get,
            "/customers/c1/kyc_media",
            200,
            &format!(r#"{{"medias":{media}}}"#),
        )
        .on(
            Method::Get,
            "/customers/c1/kyc_statuses",
            200,
            &format!(r#"{{"statuses":{statuses}}}"#),
        )
        .on(Method::Put, "", 201, r#"{"id":"x"}"#)
}

/// The roles of a staff member who may list, read, create, edit and delete customers.
pub const STAFF_ROLES: &[&str] = &[
    "CanGetCustomers",
    "CanGetCustomer",
    "CanCreateCustomer",
    "CanUpdateCustomerEmail",
    "CanDeleteCustomerCascade",
];

/// A list page of `count` customers c0, c1… (numbers from 100001).
pub fn page_of(count: usize) -> String {
    let rows: Vec<String> = (0..count)
        .map(|i| {
            customer(
                &format!("c{i}"),
                &format!("{}", 100_001 + i),
                &format!("Customer {i}"),
            )
        })
        .collect();
    format!(r#"{{"customers":[{}]}}"#, rows.join(","))
}

/// The URLs of the `method` requests whose URL contains `path_part`, in order.
pub fn urls_to(transport: &FakeTransport, method: Method, path_part: &str) -> Vec<String> {
    transport
        .requests()
        .into_iter()
        .filter(|r| r.method == method && r.url.contains(path_part))
        .map(|r| r.url)
        .collect()
}

/// The body of the last `method` request whose URL contains `path_part`.
pub fn last_body(transport: &FakeTransport, method: Method, path_part: &str) -> Option<String> {
    transport
        .requests()
        .into_iter()
        .rfind(|r| r.method == method && r.url.contains(path_part))
        .and_then(|r| r.body)
}

/// The JSON body `{name: value}`, as serde writes it.
pub fn json_body(name: &str, value: &str) -> Option<String> {
    Some(serde_json::json!({ name: value }).to_string())
}

/// The JSON bodies of the POSTs whose URL ends with `suffix`, in order.
pub fn posted(transport: &FakeTransport, suffix: &str) -> Vec<serde_json::Value> {
    transport
        .requests()
        .into_iter()
        .filter(|r| r.method == Method::Post && r.url.ends_with(suffix))
        .map(|r| serde_json::from_str(&r.body.expect("a body")).unwrap())
        .collect()
}
