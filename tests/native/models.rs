//! Native tests: every documented customer example decodes, OBP's real variations decode, and
//! malformed answers become errors, never panics.

use crate::support::{calls::api_on, FakeTransport};
use customer_console::api::{
    customers::{self, Customer, Page, SortDirection},
    ApiError, Method,
};
use futures::executor::block_on;

const BANK: &str = "gh.29.uk";
const ID: &str = "7uy8a7e4-6d02-40e3-a129-0b2bf89de8uh";
const PAGE: Page = Page {
    limit: 50,
    offset: 0,
    sort: SortDirection::Desc,
};

/// Answers every path with `body` and returns the decoded single customer.
fn get_customer(body: &str) -> Result<Customer, ApiError> {
    let transport = FakeTransport::new().on(Method::Get, "", 200, body);
    block_on(customers::get(&api_on(&transport), BANK, ID))
}

fn list_customers(body: &str) -> Result<Vec<Customer>, ApiError> {
    let transport = FakeTransport::new().on(Method::Get, "", 200, body);
    block_on(customers::list(&api_on(&transport), BANK, PAGE))
}

#[test]
fn documented_single_customer_examples_decode() {
    for (name, body) in [
        ("create customer", fixture!("create-customer")),
        ("get by id", fixture!("get-customer-by-customer-id")),
        ("get by number", fixture!("get-customer-by-customer-number")),
        ("update email", fixture!("update-the-email-of-a-customer")),
        ("update number", fixture!("update-the-number-of-a-customer")),
        (
            "update mobile",
            fixture!("update-the-mobile-number-of-a-customer"),
        ),
        (
            "update identity",
            fixture!("update-the-identity-data-of-a-customer"),
        ),
        (
            "update credit limit",
            fixture!("update-the-credit-limit-of-a-customer"),
        ),
        (
            "update credit rating",
            fixture!("update-the-credit-rating-and-source-of-a-customer"),
        ),
        ("update branch", fixture!("update-the-branch-of-a-customer")),
        (
            "update other data",
            fixture!("update-the-other-data-of-a-customer"),
        ),
        // The doc shows one object for Get My Customers; the code wraps Customer210s in a list.
        ("my customers (doc)", fixture!("get-my-customers")),
    ] {
        let customer = get_customer(body).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(customer.customer_id, ID, "{name}");
        assert_eq!(customer.legal_name, "Eveline Tripman", "{name}");
        assert_eq!(customer.credit_limit.unwrap().currency, "EUR", "{name}");
        assert_eq!(customer.credit_rating.unwrap().rating, "OBP", "{name}");
        assert_eq!(customer.dependants, 1, "{name}");
        assert!(customer.kyc_status, "{name}");
    }
}

#[test]
fn get_by_id_example_carries_its_attributes() {
    let customer = get_customer(fixture!("get-customer-by-customer-id")).unwrap();
    assert_eq!(customer.title, "Dr.");
    assert_eq!(customer.branch_id, "DERBY6");
    assert_eq!(customer.customer_attributes.len(), 1);
    assert_eq!(customer.customer_attributes[0].name, "SPECIAL_TAX_NUMBER");
    assert_eq!(customer.customer_attributes[0].kind, "STRING");
}

#[test]
fn documented_customer_list_examples_decode() {
    for (name, body) in [
        ("at bank", fixture!("get-customers-at-bank")),
        ("at any bank", fixture!("get-customers-at-any-bank")),
        ("firehose", fixture!("get-firehose-customers")),
        (
            "for current user",
            fixture!("get-customers-for-current-user"),
        ),
        ("my customers at bank", fixture!("get-my-customers-at-bank")),
    ] {
        let list = list_customers(body).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(!list.is_empty(), "{name}");
        assert_eq!(list[0].legal_name, "Eveline Tripman", "{name}");
    }
}

#[test]
fn documented_minimal_list_examples_decode() {
    for body in [
        fixture!("get-customers-minimal-at-bank"),
        fixture!("get-customers-minimal-at-any-bank"),
    ] {
        let transport = FakeTransport::new().on(Method::Get, "", 200, body);
        let list = block_on(customers::list_minimal(&api_on(&transport), BANK, PAGE)).unwrap();
        assert_eq!(list[0].customer_id, ID);
        assert_eq!(list[0].bank_id, BANK);
    }
}

#[test]
fn phone_search_reads_the_list_the_server_really_returns() {
    // The doc example shows one customer object; the code returns {"customers": [...]}.
    let real = format!(
        r#"{{"customers":[{}]}}"#,
        fixture!("get-customers-by-mobile-phone-number")
    );
    let transport = FakeTransport::new().on(Method::Post, "/mobile-phone-number", 201, &real);
    let found = block_on(customers::search_by_phone(
        &api_on(&transport),
        BANK,
        "+44%",
    ))
    .unwrap();
    assert_eq!(found.len(), 1);

    let documented = fixture!("get-customers-by-mobile-phone-number");
    let transport = FakeTransport::new().on(Method::Post, "/mobile-phone-number", 201, documented);
    let result = block_on(customers::search_by_phone(
        &api_on(&transport),
        BANK,
        "+44%",
    ));
    assert!(matches!(result, Err(ApiError::Decode(_))), "{result:?}");
}

#[test]
fn reads_all_three_customer_flavours_and_missing_fields() {
    // Customer300: plain dates; Customer210: no title/branch/suffix; nulls; unknown fields.
    let body = r#"{"customers":[
        {"bank_id":"gh.29.uk","customer_id":"a","customer_number":"1","legal_name":"A",
         "date_of_birth":"1984-07-21","dob_of_dependants":["2010-01-02"],"dependants":1,
         "title":"Ms","branch_id":"LDN-01","name_suffix":"","kyc_status":true},
        {"bank_id":"gh.29.uk","customer_id":"b","legal_name":"B","date_of_birth":"",
         "face_image":null,"credit_limit":{"currency":"GBP","amount":2500},"brand_new_field":[1,2]},
        {"customer_id":"c","legal_name":null,"email":null,"dependants":null,"kyc_status":null,
         "dob_of_dependants":null,"customer_attributes":null}
    ]}"#;
    let list = list_customers(body).unwrap();
    assert_eq!(list[0].date_of_birth, "1984-07-21");
    assert_eq!(list[0].branch_id, "LDN-01");
    assert_eq!(list[1].title, "");
    assert_eq!(list[1].credit_limit.as_ref().unwrap().amount, "2500");
    assert_eq!(list[1].face_image, None);
    assert_eq!(list[2].legal_name, "");
    assert_eq!(list[2].dependants, 0);
    assert!(list[2].dob_of_dependants.is_empty());
    assert!(!list[2].kyc_status);
}

#[test]
fn malformed_answers_are_decode_errors() {
    for body in [
        "",
        "not json",
        "<html>proxy</html>",
        r#"{"customers": 5}"#,
        r#"{"customers": [{"legal_name": "no id"}]}"#,
        r#"{"customers": [{"customer_id": 7}]}"#,
        "[]",
    ] {
        let result = list_customers(body);
        assert!(
            matches!(result, Err(ApiError::Decode(_))),
            "{body:?} gave {result:?}"
        );
    }
    assert!(matches!(
        get_customer("{\"bank_id\":1"),
        Err(ApiError::Decode(_))
    ));
}

#[test]
fn current_user_and_banks_decode() {
    let user = r#"{"user_id":"u1","email":"staff@example.com","provider_id":"staff","provider":"sandbox",
        "username":"staff","entitlements":{"list":[
            {"entitlement_id":"e1","role_name":"CanGetCustomers","bank_id":"gh.29.uk"},
            {"entitlement_id":"e2","role_name":"CanGetCustomersAtAnyBank","bank_id":""}]},
        "views":{"list":[]}}"#;
    let transport = FakeTransport::new().on(Method::Get, "/users/current", 200, user);
    let user = block_on(customer_console::api::users::current(&api_on(&transport))).unwrap();
    assert!(user.has_role("CanGetCustomers", "gh.29.uk"));
    assert!(!user.has_role("CanGetCustomers", "obp.bank.de"));
    assert!(
        user.has_role("CanGetCustomersAtAnyBank", "obp.bank.de"),
        "system roles hold everywhere"
    );

    let banks = r#"{"banks":[{"id":"gh.29.uk","short_name":"GH29","full_name":"GH Bank 29","logo":null,
        "website":null,"bank_routings":[{"scheme":"OBP","address":"gh.29.uk"}],"attributes":[]},
        {"id":"obp.bank.de","short_name":"","full_name":""}]}"#;
    let transport = FakeTransport::new().on(Method::Get, "/banks", 200, banks);
    let banks = block_on(customer_console::api::banks::list(&api_on(&transport))).unwrap();
    assert_eq!(banks[0].display_name(), "GH Bank 29");
    assert_eq!(banks[1].display_name(), "obp.bank.de");
}
