//! Nothing typed is lost, in a real browser against the sandbox: a session that expires mid-edit
//! (`--token-ttl 20`) gives the open form back, unsent, after signing in again, and one Save
//! makes one update, confirmed by a toast; the create form asks before a link leads away from its changes, keeps them
//! when the user stays, holds `beforeunload` on reload (and the reload gives the draft back), and
//! drops them when the user agrees to leave.

use std::time::{Duration, Instant};

use e2e::demo::{CUSTOMER_NUMBER, STAFF};
use e2e::{Error, Harness, Result};

/// The sandbox's token lifetime in these tests, in seconds.
const TOKEN_TTL: u64 = 20;
const RESTORED: &str = "Your unsaved changes were restored.";
const LEAVE: &str = "You have unsaved changes on this page. Leave it and discard them?";

/// Records, after the app's own listener, whether `beforeunload` was held (default prevented).
const UNLOAD_PROBE: &str = "addEventListener('beforeunload', (e) => \
    sessionStorage.setItem('e2e-unload-held', String(e.defaultPrevented)));";

/// Waits for the browser's dialog (`what` it is for) and returns its text.
async fn dialog_text(h: &Harness, what: &str) -> Result<String> {
    for _ in 0..50 {
        if let Ok(text) = h.client.get_alert_text().await {
            return Ok(text);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(Error::new(format!("no dialog was shown for {what}")))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_session_gives_the_typed_email_back_unsent() -> Result {
    let ttl = TOKEN_TTL.to_string();
    let h = Harness::start_with_flags(&["--token-ttl", &ttl]).await?;
    h.login(STAFF.0, STAFF.1).await?;
    let signed_in = Instant::now();
    let page = h.find_customer(CUSTOMER_NUMBER).await?;
    h.click_button("Edit email").await?;
    h.fill("Email", "zoe.drafted@bank.example").await?;

    // Past the token's lifetime (whole seconds at the sandbox), Save meets an expired session.
    let expired = Duration::from_secs(TOKEN_TTL) + Duration::from_millis(1500);
    tokio::time::sleep(expired.saturating_sub(signed_in.elapsed())).await;
    h.click_button("Save").await?;
    h.wait_for_text("Your session has ended. Sign in again to continue.")
        .await?;
    assert_eq!(h.current_path().await?, "/login");

    h.fill("Username", STAFF.0).await?;
    h.fill("Password", STAFF.1).await?;
    h.click_button("Sign in").await?;
    h.wait_for_text(RESTORED).await?;
    assert_eq!(h.current_path().await?, page);
    assert_eq!(h.field_value("Email").await?, "zoe.drafted@bank.example");
    assert_eq!(
        h.sandbox_answered("PUT", "/email"),
        [400],
        "only the expired attempt reached the server"
    );

    h.click_button("Save").await?;
    h.wait_for_text("Email of Zoë Müller updated").await?;
    h.wait_for_text("zoe.drafted@bank.example").await?;
    let customer_id = page.rsplit('/').next().unwrap_or_default();
    let record = h
        .api_get(
            STAFF.0,
            STAFF.1,
            &format!("/banks/gh.29.uk/customers/{customer_id}"),
        )
        .await?;
    assert_eq!(record["email"], "zoe.drafted@bank.example");
    assert_eq!(
        h.sandbox_answered("PUT", "/email"),
        [400, 200],
        "exactly one update reached the server"
    );
    assert!(!h.visible_text().await?.contains(RESTORED));
    h.assert_no_console_errors().await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn leaving_changes_asks_and_reload_is_held() -> Result {
    let h = Harness::start().await?;
    h.login(STAFF.0, STAFF.1).await?;
    h.click_link("New customer").await?;
    h.wait_for_heading("New customer").await?;
    h.fill("Legal name", "Ingrid Draft").await?;

    // A nav link asks; staying keeps the page and the text.
    h.click_link("Meetings").await?;
    assert_eq!(dialog_text(&h, "the link").await?, LEAVE);
    h.client.dismiss_alert().await?;
    assert_eq!(h.current_path().await?, "/customers/new");
    assert_eq!(h.field_value("Legal name").await?, "Ingrid Draft");

    // Reload: the app holds `beforeunload`, which is what makes a browser prompt (headless
    // Chromium under chromedriver reloads without showing that prompt to WebDriver), and the
    // reloaded page gives the draft back.
    h.client.execute(UNLOAD_PROBE, vec![]).await?;
    h.client
        .execute("setTimeout(() => location.reload(), 0);", vec![])
        .await?;
    h.wait_for_text(RESTORED).await?;
    let held = h
        .client
        .execute("return sessionStorage.getItem('e2e-unload-held');", vec![])
        .await?;
    assert_eq!(held, "true", "the app held beforeunload");
    assert_eq!(h.field_value("Legal name").await?, "Ingrid Draft");

    // Leaving, agreed to, drops the changes: the form is empty when opened again.
    h.click_link("Meetings").await?;
    assert_eq!(dialog_text(&h, "leaving").await?, LEAVE);
    h.client.accept_alert().await?;
    h.wait_for_heading("Meetings").await?;
    h.click_link("Customers").await?;
    h.click_link("New customer").await?;
    h.wait_for_heading("New customer").await?;
    assert_eq!(h.field_value("Legal name").await?, "");
    assert!(!h.visible_text().await?.contains(RESTORED));
    h.assert_no_console_errors().await?;
    h.finish().await
}
