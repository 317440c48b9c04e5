//! Demo data of the Enterprise API (see [`crate::enterprise`]): two profiles and their customers,
//! written once per database (own marker). Everything comes from fixed-seed PRNGs, so every fresh
//! database holds the same rows.
//!
//! Facts tests and demos can rely on (bearer token `demo-enterprise-token` by default):
//!
//! | profile | customers | companies | NL / DE / GB | newest (first on page 0) | oldest `created` |
//! |---|---|---|---|---|---|
//! | `demo-profile` | 125 | 42 | 31 / 47 / 47 | `1cc459e7-53eb-489c-889f-638b99882b94` | `2024-12-14T07:51:47.880Z` |
//! | `nl-retail-profile` | 8 | 4 | 8 / 0 / 0 | `ed410d44-ac6b-40db-8872-77a41b673f65` | |
//!
//! - `demo-profile` at the default size 20 has 7 pages, the last (page 6) with 5 customers. Its
//!   page 0 starts with a person, `Ngozi Adeyemi` (GB, 44 Baker Street, `NW1 1FX` London;
//!   `created` `2025-06-30T14:42:10.250Z`), then `Chidi Roberts`
//!   (`d997343b-d33e-4c6a-9868-b62a5c82c46b`, GB, London). The fourth is a company with a contact
//!   person: `f2076e21-b265-4a67-a9d3-d5a590929f6a` Cotswold Consulting Ltd, Jack Wood,
//!   `jack.wood@cotswold-consulting.example.com`, phone `447700900962`, 239 City Road, `CF10 9WG`
//!   Cardiff, GB.
//! - `nl-retail-profile` holds Dutch shops and private customers; its newest is the person
//!   `Fatima van den Berg` (`created` `2025-06-24T09:00:00.000Z`).
//! - Customers are a mix of companies (some with a contact person's name, some without) and
//!   private persons; every one has a company or a last name, an e-mail (unique within the
//!   profile), a phone and an address.
//! - Addresses are in the Netherlands, Germany and the United Kingdom (`country` `NL`, `DE`, `GB`),
//!   with real cities, their provinces/states/counties, streets and postcodes in the country's
//!   format (`2132 NA`, `10115`, `SW1A 2AA`); phones are digits only with the country code first:
//!   `316…` (NL mobile), `49…` (DE mobile), `447700900…` (UK, Ofcom's drama range).
//! - `created` is distinct within a profile and falls with generation order, so the first
//!   generated customer is the newest.

use std::collections::HashSet;

use fastrand::Rng;

use super::{
    ascii_fold, pick, random_id, unique_email, DE_FEMALE, DE_MALE, DE_SURNAMES, UK_FEMALE, UK_MALE,
    UK_SURNAMES,
};
use crate::dates::iso_millis;
use crate::db::enterprise::{Address, Customer, Details};
use crate::db::Store;

/// The bearer token the sandbox accepts unless `--enterprise-token` names others.
pub const DEMO_TOKEN: &str = "demo-enterprise-token";
/// The profile with most of the demo customers.
pub const DEMO_PROFILE_ID: &str = "demo-profile";
/// A small second profile (Dutch shops), for a profile picker.
pub const RETAIL_PROFILE_ID: &str = "nl-retail-profile";
/// Every seeded profile, the demo profile first.
pub const PROFILE_IDS: [&str; 2] = [DEMO_PROFILE_ID, RETAIL_PROFILE_ID];

const MARKER: &str = "seeded.enterprise";

/// One profile's plan.
struct Profile {
    id: &'static str,
    seed: u64,
    count: u32,
    countries: &'static [&'static Country],
    /// The share of customers that are companies.
    company_share: f64,
    /// `created` of the newest customer, in milliseconds since the epoch.
    newest_ms: i64,
}

/// What differs between the countries' customers.
struct Country {
    code: &'static str,
    female: &'static [&'static str],
    male: &'static [&'static str],
    surnames: &'static [&'static str],
    /// Company names are `{word} {trade} {legal_form}`.
    company_words: &'static [&'static str],
    trades: &'static [&'static str],
    legal_form: &'static str,
    buildings: &'static [&'static str],
    cities: &'static [City],
    /// A full postcode from one of a city's districts.
    postcode: fn(&str, &mut Rng) -> String,
    phone: fn(&mut Rng) -> String,
}

struct City {
    locality: &'static str,
    state: &'static str,
    /// The postcode districts: NL's four digits, DE's whole code, the UK's outward code.
    districts: &'static [&'static str],
    streets: &'static [&'static str],
}

const PROFILES: [Profile; 2] = [
    Profile {
        id: DEMO_PROFILE_ID,
        seed: 0xe17e_7a15e,
        count: 125,
        countries: &[&NL, &DE, &GB],
        company_share: 0.35,
        newest_ms: 1_751_294_530_250, // 2025-06-30T14:42:10.250Z
    },
    Profile {
        id: RETAIL_PROFILE_ID,
        seed: 0x4e1_4e7a11,
        count: 8,
        countries: &[&NL_SHOPS],
        company_share: 0.75,
        newest_ms: 1_750_755_600_000, // 2025-06-24T09:00:00.000Z
    },
];

/// Letters NL postcodes use (never SA, SD or SS, so no S at all here).
const NL_LETTERS: &[u8] = b"ABCDEGHJKLMNPRTVWXZ";
/// Letters the UK uses in the inward code.
const UK_INWARD_LETTERS: &[u8] = b"ABDEFGHJLNPQRSTUWXYZ";

fn letters(alphabet: &[u8], count: usize, rng: &mut Rng) -> String {
    (0..count)
        .map(|_| char::from(*pick(rng, alphabet)))
        .collect()
}

const NL: Country = Country {
    code: "NL",
    female: &[
        "Sanne", "Lotte", "Emma", "Julia", "Fleur", "Noor", "Anouk", "Femke", "Saskia", "Marieke",
        "Yara", "Fatima",
    ],
    male: &[
        "Daan", "Bram", "Sem", "Lucas", "Thijs", "Jesse", "Ruben", "Milan", "Joost", "Pieter",
        "Mohammed", "Stijn",
    ],
    surnames: &[
        "de Vries",
        "Jansen",
        "van den Berg",
        "Bakker",
        "Visser",
        "Smit",
        "Meijer",
        "de Boer",
        "Mulder",
        "de Jong",
        "Bos",
        "Vos",
        "Peters",
        "Hendriks",
        "van Dijk",
        "Dekker",
        "El Amrani",
        "Yılmaz",
    ],
    company_words: &[
        "Noordzee",
        "Tulp",
        "Grachten",
        "Polder",
        "Molen",
        "Duin",
        "Delta",
        "Lindeboom",
    ],
    trades: &[
        "Logistiek",
        "Bouw",
        "Installatietechniek",
        "Catering",
        "Advies",
        "Software",
    ],
    legal_form: "B.V.",
    buildings: &["Bedrijvencentrum Noord", "Atrium", "De Werf"],
    cities: &[
        City {
            locality: "Amsterdam",
            state: "Noord-Holland",
            districts: &["1012", "1015", "1017", "1054", "1072"],
            streets: &[
                "Damrak",
                "Prinsengracht",
                "Keizersgracht",
                "Kalverstraat",
                "Overtoom",
                "Ferdinand Bolstraat",
            ],
        },
        City {
            locality: "Hoofddorp",
            state: "Noord-Holland",
            districts: &["2131", "2132", "2134"],
            streets: &["Kruisweg", "Raadhuisplein", "Burgemeester van Stamplein"],
        },
        City {
            locality: "Rotterdam",
            state: "Zuid-Holland",
            districts: &["3011", "3012", "3014", "3072"],
            streets: &["Coolsingel", "Witte de Withstraat", "Meent", "Kop van Zuid"],
        },
        City {
            locality: "Den Haag",
            state: "Zuid-Holland",
            districts: &["2511", "2513", "2517"],
            streets: &["Lange Voorhout", "Spui", "Frederik Hendriklaan"],
        },
        City {
            locality: "Utrecht",
            state: "Utrecht",
            districts: &["3511", "3512", "3581"],
            streets: &["Oudegracht", "Vredenburg", "Biltstraat"],
        },
        City {
            locality: "Eindhoven",
            state: "Noord-Brabant",
            districts: &["5611", "5612", "5616"],
            streets: &["Stratumseind", "Kruisstraat", "Vestdijk"],
        },
        City {
            locality: "Groningen",
            state: "Groningen",
            districts: &["9711", "9712", "9718"],
            streets: &["Herestraat", "Oosterstraat", "Zuiderdiep"],
        },
    ],
    postcode: |district, rng| format!("{district} {}", letters(NL_LETTERS, 2, rng)),
    phone: |rng| format!("316{:08}", rng.u64(..100_000_000)),
};

/// Dutch shops: NL with retail trades.
const NL_SHOPS: Country = Country {
    trades: &[
        "Bakkerij",
        "Bloemen",
        "Fietsen",
        "Kaashandel",
        "Boekhandel",
        "Slagerij",
    ],
    ..NL
};

const DE: Country = Country {
    code: "DE",
    female: DE_FEMALE,
    male: DE_MALE,
    surnames: DE_SURNAMES,
    company_words: &[
        "Rhein",
        "Alpen",
        "Hansa",
        "Spree",
        "Elbe",
        "Isar",
        "Schwarzwald",
        "Nordlicht",
    ],
    trades: &[
        "Logistik",
        "Bau",
        "Software",
        "Gastronomie",
        "Immobilien",
        "Elektrotechnik",
    ],
    legal_form: "GmbH",
    buildings: &["Technologiepark", "Hinterhaus", "Kontorhaus"],
    cities: &[
        City {
            locality: "Berlin",
            state: "Berlin",
            districts: &["10115", "10117", "10435", "10997", "12043"],
            streets: &[
                "Friedrichstraße",
                "Kurfürstendamm",
                "Torstraße",
                "Oranienstraße",
                "Karl-Marx-Allee",
            ],
        },
        City {
            locality: "München",
            state: "Bayern",
            districts: &["80331", "80333", "80469", "80796"],
            streets: &["Leopoldstraße", "Sendlinger Straße", "Maximilianstraße"],
        },
        City {
            locality: "Hamburg",
            state: "Hamburg",
            districts: &["20095", "20354", "22765"],
            streets: &["Mönckebergstraße", "Jungfernstieg", "Große Elbstraße"],
        },
        City {
            locality: "Köln",
            state: "Nordrhein-Westfalen",
            districts: &["50667", "50672", "50823"],
            streets: &["Hohe Straße", "Ehrenstraße", "Aachener Straße"],
        },
        City {
            locality: "Frankfurt am Main",
            state: "Hessen",
            districts: &["60311", "60313", "60594"],
            streets: &["Zeil", "Berger Straße", "Schweizer Straße"],
        },
        City {
            locality: "Stuttgart",
            state: "Baden-Württemberg",
            districts: &["70173", "70178"],
            streets: &["Königstraße", "Calwer Straße"],
        },
        City {
            locality: "Leipzig",
            state: "Sachsen",
            districts: &["04107", "04109"],
            streets: &["Karl-Liebknecht-Straße", "Grimmaische Straße"],
        },
    ],
    postcode: |district, _| district.to_owned(),
    phone: |rng| {
        let network = pick(
            rng,
            &[
                "151", "152", "157", "160", "162", "170", "171", "172", "176", "177", "178", "179",
            ],
        );
        format!("49{network}{:08}", rng.u64(..100_000_000))
    },
};

const GB: Country = Country {
    code: "GB",
    female: UK_FEMALE,
    male: UK_MALE,
    surnames: UK_SURNAMES,
    company_words: &[
        "Thames",
        "Pennine",
        "Clyde",
        "Severn",
        "Mersey",
        "Cotswold",
        "Highland",
        "Brightwater",
    ],
    trades: &[
        "Logistics",
        "Builders",
        "Software",
        "Catering",
        "Consulting",
        "Joinery",
    ],
    legal_form: "Ltd",
    buildings: &["Riverside House", "The Old Mill", "Unit 4 Enterprise Park"],
    cities: &[
        City {
            locality: "London",
            state: "Greater London",
            districts: &["EC1V", "SW1A", "N1", "E1", "SE1", "W1D", "NW1"],
            streets: &[
                "Baker Street",
                "Upper Street",
                "Brick Lane",
                "Borough High Street",
                "Old Street",
            ],
        },
        City {
            locality: "Manchester",
            state: "Greater Manchester",
            districts: &["M1", "M2", "M4", "M20"],
            streets: &["Deansgate", "Oldham Street", "Wilmslow Road"],
        },
        City {
            locality: "Birmingham",
            state: "West Midlands",
            districts: &["B1", "B3", "B15"],
            streets: &["Broad Street", "Colmore Row", "Bristol Road"],
        },
        City {
            locality: "Leeds",
            state: "West Yorkshire",
            districts: &["LS1", "LS6"],
            streets: &["Briggate", "Headingley Lane"],
        },
        City {
            locality: "Bristol",
            state: "Bristol",
            districts: &["BS1", "BS7", "BS8"],
            streets: &["Gloucester Road", "Park Street"],
        },
        City {
            locality: "Edinburgh",
            state: "City of Edinburgh",
            districts: &["EH1", "EH2", "EH6"],
            streets: &["Princes Street", "Leith Walk", "Rose Street"],
        },
        City {
            locality: "Cardiff",
            state: "Cardiff",
            districts: &["CF10", "CF24"],
            streets: &["Queen Street", "City Road"],
        },
    ],
    postcode: |district, rng| {
        let sector = rng.u64(..10);
        format!("{district} {sector}{}", letters(UK_INWARD_LETTERS, 2, rng))
    },
    phone: |rng| format!("447700900{:03}", rng.u64(..1000)),
};

/// Writes the profiles and their customers unless this database already has them.
pub(super) fn populate(store: &Store) -> rusqlite::Result<()> {
    if store.meta(MARKER)?.is_some() {
        return Ok(());
    }
    for profile in &PROFILES {
        store.insert_enterprise_profile(profile.id)?;
        for customer in customers(profile) {
            store.save_enterprise_customer(profile.id, &customer)?;
        }
    }
    store.set_meta(MARKER, "1")
}

/// A profile's customers, newest first.
fn customers(profile: &Profile) -> Vec<Customer> {
    let rng = &mut Rng::with_seed(profile.seed);
    let mut used = Used::default();
    let mut created = profile.newest_ms;
    (0..profile.count)
        .map(|index| {
            if index > 0 {
                // One hour to three days before the previous one.
                created -= rng.i64(3_600_000..=259_200_000);
            }
            let country = *pick(rng, profile.countries);
            let is_company = rng.f64() < profile.company_share;
            Customer {
                id: random_id(rng),
                details: details(country, is_company, rng, &mut used),
                created: iso_millis(created),
            }
        })
        .collect()
}

/// E-mail addresses and company names already given out in a profile.
#[derive(Default)]
struct Used {
    emails: HashSet<String>,
    companies: HashSet<String>,
}

fn details(country: &Country, is_company: bool, rng: &mut Rng, used: &mut Used) -> Details {
    // Companies name a contact person more often than not.
    let person = (!is_company || rng.f64() < 0.6).then(|| {
        let names = if rng.f64() < 0.5 {
            country.female
        } else {
            country.male
        };
        (*pick(rng, names), *pick(rng, country.surnames))
    });
    let company = is_company.then(|| loop {
        let name = format!(
            "{} {} {}",
            pick(rng, country.company_words),
            pick(rng, country.trades),
            country.legal_form
        );
        if used.companies.insert(name.clone()) {
            break name;
        }
    });
    let domain = match &company {
        Some(name) => {
            let words: Vec<&str> = name.split(' ').take(2).collect();
            format!("{}.example.com", ascii_fold(&words.join("-")))
        }
        None => "example.com".to_owned(),
    };
    let local = match person {
        Some((first, last)) => format!("{}.{}", ascii_fold(first), ascii_fold(last)),
        None => "info".to_owned(),
    };
    let email = unique_email(&local, &domain, &used.emails);
    used.emails.insert(email.clone());
    Details {
        company,
        first_name: person.map(|(first, _)| first.to_owned()),
        last_name: person.map(|(_, last)| last.to_owned()),
        email: Some(email),
        phone: Some((country.phone)(rng)),
        address: Some(address(country, is_company, rng)),
    }
}

fn address(country: &Country, is_company: bool, rng: &mut Rng) -> Address {
    let city = pick(rng, country.cities);
    let district = pick(rng, city.districts);
    let premise = u32::try_from(rng.i64(1..=250)).unwrap_or(1);
    let sub_premise =
        (rng.f64() < 0.15).then(|| (*pick(rng, &["A", "B", "C", "1", "2", "3"])).to_owned());
    let building =
        (is_company && rng.f64() < 0.3).then(|| (*pick(rng, country.buildings)).to_owned());
    Address {
        premise: Some(premise),
        sub_premise,
        building,
        postal_code: Some((country.postcode)(district, rng)),
        thoroughfare: Some((*pick(rng, city.streets)).to_owned()),
        locality: Some(city.locality.to_owned()),
        state: Some(city.state.to_owned()),
        country: Some(country.code.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generation_is_deterministic() {
        for profile in &PROFILES {
            assert_eq!(customers(profile), customers(profile));
        }
    }

    fn country(customer: &Customer) -> &str {
        customer
            .details
            .address
            .as_ref()
            .and_then(|address| address.country.as_deref())
            .unwrap_or_default()
    }

    #[test]
    fn the_documented_facts_hold() {
        let demo = customers(&PROFILES[0]);
        let retail = customers(&PROFILES[1]);
        assert_eq!((demo.len(), retail.len()), (125, 8));
        let companies =
            |all: &[Customer]| all.iter().filter(|c| c.details.company.is_some()).count();
        assert_eq!((companies(&demo), companies(&retail)), (42, 4));
        let in_country = |code: &str| demo.iter().filter(|c| country(c) == code).count();
        assert_eq!(
            (in_country("NL"), in_country("DE"), in_country("GB")),
            (31, 47, 47)
        );
        assert!(retail.iter().all(|c| country(c) == "NL"));
        assert_eq!(demo[0].id, "1cc459e7-53eb-489c-889f-638b99882b94");
        assert_eq!(demo[0].details.company, None);
        assert_eq!(
            (
                demo[0].details.first_name.as_deref(),
                demo[0].details.last_name.as_deref()
            ),
            (Some("Ngozi"), Some("Adeyemi"))
        );
        assert_eq!(demo[0].created, "2025-06-30T14:42:10.250Z");
        assert_eq!(demo[1].id, "d997343b-d33e-4c6a-9868-b62a5c82c46b");
        assert_eq!(demo[124].created, "2024-12-14T07:51:47.880Z");
        let cotswold = &demo[3];
        assert_eq!(cotswold.id, "f2076e21-b265-4a67-a9d3-d5a590929f6a");
        assert_eq!(
            serde_json::to_value(&cotswold.details).expect("serializes"),
            serde_json::json!({
                "company": "Cotswold Consulting Ltd", "first_name": "Jack", "last_name": "Wood",
                "email": "jack.wood@cotswold-consulting.example.com", "phone": "447700900962",
                "address": {
                    "premise": 239, "sub_premise": null, "building": null,
                    "postal_code": "CF10 9WG", "thoroughfare": "City Road", "locality": "Cardiff",
                    "state": "Cardiff", "country": "GB"
                }
            })
        );
        assert_eq!(retail[0].id, "ed410d44-ac6b-40db-8872-77a41b673f65");
        assert_eq!(retail[0].details.last_name.as_deref(), Some("van den Berg"));
        assert_eq!(retail[0].created, "2025-06-24T09:00:00.000Z");
    }

    #[test]
    fn every_customer_is_complete_and_in_its_country_format() {
        for profile in &PROFILES {
            let all = customers(profile);
            assert!(all.windows(2).all(|pair| pair[0].created > pair[1].created));
            let emails: HashSet<_> = all.iter().map(|c| c.details.email.clone()).collect();
            assert_eq!(emails.len(), all.len());
            for customer in &all {
                let details = &customer.details;
                assert!(details.company.is_some() || details.last_name.is_some());
                let phone = details.phone.as_deref().unwrap_or_default();
                assert!(phone.bytes().all(|b| b.is_ascii_digit()), "{phone}");
                let postcode = details
                    .address
                    .as_ref()
                    .and_then(|a| a.postal_code.as_deref())
                    .unwrap_or_default();
                let shape: String = postcode
                    .chars()
                    .map(|c| match c {
                        '0'..='9' => '9',
                        'A'..='Z' => 'A',
                        other => other,
                    })
                    .collect();
                let (calling_code, postcode_ok) = match country(customer) {
                    "NL" => ("316", shape == "9999 AA"),
                    "DE" => ("49", shape == "99999"),
                    "GB" => ("447700900", shape.ends_with(" 9AA") && shape.len() <= 8),
                    other => panic!("unexpected country {other}"),
                };
                assert!(phone.starts_with(calling_code), "{phone}");
                assert!(postcode_ok, "{postcode}");
            }
        }
    }
}
