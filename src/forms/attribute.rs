//! The customer attribute form, whose value input follows the chosen type, and the attribute
//! definition form.

use super::{checked, FieldErrors, FieldKind as K, FieldSpec as F, FormValues};
use crate::api::attributes::{
    AttributeBody, AttributeDefinition, AttributeType, CustomerAttribute, DefinitionBody,
};

/// OBP's four type names, as the type `<select>` offers them.
pub const TYPE_NAMES: &[&str] = &["STRING", "INTEGER", "DOUBLE", "DATE_WITH_DAY"];

/// The attribute's name.
pub const NAME_FIELD: F = F::new("name", "Name", K::Text).required();
/// The attribute's type.
pub const TYPE_FIELD: F = F::new("type", "Type", K::Choice(TYPE_NAMES)).required();

/// The type named in the form; STRING until one is chosen.
pub fn chosen_type(values: &FormValues) -> AttributeType {
    AttributeType::parse(&values.text("type")).unwrap_or(AttributeType::String)
}

/// The value input for `kind`: a date picker for DATE_WITH_DAY, number inputs for the numbers.
pub fn value_field(kind: AttributeType) -> F {
    let value = F::new("value", "Value", K::Text).required();
    match kind {
        AttributeType::String => value,
        AttributeType::Integer => F {
            kind: K::Integer,
            ..value
        }
        .help("A whole number, e.g. 42 or -7."),
        AttributeType::Double => F {
            kind: K::Decimal,
            ..value
        }
        .help("A decimal number, e.g. 12.5."),
        AttributeType::DateWithDay => F {
            kind: K::Date,
            ..value
        },
    }
}

/// A fresh form: type STRING.
pub fn new_values() -> FormValues {
    FormValues::from_pairs([("type", "STRING".to_owned())])
}

/// The form filled with an existing attribute.
pub fn values(attribute: &CustomerAttribute) -> FormValues {
    FormValues::from_pairs([
        ("name", attribute.name.clone()),
        ("type", attribute.kind.clone()),
        ("value", attribute.value.clone()),
    ])
}

/// Picks a definition: its name and type, keeping a value already typed.
pub fn apply_definition(values: &mut FormValues, definition: &AttributeDefinition) {
    values.set("name", definition.name.clone());
    values.set("type", definition.kind.clone());
}

/// The definitions the add form offers: the active ones, by name.
pub fn offered(definitions: &[AttributeDefinition]) -> Vec<AttributeDefinition> {
    let mut active: Vec<_> = definitions
        .iter()
        .filter(|d| d.is_active)
        .cloned()
        .collect();
    active.sort_by(|a, b| a.name.cmp(&b.name));
    active
}

/// The body, or the field errors: the value is checked against the chosen type, because OBP
/// stores any value.
pub fn build(values: &FormValues) -> Result<AttributeBody, FieldErrors> {
    let fields = [NAME_FIELD, TYPE_FIELD, value_field(chosen_type(values))];
    checked(&fields, values, |v| AttributeBody {
        name: v.text("name"),
        kind: v.text("type"),
        value: v.text("value"),
    })
}

/// Create or Update Customer Attribute Definition.
pub const DEFINITION_FIELDS: &[F] = &[
    F::new("name", "Name", K::Text)
        .required()
        .help("Saving an existing name updates that definition."),
    TYPE_FIELD,
    F::new("description", "Description", K::Text),
    F::new("alias", "Alias", K::Text),
    F::new("can_be_seen_on_views", "Visible on views", K::Text)
        .help("View ids separated by commas, e.g. bank, owner."),
    F::new(
        "is_active",
        "Active (offered for new attributes)",
        K::Checkbox,
    ),
];

/// A fresh definition form: STRING, active.
pub fn new_definition_values() -> FormValues {
    FormValues::from_pairs([
        ("type", "STRING".to_owned()),
        ("is_active", "true".to_owned()),
    ])
}

/// The definition form filled with an existing definition.
pub fn definition_values(definition: &AttributeDefinition) -> FormValues {
    FormValues::from_pairs([
        ("name", definition.name.clone()),
        ("type", definition.kind.clone()),
        ("description", definition.description.clone()),
        ("alias", definition.alias.clone()),
        (
            "can_be_seen_on_views",
            definition.can_be_seen_on_views.join(", "),
        ),
        (
            "is_active",
            if definition.is_active { "true" } else { "" }.to_owned(),
        ),
    ])
}

/// The definition body (category "Customer"), or the field errors.
pub fn build_definition(values: &FormValues) -> Result<DefinitionBody, FieldErrors> {
    checked(DEFINITION_FIELDS, values, |v| DefinitionBody {
        name: v.text("name"),
        category: "Customer".to_owned(),
        kind: v.text("type"),
        description: v.text("description"),
        alias: v.text("alias"),
        can_be_seen_on_views: v.list("can_be_seen_on_views"),
        is_active: v.flag("is_active"),
    })
}
