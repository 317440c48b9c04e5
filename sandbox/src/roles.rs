//! OBP roles (entitlements) the sandbox checks, and the role sets of the demo users.
//!
//! Names and scopes are OBP's (`ApiRole.scala`): a bank-level role is held for one BANK_ID, a system
//! role with `bank_id ""`. Later resources add their roles here and to the demo sets below.

/// Whether a role is granted per bank or system-wide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Held for one BANK_ID (OBP `requiresBankId = true`).
    Bank,
    /// Held with `bank_id ""` (OBP `requiresBankId = false`).
    System,
}

/// One OBP role such as `CanCreateCustomer`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Role {
    /// The role name as OBP spells it.
    pub name: &'static str,
    /// Bank-level or system-level.
    pub scope: Scope,
}

impl Role {
    const fn bank(name: &'static str) -> Role {
        Role {
            name,
            scope: Scope::Bank,
        }
    }

    const fn system(name: &'static str) -> Role {
        Role {
            name,
            scope: Scope::System,
        }
    }
}

macro_rules! roles {
    ($($(#[$doc:meta])* $ident:ident = $scope:ident($name:literal);)*) => {
        $($(#[$doc])* pub const $ident: Role = Role::$scope($name);)*
    };
}

roles! {
    /// Create a customer at one bank.
    CAN_CREATE_CUSTOMER = bank("CanCreateCustomer");
    /// Create a customer at any bank.
    CAN_CREATE_CUSTOMER_AT_ANY_BANK = system("CanCreateCustomerAtAnyBank");
    /// Read one customer (by id or number).
    CAN_GET_CUSTOMER = bank("CanGetCustomer");
    /// List customers at a bank.
    CAN_GET_CUSTOMERS = bank("CanGetCustomers");
    /// List customer ids at a bank.
    CAN_GET_CUSTOMERS_MINIMAL = bank("CanGetCustomersMinimal");
    /// List customers at every bank.
    CAN_GET_CUSTOMERS_AT_ANY_BANK = system("CanGetCustomersAtAnyBank");
    /// List customer ids at every bank.
    CAN_GET_CUSTOMERS_MINIMAL_AT_ANY_BANK = system("CanGetCustomersMinimalAtAnyBank");
    /// Customer overview.
    CAN_GET_CUSTOMER_OVERVIEW = bank("CanGetCustomerOverview");
    /// Customer overview, flat shape.
    CAN_GET_CUSTOMER_OVERVIEW_FLAT = bank("CanGetCustomerOverviewFlat");
    /// Delete a customer and everything that references it.
    CAN_DELETE_CUSTOMER_CASCADE = bank("CanDeleteCustomerCascade");
    /// PUT …/email.
    CAN_UPDATE_CUSTOMER_EMAIL = bank("CanUpdateCustomerEmail");
    /// PUT …/number.
    CAN_UPDATE_CUSTOMER_NUMBER = bank("CanUpdateCustomerNumber");
    /// PUT …/mobile-number.
    CAN_UPDATE_CUSTOMER_MOBILE_PHONE_NUMBER = bank("CanUpdateCustomerMobilePhoneNumber");
    /// PUT …/identity.
    CAN_UPDATE_CUSTOMER_IDENTITY = bank("CanUpdateCustomerIdentity");
    /// PUT …/credit-limit.
    CAN_UPDATE_CUSTOMER_CREDIT_LIMIT = bank("CanUpdateCustomerCreditLimit");
    /// PUT …/credit-rating-and-source at one bank.
    CAN_UPDATE_CUSTOMER_CREDIT_RATING_AND_SOURCE = bank("CanUpdateCustomerCreditRatingAndSource");
    /// PUT …/credit-rating-and-source at any bank.
    CAN_UPDATE_CUSTOMER_CREDIT_RATING_AND_SOURCE_AT_ANY_BANK = system("CanUpdateCustomerCreditRatingAndSourceAtAnyBank");
    /// PUT …/branch.
    CAN_UPDATE_CUSTOMER_BRANCH = bank("CanUpdateCustomerBranch");
    /// PUT …/data.
    CAN_UPDATE_CUSTOMER_DATA = bank("CanUpdateCustomerData");
    /// Create a customer attribute.
    CAN_CREATE_CUSTOMER_ATTRIBUTE_AT_ONE_BANK = bank("CanCreateCustomerAttributeAtOneBank");
    /// Create a customer attribute at any bank.
    CAN_CREATE_CUSTOMER_ATTRIBUTE_AT_ANY_BANK = system("CanCreateCustomerAttributeAtAnyBank");
    /// List a customer's attributes at any bank.
    CAN_GET_CUSTOMER_ATTRIBUTES_AT_ANY_BANK = system("CanGetCustomerAttributesAtAnyBank");
    /// Read one customer attribute at any bank.
    CAN_GET_CUSTOMER_ATTRIBUTE_AT_ANY_BANK = system("CanGetCustomerAttributeAtAnyBank");
    /// Update a customer attribute at any bank.
    CAN_UPDATE_CUSTOMER_ATTRIBUTE_AT_ANY_BANK = system("CanUpdateCustomerAttributeAtAnyBank");
    /// Delete a customer attribute at any bank.
    CAN_DELETE_CUSTOMER_ATTRIBUTE_AT_ANY_BANK = system("CanDeleteCustomerAttributeAtAnyBank");
    /// List a customer's attributes.
    CAN_GET_CUSTOMER_ATTRIBUTES_AT_ONE_BANK = bank("CanGetCustomerAttributesAtOneBank");
    /// Read one customer attribute.
    CAN_GET_CUSTOMER_ATTRIBUTE_AT_ONE_BANK = bank("CanGetCustomerAttributeAtOneBank");
    /// Update a customer attribute.
    CAN_UPDATE_CUSTOMER_ATTRIBUTE_AT_ONE_BANK = bank("CanUpdateCustomerAttributeAtOneBank");
    /// Delete a customer attribute.
    CAN_DELETE_CUSTOMER_ATTRIBUTE_AT_ONE_BANK = bank("CanDeleteCustomerAttributeAtOneBank");
    /// Create or update a customer attribute definition.
    CAN_CREATE_CUSTOMER_ATTRIBUTE_DEFINITION_AT_ONE_BANK = bank("CanCreateCustomerAttributeDefinitionAtOneBank");
    /// Read customer attribute definitions.
    CAN_GET_CUSTOMER_ATTRIBUTE_DEFINITION_AT_ONE_BANK = bank("CanGetCustomerAttributeDefinitionAtOneBank");
    /// Delete a customer attribute definition.
    CAN_DELETE_CUSTOMER_ATTRIBUTE_DEFINITION_AT_ONE_BANK = bank("CanDeleteCustomerAttributeDefinitionAtOneBank");
    /// Create an address (and, in OBP's code, update one).
    CAN_CREATE_CUSTOMER_ADDRESS = bank("CanCreateCustomerAddress");
    /// Read addresses.
    CAN_GET_CUSTOMER_ADDRESS = bank("CanGetCustomerAddress");
    /// Delete an address.
    CAN_DELETE_CUSTOMER_ADDRESS = bank("CanDeleteCustomerAddress");
    /// Create a tax residence.
    CAN_CREATE_TAX_RESIDENCE = bank("CanCreateTaxResidence");
    /// Read tax residences.
    CAN_GET_TAX_RESIDENCE = bank("CanGetTaxResidence");
    /// Delete a tax residence.
    CAN_DELETE_TAX_RESIDENCE = bank("CanDeleteTaxResidence");
    /// Add a social media handle.
    CAN_ADD_SOCIAL_MEDIA_HANDLE = bank("CanAddSocialMediaHandle");
    /// Read social media handles.
    CAN_GET_SOCIAL_MEDIA_HANDLES = bank("CanGetSocialMediaHandles");
    /// Link a customer to an account.
    CAN_CREATE_CUSTOMER_ACCOUNT_LINK = bank("CanCreateCustomerAccountLink");
    /// List customer–account links.
    CAN_GET_CUSTOMER_ACCOUNT_LINKS = bank("CanGetCustomerAccountLinks");
    /// Read one customer–account link.
    CAN_GET_CUSTOMER_ACCOUNT_LINK = bank("CanGetCustomerAccountLink");
    /// Update a customer–account link.
    CAN_UPDATE_CUSTOMER_ACCOUNT_LINK = bank("CanUpdateCustomerAccountLink");
    /// Delete a customer–account link.
    CAN_DELETE_CUSTOMER_ACCOUNT_LINK = bank("CanDeleteCustomerAccountLink");
    /// Link a user to a customer.
    CAN_CREATE_USER_CUSTOMER_LINK = bank("CanCreateUserCustomerLink");
    /// Link a user to a customer at any bank.
    CAN_CREATE_USER_CUSTOMER_LINK_AT_ANY_BANK = system("CanCreateUserCustomerLinkAtAnyBank");
    /// Read user–customer links.
    CAN_GET_USER_CUSTOMER_LINK = bank("CanGetUserCustomerLink");
    /// Delete a user–customer link.
    CAN_DELETE_USER_CUSTOMER_LINK = bank("CanDeleteUserCustomerLink");
    /// Read the users correlated with a customer.
    CAN_GET_CORRELATED_USERS_INFO = bank("CanGetCorrelatedUsersInfo");
    /// Read the users correlated with a customer at any bank.
    CAN_GET_CORRELATED_USERS_INFO_AT_ANY_BANK = system("CanGetCorrelatedUsersInfoAtAnyBank");
    /// Send a customer message.
    CAN_CREATE_CUSTOMER_MESSAGE = bank("CanCreateCustomerMessage");
    /// Read customer messages.
    CAN_GET_CUSTOMER_MESSAGES = bank("CanGetCustomerMessages");
    /// Add a KYC check.
    CAN_ADD_KYC_CHECK = bank("CanAddKycCheck");
    /// Add a KYC document.
    CAN_ADD_KYC_DOCUMENT = bank("CanAddKycDocument");
    /// Add KYC media.
    CAN_ADD_KYC_MEDIA = bank("CanAddKycMedia");
    /// Add a KYC status.
    CAN_ADD_KYC_STATUS = bank("CanAddKycStatus");
    /// Read any customer's KYC checks.
    CAN_GET_ANY_KYC_CHECKS = system("CanGetAnyKycChecks");
    /// Read any customer's KYC documents.
    CAN_GET_ANY_KYC_DOCUMENTS = system("CanGetAnyKycDocuments");
    /// Read any customer's KYC statuses.
    CAN_GET_ANY_KYC_STATUSES = system("CanGetAnyKycStatuses");
    /// Read any customer's KYC media.
    CAN_GET_ANY_KYC_MEDIA = system("CanGetAnyKycMedia");
    /// Use the customer firehose.
    CAN_USE_CUSTOMER_FIREHOSE_AT_ANY_BANK = system("CanUseCustomerFirehoseAtAnyBank");
}

/// Read-only bank-level roles: what the `auditor` demo user holds at every demo bank.
pub const READ_BANK_ROLES: &[Role] = &[
    CAN_GET_CUSTOMERS,
    CAN_GET_CUSTOMER,
    CAN_GET_CUSTOMERS_MINIMAL,
    CAN_GET_CUSTOMER_ADDRESS,
    CAN_GET_CUSTOMER_ATTRIBUTES_AT_ONE_BANK,
    CAN_GET_CUSTOMER_ATTRIBUTE_AT_ONE_BANK,
    CAN_GET_TAX_RESIDENCE,
    CAN_GET_SOCIAL_MEDIA_HANDLES,
    CAN_GET_CUSTOMER_ACCOUNT_LINKS,
    CAN_GET_CUSTOMER_ACCOUNT_LINK,
    CAN_GET_USER_CUSTOMER_LINK,
    CAN_GET_CUSTOMER_OVERVIEW,
    CAN_GET_CUSTOMER_OVERVIEW_FLAT,
    CAN_GET_CUSTOMER_MESSAGES,
    CAN_GET_CUSTOMER_ATTRIBUTE_DEFINITION_AT_ONE_BANK,
    CAN_GET_CORRELATED_USERS_INFO,
];

/// Read-only system roles: what the `auditor` demo user holds with `bank_id ""`.
pub const READ_SYSTEM_ROLES: &[Role] = &[
    CAN_GET_ANY_KYC_CHECKS,
    CAN_GET_ANY_KYC_DOCUMENTS,
    CAN_GET_ANY_KYC_STATUSES,
    CAN_GET_ANY_KYC_MEDIA,
    CAN_GET_CUSTOMER_ATTRIBUTES_AT_ANY_BANK,
    CAN_GET_CUSTOMER_ATTRIBUTE_AT_ANY_BANK,
    CAN_GET_CORRELATED_USERS_INFO_AT_ANY_BANK,
];

/// Bank-level roles that change data; together with [`READ_BANK_ROLES`] what `staff` holds per bank.
pub const WRITE_BANK_ROLES: &[Role] = &[
    CAN_CREATE_CUSTOMER,
    CAN_DELETE_CUSTOMER_CASCADE,
    CAN_UPDATE_CUSTOMER_EMAIL,
    CAN_UPDATE_CUSTOMER_NUMBER,
    CAN_UPDATE_CUSTOMER_MOBILE_PHONE_NUMBER,
    CAN_UPDATE_CUSTOMER_IDENTITY,
    CAN_UPDATE_CUSTOMER_CREDIT_LIMIT,
    CAN_UPDATE_CUSTOMER_CREDIT_RATING_AND_SOURCE,
    CAN_UPDATE_CUSTOMER_BRANCH,
    CAN_UPDATE_CUSTOMER_DATA,
    CAN_CREATE_CUSTOMER_ATTRIBUTE_AT_ONE_BANK,
    CAN_UPDATE_CUSTOMER_ATTRIBUTE_AT_ONE_BANK,
    CAN_DELETE_CUSTOMER_ATTRIBUTE_AT_ONE_BANK,
    CAN_CREATE_CUSTOMER_ATTRIBUTE_DEFINITION_AT_ONE_BANK,
    CAN_DELETE_CUSTOMER_ATTRIBUTE_DEFINITION_AT_ONE_BANK,
    CAN_CREATE_CUSTOMER_ADDRESS,
    CAN_DELETE_CUSTOMER_ADDRESS,
    CAN_CREATE_TAX_RESIDENCE,
    CAN_DELETE_TAX_RESIDENCE,
    CAN_ADD_SOCIAL_MEDIA_HANDLE,
    CAN_CREATE_CUSTOMER_ACCOUNT_LINK,
    CAN_UPDATE_CUSTOMER_ACCOUNT_LINK,
    CAN_DELETE_CUSTOMER_ACCOUNT_LINK,
    CAN_CREATE_USER_CUSTOMER_LINK,
    CAN_DELETE_USER_CUSTOMER_LINK,
    CAN_CREATE_CUSTOMER_MESSAGE,
    CAN_ADD_KYC_CHECK,
    CAN_ADD_KYC_DOCUMENT,
    CAN_ADD_KYC_MEDIA,
    CAN_ADD_KYC_STATUS,
];

/// System roles `staff` holds beyond [`READ_SYSTEM_ROLES`].
pub const STAFF_EXTRA_SYSTEM_ROLES: &[Role] = &[
    CAN_GET_CUSTOMERS_AT_ANY_BANK,
    CAN_GET_CUSTOMERS_MINIMAL_AT_ANY_BANK,
    CAN_USE_CUSTOMER_FIREHOSE_AT_ANY_BANK,
    CAN_CREATE_CUSTOMER_ATTRIBUTE_AT_ANY_BANK,
    CAN_UPDATE_CUSTOMER_ATTRIBUTE_AT_ANY_BANK,
    CAN_DELETE_CUSTOMER_ATTRIBUTE_AT_ANY_BANK,
    CAN_CREATE_USER_CUSTOMER_LINK_AT_ANY_BANK,
];
