//! Customer 360 in a real browser against the sandbox: staff adds, edits and deletes an
//! address, a DATE_WITH_DAY attribute, a tax residence and an account link, and a reload reads
//! every change back; the auditor sees the same tabs without any way to change them; a customer
//! of another bank than the header's is changed at its own bank.

use e2e::{Error, Harness, Result};
use serde_json::Value;

const STAFF: (&str, &str) = ("staff", "staff-password-1");

/// Opens the customer page of `number` through the list's "find by number"; its path.
async fn open_customer(h: &Harness, number: &str) -> Result<String> {
    h.goto("/customers").await?;
    h.fill("Customer number", number).await?;
    h.click_button("Find").await?;
    h.wait_for_text(&format!("Customer number {number}"))
        .await?;
    h.current_path().await
}

/// Opens `tab` and reloads it from its deep link, so what follows is read from the sandbox.
async fn reload_tab(h: &Harness, customer_path: &str, tab: &str, shows: &str) -> Result {
    h.goto(&format!("{customer_path}/{tab}")).await?;
    h.wait_for_text(shows).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_keeps_a_customers_addresses_attributes_tax_and_account_links() -> Result {
    let h = Harness::start().await?;
    h.login("staff", "staff-password-1").await?;

    // Another customer's account, to link to this one.
    let other = open_customer(&h, "100021").await?;
    h.goto(&format!("{other}/accounts")).await?;
    let other_account = h.text_of(".account-card dd.mono").await?;

    let customer = open_customer(&h, "100020").await?;

    // Address: add, edit, reload.
    h.click_link("Addresses").await?;
    h.wait_for_text("No addresses on file.").await?;
    h.click_button("Add address").await?;
    h.fill("Line 1", "1 Canal Street").await?;
    h.fill("City", "Amsterdam").await?;
    h.fill("Country", "XX").await?;
    h.click_button("Save").await?;
    h.wait_for_text("Enter a two-letter ISO country code")
        .await?;
    h.fill("Country", "nl").await?;
    h.fill("Tags", "home").await?;
    h.click_button("Save").await?;
    h.wait_for_text("1 Canal Street").await?;
    h.click_button("Edit address 1 Canal Street, Amsterdam, NL")
        .await?;
    h.fill("City", "Rotterdam").await?;
    h.click_button("Save").await?;
    h.wait_for_text("Rotterdam").await?;

    // Attribute from a definition, DATE_WITH_DAY: add, edit.
    h.click_link("Attributes").await?;
    h.click_button("Add attribute").await?;
    h.fill("Name", "PASSPORT_EXPIRY").await?;
    h.wait_for_text("Type DATE_WITH_DAY").await?;
    h.fill("Value", "2031-05-01").await?;
    h.click_button("Save").await?;
    h.wait_for_text("2031-05-01").await?;
    h.click_button("Edit attribute PASSPORT_EXPIRY").await?;
    h.fill("Value", "2032-06-30").await?;
    h.click_button("Save").await?;
    h.wait_for_text("2032-06-30").await?;

    // Tax residence.
    h.click_link("Tax & social").await?;
    h.click_button("Add tax residence").await?;
    h.fill("Tax domain", "DE").await?;
    h.fill("Tax number", "12/345/67890").await?;
    h.click_button("Save").await?;
    h.wait_for_text("12/345/67890").await?;

    // Account link: the customer's own account is linked already (OBP-30223, inline), the
    // other customer's is not; then the relationship changes.
    h.click_link("Accounts & links").await?;
    let own_account = h.text_of(".account-card dd.mono").await?;
    h.click_button("Link an account").await?;
    h.fill("Account id", &own_account).await?;
    h.fill("Relationship", "Owner").await?;
    h.click_button("Save").await?;
    h.wait_for_text("OBP-30223").await?;
    h.wait_for_text("This account is already linked to this customer.")
        .await?;
    h.fill("Account id", &other_account).await?;
    h.fill("Relationship", "Joint").await?;
    h.click_button("Save").await?;
    h.wait_for_text("Joint").await?;
    h.click_button(&format!(
        "Change the relationship to account {other_account}"
    ))
    .await?;
    h.fill("Relationship", "Power of attorney").await?;
    h.click_button("Save").await?;
    h.wait_for_text("Power of attorney").await?;

    // A reload reads every change back from the sandbox.
    reload_tab(&h, &customer, "addresses", "Rotterdam").await?;
    reload_tab(&h, &customer, "attributes", "2032-06-30").await?;
    reload_tab(&h, &customer, "tax-social", "12/345/67890").await?;
    reload_tab(&h, &customer, "accounts", "Power of attorney").await?;

    // Deletes, each behind a dialog naming the item.
    h.click_button(&format!("Delete link to account {other_account}"))
        .await?;
    h.wait_for_heading(&format!("Delete link to account {other_account}?"))
        .await?;
    h.click_button("Yes, delete").await?;
    reload_tab(&h, &customer, "accounts", "Owner").await?;
    let text = h.visible_text().await?;
    assert!(!text.contains("Power of attorney"), "the link is gone");

    for (tab, item, gone) in [
        (
            "addresses",
            "address 1 Canal Street, Rotterdam, NL",
            "No addresses on file.",
        ),
        (
            "attributes",
            "attribute PASSPORT_EXPIRY",
            "No attributes yet.",
        ),
        (
            "tax-social",
            "tax residence DE 12/345/67890",
            "No tax residences on file.",
        ),
    ] {
        h.goto(&format!("{customer}/{tab}")).await?;
        h.click_button(&format!("Delete {item}")).await?;
        h.wait_for_heading(&format!("Delete {item}?")).await?;
        h.click_button("Yes, delete").await?;
        h.wait_for_text(gone).await?;
        reload_tab(&h, &customer, tab, gone).await?;
    }

    h.assert_no_console_errors().await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn auditor_sees_the_tabs_but_cannot_change_them() -> Result {
    let h = Harness::start().await?;
    h.login("auditor", "auditor-password-1").await?;
    let customer = open_customer(&h, "100001").await?;

    reload_tab(
        &h,
        &customer,
        "addresses",
        "Adding addresses needs the role CanCreateCustomerAddress",
    )
    .await?;
    reload_tab(&h, &customer, "attributes", "SPECIAL_TAX_NUMBER").await?;
    h.wait_for_text("Adding attributes needs the role").await?;
    reload_tab(
        &h,
        &customer,
        "tax-social",
        "Adding tax residences needs the role",
    )
    .await?;
    reload_tab(&h, &customer, "accounts", "Current Account").await?;
    h.wait_for_text("Linking accounts needs the role CanCreateCustomerAccountLink")
        .await?;

    let text = h.visible_text().await?;
    for action in ["Link an account", "Link a user", "Change", "Yes, delete"] {
        assert!(
            !text.lines().any(|line| line.trim() == action),
            "the auditor is offered {action:?}"
        );
    }
    h.assert_no_console_errors().await?;
    h.finish().await
}

/// Every string `pick` finds in the items of the JSON list `list`.
fn each<'a>(list: &'a Value, pick: impl Fn(&'a Value) -> Option<&'a str>) -> Vec<&'a str> {
    list.as_array()
        .map(|items| items.iter().filter_map(pick).collect())
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customer_of_another_bank_is_changed_at_its_own_bank() -> Result {
    let h = Harness::start().await?;
    let (user, password) = STAFF;
    h.login(user, password).await?;

    // The first page of "Customers at any bank", as the list will ask for it: an obp.bank.de
    // customer whose name no other row has.
    let page = h
        .api_get(
            user,
            password,
            "/customers?limit=100&offset=0&sort_direction=DESC",
        )
        .await?;
    let rows = &page["customers"];
    let names = each(rows, |c| c["legal_name"].as_str());
    let german = rows
        .as_array()
        .into_iter()
        .flatten()
        .find(|c| {
            let name = c["legal_name"].as_str().unwrap_or_default();
            c["bank_id"] == "obp.bank.de" && names.iter().filter(|n| **n == name).count() == 1
        })
        .ok_or_else(|| Error::new(format!("no obp.bank.de customer on the first page: {page}")))?;
    let (id, number, name) = (
        german["customer_id"].as_str().unwrap_or_default(),
        german["customer_number"].as_str().unwrap_or_default(),
        german["legal_name"].as_str().unwrap_or_default(),
    );

    h.goto("/customers?scope=any-bank&limit=100").await?;
    h.wait_for_text(name).await?;
    let header_bank = h
        .client
        .execute(
            "return document.getElementById('bank-picker').value;",
            vec![],
        )
        .await?;
    assert_eq!(header_bank, "gh.29.uk", "the header's bank");
    h.click_link(name).await?;
    h.wait_for_text(&format!("Customer number {number} \u{00b7} obp.bank.de"))
        .await?;
    assert_eq!(
        h.current_path().await?,
        format!("/banks/obp.bank.de/customers/{id}")
    );

    h.click_link("Addresses").await?;
    h.click_button("Add address").await?;
    h.fill("Line 1", "Unter den Linden 1").await?;
    h.fill("City", "Berlin").await?;
    h.fill("Country", "de").await?;
    h.click_button("Save").await?;
    h.wait_for_text("Unter den Linden 1").await?;

    h.click_link("KYC").await?;
    h.click_button("Add document").await?;
    h.fill("Document type", "passport").await?;
    h.fill("Document number", "E2E-DE-1").await?;
    h.fill("Place of issue", "Berlin").await?;
    h.fill("Issue date", "2021-01-10").await?;
    h.fill("Expiry date", "2031-01-10").await?;
    h.click_button("Save").await?;
    h.wait_for_text("E2E-DE-1").await?;

    // On the server: both at obp.bank.de.
    let addresses = h
        .api_get(
            user,
            password,
            &format!("/banks/obp.bank.de/customers/{id}/addresses"),
        )
        .await?;
    assert!(
        each(&addresses["addresses"], |a| a["line_1"].as_str()).contains(&"Unter den Linden 1"),
        "{addresses}"
    );
    let documents = h
        .api_get(user, password, &format!("/customers/{id}/kyc_documents"))
        .await?;
    let banks_of_ours = each(&documents["documents"], |d| {
        (d["number"] == "E2E-DE-1")
            .then(|| d["bank_id"].as_str())
            .flatten()
    });
    assert_eq!(banks_of_ours, ["obp.bank.de"], "{documents}");

    // Nothing was asked of gh.29.uk for this customer.
    let sent = h
        .client
        .execute(
            "return performance.getEntriesByType('resource').map((e) => e.name);",
            vec![],
        )
        .await?;
    let at_header_bank: Vec<&str> = each(&sent, Value::as_str)
        .into_iter()
        .filter(|url| url.contains(&format!("/banks/gh.29.uk/customers/{id}")))
        .collect();
    assert!(at_header_bank.is_empty(), "{at_header_bank:#?}");
    assert!(
        each(&sent, Value::as_str)
            .iter()
            .any(|url| url.ends_with(&format!("/banks/obp.bank.de/customers/{id}/address"))),
        "the address went out from this page: {sent}"
    );

    // An old link without the bank lands on the customer's own bank, on the same tab.
    h.goto(&format!("/customers/{id}/kyc")).await?;
    h.wait_for_text("E2E-DE-1").await?;
    assert_eq!(
        h.current_path().await?,
        format!("/banks/obp.bank.de/customers/{id}/kyc")
    );

    h.assert_no_console_errors().await?;
    h.finish().await
}
