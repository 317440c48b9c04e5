//! Native tests of the list scopes in the URL, the meeting form (checks, body, prefill) and the
//! CRM events filters.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use customer_console::{
    api::{crm_events::CrmEvent, customers::SortDirection, users::CurrentUser},
    dates,
    forms::{meeting, FormValues},
    query::{
        crm_filter::{count_caption, values_present, CrmFilter},
        customer_query::{CustomerQuery, Paging},
        list_scope::ListScope,
    },
    validation,
};
use support::{query_value, values};

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

fn valid_meeting() -> FormValues {
    values(&[
        ("provider_id", "jitsi"),
        ("purpose_id", "onboarding"),
        ("date", "2025-03-01"),
        ("time", "09:30"),
        ("creator_name", "Sam Taylor"),
        ("creator_mobile_phone", "+44 7700 900001"),
        ("creator_email_address", "sam@example.com"),
    ])
}

fn invitee(name: &str, phone: &str, email: &str) -> FormValues {
    values(&[
        ("name", name),
        ("mobile_phone", phone),
        ("email_address", email),
        ("status", "invited"),
    ])
}

#[test]
fn meeting_form_checks_every_field_and_each_invitee() {
    let errors = meeting::build(&FormValues::default(), &[meeting::new_invitee()]).unwrap_err();
    let names: Vec<&str> = errors.fields.keys().collect();
    assert_eq!(
        names,
        [
            "provider_id",
            "purpose_id",
            "date",
            "time",
            "creator_name",
            "creator_mobile_phone",
            "creator_email_address"
        ]
    );
    let invitee_errors: Vec<&str> = errors.invitees[0].keys().collect();
    assert_eq!(invitee_errors, ["name", "mobile_phone", "email_address"]);

    let mut typed = valid_meeting();
    typed.set("purpose_id", "first call".into());
    typed.set("time", "25:00".into());
    typed.set("creator_email_address", "sam@".into());
    let invitees = [
        invitee("Zoë Müller", "+447700900001", "zoe@example.com"),
        invitee("José", "call me", "jose.example.com"),
    ];
    let errors = meeting::build(&typed, &invitees).unwrap_err();
    assert!(errors
        .fields
        .get("purpose_id")
        .unwrap()
        .contains("without spaces"));
    assert!(errors.fields.get("time").unwrap().contains("HH:mm"));
    assert!(errors.fields.get("creator_email_address").is_some());
    assert!(errors.invitees[0].is_empty());
    assert!(errors.invitees[1]
        .get("mobile_phone")
        .unwrap()
        .contains("country code"));
    assert!(errors.invitees[1].get("email_address").is_some());
    assert_eq!(
        typed.raw("purpose_id"),
        "first call",
        "what was typed is untouched"
    );
}

#[test]
fn meeting_form_builds_the_documented_body() {
    let invitees = [invitee(" Zoë Müller ", "+447700900001", "zoe@example.com")];
    let body = meeting::build(&valid_meeting(), &invitees).unwrap();
    assert_eq!(body.date, "2025-03-01T09:30:00Z");
    assert_eq!(body.provider_id, "jitsi");
    assert_eq!(body.creator.mobile_phone, "+44 7700 900001");
    assert_eq!(body.invitees[0].contact_details.name, "Zoë Müller");
    assert_eq!(body.invitees[0].status, "invited");
    let none = meeting::build(&valid_meeting(), &[]).unwrap();
    assert!(
        none.invitees.is_empty(),
        "OBP accepts a meeting without invitees"
    );
}

#[test]
fn meeting_form_starts_with_the_signed_in_user_as_creator() {
    let user = CurrentUser {
        username: "staff".into(),
        email: "staff@example.com".into(),
        ..Default::default()
    };
    let start = meeting::new_values(Some(&user));
    assert_eq!(start.raw("creator_name"), "staff");
    assert_eq!(start.raw("creator_email_address"), "staff@example.com");
    assert_eq!(start.raw("creator_mobile_phone"), "");
    let odd = CurrentUser {
        email: "not an email".into(),
        ..user
    };
    assert_eq!(
        meeting::new_values(Some(&odd)).raw("creator_email_address"),
        ""
    );
    assert_eq!(meeting::new_values(None), FormValues::default());
    assert_eq!(meeting::new_invitee().raw("status"), "invited");
}

#[test]
fn times_words_and_date_times() {
    for good in ["00:00", "09:30", "23:59", "12:00:30"] {
        assert!(validation::time(good).is_ok(), "{good}");
    }
    for bad in [
        "",
        "9:30",
        "24:00",
        "12:60",
        "12:00:60",
        "12-00",
        "12:00:00:00",
    ] {
        assert!(validation::time(bad).is_err(), "{bad}");
    }
    for good in ["onboarding", "video-call", "jitsi_2"] {
        assert!(validation::url_word(good).is_ok(), "{good}");
    }
    for bad in ["", "first call", "a/b", "café"] {
        assert!(validation::url_word(bad).is_err(), "{bad}");
    }
    assert_eq!(
        dates::to_obp_at("2025-03-01", "09:30"),
        "2025-03-01T09:30:00Z"
    );
    assert_eq!(
        dates::to_obp_at("2025-03-01", "09:30:15"),
        "2025-03-01T09:30:15Z"
    );
    assert_eq!(dates::query_start("2024-01-01"), "2024-01-01T00:00:00.000Z");
    assert_eq!(dates::query_end("2024-01-01"), "2024-01-01T23:59:59.999Z");
    assert_eq!(
        dates::display_time("2025-02-10T10:30:00Z"),
        "2025-02-10 10:30 UTC"
    );
    assert_eq!(dates::display_time("2025-02-10"), "2025-02-10");
    assert_eq!(dates::display_time("1100-01-01T00:00:00Z"), "\u{2014}");
    assert_eq!(dates::display_time(""), "\u{2014}");
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
