//! Native tests of meetings: the documented examples decode through the real calls, the create
//! body has the documented field names, and the meeting form checks every field, builds that
//! body and starts with the signed-in user as the creator.

use customer_console::{
    api::{
        meetings::{self, ContactDetails, Invitee, NewMeeting},
        users::CurrentUser,
        ApiError, Method,
    },
    dates,
    forms::{meeting, FormValues},
    validation,
};
use serde_json::Value;

use crate::support::calls::{assert_sent, body_keys, run, sorted_keys, try_run, values};

const B: &str = "gh.29.uk";

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
