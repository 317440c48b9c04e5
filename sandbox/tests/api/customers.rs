//! Customer endpoints: happy paths, OBP's error paths, paging, search, the update PUTs and cascade delete.

use crate::common::*;
use axum::http::{Method, StatusCode};
use sandbox::Options;
use serde_json::{json, Value};

fn full_customer(number: &str) -> Value {
    json!({
        "legal_name": "Eveline Tripman",
        "mobile_phone_number": "+447700900999",
        "customer_number": number,
        "email": "eveline.tripman@example.com",
        "face_image": {"url": "https://images.example.com/e.png", "date": "2020-01-27T00:00:00Z"},
        "date_of_birth": "1988-03-09T00:00:00Z",
        "relationship_status": "single",
        "dependants": 2,
        "dob_of_dependants": ["2019-09-08T00:00:00Z", "2017-07-12T00:00:00Z"],
        "credit_rating": {"rating": "A", "source": "Experian"},
        "credit_limit": {"currency": "GBP", "amount": "1000.00"},
        "highest_education_attained": "Master",
        "employment_status": "employed",
        "kyc_status": true,
        "last_ok_date": "2023-03-13T11:39:33Z",
        "title": "Dr",
        "branch_id": "LDN-01",
        "name_suffix": "Sr"
    })
}

#[tokio::test]
async fn create_customer_echoes_every_field() {
    let app = app();
    let token = staff(&app).await;
    let body = full_customer("555001");
    let reply = post(&app, "/banks/gh.29.uk/customers", Some(&token), &body).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.json);
    assert_eq!(keys(&reply.json), sorted(CUSTOMER_310_KEYS));
    assert_key_order(&reply.raw, CUSTOMER_310_KEYS);
    assert_eq!(reply.json["bank_id"], UK);
    for field in [
        "legal_name",
        "customer_number",
        "face_image",
        "date_of_birth",
        "dob_of_dependants",
        "credit_rating",
    ] {
        assert_eq!(reply.json[field], body[field], "{field}");
    }
    for field in [
        "credit_limit",
        "kyc_status",
        "last_ok_date",
        "title",
        "branch_id",
        "name_suffix",
        "dependants",
    ] {
        assert_eq!(reply.json[field], body[field], "{field}");
    }
    let id = reply.json["customer_id"].as_str().unwrap_or_default();
    let fetched = get(
        &app,
        &format!("/banks/gh.29.uk/customers/{id}"),
        Some(&token),
    )
    .await;
    assert_eq!(fetched.status, StatusCode::OK);
    assert_eq!(fetched.json["legal_name"], "Eveline Tripman");
}

#[tokio::test]
async fn create_customer_with_only_required_fields_gets_obp_defaults() {
    let app = app();
    let token = staff(&app).await;
    let body = json!({"legal_name": "Minimal Person", "mobile_phone_number": "+447700900998"});
    let reply = post(&app, "/banks/obp.bank.de/customers", Some(&token), &body).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.json);
    let number = reply.json["customer_number"].as_str().unwrap_or_default();
    assert!(
        !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()),
        "{number}"
    );
    assert_eq!(
        reply.json["credit_rating"],
        json!({"rating": "", "source": ""})
    );
    assert_eq!(
        reply.json["credit_limit"],
        json!({"currency": "", "amount": ""})
    );
    assert_eq!(reply.json["date_of_birth"], Value::Null);
    assert_eq!(reply.json["kyc_status"], false);
    assert_eq!(reply.json["dependants"], 0);
    assert_eq!(reply.json["email"], "");
}

#[tokio::test]
async fn create_customer_errors() {
    let app = app();
    let (staff, auditor) = (staff(&app).await, auditor(&app).await);
    let with = |field: &str, value: Value| {
        let mut body = full_customer("555002");
        body[field] = value;
        body
    };
    let mut missing_name = full_customer("555003");
    missing_name
        .as_object_mut()
        .map(|body| body.remove("legal_name"));
    let cases: Vec<(&str, Option<&str>, Value, u16, &str)> = vec![
        (UK, None, full_customer("555004"), 401, "OBP-20001: User not logged in. Authentication is required!"),
        (UK, Some("bogus-token"), full_customer("555004"), 400, "OBP-20003"),
        ("no.such.bank", Some(&staff), full_customer("555004"), 404, "OBP-30001: Bank not found."),
        (
            UK,
            Some(&auditor),
            full_customer("555004"),
            403,
            "OBP-20006: User is missing one or more roles: CanCreateCustomer or CanCreateCustomerAtAnyBank for BankId(gh.29.uk).",
        ),
        (
            UK,
            Some(&staff),
            missing_name,
            400,
            "OBP-10001: Incorrect json format. The Json body should be the PostCustomerJsonV310 ",
        ),
        (UK, Some(&staff), with("date_of_birth", json!("1988-03-09")), 400, "OBP-10001"),
        (UK, Some(&staff), with("last_ok_date", json!("2023-03-13T11:39:33.076Z")), 400, "OBP-10001"),
        (
            UK,
            Some(&staff),
            with("dependants", json!(3)),
            400,
            "OBP-10020: Incorrect json. The field dependants(3) not equal the length(2) of dob_of_dependants array",
        ),
        (
            UK,
            Some(&staff),
            with("customer_number", json!("12::::34")),
            400,
            "OBP-10001: Incorrect json format. customer_number can not contain `::::` characters",
        ),
        (
            UK,
            Some(&staff),
            with("branch_id", json!("LDN 01")),
            400,
            "OBP-10001: Incorrect json format. Here are all invalid values: List((branch_id,LDN 01))",
        ),
        (
            UK,
            Some(&staff),
            with("customer_number", json!("100001")),
            400,
            "OBP-30006: Customer Number already exists. Please specify a different value for BANK_ID or CUSTOMER_NUMBER.",
        ),
    ];
    for (bank, token, body, status, message) in cases {
        let reply = post(&app, &format!("/banks/{bank}/customers"), token, &body).await;
        reply.assert_error(status, message);
    }
    // The same number is free at the other bank.
    let elsewhere = post(
        &app,
        "/banks/obp.bank.de/customers",
        Some(&staff),
        &with("customer_number", json!("100001")),
    )
    .await;
    assert_eq!(elsewhere.status, StatusCode::CREATED);
}

#[tokio::test]
async fn malformed_json_is_rejected_before_anything_else() {
    let app = app();
    let request = axum::http::Request::post("/obp/v5.1.0/banks/gh.29.uk/customers")
        .header("Content-Type", "application/json")
        .body(axum::body::Body::from("{\"legal_name\": "))
        .unwrap();
    send(&app, request)
        .await
        .assert_error(400, "OBP-10001: Incorrect json format.");
}

#[tokio::test]
async fn get_customer_by_id_and_number() {
    let app = app();
    let token = staff(&app).await;
    let id = customer_id(&app, &token, UK, "100001").await;
    let reply = get(
        &app,
        &format!("/banks/gh.29.uk/customers/{id}"),
        Some(&token),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK);
    let mut expected = CUSTOMER_310_KEYS.to_vec();
    expected.push("customer_attributes");
    assert_eq!(keys(&reply.json), sorted(&expected));
    assert_key_order(&reply.raw, &expected);
    assert_eq!(reply.json["legal_name"], "Zoë Müller");
    assert_eq!(reply.json["mobile_phone_number"], "+447700900001");
    // 100001 has seeded attributes (see the attributes tests); 100006 has none.
    assert_eq!(
        reply.json["customer_attributes"][0]["name"],
        "SPECIAL_TAX_NUMBER"
    );
    assert!(reply.json["date_of_birth"]
        .as_str()
        .is_some_and(|d| d.len() == 20 && d.ends_with("T00:00:00Z")));

    // OBP does not check that the customer belongs to BANK_ID.
    let german = customer_id(&app, &token, DE, "200001").await;
    let across = get(
        &app,
        &format!("/banks/gh.29.uk/customers/{german}"),
        Some(&token),
    )
    .await;
    assert_eq!(across.json["legal_name"], "Jürgen Weiß");

    get(&app, "/banks/gh.29.uk/customers/no-such-id", Some(&token))
        .await
        .assert_error(
            404,
            "OBP-30046: Customer not found. Please specify a valid value for CUSTOMER_ID.",
        );
    post(
        &app,
        "/banks/gh.29.uk/customers/customer-number",
        Some(&token),
        &json!({"customer_number": "999999"}),
    )
    .await
    .assert_error(
        404,
        "OBP-30002: Customer not found. Please specify a valid value for CUSTOMER_NUMBER.",
    );
    post(
        &app,
        "/banks/gh.29.uk/customers/customer-number",
        Some(&token),
        &json!({"number": "100001"}),
    )
    .await
    .assert_error(
        400,
        "OBP-10001: Incorrect json format. The Json body should be the PostCustomerNumberJsonV310 ",
    );
    get(
        &app,
        &format!("/banks/no.such.bank/customers/{id}"),
        Some(&token),
    )
    .await
    .assert_error(404, "OBP-30001");
    get(&app, &format!("/banks/gh.29.uk/customers/{id}"), None)
        .await
        .assert_error(401, "OBP-20001");
}

#[tokio::test]
async fn read_roles_are_checked_at_the_bank() {
    let teller = app_with_users(&json!([{"username": "teller", "password": "pw",
        "email": "t@example.com", "roles": [{"role_name": "CanGetCustomers", "bank_id": DE}]}]));
    let token = login(&teller, "teller", "pw").await;
    assert_eq!(
        get(&teller, "/banks/obp.bank.de/customers", Some(&token))
            .await
            .status,
        StatusCode::OK
    );
    get(&teller, "/banks/gh.29.uk/customers", Some(&token))
        .await
        .assert_error(
            403,
            "OBP-20006: User is missing one or more roles: CanGetCustomers for BankId(gh.29.uk).",
        );
    post(
        &teller,
        "/banks/gh.29.uk/customers/customer-number",
        Some(&token),
        &json!({"customer_number": "100001"}),
    )
    .await
    .assert_error(
        403,
        "OBP-20006: User is missing one or more roles: CanGetCustomer at Bank(gh.29.uk)",
    );
}

#[tokio::test]
async fn lists_page_and_sort_by_last_ok_date() {
    let app = app();
    let token = staff(&app).await;
    let first = get(&app, "/banks/gh.29.uk/customers", Some(&token)).await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(first.customers().len(), 50, "default limit");
    assert_eq!(keys(&first.customers()[0]), sorted(CUSTOMER_310_KEYS));
    let numbers = |reply: &Reply| -> Vec<String> {
        reply
            .customers()
            .iter()
            .map(|c| c["customer_number"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    assert_eq!(numbers(&first)[..3], ["100001", "100002", "100003"]);
    let date_of_birth = first.customers()[0]["date_of_birth"]
        .as_str()
        .unwrap_or_default();
    assert_eq!(
        date_of_birth.len(),
        10,
        "Customer300 date_of_birth is yyyy-MM-dd: {date_of_birth}"
    );
    let dates: Vec<&str> = first
        .customers()
        .iter()
        .filter_map(|c| c["last_ok_date"].as_str())
        .collect();
    assert!(
        dates.windows(2).all(|pair| pair[0] > pair[1]),
        "DESC by last_ok_date"
    );

    let page = get(
        &app,
        "/banks/gh.29.uk/customers?limit=5&offset=1&sort_direction=DESC",
        Some(&token),
    )
    .await;
    assert_eq!(numbers(&page), numbers(&first)[1..6]);
    let ascending = get(
        &app,
        "/banks/gh.29.uk/customers?limit=1000&sort_direction=asc",
        Some(&token),
    )
    .await;
    assert_eq!(ascending.customers().len(), 260);
    assert_eq!(
        numbers(&ascending).last().map(String::as_str),
        Some("100001")
    );
    let past_the_end = get(&app, "/banks/obp.bank.de/customers?offset=40", Some(&token)).await;
    assert!(past_the_end.customers().is_empty());
    let ignored = get(
        &app,
        "/banks/gh.29.uk/customers?limit=2&obp_limit=7&from_date=nonsense",
        Some(&token),
    )
    .await;
    assert_eq!(ignored.customers().len(), 2);

    let minimal = get(
        &app,
        "/banks/gh.29.uk/customers-minimal?limit=3",
        Some(&token),
    )
    .await;
    assert_eq!(minimal.status, StatusCode::OK);
    assert_eq!(minimal.customers().len(), 3);
    assert_eq!(keys(&minimal.customers()[0]), ["bank_id", "customer_id"]);
    assert_eq!(
        minimal.customers()[0]["customer_id"],
        first.customers()[0]["customer_id"]
    );
}

#[tokio::test]
async fn lists_at_any_bank_group_the_page_by_bank() {
    let app = app();
    let token = staff(&app).await;
    let all = get(&app, "/customers?limit=1000", Some(&token)).await;
    assert_eq!(all.status, StatusCode::OK);
    assert_eq!(all.customers().len(), 300);
    let banks: Vec<&str> = all
        .customers()
        .iter()
        .filter_map(|c| c["bank_id"].as_str())
        .collect();
    assert!(
        banks.windows(2).all(|pair| pair[0] <= pair[1]),
        "stable-sorted by bank_id"
    );
    assert_eq!(all.customers()[0]["customer_number"], "100001");
    let minimal = get(
        &app,
        "/customers-minimal?limit=10&sort_direction=ASC",
        Some(&token),
    )
    .await;
    assert_eq!(minimal.customers().len(), 10);
    assert_eq!(keys(&minimal.customers()[0]), ["bank_id", "customer_id"]);

    let auditor = auditor(&app).await;
    get(&app, "/customers", Some(&auditor)).await.assert_error(
        403,
        "OBP-20006: User is missing one or more roles: CanGetCustomersAtAnyBank",
    );
    get(&app, "/customers-minimal", Some(&auditor))
        .await
        .assert_error(
            403,
            "OBP-20006: User is missing one or more roles: CanGetCustomersMinimalAtAnyBank",
        );
    get(&app, "/customers", None)
        .await
        .assert_error(401, "OBP-20001");
}

#[tokio::test]
async fn paging_parameters_are_validated_in_obp_order() {
    let app = app();
    let token = staff(&app).await;
    let cases = [
        ("limit=0", "OBP-10025: wrong value for obp_limit parameter. Please send a positive integer (=>1)!"),
        ("limit=abc", "OBP-10025"),
        ("offset=-1", "OBP-10024: wrong value for obp_offset parameter. Please send a positive integer (=>0)!"),
        ("offset=x", "OBP-10024"),
        ("sort_direction=up", "OBP-10023: obp_sort_direction parameter can only take two values: DESC or ASC!"),
        ("limit=0&offset=-1&sort_direction=up", "OBP-10023"),
        ("offset=-1&limit=0", "OBP-10025"),
        ("limit=2147483648", "OBP-10025"),
        ("limit=99999999999999999999", "OBP-10025"),
        ("offset=4294967295", "OBP-10024"),
        ("offset=-9223372036854775809", "OBP-10024"),
    ];
    for path in [
        "/banks/gh.29.uk/customers",
        "/banks/gh.29.uk/customers-minimal",
        "/customers",
        "/customers-minimal",
    ] {
        for (query, message) in cases {
            get(&app, &format!("{path}?{query}"), Some(&token))
                .await
                .assert_error(400, message);
        }
    }
}

/// The largest limit and offset OBP takes (Int.MaxValue) page past the end without overflowing.
#[tokio::test]
async fn the_largest_limit_and_offset_are_an_empty_page() {
    let app = app();
    let token = staff(&app).await;
    for path in [
        "/banks/gh.29.uk/customers",
        "/banks/gh.29.uk/customers-minimal",
        "/customers",
        "/customers-minimal",
        "/banks/gh.29.uk/firehose/customers",
    ] {
        let reply = get(
            &app,
            &format!("{path}?limit=2147483647&offset=2147483647"),
            Some(&token),
        )
        .await;
        assert_eq!(reply.list("customers").len(), 0, "{path}");
        let all = get(&app, &format!("{path}?limit=2147483647"), Some(&token)).await;
        assert!(all.list("customers").len() >= 260, "{path}");
    }
}

#[tokio::test]
async fn search_by_mobile_phone_uses_like_patterns() {
    let app = app();
    let token = staff(&app).await;
    let search = |bank: &'static str, pattern: &'static str| {
        let app = app.clone();
        let token = token.clone();
        async move {
            let path = format!("/banks/{bank}/search/customers/mobile-phone-number");
            post(
                &app,
                &path,
                Some(&token),
                &json!({"mobile_phone_number": pattern}),
            )
            .await
        }
    };
    let exact = search(UK, "+447700900001").await;
    assert_eq!(exact.status, StatusCode::CREATED);
    assert_eq!(exact.customers().len(), 1);
    assert_eq!(exact.customers()[0]["legal_name"], "Zoë Müller");
    assert_eq!(
        exact.customers()[0]["date_of_birth"].as_str().map(str::len),
        Some(10)
    );
    assert_eq!(search(UK, "+4477009000__").await.customers().len(), 99);
    assert_eq!(search(UK, "%0001").await.customers().len(), 1);
    assert_eq!(search(UK, "+4477009002%").await.customers().len(), 61);
    assert_eq!(search(DE, "+49151%").await.customers().len(), 40);
    assert_eq!(search(DE, "+447700900001").await.customers().len(), 0);
    assert_eq!(search("no.such.bank", "%").await.customers().len(), 0);

    // Patterns over SQLite's 50,000-byte LIKE limit (OBP's database has none) match the same way.
    let long = |pattern: String| {
        let app = app.clone();
        let token = token.clone();
        async move {
            let path = "/banks/gh.29.uk/search/customers/mobile-phone-number";
            let reply = post(
                &app,
                path,
                Some(&token),
                &json!({"mobile_phone_number": pattern}),
            )
            .await;
            reply.assert_status(201);
            reply.customers().len()
        }
    };
    assert_eq!(long(format!("{}0001", "%".repeat(60_000))).await, 1);
    assert_eq!(long("x".repeat(60_000)).await, 0);
    let seven_thousands = "7".repeat(30_000);
    post(
        &app,
        "/banks/gh.29.uk/customers",
        Some(&token),
        &json!({"legal_name": "Long Number", "mobile_phone_number": seven_thousands}),
    )
    .await
    .assert_status(201);
    assert_eq!(long("%7".repeat(30_000)).await, 1);
    assert_eq!(long("%7".repeat(30_001)).await, 0);
    assert_eq!(long(format!("{}%", "_".repeat(50_001))).await, 0);

    let path = "/banks/gh.29.uk/search/customers/mobile-phone-number";
    post(&app, path, Some(&token), &json!({"customer_phone_number": "%"}))
        .await
        .assert_error(400, "OBP-10001: Incorrect json format. The Json body should be the PostCustomerPhoneNumberJsonV400 ");
    post(&app, path, None, &json!({"mobile_phone_number": "%"}))
        .await
        .assert_error(401, "OBP-20001");
}

/// One "Update the … of a Customer" case: URL segment, body, and the Customer310 fields it sets.
struct UpdateCase {
    segment: &'static str,
    body: Value,
    changes: Vec<(&'static str, Value)>,
    role_message: String,
    case_class: &'static str,
}

fn update_cases() -> Vec<UpdateCase> {
    let missing = |role: &str| {
        format!("OBP-20006: User is missing one or more roles: {role} at Bank(gh.29.uk)")
    };
    vec![
        UpdateCase {
            segment: "email",
            body: json!({"email": "new@example.com"}),
            changes: vec![("email", json!("new@example.com"))],
            role_message: missing("CanUpdateCustomerEmail"),
            case_class: "PutUpdateCustomerEmailJsonV310",
        },
        UpdateCase {
            segment: "number",
            body: json!({"customer_number": "777777"}),
            changes: vec![("customer_number", json!("777777"))],
            role_message: missing("CanUpdateCustomerNumber"),
            case_class: "PutUpdateCustomerNumberJsonV310",
        },
        UpdateCase {
            segment: "mobile-number",
            body: json!({"mobile_phone_number": "+447700900555"}),
            changes: vec![("mobile_phone_number", json!("+447700900555"))],
            role_message: missing("CanUpdateCustomerMobilePhoneNumber"),
            case_class: "PutUpdateCustomerMobilePhoneNumberJsonV310",
        },
        UpdateCase {
            segment: "identity",
            body: json!({"legal_name": "Zoe Mueller", "date_of_birth": "1990-01-02T00:00:00Z", "title": "Dr", "name_suffix": "PhD"}),
            changes: vec![
                ("legal_name", json!("Zoe Mueller")),
                ("date_of_birth", json!("1990-01-02T00:00:00Z")),
                ("title", json!("Dr")),
                ("name_suffix", json!("PhD")),
            ],
            role_message: missing("CanUpdateCustomerIdentity"),
            case_class: "PutUpdateCustomerIdentityJsonV310",
        },
        UpdateCase {
            segment: "credit-limit",
            body: json!({"credit_limit": {"currency": "EUR", "amount": "123.45"}}),
            changes: vec![("credit_limit", json!({"currency": "EUR", "amount": "123.45"}))],
            role_message: missing("CanUpdateCustomerCreditLimit"),
            case_class: "PutUpdateCustomerCreditLimitJsonV310",
        },
        UpdateCase {
            segment: "credit-rating-and-source",
            body: json!({"credit_rating": "AAA", "credit_source": "Equifax"}),
            changes: vec![("credit_rating", json!({"rating": "AAA", "source": "Equifax"}))],
            role_message: "OBP-20006: User is missing one or more roles: CanUpdateCustomerCreditRatingAndSource or CanUpdateCustomerCreditRatingAndSourceAtAnyBank for BankId(gh.29.uk).".into(),
            case_class: "PutUpdateCustomerCreditRatingAndSourceJsonV310",
        },
        UpdateCase {
            segment: "branch",
            body: json!({"branch_id": "EDI-09"}),
            changes: vec![("branch_id", json!("EDI-09"))],
            role_message: missing("CanUpdateCustomerBranch"),
            case_class: "PutUpdateCustomerBranchJsonV310",
        },
        UpdateCase {
            segment: "data",
            body: json!({
                "face_image": {"url": "https://images.example.com/new.png", "date": "2024-05-06T07:08:09Z"},
                "relationship_status": "divorced",
                "dependants": 4,
                "highest_education_attained": "Master",
                "employment_status": "student"
            }),
            changes: vec![
                ("face_image", json!({"url": "https://images.example.com/new.png", "date": "2024-05-06T07:08:09Z"})),
                ("relationship_status", json!("divorced")),
                ("dependants", json!(4)),
                ("highest_education_attained", json!("Master")),
                ("employment_status", json!("student")),
            ],
            role_message: missing("CanUpdateCustomerData"),
            case_class: "PutUpdateCustomerDataJsonV310",
        },
    ]
}

#[tokio::test]
async fn every_update_changes_only_its_own_fields() {
    let app = app();
    let token = staff(&app).await;
    let id = customer_id(&app, &token, UK, "100001").await;
    for case in update_cases() {
        let before = get(
            &app,
            &format!("/banks/gh.29.uk/customers/{id}"),
            Some(&token),
        )
        .await
        .json;
        let path = format!("/banks/gh.29.uk/customers/{id}/{}", case.segment);
        let reply = put(&app, &path, Some(&token), &case.body).await;
        assert_eq!(
            reply.status,
            StatusCode::OK,
            "{}: {}",
            case.segment,
            reply.json
        );
        assert_eq!(
            keys(&reply.json),
            sorted(CUSTOMER_310_KEYS),
            "{}",
            case.segment
        );
        let mut expected = before.clone();
        expected
            .as_object_mut()
            .map(|object| object.remove("customer_attributes"));
        for (field, value) in &case.changes {
            assert_ne!(
                before[*field], *value,
                "{}: {field} should differ before the update",
                case.segment
            );
            expected[*field] = value.clone();
        }
        assert_eq!(reply.json, expected, "{}", case.segment);
    }
}

#[tokio::test]
async fn update_errors() {
    let app = app();
    let (staff, auditor) = (staff(&app).await, auditor(&app).await);
    let id = customer_id(&app, &staff, UK, "100002").await;
    for case in update_cases() {
        let path = format!("/banks/gh.29.uk/customers/{id}/{}", case.segment);
        put(&app, &path, None, &case.body)
            .await
            .assert_error(401, "OBP-20001");
        put(&app, &path, Some(&auditor), &case.body)
            .await
            .assert_error(403, &case.role_message);
        let wrong_bank = format!("/banks/no.such.bank/customers/{id}/{}", case.segment);
        put(&app, &wrong_bank, Some(&staff), &case.body)
            .await
            .assert_error(404, "OBP-30001");
        let shape = format!(
            "OBP-10001: Incorrect json format. The Json body should be the {} ",
            case.case_class
        );
        put(&app, &path, Some(&staff), &json!({"unexpected": true}))
            .await
            .assert_error(400, &shape);
        let unknown = format!(
            "/banks/gh.29.uk/customers/no-such-customer/{}",
            case.segment
        );
        put(&app, &unknown, Some(&staff), &case.body)
            .await
            .assert_error(404, "OBP-30046");
    }
    put(&app, &format!("/banks/gh.29.uk/customers/{id}/number"), Some(&staff), &json!({"customer_number": "100003"}))
        .await
        .assert_error(
            400,
            "OBP-30006: Customer Number already exists. Please specify a different value for BANK_ID or CUSTOMER_NUMBER. Current customer_number(100003) and Current bank_id(gh.29.uk)",
        );
    // Through another bank's URL (OBP finds the customer at any bank): the number is free at that
    // bank but taken at the customer's own, which keeps its numbers unique too.
    put(&app, &format!("/banks/obp.bank.de/customers/{id}/number"), Some(&staff), &json!({"customer_number": "100003"}))
        .await
        .assert_error(
            400,
            "OBP-30006: Customer Number already exists. Please specify a different value for BANK_ID or CUSTOMER_NUMBER. Current customer_number(100003) and Current bank_id(gh.29.uk)",
        );
    let bad_date =
        json!({"legal_name": "X", "date_of_birth": "1990-01-02", "title": "", "name_suffix": ""});
    put(
        &app,
        &format!("/banks/gh.29.uk/customers/{id}/identity"),
        Some(&staff),
        &bad_date,
    )
    .await
    .assert_error(400, "OBP-10001");
}

#[tokio::test]
async fn delete_cascade_removes_the_customer() {
    let app = app();
    let (staff, auditor) = (staff(&app).await, auditor(&app).await);
    let id = customer_id(&app, &staff, UK, "100042").await;
    let attribute = post(
        &app,
        &format!("/banks/gh.29.uk/customers/{id}/attribute"),
        Some(&staff),
        &json!({"name": "GONE", "type": "STRING", "value": "soon"}),
    )
    .await;
    let attribute_id = attribute.json["customer_attribute_id"]
        .as_str()
        .expect("attribute id")
        .to_owned();
    let path = format!("/obp/v5.1.0/management/cascading/banks/gh.29.uk/customers/{id}");
    call(&app, Method::DELETE, &path, Some(&auditor), None).await.assert_error(
        403,
        "OBP-20006: User is missing one or more roles: CanDeleteCustomerCascade for BankId(gh.29.uk).",
    );
    let deleted = call(&app, Method::DELETE, &path, Some(&staff), None).await;
    assert_eq!(deleted.status, StatusCode::OK);
    assert_eq!(deleted.raw, b"true");
    get(
        &app,
        &format!("/banks/gh.29.uk/customers/{id}"),
        Some(&staff),
    )
    .await
    .assert_error(404, "OBP-30046");
    post(
        &app,
        "/banks/gh.29.uk/customers/customer-number",
        Some(&staff),
        &json!({"customer_number": "100042"}),
    )
    .await
    .assert_error(404, "OBP-30002");
    let survivor = customer_id(&app, &staff, UK, "100043").await;
    get(
        &app,
        &format!("/banks/gh.29.uk/customers/{survivor}/attributes/{attribute_id}"),
        Some(&staff),
    )
    .await
    .assert_error(400, "OBP-30069");
    call(&app, Method::DELETE, &path, Some(&staff), None)
        .await
        .assert_error(404, "OBP-30046");
    let elsewhere = format!("/obp/v5.1.0/management/cascading/banks/no.such.bank/customers/{id}");
    call(&app, Method::DELETE, &elsewhere, Some(&staff), None)
        .await
        .assert_error(404, "OBP-30001");
    let count = get(
        &app,
        "/banks/gh.29.uk/customers-minimal?limit=1000",
        Some(&staff),
    )
    .await;
    assert_eq!(count.customers().len(), 259);
}

#[tokio::test]
async fn html_looking_names_are_stored_verbatim() {
    let app = app();
    let token = staff(&app).await;
    for (number, name) in [
        ("100009", "<script>alert('x')</script> Holdings"),
        ("100010", "<b>Bold</b> & <i>Co</i> Ltd"),
    ] {
        let reply = post(
            &app,
            "/banks/gh.29.uk/customers/customer-number",
            Some(&token),
            &json!({"customer_number": number}),
        )
        .await;
        assert_eq!(reply.json["legal_name"], name);
        assert_eq!(reply.json["date_of_birth"], Value::Null);
    }
}

#[tokio::test]
async fn seed_customers_adds_a_big_bank_quickly_and_pages_to_its_end() {
    let started = std::time::Instant::now();
    let app = app_with(Options {
        seed_customers: 10_000,
        ..memory_options()
    });
    let seeding = started.elapsed();
    assert!(seeding.as_secs() < 10, "seeding 10,000 took {seeding:?}");
    let token = staff(&app).await;
    let mut numbers = Vec::new();
    let mut offset = 0;
    loop {
        let page = get(
            &app,
            &format!("/banks/gh.29.uk/customers?limit=500&offset={offset}"),
            Some(&token),
        )
        .await;
        page.assert_status(200);
        numbers.extend(page.customer_numbers().into_iter().map(str::to_owned));
        if page.customers().len() < 500 {
            break;
        }
        offset += 500;
    }
    assert_eq!(numbers.len(), 10_260);
    assert_eq!(numbers[..2], ["100001", "100002"]);
    assert_eq!(
        numbers[260], "100261",
        "the extra customers follow the demo ones"
    );
    assert_eq!(numbers.last().map(String::as_str), Some("110260"));
    let last = get(
        &app,
        "/banks/gh.29.uk/customers?limit=1&offset=10259",
        Some(&token),
    )
    .await;
    assert_eq!(last.customers()[0]["mobile_phone_number"], "+447701010000");
    let others = get(&app, "/banks/obp.bank.de/customers?limit=500", Some(&token)).await;
    assert_eq!(others.customers().len(), 40, "only the first bank grows");
}

#[tokio::test]
async fn seed_customers_tops_up_a_database_file() {
    let file = scratch_path("bulk.db");
    let open = |count| {
        let app = app_with(Options {
            db: sandbox::Db::File(file.clone()),
            seed_customers: count,
            ..memory_options()
        });
        async move {
            let token = staff(&app).await;
            get(&app, "/banks/gh.29.uk/customers?limit=1000", Some(&token))
                .await
                .customers()
                .len()
        }
    };
    assert_eq!(open(20).await, 280);
    assert_eq!(open(50).await, 310, "only the missing ones are added");
    assert_eq!(open(10).await, 310, "a smaller count removes none");
    std::fs::remove_file(&file).expect("removes the database");
}
