//! Property tests of every response decoder: mutated documentation examples, arbitrary JSON and
//! arbitrary text, under any status, make every API call return (`Ok` or an `ApiError`), never
//! panic.

use std::{fs, path::Path, sync::Arc};

use crate::support::{calls::api_on, FakeTransport};
use customer_console::api::{
    self,
    auth::Credentials,
    customers::{CustomerUpdate, NewCustomer, Page, SortDirection},
    firehose::FirehoseQuery,
    Api, Method,
};
use futures::executor::block_on;
use proptest::prelude::*;
use serde_json::Value;

const B: &str = "gh.29.uk";
const C: &str = "c1";
const PAGE: Page = Page {
    limit: 50,
    offset: 0,
    sort: SortDirection::Desc,
};

/// Every documented example, OBP's and the Enterprise API's.
fn examples() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut found = Vec::new();
    for dir in ["obp", "enterprise"] {
        for entry in fs::read_dir(root.join(dir)).expect("the fixtures folder") {
            let path = entry.expect("a fixture").path();
            if path.extension().is_some_and(|e| e == "json") {
                found.push(fs::read_to_string(path).expect("a readable fixture"));
            }
        }
    }
    found.sort();
    found
}

/// Calls every function of the client that decodes an answer, ignoring the results: a panic
/// anywhere fails the property.
fn call_every_decoder(api: &Api) {
    use api::*;
    let firehose = FirehoseQuery {
        page: PAGE,
        from_date: None,
        to_date: None,
    };
    let update = CustomerUpdate::Email {
        email: "a@b.example".into(),
    };
    block_on(async {
        let _ = auth::login(api, &Credentials::default()).await;
        let _ = users::current(api).await;
        let _ = banks::list(api).await;
        let _ = customers::list(api, B, PAGE).await;
        let _ = customers::list_minimal(api, B, PAGE).await;
        let _ = customers::list_at_any_bank(api, PAGE).await;
        let _ = customers::list_minimal_at_any_bank(api, PAGE).await;
        let _ = customers::get(api, B, C).await;
        let _ = customers::get_by_number(api, B, "1").await;
        let _ = customers::search_by_phone(api, B, "%1").await;
        let _ = customers::find_created(api, B, &NewCustomer::default()).await;
        let _ = customers::create(api, B, &NewCustomer::default()).await;
        let _ = customers::update(api, B, C, &update).await;
        let _ = customers::delete_cascade(api, B, C).await;
        let _ = my_customers::mine(api).await;
        let _ = my_customers::mine_at_bank(api, B).await;
        let _ = my_customers::for_current_user(api).await;
        let _ = my_customers::ids_for_current_user(api).await;
        let _ = firehose::customers(api, B, &firehose).await;
        let _ = addresses::list(api, B, C).await;
        let _ = addresses::create(api, B, C, &Default::default()).await;
        let _ = addresses::update(api, B, C, "a1", &Default::default()).await;
        let _ = addresses::delete(api, B, C, "a1").await;
        let _ = attributes::list(api, B, C).await;
        let _ = attributes::get(api, B, C, "a1").await;
        let _ = attributes::create(api, B, C, &Default::default()).await;
        let _ = attributes::update(api, B, C, "a1", &Default::default()).await;
        let _ = attributes::delete(api, B, "a1").await;
        let _ = attributes::definitions(api, B).await;
        let _ = attributes::save_definition(api, B, &Default::default()).await;
        let _ = attributes::delete_definition(api, B, "d1").await;
        let _ = account_links::by_customer(api, B, C).await;
        let _ = account_links::by_account(api, B, "acc").await;
        let _ = account_links::get(api, B, "l1").await;
        let _ = account_links::create(api, B, &Default::default()).await;
        let _ = account_links::update_relationship(api, B, "l1", "Owner").await;
        let _ = account_links::delete(api, B, "l1").await;
        let _ = user_links::by_customer(api, B, C).await;
        let _ = user_links::by_user(api, B, "u1").await;
        let _ = user_links::create(api, B, &Default::default()).await;
        let _ = user_links::delete(api, B, "l1").await;
        let _ = user_links::correlated_users(api, B, C).await;
        let _ = user_links::my_correlated_entities(api).await;
        let _ = overview::overview(api, B, "1").await;
        let _ = overview::overview_flat(api, B, "1").await;
        let _ = tax_residences::list(api, B, C).await;
        let _ = tax_residences::create(api, B, C, &Default::default()).await;
        let _ = tax_residences::delete(api, B, C, "t1").await;
        let _ = social_media::list(api, B, C).await;
        let _ = social_media::create(api, B, C, &Default::default()).await;
        let _ = kyc::documents(api, C).await;
        let _ = kyc::checks(api, C).await;
        let _ = kyc::media(api, C).await;
        let _ = kyc::statuses(api, C).await;
        let _ = kyc::add_document(api, B, C, "k1", &Default::default()).await;
        let _ = kyc::add_check(api, B, C, "k1", &Default::default()).await;
        let _ = kyc::add_media(api, B, C, "k1", &Default::default()).await;
        let _ = kyc::add_status(api, B, C, &Default::default()).await;
        let _ = messages::list(api, B, C).await;
        let _ = messages::send(api, B, C, &Default::default()).await;
        let _ = meetings::list(api, B).await;
        let _ = meetings::get(api, B, "m1").await;
        let _ = meetings::create(api, B, &Default::default()).await;
        let _ = crm_events::list(api, B).await;
        let _ = enterprise::list(api, "p", 0, 20).await;
        let _ = enterprise::get(api, "p", C).await;
        let _ = enterprise::find_created(api, "p", &Default::default()).await;
        let _ = enterprise::create(api, "p", &Default::default()).await;
        let _ = enterprise::update(api, "p", C, &Default::default()).await;
        let _ = enterprise::delete(api, "p", C).await;
    });
}

/// Answers every request of every verb with `status` and `body`.
fn answering(status: u16, body: &str) -> Arc<FakeTransport> {
    [Method::Get, Method::Post, Method::Put, Method::Delete]
        .into_iter()
        .fold(FakeTransport::new(), |t, method| {
            t.on(method, "", status, body)
        })
}

/// Any JSON value, a few levels deep.
fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        Just(Value::from(u64::MAX)),
        ".{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(("[a-z_]{1,12}", inner), 0..6)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}

/// Replaces the `target`-th node of `value` (pre-order, modulo the count) with `with`, or, when
/// `drop` and the node is an object's member, removes it.
fn mutate(value: &mut Value, target: usize, with: &Value, drop: bool) {
    fn count(value: &Value) -> usize {
        1 + match value {
            Value::Array(items) => items.iter().map(count).sum(),
            Value::Object(members) => members.values().map(count).sum(),
            _ => 0,
        }
    }
    fn walk(value: &mut Value, target: &mut usize, with: &Value, drop: bool) -> bool {
        if *target == 0 {
            *value = with.clone();
            return true;
        }
        *target -= 1;
        match value {
            Value::Array(items) => items.iter_mut().any(|item| walk(item, target, with, drop)),
            Value::Object(members) => {
                let keys: Vec<String> = members.keys().cloned().collect();
                for key in keys {
                    if *target == 0 && drop {
                        members.remove(&key);
                        return true;
                    }
                    if walk(
                        members.get_mut(&key).expect("a key just read"),
                        target,
                        with,
                        drop,
                    ) {
                        return true;
                    }
                }
                false
            }
            _ => false,
        }
    }
    let mut target = target % count(value);
    walk(value, &mut target, with, drop);
}

/// A documentation example with `edits` applied: each replaces or removes one node.
fn mutated_example() -> impl Strategy<Value = String> {
    let examples = examples();
    let count = examples.len();
    (
        0..count,
        prop::collection::vec((any::<usize>(), json(), any::<bool>()), 1..4),
    )
        .prop_map(move |(index, edits)| {
            let mut value: Value =
                serde_json::from_str(&examples[index]).expect("fixtures are JSON");
            for (target, with, drop) in edits {
                mutate(&mut value, target, &with, drop);
            }
            value.to_string()
        })
}

/// A documentation example cut short at a character boundary.
fn truncated_example() -> impl Strategy<Value = String> {
    let examples = examples();
    let count = examples.len();
    (0..count, any::<usize>()).prop_map(move |(index, at)| {
        let text = &examples[index];
        let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        text[..boundaries[at % boundaries.len()]].to_owned()
    })
}

fn status() -> impl Strategy<Value = u16> {
    prop_oneof![
        4 => prop::sample::select(vec![200u16, 201, 204]),
        2 => prop::sample::select(vec![400u16, 401, 403, 404, 405, 500, 502]),
        1 => 100u16..600,
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn mutated_examples_never_panic(status in status(), body in mutated_example()) {
        call_every_decoder(&api_on(&answering(status, &body)));
    }

    #[test]
    fn arbitrary_json_never_panics(status in status(), body in json()) {
        call_every_decoder(&api_on(&answering(status, &body.to_string())));
    }

    #[test]
    fn truncated_examples_and_any_text_never_panic(
        status in status(),
        body in prop_oneof![truncated_example(), ".{0,64}"],
    ) {
        call_every_decoder(&api_on(&answering(status, &body)));
    }
}

#[test]
fn the_untouched_examples_pass_every_decoder_too() {
    for example in examples() {
        call_every_decoder(&api_on(&answering(200, &example)));
    }
}
