//! [`ListScope`]: which of OBP's customer lists the customer list page shows, named in the URL
//! query as `scope=…`.

use crate::api::roles;

/// One of OBP's customer lists.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ListScope {
    /// Customers at this bank: paged, sorted, searchable by phone.
    #[default]
    Bank,
    /// My customers at every bank.
    Mine,
    /// My customers at this bank.
    MineAtBank,
    /// Customers for the current user, with their attributes.
    CurrentUser,
    /// Customers for the current user, ids only.
    CurrentUserIds,
    /// Customers at any bank: paged, sorted.
    AnyBank,
    /// Customer ids at this bank: paged, sorted.
    MinimalAtBank,
    /// Customer ids at any bank: paged, sorted.
    MinimalAnyBank,
    /// The bank's customer firehose: paged, sorted, windowed by last change.
    Firehose,
}

impl ListScope {
    /// Every scope, in the order the switch offers them.
    pub const ALL: [Self; 9] = [
        Self::Bank,
        Self::Mine,
        Self::MineAtBank,
        Self::CurrentUser,
        Self::CurrentUserIds,
        Self::AnyBank,
        Self::MinimalAtBank,
        Self::MinimalAnyBank,
        Self::Firehose,
    ];

    /// The `scope=` value in the URL.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Bank => "bank",
            Self::Mine => "my",
            Self::MineAtBank => "my-bank",
            Self::CurrentUser => "current-user",
            Self::CurrentUserIds => "current-user-ids",
            Self::AnyBank => "any-bank",
            Self::MinimalAtBank => "minimal",
            Self::MinimalAnyBank => "minimal-any-bank",
            Self::Firehose => "firehose",
        }
    }

    /// The scope a `scope=` value names.
    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|scope| scope.as_str() == raw)
    }

    /// The switch's label for it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Bank => "Customers at this bank",
            Self::Mine => "My customers",
            Self::MineAtBank => "My customers at this bank",
            Self::CurrentUser => "Customers for current user",
            Self::CurrentUserIds => "Customers for current user (ids only)",
            Self::AnyBank => "Customers at any bank",
            Self::MinimalAtBank => "Minimal at this bank",
            Self::MinimalAnyBank => "Minimal at any bank",
            Self::Firehose => "Firehose",
        }
    }

    /// Whether OBP pages and sorts this list (`limit`, `offset`, `sort_direction`).
    pub fn is_paged(self) -> bool {
        matches!(
            self,
            Self::Bank
                | Self::AnyBank
                | Self::MinimalAtBank
                | Self::MinimalAnyBank
                | Self::Firehose
        )
    }

    /// Whether the list holds the signed-in user's own customers (through user links).
    pub fn is_users_own(self) -> bool {
        matches!(
            self,
            Self::Mine | Self::MineAtBank | Self::CurrentUser | Self::CurrentUserIds
        )
    }

    /// The roles without which the switch does not offer it; empty when anyone may try.
    pub fn roles(self) -> &'static [&'static str] {
        match self {
            Self::Firehose => roles::USE_CUSTOMER_FIREHOSE,
            _ => &[],
        }
    }

    /// What the page says when the list is empty, `offset` rows in.
    pub fn empty_note(self, offset: u32) -> &'static str {
        match (self, offset) {
            (_, 1..) => "No more customers: this page is past the last one.",
            (Self::Bank | Self::MinimalAtBank, _) => "This bank has no customers yet.",
            (Self::AnyBank | Self::MinimalAnyBank, _) => "No bank has customers yet.",
            (Self::Firehose, _) => "No customer changed in this period.",
            (Self::MineAtBank, _) => "No customer at this bank is linked to your user.",
            _ => "No customer is linked to your user.",
        }
    }
}
