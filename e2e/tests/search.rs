//! Finding anyone in a keystroke (issue 13), in a real browser against a sandbox seeded with
//! 10,000 extra customers (`--seed-customers 10000`, 10,260 at gh.29.uk) and 300 ms of latency,
//! so indexing shows its progress: the index grows page by page, a customer of the list's last
//! page is found by part of the name typed without accents, with the match marked and the query
//! in the URL, and another is opened with the keyboard alone (Ctrl+K, type, Enter).

use std::time::Duration;

use e2e::{Error, Harness, Result};
use fantoccini::Locator;

/// WebDriver's Control, Enter, arrow down and "release the modifiers" keys.
const CONTROL: &str = "\u{E009}";
const ARROW_DOWN: &str = "\u{E015}";
const ENTER: &str = "\u{E007}";
const RELEASE: &str = "\u{E000}";

async fn big_bank() -> Result<Harness> {
    let h =
        Harness::start_with_flags(&["--seed-customers", "10000", "--latency-ms", "300"]).await?;
    h.login("staff", "staff-password-1").await?;
    h.wait_for_text("Zoë Müller").await?;
    Ok(h)
}

/// Waits until the index of gh.29.uk is complete, having seen it in progress on the way.
async fn index_with_progress(h: &Harness) -> Result {
    let mut seen_progress = false;
    for _ in 0..600 {
        let text = h.visible_text().await?;
        if text.contains("Indexing customers\u{2026}") && text.contains("so far") {
            seen_progress = true;
        }
        if text.contains("Indexed 10,260 customers") {
            return match seen_progress {
                true => Ok(()),
                false => Err(Error::new(
                    "the index completed without showing its progress",
                )),
            };
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Err(Error::new("the index never completed"))
}

/// The texts of the marked (matched) parts in `css`.
async fn marked(h: &Harness, css: &str) -> Result<Vec<String>> {
    let mut texts = Vec::new();
    for mark in h.client.find_all(Locator::Css(css)).await? {
        texts.push(mark.text().await?);
    }
    Ok(texts)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customer_of_the_last_page_is_found_by_name_without_accents() -> Result {
    let h = big_bank().await?;
    // Its first use starts the index: a click into the search box.
    h.client
        .find(Locator::Css("#customer-search"))
        .await?
        .click()
        .await?;
    index_with_progress(&h).await?;

    // 110255 Maëlle Strauß is on the list's last page (rows 10,251–10,260).
    h.fill("Search customers", "strauss maelle").await?;
    h.wait_for_text("110255").await?;
    h.wait_for_text("customers match \u{201c}strauss maelle\u{201d} among 10,260 customers")
        .await?;
    let marks = marked(&h, "table mark").await?;
    assert!(marks.iter().any(|m| m == "Maëlle"), "{marks:?}");
    assert!(marks.iter().any(|m| m == "Strauß"), "{marks:?}");
    // The URL takes the query once typing pauses.
    let mut query = None;
    for _ in 0..50 {
        query = h.client.current_url().await?.query().map(str::to_owned);
        if query.as_deref() == Some("q=strauss%20maelle") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(query.as_deref(), Some("q=strauss%20maelle"));

    // The query lives in the URL: a reload searches again.
    h.goto("/customers?q=strauss%20maelle").await?;
    assert_eq!(h.field_value("Search customers").await?, "strauss maelle");
    h.wait_for_text("110255").await?;

    h.assert_no_console_errors().await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_switcher_opens_a_customer_with_the_keyboard_only() -> Result {
    let h = big_bank().await?;
    let keys = |text: String| {
        let client = h.client.clone();
        async move { client.active_element().await?.send_keys(&text).await }
    };
    keys(format!("{CONTROL}k{RELEASE}")).await?;
    h.wait_for_heading("Find a customer").await?;
    let focused = h.client.active_element().await?;
    assert_eq!(focused.attr("id").await?.as_deref(), Some("switcher-input"));
    // Opening the switcher is the index's first use.
    index_with_progress(&h).await?;

    // 110256 François Ærøe, typed without accents.
    keys("aeroe francois".to_owned()).await?;
    h.wait_for_text("110256").await?;
    let marks = marked(&h, "[role=listbox] mark").await?;
    assert!(marks.iter().any(|m| m == "Ærøe"), "{marks:?}");
    // Several may share the name: down the list to 110256, then open it.
    let mut options = Vec::new();
    for option in h.client.find_all(Locator::Css("[role=option]")).await? {
        options.push(option.text().await?);
    }
    let at = options
        .iter()
        .position(|text| text.contains("110256"))
        .ok_or_else(|| Error::new(format!("110256 not listed: {options:?}")))?;
    keys(format!("{}{ENTER}", ARROW_DOWN.repeat(at))).await?;
    h.wait_for_heading("François Ærøe").await?;
    h.wait_for_text("110256").await?;
    let path = h.current_path().await?;
    assert!(path.starts_with("/banks/gh.29.uk/customers/"), "{path}");

    h.assert_no_console_errors().await?;
    h.finish().await
}
