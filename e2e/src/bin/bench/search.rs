//! Finding a customer in a 10,000-customer bank (issue 13), against a sandbox started with
//! `--seed-customers 10000` (10,260 customers at gh.29.uk).
//!
//! - Find from page load: a script registered before every document waits for the list's
//!   search box, focuses it (its first use starts the index), waits until the index is
//!   complete, then types the name of a customer on the list's last page without accents and
//!   waits for that customer's row to be painted. Printed: the box's time since navigation
//!   start, the index's time, and typing to painted.
//! - Keystroke to paint: with the index complete, each keystroke of a few queries is an `input`
//!   event on the box; the time to the next paint is taken as the first frame callback and a
//!   task queued from it (as the list paint is). A person's keystrokes land anywhere in a
//!   frame, so each is sent a different time after the previous paint (spread evenly over a
//!   16.7 ms frame): sent right after a paint, every keystroke would wait a whole frame for the
//!   next one, however little work it caused.
//!
//! Lines: `find  box_ms  index_ms  found_ms` (one per run) and `keystroke  t1,t2,…`.

use std::time::Duration;

use e2e::demo::STAFF;
use e2e::{Harness, Result};
use serde_json::json;

use crate::{emit, poll_mark};

/// The customer looked for, on the list's last page, and what is typed to find it.
const NUMBER: &str = "110255";
const TYPED: &str = "strauss maelle";
/// What the keystroke runs type, one character at a time.
const QUERIES: [&str; 3] = ["maelle strauss", "nguyen dung", "+44 7701 0099"];
/// The longest indexing and finding may take.
const TIMEOUT: Duration = Duration::from_secs(60);

/// Marks in `window.__benchFind` when (ms since navigation start) the search box appeared
/// (`box`), the index was complete (`index`), the query was typed (`typed`) and the customer's
/// row painted (`found`).
const FIND_JS: &str = r#"
(() => {
  if (location.pathname !== '/customers') return;
  const mark = { box: null, index: null, typed: null, found: null };
  window.__benchFind = mark;
  const painted = (key) => requestAnimationFrame(() => setTimeout(() => { mark[key] = performance.now(); }));
  const look = () => {
    const box = document.getElementById('customer-search');
    if (!box) return;
    // A focus event, as a click gives one (the headless window itself may have no focus).
    if (mark.box === null) { mark.box = performance.now(); box.dispatchEvent(new FocusEvent('focus')); }
    const status = document.querySelector('.index-status');
    if (mark.index === null && status && /^Indexed /.test(status.textContent)) {
      mark.index = performance.now();
      mark.typed = performance.now();
      box.value = 'TYPED';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }
    if (mark.typed !== null && mark.found === null
        && [...document.querySelectorAll('table tbody td')].some((td) => td.textContent === 'NUMBER')) {
      mark.found = 0;
      observer.disconnect();
      painted('found');
    }
  };
  const observer = new MutationObserver(look);
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})();
"#;

/// Types `arguments[0]` into the search box one character at a time, each sent some time
/// after the previous one was painted (0 to 15 ms, in steps of 5.3 ms modulo a 60 Hz frame),
/// and calls back with the times from each `input` event to its paint.
const KEYS_JS: &str = r#"
const [text, done] = arguments;
const box = document.getElementById('customer-search');
const times = [];
const step = (i) => {
  if (i > text.length) { done(times); return; }
  const start = performance.now();
  box.value = text.slice(0, i);
  box.dispatchEvent(new Event('input', { bubbles: true }));
  requestAnimationFrame(() => setTimeout(() => {
    times.push(performance.now() - start);
    setTimeout(() => step(i + 1), (i * 5.3) % 16.7);
  }));
};
step(1);
"#;

/// Measures `runs` finds from page load and the keystrokes of each run, and prints them.
pub async fn measure(url: &str, runs: usize) -> Result {
    let h = Harness::attach(url).await?;
    h.login(STAFF.0, STAFF.1).await?;
    let script = FIND_JS.replace("TYPED", TYPED).replace("NUMBER", NUMBER);
    h.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": script }),
    )
    .await?;
    let mut keystrokes = Vec::new();
    for _ in 0..runs {
        h.goto("/customers").await?;
        let mark = poll_mark(
            &h,
            "return window.__benchFind || null;",
            |mark| mark["found"].as_f64().is_some_and(|found| found > 0.0),
            TIMEOUT,
            &format!("{NUMBER} was not found by {TYPED:?}"),
        )
        .await?;
        let at = |key: &str| mark[key].as_f64().unwrap_or_default();
        emit(&[
            &"find",
            &format!("{:.1}", at("box")),
            &format!("{:.1}", at("index") - at("box")),
            &format!("{:.1}", at("found") - at("typed")),
        ]);
        for query in QUERIES {
            let times = h.client.execute_async(KEYS_JS, vec![json!(query)]).await?;
            keystrokes.extend(
                times
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(serde_json::Value::as_f64),
            );
        }
    }
    let list: Vec<String> = keystrokes.iter().map(|t| format!("{t:.1}")).collect();
    emit(&[&"keystroke", &list.join(",")]);
    h.assert_no_console_errors().await?;
    h.finish().await
}
