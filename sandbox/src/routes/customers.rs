//! Customers: create, read, list, search, the "Update the … of a Customer" PUTs, and cascade delete.
//!
//! Check order and messages follow the OBP implementation each endpoint runs in v5.1.0: v3.1.0
//! endpoints check login, bank, role (`CanX at Bank(ID)`), body, customer; v4.0.0/v5.0.0 endpoints
//! check login, bank (only where OBP's doc lists BankNotFound), roles (`CanX or CanY for BankId(ID).`),
//! then the body.

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{delete, get, post, put};
use axum::Router;
use serde::{Deserialize, Serialize};

use crate::dates::Timestamp;
use crate::db::{Customer, CustomerAttribute, CustomerPatch, User};
use crate::http::json;
use crate::obp_error::{msg, ObpError};
use crate::roles::{self, Role};
use crate::routes::query::paging;
use crate::routes::{banks, check_obp_ids, parse_body, require_customer};
use crate::state::AppState;

/// The customer routes, relative to `/obp/v5.1.0`.
pub fn routes() -> Router<AppState> {
    let mut router = Router::new()
        .route("/banks/{bank_id}/customers", post(create).get(list_at_bank))
        .route(
            "/banks/{bank_id}/customers-minimal",
            get(list_minimal_at_bank),
        )
        .route(
            "/banks/{bank_id}/customers/customer-number",
            post(get_by_number),
        )
        .route("/banks/{bank_id}/customers/{customer_id}", get(get_by_id))
        .route(
            "/banks/{bank_id}/search/customers/mobile-phone-number",
            post(search_by_phone),
        )
        .route("/customers", get(list_at_any_bank))
        .route("/customers-minimal", get(list_minimal_at_any_bank))
        .route(
            "/management/cascading/banks/{bank_id}/customers/{customer_id}",
            delete(delete_cascade),
        );
    for aspect in Aspect::ALL {
        let path = format!(
            "/banks/{{bank_id}}/customers/{{customer_id}}/{}",
            aspect.segment()
        );
        router = router.route(
            &path,
            put(
                move |state: State<AppState>,
                      user: User,
                      ids: Path<(String, String)>,
                      body: Bytes| { update(aspect, state, user, ids, body) },
            ),
        );
    }
    router
}

// ---------------------------------------------------------------------------------------------
// Response shapes

#[derive(Serialize)]
struct FaceImageJson<'a> {
    url: &'a str,
    date: Option<Timestamp>,
}

#[derive(Serialize)]
struct CreditRatingJson<'a> {
    rating: &'a str,
    source: &'a str,
}

#[derive(Serialize)]
struct AmountJson<'a> {
    currency: &'a str,
    amount: &'a str,
}

/// The customer JSON of OBP's v2.1.0 and v3.x factories. `D` and `L` are the date-of-birth and
/// dependants' dates: date-times in Customer310, `yyyy-MM-dd` strings in Customer300. Customer210
/// leaves out the last three fields.
#[derive(Serialize)]
pub(crate) struct CustomerJson<'a, D, L> {
    bank_id: &'a str,
    customer_id: &'a str,
    customer_number: &'a str,
    legal_name: &'a str,
    mobile_phone_number: &'a str,
    email: &'a str,
    face_image: FaceImageJson<'a>,
    date_of_birth: D,
    relationship_status: &'a str,
    dependants: i64,
    dob_of_dependants: L,
    credit_rating: CreditRatingJson<'a>,
    credit_limit: AmountJson<'a>,
    highest_education_attained: &'a str,
    employment_status: &'a str,
    kyc_status: bool,
    last_ok_date: Option<Timestamp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    branch_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name_suffix: Option<&'a str>,
}

/// The Customer310 (or Customer210) JSON of a customer.
pub(crate) type Customer310<'a> = CustomerJson<'a, Option<Timestamp>, &'a [Timestamp]>;
/// The Customer300 JSON of a customer (dates of birth as `yyyy-MM-dd`).
pub(crate) type Customer300<'a> = CustomerJson<'a, String, Vec<String>>;

fn customer_json<D, L>(
    c: &Customer,
    date_of_birth: D,
    dob_of_dependants: L,
) -> CustomerJson<'_, D, L> {
    CustomerJson {
        bank_id: &c.bank_id,
        customer_id: &c.customer_id,
        customer_number: &c.customer_number,
        legal_name: &c.legal_name,
        mobile_phone_number: &c.mobile_phone_number,
        email: &c.email,
        face_image: FaceImageJson {
            url: &c.face_image_url,
            date: c.face_image_date,
        },
        date_of_birth,
        relationship_status: &c.relationship_status,
        dependants: c.dependants,
        dob_of_dependants,
        credit_rating: CreditRatingJson {
            rating: &c.credit_rating,
            source: &c.credit_source,
        },
        credit_limit: AmountJson {
            currency: &c.credit_limit_currency,
            amount: &c.credit_limit_amount,
        },
        highest_education_attained: &c.highest_education_attained,
        employment_status: &c.employment_status,
        kyc_status: c.kyc_status,
        last_ok_date: c.last_ok_date,
        title: Some(&c.title),
        branch_id: Some(&c.branch_id),
        name_suffix: Some(&c.name_suffix),
    }
}

/// A customer as Customer310.
pub(crate) fn customer_310(c: &Customer) -> Customer310<'_> {
    customer_json(c, c.date_of_birth, &c.dob_of_dependants)
}

/// A customer as Customer210: Customer310 without title, branch and name suffix.
pub(crate) fn customer_210(c: &Customer) -> Customer310<'_> {
    CustomerJson {
        title: None,
        branch_id: None,
        name_suffix: None,
        ..customer_310(c)
    }
}

/// A customer as Customer300.
pub(crate) fn customer_300(c: &Customer) -> Customer300<'_> {
    let date_of_birth = c
        .date_of_birth
        .map(Timestamp::date_only)
        .unwrap_or_default();
    customer_json(
        c,
        date_of_birth,
        c.dob_of_dependants.iter().map(|d| d.date_only()).collect(),
    )
}

#[derive(Serialize)]
struct CustomerMinimalJson<'a> {
    bank_id: &'a str,
    customer_id: &'a str,
}

fn customer_minimal(c: &Customer) -> CustomerMinimalJson<'_> {
    CustomerMinimalJson {
        bank_id: &c.bank_id,
        customer_id: &c.customer_id,
    }
}

/// A customer's JSON `C` (Customer310 or Customer300) plus its `customer_attributes`.
#[derive(Serialize)]
pub(crate) struct WithAttributesJson<'a, C> {
    #[serde(flatten)]
    customer: C,
    customer_attributes: &'a [CustomerAttribute],
}

/// A customer's JSON plus its attributes (Customer310+attrs, Customer300+attrs).
pub(crate) fn with_attributes<C>(
    customer: C,
    attributes: &[CustomerAttribute],
) -> WithAttributesJson<'_, C> {
    WithAttributesJson {
        customer,
        customer_attributes: attributes,
    }
}

#[derive(Serialize)]
struct CustomersJson<T> {
    customers: Vec<T>,
}

/// The `{"customers": […]}` answer of every customer list, each customer in the endpoint's shape.
pub(crate) fn customers_reply<T: Serialize>(
    status: StatusCode,
    customers: impl IntoIterator<Item = T>,
) -> Response {
    json(
        status,
        &CustomersJson {
            customers: customers.into_iter().collect(),
        },
    )
}

// ---------------------------------------------------------------------------------------------
// Request bodies

#[derive(Deserialize)]
struct FaceImageBody {
    url: String,
    date: Timestamp,
}

#[derive(Deserialize)]
struct CreditRatingBody {
    rating: String,
    source: String,
}

#[derive(Deserialize)]
struct AmountBody {
    currency: String,
    amount: String,
}

/// PostCustomerJsonV500: only `legal_name` and `mobile_phone_number` are required.
#[derive(Deserialize)]
struct PostCustomer {
    legal_name: String,
    mobile_phone_number: String,
    customer_number: Option<String>,
    email: Option<String>,
    face_image: Option<FaceImageBody>,
    date_of_birth: Option<Timestamp>,
    relationship_status: Option<String>,
    dependants: Option<i32>,
    dob_of_dependants: Option<Vec<Timestamp>>,
    credit_rating: Option<CreditRatingBody>,
    credit_limit: Option<AmountBody>,
    highest_education_attained: Option<String>,
    employment_status: Option<String>,
    kyc_status: Option<bool>,
    last_ok_date: Option<Timestamp>,
    title: Option<String>,
    branch_id: Option<String>,
    name_suffix: Option<String>,
}

#[derive(Deserialize)]
struct CustomerNumberBody {
    customer_number: String,
}

#[derive(Deserialize)]
struct PhoneNumberBody {
    mobile_phone_number: String,
}

// ---------------------------------------------------------------------------------------------
// Handlers

/// `POST /banks/BANK_ID/customers` (v5.0.0): 201 Customer310.
async fn create(
    State(state): State<AppState>,
    user: User,
    Path(bank_id): Path<String>,
    body: Bytes,
) -> Result<Response, ObpError> {
    check_obp_ids(&body)?;
    let store = state.store();
    banks::require(&store, &bank_id)?;
    user.require_any(
        &[
            roles::CAN_CREATE_CUSTOMER,
            roles::CAN_CREATE_CUSTOMER_AT_ANY_BANK,
        ],
        &bank_id,
    )?;
    // OBP v5.0.0 names the v3.1.0 case class in this message.
    let posted: PostCustomer = parse_body(&body, "PostCustomerJsonV310")?;
    let dependants = posted.dependants.unwrap_or(0);
    let dob_of_dependants = posted.dob_of_dependants.unwrap_or_default();
    if usize::try_from(dependants).ok() != Some(dob_of_dependants.len()) {
        return Err(ObpError::bad_request(format!(
            "{} The field dependants({dependants}) not equal the length({}) of dob_of_dependants array",
            msg::INVALID_JSON_CONTENT,
            dob_of_dependants.len()
        )));
    }
    let customer_number = match posted.customer_number {
        Some(number) => number,
        None => loop {
            // OBP: Random.nextInt(Integer.MAX_VALUE).toString
            let candidate = state.random_below(0x7fff_ffff).to_string();
            if !store.customer_number_taken(&bank_id, &candidate)? {
                break candidate;
            }
        },
    };
    if customer_number.contains("::::") {
        return Err(ObpError::bad_request(format!(
            "{} customer_number can not contain `::::` characters",
            msg::INVALID_JSON_FORMAT
        )));
    }
    if store.customer_number_taken(&bank_id, &customer_number)? {
        return Err(ObpError::bad_request(msg::CUSTOMER_NUMBER_ALREADY_EXISTS));
    }
    let face_image = posted.face_image;
    let credit_rating = posted.credit_rating;
    let credit_limit = posted.credit_limit;
    let customer = Customer {
        customer_id: uuid::Uuid::new_v4().to_string(),
        bank_id,
        customer_number,
        legal_name: posted.legal_name,
        mobile_phone_number: posted.mobile_phone_number,
        email: posted.email.unwrap_or_default(),
        face_image_date: face_image.as_ref().map(|image| image.date),
        face_image_url: face_image.map(|image| image.url).unwrap_or_default(),
        date_of_birth: posted.date_of_birth,
        relationship_status: posted.relationship_status.unwrap_or_default(),
        dependants: i64::from(dependants),
        dob_of_dependants,
        credit_source: credit_rating
            .as_ref()
            .map(|rating| rating.source.clone())
            .unwrap_or_default(),
        credit_rating: credit_rating
            .map(|rating| rating.rating)
            .unwrap_or_default(),
        credit_limit_currency: credit_limit
            .as_ref()
            .map(|limit| limit.currency.clone())
            .unwrap_or_default(),
        credit_limit_amount: credit_limit.map(|limit| limit.amount).unwrap_or_default(),
        highest_education_attained: posted.highest_education_attained.unwrap_or_default(),
        employment_status: posted.employment_status.unwrap_or_default(),
        kyc_status: posted.kyc_status.unwrap_or(false),
        last_ok_date: posted.last_ok_date,
        title: posted.title.unwrap_or_default(),
        branch_id: posted.branch_id.unwrap_or_default(),
        name_suffix: posted.name_suffix.unwrap_or_default(),
    };
    store.insert_customer(&customer, Timestamp::now())?;
    Ok(json(StatusCode::CREATED, &customer_310(&customer)))
}

/// `GET /banks/BANK_ID/customers/CUSTOMER_ID` (v3.1.0): 200 Customer310+attrs; the customer may
/// belong to another bank (OBP does not check).
async fn get_by_id(
    State(state): State<AppState>,
    user: User,
    Path((bank_id, customer_id)): Path<(String, String)>,
) -> Result<Response, ObpError> {
    let store = state.store();
    banks::require(&store, &bank_id)?;
    user.require_at_bank(roles::CAN_GET_CUSTOMER, &bank_id)?;
    let customer = require_customer(&store, &customer_id)?;
    let attributes = store.customer_attributes(&bank_id, &customer.customer_id)?;
    Ok(json(
        StatusCode::OK,
        &with_attributes(customer_310(&customer), &attributes),
    ))
}

/// `POST /banks/BANK_ID/customers/customer-number` (v3.1.0): 200 Customer310+attrs.
async fn get_by_number(
    State(state): State<AppState>,
    user: User,
    Path(bank_id): Path<String>,
    body: Bytes,
) -> Result<Response, ObpError> {
    let store = state.store();
    banks::require(&store, &bank_id)?;
    user.require_at_bank(roles::CAN_GET_CUSTOMER, &bank_id)?;
    let posted: CustomerNumberBody = parse_body(&body, "PostCustomerNumberJsonV310")?;
    let customer = store
        .customer_by_number(&bank_id, &posted.customer_number)?
        .ok_or_else(ObpError::customer_not_found_by_number)?;
    let attributes = store.customer_attributes(&bank_id, &customer.customer_id)?;
    Ok(json(
        StatusCode::OK,
        &with_attributes(customer_310(&customer), &attributes),
    ))
}

/// `GET /banks/BANK_ID/customers` (v5.0.0): 200 `{"customers": [Customer300]}`.
async fn list_at_bank(
    State(state): State<AppState>,
    user: User,
    Path(bank_id): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Response, ObpError> {
    user.require_any(&[roles::CAN_GET_CUSTOMERS], &bank_id)?;
    listing(&state, Some(&bank_id), query.as_deref(), Shape::Full)
}

/// `GET /banks/BANK_ID/customers-minimal` (v5.0.0): 200 `{"customers": [{bank_id, customer_id}]}`.
async fn list_minimal_at_bank(
    State(state): State<AppState>,
    user: User,
    Path(bank_id): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Response, ObpError> {
    user.require_any(&[roles::CAN_GET_CUSTOMERS_MINIMAL], &bank_id)?;
    listing(&state, Some(&bank_id), query.as_deref(), Shape::Minimal)
}

/// `GET /customers` (v4.0.0): 200 `{"customers": [Customer300]}` from every bank.
async fn list_at_any_bank(
    State(state): State<AppState>,
    user: User,
    RawQuery(query): RawQuery,
) -> Result<Response, ObpError> {
    user.require_any(&[roles::CAN_GET_CUSTOMERS_AT_ANY_BANK], "")?;
    listing(&state, None, query.as_deref(), Shape::Full)
}

/// `GET /customers-minimal` (v4.0.0): 200 `{"customers": [{bank_id, customer_id}]}` from every bank.
async fn list_minimal_at_any_bank(
    State(state): State<AppState>,
    user: User,
    RawQuery(query): RawQuery,
) -> Result<Response, ObpError> {
    user.require_any(&[roles::CAN_GET_CUSTOMERS_MINIMAL_AT_ANY_BANK], "")?;
    listing(&state, None, query.as_deref(), Shape::Minimal)
}

/// What a list endpoint returns for each customer.
#[derive(Debug, Clone, Copy)]
enum Shape {
    /// Customer300.
    Full,
    /// `{bank_id, customer_id}`.
    Minimal,
}

/// One page of customers as OBP lists them: sorted by `last_ok_date`, paged, then stably by bank.
fn listing(
    state: &AppState,
    bank_id: Option<&str>,
    query: Option<&str>,
    shape: Shape,
) -> Result<Response, ObpError> {
    let page = paging(query)?;
    let mut customers = state.store().customers(bank_id, page)?;
    customers.sort_by(|a, b| a.bank_id.cmp(&b.bank_id));
    let response = match shape {
        Shape::Full => customers_reply(StatusCode::OK, customers.iter().map(customer_300)),
        Shape::Minimal => customers_reply(StatusCode::OK, customers.iter().map(customer_minimal)),
    };
    Ok(response)
}

/// `POST /banks/BANK_ID/search/customers/mobile-phone-number` (v4.0.0): 201 `{"customers": [Customer300]}`.
/// The number is an SQL `LIKE` pattern; login is the only requirement.
async fn search_by_phone(
    State(state): State<AppState>,
    _user: User,
    Path(bank_id): Path<String>,
    body: Bytes,
) -> Result<Response, ObpError> {
    let posted: PhoneNumberBody = parse_body(&body, "PostCustomerPhoneNumberJsonV400")?;
    let customers = state
        .store()
        .customers_by_phone(&bank_id, &posted.mobile_phone_number)?;
    Ok(customers_reply(
        StatusCode::CREATED,
        customers.iter().map(customer_300),
    ))
}

/// `DELETE /management/cascading/banks/BANK_ID/customers/CUSTOMER_ID` (v4.0.0): 200 `true`.
async fn delete_cascade(
    State(state): State<AppState>,
    user: User,
    Path((bank_id, customer_id)): Path<(String, String)>,
) -> Result<Response, ObpError> {
    let store = state.store();
    banks::require(&store, &bank_id)?;
    user.require_any(&[roles::CAN_DELETE_CUSTOMER_CASCADE], &bank_id)?;
    if !store.delete_customer(&customer_id)? {
        return Err(ObpError::customer_not_found_by_id(&customer_id));
    }
    Ok(json(StatusCode::OK, &true))
}

// ---------------------------------------------------------------------------------------------
// "Update the … of a Customer" (v3.1.0): one handler, one `Aspect` per URL

/// The field group one `PUT /banks/BANK_ID/customers/CUSTOMER_ID/<segment>` changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aspect {
    /// `/email`.
    Email,
    /// `/number`.
    Number,
    /// `/mobile-number`.
    MobileNumber,
    /// `/identity`: legal name, date of birth, title, name suffix.
    Identity,
    /// `/credit-limit`.
    CreditLimit,
    /// `/credit-rating-and-source`.
    CreditRatingAndSource,
    /// `/branch`.
    Branch,
    /// `/data`: face image, relationship status, dependants, education, employment.
    Data,
}

#[derive(Deserialize)]
struct EmailBody {
    email: String,
}

#[derive(Deserialize)]
struct MobileNumberBody {
    mobile_phone_number: String,
}

#[derive(Deserialize)]
struct IdentityBody {
    legal_name: String,
    date_of_birth: Timestamp,
    title: String,
    name_suffix: String,
}

#[derive(Deserialize)]
struct CreditLimitBody {
    credit_limit: AmountBody,
}

#[derive(Deserialize)]
struct CreditRatingAndSourceBody {
    credit_rating: String,
    credit_source: String,
}

#[derive(Deserialize)]
struct BranchBody {
    branch_id: String,
}

#[derive(Deserialize)]
struct DataBody {
    face_image: FaceImageBody,
    relationship_status: String,
    dependants: i32,
    highest_education_attained: String,
    employment_status: String,
}

impl Aspect {
    /// Every aspect, in the order of the reference.
    pub const ALL: [Aspect; 8] = [
        Aspect::Email,
        Aspect::Number,
        Aspect::MobileNumber,
        Aspect::Identity,
        Aspect::CreditLimit,
        Aspect::CreditRatingAndSource,
        Aspect::Branch,
        Aspect::Data,
    ];

    /// The last URL segment.
    pub fn segment(self) -> &'static str {
        match self {
            Aspect::Email => "email",
            Aspect::Number => "number",
            Aspect::MobileNumber => "mobile-number",
            Aspect::Identity => "identity",
            Aspect::CreditLimit => "credit-limit",
            Aspect::CreditRatingAndSource => "credit-rating-and-source",
            Aspect::Branch => "branch",
            Aspect::Data => "data",
        }
    }

    /// The OBP case class named in the 400 for a body that does not fit.
    fn case_class(self) -> &'static str {
        match self {
            Aspect::Email => "PutUpdateCustomerEmailJsonV310",
            Aspect::Number => "PutUpdateCustomerNumberJsonV310",
            Aspect::MobileNumber => "PutUpdateCustomerMobilePhoneNumberJsonV310",
            Aspect::Identity => "PutUpdateCustomerIdentityJsonV310",
            Aspect::CreditLimit => "PutUpdateCustomerCreditLimitJsonV310",
            Aspect::CreditRatingAndSource => "PutUpdateCustomerCreditRatingAndSourceJsonV310",
            Aspect::Branch => "PutUpdateCustomerBranchJsonV310",
            Aspect::Data => "PutUpdateCustomerDataJsonV310",
        }
    }

    /// The role OBP's code checks (not always the one its doc shows).
    fn check_role(self, user: &User, bank_id: &str) -> Result<(), ObpError> {
        let role: Role = match self {
            Aspect::CreditRatingAndSource => {
                return user.require_any(
                    &[
                        roles::CAN_UPDATE_CUSTOMER_CREDIT_RATING_AND_SOURCE,
                        roles::CAN_UPDATE_CUSTOMER_CREDIT_RATING_AND_SOURCE_AT_ANY_BANK,
                    ],
                    bank_id,
                )
            }
            Aspect::Email => roles::CAN_UPDATE_CUSTOMER_EMAIL,
            Aspect::Number => roles::CAN_UPDATE_CUSTOMER_NUMBER,
            Aspect::MobileNumber => roles::CAN_UPDATE_CUSTOMER_MOBILE_PHONE_NUMBER,
            Aspect::Identity => roles::CAN_UPDATE_CUSTOMER_IDENTITY,
            Aspect::CreditLimit => roles::CAN_UPDATE_CUSTOMER_CREDIT_LIMIT,
            Aspect::Branch => roles::CAN_UPDATE_CUSTOMER_BRANCH,
            Aspect::Data => roles::CAN_UPDATE_CUSTOMER_DATA,
        };
        user.require_at_bank(role, bank_id)
    }

    /// The body as the columns it changes.
    fn patch(self, body: &[u8]) -> Result<CustomerPatch, ObpError> {
        let case_class = self.case_class();
        let patch = match self {
            Aspect::Email => {
                let b: EmailBody = parse_body(body, case_class)?;
                CustomerPatch {
                    email: Some(b.email),
                    ..CustomerPatch::default()
                }
            }
            Aspect::Number => {
                let b: CustomerNumberBody = parse_body(body, case_class)?;
                CustomerPatch {
                    customer_number: Some(b.customer_number),
                    ..CustomerPatch::default()
                }
            }
            Aspect::MobileNumber => {
                let b: MobileNumberBody = parse_body(body, case_class)?;
                CustomerPatch {
                    mobile_phone_number: Some(b.mobile_phone_number),
                    ..CustomerPatch::default()
                }
            }
            Aspect::Identity => {
                let b: IdentityBody = parse_body(body, case_class)?;
                CustomerPatch {
                    legal_name: Some(b.legal_name),
                    date_of_birth: Some(b.date_of_birth),
                    title: Some(b.title),
                    name_suffix: Some(b.name_suffix),
                    ..CustomerPatch::default()
                }
            }
            Aspect::CreditLimit => {
                let b: CreditLimitBody = parse_body(body, case_class)?;
                CustomerPatch {
                    credit_limit_currency: Some(b.credit_limit.currency),
                    credit_limit_amount: Some(b.credit_limit.amount),
                    ..CustomerPatch::default()
                }
            }
            Aspect::CreditRatingAndSource => {
                let b: CreditRatingAndSourceBody = parse_body(body, case_class)?;
                CustomerPatch {
                    credit_rating: Some(b.credit_rating),
                    credit_source: Some(b.credit_source),
                    ..CustomerPatch::default()
                }
            }
            Aspect::Branch => {
                let b: BranchBody = parse_body(body, case_class)?;
                CustomerPatch {
                    branch_id: Some(b.branch_id),
                    ..CustomerPatch::default()
                }
            }
            Aspect::Data => {
                let b: DataBody = parse_body(body, case_class)?;
                CustomerPatch {
                    face_image_url: Some(b.face_image.url),
                    face_image_date: Some(b.face_image.date),
                    relationship_status: Some(b.relationship_status),
                    dependants: Some(i64::from(b.dependants)),
                    highest_education_attained: Some(b.highest_education_attained),
                    employment_status: Some(b.employment_status),
                    ..CustomerPatch::default()
                }
            }
        };
        Ok(patch)
    }
}

/// `PUT /banks/BANK_ID/customers/CUSTOMER_ID/<aspect>`: login, bank (404), role (403), body (400),
/// customer (404), then the update; 200 Customer310. `/number` refuses a number already used at the
/// URL's bank or at the customer's own.
async fn update(
    aspect: Aspect,
    State(state): State<AppState>,
    user: User,
    Path((bank_id, customer_id)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, ObpError> {
    let store = state.store();
    banks::require(&store, &bank_id)?;
    aspect.check_role(&user, &bank_id)?;
    let patch = aspect.patch(&body)?;
    let customer = require_customer(&store, &customer_id)?;
    if let Some(number) = &patch.customer_number {
        // OBP checks the URL's bank; the customer may belong to another (OBP finds it at any
        // bank), whose numbers stay unique as well.
        for bank_id in [&bank_id, &customer.bank_id] {
            if store.customer_number_taken(bank_id, number)? {
                return Err(ObpError::bad_request(format!(
                    "{} Current customer_number({number}) and Current bank_id({bank_id})",
                    msg::CUSTOMER_NUMBER_ALREADY_EXISTS
                )));
            }
        }
    }
    let customer = store
        .update_customer(&customer_id, patch, Timestamp::now())?
        .ok_or_else(|| ObpError::customer_not_found_by_id(&customer_id))?;
    Ok(json(StatusCode::OK, &customer_310(&customer)))
}
