//! The roles OBP's code checks for each change the customer pages offer, and for the lists only
//! some users may read; any one of a list suffices, and an empty list means any signed-in user.
//! The UI hides an action, and names the roles, when the user holds none of them.

/// Get Customer by CUSTOMER_ID.
pub const GET_CUSTOMER: &[&str] = &["CanGetCustomer"];
/// Create Customer.
pub const CREATE_CUSTOMER: &[&str] = &["CanCreateCustomer", "CanCreateCustomerAtAnyBank"];
/// Delete Customer Cascade.
pub const DELETE_CUSTOMER: &[&str] = &["CanDeleteCustomerCascade"];
/// Update the identity data of a Customer.
pub const UPDATE_IDENTITY: &[&str] = &["CanUpdateCustomerIdentity"];
/// Update the email of a Customer.
pub const UPDATE_EMAIL: &[&str] = &["CanUpdateCustomerEmail"];
/// Update the mobile number of a Customer.
pub const UPDATE_MOBILE_NUMBER: &[&str] = &["CanUpdateCustomerMobilePhoneNumber"];
/// Update the number of a Customer.
pub const UPDATE_NUMBER: &[&str] = &["CanUpdateCustomerNumber"];
/// Update the Branch of a Customer: OBP's code checks this, not the identity role its doc names.
pub const UPDATE_BRANCH: &[&str] = &["CanUpdateCustomerBranch"];
/// Update the credit limit of a Customer.
pub const UPDATE_CREDIT_LIMIT: &[&str] = &["CanUpdateCustomerCreditLimit"];
/// Update the credit rating and source of a Customer.
pub const UPDATE_CREDIT_RATING: &[&str] = &[
    "CanUpdateCustomerCreditRatingAndSource",
    "CanUpdateCustomerCreditRatingAndSourceAtAnyBank",
];
/// Update the other data of a Customer: OBP's code checks this, not the identity role its doc
/// names.
pub const UPDATE_DATA: &[&str] = &["CanUpdateCustomerData"];
/// Create Address.
pub const CREATE_ADDRESS: &[&str] = &["CanCreateCustomerAddress"];
/// Update the Address: OBP's code checks CanCreateCustomer, not an address role.
pub const UPDATE_ADDRESS: &[&str] = &["CanCreateCustomer"];
/// Delete Customer Address.
pub const DELETE_ADDRESS: &[&str] = &["CanDeleteCustomerAddress"];
/// Create Tax Residence.
pub const CREATE_TAX_RESIDENCE: &[&str] = &["CanCreateTaxResidence"];
/// Delete Tax Residence.
pub const DELETE_TAX_RESIDENCE: &[&str] = &["CanDeleteTaxResidence"];
/// Create Customer Social Media Handle.
pub const ADD_SOCIAL_MEDIA_HANDLE: &[&str] = &["CanAddSocialMediaHandle"];
/// Create Customer Attribute.
pub const CREATE_ATTRIBUTE: &[&str] = &[
    "CanCreateCustomerAttributeAtOneBank",
    "CanCreateCustomerAttributeAtAnyBank",
];
/// Update Customer Attribute.
pub const UPDATE_ATTRIBUTE: &[&str] = &[
    "CanUpdateCustomerAttributeAtOneBank",
    "CanUpdateCustomerAttributeAtAnyBank",
];
/// Delete Customer Attribute.
pub const DELETE_ATTRIBUTE: &[&str] = &[
    "CanDeleteCustomerAttributeAtOneBank",
    "CanDeleteCustomerAttributeAtAnyBank",
];
/// Create or Update Customer Attribute Definition.
pub const SAVE_ATTRIBUTE_DEFINITION: &[&str] = &["CanCreateCustomerAttributeDefinitionAtOneBank"];
/// Delete Customer Attribute Definition.
pub const DELETE_ATTRIBUTE_DEFINITION: &[&str] = &["CanDeleteCustomerAttributeDefinitionAtOneBank"];
/// Create Customer Account Link.
pub const CREATE_ACCOUNT_LINK: &[&str] = &["CanCreateCustomerAccountLink"];
/// Update Customer Account Link.
pub const UPDATE_ACCOUNT_LINK: &[&str] = &["CanUpdateCustomerAccountLink"];
/// Delete Customer Account Link.
pub const DELETE_ACCOUNT_LINK: &[&str] = &["CanDeleteCustomerAccountLink"];
/// Create User Customer Link.
pub const CREATE_USER_LINK: &[&str] = &[
    "CanCreateUserCustomerLink",
    "CanCreateUserCustomerLinkAtAnyBank",
];
/// Delete User Customer Link.
pub const DELETE_USER_LINK: &[&str] = &["CanDeleteUserCustomerLink"];
/// Add KYC Document.
pub const ADD_KYC_DOCUMENT: &[&str] = &["CanAddKycDocument"];
/// Add KYC Check.
pub const ADD_KYC_CHECK: &[&str] = &["CanAddKycCheck"];
/// Add KYC Media.
pub const ADD_KYC_MEDIA: &[&str] = &["CanAddKycMedia"];
/// Add KYC Status.
pub const ADD_KYC_STATUS: &[&str] = &["CanAddKycStatus"];
/// Create Customer Message.
pub const CREATE_MESSAGE: &[&str] = &["CanCreateCustomerMessage"];
/// Get Firehose Customers (a system role).
pub const USE_CUSTOMER_FIREHOSE: &[&str] = &["CanUseCustomerFirehoseAtAnyBank"];
/// Create Meeting: login only.
pub const CREATE_MEETING: &[&str] = &[];
