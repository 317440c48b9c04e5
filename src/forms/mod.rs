//! Form models: fields described as data, values as text, checks per field kind.
//!
//! Pages render any form from its [`FieldSpec`]s, and a pure `build` function turns the typed
//! [`FormValues`] into an API request or per-field errors, so every rule is testable natively.

pub mod account_link;
pub mod address;
pub mod attribute;
pub mod customer;
pub mod enterprise;
pub mod kyc;
pub mod login;
pub mod meeting;
pub mod message;
pub mod obp_errors;
pub mod tax_social;
pub mod user_link;

use crate::{api::attributes::AttributeType, validation};

/// A titled group of fields; an empty title draws no legend.
pub type Section = (&'static str, &'static [FieldSpec]);

/// A part of a record edited and saved as one: a card with its fields, values and Edit button.
#[derive(Debug)]
pub struct EditGroup {
    /// Stable key, unique among a record's groups; also names the form's elements.
    pub key: &'static str,
    /// The card's title.
    pub title: &'static str,
    /// Roles that allow it; any one suffices, and none means everyone may.
    pub roles: &'static [&'static str],
    /// Its fields, in sections.
    pub sections: &'static [Section],
}

impl EditGroup {
    /// Every field, in order.
    pub fn fields(&self) -> impl Iterator<Item = &'static FieldSpec> {
        self.sections.iter().flat_map(|(_, fields)| fields.iter())
    }

    /// Checks `values` against every field: required ones filled, each of its kind.
    pub fn check(&self, values: &FormValues) -> Result<(), FieldErrors> {
        let fields: Vec<FieldSpec> = self.fields().copied().collect();
        into_result(check_fields(&fields, values))
    }
}

/// What kind of input a field is, which decides its widget and its check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// Free text.
    Text,
    /// Free text over several lines (a `<textarea>`).
    LongText,
    /// Email address.
    Email,
    /// Phone number with country code.
    Phone,
    /// `yyyy-MM-dd` date picker.
    Date,
    /// `HH:mm` time picker.
    Time,
    /// Comma-separated `yyyy-MM-dd` dates.
    DateList,
    /// Whole number ≥ 0.
    WholeNumber,
    /// ISO 4217 code.
    Currency,
    /// Decimal amount.
    Amount,
    /// `http(s)://` URL.
    WebUrl,
    /// Customer number (no `::::`).
    CustomerNumber,
    /// A URL-friendly word: letters, digits, `-`, `_`.
    UrlWord,
    /// Password (masked).
    Password,
    /// Yes/no checkbox; its value is `"true"` or `""`.
    Checkbox,
    /// Signed whole number (attribute type INTEGER).
    Integer,
    /// Signed decimal number (attribute type DOUBLE).
    Decimal,
    /// ISO 3166-1 alpha-2 country code.
    Country,
    /// One of a fixed list of values, picked from a `<select>`.
    Choice(&'static [&'static str]),
}

impl FieldKind {
    /// The HTML input type.
    pub fn input_type(self) -> &'static str {
        match self {
            Self::Email => "email",
            Self::Phone => "tel",
            Self::Date => "date",
            Self::Time => "time",
            Self::WholeNumber => "number",
            Self::WebUrl => "url",
            Self::Password => "password",
            Self::Checkbox => "checkbox",
            _ => "text",
        }
    }

    /// The on-screen keyboard to offer: the signed numbers stay text inputs, so whatever was
    /// typed reaches the check (a number input would hide it as "").
    pub fn input_mode(self) -> Option<&'static str> {
        match self {
            Self::Integer => Some("numeric"),
            Self::Decimal => Some("decimal"),
            _ => None,
        }
    }

    fn check(self, value: &str) -> validation::Check {
        match self {
            Self::Email => validation::email(value),
            Self::Phone => validation::phone(value),
            Self::Date => validation::date(value),
            Self::Time => validation::time(value),
            Self::DateList => validation::date_list(value),
            Self::WholeNumber => validation::whole_number(value),
            Self::Currency => validation::currency(value),
            Self::Amount => validation::amount(value),
            Self::WebUrl => validation::web_url(value),
            Self::CustomerNumber => validation::customer_number(value),
            Self::UrlWord => validation::url_word(value),
            Self::Integer => validation::attribute_value(AttributeType::Integer, value),
            Self::Decimal => validation::attribute_value(AttributeType::Double, value),
            Self::Country => validation::country_code(value),
            Self::Choice(options) => validation::one_of(options, value),
            Self::Text | Self::LongText | Self::Password | Self::Checkbox => Ok(()),
        }
    }
}

/// One input: its API field name, visible label, kind and whether it must be filled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldSpec {
    /// Key in [`FormValues`], named after the API field.
    pub name: &'static str,
    /// Visible label.
    pub label: &'static str,
    /// Widget and check.
    pub kind: FieldKind,
    /// Must not be blank.
    pub required: bool,
    /// Help text under the input.
    pub help: &'static str,
    /// Values the browser offers while typing (a `<datalist>`); any other value is allowed.
    pub suggestions: &'static [&'static str],
}

impl FieldSpec {
    /// An optional field without help text.
    pub const fn new(name: &'static str, label: &'static str, kind: FieldKind) -> Self {
        Self {
            name,
            label,
            kind,
            required: false,
            help: "",
            suggestions: &[],
        }
    }

    /// The same field, required.
    pub const fn required(self) -> Self {
        Self {
            required: true,
            ..self
        }
    }

    /// The same field with help text.
    pub const fn help(self, help: &'static str) -> Self {
        Self { help, ..self }
    }

    /// The same field with typing suggestions.
    pub const fn suggest(self, suggestions: &'static [&'static str]) -> Self {
        Self {
            suggestions,
            ..self
        }
    }
}

/// Values by field name, in the order they were first set. Forms have a handful of fields, so a
/// list is all the map they need (and much less wasm than a tree map).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldMap(Vec<(&'static str, String)>);

impl FieldMap {
    /// The value for `name`.
    pub fn get(&self, name: &str) -> Option<&String> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// Sets `name` to `value`, keeping its place when it was set before.
    pub fn insert(&mut self, name: &'static str, value: String) {
        match self.0.iter_mut().find(|(n, _)| *n == name) {
            Some((_, old)) => *old = value,
            None => self.0.push((name, value)),
        }
    }

    /// Sets `name` unless it is set already.
    pub fn insert_if_absent(&mut self, name: &'static str, value: impl FnOnce() -> String) {
        if !self.contains_key(name) {
            self.0.push((name, value()));
        }
    }

    /// Removes `name`.
    pub fn remove(&mut self, name: &str) {
        self.0.retain(|(n, _)| *n != name);
    }

    /// Whether `name` is set.
    pub fn contains_key(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// The names, in order.
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.0.iter().map(|(n, _)| *n)
    }

    /// How many names are set.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether nothing is set.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<(&'static str, String)> for FieldMap {
    fn from_iter<I: IntoIterator<Item = (&'static str, String)>>(pairs: I) -> Self {
        let mut map = Self::default();
        pairs.into_iter().for_each(|(n, v)| map.insert(n, v));
        map
    }
}

impl std::ops::Index<&str> for FieldMap {
    type Output = String;

    fn index(&self, name: &str) -> &String {
        self.get(name)
            .unwrap_or_else(|| panic!("no field {name:?} in the map"))
    }
}

/// What the user typed, by field name. Kept intact on every error.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormValues(FieldMap);

impl FormValues {
    /// Values from `(name, value)` pairs.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (&'static str, String)>) -> Self {
        Self(pairs.into_iter().collect())
    }

    /// The raw value, `""` when never typed.
    pub fn raw(&self, name: &str) -> &str {
        self.0.get(name).map_or("", String::as_str)
    }

    /// The trimmed value.
    pub fn text(&self, name: &str) -> String {
        self.raw(name).trim().to_owned()
    }

    /// The trimmed value, `None` when blank.
    pub fn opt(&self, name: &str) -> Option<String> {
        Some(self.text(name)).filter(|v| !v.is_empty())
    }

    /// The non-blank items of a comma-separated value.
    pub fn list(&self, name: &str) -> Vec<String> {
        validation::split_list(self.raw(name))
            .map(str::to_owned)
            .collect()
    }

    /// Whether a checkbox is ticked.
    pub fn flag(&self, name: &str) -> bool {
        self.raw(name) == "true"
    }

    /// Sets one value.
    pub fn set(&mut self, name: &'static str, value: String) {
        self.0.insert(name, value);
    }

    /// The names set, in order.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.0.keys()
    }
}

/// Messages by field name, in form order; empty means valid.
pub type FieldErrors = FieldMap;

/// Runs the required and per-kind checks of every field.
pub fn check_fields(fields: &[FieldSpec], values: &FormValues) -> FieldErrors {
    fields
        .iter()
        .filter_map(|field| {
            let value = values.raw(field.name);
            let result = if value.trim().is_empty() {
                if field.required {
                    validation::required(value)
                } else {
                    Ok(())
                }
            } else {
                field.kind.check(value)
            };
            result.err().map(|message| (field.name, message))
        })
        .collect()
}

/// Errors, or `Ok(())` when there are none.
pub fn into_result(errors: FieldErrors) -> Result<(), FieldErrors> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Checks `fields` and, when all pass, makes the request from the values.
pub fn checked<T>(
    fields: &[FieldSpec],
    values: &FormValues,
    make: impl FnOnce(&FormValues) -> T,
) -> Result<T, FieldErrors> {
    into_result(check_fields(fields, values)).map(|()| make(values))
}
