//! Deterministic demo data: two banks, two demo users and 300 customers, written once per database
//! (what hangs off the customers is in the `seed/` modules: `customer_data.rs`, `accounts.rs`,
//! `kyc.rs`, `communications.rs`; the Enterprise API's profiles and customers are in `enterprise.rs`).
//!
//! Everything comes from a fixed-seed PRNG (`fastrand`) or is named by a fixed text (version 5
//! UUIDs, [`crate::db::stable_id`]), so every fresh database holds the same rows (same ids,
//! numbers, names, dates). Facts tests and demos can rely on:
//!
//! | customer_number | bank | legal_name | mobile_phone_number | email |
//! |---|---|---|---|---|
//! | 100001 | gh.29.uk | Zoë Müller | +447700900001 | zoe.muller@example.com |
//! | 100002 | gh.29.uk | José Álvarez Núñez | +447700900002 | jose.alvarez.nunez@example.com |
//! | 100003 | gh.29.uk | Łukasz Wójcik | +447700900003 | lukasz.wojcik@example.com |
//! | 100004 | gh.29.uk | Søren Ødegård | +447700900004 | soren.odegard@example.com |
//! | 100005 | gh.29.uk | Aoife Ní Bhriain | +447700900005 | aoife.nibhriain@example.com |
//! | 100006 | gh.29.uk | Çağla Yılmaz | +447700900006 | cagla.yilmaz@example.com |
//! | 100007 | gh.29.uk | 王秀英 | +447700900007 | wang.xiuying@example.com |
//! | 100008 | gh.29.uk | 佐藤 花子 | +447700900008 | hanako.sato@example.com |
//! | 100009 | gh.29.uk | `<script>alert('x')</script> Holdings` | +447700900009 | security@holdings.example.com |
//! | 100010 | gh.29.uk | `<b>Bold</b> & <i>Co</i> Ltd` | +447700900010 | accounts@boldandco.example.com |
//! | 200001 | obp.bank.de | Jürgen Weiß | +4915112345678 | jurgen.weiss@example.com |
//!
//! - gh.29.uk has customers 100001..=100260 (phones +447700900001..=+447700900260, in order);
//!   obp.bank.de has 200001..=200040 (phones +4915112345678..=+4915112345717, in order).
//! - Every `last_ok_date` is distinct. 100001..=100010 have the ten newest, newest first, so the
//!   default order (DESC) of `GET /banks/gh.29.uk/customers` and of `GET /customers` starts
//!   100001, 100002, …, 100010.
//! - 100009 and 100010 (and the other companies) have no `date_of_birth` (`null`, or `""` in lists).
//! - Dependants always match `dob_of_dependants`.

use std::collections::HashSet;
use std::path::Path;

use fastrand::Rng;

use crate::dates::Timestamp;
use crate::db::{stable_id, Bank, Customer, Store};
use crate::logins::{DemoUser, RoleGrant};
use crate::roles::{self, Role};

mod accounts;
pub mod bulk;
mod communications;
mod customer_data;
pub mod enterprise;
mod kyc;

/// The UK demo bank.
pub const UK_BANK_ID: &str = "gh.29.uk";
/// The German demo bank.
pub const DE_BANK_ID: &str = "obp.bank.de";

const SEED: u64 = 0x0b9_5a4d_b0c5;
const SEEDED_MARKER: &str = "seeded";
/// The `meta` key of the demo data's generation, and this sandbox's: ids drawn by another
/// generation differ, so a database it seeded cannot be used.
const GENERATION_KEY: &str = "seed_generation";
const GENERATION: &str = "2";
const UK_CUSTOMERS: u32 = 260;
const DE_CUSTOMERS: u32 = 40;

/// Why the demo data could not be written.
#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    /// The database failed.
    #[error("database error: {0}")]
    Db(#[from] rusqlite::Error),
    /// The database was seeded by an older sandbox, whose demo ids differ from this one's.
    #[error(
        "the database was seeded by an older sandbox (other demo ids): delete it, or use --memory"
    )]
    Outdated,
}

/// Why a `--users` file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum UsersFileError {
    /// The file could not be read.
    #[error("cannot read users file {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is not a JSON list of users.
    #[error("users file {path} is not a list of {{username, password, email, roles}}: {source}")]
    Parse {
        /// The file.
        path: String,
        /// The JSON error.
        source: serde_json::Error,
    },
}

/// The two demo banks.
pub fn banks() -> Vec<Bank> {
    vec![
        Bank {
            bank_id: UK_BANK_ID.into(),
            short_name: "Gh 29 UK".into(),
            full_name: "GH Bank 29 UK Ltd".into(),
            logo: Some("https://static.example.com/banks/gh-29-uk/logo.png".into()),
            website: Some("https://www.example.com/gh-29-uk".into()),
            bic: "GHBKGB2L".into(),
        },
        Bank {
            bank_id: DE_BANK_ID.into(),
            short_name: "OBP Bank DE".into(),
            full_name: "OBP Bank Deutschland AG".into(),
            logo: Some("https://static.example.com/banks/obp-bank-de/logo.png".into()),
            website: Some("https://www.example.com/obp-bank-de".into()),
            bic: "OBPBDEBB".into(),
        },
    ]
}

/// The built-in logins: `staff` (every customer-area role) and `auditor` (read-only roles).
pub fn builtin_users() -> Vec<DemoUser> {
    let grants = |bank_roles: &[&[Role]], system_roles: &[&[Role]]| -> Vec<RoleGrant> {
        let mut grants = Vec::new();
        for bank in [UK_BANK_ID, DE_BANK_ID] {
            for role in bank_roles.iter().flat_map(|set| set.iter()) {
                grants.push(RoleGrant {
                    role_name: role.name.into(),
                    bank_id: bank.into(),
                });
            }
        }
        for role in system_roles.iter().flat_map(|set| set.iter()) {
            grants.push(RoleGrant {
                role_name: role.name.into(),
                bank_id: String::new(),
            });
        }
        grants
    };
    vec![
        DemoUser {
            username: "staff".into(),
            password: "staff-password-1".into(),
            email: "staff@example.com".into(),
            roles: grants(
                &[roles::READ_BANK_ROLES, roles::WRITE_BANK_ROLES],
                &[roles::READ_SYSTEM_ROLES, roles::STAFF_EXTRA_SYSTEM_ROLES],
            ),
        },
        DemoUser {
            username: "auditor".into(),
            password: "auditor-password-1".into(),
            email: "auditor@example.com".into(),
            roles: grants(&[roles::READ_BANK_ROLES], &[roles::READ_SYSTEM_ROLES]),
        },
    ]
}

/// The users from a `--users` file, or the built-in ones without it.
pub fn load_users(path: Option<&Path>) -> Result<Vec<DemoUser>, UsersFileError> {
    let Some(path) = path else {
        return Ok(builtin_users());
    };
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| UsersFileError::Read {
        path: shown.clone(),
        source,
    })?;
    serde_json::from_str(&text).map_err(|source| UsersFileError::Parse {
        path: shown,
        source,
    })
}

/// Writes banks and users (every start) and the demo customers (once per database); refuses a
/// database seeded by another generation of the demo data.
pub fn populate(store: &mut Store, users: &[DemoUser]) -> Result<(), SeedError> {
    if store.meta(SEEDED_MARKER)?.is_some()
        && store.meta(GENERATION_KEY)?.as_deref() != Some(GENERATION)
    {
        return Err(SeedError::Outdated);
    }
    Ok(store.transaction(|store| {
        for (position, bank) in (0..).zip(banks()) {
            store.insert_bank(&bank, position)?;
        }
        store.sync_users(users)?;
        if store.meta(SEEDED_MARKER)?.is_none() {
            let seeded_at = at("2025-07-01T06:00:00Z");
            for customer in customers() {
                store.insert_customer(&customer, seeded_at)?;
            }
            store.set_meta(SEEDED_MARKER, "1")?;
            store.set_meta(GENERATION_KEY, GENERATION)?;
        }
        customer_data::populate(store)?;
        accounts::populate(store)?;
        kyc::populate(store)?;
        communications::populate(store)?;
        enterprise::populate(store)
    })?)
}

/// A stable id derived from a fixed text, for the rows that hang off the customers.
fn id(text: &str) -> String {
    stable_id(text).to_string()
}

/// A random (version 4) UUID drawn from the seeded `rng`, so the same on every seeding.
fn random_id(rng: &mut Rng) -> String {
    uuid::Builder::from_random_bytes(rng.u128(..).to_le_bytes())
        .into_uuid()
        .to_string()
}

/// One element of a non-empty list.
fn pick<'a, T>(rng: &mut Rng, items: &'a [T]) -> &'a T {
    &items[rng.usize(..items.len())]
}

/// A fixed instant written as OBP writes dates (`2024-03-04T10:15:00Z`); the epoch if mistyped.
fn at(text: &str) -> Timestamp {
    Timestamp::parse(text).unwrap_or(Timestamp::from_unix(0))
}

/// A hand-picked customer at the start of a bank's number range.
struct Fixed {
    legal_name: &'static str,
    email: &'static str,
    person: Option<Gender>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Female,
    Male,
}

const UK_FIXED: &[Fixed] = &[
    Fixed {
        legal_name: "Zoë Müller",
        email: "zoe.muller@example.com",
        person: Some(Gender::Female),
    },
    Fixed {
        legal_name: "José Álvarez Núñez",
        email: "jose.alvarez.nunez@example.com",
        person: Some(Gender::Male),
    },
    Fixed {
        legal_name: "Łukasz Wójcik",
        email: "lukasz.wojcik@example.com",
        person: Some(Gender::Male),
    },
    Fixed {
        legal_name: "Søren Ødegård",
        email: "soren.odegard@example.com",
        person: Some(Gender::Male),
    },
    Fixed {
        legal_name: "Aoife Ní Bhriain",
        email: "aoife.nibhriain@example.com",
        person: Some(Gender::Female),
    },
    Fixed {
        legal_name: "Çağla Yılmaz",
        email: "cagla.yilmaz@example.com",
        person: Some(Gender::Female),
    },
    Fixed {
        legal_name: "王秀英",
        email: "wang.xiuying@example.com",
        person: Some(Gender::Female),
    },
    Fixed {
        legal_name: "佐藤 花子",
        email: "hanako.sato@example.com",
        person: Some(Gender::Female),
    },
    Fixed {
        legal_name: "<script>alert('x')</script> Holdings",
        email: "security@holdings.example.com",
        person: None,
    },
    Fixed {
        legal_name: "<b>Bold</b> & <i>Co</i> Ltd",
        email: "accounts@boldandco.example.com",
        person: None,
    },
];

const DE_FIXED: &[Fixed] = &[Fixed {
    legal_name: "Jürgen Weiß",
    email: "jurgen.weiss@example.com",
    person: Some(Gender::Male),
}];

const UK_FEMALE: &[&str] = &[
    "Amelia",
    "Olivia",
    "Isla",
    "Ava",
    "Mia",
    "Sophie",
    "Grace",
    "Freya",
    "Priya",
    "Fatima",
    "Ngozi",
    "Siobhán",
    "Niamh",
    "Eilidh",
    "Seren",
    "Chloé",
    "Renée",
    "Anaïs",
    "Lucía",
    "Inés",
    "Åsa",
    "Małgorzata",
    "Ama",
    "Yuki",
    "Mei",
    "Olamide",
    "Hannah",
    "Charlotte",
    "Emily",
    "Aisha",
    "Zainab",
    "Roisín",
    "Maëlle",
];
const UK_MALE: &[&str] = &[
    "Oliver", "Harry", "George", "Noah", "Jack", "Leo", "Arthur", "Muhammad", "Aarav", "Chidi",
    "Ciarán", "Rhys", "Dafydd", "Mateo", "Björn", "Kwame", "Hiroshi", "Wei", "Tomás", "Séamus",
    "Raphaël", "Thomas", "James", "William", "Kofi", "Ravi", "Jože", "Ethan", "Samuel", "Oisín",
];
const UK_SURNAMES: &[&str] = &[
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Williams",
    "Wilson",
    "Johnson",
    "Davies",
    "Patel",
    "Khan",
    "Evans",
    "Thomas",
    "Roberts",
    "Walker",
    "Wright",
    "Robinson",
    "Thompson",
    "Hughes",
    "Edwards",
    "Green",
    "Ahmed",
    "Okafor",
    "Adeyemi",
    "Nowak",
    "Kowalski",
    "O'Brien",
    "MacDonald",
    "Ó Súilleabháin",
    "Gómez",
    "Fernández",
    "Rossi",
    "Ferreira",
    "Lindqvist",
    "Nguyen",
    "Chen",
    "Kim",
    "Haddad",
    "Mensah",
    "Begum",
    "Hussain",
    "Lewis",
    "Clarke",
    "Jackson",
    "Wood",
    "Murphy",
    "Kelly",
    "Campbell",
    "Stewart",
    "Fitzgerald",
    "Novák",
    "Dvořák",
];
const DE_FEMALE: &[&str] = &[
    "Sabine", "Ute", "Lea", "Hannah", "Ayşe", "Elif", "Käthe", "Anja", "Sophie", "Marie", "Jördis",
    "Lena", "Ingrid", "Zofia", "Dörte",
];
const DE_MALE: &[&str] = &[
    "Klaus",
    "Lukas",
    "Jonas",
    "Mehmet",
    "Björn",
    "Günther",
    "Maximilian",
    "Felix",
    "Jörg",
    "Paul",
    "Emre",
    "Søren",
    "Matthias",
    "Ümit",
];
const DE_SURNAMES: &[&str] = &[
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Schulz",
    "Hoffmann",
    "Schäfer",
    "Koch",
    "Bauer",
    "Richter",
    "Klein",
    "Wolf",
    "Schröder",
    "Neumann",
    "Schwarz",
    "Zimmermann",
    "Braun",
    "Krüger",
    "Hartmann",
    "Lange",
    "Öztürk",
    "Yılmaz",
    "Kaya",
    "Nowak",
    "Groß",
    "Weiß",
];
const UK_COMPANIES: &[&str] = &[
    "Thames Valley Bakeries Ltd",
    "Northern Quarter Studios LLP",
    "Pennine Outdoor Supplies Ltd",
    "Harbourside Dental Practice",
    "Clyde & Forth Logistics Ltd",
    "Brightwater Renewables plc",
];
const DE_COMPANIES: &[&str] = &[
    "Müller & Söhne GmbH",
    "Rheinblick Immobilien GmbH",
    "Nordlicht Software AG",
];

/// What differs between the two banks' customers.
struct Market {
    bank_id: &'static str,
    first_number: u32,
    count: u32,
    fixed: &'static [Fixed],
    female: &'static [&'static str],
    male: &'static [&'static str],
    surnames: &'static [&'static str],
    companies: &'static [&'static str],
    company_every: u32,
    phone: fn(u32) -> String,
    branches: &'static [&'static str],
    currency: &'static str,
    credit_sources: &'static [&'static str],
}

const MARKETS: [Market; 2] = [
    Market {
        bank_id: UK_BANK_ID,
        first_number: 100_001,
        count: UK_CUSTOMERS,
        fixed: UK_FIXED,
        female: UK_FEMALE,
        male: UK_MALE,
        surnames: UK_SURNAMES,
        companies: UK_COMPANIES,
        company_every: 40,
        phone: |index| format!("+447700900{:03}", index + 1),
        branches: &[
            "LDN-01", "LDN-02", "MAN-01", "MAN-02", "BHM-01", "EDI-01", "BRS-01", "GLA-01",
            "CDF-01",
        ],
        currency: "GBP",
        credit_sources: &["Experian", "Equifax"],
    },
    Market {
        bank_id: DE_BANK_ID,
        first_number: 200_001,
        count: DE_CUSTOMERS,
        fixed: DE_FIXED,
        female: DE_FEMALE,
        male: DE_MALE,
        surnames: DE_SURNAMES,
        companies: DE_COMPANIES,
        company_every: 15,
        phone: |index| format!("+4915112345{:03}", 678 + index),
        branches: &["BER-01", "MUC-01", "HAM-01", "FRA-01", "CGN-01"],
        currency: "EUR",
        credit_sources: &["SCHUFA", "Experian"],
    },
];

/// Every demo customer, gh.29.uk first, each bank in number order.
pub fn customers() -> Vec<Customer> {
    let rng = &mut Rng::with_seed(SEED);
    let mut used_emails = HashSet::new();
    let mut used_ok_dates = HashSet::new();
    let newest = Timestamp::parse("2025-06-30T16:45:00Z").map_or(0, Timestamp::unix);
    let mut customers = Vec::new();
    for market in &MARKETS {
        for index in 0..market.count {
            let mut customer = generate(market, index, rng, &mut used_emails);
            let fixed_rank =
                (market.bank_id == UK_BANK_ID && index < 10).then_some(i64::from(index));
            let last_ok = match fixed_rank {
                Some(rank) => newest - rank * 420,
                None => loop {
                    // Between 2023-01-02 and a day before the fixed customers' dates, never repeated.
                    let candidate = rng.i64(1_672_617_600..=newest - 86_400);
                    if used_ok_dates.insert(candidate) {
                        break candidate;
                    }
                },
            };
            customer.last_ok_date = Some(Timestamp::from_unix(last_ok));
            customers.push(customer);
        }
    }
    customers
}

fn generate(
    market: &Market,
    index: u32,
    rng: &mut Rng,
    used_emails: &mut HashSet<String>,
) -> Customer {
    let number = market.first_number + index;
    let fixed = market
        .fixed
        .get(usize::try_from(index).unwrap_or(usize::MAX));
    let is_company = fixed.map_or(
        index % market.company_every == market.company_every / 2,
        |f| f.person.is_none(),
    );
    let gender = fixed.and_then(|f| f.person).unwrap_or(if rng.f64() < 0.5 {
        Gender::Female
    } else {
        Gender::Male
    });
    let (legal_name, email) = match fixed {
        Some(fixed) => (fixed.legal_name.to_owned(), fixed.email.to_owned()),
        None if is_company => {
            let slot =
                usize::try_from(index / market.company_every).unwrap_or(0) % market.companies.len();
            let name = market.companies[slot].to_owned();
            let domain = format!("{}.example.com", ascii_fold(&name));
            (name, unique_email("accounts", &domain, used_emails))
        }
        None => {
            let first = *pick(
                rng,
                if gender == Gender::Female {
                    market.female
                } else {
                    market.male
                },
            );
            let last = *pick(rng, market.surnames);
            let local = format!("{}.{}", ascii_fold(first), ascii_fold(last));
            (
                format!("{first} {last}"),
                unique_email(&local, "example.com", used_emails),
            )
        }
    };
    used_emails.insert(email.clone());

    let mut customer = Customer {
        customer_id: random_id(rng),
        bank_id: market.bank_id.into(),
        customer_number: number.to_string(),
        legal_name,
        mobile_phone_number: (market.phone)(index),
        email,
        face_image_url: format!("https://images.example.com/customers/{number}.jpg"),
        face_image_date: Some(Timestamp::from_unix(rng.i64(1_577_836_800..=1_735_603_200))),
        date_of_birth: None,
        relationship_status: String::new(),
        dependants: 0,
        dob_of_dependants: Vec::new(),
        credit_rating: (*pick(rng, &["A", "A", "B", "B", "B", "C", "C", "D"])).into(),
        credit_source: (*pick(rng, market.credit_sources)).into(),
        credit_limit_currency: market.currency.into(),
        credit_limit_amount: format!(
            "{}.00",
            pick(
                rng,
                &[500, 1000, 1500, 2000, 2500, 5000, 7500, 10000, 15000, 25000]
            )
        ),
        highest_education_attained: String::new(),
        employment_status: String::new(),
        kyc_status: rng.f64() < 0.85,
        last_ok_date: None,
        title: String::new(),
        branch_id: (*pick(rng, market.branches)).into(),
        name_suffix: String::new(),
    };
    if !is_company {
        fill_person(&mut customer, gender, rng);
    }
    customer
}

fn fill_person(customer: &mut Customer, gender: Gender, rng: &mut Rng) {
    // Born 1940-01-01 ..= 2005-12-31.
    let born_day = rng.i64(-10_957..=13_148);
    customer.date_of_birth = Some(Timestamp::from_unix(born_day * 86_400));
    customer.title = match (gender, rng.u64(..10)) {
        (_, 0) => "Dr".into(),
        (_, 1) => "Mx".into(),
        (Gender::Female, 2..=4) => "Mrs".into(),
        (Gender::Female, _) => "Ms".into(),
        (Gender::Male, _) => "Mr".into(),
    };
    customer.name_suffix = match (gender, rng.u64(..30)) {
        (Gender::Male, 0) => "Jr".into(),
        (Gender::Male, 1) => "Sr".into(),
        (_, 2) => "PhD".into(),
        _ => String::new(),
    };
    customer.relationship_status = (*pick(
        rng,
        &[
            "single",
            "single",
            "married",
            "married",
            "married",
            "divorced",
            "widowed",
            "civil partnership",
        ],
    ))
    .into();
    customer.highest_education_attained = (*pick(
        rng,
        &[
            "GCSE",
            "A-Level",
            "Apprenticeship",
            "Bachelor",
            "Bachelor",
            "Master",
            "PhD",
        ],
    ))
    .into();
    customer.employment_status = (*pick(
        rng,
        &[
            "employed",
            "employed",
            "employed",
            "self-employed",
            "retired",
            "student",
            "unemployed",
        ],
    ))
    .into();
    let dependants = *pick(rng, &[0, 0, 0, 0, 0, 1, 1, 2, 2, 3]);
    // Children born between the parent's 18th and 45th birthday, and before mid-2024.
    let earliest = born_day + 18 * 365;
    let latest = (born_day + 45 * 365).min(19_875);
    let mut births: Vec<i64> = (0..dependants)
        .filter(|_| earliest <= latest)
        .map(|_| rng.i64(earliest..=latest) * 86_400)
        .collect();
    births.sort_unstable();
    customer.dependants = i64::try_from(births.len()).unwrap_or(0);
    customer.dob_of_dependants = births.into_iter().map(Timestamp::from_unix).collect();
}

fn unique_email(local: &str, domain: &str, used: &HashSet<String>) -> String {
    let plain = format!("{local}@{domain}");
    if !used.contains(&plain) {
        return plain;
    }
    (2..)
        .map(|n| format!("{local}{n}@{domain}"))
        .find(|candidate| !used.contains(candidate))
        .unwrap_or(plain)
}

/// Lower-case ASCII for an e-mail local part: diacritics folded, other characters dropped.
fn ascii_fold(text: &str) -> String {
    let mut folded = String::new();
    for c in text.to_lowercase().chars() {
        let replacement = match c {
            'a'..='z' | '0'..='9' | '-' => {
                folded.push(c);
                continue;
            }
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ą' | 'ă' | 'ạ' | 'ả' | 'ấ' | 'ầ' | 'ẩ'
            | 'ẫ' | 'ậ' | 'ắ' | 'ằ' | 'ẳ' | 'ẵ' | 'ặ' => "a",
            'æ' => "ae",
            'ç' | 'ć' | 'č' => "c",
            'ď' | 'ð' | 'đ' => "d",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' | 'ẹ' | 'ẻ' | 'ẽ' | 'ế' | 'ề' | 'ể' | 'ễ'
            | 'ệ' => "e",
            'ğ' => "g",
            'ì' | 'í' | 'î' | 'ï' | 'ı' | 'ĩ' | 'ỉ' | 'ị' => "i",
            'ł' => "l",
            'ñ' | 'ń' | 'ň' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'ơ' | 'ọ' | 'ỏ' | 'ố' | 'ồ' | 'ổ'
            | 'ỗ' | 'ộ' | 'ớ' | 'ờ' | 'ở' | 'ỡ' | 'ợ' => "o",
            'œ' => "oe",
            'ř' => "r",
            'ś' | 'š' | 'ş' | 'ș' => "s",
            'ß' => "ss",
            'ť' | 'ţ' | 'ț' => "t",
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ũ' | 'ư' | 'ụ' | 'ủ' | 'ứ' | 'ừ' | 'ử'
            | 'ữ' | 'ự' => "u",
            'ý' | 'ÿ' | 'ỳ' | 'ỵ' | 'ỷ' | 'ỹ' => "y",
            'ź' | 'ż' | 'ž' => "z",
            'þ' => "th",
            _ => "",
        };
        folded.push_str(replacement);
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generation_is_deterministic() {
        assert_eq!(customers(), customers());
    }

    #[test]
    fn numbers_phones_and_dates_follow_the_documented_plan() {
        let all = customers();
        assert_eq!(all.len(), 300);
        assert_eq!(all[0].customer_number, "100001");
        assert_eq!(all[0].legal_name, "Zoë Müller");
        assert_eq!(all[0].mobile_phone_number, "+447700900001");
        assert_eq!(all[259].customer_number, "100260");
        assert_eq!(all[259].mobile_phone_number, "+447700900260");
        assert_eq!(all[260].customer_number, "200001");
        assert_eq!(all[260].mobile_phone_number, "+4915112345678");
        assert_eq!(all[299].mobile_phone_number, "+4915112345717");
        let dates: HashSet<_> = all.iter().map(|c| c.last_ok_date).collect();
        assert_eq!(dates.len(), all.len());
        let emails: HashSet<_> = all.iter().map(|c| c.email.as_str()).collect();
        assert_eq!(emails.len(), all.len());
        for customer in &all {
            assert_eq!(
                usize::try_from(customer.dependants).ok(),
                Some(customer.dob_of_dependants.len())
            );
            assert!(customer.mobile_phone_number[1..]
                .bytes()
                .all(|b| b.is_ascii_digit()));
            assert!(customer.email.is_ascii());
        }
        let newest = all
            .iter()
            .max_by_key(|c| c.last_ok_date)
            .map(|c| c.customer_number.as_str());
        assert_eq!(newest, Some("100001"));
    }

    #[test]
    fn a_database_of_another_generation_is_refused() {
        let mut store = Store::open_in_memory().expect("opens");
        populate(&mut store, &builtin_users()).expect("seeds");
        populate(&mut store, &builtin_users()).expect("reopens its own");
        store.set_meta(GENERATION_KEY, "1").expect("ages it");
        assert!(matches!(
            populate(&mut store, &builtin_users()),
            Err(SeedError::Outdated)
        ));
    }

    #[test]
    fn folds_names_for_emails() {
        assert_eq!(ascii_fold("Ó Súilleabháin"), "osuilleabhain");
        assert_eq!(ascii_fold("O'Brien"), "obrien");
        assert_eq!(ascii_fold("Weiß"), "weiss");
        assert_eq!(ascii_fold("Dũng Nguyễn Đorđević"), "dungnguyendordevic");
    }
}
