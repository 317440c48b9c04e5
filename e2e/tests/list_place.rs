//! The list keeps its place and every change is confirmed (issue 10), in a real browser against
//! the sandbox: from page 3 of a phone search at 50 rows a page, "← Customers" and the redirect
//! after deleting a customer both land on that very list URL, the delete is confirmed by a toast;
//! an attribute deleted by mistake comes back with Undo.

use std::time::Duration;

use e2e::{Error, Harness, Result};
use fantoccini::Locator;

const STAFF: (&str, &str) = ("staff", "staff-password-1");

/// Page 3 at 50 rows a page, searching the phones +447700900200…+447700900260.
const LIST: &str = "/customers?limit=50&offset=100&phone=%2B4477009002%25";

/// The current URL's path and query.
async fn here(h: &Harness) -> Result<String> {
    let url = h.client.current_url().await?;
    Ok(match url.query() {
        Some(query) => format!("{}?{query}", url.path()),
        None => url.path().to_owned(),
    })
}

/// Waits until the browser shows `url` (path and query).
async fn wait_for_url(h: &Harness, url: &str) -> Result {
    for _ in 0..100 {
        if here(h).await? == url {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(Error::new(format!(
        "expected to be at {url}, still at {}",
        here(h).await?
    )))
}

/// Opens the first customer the list shows; its name.
async fn open_first_customer(h: &Harness) -> Result<String> {
    h.wait_for_text("customers with a mobile phone matching")
        .await?;
    let link = h
        .client
        .find(Locator::Css("table a[href*='/customers/']"))
        .await?;
    let name = link.text().await?;
    link.click().await?;
    h.wait_for_heading(&name).await?;
    Ok(name)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn back_and_delete_return_to_the_list_page_left() -> Result {
    let h = Harness::start().await?;
    h.login(STAFF.0, STAFF.1).await?;
    h.goto(LIST).await?;

    open_first_customer(&h).await?;
    h.click_link("\u{2190} Customers").await?;
    wait_for_url(&h, LIST).await?;

    let name = open_first_customer(&h).await?;
    h.click_button("Delete customer").await?;
    h.wait_for_heading(&format!("Delete {name}?")).await?;
    h.click_button("Delete permanently").await?;
    h.wait_for_text(&format!("Deleted {name} and everything linked to it."))
        .await?;
    wait_for_url(&h, LIST).await?;
    h.wait_for_text("customers with a mobile phone matching")
        .await?;

    h.assert_no_console_errors().await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deleted_attribute_comes_back_with_undo() -> Result {
    let h = Harness::start().await?;
    h.login(STAFF.0, STAFF.1).await?;
    h.goto("/customers").await?;
    h.fill("Customer number", "100030").await?;
    h.click_button("Find").await?;
    h.wait_for_text("Customer number 100030").await?;
    h.click_link("Attributes").await?;

    h.click_button("Add attribute").await?;
    h.fill("Name", "PASSPORT_EXPIRY").await?;
    h.wait_for_text("Type DATE_WITH_DAY").await?;
    h.fill("Value", "2031-05-01").await?;
    h.click_button("Save").await?;
    h.wait_for_text("Attribute PASSPORT_EXPIRY added to")
        .await?;

    h.click_button("Delete attribute PASSPORT_EXPIRY").await?;
    h.click_button("Yes, delete").await?;
    h.wait_for_text("Attribute PASSPORT_EXPIRY deleted from")
        .await?;
    h.click_button("Undo").await?;
    h.wait_for_text("Attribute PASSPORT_EXPIRY restored to")
        .await?;
    h.wait_for_text("as a new record").await?;
    h.wait_for_text("2031-05-01").await?;

    // A reload reads the restored attribute back from the sandbox.
    let tab = here(&h).await?;
    h.goto(&tab).await?;
    h.wait_for_text("2031-05-01").await?;

    h.assert_no_console_errors().await?;
    h.finish().await
}
