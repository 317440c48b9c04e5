//! Facts of the sandbox's seeded demo data that measurements and tests rely on
//! (sandbox/src/seed.rs and its `seed/` modules), and the way to a customer's page.

use crate::error::Result;
use crate::Harness;

/// The demo staff login and its password.
pub const STAFF: (&str, &str) = ("staff", "staff-password-1");

/// The customer with data on every tab of the customer page: 100001 (Zoë Müller) at gh.29.uk.
pub const CUSTOMER_NUMBER: &str = "100001";

/// Each tab of the customer page, as its path under the customer's page (`""` is the profile),
/// with a seeded value of customer 100001 that it shows once its data is loaded.
pub const CUSTOMER_TABS: [(&str, &str); 7] = [
    ("", "zoe.muller@example.com"),
    ("addresses", "1 Canada Square"),
    ("attributes", "PASSPORT_EXPIRY"),
    ("tax-social", "AB123456C"),
    ("accounts", "Savings Account"),
    ("kyc", "MULLE062253Z99AB"),
    ("messages", "Alex Morgan"),
];

/// Customer 100001's seeded KYC media (sandbox/src/seed/kyc.rs): the KYC tab previews its image,
/// which is on a host no test can reach, so the browser logs its failed load.
pub const KYC_SCAN_URL: &str = "https://static.example.com/kyc/100001/passport-scan.jpg";

/// The path of `tab` (one of [`CUSTOMER_TABS`]) under the customer page at `customer`.
pub fn tab_path(customer: &str, tab: &str) -> String {
    match tab {
        "" => customer.to_owned(),
        tab => format!("{customer}/{tab}"),
    }
}

impl Harness {
    /// Opens the customer `number` through the list's "find by number", as a person would, and
    /// returns the path of its page.
    pub async fn find_customer(&self, number: &str) -> Result<String> {
        self.goto("/customers").await?;
        self.fill("Customer number", number).await?;
        self.click_button("Find").await?;
        self.wait_for_text(&format!("Customer number {number}"))
            .await?;
        self.current_path().await
    }

    /// [`Harness::assert_no_console_errors`], expecting the failed load of [`KYC_SCAN_URL`]
    /// (and nothing else) when customer 100001's KYC tab was shown.
    pub async fn assert_no_console_errors_but_the_kyc_scan(&self) -> Result {
        self.assert_no_console_errors_but(|entry| entry.message.starts_with(KYC_SCAN_URL))
            .await
    }
}
