//! Hostile requests against the sandbox: the `hostile` step of `cargo xtask test` (a bounded,
//! always identical run) and `cargo xtask fuzz [--requests N] [--seed S]` (a longer one).
//!
//! Builds and starts the debug sandbox (so integer overflow panics) with `--memory --quiet` on a
//! free loopback port, signs in (DirectLogin as the demo staff user; the Enterprise demo bearer
//! token), then sends pseudo-random requests derived from the seed, one raw HTTP/1.1 connection
//! each, so paths, headers and bodies can carry control characters and raw non-ASCII bytes. They
//! hit every route family (OBP with and without a valid token, the Enterprise API, login, the
//! static fallback) with odd methods, hostile path segments and queries (huge numbers, broken
//! dates and percent escapes), odd headers and tokens, and bodies that are malformed, mistyped,
//! deeply nested, very long or almost right. The run fails on the first 5xx, printing the
//! request escaped, and when the sandbox stops answering or exits.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use crate::http::{self, Response};
use crate::sandbox::{
    direct_login, free_loopback_port, Sandbox, DEMO_CONSUMER_KEY, DEMO_ENTERPRISE_TOKEN,
    DEMO_PASSWORD, DEMO_PROFILE_ID, DEMO_USERNAME,
};
use crate::util::{bail, cmd, json_string_field, target_dir, Result};

/// What the `hostile` step sends: always the same requests, within a time limit.
const STEP_REQUESTS: usize = 3_000;
const STEP_SEED: u64 = 9;
const STEP_TIME_LIMIT: Duration = Duration::from_secs(30);
/// `fuzz`'s default number of requests, and the most it takes.
const FUZZ_REQUESTS: usize = 30_000;
const MAX_REQUESTS: usize = 1_000_000;
/// How much of a failing request is printed.
const SHOWN_BYTES: usize = 2_000;

/// The `hostile` step of `cargo xtask test`.
pub fn step() -> Result {
    run(STEP_REQUESTS, STEP_SEED, Some(STEP_TIME_LIMIT))
}

/// `cargo xtask fuzz [--requests N] [--seed S]`: like the step, longer, with any seed (by default
/// one from the clock, printed so the run can be repeated).
pub fn fuzz(args: &[String]) -> Result {
    let mut requests = FUZZ_REQUESTS;
    let mut seed = None;
    let mut rest = args.iter();
    while let Some(flag) = rest.next() {
        let value = rest.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--requests" => match value.parse() {
                Ok(n) if (1..=MAX_REQUESTS).contains(&n) => requests = n,
                _ => bail!("--requests takes a count from 1 to {MAX_REQUESTS}"),
            },
            "--seed" => match value.parse() {
                Ok(s) => seed = Some(s),
                Err(_) => bail!("--seed takes a whole number"),
            },
            _ => bail!("unknown flag {flag}; fuzz takes [--requests N] [--seed S]"),
        }
    }
    let seed = seed.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(STEP_SEED, |elapsed| elapsed.as_secs())
    });
    run(requests, seed, None)
}

/// Builds the debug sandbox and returns the path of its binary.
fn debug_sandbox() -> Result<std::path::PathBuf> {
    cmd("cargo", ["build", "-p", "sandbox"]).run()?;
    let binary = target_dir()?
        .join("debug")
        .join(format!("sandbox{}", std::env::consts::EXE_SUFFIX));
    if !binary.is_file() {
        bail!("cargo built no sandbox binary at {}", binary.display());
    }
    Ok(binary)
}

fn run(requests: usize, seed: u64, time_limit: Option<Duration>) -> Result {
    let binary = debug_sandbox()?;
    let addr = free_loopback_port()?;
    let addr_text = addr.to_string();
    let mut sandbox = Sandbox::start(
        &binary,
        addr,
        &["--memory", "--quiet", "--addr", &addr_text],
    )?;
    let known = Known::fetch(addr)?;
    println!("hostile: {requests} requests, seed {seed}, to http://{addr}");
    let started = Instant::now();
    let mut statuses = std::collections::BTreeMap::<u16, usize>::new();
    // Connections closed without an answer while the sandbox keeps answering others (a server
    // may close early, e.g. on a body over its limit): counted and shown, not failures.
    let mut unanswered: Vec<(usize, String)> = Vec::new();
    // Requests the HTTP parser refused (400 without a body) before the sandbox saw them.
    let mut unparsed = 0;
    for index in 0..requests {
        if let Some(limit) = time_limit.filter(|limit| started.elapsed() > *limit) {
            bail!("hostile: only {index} of {requests} requests within {limit:?}");
        }
        let raw = Generator::new(seed, index, &known).request();
        let failure = match http::send(addr, &raw) {
            Ok(Response { status, body }) if status < 500 => {
                *statuses.entry(status).or_default() += 1;
                if body.is_empty() && status == 400 {
                    unparsed += 1;
                }
                continue;
            }
            Ok(Response { status, body }) => format!("answered {status}: {body}"),
            Err(error) => match sandbox.exit_status() {
                Some(status) => format!("the sandbox exited ({status})"),
                None => match http::request(addr, "GET", "/obp/v5.1.0/banks", &[]) {
                    Ok(_) => {
                        unanswered.push((index, format!("{error}: {}", shown(&raw))));
                        continue;
                    }
                    Err(again) => format!("the sandbox stopped answering ({error}; {again})"),
                },
            },
        };
        bail!(
            "hostile request #{index} of seed {seed} (repeat: cargo xtask fuzz --seed {seed} \
             --requests {}): {failure}\nrequest ({} bytes): {}\nthe sandbox printed:\n{}",
            index + 1,
            raw.len(),
            shown(&raw),
            sandbox.printed()
        );
    }
    let took = started.elapsed();
    if let Some(status) = sandbox.exit_status() {
        bail!("the sandbox exited ({status}):\n{}", sandbox.printed());
    }
    let counts: Vec<String> = statuses
        .iter()
        .map(|(status, count)| format!("{status}×{count}"))
        .collect();
    println!(
        "hostile: {requests} requests in {:.1}s, no 5xx, the sandbox still up; statuses: {} \
         ({unparsed} of the 400s refused by the HTTP parser); closed without an answer: {}",
        took.as_secs_f64(),
        counts.join(", "),
        unanswered.len()
    );
    for (index, what) in unanswered.iter().take(5) {
        println!("  unanswered #{index}: {what}");
    }
    Ok(())
}

/// A request for people to read: non-printable bytes escaped, long ones cut.
fn shown(raw: &[u8]) -> String {
    let cut = &raw[..raw.len().min(SHOWN_BYTES)];
    let more = if cut.len() < raw.len() { "…" } else { "" };
    format!("{}{more}", cut.escape_ascii())
}

/// Real ids, so that some hostile requests get past the lookups to the deeper checks.
struct Known {
    host: String,
    token: String,
    customer_ids: Vec<String>,
    enterprise_ids: Vec<String>,
    user_id: String,
}

impl Known {
    fn fetch(addr: SocketAddr) -> Result<Known> {
        let token = direct_login(addr, DEMO_USERNAME, DEMO_PASSWORD, DEMO_CONSUMER_KEY)?;
        let auth = format!("token={token}");
        let obp = [("DirectLogin", auth.as_str())];
        let user = http::request(addr, "GET", "/obp/v5.1.0/users/current/user_id", &obp)?;
        let user_id = json_string_field(&user.body, "user_id").ok_or("no user_id")?;
        let list = http::request(addr, "GET", "/obp/v5.1.0/customers?limit=8", &obp)?;
        let bearer = format!("Bearer {DEMO_ENTERPRISE_TOKEN}");
        let enterprise = http::request(
            addr,
            "GET",
            &format!("/v1/profiles/{DEMO_PROFILE_ID}/customers?size=8"),
            &[("Authorization", &bearer)],
        )?;
        let known = Known {
            host: addr.to_string(),
            token,
            customer_ids: string_fields(&list.body, "customer_id"),
            enterprise_ids: string_fields(&enterprise.body, "id"),
            user_id,
        };
        if known.customer_ids.is_empty() || known.enterprise_ids.is_empty() {
            bail!("found no demo customers: {} {}", list.body, enterprise.body);
        }
        Ok(known)
    }
}

/// Every `"key":"value"` string of a JSON text, in order.
fn string_fields(json: &str, key: &str) -> Vec<String> {
    let needle = format!("\"{key}\"");
    json.match_indices(&needle)
        .filter_map(|(at, _)| json_string_field(&json[at..], key))
        .collect()
}

/// A route family: method, path (placeholders in braces) and a well-formed body's fields.
struct Route {
    method: &'static str,
    path: &'static str,
    body: &'static [(&'static str, &'static str)],
}

const fn route(
    method: &'static str,
    path: &'static str,
    body: &'static [(&'static str, &'static str)],
) -> Route {
    Route { method, path, body }
}

const NONE: &[(&str, &str)] = &[];
const CUSTOMER: &[(&str, &str)] = &[
    ("legal_name", r#""Eveline Tripp""#),
    ("mobile_phone_number", r#""+44 07972 444 876""#),
    ("customer_number", r#""H-77""#),
    ("email", r#""eveline@example.com""#),
    (
        "face_image",
        r#"{"url":"https://example.com/f.png","date":"2019-01-01T00:00:00Z"}"#,
    ),
    ("date_of_birth", r#""1987-06-05T00:00:00Z""#),
    ("relationship_status", r#""single""#),
    ("dependants", "1"),
    ("dob_of_dependants", r#"["2015-01-01T00:00:00Z"]"#),
    ("credit_rating", r#"{"rating":"A","source":"Experian"}"#),
    ("credit_limit", r#"{"currency":"EUR","amount":"1000"}"#),
    ("highest_education_attained", r#""Master""#),
    ("employment_status", r#""employed""#),
    ("kyc_status", "true"),
    ("last_ok_date", r#""2024-01-01T00:00:00Z""#),
    ("title", r#""Dr""#),
    ("branch_id", r#""DERBY6""#),
    ("name_suffix", r#""Jr""#),
];
const CUSTOMER_NUMBER: &[(&str, &str)] = &[("customer_number", r#""100001""#)];
const PHONE: &[(&str, &str)] = &[("mobile_phone_number", r#""+44%""#)];
const EMAIL: &[(&str, &str)] = &[("email", r#""new@example.com""#)];
const MOBILE: &[(&str, &str)] = &[("mobile_phone_number", r#""+49 170 1234567""#)];
const IDENTITY: &[(&str, &str)] = &[
    ("legal_name", r#""Ann Smith""#),
    ("date_of_birth", r#""1990-01-01T00:00:00Z""#),
    ("title", r#""Ms""#),
    ("name_suffix", r#""""#),
];
const CREDIT_LIMIT: &[(&str, &str)] = &[("credit_limit", r#"{"currency":"GBP","amount":"5000"}"#)];
const RATING: &[(&str, &str)] = &[
    ("credit_rating", r#""B""#),
    ("credit_source", r#""Equifax""#),
];
const BRANCH: &[(&str, &str)] = &[("branch_id", r#""LDN-01""#)];
const DATA: &[(&str, &str)] = &[
    (
        "face_image",
        r#"{"url":"https://example.com/f.png","date":"2019-01-01T00:00:00Z"}"#,
    ),
    ("relationship_status", r#""married""#),
    ("dependants", "0"),
    ("highest_education_attained", r#""Bachelor""#),
    ("employment_status", r#""retired""#),
];
const ADDRESS: &[(&str, &str)] = &[
    ("line_1", r#""1 High Street""#),
    ("line_2", r#""""#),
    ("line_3", r#""""#),
    ("city", r#""Derby""#),
    ("county", r#""Derbyshire""#),
    ("state", r#""""#),
    ("postcode", r#""DE1 1AA""#),
    ("country_code", r#""GB""#),
    ("tags", r#"["home"]"#),
    ("status", r#""current""#),
];
const DEFINITION: &[(&str, &str)] = &[
    ("name", r#""RISK""#),
    ("category", r#""Customer""#),
    ("type", r#""INTEGER""#),
    ("description", r#""risk class""#),
    ("alias", r#""""#),
    ("can_be_seen_on_views", r#"["owner"]"#),
    ("is_active", "true"),
];
const ATTRIBUTE: &[(&str, &str)] = &[
    ("name", r#""SPECIAL_TAX_NUMBER""#),
    ("type", r#""STRING""#),
    ("value", r#""123456789""#),
];
const ACCOUNT_LINK: &[(&str, &str)] = &[
    ("customer_id", r#""x""#),
    ("bank_id", r#""gh.29.uk""#),
    ("account_id", r#""x""#),
    ("relationship_type", r#""Owner""#),
];
const RELATIONSHIP: &[(&str, &str)] = &[("relationship_type", r#""Joint""#)];
const KYC_CHECK: &[(&str, &str)] = &[
    ("customer_number", r#""100001""#),
    ("date", r#""2024-01-01T00:00:00Z""#),
    ("how", r#""video call""#),
    ("staff_user_id", r#""x""#),
    ("staff_name", r#""Staff""#),
    ("satisfied", "true"),
    ("comments", r#""ok""#),
];
const KYC_DOCUMENT: &[(&str, &str)] = &[
    ("customer_number", r#""100001""#),
    ("type", r#""passport""#),
    ("number", r#""P123""#),
    ("issue_date", r#""2020-01-01T00:00:00Z""#),
    ("issue_place", r#""London""#),
    ("expiry_date", r#""2030-01-01T00:00:00Z""#),
];
const KYC_MEDIA: &[(&str, &str)] = &[
    ("customer_number", r#""100001""#),
    ("type", r#""image""#),
    ("url", r#""https://example.com/p.png""#),
    ("date", r#""2024-01-01T00:00:00Z""#),
    ("relates_to_kyc_document_id", r#""d""#),
    ("relates_to_kyc_check_id", r#""c""#),
];
const KYC_STATUS: &[(&str, &str)] = &[
    ("customer_number", r#""100001""#),
    ("ok", "true"),
    ("date", r#""2024-01-01T00:00:00Z""#),
];
const MEETING: &[(&str, &str)] = &[
    ("provider_id", r#""zoom""#),
    ("purpose_id", r#""onboarding""#),
    ("date", r#""2025-01-01T10:00:00Z""#),
    (
        "creator",
        r#"{"name":"Staff","mobile_phone":"+44 1","email_address":"s@example.com"}"#,
    ),
    (
        "invitees",
        r#"[{"contact_details":{"name":"A","mobile_phone":"1","email_address":"a@b.c"},"status":"invited"}]"#,
    ),
];
const MESSAGE: &[(&str, &str)] = &[
    ("message", r#""Hello""#),
    ("transport", r#""EMAIL""#),
    ("from_department", r#""Support""#),
    ("from_person", r#""Staff""#),
];
const SOCIAL: &[(&str, &str)] = &[
    ("customer_number", r#""100001""#),
    ("type", r#""twitter""#),
    ("handle", r#""@x""#),
    ("date_added", r#""2024-01-01T00:00:00Z""#),
    ("date_activated", r#""2024-01-01T00:00:00Z""#),
];
const TAX: &[(&str, &str)] = &[("domain", r#""DE""#), ("tax_number", r#""123""#)];
const USER_LINK: &[(&str, &str)] = &[("user_id", r#""x""#), ("customer_id", r#""x""#)];
const ENTERPRISE_CUSTOMER: &[(&str, &str)] = &[
    ("company", r#""Acme B.V.""#),
    ("first_name", r#""Jan""#),
    ("last_name", r#""Jansen""#),
    ("email", r#""jan@example.nl""#),
    ("phone", r#""318000201068""#),
    (
        "address",
        r#"{"premise":12,"sub_premise":"A","building":null,"postal_code":"2132 JK","thoroughfare":"Hoofdweg","locality":"Hoofddorp","state":"NH","country":"NL"}"#,
    ),
];

/// Every route family; `{obp}` is `/obp/v5.1.0`, `{customers}` is `{obp}/banks/{bank}/customers`.
const ROUTES: &[Route] = &[
    route("POST", "/my/logins/direct", NONE),
    route("GET", "{obp}/users/current", NONE),
    route("GET", "{obp}/users/current/user_id", NONE),
    route("GET", "{obp}/banks", NONE),
    route("GET", "{obp}/banks/{bank}", NONE),
    route("GET", "{obp}/banks/{bank}/crm-events", NONE),
    route("GET", "{obp}/banks/{bank}/firehose/customers", NONE),
    route("POST", "{customers}", CUSTOMER),
    route("GET", "{customers}", NONE),
    route("GET", "{obp}/banks/{bank}/customers-minimal", NONE),
    route("POST", "{customers}/customer-number", CUSTOMER_NUMBER),
    route("GET", "{customers}/{customer}", NONE),
    route(
        "POST",
        "{obp}/banks/{bank}/search/customers/mobile-phone-number",
        PHONE,
    ),
    route("GET", "{obp}/customers", NONE),
    route("GET", "{obp}/customers-minimal", NONE),
    route(
        "DELETE",
        "{obp}/management/cascading/banks/{bank}/customers/{customer}",
        NONE,
    ),
    route("PUT", "{customers}/{customer}/email", EMAIL),
    route("PUT", "{customers}/{customer}/number", CUSTOMER_NUMBER),
    route("PUT", "{customers}/{customer}/mobile-number", MOBILE),
    route("PUT", "{customers}/{customer}/identity", IDENTITY),
    route("PUT", "{customers}/{customer}/credit-limit", CREDIT_LIMIT),
    route(
        "PUT",
        "{customers}/{customer}/credit-rating-and-source",
        RATING,
    ),
    route("PUT", "{customers}/{customer}/branch", BRANCH),
    route("PUT", "{customers}/{customer}/data", DATA),
    route("POST", "{customers}/{customer}/address", ADDRESS),
    route("GET", "{customers}/{customer}/addresses", NONE),
    route("PUT", "{customers}/{customer}/addresses/{id}", ADDRESS),
    route("DELETE", "{customers}/{customer}/addresses/{id}", NONE),
    route(
        "PUT",
        "{obp}/banks/{bank}/attribute-definitions/customer",
        DEFINITION,
    ),
    route(
        "GET",
        "{obp}/banks/{bank}/attribute-definitions/customer",
        NONE,
    ),
    route(
        "DELETE",
        "{obp}/banks/{bank}/attribute-definitions/{id}/customer",
        NONE,
    ),
    route("POST", "{customers}/{customer}/attribute", ATTRIBUTE),
    route("GET", "{customers}/{customer}/attributes", NONE),
    route("GET", "{customers}/{customer}/attributes/{id}", NONE),
    route("PUT", "{customers}/{customer}/attributes/{id}", ATTRIBUTE),
    route("DELETE", "{customers}/attributes/{id}", NONE),
    route(
        "POST",
        "{obp}/banks/{bank}/customer-account-links",
        ACCOUNT_LINK,
    ),
    route(
        "GET",
        "{obp}/banks/{bank}/customer-account-links/{id}",
        NONE,
    ),
    route(
        "PUT",
        "{obp}/banks/{bank}/customer-account-links/{id}",
        RELATIONSHIP,
    ),
    route(
        "DELETE",
        "{obp}/banks/{bank}/customer-account-links/{id}",
        NONE,
    ),
    route("GET", "{customers}/{customer}/customer-account-links", NONE),
    route(
        "GET",
        "{obp}/banks/{bank}/accounts/{id}/customer-account-links",
        NONE,
    ),
    route("PUT", "{customers}/{customer}/kyc_check/{id}", KYC_CHECK),
    route(
        "PUT",
        "{customers}/{customer}/kyc_documents/{id}",
        KYC_DOCUMENT,
    ),
    route("PUT", "{customers}/{customer}/kyc_media/{id}", KYC_MEDIA),
    route("PUT", "{customers}/{customer}/kyc_statuses", KYC_STATUS),
    route("GET", "{obp}/customers/{customer}/kyc_checks", NONE),
    route("GET", "{obp}/customers/{customer}/kyc_documents", NONE),
    route("GET", "{obp}/customers/{customer}/kyc_media", NONE),
    route("GET", "{obp}/customers/{customer}/kyc_statuses", NONE),
    route("POST", "{obp}/banks/{bank}/meetings", MEETING),
    route("GET", "{obp}/banks/{bank}/meetings", NONE),
    route("GET", "{obp}/banks/{bank}/meetings/{id}", NONE),
    route("POST", "{customers}/{customer}/messages", MESSAGE),
    route("GET", "{customers}/{customer}/messages", NONE),
    route(
        "POST",
        "{obp}/banks/{bank}/customer/{customer}/messages",
        MESSAGE,
    ),
    route("GET", "{obp}/banks/{bank}/customer/messages", NONE),
    route("GET", "{obp}/my/customers", NONE),
    route("GET", "{obp}/banks/{bank}/my/customers", NONE),
    route("GET", "{obp}/users/current/customers", NONE),
    route("GET", "{obp}/users/current/customers/customer_ids", NONE),
    route(
        "POST",
        "{customers}/customer-number-query/overview",
        CUSTOMER_NUMBER,
    ),
    route(
        "POST",
        "{customers}/customer-number-query/overview-flat",
        CUSTOMER_NUMBER,
    ),
    route(
        "POST",
        "{customers}/{customer}/social_media_handles",
        SOCIAL,
    ),
    route("GET", "{customers}/{customer}/social_media_handles", NONE),
    route("POST", "{customers}/{customer}/tax-residence", TAX),
    route("GET", "{customers}/{customer}/tax-residences", NONE),
    route(
        "DELETE",
        "{customers}/{customer}/tax_residencies/{id}",
        NONE,
    ),
    route("POST", "{obp}/banks/{bank}/user_customer_links", USER_LINK),
    route(
        "GET",
        "{obp}/banks/{bank}/user_customer_links/users/{user}",
        NONE,
    ),
    route(
        "GET",
        "{obp}/banks/{bank}/user_customer_links/customers/{customer}",
        NONE,
    ),
    route(
        "DELETE",
        "{obp}/banks/{bank}/user_customer_links/{id}",
        NONE,
    ),
    route("GET", "{customers}/{customer}/correlated-users", NONE),
    route("GET", "{obp}/my/correlated-entities", NONE),
    route("GET", "/v1/profiles/{profile}/customers", NONE),
    route(
        "POST",
        "/v1/profiles/{profile}/customers",
        ENTERPRISE_CUSTOMER,
    ),
    route("GET", "/v1/profiles/{profile}/customers/{enterprise}", NONE),
    route(
        "PUT",
        "/v1/profiles/{profile}/customers/{enterprise}",
        ENTERPRISE_CUSTOMER,
    ),
    route(
        "DELETE",
        "/v1/profiles/{profile}/customers/{enterprise}",
        NONE,
    ),
    route("GET", "/{id}", NONE),
];

/// Query parameters the sandbox reads somewhere, and values that stress them.
const PARAMETERS: &[&str] = &[
    "limit",
    "offset",
    "sort_direction",
    "from_date",
    "to_date",
    "page",
    "size",
];
const NUMBERS: &[&str] = &[
    "0",
    "1",
    "-1",
    "50",
    "2147483647",
    "2147483648",
    "4294967295",
    "4294967296",
    "9223372036854775807",
    "9223372036854775808",
    "18446744073709551615",
    "18446744073709551616",
    "-9223372036854775808",
    "99999999999999999999999999999999",
    "1e3",
    "1.5",
    "0x10",
    "+5",
    " 5",
];
const DATES: &[&str] = &[
    "2024-01-01T00:00:00.000Z",
    "2024-01-01T00:00:00.000+0100",
    "2024-01-01T00:00:00.000%C3%A9123",
    "2024-01-01T00:00:00.000+%C3%A912",
    "2024-01-01T00:00:00.%E2%82%ACZ",
    "9999-12-31T23:59:59.999-9999",
    "0000-01-01T00:00:00.000+9999",
    "2024-02-30T00:00:00.000Z",
    "2024-01-01",
];
/// JSON values of every kind, edge numbers and strings included.
const JSON_VALUES: &[&str] = &[
    "null",
    "true",
    "0",
    "-0",
    "1e309",
    "-1e309",
    "4294967296",
    "18446744073709551616",
    "-9223372036854775809",
    "123456789012345678901234567890",
    "0.1",
    "[]",
    "{}",
    r#""""#,
    r#"" ""#,
    r#""\u0000\u001f\u007f""#,
    r#""\ud800""#,
    r#""é€😀\u202e""#,
    r#""2024-01-01T00:00:00Z""#,
    r#""2024-01-01T00:00:0é""#,
    r#""9999-12-31T23:59:59Z""#,
    r#""0000-01-01T00:00:00Z""#,
    r#"["a",1,null]"#,
    r#"{"url":1,"date":[]}"#,
    r#"{"currency":"","amount":"-1e400"}"#,
];
/// Raw pieces of hostile text for paths, queries and headers.
const TEXT_PIECES: &[&[u8]] = &[
    b"%",
    b"%0",
    b"%00",
    b"%C3%A9",
    b"%C3",
    b"%FF%FE",
    b"%2F",
    b"%25",
    b"%ZZ",
    b"..",
    b"/",
    b"+",
    b"&",
    b"=",
    b"?",
    b"#",
    "é".as_bytes(),
    "€".as_bytes(),
    "😀".as_bytes(),
    b"\xC3",
    b"\xFF\xFE",
    b"\x80",
    b"\x00",
    b"\x01",
    b"\x1F",
    b"\x7F",
    b"\t",
    b" ",
    b"\r",
    b"\n",
    b"\"",
    b"'",
    b"<script>",
    b"DirectLogin",
    b"token=",
    b"Bearer ",
    b"100001",
    b"gh.29.uk",
    b"demo-profile",
];

/// Builds one request from the seed and its index, so any request can be rebuilt alone.
struct Generator<'a> {
    rng: fastrand::Rng,
    known: &'a Known,
}

impl<'a> Generator<'a> {
    fn new(seed: u64, index: usize, known: &'a Known) -> Self {
        let index = u64::try_from(index).unwrap_or(u64::MAX);
        Generator {
            rng: fastrand::Rng::with_seed(seed ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15)),
            known,
        }
    }

    fn chance(&mut self, percent: u8) -> bool {
        self.rng.u8(0..100) < percent
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.rng.usize(0..items.len())]
    }

    /// The whole request: request line, headers, body.
    fn request(&mut self) -> Vec<u8> {
        let route = &ROUTES[self.rng.usize(0..ROUTES.len())];
        let method: Vec<u8> = if self.chance(90) {
            route.method.into()
        } else if self.chance(80) {
            self.pick(&[
                "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE",
            ])
            .into()
        } else {
            self.text(1, 12)
        };
        let mut target = self.path(route.path);
        if self.chance(50) {
            target.push(b'?');
            target.extend(self.query());
        }
        let body = if route.body.is_empty() && self.chance(80) {
            Vec::new()
        } else {
            self.body(route.body)
        };
        let mut raw = method;
        raw.push(b' ');
        raw.extend(target);
        raw.extend(b" HTTP/1.1\r\nHost: ");
        raw.extend(self.known.host.as_bytes());
        raw.extend(b"\r\nConnection: close\r\n");
        for (name, value) in self.headers(route.path) {
            raw.extend(name);
            raw.extend(b": ");
            raw.extend(value);
            raw.extend(b"\r\n");
        }
        raw.extend(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
        raw.extend(body);
        raw
    }

    /// The route's path, each placeholder a real id or hostile text.
    fn path(&mut self, template: &str) -> Vec<u8> {
        let template = template
            .replace("{customers}", "{obp}/banks/{bank}/customers")
            .replace("{obp}", "/obp/v5.1.0");
        let mut path = Vec::new();
        // Literal text and placeholder names alternate between the braces.
        for (index, part) in template.split(['{', '}']).enumerate() {
            if index % 2 == 0 {
                path.extend(part.as_bytes());
            } else {
                path.extend(self.placeholder(part));
            }
        }
        if self.chance(5) {
            path.extend(self.url_text(1, 20));
        }
        path
    }

    fn placeholder(&mut self, name: &str) -> Vec<u8> {
        if self.chance(25) {
            return self.url_text(0, 40);
        }
        let known = self.known;
        let value = match name {
            "bank" => self
                .pick(&["gh.29.uk", "obp.bank.de", "no.such.bank"])
                .to_owned(),
            "customer" => known.customer_ids[self.rng.usize(0..known.customer_ids.len())].clone(),
            "enterprise" => {
                known.enterprise_ids[self.rng.usize(0..known.enterprise_ids.len())].clone()
            }
            "profile" => self
                .pick(&[DEMO_PROFILE_ID, "nl-retail-profile", "no-such-profile"])
                .to_owned(),
            "user" => known.user_id.clone(),
            _ => format!("{:x}", self.rng.u64(..)),
        };
        value.into_bytes()
    }

    /// `name=value&…` with known and unknown names, numbers, dates and hostile text.
    fn query(&mut self) -> Vec<u8> {
        let mut query = Vec::new();
        for index in 0..self.rng.usize(0..6) {
            if index > 0 {
                query.push(b'&');
            }
            let name: Vec<u8> = if self.chance(80) {
                self.pick(PARAMETERS).into()
            } else {
                self.url_text(0, 10)
            };
            query.extend(name);
            if self.chance(90) {
                query.push(b'=');
                let value: Vec<u8> = match self.rng.u8(0..4) {
                    0 => self.pick(NUMBERS).into(),
                    1 => self.pick(DATES).into(),
                    2 => self.pick(&["ASC", "desc", "Asc", "up", ""]).into(),
                    _ => self.url_text(0, 30),
                };
                query.extend(value);
            }
        }
        query
    }

    /// Authentication for the path's API (valid, broken or none), a content type, odd extras.
    fn headers(&mut self, path: &str) -> Vec<(Vec<u8>, Vec<u8>)> {
        let mut headers: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
        let token = self.known.token.clone();
        let auth: Option<(&str, Vec<u8>)> = match self.rng.u8(0..10) {
            0..=4 if path.starts_with("/v1") => Some((
                "Authorization",
                format!("Bearer {DEMO_ENTERPRISE_TOKEN}").into_bytes(),
            )),
            0..=4 if path == "/my/logins/direct" => Some((
                "DirectLogin",
                format!(
                    "username={DEMO_USERNAME}, password={DEMO_PASSWORD}, \
                     consumer_key={DEMO_CONSUMER_KEY}"
                )
                .into_bytes(),
            )),
            0..=4 => Some(("DirectLogin", format!("token={token}").into_bytes())),
            5 => Some((
                "Authorization",
                format!("DirectLogin token={token}").into_bytes(),
            )),
            6 => {
                let mut value = b"token=".to_vec();
                value.extend(self.header_text(0, 600));
                Some(("DirectLogin", value))
            }
            7 => {
                let mut value = b"Bearer ".to_vec();
                value.extend(self.header_text(0, 60));
                Some(("Authorization", value))
            }
            8 => {
                let mut value = b"username=".to_vec();
                value.extend(self.header_text(0, 20));
                value.extend(b", password=");
                value.extend(self.header_text(0, 20));
                value.extend(b", consumer_key=");
                value.extend(self.header_text(0, 20));
                Some(("DirectLogin", value))
            }
            _ => None,
        };
        if let Some((name, value)) = auth {
            headers.push((name.into(), value));
        }
        let content_type: Option<Vec<u8>> = match self.rng.u8(0..10) {
            0..=6 => Some(b"application/json".to_vec()),
            7 => Some(b"text/plain".to_vec()),
            8 => Some(self.header_text(0, 30)),
            _ => None,
        };
        if let Some(value) = content_type {
            headers.push((b"Content-Type".to_vec(), value));
        }
        if self.chance(15) {
            let name = self.pick(&["Accept", "Origin", "X-Odd", "Accept-Encoding", "Cookie"]);
            let value = self.header_text(0, 80);
            headers.push((name.into(), value));
        }
        headers
    }

    /// A body: mostly the route's fields with some values swapped for hostile ones, else a
    /// wrong kind of JSON, deep nesting, a very long string, or bytes that are not JSON.
    fn body(&mut self, fields: &[(&str, &str)]) -> Vec<u8> {
        match self.rng.u8(0..20) {
            0 => self.text(0, 200),
            1 => {
                let depth = self.pick(&[64, 127, 129, 1000, 100_000]);
                let mut nested = "[".repeat(depth).into_bytes();
                if self.chance(50) {
                    nested.extend("]".repeat(depth).as_bytes());
                }
                nested
            }
            2 => {
                let length = self.pick(&[1_000, 100_000, 1_000_000, 3_000_000]);
                format!("\"{}\"", "é".repeat(length / 2)).into_bytes()
            }
            3 => self.pick(JSON_VALUES).as_bytes().to_vec(),
            4 => {
                let mut cut = self.object(fields);
                cut.truncate(self.rng.usize(0..=cut.len()));
                cut
            }
            _ => self.object(fields),
        }
    }

    fn object(&mut self, fields: &[(&str, &str)]) -> Vec<u8> {
        let mut members: Vec<Vec<u8>> = Vec::new();
        for (name, good) in fields {
            if self.chance(8) {
                continue;
            }
            let value: Vec<u8> = match self.rng.u8(0..10) {
                0..=5 => good.as_bytes().to_vec(),
                6 | 7 => self.pick(JSON_VALUES).as_bytes().to_vec(),
                8 => format!("\"{}\"", "x".repeat(self.rng.usize(1..70_000))).into_bytes(),
                _ => {
                    let mut text = b"\"".to_vec();
                    text.extend(self.text(0, 30).into_iter().filter(|b| *b != b'"'));
                    text.push(b'"');
                    text
                }
            };
            let mut member = format!("\"{name}\":").into_bytes();
            member.extend(value);
            members.push(member);
        }
        if self.chance(10) {
            members.push(br#""unexpected":{"nested":[1,2,{"deep":null}]}"#.to_vec());
        }
        let mut object = b"{".to_vec();
        object.extend(members.join(&b","[..]));
        object.push(b'}');
        object
    }

    /// Hostile text for a URL: mostly percent-encoded (so it reaches the sandbox's own parsing;
    /// a `%` stays as it is, making broken escapes), sometimes raw bytes that HTTP forbids there.
    fn url_text(&mut self, min: usize, max: usize) -> Vec<u8> {
        let text = self.text(min, max);
        if self.chance(15) {
            return text;
        }
        let mut encoded = Vec::with_capacity(text.len() * 3);
        for byte in text {
            if byte.is_ascii_alphanumeric() || b"-._~%+".contains(&byte) {
                encoded.push(byte);
            } else {
                encoded.extend(format!("%{byte:02X}").as_bytes());
            }
        }
        encoded
    }

    /// Hostile text for a header value: raw non-ASCII bytes, and mostly without the control
    /// characters HTTP forbids there.
    fn header_text(&mut self, min: usize, max: usize) -> Vec<u8> {
        let text = self.text(min, max);
        if self.chance(10) {
            return text;
        }
        text.into_iter()
            .filter(|byte| !byte.is_ascii_control() || *byte == b'\t')
            .collect()
    }

    /// `min..=max` pieces of hostile text: escapes, separators, raw non-ASCII and control bytes.
    fn text(&mut self, min: usize, max: usize) -> Vec<u8> {
        let mut text = Vec::new();
        for _ in 0..self.rng.usize(min..=max) {
            if self.chance(70) {
                text.extend(self.pick(TEXT_PIECES));
            } else {
                text.push(self.rng.u8(..));
            }
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> Known {
        Known {
            host: "127.0.0.1:1".into(),
            token: "t".into(),
            customer_ids: vec!["c".into()],
            enterprise_ids: vec!["e".into()],
            user_id: "u".into(),
        }
    }

    #[test]
    fn the_same_seed_and_index_give_the_same_request() {
        let known = known();
        let first: Vec<Vec<u8>> = (0..50)
            .map(|i| Generator::new(7, i, &known).request())
            .collect();
        let again: Vec<Vec<u8>> = (0..50)
            .map(|i| Generator::new(7, i, &known).request())
            .collect();
        assert_eq!(first, again);
        assert_ne!(first[0], first[1]);
        assert_ne!(first[0], Generator::new(8, 0, &known).request());
    }

    #[test]
    fn requests_are_http_with_a_matching_length() {
        let known = known();
        for index in 0..500 {
            let raw = Generator::new(1, index, &known).request();
            let split = raw
                .windows(4)
                .position(|w| w == b"\r\n\r\n")
                .expect("a head");
            let head = String::from_utf8_lossy(&raw[..split]);
            let length: usize = head
                .lines()
                .find_map(|line| line.strip_prefix("Content-Length: "))
                .and_then(|n| n.parse().ok())
                .expect("a Content-Length");
            assert!(head.contains("\r\nHost: 127.0.0.1:1\r\n"), "{head}");
            assert_eq!(raw.len() - split - 4, length, "{head}");
        }
    }

    #[test]
    fn paths_fill_every_placeholder() {
        let known = known();
        let mut filled = 0;
        for index in 0..200 {
            let path = Generator::new(3, index, &known).path("{customers}/{customer}/x");
            assert!(path.starts_with(b"/obp/v5.1.0/banks/"), "{path:?}");
            if path.ends_with(b"/c/x") {
                filled += 1;
            }
        }
        assert!(filled > 50, "mostly real ids: {filled} of 200");
    }

    #[test]
    fn string_fields_finds_every_value() {
        let json = r#"{"customers":[{"customer_id":"a","x":1},{"customer_id":"b"}]}"#;
        assert_eq!(string_fields(json, "customer_id"), ["a", "b"]);
        assert!(string_fields(json, "id").is_empty());
    }

    #[test]
    fn requests_are_shown_escaped_and_cut() {
        assert_eq!(
            shown(b"GET /\xC3\xA9\x00 HTTP/1.1"),
            r"GET /\xc3\xa9\x00 HTTP/1.1"
        );
        assert!(shown(&[b'a'; 3 * SHOWN_BYTES]).ends_with('…'));
    }
}
