//! The Enterprise backend in a real browser: the same build, with the sandbox serving a
//! `config.json` that says `"backend": "enterprise"`. Paste the token, page through the list,
//! create a company customer with an address, edit it, and delete it.

use e2e::{Harness, Result};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_pastes_a_token_pages_creates_edits_and_deletes() -> Result {
    let h = Harness::start_enterprise().await?;
    h.goto("/customers?page=2&size=20").await?;
    h.wait_for_text("Enterprise API").await?;
    assert_eq!(h.current_path().await?, "/login");
    h.fill("Bearer token", sandbox::enterprise::DEMO_TOKEN)
        .await?;
    h.click_button("Sign in").await?;
    h.wait_for_text("125 customers \u{00b7} page 2 of 7")
        .await?;

    h.fill("Go to page", "3").await?;
    h.click_button("Go").await?;
    h.wait_for_text("125 customers \u{00b7} page 3 of 7")
        .await?;
    h.wait_for_text("Rows 41\u{2013}60 of 125").await?;
    assert!(
        !h.visible_text().await?.contains("Attribute definitions"),
        "OBP pages are not offered"
    );

    h.click_link("New customer").await?;
    h.wait_for_heading("New customer").await?;
    h.fill("Company", "E2E Bakkerij B.V.").await?;
    h.fill("Email", "info@e2e-bakkerij.nl").await?;
    h.fill("Phone", "+31 20 555 0101").await?;
    h.fill("Street", "Damrak").await?;
    h.fill("House number", "12").await?;
    h.fill("Postcode", "1012 LG").await?;
    h.fill("City", "Amsterdam").await?;
    h.fill("Country", "XX").await?;
    h.click_button("Create customer").await?;
    h.wait_for_text("Enter a two-letter ISO country code")
        .await?;
    h.fill("Country", "NL").await?;
    h.click_button("Create customer").await?;
    h.wait_for_heading("E2E Bakkerij B.V.").await?;
    h.wait_for_text("Created E2E Bakkerij B.V.").await?;
    h.wait_for_text("31205550101").await?;

    h.click_button("Edit").await?;
    h.fill("City", "Haarlem").await?;
    h.click_button("Save").await?;
    h.wait_for_text("Haarlem").await?;
    let page = h.current_path().await?;
    h.goto(&page).await?;
    h.wait_for_heading("E2E Bakkerij B.V.").await?;
    h.wait_for_text("Haarlem").await?;
    h.wait_for_text("Damrak").await?;

    h.click_button("Delete customer E2E Bakkerij B.V.").await?;
    h.wait_for_heading("Delete E2E Bakkerij B.V.?").await?;
    h.click_button("Delete permanently").await?;
    h.wait_for_text("Deleted E2E Bakkerij B.V.").await?;
    h.wait_for_text("125 customers").await?;
    h.goto(&page).await?;
    h.wait_for_text("Not found").await?;

    h.assert_no_console_errors().await?;
    h.finish().await
}
