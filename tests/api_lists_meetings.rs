//! Native tests of the remaining customer lists, meetings, CRM events and correlated entities:
//! the documented examples decode through the real calls, each call uses OBP's verb, path and
//! query parameters, and the create body has the documented field names.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use customer_console::{
    api::{
        crm_events,
        customers::{self, Page, SortDirection},
        firehose,
        meetings::{self, ContactDetails, Invitee, NewMeeting},
        my_customers, user_links, ApiError, Method,
    },
    query::{customer_query::CustomerQuery, list_scope::ListScope},
};
use serde_json::Value;
use support::calls::{assert_sent, body_keys, run, sorted_keys, try_run};

const B: &str = "gh.29.uk";
const C: &str = "7uy8a7e4-6d02-40e3-a129-0b2bf89de8uh";
const PAGE: Page = Page {
    limit: 10,
    offset: 20,
    sort: SortDirection::Asc,
};
const PAGED: &str = "?limit=10&offset=20&sort_direction=ASC";

#[test]
fn my_customers_decode_and_use_obp_paths_without_paging() {
    // The doc shows one bare object for Get My Customers; the code wraps Customer210s.
    let wrapped = format!(r#"{{"customers":[{}]}}"#, fixture!("get-my-customers"));
    let (list, request) = run(200, &wrapped, |api| async move {
        my_customers::mine(&api).await
    });
    assert_sent(&request, Method::Get, "/my/customers");
    assert_eq!(list[0].legal_name, "Eveline Tripman");
    assert_eq!(list[0].title, "", "Customer210 has no title");
    let (bare, _) = try_run(200, fixture!("get-my-customers"), |api| async move {
        my_customers::mine(&api).await
    });
    assert!(matches!(bare, Err(ApiError::Decode(_))), "{bare:?}");

    let (list, request) = run(
        200,
        fixture!("get-my-customers-at-bank"),
        |api| async move { my_customers::mine_at_bank(&api, B).await },
    );
    assert_sent(&request, Method::Get, &format!("/banks/{B}/my/customers"));
    assert_eq!(list[0].customer_id, C);

    let (list, request) = run(
        200,
        fixture!("get-customers-for-current-user"),
        |api| async move { my_customers::for_current_user(&api).await },
    );
    assert_sent(&request, Method::Get, "/users/current/customers");
    assert_eq!(list[0].customer_attributes[0].name, "SPECIAL_TAX_NUMBER");
    assert_eq!(list[0].branch_id, "DERBY6");
}

#[test]
fn customer_ids_for_the_current_user_read_the_code_and_the_doc() {
    let (ids, request) = run(
        200,
        r#"{"customers":[{"id":"c1"},{"id":"c2"}]}"#,
        |api| async move { my_customers::ids_for_current_user(&api).await },
    );
    assert_sent(
        &request,
        Method::Get,
        "/users/current/customers/customer_ids",
    );
    let ids: Vec<(&str, &str)> = ids
        .iter()
        .map(|c| (c.customer_id.as_str(), c.bank_id.as_str()))
        .collect();
    assert_eq!(ids, [("c1", ""), ("c2", "")]);

    // The doc's example shows whole customers instead of ids.
    let (ids, _) = run(
        200,
        fixture!("get-customers-for-current-user-ids-only"),
        |api| async move { my_customers::ids_for_current_user(&api).await },
    );
    assert_eq!(
        (ids[0].customer_id.as_str(), ids[0].bank_id.as_str()),
        (C, B)
    );
}

#[test]
fn any_bank_and_minimal_lists_send_paging_and_sort_explicitly() {
    let (list, request) = run(
        200,
        fixture!("get-customers-at-any-bank"),
        |api| async move { customers::list_at_any_bank(&api, PAGE).await },
    );
    assert_sent(&request, Method::Get, &format!("/customers{PAGED}"));
    assert_eq!(list[0].legal_name, "Eveline Tripman");

    let (list, request) = run(
        200,
        fixture!("get-customers-minimal-at-any-bank"),
        |api| async move { customers::list_minimal_at_any_bank(&api, PAGE).await },
    );
    assert_sent(&request, Method::Get, &format!("/customers-minimal{PAGED}"));
    assert_eq!(
        (list[0].bank_id.as_str(), list[0].customer_id.as_str()),
        (B, C)
    );

    let (list, request) = run(
        200,
        fixture!("get-customers-minimal-at-bank"),
        |api| async move { customers::list_minimal(&api, B, PAGE).await },
    );
    assert_sent(
        &request,
        Method::Get,
        &format!("/banks/{B}/customers-minimal{PAGED}"),
    );
    assert_eq!(list[0].customer_id, C);
}

#[test]
fn firehose_sends_its_five_parameters_and_nothing_else() {
    let query = CustomerQuery::default().in_scope(ListScope::Firehose);
    let first = query.firehose();
    let (list, request) = run(200, fixture!("get-firehose-customers"), |api| async move {
        firehose::customers(&api, B, &first).await
    });
    assert_sent(
        &request,
        Method::Get,
        &format!("/banks/{B}/firehose/customers?limit=25&offset=0&sort_direction=DESC"),
    );
    assert_eq!(list[0].customer_id, C);

    let windowed = query
        .with_page(50, SortDirection::Asc)
        .with_window(Some("2024-01-01".into()), Some("2024-12-31".into()))
        .at_offset(50)
        .firehose();
    let (_, request) = run(200, fixture!("get-firehose-customers"), |api| async move {
        firehose::customers(&api, B, &windowed).await
    });
    assert_sent(
        &request,
        Method::Get,
        &format!(
            "/banks/{B}/firehose/customers?limit=50&offset=50&sort_direction=ASC\
             &from_date=2024-01-01T00%3A00%3A00.000Z&to_date=2024-12-31T23%3A59%3A59.999Z"
        ),
    );
}

#[test]
fn a_disabled_firehose_and_an_unknown_meeting_are_explained() {
    for (status, message, code, hint) in [
        (
            400,
            "OBP-00009: Account firehose is not allowed on this instance. Please set allow_account_firehose = true in props files. ",
            "OBP-00009",
            "allow_customer_firehose off",
        ),
        (
            400,
            "OBP-00012: Customer firehose is not allowed on this instance.",
            "OBP-00012",
            "allow_customer_firehose off",
        ),
        (
            400,
            "OBP-30104: Meeting not found. Current MeetingId(nope) ",
            "OBP-30104",
            "No meeting has that id",
        ),
    ] {
        let body = serde_json::json!({"code": status, "message": message}).to_string();
        let error = ApiError::from_response(status, &body);
        assert_eq!(error.code(), Some(code));
        assert!(error.hint().contains(hint), "{code}: {}", error.hint());
    }
    let (result, request) = try_run(
        400,
        r#"{"code":400,"message":"OBP-30104: Meeting not found. Current MeetingId(nope) "}"#,
        |api| async move { meetings::get(&api, B, "nope").await },
    );
    assert_sent(&request, Method::Get, &format!("/banks/{B}/meetings/nope"));
    assert_eq!(result.unwrap_err().code(), Some("OBP-30104"));
}

#[test]
fn meetings_decode_and_create_sends_the_documented_body() {
    let (list, request) = run(200, fixture!("get-meetings"), |api| async move {
        meetings::list(&api, B).await
    });
    assert_sent(&request, Method::Get, &format!("/banks/{B}/meetings"));
    assert_eq!(list[0].meeting_id, "UUID-String");
    assert_eq!(list[0].creator.email_address, "felixsmith@example.com");
    assert_eq!(list[0].invitees[0].status, "String, eg: Good");
    assert_eq!(list[0].when, "1100-01-01T00:00:00Z");

    let (meeting, request) = run(200, fixture!("get-meeting"), |api| async move {
        meetings::get(&api, B, "m 1").await
    });
    assert_sent(&request, Method::Get, &format!("/banks/{B}/meetings/m%201"));
    assert_eq!(
        meeting.present.staff_user_id,
        "9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1"
    );

    let contact = ContactDetails {
        name: "Sam Taylor".into(),
        mobile_phone: "+447700900001".into(),
        email_address: "sam@example.com".into(),
    };
    let body = NewMeeting {
        provider_id: "jitsi".into(),
        purpose_id: "onboarding".into(),
        date: "2025-03-01T09:30:00Z".into(),
        creator: contact.clone(),
        invitees: vec![Invitee {
            contact_details: contact,
            status: "invited".into(),
        }],
    };
    let (created, request) = run(
        201,
        fixture!("create-meeting-video-conference-call"),
        |api| async move { meetings::create(&api, B, &body).await },
    );
    assert_sent(&request, Method::Post, &format!("/banks/{B}/meetings"));
    assert_eq!(
        body_keys(&request),
        ["creator", "date", "invitees", "provider_id", "purpose_id"]
    );
    let sent: Value = serde_json::from_str(request.body.as_deref().unwrap()).unwrap();
    assert_eq!(
        sorted_keys(&sent["creator"]),
        ["email_address", "mobile_phone", "name"]
    );
    assert_eq!(
        sorted_keys(&sent["invitees"][0]),
        ["contact_details", "status"]
    );
    assert_eq!(
        sorted_keys(&sent["invitees"][0]["contact_details"]),
        ["email_address", "mobile_phone", "name"]
    );
    assert_eq!(sent["date"], "2025-03-01T09:30:00Z");
    assert_eq!(created.provider_id, "Chris");
}

#[test]
fn meetings_with_nulls_decode_and_malformed_ones_are_errors() {
    let (list, _) = run(
        200,
        r#"{"meetings":[{"meeting_id":"m1","creator":null,"invitees":null,"when":null,
            "present":{"staff_user_id":null}}]}"#,
        |api| async move { meetings::list(&api, B).await },
    );
    assert_eq!(list[0].creator, ContactDetails::default());
    assert!(list[0].invitees.is_empty());
    assert_eq!(list[0].when, "");
    for body in [
        r#"{"meetings":5}"#,
        r#"{"meetings":[{"purpose_id":"x"}]}"#,
        "<html>",
    ] {
        let (result, _) = try_run(
            200,
            body,
            |api| async move { meetings::list(&api, B).await },
        );
        assert!(
            matches!(result, Err(ApiError::Decode(_))),
            "{body}: {result:?}"
        );
    }
}

#[test]
fn crm_events_decode() {
    let (events, request) = run(200, fixture!("get-crm-events"), |api| async move {
        crm_events::list(&api, B).await
    });
    assert_sent(&request, Method::Get, &format!("/banks/{B}/crm-events"));
    let event = &events[0];
    assert_eq!(event.id, "5995d6a2-01b3-423c-a173-5481df49bdaf");
    assert_eq!(event.customer_number, "5987953");
    assert_eq!(
        (
            event.category.as_str(),
            event.channel.as_str(),
            event.result.as_str()
        ),
        ("String", "String", "String")
    );
    assert_eq!(event.scheduled_date, "1100-01-01T00:00:00Z");
}

#[test]
fn correlated_entities_decode_customers_with_their_users() {
    // The doc gives no example for Get Correlated Entities; this is the reference's shape.
    let body = r#"{"correlated_entities":[{"customer":{"bank_id":"gh.29.uk","customer_id":"c1",
        "customer_number":"100001","legal_name":"Zoë Müller","kyc_status":true},
        "users":[{"user_id":"u1","email":"staff@example.com","provider_id":"staff",
        "provider":"sandbox","username":"staff","user_attributes":[{"user_attribute_id":"a1",
        "name":"TEAM","type":"STRING","value":"KYC","insert_date":"2024-01-01T00:00:00Z"}]}]},
        {"customer":{"customer_id":"c2"},"users":null}]}"#;
    let (entities, request) = run(200, body, |api| async move {
        user_links::my_correlated_entities(&api).await
    });
    assert_sent(&request, Method::Get, "/my/correlated-entities");
    assert_eq!(entities[0].customer.legal_name, "Zoë Müller");
    assert_eq!(entities[0].users[0].username, "staff");
    assert_eq!(entities[0].users[0].user_attributes[0].value, "KYC");
    assert!(entities[1].users.is_empty());
}
