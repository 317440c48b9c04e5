//! The customer list's personal data masking, column chooser, CSV export and list keys in a
//! real browser, on both backends: with masking on, no email or phone number is in the list's
//! text; three chosen columns export to a file (UTF-8 with a BOM, named for the bank and day)
//! whose rows and cells equal the visible table's; `j` and Enter open a customer.

use std::path::Path;

use e2e::{Error, Harness, Result};
use fantoccini::{
    actions::{InputSource, KeyAction, KeyActions},
    Locator,
};

/// The list table's rows (headings first), as the cells' text (before CSS capitalises headings).
const TABLE_JS: &str = "return [...document.querySelectorAll('main table.data-table tr')]\
    .map((row) => [...row.cells].map((cell) => cell.textContent.trim()));";

/// The visible table: headings, then one row per customer.
async fn visible_table(h: &Harness) -> Result<Vec<Vec<String>>> {
    let rows = h.client.execute(TABLE_JS, vec![]).await?;
    Ok(serde_json::from_value(rows)?)
}

/// The values in the column headed `heading`.
fn column(table: &[Vec<String>], heading: &str) -> Vec<String> {
    let at = table[0].iter().position(|h| h == heading).expect(heading);
    table[1..].iter().map(|row| row[at].clone()).collect()
}

/// Presses `key` on the page, as the keyboard does (no field has focus).
async fn press(h: &Harness, key: char) -> Result {
    let keys = KeyActions::new("keyboard".to_owned())
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key });
    h.client.perform_actions(keys).await?;
    Ok(())
}

/// With masking on, none of the `personal` columns' full values is in the page's text; shown,
/// they are in the table.
async fn personal_data_is_masked(h: &Harness, personal: &[&str]) -> Result {
    let masked = h.visible_text().await?;
    assert!(masked.contains('\u{2022}'), "masked values show dots");
    h.tick("Show personal data").await?;
    let shown = |table: &[Vec<String>]| !table.iter().flatten().any(|c| c.contains('\u{2022}'));
    let table = table_when(h, "personal data shown", shown).await?;
    let full: Vec<String> = personal
        .iter()
        .flat_map(|heading| column(&table, heading))
        .filter(|value| {
            value.chars().filter(char::is_ascii_digit).count() > 4 || value.contains('@')
        })
        .collect();
    assert!(!full.is_empty(), "the page has personal data to mask");
    for value in &full {
        assert!(
            !masked.contains(value.as_str()),
            "{value:?} shown while masked"
        );
    }
    h.tick("Show personal data").await?;
    table_when(h, "personal data masked again", |table| !shown(table)).await?;
    Ok(())
}

/// The visible table once `check` holds for it (polled for up to ten seconds).
async fn table_when(
    h: &Harness,
    what: &str,
    check: impl Fn(&[Vec<String>]) -> bool,
) -> Result<Vec<Vec<String>>> {
    for _ in 0..100 {
        let table = visible_table(h).await?;
        if check(&table) {
            return Ok(table);
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    Err(Error::new(format!("timed out waiting for {what}")))
}

/// Hides every column but `keep` with the chooser, exports the page, and checks the file equals
/// the visible table; returns the file name.
async fn export_equals_table(h: &Harness, downloads: &Path, keep: &[&str; 3]) -> Result<String> {
    h.client
        .find(Locator::Css(".column-chooser summary"))
        .await?
        .click()
        .await?;
    let headings = visible_table(h).await?.remove(0);
    for heading in headings.iter().filter(|h| !keep.contains(&h.as_str())) {
        h.tick(heading).await?;
    }
    let table = table_when(h, "the chosen columns", |t| t[0] == keep).await?;
    assert!(table.len() > 2, "rows to export");

    h.click_button("Export CSV\u{2026}").await?;
    h.wait_for_text("Export customers to CSV").await?;
    h.wait_for_text("is masked, so the file holds it masked")
        .await?;
    let name = h.text_of("[role=dialog] .mono").await?;
    h.click_button("Download CSV").await?;
    h.wait_for_text(&format!("Exported {} customers", table.len() - 1))
        .await?;

    let bytes = h.downloaded(downloads, &name).await?;
    let text = String::from_utf8(bytes).expect("UTF-8");
    let body = text
        .strip_prefix('\u{feff}')
        .expect("a byte order mark first");
    assert!(body.ends_with("\r\n"), "CRLF line ends");
    let exported: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|record| {
            record
                .expect("a CSV record")
                .iter()
                .map(unneutralised)
                .collect()
        })
        .collect();
    assert_eq!(
        exported, table,
        "the file holds exactly the visible rows and columns"
    );
    Ok(name)
}

/// A cell as the list showed it: without the `'` that keeps a spreadsheet from running it.
fn unneutralised(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_owned(),
        _ => cell.to_owned(),
    }
}

/// Whether `name` is `customers-<tenant>-yyyy-mm-dd.csv`.
fn named_for(name: &str, tenant: &str) -> bool {
    let day = name
        .strip_prefix(&format!("customers-{tenant}-"))
        .and_then(|rest| rest.strip_suffix(".csv"));
    day.is_some_and(|d| d.len() == 10 && d.chars().filter(|c| *c == '-').count() == 2)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn obp_list_masks_exports_three_columns_and_opens_by_keyboard() -> Result {
    let h = Harness::start().await?;
    let downloads = h.save_downloads().await?;
    h.login("staff", "staff-password-1").await?;
    h.wait_for_text("Zoë Müller").await?;

    personal_data_is_masked(&h, &["Email", "Mobile phone"]).await?;
    let name = export_equals_table(
        &h,
        &downloads,
        &["Customer number", "Legal name", "Mobile phone"],
    )
    .await?;
    assert!(named_for(&name, "gh.29.uk"), "{name}");

    // Keyboard only: the first row, then Enter.
    let first = visible_table(&h).await?[1][1].clone();
    press(&h, 'j').await?;
    press(&h, '\u{E007}').await?;
    h.wait_for_heading(&first).await?;
    h.assert_no_console_errors().await?;
    std::fs::remove_dir_all(&downloads)?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn enterprise_list_masks_and_exports_three_columns() -> Result {
    let h = Harness::start_enterprise().await?;
    let downloads = h.save_downloads().await?;
    h.goto("/customers").await?;
    h.fill("Bearer token", sandbox::enterprise::DEMO_TOKEN)
        .await?;
    h.click_button("Sign in").await?;
    h.wait_for_text("customers \u{00b7} page 1 of").await?;

    personal_data_is_masked(&h, &["Email", "Phone"]).await?;
    let name = export_equals_table(&h, &downloads, &["Name", "Phone", "Created"]).await?;
    assert!(
        name.starts_with("customers-") && name.ends_with(".csv"),
        "{name}"
    );
    h.assert_no_console_errors().await?;
    std::fs::remove_dir_all(&downloads)?;
    h.finish().await
}
