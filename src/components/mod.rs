//! Small reusable widgets shared by the pages.

mod confirm;
mod customer_table;
mod edit_card;
mod error_view;
mod form_field;
mod loading;
mod pager;
mod require_role;
mod shell;

pub use confirm::ConfirmDialog;
pub use customer_table::{CustomerTable, KycBadge};
pub use edit_card::EditCard;
pub use error_view::ErrorView;
pub use form_field::{FormField, FormSection, FormState};
pub use loading::Loading;
pub use pager::Pager;
pub use require_role::RequireRole;
pub use shell::{FlashMessage, Shell};
