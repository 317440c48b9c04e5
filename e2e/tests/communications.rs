//! Lists and communications in a real browser against the sandbox: staff sets up a meeting and
//! reads it back, switches the customer list to "My customers", and filters the CRM events by
//! category. Every test ends by checking the browser console for errors.

use e2e::{Harness, Result};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_creates_a_meeting_and_finds_it_in_the_list_and_its_page() -> Result {
    let h = Harness::start().await?;
    h.login("staff", "staff-password-1").await?;
    h.click_link("Meetings").await?;
    h.wait_for_heading("Meetings").await?;
    // The two seeded meetings, latest first.
    h.wait_for_text("2025-02-10 10:30 UTC").await?;
    h.wait_for_text("José Álvarez Núñez (invited)").await?;

    h.click_button("New meeting").await?;
    h.fill("Provider", "jitsi").await?;
    h.fill("Purpose", "annual review").await?;
    h.fill("Date", "2025-04-02").await?;
    h.fill("Time (UTC)", "09:30").await?;
    h.fill("Creator mobile phone", "+44 7700 900100").await?;
    h.fill("Invitee name", "Søren Ødegård").await?;
    h.fill("Invitee mobile phone", "+447700900004").await?;
    h.fill("Invitee email", "soren.odegard@example.com").await?;
    h.click_button("Create meeting").await?;
    h.wait_for_text("without spaces").await?;
    h.fill("Purpose", "annual-review").await?;
    h.click_button("Create meeting").await?;

    // Newest first: the new meeting leads the list.
    h.wait_for_text("Søren Ødegård (invited)").await?;
    h.click_link("2025-04-02 09:30 UTC").await?;
    h.wait_for_heading("Invitees").await?;
    h.wait_for_text("annual-review").await?;
    h.wait_for_text("soren.odegard@example.com").await?;
    h.wait_for_text("staff@example.com").await?;

    // Its page is a deep link: a reload reads it back from the sandbox.
    let page = h.current_path().await?;
    assert!(page.starts_with("/meetings/"), "{page}");
    h.goto(&page).await?;
    h.wait_for_text("+447700900004").await?;
    h.goto("/meetings/no-such-meeting").await?;
    h.wait_for_text("OBP-30104").await?;
    h.wait_for_text("No meeting has that id at this bank")
        .await?;

    h.assert_no_console_errors().await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_switches_the_customer_list_to_my_customers() -> Result {
    let h = Harness::start().await?;
    h.login("staff", "staff-password-1").await?;
    h.wait_for_text("Rows 1\u{2013}25").await?;

    h.fill("Scope", "My customers").await?;
    // staff is linked to 100001 and 100002.
    h.wait_for_text("Customers linked to your user: 2").await?;
    h.wait_for_text("José Álvarez Núñez").await?;
    h.wait_for_text("Zoë Müller").await?;
    let text = h.visible_text().await?;
    assert!(!text.contains("Łukasz Wójcik"), "only the linked customers");
    assert_eq!(
        h.client.current_url().await?.query(),
        Some("scope=my"),
        "the scope is in the URL"
    );

    // A reload keeps the scope; the customer link opens the customer page.
    h.goto("/customers?scope=my").await?;
    h.wait_for_text("Customers linked to your user: 2").await?;
    h.click_link("José Álvarez Núñez").await?;
    h.wait_for_heading("José Álvarez Núñez").await?;

    h.assert_no_console_errors().await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn crm_events_filter_by_a_category() -> Result {
    let h = Harness::start().await?;
    h.login("staff", "staff-password-1").await?;
    h.click_link("CRM events").await?;
    h.wait_for_text("13 of 13 events").await?;

    h.fill("Category", "Mortgage").await?;
    h.wait_for_text("3 of 13 events").await?;
    h.wait_for_text("Remortgage meeting").await?;
    let text = h.visible_text().await?;
    assert!(
        !text.contains("Disputed direct debit"),
        "other categories are hidden"
    );
    assert_eq!(
        h.client.current_url().await?.query(),
        Some("category=Mortgage")
    );

    h.fill("Channel", "Branch").await?;
    h.wait_for_text("1 of 13 events").await?;
    h.wait_for_text("First mortgage consultation").await?;
    h.fill("Category", "All").await?;
    h.wait_for_text("Account opening appointment").await?;
    h.wait_for_text("3 of 13 events").await?;
    assert_eq!(
        h.client.current_url().await?.query(),
        Some("channel=Branch")
    );

    h.assert_no_console_errors().await?;
    h.finish().await
}
