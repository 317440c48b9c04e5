//! Small reusable widgets shared by the pages.

mod add_form;
mod confirm;
mod data_table;
mod delete_button;
mod error_view;
mod form_field;
mod highlight;
mod inline_form;
mod list_view;
mod loading;
mod pager;
mod panel;
mod require_role;
mod shell;
mod submit;
mod toast;
mod undo;
mod value_list;

pub use add_form::AddForm;
pub use confirm::ConfirmDialog;
pub use data_table::DataTable;
pub use delete_button::DeleteButton;
pub use error_view::ErrorView;
pub use form_field::{ChoiceField, FormField, FormSection, FormState};
pub use highlight::Highlight;
pub use inline_form::{FieldErrorOf, FieldGrid, InlineForm, Pending};
pub use list_view::ListView;
pub use loading::Loading;
pub use pager::Pager;
pub use panel::{AddAction, EditButton, Edits, Panel};
pub use require_role::{RequireRole, RoleBank, RoleNote};
pub use shell::{FlashMessage, Shell};
pub use submit::Submission;
pub use toast::{Change, ToastRegion, ToastTimes, Toasts};
pub use undo::Undo;
pub use value_list::ValueList;
