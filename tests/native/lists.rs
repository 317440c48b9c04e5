//! Native tests of the customer lists beyond the bank's (my customers, any bank, minimal, the
//! firehose), CRM events and correlated entities: the documented examples decode through the real
//! calls, each call uses OBP's verb, path and query parameters, the list scopes live in the URL,
//! the links back to the list keep its place, and the CRM filters narrow the events.

use crate::support::calls::{assert_sent, query_value, run, try_run};
use customer_console::{
    api::{
        crm_events::{self, CrmEvent},
        customers::{self, Page, SortDirection},
        firehose, meetings, my_customers, user_links, ApiError, Method,
    },
    query::{
        crm_filter::{count_caption, values_present, CrmFilter},
        customer_query::{CustomerQuery, Paging},
        list_scope::ListScope,
    },
    routes::list_path,
};

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

fn query_of(search: &str) -> CustomerQuery {
    CustomerQuery::from_params(Paging::Offset, |key| query_value(search, key))
}

#[test]
fn every_scope_round_trips_through_the_url() {
    for scope in ListScope::ALL {
        assert_eq!(ListScope::parse(scope.as_str()), Some(scope));
        let query = CustomerQuery::default().in_scope(scope);
        assert_eq!(query_of(&query.to_search()), query, "{scope:?}");
    }
    assert_eq!(
        CustomerQuery::default()
            .in_scope(ListScope::Mine)
            .to_search(),
        "?scope=my"
    );
    assert_eq!(query_of("?scope=sideways").scope, ListScope::Bank);
    assert!(ListScope::Firehose.is_paged() && !ListScope::Mine.is_paged());
    assert_eq!(
        ListScope::Firehose.roles(),
        ["CanUseCustomerFirehoseAtAnyBank"]
    );
    assert!(ListScope::ALL
        .iter()
        .filter(|s| **s != ListScope::Firehose)
        .all(|s| s.roles().is_empty()));
}

#[test]
fn switching_scope_keeps_paging_choices_and_drops_the_rest() {
    let firehose = query_of(
        "?scope=firehose&limit=50&offset=100&sort=asc&from_date=2024-01-01&to_date=2024-12-31",
    );
    assert_eq!(firehose.page.limit, 50);
    assert_eq!(firehose.from_date.as_deref(), Some("2024-01-01"));
    assert_eq!(query_of(&firehose.to_search()), firehose);

    let mine = firehose.in_scope(ListScope::Mine);
    assert_eq!(mine.to_search(), "?scope=my&limit=50&sort=asc");
    assert_eq!(mine.from_date, None);

    // Paging keeps the scope and the firehose's window.
    let paged = firehose.with_page(10, SortDirection::Desc);
    assert_eq!(
        paged.to_search(),
        "?scope=firehose&limit=10&from_date=2024-01-01&to_date=2024-12-31"
    );

    // A phone pattern only means something at the bank; dates only in the firehose.
    assert_eq!(query_of("?scope=my&phone=%2B44%25").phone, None);
    assert_eq!(query_of("?phone=%2B44%25").phone.as_deref(), Some("+44%"));
    assert_eq!(query_of("?from_date=2024-01-01").from_date, None);
    assert_eq!(
        query_of("?scope=firehose&from_date=2024-13-01").from_date,
        None
    );
}

fn event(category: &str, channel: &str) -> CrmEvent {
    CrmEvent {
        category: category.into(),
        channel: channel.into(),
        ..Default::default()
    }
}

#[test]
fn crm_filters_narrow_and_offer_the_values_present() {
    let events = [
        event("KYC", "Video"),
        event("Complaint", "Phone"),
        event("KYC", "Branch"),
        event("Card", "Chat"),
        event("Complaint", "Email"),
        event("", "Phone"),
    ];
    assert_eq!(
        values_present(&events, |e| &e.category),
        ["Card", "Complaint", "KYC"]
    );
    assert_eq!(
        values_present(&events, |e| &e.channel),
        ["Branch", "Chat", "Email", "Phone", "Video"]
    );

    let all = CrmFilter::default();
    assert_eq!(all.apply(&events).len(), 6);
    let kyc = CrmFilter {
        category: Some("KYC".into()),
        channel: None,
    };
    assert_eq!(
        kyc.apply(&events),
        [event("KYC", "Video"), event("KYC", "Branch")]
    );
    let kyc_by_video = CrmFilter {
        channel: Some("Video".into()),
        ..kyc.clone()
    };
    assert_eq!(kyc_by_video.apply(&events), [event("KYC", "Video")]);
    let nothing = CrmFilter {
        channel: Some("Phone".into()),
        ..kyc
    };
    assert!(nothing.apply(&events).is_empty());

    assert_eq!(count_caption(5, 13), "5 of 13 events");
    assert_eq!(count_caption(1, 1), "1 of 1 event");
}

#[test]
fn crm_filters_live_in_the_url() {
    let filter = CrmFilter {
        category: Some("Product enquiry".into()),
        channel: Some("Phone".into()),
    };
    let search = filter.to_search();
    assert_eq!(search, "?category=Product%20enquiry&channel=Phone");
    assert_eq!(CrmFilter::from_params(|k| query_value(&search, k)), filter);
    assert_eq!(CrmFilter::default().to_search(), "");
    assert_eq!(
        CrmFilter::from_params(|k| query_value("?category=&channel=", k)),
        CrmFilter::default()
    );
}

#[test]
fn the_way_back_to_the_list_keeps_its_place_and_only_leads_to_the_list() {
    for kept in [
        "/customers",
        "/customers?limit=50&offset=100&phone=%2B4477009002%25",
        "/customers?scope=my-bank&sort=asc",
        "/customers?page=3&size=50",
    ] {
        assert_eq!(list_path(Some(kept)), kept);
    }
    for other in [
        None,
        Some(""),
        Some("/customers/new"),
        Some("/customers/c1"),
        Some("/customersx"),
        Some("/meetings"),
        Some("//evil.example/customers"),
        Some("https://evil.example/customers"),
    ] {
        assert_eq!(list_path(other), "/customers", "{other:?}");
    }
    assert_eq!(
        list_path(Some("/customers?phone=\"<x>\"")),
        "/customers?phone=%22%3Cx%3E%22",
        "what the URL parser would encode is encoded"
    );
}
