//! The logins the sandbox accepts, in the shape of the `--users` JSON file: the built-in demo
//! users (see [`crate::seed::builtin_users`]) or the file's.

use serde::Deserialize;

/// A login the sandbox accepts, in the shape of the `--users` JSON file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct DemoUser {
    /// Login name.
    pub username: String,
    /// Password (stored as given: this is a sandbox).
    pub password: String,
    /// E-mail address shown by `/users/current`.
    pub email: String,
    /// Roles the user holds.
    pub roles: Vec<RoleGrant>,
}

/// One role held at one bank (`bank_id ""` for system roles).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct RoleGrant {
    /// e.g. `CanGetCustomers`.
    pub role_name: String,
    /// e.g. `gh.29.uk`, or `""`.
    pub bank_id: String,
}
