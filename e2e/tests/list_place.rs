//! The list keeps its place and every change is confirmed (issue 10), in a real browser against
//! the sandbox: from page 3 of a phone search at 50 rows a page, "← Customers" and the redirect
//! after deleting a customer both land on that very list URL, the delete is confirmed by a toast;
//! an attribute deleted by mistake comes back with Undo, highlighted for a moment.

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

/// The value shown for the attribute `name`, once its row is there.
async fn attribute_value(h: &Harness, name: &str) -> Result<String> {
    h.wait_for_text(name).await?;
    for row in h.client.find_all(Locator::Css("tr")).await? {
        if row.text().await?.starts_with(name) {
            return Ok(row.find(Locator::Css(".value-cell")).await?.text().await?);
        }
    }
    Err(Error::new(format!("no row for the attribute {name}")))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deleted_attribute_comes_back_with_undo() -> Result {
    let h = Harness::start().await?;
    h.login(STAFF.0, STAFF.1).await?;
    let customer = h.find_customer("100005").await?;
    h.goto(&format!("{customer}/attributes")).await?;
    let points = attribute_value(&h, "LOYALTY_POINTS").await?;

    h.click_button("Delete attribute LOYALTY_POINTS").await?;
    h.click_button("Yes, delete").await?;
    h.wait_for_text("Attribute LOYALTY_POINTS deleted from")
        .await?;
    h.click_button("Undo").await?;
    h.wait_for_text("Attribute LOYALTY_POINTS restored to")
        .await?;
    h.wait_for_text("as a new record").await?;
    // The restored row is highlighted for a moment.
    h.text_of("tr.changed").await?;
    tokio::time::sleep(Duration::from_millis(2500)).await;
    assert!(
        h.client
            .find_all(Locator::Css(".changed"))
            .await?
            .is_empty(),
        "the highlight fades after 2 s"
    );

    // A reload reads the restored attribute, with its value, back from the sandbox.
    h.goto(&format!("{customer}/attributes")).await?;
    assert_eq!(attribute_value(&h, "LOYALTY_POINTS").await?, points);

    h.assert_no_console_errors().await?;
    h.finish().await
}
