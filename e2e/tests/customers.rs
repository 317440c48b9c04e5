//! The customer journeys of the foundation issue, in a real browser against the sandbox:
//! staff works a customer from list to delete; the auditor can only read; a wrong password is
//! explained. Every test ends by checking the browser console for errors.

use e2e::{Harness, Result};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_lists_pages_finds_creates_edits_and_deletes() -> Result {
    let h = Harness::start().await?;
    h.login("staff", "staff-password-1").await?;
    assert_eq!(h.current_path().await?, "/customers");

    // Newest first: the seeded 100001 leads; names with markup are shown as plain text.
    h.wait_for_text("Zoë Müller").await?;
    h.wait_for_text("<script>alert('x')</script> Holdings")
        .await?;
    h.wait_for_text("Rows 1\u{2013}25").await?;
    h.click_button("Next \u{2192}").await?;
    h.wait_for_text("Rows 26\u{2013}50").await?;

    h.fill("Customer number", "100003").await?;
    h.click_button("Find").await?;
    h.wait_for_heading("Łukasz Wójcik").await?;

    h.goto("/customers").await?;
    h.click_link("New customer").await?;
    h.wait_for_heading("New customer").await?;
    h.fill("Legal name", "Ingrid E2E Søndergaard").await?;
    h.fill("Mobile phone number", "+44 7700 900999").await?;
    h.fill("Email", "ingrid@example.com").await?;
    h.fill("Customer number", "990001").await?;
    h.click_button("Create customer").await?;
    h.wait_for_heading("Ingrid E2E Søndergaard").await?;
    h.wait_for_text("Created Ingrid E2E Søndergaard (customer number 990001).")
        .await?;

    h.click_button("Edit email").await?;
    h.fill("Email", "ingrid.s@bank.example").await?;
    h.click_button("Save").await?;
    h.wait_for_text("ingrid.s@bank.example").await?;

    // A reload of the deep link reads the change back from the sandbox.
    let detail = h.current_path().await?;
    h.goto(&detail).await?;
    h.wait_for_heading("Ingrid E2E Søndergaard").await?;
    h.wait_for_text("ingrid.s@bank.example").await?;

    h.click_button("Delete customer").await?;
    h.wait_for_heading("Delete Ingrid E2E Søndergaard?").await?;
    h.click_button("Delete permanently").await?;
    h.wait_for_text("Deleted Ingrid E2E Søndergaard and everything linked to it.")
        .await?;
    assert_eq!(h.current_path().await?, "/customers");

    h.fill("Customer number", "990001").await?;
    h.click_button("Find").await?;
    h.wait_for_text("OBP-30002").await?;

    h.assert_no_console_errors().await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn auditor_reads_but_cannot_create_edit_or_delete() -> Result {
    let h = Harness::start().await?;
    h.login("auditor", "auditor-password-1").await?;
    h.wait_for_text("Creating customers needs the role CanCreateCustomer")
        .await?;
    h.click_link("José Álvarez Núñez").await?;
    h.wait_for_heading("José Álvarez Núñez").await?;
    h.wait_for_text("Deleting customers needs the role CanDeleteCustomerCascade")
        .await?;
    let text = h.visible_text().await?;
    assert!(!text.contains("New customer"), "no create for the auditor");
    assert!(
        !text.contains("Delete customer"),
        "no delete for the auditor"
    );
    assert!(!text.contains("\nEdit\n"), "no edit for the auditor");
    h.assert_no_console_errors().await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_password_is_explained_and_input_kept() -> Result {
    let h = Harness::start().await?;
    h.goto("/customers").await?;
    h.wait_for_heading("Sign in").await?;
    h.fill("Username", "staff").await?;
    h.fill("Password", "not-the-password").await?;
    h.click_button("Sign in").await?;
    h.wait_for_text("OBP-20004").await?;
    h.wait_for_text("The username or password is wrong.")
        .await?;
    assert_eq!(h.current_path().await?, "/login");
    h.assert_no_console_errors().await?;
    h.finish().await
}
