//! Native tests of input checks, the customer forms, URL state, sign-in and config loading.

use crate::support::calls::{query_value, values};
use crate::support::{Answer, FakeTransport};
use customer_console::{
    api::{
        customers::{CustomerUpdate, SortDirection},
        ApiError, Method, Query,
    },
    config::{self, AppConfig},
    dates,
    forms::{
        customer::{build_new_customer, create_fields, UPDATE_FORMS},
        login, FormValues,
    },
    query::{
        customer_query::{CustomerQuery, Paging, MAX_OFFSET, MAX_PAGE},
        url_query::bounded_number,
    },
    routes::{after_sign_in, login_path, safe_return_path},
    validation,
};
use futures::executor::block_on;
use proptest::prelude::*;

#[test]
fn email_phone_and_date_checks() {
    for ok in ["a@b.co", "first.last+tag@bank.example.com"] {
        assert!(validation::email(ok).is_ok(), "{ok}");
    }
    for bad in [
        "", "a", "a@b", "a@.b", "a@b.", "a b@c.de", "@b.de", "a@@b.de", "a@b..de",
    ] {
        assert!(validation::email(bad).is_err(), "{bad}");
    }
    for ok in [
        "+447700900123",
        "+44 7700 900123",
        "+44 07972 444 876",
        "+1 (555) 010-0199",
        "030901820",
    ] {
        assert!(validation::phone(ok).is_ok(), "{ok}");
    }
    for bad in [
        "",
        "12345",
        "+44 7700 900123 ext 5",
        "phone",
        "+1234567890123456",
        "++4477009001",
    ] {
        assert!(validation::phone(bad).is_err(), "{bad}");
    }
    for ok in ["2024-02-29", "1900-01-01", "1999-12-31"] {
        assert!(validation::date(ok).is_ok(), "{ok}");
    }
    for bad in [
        "2023-02-29",
        "1900-02-29",
        "2024-13-01",
        "2024-04-31",
        "24-01-01",
        "2024/01/01",
        "1100-01-01",
        "2024-1-1",
    ] {
        assert!(validation::date(bad).is_err(), "{bad}");
    }
}

#[test]
fn amount_currency_and_number_checks() {
    assert!(validation::amount("2500").is_ok());
    assert!(validation::amount("1999.95").is_ok());
    for bad in ["-1", "1,000", "abc", ".5", "1.23456"] {
        assert!(validation::amount(bad).is_err(), "{bad}");
    }
    assert!(validation::currency("EUR").is_ok());
    for bad in ["eur", "EU", "EURO", "€"] {
        assert!(validation::currency(bad).is_err(), "{bad}");
    }
    assert!(validation::customer_number("a::::b").is_err());
    assert!(validation::whole_number("-1").is_err());
    assert!(validation::web_url("javascript:alert(1)").is_err());
    assert!(validation::web_url("https://img.example/a.png").is_ok());
}

#[test]
fn obp_dates_convert_both_ways() {
    assert_eq!(dates::to_obp("1984-07-21"), "1984-07-21T00:00:00Z");
    assert_eq!(dates::day_of("1984-07-21T00:00:00Z"), "1984-07-21");
    assert_eq!(dates::day_of("1984-07-21"), "1984-07-21");
    assert_eq!(
        dates::day_of("1100-01-01T00:00:00Z"),
        "",
        "OBP's placeholder means unset"
    );
    assert_eq!(dates::display(""), "\u{2014}");
}

#[test]
fn create_form_requires_legal_name_and_phone_and_keeps_values() {
    let typed = values(&[("email", "not-an-email"), ("title", "Dr.")]);
    let before = typed.clone();
    let errors = build_new_customer(&typed).unwrap_err();
    assert_eq!(
        errors.keys().collect::<Vec<_>>(),
        ["legal_name", "email", "mobile_phone_number"],
        "errors come in form order"
    );
    assert_eq!(typed, before, "checking never changes what was typed");
}

#[test]
fn create_form_checks_cross_field_rules() {
    let base = [
        ("legal_name", "A"),
        ("mobile_phone_number", "+447700900123"),
    ];
    let with = |extra: &[(&'static str, &str)]| {
        let mut all = base.to_vec();
        all.extend_from_slice(extra);
        build_new_customer(&values(&all))
    };
    let errors = with(&[("dependants", "2"), ("dob_of_dependants", "2010-01-01")]).unwrap_err();
    assert!(errors["dob_of_dependants"].contains("2 dependants, 1 dates"));
    let errors = with(&[("credit_limit_amount", "100")]).unwrap_err();
    assert!(errors.contains_key("credit_limit_currency"));
    let errors = with(&[("credit_source", "Experian")]).unwrap_err();
    assert!(errors.contains_key("credit_rating"));
    let errors = with(&[("face_image_date", "2020-01-01")]).unwrap_err();
    assert!(errors.contains_key("face_image_url"));
}

#[test]
fn create_form_builds_obp_dates_and_leaves_blanks_out() {
    let request = build_new_customer(&values(&[
        ("legal_name", "  Zoë Müller "),
        ("mobile_phone_number", "+49 151 1234 5678"),
        ("date_of_birth", "1984-07-21"),
        ("dependants", "2"),
        ("dob_of_dependants", "2010-01-02, 2012-03-04"),
        ("credit_limit_currency", "EUR"),
        ("credit_limit_amount", "2500"),
        ("kyc_status", "true"),
        ("email", ""),
    ]))
    .unwrap();
    assert_eq!(request.legal_name, "Zoë Müller");
    assert_eq!(
        request.date_of_birth.as_deref(),
        Some("1984-07-21T00:00:00Z")
    );
    assert_eq!(request.dependants, Some(2));
    assert_eq!(
        request.dob_of_dependants.unwrap(),
        ["2010-01-02T00:00:00Z", "2012-03-04T00:00:00Z"]
    );
    assert_eq!(request.credit_limit.unwrap().amount, "2500");
    assert_eq!(request.kyc_status, Some(true));
    assert_eq!(request.email, None);
    assert_eq!(request.credit_rating, None);
}

#[test]
fn create_form_labels_are_the_api_fields_in_words() {
    let labels: Vec<&str> = create_fields().map(|f| f.label).collect();
    for label in [
        "Legal name",
        "Email",
        "Mobile phone number",
        "Customer number",
        "Date of birth",
    ] {
        assert!(labels.contains(&label), "{label}");
    }
    // Every Create Customer field: 15 top-level, face_image, credit_rating and credit_limit split.
    assert_eq!(create_fields().count(), 21);
}

#[test]
fn update_forms_prefill_check_and_build_their_request() {
    let customer: customer_console::api::customers::Customer =
        serde_json::from_str(fixture!("get-customer-by-customer-id")).unwrap();
    for form in UPDATE_FORMS {
        let current = (form.current)(&customer);
        let update = form.submit(&current);
        // The documented example has a 1100-01-01 birth date, which is "unset": identity asks for one.
        if form.group.key == "identity" || form.group.key == "data" {
            assert!(update.is_err(), "{}", form.group.key);
        } else {
            assert_eq!(update.unwrap().endpoint(), form.group.key);
        }
        let blank = FormValues::default();
        let errors = form.submit(&blank).unwrap_err();
        assert_eq!(
            errors.len(),
            form.group.fields().filter(|f| f.required).count(),
            "{}",
            form.group.key
        );
    }
    let email = UPDATE_FORMS
        .iter()
        .find(|f| f.group.key == "email")
        .unwrap();
    assert_eq!(
        email
            .submit(&values(&[("email", " new@bank.example ")]))
            .unwrap(),
        CustomerUpdate::Email {
            email: "new@bank.example".into()
        }
    );
    assert!(email.submit(&values(&[("email", "nope")])).is_err());
}

#[test]
fn login_form_refuses_commas_in_passwords() {
    let errors = login::build(&values(&[
        ("username", "staff"),
        ("password", "a,b"),
        ("consumer_key", "k"),
    ]))
    .unwrap_err();
    assert!(errors["password"].contains("comma"));
    let errors = login::build(&FormValues::default()).unwrap_err();
    assert_eq!(errors.len(), 3);
    let ok = login::build(&values(&[
        ("username", " staff "),
        ("password", " p "),
        ("consumer_key", "k"),
    ]))
    .unwrap();
    assert_eq!(
        (ok.username.as_str(), ok.password.as_str()),
        ("staff", " p ")
    );
}

#[test]
fn list_state_round_trips_through_the_url() {
    let parse =
        |search: &str| CustomerQuery::from_params(Paging::Offset, |key| query_value(search, key));
    assert_eq!(CustomerQuery::default().to_search(), "");
    let mut query = CustomerQuery::default()
        .with_page(50, SortDirection::Asc)
        .at_offset(100);
    assert_eq!(query.to_search(), "?limit=50&offset=100&sort=asc");
    assert_eq!(parse(&query.to_search()), query);
    query.phone = Some("+44 7700%".into());
    assert_eq!(parse(&query.to_search()), query);
    // Bad values fall back to defaults instead of failing the page.
    assert_eq!(
        parse("?limit=7&offset=-3&sort=sideways"),
        CustomerQuery::default()
    );
}

#[test]
fn query_values_are_decoded_exactly_once() {
    for typed in [
        "%7700900001",
        "+44 7700%",
        "a&b#c",
        "Zoë%",
        "%77",
        "%25",
        "1+1=2",
        "",
    ] {
        let search = Query::new().with("phone", typed).build();
        assert_eq!(
            query_value(&search, "phone").as_deref(),
            Some(typed),
            "{search}"
        );
    }
    assert_eq!(
        query_value("?phone=%257700900001", "phone").as_deref(),
        Some("%7700900001")
    );
    // `+` is literal (the app writes a space as %20); a stray `%` stays as it is.
    assert_eq!(
        query_value("phone=+44%20770%", "phone").as_deref(),
        Some("+44 770%")
    );
    assert_eq!(query_value("?a=1&a=2&b", "a").as_deref(), Some("2"));
    assert_eq!(query_value("?a=1&b", "b").as_deref(), Some(""));
    assert_eq!(query_value("?ab=1", "a"), None);
}

#[test]
fn numbers_from_the_url_are_bounded() {
    for (raw, read) in [
        ("25", Some(25)),
        (" 25 ", Some(25)),
        ("0", Some(1)),
        ("4294967295", Some(1000)),
        ("4294967296", Some(1000)),
        ("18446744073709551615", Some(1000)),
        ("99999999999999999999999999999999", Some(1000)),
        ("-1", None),
        ("+1", None),
        ("1e9", None),
        ("1.5", None),
        ("", None),
        ("  ", None),
        ("junk", None),
        ("٣", None),
    ] {
        assert_eq!(bounded_number(raw, 1, 1000), read, "{raw:?}");
    }
    let offset = |raw: &str| {
        CustomerQuery::from_params(Paging::Offset, |key| {
            query_value(&format!("?offset={raw}"), key)
        })
        .page
        .offset
    };
    for huge in ["4294967295", "18446744073709551615", "4294967296"] {
        assert_eq!(offset(huge), MAX_OFFSET, "{huge}");
    }
    for junk in ["-1", "1e9", "", "junk"] {
        assert_eq!(offset(junk), 0, "{junk:?}");
    }
    let page = |raw: &str| {
        CustomerQuery::from_params(Paging::Numbered, |key| {
            query_value(&format!("?page={raw}"), key)
        })
    };
    for huge in ["4294967295", "18446744073709551615"] {
        let query = page(huge);
        assert_eq!(query.page_number(), MAX_PAGE, "{huge}");
        assert_eq!(
            query
                .at_page(query.page_number().saturating_add(1), u32::MAX)
                .page_number(),
            MAX_PAGE
        );
        assert!(query.range(20, Some(5)).starts_with("Rows 199999981"));
    }
    for junk in ["-1", "0", "1e9", "", "junk"] {
        assert_eq!(page(junk).page_number(), 1, "{junk:?}");
    }
}

proptest! {
    #[test]
    fn any_value_survives_the_url(value in any::<String>(), other in any::<String>()) {
        let search = Query::new().with("phone", &value).with("number", &other).build();
        prop_assert_eq!(query_value(&search, "phone"), Some(value.clone()));
        prop_assert_eq!(query_value(&search, "number"), Some(other));
        let query = CustomerQuery { phone: Some(value.clone()), ..CustomerQuery::default() };
        let read = CustomerQuery::from_params(Paging::Offset, |key| query_value(&query.to_search(), key));
        prop_assert_eq!(read.phone, Some(value).filter(|v| !v.trim().is_empty()));
    }

    #[test]
    fn any_offset_or_page_in_the_url_reads_within_bounds(raw in "[0-9]{1,30}|-?[0-9a-z.+]{0,12}") {
        let query = CustomerQuery::from_params(Paging::Offset, |key| query_value(&format!("?offset={raw}"), key));
        prop_assert!(query.page.offset <= MAX_OFFSET);
        let page = CustomerQuery::from_params(Paging::Numbered, |key| {
            query_value(&format!("?page={raw}&size={raw}"), key)
        });
        prop_assert!((1..=MAX_PAGE).contains(&page.page_number()));
    }
}

#[test]
fn return_path_after_sign_in_stays_inside_the_app() {
    for good in [
        "/customers/abc?x=1",
        "/customers?phone=%25770&limit=50#x",
        "/customers/ID/kyc",
        "/customers/Zo%C3%AB%20M",
        "/",
        "/crm-events?category=Product%20enquiry&channel=%2B44",
    ] {
        assert_eq!(safe_return_path(Some(good)), good, "{good}");
    }
    // Only what the URL parser would percent-encode anyway is rewritten.
    assert_eq!(
        safe_return_path(Some("/customers?q=\"<x>\"")),
        "/customers?q=%22%3Cx%3E%22"
    );
    for bad in [
        "/%09/evil.example/phish",
        "/\t/evil.example",
        "/\n/evil.example",
        "/\r\n/evil.example",
        " /customers",
        "/customers ",
        "\\evil.example",
        "/\\evil.example",
        "\\/evil.example",
        "//evil.example",
        "///evil.example",
        "https://evil.example",
        "HtTpS://evil.example/x",
        "JaVaScRiPt:alert(1)",
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "/%2F%2Fevil.example",
        "/%2f/evil.example",
        "/%5Cevil.example",
        "/%252F%252Fevil.example",
        "/%25252525252F%25252525252Fevil.example",
        "/..//evil.example",
        "/customers/../..//evil.example",
        "/%2e%2e//evil.example",
        "/\u{0}/evil.example",
        "/\u{85}/evil.example",
        "/\u{3000}/evil.example",
        "/\u{ff0f}evil.example",
        "/login",
        "/login?return=/x",
        "/%6Cogin",
        "customers",
        "",
    ] {
        assert_eq!(safe_return_path(Some(bad)), "/customers", "{bad:?}");
    }
    assert_eq!(safe_return_path(None), "/customers");
}

#[test]
fn sign_in_reads_its_way_back_decoded_once() {
    assert_eq!(
        after_sign_in("?return=%2Fcustomers%3Fphone%3D%25257700900001"),
        "/customers?phone=%257700900001"
    );
    assert_eq!(
        after_sign_in("?return=/%09/evil.example/phish"),
        "/customers"
    );
    assert_eq!(after_sign_in(""), "/customers");
    assert_eq!(
        login_path("/customers?phone=%25770"),
        "/login?return=%2Fcustomers%3Fphone%3D%2525770"
    );
}

/// Pieces that browsers, the URL parser or the router treat specially.
const NASTY: &[&str] = &[
    "/",
    "//",
    "\\",
    "/\\",
    "\\/",
    "%2F",
    "%2f",
    "%5C",
    "%5c",
    "%252F",
    "%25",
    "%",
    "%09",
    "%0A",
    "%0d",
    "%00",
    "%20",
    "\t",
    "\n",
    "\r",
    " ",
    "\u{0}",
    "\u{1f}",
    "\u{7f}",
    "\u{85}",
    "\u{a0}",
    "\u{2028}",
    "\u{3000}",
    "\u{ff0f}",
    "\u{fe68}",
    ".",
    "..",
    "%2e",
    "%2E%2e",
    "?",
    "#",
    "@",
    ":",
    "javascript:",
    "JaVaScRiPt:",
    "data:",
    "DATA:text/html,",
    "https:",
    "HTTP:",
    "file:",
    "evil.example",
    "login",
    "customers",
    "x",
    "é",
];

fn nasty_target() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(NASTY), 1..10).prop_map(|pieces| pieces.concat())
}

/// Resolves `path` against the app's origin the way a browser does (WHATWG URL parser).
fn resolved(path: &str) -> url::Url {
    let origin = url::Url::parse("https://console.example/").unwrap();
    origin.join(path).unwrap()
}

fn assert_stays_on_origin(target: &str) -> Result<(), TestCaseError> {
    let out = safe_return_path(Some(target));
    prop_assert!(
        out == "/customers" || out.starts_with('/'),
        "{target:?} -> {out:?}"
    );
    let url = resolved(&out);
    prop_assert_eq!(
        url.origin(),
        resolved("/").origin(),
        "{:?} -> {:?}",
        target,
        out
    );
    // Already normalised: path + query + hash come back unchanged.
    let mut again = url.path().to_owned();
    if let Some(query) = url.query() {
        again = format!("{again}?{query}");
    }
    if let Some(hash) = url.fragment() {
        again = format!("{again}#{hash}");
    }
    prop_assert_eq!(&again, &out, "{:?}", target);
    Ok(())
}

proptest! {
    #[test]
    fn no_return_target_leaves_the_origin(target in any::<String>()) {
        assert_stays_on_origin(&target)?;
    }

    #[test]
    fn no_crafted_return_target_leaves_the_origin(target in nasty_target()) {
        assert_stays_on_origin(&target)?;
    }

    #[test]
    fn no_url_like_return_target_leaves_the_origin(target in "[/\\\\%0-9a-fA-F:.@?#\t\n ]{0,24}") {
        assert_stays_on_origin(&target)?;
    }
}

#[test]
fn config_fills_defaults_and_explains_bad_files() {
    let config = AppConfig::parse(r#"{"api_base_url":"https://obp.example","unknown":1}"#).unwrap();
    assert_eq!(config.api_base_url, "https://obp.example");
    assert_eq!(config.api_version, "v5.1.0");
    assert_eq!(config.request_timeout_ms, 20_000);
    let shipped = AppConfig::parse(include_str!("../../public/config.json")).unwrap();
    assert_eq!(shipped.default_bank_id, "gh.29.uk");
    assert!(AppConfig::parse("{").unwrap_err().contains("config.json"));
}

#[test]
fn config_loads_through_the_transport_and_explains_each_failure() {
    let shipped = include_str!("../../public/config.json");
    let load = |answer: Answer| {
        let transport = FakeTransport::new().answer(Method::Get, "config.json", answer);
        let loaded = block_on(config::load(transport.as_ref()));
        let request = transport.last();
        assert_eq!(
            (request.method, request.url.as_str(), request.body),
            (Method::Get, "config.json", None),
            "one plain GET of the file next to index.html (the preloaded URL)"
        );
        assert!(request.headers.is_empty(), "{:?}", request.headers);
        loaded
    };
    assert_eq!(
        load(Ok((200, shipped.to_owned()))),
        AppConfig::parse(shipped)
    );
    let cases = [
        (
            Ok((200, "{\"api_version\":".to_owned())),
            "config.json is not valid: EOF",
        ),
        (
            Ok((404, "Not Found".to_owned())),
            "config.json could not be loaded: HTTP 404",
        ),
        (
            Err(ApiError::Network("connection refused".to_owned())),
            "config.json could not be loaded: connection refused",
        ),
        (
            Err(ApiError::Timeout),
            "config.json could not be loaded: no answer in time",
        ),
    ];
    for (answer, message) in cases {
        let problem = load(answer).unwrap_err();
        assert!(
            problem.starts_with(message),
            "{problem:?} is not {message:?}…"
        );
    }
}

#[test]
fn country_codes_are_iso_alpha_2() {
    for ok in ["GB", "DE", "NL", "US", "AX"] {
        assert!(validation::country_code(ok).is_ok(), "{ok}");
    }
    for bad in ["", "gb", "UK", "GBR", "XX", "ZZ", "G"] {
        assert!(validation::country_code(bad).is_err(), "{bad}");
    }
}

#[test]
fn attribute_values_are_checked_by_type() {
    use customer_console::api::attributes::AttributeType::{DateWithDay, Double, Integer, String};
    let cases: &[(_, &[&str], &[&str])] = &[
        (String, &["x", "123 Main"], &["", "  "]),
        (
            Integer,
            &["123", "-5", "0"],
            &["1.5", "12a", "", "-", "99999999999999999999"],
        ),
        (
            Double,
            &["12.1234", "-0.5", "3"],
            &["1.", ".5", "1,5", "abc", "1e3", ""],
        ),
        (
            DateWithDay,
            &["2012-04-23"],
            &["2012-4-23", "23/04/2012", "2023-02-29"],
        ),
    ];
    for (kind, valid, invalid) in cases {
        for v in *valid {
            assert!(
                validation::attribute_value(*kind, v).is_ok(),
                "{kind:?} {v}"
            );
        }
        for v in *invalid {
            assert!(
                validation::attribute_value(*kind, v).is_err(),
                "{kind:?} {v}"
            );
        }
    }
}
