//! What a test does on a page, the way a person would: go to a path, fill a labelled field,
//! click a button or link by its text, wait for text, read the console.
//!
//! Every lookup polls for up to [`TIMEOUT`]; a step that gives up says what the page showed
//! and saves a screenshot under [`crate::screenshot_dir`].

use std::future::Future;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use fantoccini::elements::{Element, ElementRef};
use fantoccini::Locator;
use serde_json::{json, Value};

use crate::console;
use crate::error::{Error, Result};
use crate::Harness;

/// How long a step waits for the page before it fails.
pub const TIMEOUT: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(100);

/// Finds a form field by its `<label>` text (a trailing `*` ignored), `aria-label` or
/// `aria-labelledby` text.
const FIND_FIELD_JS: &str = r#"
const want = arguments[0];
const norm = (s) => (s || '').replace(/\s+/g, ' ').trim().replace(/\s*\*$/, '');
const fields = 'input, select, textarea';
for (const label of document.querySelectorAll('label')) {
  const copy = label.cloneNode(true);
  copy.querySelectorAll(fields).forEach((f) => f.remove());
  if (norm(copy.textContent) !== want) continue;
  const field = label.control || label.querySelector(fields);
  if (field) return field;
}
for (const field of document.querySelectorAll(fields)) {
  if (norm(field.getAttribute('aria-label')) === want) return field;
  const ids = (field.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
  const text = ids.map((id) => document.getElementById(id)?.textContent || '').join(' ');
  if (ids.length && norm(text) === want) return field;
}
return null;
"#;

/// Finds a visible button or link by its text (or value / aria-label). `arguments[1]` is
/// `"button"` or `"link"`.
const FIND_CLICKABLE_JS: &str = r#"
const [want, kind] = arguments;
const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();
const selector = kind === 'link'
  ? 'a'
  : 'button, input[type=submit], input[type=button], input[type=reset], [role=button]';
const visible = (el) => el.getClientRects().length > 0;
for (const el of document.querySelectorAll(selector)) {
  const names = [el.innerText, el.value, el.getAttribute('aria-label')];
  if (visible(el) && names.some((n) => norm(n) === want)) return el;
}
return null;
"#;

/// Sets a date or time input's value and fires the events a picked value fires.
const SET_DATE_JS: &str = r#"
const [field, value] = arguments;
field.value = value;
field.dispatchEvent(new Event('input', { bubbles: true }));
field.dispatchEvent(new Event('change', { bubbles: true }));
"#;

impl Harness {
    /// Opens `path` (e.g. `/login`) on the sandbox.
    pub async fn goto(&self, path: &str) -> Result {
        Ok(self
            .client
            .goto(&format!("{}{path}", self.base_url))
            .await?)
    }

    /// The path of the current URL, e.g. `/customers`.
    pub async fn current_path(&self) -> Result<String> {
        Ok(self.client.current_url().await?.path().to_string())
    }

    /// Types `value` into the field labelled `label` (replacing what it held), or picks the
    /// option with that text or value in a `<select>`. A date or time picker is set to `value`
    /// (`yyyy-MM-dd`, `HH:mm`) as picking one would, since its keystrokes depend on the locale.
    pub async fn fill(&self, label: &str, value: &str) -> Result {
        let what = format!("a field labelled {label:?}");
        let client = &self.client;
        self.find_and(FIND_FIELD_JS, json!([label]), &what, |field| async move {
            if matches!(field.attr("type").await?.as_deref(), Some("date" | "time")) {
                client
                    .execute(
                        SET_DATE_JS,
                        vec![serde_json::to_value(&field)?, json!(value)],
                    )
                    .await?;
                return Ok(true);
            }
            if field.tag_name().await?.eq_ignore_ascii_case("select") {
                if field.select_by_label(value).await.is_err() {
                    field.select_by_value(value).await?;
                }
                return Ok(true);
            }
            // Select-all and delete as keystrokes, so the app sees input events.
            if !field.prop("value").await?.unwrap_or_default().is_empty() {
                field.send_keys("\u{E009}a\u{E000}\u{E003}").await?;
            }
            field.send_keys(value).await?;
            Ok(true)
        })
        .await
    }

    /// The current value of the field labelled `label`, once there is one.
    pub async fn field_value(&self, label: &str) -> Result<String> {
        let what = format!("a field labelled {label:?}");
        let found = self
            .poll(&what, || async {
                self.find_now(FIND_FIELD_JS, json!([label])).await
            })
            .await?;
        Ok(found.prop("value").await?.unwrap_or_default())
    }

    /// Ticks (or unticks) the checkbox labelled `label` by clicking it.
    pub async fn tick(&self, label: &str) -> Result {
        let what = format!("a checkbox labelled {label:?}");
        self.find_and(FIND_FIELD_JS, json!([label]), &what, |field| async move {
            field.click().await?;
            Ok(true)
        })
        .await
    }

    /// Clicks the visible, enabled button whose text is `text`.
    pub async fn click_button(&self, text: &str) -> Result {
        let what = format!("an enabled button {text:?}");
        self.find_and(
            FIND_CLICKABLE_JS,
            json!([text, "button"]),
            &what,
            |button| async move {
                if !button.is_enabled().await? {
                    return Ok(false);
                }
                button.click().await?;
                Ok(true)
            },
        )
        .await
    }

    /// Clicks the visible link whose text is `text`.
    pub async fn click_link(&self, text: &str) -> Result {
        let what = format!("a link {text:?}");
        self.find_and(
            FIND_CLICKABLE_JS,
            json!([text, "link"]),
            &what,
            |link| async move {
                link.click().await?;
                Ok(true)
            },
        )
        .await
    }

    /// Waits until the page's visible text contains `text`.
    pub async fn wait_for_text(&self, text: &str) -> Result {
        self.poll(&format!("the text {text:?}"), || async {
            let body = self.visible_text().await?;
            Ok(body.contains(text).then_some(()))
        })
        .await
    }

    /// Waits until a heading (`h1`–`h6` or `role=heading`) reads exactly `text`.
    pub async fn wait_for_heading(&self, text: &str) -> Result {
        self.poll(&format!("a heading {text:?}"), || async {
            let css = Locator::Css("h1, h2, h3, h4, h5, h6, [role=heading]");
            for heading in self.client.find_all(css).await? {
                if heading.text().await?.trim() == text {
                    return Ok(Some(()));
                }
            }
            Ok(None)
        })
        .await
    }

    /// The visible text of the first element matching `css`, once there is one.
    pub async fn text_of(&self, css: &str) -> Result<String> {
        let element = self
            .poll(&format!("an element matching {css:?}"), || async {
                Ok(self
                    .client
                    .find_all(Locator::Css(css))
                    .await?
                    .into_iter()
                    .next())
            })
            .await?;
        Ok(element.text().await?)
    }

    /// Signs in through the login page and waits until the app leaves `/login`.
    pub async fn login(&self, username: &str, password: &str) -> Result {
        self.goto("/login").await?;
        self.fill("Username", username).await?;
        self.fill("Password", password).await?;
        self.click_button("Sign in").await?;
        self.poll("the app to leave /login after signing in", || async {
            Ok((self.current_path().await? != "/login").then_some(()))
        })
        .await
    }

    /// Saves a PNG of the page as `<screenshot_dir>/<name>.png` and returns its path.
    pub async fn screenshot(&self, name: &str) -> Result<PathBuf> {
        let png = self.client.screenshot().await?;
        let dir = crate::screenshot_dir();
        std::fs::create_dir_all(&dir)?;
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png)?;
        Ok(path)
    }

    /// The console entries logged since the last read.
    pub async fn console_log(&self) -> Result<Vec<console::LogEntry>> {
        console::read(&self.client).await
    }

    /// Fails listing every SEVERE console entry (errors, panics, failed loads of the app's
    /// files) since the last read. API error answers the app renders are not errors here.
    pub async fn assert_no_console_errors(&self) -> Result {
        self.assert_no_console_errors_but(|_| false).await
    }

    /// [`Harness::assert_no_console_errors`], passing over the entries `expected` accepts.
    pub async fn assert_no_console_errors_but(
        &self,
        expected: impl Fn(&console::LogEntry) -> bool,
    ) -> Result {
        let severe: Vec<String> = self
            .console_log()
            .await?
            .into_iter()
            .filter(|entry| entry.level == "SEVERE" && !entry.is_api_answer() && !expected(entry))
            .map(|entry| format!("  {}", entry.message))
            .collect();
        if severe.is_empty() {
            return Ok(());
        }
        Err(Error::new(format!(
            "the browser console has {} error(s):\n{}{}",
            severe.len(),
            severe.join("\n"),
            self.screenshot_note().await
        )))
    }

    /// The page's visible text (`document.body.innerText`).
    pub async fn visible_text(&self) -> Result<String> {
        let text = self
            .client
            .execute(
                "return document.body ? document.body.innerText : '';",
                vec![],
            )
            .await?;
        Ok(text.as_str().unwrap_or_default().to_string())
    }

    /// Polls `check` until it yields a value; after [`TIMEOUT`] fails naming `what` and
    /// showing the page.
    pub(crate) async fn poll<T, F, Fut>(&self, what: &str, mut check: F) -> Result<T>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<Option<T>>>,
    {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            // An element the app re-rendered mid-step is looked up again.
            match check().await {
                Ok(Some(found)) => return Ok(found),
                Ok(None) => {}
                Err(error) if error.is_stale_element() => {}
                Err(error) => return Err(error),
            }
            if Instant::now() >= deadline {
                return Err(self.timed_out(what).await);
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Finds an element with a finder script and runs `act` on it, until `act` says it is done
    /// (`Ok(true)`); a lookup that found nothing, or an element that went stale, is retried.
    async fn find_and<F, Fut>(&self, script: &str, args: Value, what: &str, act: F) -> Result
    where
        F: Fn(Element) -> Fut,
        Fut: Future<Output = Result<bool>>,
    {
        self.poll(what, || async {
            match self.find_now(script, args.clone()).await? {
                Some(element) => Ok(act(element).await?.then_some(())),
                None => Ok(None),
            }
        })
        .await
    }

    /// Runs a finder script once; `None` when it returned null.
    async fn find_now(&self, script: &str, args: Value) -> Result<Option<Element>> {
        let Value::Array(args) = args else {
            return Err(Error::new("finder arguments must be a JSON array"));
        };
        let found = self.client.execute(script, args).await?;
        if found.is_null() {
            return Ok(None);
        }
        let id = found
            .as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .ok_or_else(|| Error::new(format!("a finder script returned {found}")))?;
        Ok(Some(Element::from_element_id(
            self.client.clone(),
            ElementRef::from(id.to_string()),
        )))
    }

    /// The error for a step that gave up: what it waited for, where, and what the page showed.
    async fn timed_out(&self, what: &str) -> Error {
        let path = self
            .current_path()
            .await
            .unwrap_or_else(|e| format!("? ({e})"));
        let mut text = self
            .visible_text()
            .await
            .unwrap_or_else(|e| format!("? ({e})"));
        if text.chars().count() > 2000 {
            text = text.chars().take(2000).collect::<String>() + " …";
        }
        Error::new(format!(
            "waited {TIMEOUT:?} for {what} at {path}; the page showed:\n---\n{text}\n---{}",
            self.screenshot_note().await
        ))
    }

    /// Saves a screenshot named after the running test and says where it is.
    async fn screenshot_note(&self) -> String {
        let test = std::thread::current()
            .name()
            .unwrap_or("e2e")
            .replace("::", "-");
        match self.screenshot(&test).await {
            Ok(path) => format!("\nscreenshot: {}", path.display()),
            Err(e) => format!("\n(no screenshot: {e})"),
        }
    }
}
