//! [`CustomerRecord`]: a customer as every page shows it, whichever backend it came from, and
//! [`CustomerPage`]: one page of a list.

use crate::forms::FormValues;

/// A customer, as the pages show it. Text fields are empty where the backend has no such field.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CustomerRecord {
    /// The customer id.
    pub id: String,
    /// The bank or profile it belongs to.
    pub tenant: String,
    /// The customer number (OBP).
    pub number: String,
    /// The name to show.
    pub name: String,
    /// Email.
    pub email: String,
    /// Phone.
    pub phone: String,
    /// Date of birth, as the API gave it.
    pub date_of_birth: String,
    /// Branch.
    pub branch: String,
    /// Town and country.
    pub place: String,
    /// When it was created, as the API gave it.
    pub created: String,
    /// KYC satisfied; `None` where the backend has no KYC.
    pub kyc: Option<bool>,
    /// Every editable field by form field name, as the edit groups show and prefill them.
    pub values: FormValues,
    /// Read-only fields, labelled, for the record card.
    pub facts: Vec<(&'static str, String)>,
}

impl CustomerRecord {
    /// Whether it holds a customer (pages start with an empty one).
    pub fn is_loaded(&self) -> bool {
        !self.id.is_empty()
    }
}

/// A list column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// Customer number.
    Number,
    /// The name, linking to the customer's page.
    Name,
    /// Email.
    Email,
    /// Phone.
    Phone,
    /// Date of birth.
    DateOfBirth,
    /// Branch.
    Branch,
    /// Town and country.
    Place,
    /// Creation date.
    Created,
    /// KYC badge.
    Kyc,
}

impl Column {
    /// Whether narrow screens may hide it.
    pub fn optional(self) -> bool {
        matches!(
            self,
            Self::Email | Self::DateOfBirth | Self::Branch | Self::Created
        )
    }
}

/// The rows of one list page.
#[derive(Clone, Debug, PartialEq)]
pub enum Rows {
    /// Whole customers.
    Records(Vec<CustomerRecord>),
    /// Customer ids with their tenant (empty when the list does not name it).
    Ids(Vec<(String, String)>),
}

impl Rows {
    /// How many rows.
    pub fn len(&self) -> usize {
        match self {
            Self::Records(list) => list.len(),
            Self::Ids(list) => list.len(),
        }
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// How many rows and pages a numbered list has in all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Total {
    /// Rows in all.
    pub count: u64,
    /// Pages in all.
    pub pages: u32,
}

/// One page of a list.
#[derive(Clone, Debug, PartialEq)]
pub struct CustomerPage {
    /// Its rows.
    pub rows: Rows,
    /// The totals, when the API counts them.
    pub total: Option<Total>,
}
