//! KYC and messages in a real browser against the sandbox: staff adds a passport expiring
//! soon, a satisfied check, a media item linked to the passport and two statuses, and sees the
//! expiry badge, the thumbnail and the timeline; then sends the customer a message. A reload
//! reads it all back.

use e2e::{Harness, Result};

/// `yyyy-MM-dd`, `days` from today, as the browser computes it.
async fn day_in(h: &Harness, days: i64) -> Result<String> {
    let script = "return new Date(Date.now() + arguments[0] * 864e5).toISOString().slice(0, 10);";
    let value = h.client.execute(script, vec![days.into()]).await?;
    Ok(value.as_str().unwrap_or_default().to_owned())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_records_kyc_and_sends_a_message() -> Result {
    let h = Harness::start().await?;
    h.login("staff", "staff-password-1").await?;
    h.goto("/customers").await?;
    h.fill("Customer number", "100003").await?;
    h.click_button("Find").await?;
    h.wait_for_text("Customer number 100003").await?;
    let customer = h.current_path().await?;
    h.click_link("KYC").await?;
    h.wait_for_text("No identity documents on file.").await?;

    // A passport expiring in 60 days: flagged.
    let expiry = day_in(&h, 60).await?;
    h.click_button("Add document").await?;
    h.fill("Document type", "passport").await?;
    h.fill("Document number", "E2E-P1").await?;
    h.fill("Place of issue", "London").await?;
    h.fill("Issue date", "2021-01-10").await?;
    h.fill("Expiry date", "2020-01-01").await?;
    h.click_button("Save").await?;
    h.wait_for_text("The expiry date cannot be before the issue date.")
        .await?;
    h.fill("Expiry date", &expiry).await?;
    h.click_button("Save").await?;
    h.wait_for_text("E2E-P1").await?;
    h.wait_for_text("Expires in 60 days").await?;

    // A satisfied check, by the signed-in staff user.
    h.click_button("Add check").await?;
    h.fill("How it was done", "Video call").await?;
    h.tick("Satisfied").await?;
    h.click_button("Save").await?;
    h.wait_for_text("Video call").await?;

    // A media item linked to the passport, served by the sandbox, so its thumbnail loads.
    h.click_button("Add media").await?;
    h.fill("URL", &format!("{}/favicon.svg", h.base_url))
        .await?;
    h.fill("Document", "passport E2E-P1").await?;
    h.click_button("Save").await?;
    h.wait_for_text("Document: passport E2E-P1").await?;
    h.text_of(".media-grid img.thumbnail").await?;

    // Two statuses: OBP keeps one a bank, so the second replaces the first as the current one.
    h.click_button("Record a status").await?;
    h.fill("Date", &day_in(&h, -30).await?).await?;
    h.click_button("Save").await?;
    h.wait_for_text(&day_in(&h, -30).await?).await?;
    h.click_button("Record a status").await?;
    h.tick("KYC satisfied").await?;
    h.click_button("Save").await?;
    let today = day_in(&h, 0).await?;
    h.wait_for_text(&today).await?;
    let current = h.text_of(".timeline-entry.current").await?;
    assert!(
        current.contains(&today) && current.contains("KYC OK"),
        "{current}"
    );

    // A message.
    h.click_link("Messages").await?;
    h.wait_for_text("No messages have been sent to this customer.")
        .await?;
    h.click_button("Send a message").await?;
    h.fill("Message", "Your new card is on its way.").await?;
    h.fill("From department", "Cards").await?;
    h.click_button("Send").await?;
    h.wait_for_text("Your new card is on its way.").await?;

    // A reload reads it back.
    h.goto(&format!("{customer}/kyc")).await?;
    h.wait_for_text("Expires in 60 days").await?;
    h.wait_for_text("Document: passport E2E-P1").await?;
    let current = h.text_of(".timeline-entry.current").await?;
    assert!(current.contains(&today), "{current}");
    h.goto(&format!("{customer}/messages")).await?;
    h.wait_for_text("Your new card is on its way.").await?;

    h.assert_no_console_errors().await?;
    h.finish().await
}
