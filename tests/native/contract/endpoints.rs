//! The contract's table: every call of the client, in an order where each finds what it needs
//! (a signed-in session, the customer it changes, the ids earlier calls kept), with the
//! documented example its answer is compared with.

use customer_console::api::{
    account_links::{self, NewAccountLink},
    addresses::{self, AddressBody},
    attributes::{self, AttributeBody, DefinitionBody},
    auth, banks, crm_events,
    customers::{self, CreditLimit, CustomerUpdate, FaceImage, NewCustomer, Page, SortDirection},
    enterprise::{self, CustomerBody},
    firehose::{self, FirehoseQuery},
    kyc::{self, NewKycCheck, NewKycDocument, NewKycMedia, NewKycStatus},
    meetings::{self, ContactDetails, Invitee, NewMeeting},
    messages::{self, NewMessage},
    my_customers, overview,
    social_media::{self, NewSocialMediaHandle},
    tax_residences::{self, NewTaxResidence},
    user_links::{self, NewUserLink},
    users, ApiError,
};
use leptos::prelude::*;
use serde_json::{json, Value};

use super::{Endpoint, Example};

/// The bank of the calls.
const BANK: &str = "gh.29.uk";
/// The seeded customer the reads look at (it has KYC records, accounts, messages…).
const SEEDED_NUMBER: &str = "100001";
const SEEDED_PHONE: &str = "+447700900001";
/// The customer the contract creates, changes and finally deletes, and its number after the
/// number's update.
const NEW_NUMBER: &str = "CONTRACT-1";
const RENUMBERED: &str = "CONTRACT-2";
const PROFILE: &str = "demo-profile";
const PAGE: Page = Page {
    limit: 5,
    offset: 0,
    sort: SortDirection::Desc,
};
const DATE: &str = "2024-05-01T00:00:00Z";

/// A table row: the name, the reference's success status, the example, and the call, an async
/// block over `$env` whose `?` gives up with the call's error.
macro_rules! endpoint {
    ($name:literal, $status:literal, $example:expr, |$env:ident| $body:block) => {
        Endpoint {
            name: $name,
            status: $status,
            example: $example,
            call: |$env| {
                Box::pin(async move {
                    $body;
                    Ok::<(), ApiError>(())
                })
            },
        }
    };
}

use Example::{Enterprise, Obp, ObpFixed, Plain, Reference};

/// The reference's answer to most deletes (with 200).
const TRUE: Example = Plain("true");
/// The reference's answer to the customer attribute's and the account link's delete (with 204).
const EMPTY: Example = Plain("");

/// The reference: the phone search and Get My Customers answer `{"customers": [...]}` (the
/// documentation shows one bare customer).
fn listed(customer: Value) -> Value {
    json!({ "customers": [customer] })
}

/// The reference: the firehose lists Customer300, whose keys are Customer310's (the
/// documentation's example leaves out `title`, `branch_id` and `name_suffix`).
fn customer300(mut list: Value) -> Value {
    for customer in list["customers"].as_array_mut().into_iter().flatten() {
        for key in ["title", "branch_id", "name_suffix"] {
            customer[key] = json!("");
        }
    }
    list
}

/// The reference: Get Customers for Current User (IDs only) answers `{"customers": [{"id"}]}`
/// (the documentation's example shows whole customers).
fn ids_only(_: Value) -> Value {
    json!({ "customers": [{ "id": "" }] })
}

fn new_customer() -> NewCustomer {
    NewCustomer {
        legal_name: "Contract Test".into(),
        mobile_phone_number: "+447700999001".into(),
        customer_number: Some(NEW_NUMBER.into()),
        email: Some("contract@example.com".into()),
        date_of_birth: Some("1987-06-05T00:00:00Z".into()),
        ..NewCustomer::default()
    }
}

fn address() -> AddressBody {
    AddressBody {
        line_1: "1 High Street".into(),
        city: "Derby".into(),
        postcode: "DE1 1AA".into(),
        country_code: "GB".into(),
        status: "current".into(),
        tags: vec!["home".into()],
        ..AddressBody::default()
    }
}

fn attribute(value: &str) -> AttributeBody {
    AttributeBody {
        name: "CONTRACT_NOTE".into(),
        kind: "STRING".into(),
        value: value.into(),
    }
}

fn contact() -> ContactDetails {
    ContactDetails {
        name: "Staff".into(),
        mobile_phone: "+447700900999".into(),
        email_address: "staff@example.com".into(),
    }
}

fn enterprise_customer(company: &str) -> CustomerBody {
    CustomerBody {
        company: company.into(),
        email: "contract@example.nl".into(),
        phone: "31201234567".into(),
        address: enterprise::Address {
            premise: Some(1),
            postal_code: "1012 AB".into(),
            thoroughfare: "Damrak".into(),
            locality: "Amsterdam".into(),
            country: "NL".into(),
            ..enterprise::Address::default()
        },
        ..CustomerBody::default()
    }
}

/// The reference's DirectLogin answer (§4.1).
fn token() -> Value {
    json!({ "token": "" })
}

/// The reference's `users/current` (§4.2); `views` may be left out.
fn current_user() -> Value {
    json!({
        "user_id": "", "email": "", "provider_id": "", "provider": "", "username": "",
        "entitlements": { "list": [{ "entitlement_id": "", "role_name": "", "bank_id": "" }] }
    })
}

/// The reference's `banks` (§4.3).
fn bank_list() -> Value {
    json!({ "banks": [{
        "id": "", "short_name": "", "full_name": "", "logo": null, "website": null,
        "bank_routings": [{ "scheme": "", "address": "" }], "attributes": []
    }] })
}

/// The reference's CustomerAndUsers: a Customer310 and its users.
fn customer_and_users() -> Value {
    let customer = json!({
        "bank_id": "", "customer_id": "", "customer_number": "", "legal_name": "",
        "mobile_phone_number": "", "email": "", "face_image": { "url": "", "date": "" },
        "date_of_birth": "", "relationship_status": "", "dependants": 0, "dob_of_dependants": [],
        "credit_rating": { "rating": "", "source": "" },
        "credit_limit": { "currency": "", "amount": "" },
        "highest_education_attained": "", "employment_status": "", "kyc_status": true,
        "last_ok_date": "", "title": "", "branch_id": "", "name_suffix": ""
    });
    json!({ "customer": customer, "users": [{
        "user_id": "", "email": "", "provider_id": "", "provider": "", "username": "",
        "user_attributes": []
    }] })
}

/// The reference's Get Correlated Entities for the current User.
fn correlated_entities() -> Value {
    json!({ "correlated_entities": [customer_and_users()] })
}

/// Every call, in order.
pub const ENDPOINTS: &[Endpoint] = &[
    // The session.
    endpoint!("auth::login", 201, Reference(token), |env| {
        let token = auth::login(&env.obp, &env.credentials).await?;
        env.token.set(Some(token));
    }),
    endpoint!("users::current", 200, Reference(current_user), |env| {
        let user = users::current(&env.obp).await?;
        env.keep("user", user.user_id);
    }),
    endpoint!("banks::list", 200, Reference(bank_list), |env| {
        banks::list(&env.obp).await?;
    }),
    // Customers: lists, reads, the created customer's changes.
    endpoint!(
        "customers::list",
        200,
        Obp("get-customers-at-bank"),
        |env| {
            customers::list(&env.obp, BANK, PAGE).await?;
        }
    ),
    endpoint!(
        "customers::list_minimal",
        200,
        Obp("get-customers-minimal-at-bank"),
        |env| {
            customers::list_minimal(&env.obp, BANK, PAGE).await?;
        }
    ),
    endpoint!(
        "customers::list_at_any_bank",
        200,
        Obp("get-customers-at-any-bank"),
        |env| {
            customers::list_at_any_bank(&env.obp, PAGE).await?;
        }
    ),
    endpoint!(
        "customers::list_minimal_at_any_bank",
        200,
        Obp("get-customers-minimal-at-any-bank"),
        |env| {
            customers::list_minimal_at_any_bank(&env.obp, PAGE).await?;
        }
    ),
    endpoint!(
        "customers::get_by_number",
        200,
        Obp("get-customer-by-customer-number"),
        |env| {
            let seeded = customers::get_by_number(&env.obp, BANK, SEEDED_NUMBER).await?;
            env.keep("seeded", seeded.customer_id);
        }
    ),
    endpoint!(
        "customers::get",
        200,
        Obp("get-customer-by-customer-id"),
        |env| {
            customers::get(&env.obp, BANK, &env.id("seeded")).await?;
        }
    ),
    endpoint!(
        "customers::locate",
        200,
        Obp("get-customer-by-customer-id"),
        |env| {
            let others = ["obp.bank.de".to_owned()];
            customers::locate(&env.obp, BANK, &others, &env.id("seeded")).await?;
        }
    ),
    endpoint!(
        "customers::search_by_phone",
        201,
        ObpFixed("get-customers-by-mobile-phone-number", listed),
        |env| {
            customers::search_by_phone(&env.obp, BANK, SEEDED_PHONE).await?;
        }
    ),
    endpoint!("customers::create", 201, Obp("create-customer"), |env| {
        let created = customers::create(&env.obp, BANK, &new_customer()).await?;
        env.keep("customer", created.customer_id);
    }),
    endpoint!(
        "customers::update (email)",
        200,
        Obp("update-the-email-of-a-customer"),
        |env| {
            let update = CustomerUpdate::Email {
                email: "contract.new@example.com".into(),
            };
            customers::update(&env.obp, BANK, &env.id("customer"), &update).await?;
        }
    ),
    endpoint!(
        "customers::update (mobile number)",
        200,
        Obp("update-the-mobile-number-of-a-customer"),
        |env| {
            let update = CustomerUpdate::MobileNumber {
                mobile_phone_number: "+447700999002".into(),
            };
            customers::update(&env.obp, BANK, &env.id("customer"), &update).await?;
        }
    ),
    endpoint!(
        "customers::update (number)",
        200,
        Obp("update-the-number-of-a-customer"),
        |env| {
            let update = CustomerUpdate::Number {
                customer_number: RENUMBERED.into(),
            };
            customers::update(&env.obp, BANK, &env.id("customer"), &update).await?;
        }
    ),
    endpoint!(
        "customers::update (identity)",
        200,
        Obp("update-the-identity-data-of-a-customer"),
        |env| {
            let update = CustomerUpdate::Identity {
                legal_name: "Contract Test".into(),
                date_of_birth: "1987-06-05T00:00:00Z".into(),
                title: "Dr".into(),
                name_suffix: "".into(),
            };
            customers::update(&env.obp, BANK, &env.id("customer"), &update).await?;
        }
    ),
    endpoint!(
        "customers::update (credit limit)",
        200,
        Obp("update-the-credit-limit-of-a-customer"),
        |env| {
            let update = CustomerUpdate::CreditLimit {
                credit_limit: CreditLimit {
                    currency: "GBP".into(),
                    amount: "5000".into(),
                },
            };
            customers::update(&env.obp, BANK, &env.id("customer"), &update).await?;
        }
    ),
    endpoint!(
        "customers::update (credit rating)",
        200,
        Obp("update-the-credit-rating-and-source-of-a-customer"),
        |env| {
            let update = CustomerUpdate::CreditRating {
                credit_rating: "B".into(),
                credit_source: "Equifax".into(),
            };
            customers::update(&env.obp, BANK, &env.id("customer"), &update).await?;
        }
    ),
    endpoint!(
        "customers::update (branch)",
        200,
        Obp("update-the-branch-of-a-customer"),
        |env| {
            let update = CustomerUpdate::Branch {
                branch_id: "LDN-01".into(),
            };
            customers::update(&env.obp, BANK, &env.id("customer"), &update).await?;
        }
    ),
    endpoint!(
        "customers::update (other data)",
        200,
        Obp("update-the-other-data-of-a-customer"),
        |env| {
            let update = CustomerUpdate::Data {
                face_image: FaceImage {
                    url: "https://example.com/face.png".into(),
                    date: DATE.into(),
                },
                relationship_status: "married".into(),
                dependants: 0,
                highest_education_attained: "Master".into(),
                employment_status: "employed".into(),
            };
            customers::update(&env.obp, BANK, &env.id("customer"), &update).await?;
        }
    ),
    endpoint!(
        "firehose::customers",
        200,
        ObpFixed("get-firehose-customers", customer300),
        |env| {
            let query = FirehoseQuery {
                page: PAGE,
                from_date: None,
                to_date: None,
            };
            firehose::customers(&env.obp, BANK, &query).await?;
        }
    ),
    // The staff user's own customers, once a link makes the new one theirs.
    endpoint!(
        "user_links::create",
        201,
        Obp("create-user-customer-link"),
        |env| {
            let body = NewUserLink {
                user_id: env.id("user"),
                customer_id: env.id("customer"),
            };
            let link = user_links::create(&env.obp, BANK, &body).await?;
            env.keep("user link", link.user_customer_link_id);
        }
    ),
    endpoint!(
        "user_links::by_customer",
        200,
        Obp("get-user-customer-links-by-customer"),
        |env| {
            user_links::by_customer(&env.obp, BANK, &env.id("customer")).await?;
        }
    ),
    endpoint!(
        "user_links::by_user",
        200,
        Obp("get-user-customer-links-by-user"),
        |env| {
            user_links::by_user(&env.obp, BANK, &env.id("user")).await?;
        }
    ),
    endpoint!(
        "user_links::correlated_users",
        200,
        Reference(customer_and_users),
        |env| {
            user_links::correlated_users(&env.obp, BANK, &env.id("customer")).await?;
        }
    ),
    endpoint!(
        "user_links::my_correlated_entities",
        200,
        Reference(correlated_entities),
        |env| {
            user_links::my_correlated_entities(&env.obp).await?;
        }
    ),
    endpoint!(
        "my_customers::mine",
        200,
        ObpFixed("get-my-customers", listed),
        |env| {
            my_customers::mine(&env.obp).await?;
        }
    ),
    endpoint!(
        "my_customers::mine_at_bank",
        200,
        Obp("get-my-customers-at-bank"),
        |env| {
            my_customers::mine_at_bank(&env.obp, BANK).await?;
        }
    ),
    endpoint!(
        "my_customers::for_current_user",
        200,
        Obp("get-customers-for-current-user"),
        |env| {
            my_customers::for_current_user(&env.obp).await?;
        }
    ),
    endpoint!(
        "my_customers::ids_for_current_user",
        200,
        ObpFixed("get-customers-for-current-user-ids-only", ids_only),
        |env| {
            my_customers::ids_for_current_user(&env.obp).await?;
        }
    ),
    // Customer 360 of the new customer.
    endpoint!("addresses::create", 201, Obp("create-address"), |env| {
        let made = addresses::create(&env.obp, BANK, &env.id("customer"), &address()).await?;
        env.keep("address", made.customer_address_id);
    }),
    endpoint!(
        "addresses::list",
        200,
        Obp("get-customer-addresses"),
        |env| {
            addresses::list(&env.obp, BANK, &env.id("customer")).await?;
        }
    ),
    endpoint!(
        "addresses::update",
        200,
        Obp("update-the-address-of-a-customer"),
        |env| {
            let (customer, id) = (env.id("customer"), env.id("address"));
            addresses::update(&env.obp, BANK, &customer, &id, &address()).await?;
        }
    ),
    endpoint!("addresses::delete", 200, TRUE, |env| {
        let (customer, id) = (env.id("customer"), env.id("address"));
        addresses::delete(&env.obp, BANK, &customer, &id).await?;
    }),
    endpoint!(
        "tax_residences::create",
        201,
        Obp("create-tax-residence"),
        |env| {
            let body = NewTaxResidence {
                domain: "DE".into(),
                tax_number: "123456".into(),
            };
            let made = tax_residences::create(&env.obp, BANK, &env.id("customer"), &body).await?;
            env.keep("tax residence", made.tax_residence_id);
        }
    ),
    endpoint!(
        "tax_residences::list",
        200,
        Obp("get-tax-residences-of-customer"),
        |env| {
            tax_residences::list(&env.obp, BANK, &env.id("customer")).await?;
        }
    ),
    endpoint!("tax_residences::delete", 200, TRUE, |env| {
        let (customer, id) = (env.id("customer"), env.id("tax residence"));
        tax_residences::delete(&env.obp, BANK, &customer, &id).await?;
    }),
    endpoint!(
        "social_media::create",
        201,
        Obp("create-customer-social-media-handle"),
        |env| {
            let body = NewSocialMediaHandle {
                customer_number: RENUMBERED.into(),
                kind: "twitter".into(),
                handle: "@contract".into(),
                date_added: DATE.into(),
                date_activated: DATE.into(),
            };
            social_media::create(&env.obp, BANK, &env.id("customer"), &body).await?;
        }
    ),
    endpoint!(
        "social_media::list",
        200,
        Obp("get-customer-social-media-handles"),
        |env| {
            social_media::list(&env.obp, BANK, &env.id("customer")).await?;
        }
    ),
    endpoint!(
        "attributes::save_definition",
        201,
        Obp("create-or-update-customer-attribute-definition"),
        |env| {
            let body = DefinitionBody {
                name: "CONTRACT_NOTE".into(),
                category: "Customer".into(),
                kind: "STRING".into(),
                description: "a note".into(),
                alias: "".into(),
                can_be_seen_on_views: vec!["owner".into()],
                is_active: true,
            };
            let made = attributes::save_definition(&env.obp, BANK, &body).await?;
            env.keep("definition", made.attribute_definition_id);
        }
    ),
    endpoint!(
        "attributes::definitions",
        200,
        Obp("get-customer-attribute-definition"),
        |env| {
            attributes::definitions(&env.obp, BANK).await?;
        }
    ),
    endpoint!(
        "attributes::create",
        201,
        Obp("create-customer-attribute"),
        |env| {
            let customer = env.id("customer");
            let made = attributes::create(&env.obp, BANK, &customer, &attribute("one")).await?;
            env.keep("attribute", made.customer_attribute_id);
        }
    ),
    endpoint!(
        "attributes::list",
        200,
        Obp("get-customer-attributes"),
        |env| {
            attributes::list(&env.obp, BANK, &env.id("customer")).await?;
        }
    ),
    endpoint!(
        "attributes::get",
        200,
        Obp("get-customer-attribute-by-id"),
        |env| {
            let (customer, id) = (env.id("customer"), env.id("attribute"));
            attributes::get(&env.obp, BANK, &customer, &id).await?;
        }
    ),
    endpoint!(
        "attributes::update",
        200,
        Obp("update-customer-attribute"),
        |env| {
            let (customer, id) = (env.id("customer"), env.id("attribute"));
            attributes::update(&env.obp, BANK, &customer, &id, &attribute("two")).await?;
        }
    ),
    // With an attribute, so the example's `customer_attributes` has keys to compare.
    endpoint!(
        "customers::find_created",
        200,
        Obp("get-customer-by-customer-number"),
        |env| {
            let renumbered = NewCustomer {
                customer_number: Some(RENUMBERED.into()),
                ..new_customer()
            };
            let found = customers::find_created(&env.obp, BANK, &renumbered).await?;
            assert_eq!(found.map(|c| c.customer_id), Some(env.id("customer")));
        }
    ),
    endpoint!("attributes::delete", 204, EMPTY, |env| {
        attributes::delete(&env.obp, BANK, &env.id("attribute")).await?;
    }),
    endpoint!("attributes::delete_definition", 200, TRUE, |env| {
        attributes::delete_definition(&env.obp, BANK, &env.id("definition")).await?;
    }),
    endpoint!(
        "account_links::by_customer",
        200,
        Obp("get-customer-account-links-by-customer-id"),
        |env| {
            let links = account_links::by_customer(&env.obp, BANK, &env.id("seeded")).await?;
            let link = links.first().expect("the seeded customer has accounts");
            env.keep("account", link.account_id.clone());
        }
    ),
    endpoint!(
        "account_links::create",
        201,
        Obp("create-customer-account-link"),
        |env| {
            let body = NewAccountLink {
                customer_id: env.id("customer"),
                bank_id: BANK.into(),
                account_id: env.id("account"),
                relationship_type: "Owner".into(),
            };
            let link = account_links::create(&env.obp, BANK, &body).await?;
            env.keep("account link", link.customer_account_link_id);
        }
    ),
    endpoint!(
        "account_links::by_account",
        200,
        Obp("get-customer-account-links-by-account-id"),
        |env| {
            account_links::by_account(&env.obp, BANK, &env.id("account")).await?;
        }
    ),
    endpoint!(
        "account_links::get",
        200,
        Obp("get-customer-account-link-by-id"),
        |env| {
            account_links::get(&env.obp, BANK, &env.id("account link")).await?;
        }
    ),
    endpoint!(
        "account_links::update_relationship",
        200,
        Obp("update-customer-account-link-by-id"),
        |env| {
            let id = env.id("account link");
            account_links::update_relationship(&env.obp, BANK, &id, "Joint").await?;
        }
    ),
    endpoint!("account_links::delete", 204, EMPTY, |env| {
        account_links::delete(&env.obp, BANK, &env.id("account link")).await?;
    }),
    // KYC of the new customer.
    endpoint!("kyc::add_document", 201, Obp("add-kyc-document"), |env| {
        let body = NewKycDocument {
            customer_number: RENUMBERED.into(),
            kind: "passport".into(),
            number: "P123456".into(),
            issue_date: "2020-01-01T00:00:00Z".into(),
            issue_place: "London".into(),
            expiry_date: "2030-01-01T00:00:00Z".into(),
        };
        let customer = env.id("customer");
        let id = kyc::new_id();
        kyc::add_document(&env.obp, BANK, &customer, &id, &body).await?;
        env.keep("kyc document", id);
    }),
    endpoint!("kyc::add_check", 201, Obp("add-kyc-check"), |env| {
        let body = NewKycCheck {
            customer_number: RENUMBERED.into(),
            date: DATE.into(),
            how: "video call".into(),
            staff_user_id: env.id("user"),
            staff_name: "Staff".into(),
            satisfied: true,
            comments: "all fine".into(),
        };
        let customer = env.id("customer");
        let id = kyc::new_id();
        kyc::add_check(&env.obp, BANK, &customer, &id, &body).await?;
        env.keep("kyc check", id);
    }),
    endpoint!("kyc::add_media", 201, Obp("add-kyc-media"), |env| {
        let body = NewKycMedia {
            customer_number: RENUMBERED.into(),
            kind: "image".into(),
            url: "https://example.com/passport.png".into(),
            date: DATE.into(),
            relates_to_kyc_document_id: env.id("kyc document"),
            relates_to_kyc_check_id: env.id("kyc check"),
        };
        let customer = env.id("customer");
        kyc::add_media(&env.obp, BANK, &customer, &kyc::new_id(), &body).await?;
    }),
    endpoint!("kyc::add_status", 201, Obp("add-kyc-status"), |env| {
        let body = NewKycStatus {
            customer_number: RENUMBERED.into(),
            ok: true,
            date: DATE.into(),
        };
        kyc::add_status(&env.obp, BANK, &env.id("customer"), &body).await?;
    }),
    endpoint!(
        "kyc::documents",
        200,
        Obp("get-customer-kyc-documents"),
        |env| {
            kyc::documents(&env.obp, &env.id("customer")).await?;
        }
    ),
    endpoint!("kyc::checks", 200, Obp("get-customer-kyc-checks"), |env| {
        kyc::checks(&env.obp, &env.id("customer")).await?;
    }),
    endpoint!(
        "kyc::media",
        200,
        Obp("get-kyc-media-for-a-customer"),
        |env| {
            kyc::media(&env.obp, &env.id("customer")).await?;
        }
    ),
    endpoint!(
        "kyc::statuses",
        200,
        Obp("get-customer-kyc-statuses"),
        |env| {
            kyc::statuses(&env.obp, &env.id("customer")).await?;
        }
    ),
    // Meetings, messages, the overview and CRM events.
    endpoint!(
        "meetings::create",
        201,
        Obp("create-meeting-video-conference-call"),
        |env| {
            let body = NewMeeting {
                provider_id: "jitsi".into(),
                purpose_id: "onboarding".into(),
                date: "2025-03-01T09:30:00Z".into(),
                creator: contact(),
                invitees: vec![Invitee {
                    contact_details: contact(),
                    status: "invited".into(),
                }],
            };
            let made = meetings::create(&env.obp, BANK, &body).await?;
            env.keep("meeting", made.meeting_id);
        }
    ),
    endpoint!("meetings::list", 200, Obp("get-meetings"), |env| {
        meetings::list(&env.obp, BANK).await?;
    }),
    endpoint!("meetings::get", 200, Obp("get-meeting"), |env| {
        meetings::get(&env.obp, BANK, &env.id("meeting")).await?;
    }),
    endpoint!(
        "messages::send",
        201,
        Obp("create-customer-message"),
        |env| {
            let body = NewMessage {
                message: "Hello".into(),
                transport: "EMAIL".into(),
                from_department: "Support".into(),
                from_person: "Staff".into(),
            };
            messages::send(&env.obp, BANK, &env.id("customer"), &body).await?;
        }
    ),
    endpoint!(
        "messages::list",
        200,
        Obp("get-customer-messages-for-a-customer"),
        |env| {
            messages::list(&env.obp, BANK, &env.id("customer")).await?;
        }
    ),
    endpoint!(
        "overview::overview",
        200,
        Obp("get-customer-overview"),
        |env| {
            overview::overview(&env.obp, BANK, SEEDED_NUMBER).await?;
        }
    ),
    endpoint!(
        "overview::overview_flat",
        200,
        Obp("get-customer-overview-flat"),
        |env| {
            overview::overview_flat(&env.obp, BANK, SEEDED_NUMBER).await?;
        }
    ),
    endpoint!("crm_events::list", 200, Obp("get-crm-events"), |env| {
        crm_events::list(&env.obp, BANK).await?;
    }),
    // The end of the new customer and its link.
    endpoint!("user_links::delete", 200, TRUE, |env| {
        user_links::delete(&env.obp, BANK, &env.id("user link")).await?;
    }),
    endpoint!("customers::delete_cascade", 200, TRUE, |env| {
        customers::delete_cascade(&env.obp, BANK, &env.id("customer")).await?;
    }),
    // The Enterprise API.
    endpoint!(
        "enterprise::list",
        200,
        Enterprise("customers-page"),
        |env| {
            enterprise::list(&env.enterprise, PROFILE, 0, 20).await?;
        }
    ),
    endpoint!(
        "enterprise::check_token",
        200,
        Enterprise("customers-page"),
        |env| {
            let token = ::sandbox::enterprise::DEMO_TOKEN;
            enterprise::check_token(&env.enterprise, PROFILE, token).await?;
        }
    ),
    endpoint!("enterprise::create", 200, Enterprise("customer"), |env| {
        let body = enterprise_customer("Contract BV");
        let made = enterprise::create(&env.enterprise, PROFILE, &body).await?;
        env.keep("enterprise customer", made.id);
    }),
    endpoint!(
        "enterprise::find_created",
        200,
        Enterprise("customers-page"),
        |env| {
            let body = enterprise_customer("Contract BV");
            let found = enterprise::find_created(&env.enterprise, PROFILE, &body).await?;
            assert_eq!(found.map(|c| c.id), Some(env.id("enterprise customer")));
        }
    ),
    endpoint!("enterprise::get", 200, Enterprise("customer"), |env| {
        enterprise::get(&env.enterprise, PROFILE, &env.id("enterprise customer")).await?;
    }),
    endpoint!("enterprise::update", 200, Enterprise("customer"), |env| {
        let body = enterprise_customer("Contract Holding BV");
        let id = env.id("enterprise customer");
        enterprise::update(&env.enterprise, PROFILE, &id, &body).await?;
    }),
    endpoint!("enterprise::delete", 200, Enterprise("customer"), |env| {
        enterprise::delete(&env.enterprise, PROFILE, &env.id("enterprise customer")).await?;
    }),
];
