//! Native tests of KYC: the documented examples decode through the real calls, each call uses
//! OBP's verb and path (reads without a bank, `kyc_check` singular, the status PUT without an
//! id), bodies carry the documented field names, and the KYC rules hold.

use crate::support::calls::{assert_sent, body_keys, run, values};
use customer_console::{
    api::{
        kyc::{self, KycStatus, NewKycCheck, NewKycDocument, NewKycMedia, NewKycStatus},
        Method,
    },
    forms::kyc::{self as form, Expiry},
};

const B: &str = "gh.29.uk";
const C: &str = "7uy8a7e4-6d02-40e3-a129-0b2bf89de8uh";

#[test]
fn kyc_lists_decode_and_are_read_without_a_bank() {
    let (documents, request) = run(
        200,
        fixture!("get-customer-kyc-documents"),
        |api| async move { kyc::documents(&api, C).await },
    );
    assert_sent(
        &request,
        Method::Get,
        &format!("/customers/{C}/kyc_documents"),
    );
    assert_eq!(documents[0].issue_date, "1100-01-01T00:00:00Z");

    let (checks, request) = run(200, fixture!("get-customer-kyc-checks"), |api| async move {
        kyc::checks(&api, C).await
    });
    assert_sent(&request, Method::Get, &format!("/customers/{C}/kyc_checks"));
    assert!(checks[0].satisfied);

    let (media, request) = run(
        200,
        fixture!("get-kyc-media-for-a-customer"),
        |api| async move { kyc::media(&api, C).await },
    );
    assert_sent(&request, Method::Get, &format!("/customers/{C}/kyc_media"));
    assert_eq!(media.len(), 1, "the wrapper key is `medias`");

    let (statuses, request) = run(
        200,
        fixture!("get-customer-kyc-statuses"),
        |api| async move { kyc::statuses(&api, C).await },
    );
    assert_sent(
        &request,
        Method::Get,
        &format!("/customers/{C}/kyc_statuses"),
    );
    assert!(statuses[0].ok);
}

#[test]
fn kyc_adds_put_with_the_clients_id_and_the_documented_fields() {
    let (document, request) = run(201, fixture!("add-kyc-document"), |api| async move {
        kyc::add_document(&api, B, C, "doc-1", &NewKycDocument::default()).await
    });
    assert_sent(
        &request,
        Method::Put,
        &format!("/banks/{B}/customers/{C}/kyc_documents/doc-1"),
    );
    assert_eq!(
        body_keys(&request),
        [
            "customer_number",
            "expiry_date",
            "issue_date",
            "issue_place",
            "number",
            "type"
        ]
    );
    assert_eq!(document.customer_id, C);

    let (_, request) = run(201, fixture!("add-kyc-check"), |api| async move {
        kyc::add_check(&api, B, C, "chk-1", &NewKycCheck::default()).await
    });
    assert_sent(
        &request,
        Method::Put,
        &format!("/banks/{B}/customers/{C}/kyc_check/chk-1"),
    );
    assert_eq!(
        body_keys(&request),
        [
            "comments",
            "customer_number",
            "date",
            "how",
            "satisfied",
            "staff_name",
            "staff_user_id"
        ]
    );

    let (_, request) = run(201, fixture!("add-kyc-media"), |api| async move {
        kyc::add_media(&api, B, C, "m-1", &NewKycMedia::default()).await
    });
    assert_sent(
        &request,
        Method::Put,
        &format!("/banks/{B}/customers/{C}/kyc_media/m-1"),
    );
    assert_eq!(
        body_keys(&request),
        [
            "customer_number",
            "date",
            "relates_to_kyc_check_id",
            "relates_to_kyc_document_id",
            "type",
            "url"
        ]
    );

    let (status, request) = run(201, fixture!("add-kyc-status"), |api| async move {
        kyc::add_status(&api, B, C, &NewKycStatus::default()).await
    });
    assert_sent(
        &request,
        Method::Put,
        &format!("/banks/{B}/customers/{C}/kyc_statuses"),
    );
    assert_eq!(body_keys(&request), ["customer_number", "date", "ok"]);
    assert!(status.ok);
}

#[test]
fn a_document_may_not_expire_before_it_was_issued() {
    let mut form = values(&[
        ("type", "passport"),
        ("number", "P123"),
        ("issue_place", "London"),
        ("issue_date", "2024-05-01"),
        ("expiry_date", "2024-04-30"),
    ]);
    let errors = form::build_document("100001", &form).unwrap_err();
    assert!(errors.contains_key("expiry_date"));
    form.set("expiry_date", "2034-05-01".into());
    let body = form::build_document("100001", &form).unwrap();
    assert_eq!(body.expiry_date, "2034-05-01T00:00:00Z");
    assert_eq!(body.customer_number, "100001");
}

#[test]
fn expiry_is_flagged_up_to_90_days_ahead() {
    let today = "2026-11-21";
    assert_eq!(
        form::expiry("2026-11-20T00:00:00Z", today),
        Expiry::Expired(1)
    );
    assert_eq!(form::expiry("2026-11-21", today), Expiry::Soon(0));
    assert_eq!(form::expiry("2027-02-19", today), Expiry::Soon(90));
    assert_eq!(form::expiry("2027-02-20", today), Expiry::Valid);
    assert_eq!(
        form::expiry("1100-01-01T00:00:00Z", today),
        Expiry::Unknown,
        "OBP's unset date"
    );
}

#[test]
fn only_images_from_the_allowed_origins_are_previewed() {
    let allowed = [
        "https://cdn.example".to_owned(),
        "HTTP://Media.Example:8081/".to_owned(),
    ];
    assert_eq!(
        form::preview_url("image", " https://cdn.example/p.png ", &allowed),
        Some("https://cdn.example/p.png")
    );
    assert_eq!(
        form::preview_url("scan", "http://media.example:8081/p.JPG?x=1", &allowed),
        Some("http://media.example:8081/p.JPG?x=1")
    );
    assert_eq!(
        form::preview_url("image", "https://CDN.example:443/p", &allowed),
        Some("https://CDN.example:443/p"),
        "the same origin, spelled otherwise"
    );
    for (kind, refused) in [
        ("image", "javascript:alert(1)"),
        ("image", "data:image/png;base64,AAAA"),
        ("image", "file:///etc/passwd"),
        ("image", "//cdn.example/p.png"),
        ("pdf", "https://cdn.example/p.pdf"),
        ("image", "https://cdn.example/a b.png"),
        ("image", "http://cdn.example/p.png"),
        ("image", "https://cdn.example.evil.test/p.png"),
        ("image", "https://user@cdn.example/p.png"),
        ("image", "http://media.example/p.png"),
        ("image", "https://elsewhere.example/p.png"),
    ] {
        assert_eq!(
            form::preview_url(kind, refused, &allowed),
            None,
            "{refused}"
        );
    }
    assert_eq!(
        form::preview_url("image", "https://cdn.example/p.png", &[]),
        None,
        "no allowlist, no thumbnails"
    );
}

#[test]
fn the_timeline_puts_the_newest_status_first() {
    let status = |date: &str, ok| KycStatus {
        date: date.into(),
        ok,
        ..Default::default()
    };
    let ordered = form::timeline(vec![
        status("2024-01-10T00:00:00Z", false),
        status("", true),
        status("2025-06-01T00:00:00Z", true),
    ]);
    let dates: Vec<_> = ordered.iter().map(|s| s.date.as_str()).collect();
    assert_eq!(dates, ["2025-06-01T00:00:00Z", "2024-01-10T00:00:00Z", ""]);
}

#[test]
fn check_and_media_forms_default_and_send_what_was_picked() {
    let form_values = form::check_values("2026-11-21", "u-1", "staff");
    let mut filled = form_values.clone();
    filled.set("how", "Video call".into());
    filled.set("satisfied", "true".into());
    let check = form::build_check("100001", &filled).unwrap();
    assert_eq!(
        (check.staff_user_id.as_str(), check.staff_name.as_str()),
        ("u-1", "staff")
    );
    assert!(check.satisfied);
    assert_eq!(check.date, "2026-11-21T00:00:00Z");

    let media = values(&[
        ("type", "image"),
        ("url", "https://cdn.example/p.png"),
        ("date", "2026-11-21"),
        ("relates_to_kyc_document_id", "doc-1"),
    ]);
    let body = form::build_media("100001", &media).unwrap();
    assert_eq!(body.relates_to_kyc_document_id, "doc-1");
    assert_eq!(
        body.relates_to_kyc_check_id, "",
        "OBP requires the field; blank means none"
    );
    let bad = values(&[
        ("type", "image"),
        ("url", "ftp://x"),
        ("date", "2026-11-21"),
    ]);
    assert!(form::build_media("100001", &bad)
        .unwrap_err()
        .contains_key("url"));
}
