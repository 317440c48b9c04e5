//! The KYC forms (document, check, media, status), filled with a record to correct it, and the
//! rules the KYC tab shows: expiry of documents, which media may be previewed, the order of the
//! status timeline.

use super::{checked, FieldErrors, FieldKind as K, FieldSpec as F, FormValues};
use crate::{
    api::kyc::{
        KycCheck, KycDocument, KycMedia, KycStatus, NewKycCheck, NewKycDocument, NewKycMedia,
        NewKycStatus,
    },
    dates,
};

/// Add KYC Document.
pub const DOCUMENT_FIELDS: &[F] = &[
    F::new("type", "Document type", K::Text)
        .required()
        .suggest(&[
            "passport",
            "driving_licence",
            "national_id",
            "residence_permit",
        ]),
    F::new("number", "Document number", K::Text).required(),
    F::new("issue_place", "Place of issue", K::Text).required(),
    F::new("issue_date", "Issue date", K::Date).required(),
    F::new("expiry_date", "Expiry date", K::Date).required(),
];

/// The document body for `customer_number`, or the field errors; expiry may not precede issue.
pub fn build_document(
    customer_number: &str,
    values: &FormValues,
) -> Result<NewKycDocument, FieldErrors> {
    let mut body = checked(DOCUMENT_FIELDS, values, |v| NewKycDocument {
        customer_number: customer_number.to_owned(),
        kind: v.text("type"),
        number: v.text("number"),
        issue_date: dates::to_obp(&v.text("issue_date")),
        issue_place: v.text("issue_place"),
        expiry_date: dates::to_obp(&v.text("expiry_date")),
    });
    if let Ok(document) = &body {
        if dates::day_number(&document.expiry_date) < dates::day_number(&document.issue_date) {
            let message = "The expiry date cannot be before the issue date.".to_owned();
            body = Err([("expiry_date", message)].into_iter().collect());
        }
    }
    body
}

/// The document form filled with `document`, to correct it.
pub fn document_values(document: &KycDocument) -> FormValues {
    FormValues::from_pairs([
        ("type", document.kind.clone()),
        ("number", document.number.clone()),
        ("issue_place", document.issue_place.clone()),
        ("issue_date", dates::day_of(&document.issue_date)),
        ("expiry_date", dates::day_of(&document.expiry_date)),
    ])
}

/// How close a document is to its expiry date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expiry {
    /// No (valid) expiry date.
    Unknown,
    /// Expired this many days ago (0 = expires today counts as expired tomorrow: not yet).
    Expired(i64),
    /// Expires within 90 days: in this many days.
    Soon(i64),
    /// Expires later.
    Valid,
}

/// How many days ahead an expiry is flagged.
pub const SOON_DAYS: i64 = 90;

/// The expiry state of `expiry_date` on `today` (both OBP dates or `yyyy-MM-dd`).
pub fn expiry(expiry_date: &str, today: &str) -> Expiry {
    match (dates::day_number(expiry_date), dates::day_number(today)) {
        (Some(expiry), Some(today)) if expiry < today => Expiry::Expired(today - expiry),
        (Some(expiry), Some(today)) if expiry - today <= SOON_DAYS => Expiry::Soon(expiry - today),
        (Some(_), Some(_)) => Expiry::Valid,
        _ => Expiry::Unknown,
    }
}

/// Add KYC Check (staff fields default to the signed-in user).
pub const CHECK_FIELDS: &[F] = &[
    F::new("how", "How it was done", K::Text)
        .required()
        .suggest(&["In branch", "Video call", "Document scan", "Electronic ID"]),
    F::new("date", "Date", K::Date).required(),
    F::new("staff_name", "Staff name", K::Text).required(),
    F::new("staff_user_id", "Staff user id", K::Text).required(),
    F::new("comments", "Comments", K::Text),
    F::new("satisfied", "Satisfied", K::Checkbox),
];

/// A fresh check form: today, by the signed-in staff user.
pub fn check_values(today: &str, user_id: &str, username: &str) -> FormValues {
    FormValues::from_pairs([
        ("date", today.to_owned()),
        ("staff_user_id", user_id.to_owned()),
        ("staff_name", username.to_owned()),
    ])
}

/// The check form filled with `check`, to correct it.
pub fn values_of_check(check: &KycCheck) -> FormValues {
    FormValues::from_pairs([
        ("how", check.how.clone()),
        ("date", dates::day_of(&check.date)),
        ("staff_name", check.staff_name.clone()),
        ("staff_user_id", check.staff_user_id.clone()),
        ("comments", check.comments.clone()),
        (
            "satisfied",
            if check.satisfied { "true" } else { "" }.to_owned(),
        ),
    ])
}

/// The check body for `customer_number`, or the field errors.
pub fn build_check(customer_number: &str, values: &FormValues) -> Result<NewKycCheck, FieldErrors> {
    checked(CHECK_FIELDS, values, |v| NewKycCheck {
        customer_number: customer_number.to_owned(),
        date: dates::to_obp(&v.text("date")),
        how: v.text("how"),
        staff_user_id: v.text("staff_user_id"),
        staff_name: v.text("staff_name"),
        satisfied: v.flag("satisfied"),
        comments: v.text("comments"),
    })
}

/// Add KYC Media: the fields typed in; the document and check are picked from lists.
pub const MEDIA_FIELDS: &[F] = &[
    F::new("type", "Media type", K::Text)
        .required()
        .suggest(&["image", "video", "pdf"]),
    F::new("url", "URL", K::WebUrl).required(),
    F::new("date", "Date", K::Date).required(),
];

/// The media form filled with `media`, to correct it (its document and check included).
pub fn media_values(media: &KycMedia) -> FormValues {
    FormValues::from_pairs([
        ("type", media.kind.clone()),
        ("url", media.url.clone()),
        ("date", dates::day_of(&media.date)),
        (
            "relates_to_kyc_document_id",
            media.relates_to_kyc_document_id.clone(),
        ),
        (
            "relates_to_kyc_check_id",
            media.relates_to_kyc_check_id.clone(),
        ),
    ])
}

/// The media body for `customer_number`, or the field errors.
pub fn build_media(customer_number: &str, values: &FormValues) -> Result<NewKycMedia, FieldErrors> {
    checked(MEDIA_FIELDS, values, |v| NewKycMedia {
        customer_number: customer_number.to_owned(),
        kind: v.text("type"),
        url: v.text("url"),
        date: dates::to_obp(&v.text("date")),
        relates_to_kyc_document_id: v.text("relates_to_kyc_document_id"),
        relates_to_kyc_check_id: v.text("relates_to_kyc_check_id"),
    })
}

/// The URL to show as a thumbnail: only `http(s)` images from one of `allowed_origins` (the
/// config's `media_origins`, which the CSP's `img-src` allows too). Anything else is text only.
pub fn preview_url<'a>(kind: &str, url: &'a str, allowed_origins: &[String]) -> Option<&'a str> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let allowed = web_policy::origin(url).is_some_and(|origin| {
        allowed_origins
            .iter()
            .filter_map(|entry| web_policy::origin(entry))
            .any(|entry| entry == origin)
    });
    let path = lower.split(['?', '#']).next().unwrap_or_default();
    let image_file = [".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif"]
        .iter()
        .any(|ext| path.ends_with(ext));
    let image = kind.trim().eq_ignore_ascii_case("image") || image_file;
    (allowed && image && !url.chars().any(char::is_whitespace)).then_some(url)
}

/// Add KYC Status.
pub const STATUS_FIELDS: &[F] = &[
    F::new("ok", "KYC satisfied", K::Checkbox),
    F::new("date", "Date", K::Date).required(),
];

/// The status body for `customer_number`, or the field errors.
pub fn build_status(
    customer_number: &str,
    values: &FormValues,
) -> Result<NewKycStatus, FieldErrors> {
    checked(STATUS_FIELDS, values, |v| NewKycStatus {
        customer_number: customer_number.to_owned(),
        ok: v.flag("ok"),
        date: dates::to_obp(&v.text("date")),
    })
}

/// The statuses newest first: the first is the current one. Undated ones go last.
pub fn timeline(mut statuses: Vec<KycStatus>) -> Vec<KycStatus> {
    statuses.sort_by_key(|s| std::cmp::Reverse(dates::day_number(&s.date)));
    statuses
}
