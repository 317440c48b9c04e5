//! Browser-test helpers: mount the real [`App`] on a fake transport at a given URL, drive it
//! through the DOM like a user, and collect console errors.

use std::{cell::RefCell, rc::Rc, sync::Arc};

use customer_console::{app::App, config::AppConfig};
use leptos::{mount::mount_to, prelude::*};
use wasm_bindgen::{prelude::*, JsCast};
use web_sys::{
    Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement, KeyboardEvent,
    KeyboardEventInit,
};

use super::FakeTransport;

/// The mounted app; unmounts and removes its element when dropped.
pub struct Mounted {
    root: HtmlElement,
    handle: Option<Box<dyn std::any::Any>>,
    errors: ConsoleErrors,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.handle.take();
        self.root.remove();
    }
}

fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

/// Mounts the app at `path`, signed in when `token` is given, answering from `transport`.
pub fn mount_app(path: &str, token: Option<&str>, transport: Arc<FakeTransport>) -> Mounted {
    let config = AppConfig {
        default_bank_id: "gh.29.uk".to_owned(),
        consumer_key: "test-key".to_owned(),
        ..AppConfig::default()
    };
    mount_with(config, path, token, transport)
}

/// Like [`mount_app`] with a given `config.json`.
pub fn mount_with(
    config: AppConfig,
    path: &str,
    token: Option<&str>,
    transport: Arc<FakeTransport>,
) -> Mounted {
    let storage = window().session_storage().unwrap().unwrap();
    storage.clear().unwrap();
    if let Some(token) = token {
        storage.set_item("customer-console.token", token).unwrap();
    }
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(path))
        .unwrap();
    let document = window().document().unwrap();
    let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    let errors = ConsoleErrors::install();
    let handle = mount_to(root.clone(), move || view! { <App config transport /> });
    Mounted {
        root,
        handle: Some(Box::new(handle)),
        errors,
    }
}

impl Mounted {
    /// Visible text of the app.
    pub fn text(&self) -> String {
        self.root.inner_text()
    }

    /// The first element matching `selector`.
    pub fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).unwrap()
    }

    /// The title of the open dialog, after checking it is a modal `role=dialog` labelled by it.
    pub fn modal_title(&self) -> String {
        let dialog = self.find("[role=dialog]").expect("an open dialog");
        assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("true"));
        let title = dialog
            .get_attribute("aria-labelledby")
            .expect("a labelled dialog");
        self.find(&format!("#{title}"))
            .and_then(|t| t.text_content())
            .unwrap_or_default()
    }

    /// Elements matching `selector`.
    pub fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
            .collect()
    }

    /// Waits until `text` is shown (up to 3 s), else fails with what the page shows.
    pub async fn wait_for_text(&self, text: &str) {
        self.wait_until(&format!("text {text:?}"), || self.text().contains(text))
            .await;
    }

    /// Waits until `check` holds (up to 3 s).
    pub async fn wait_until(&self, what: &str, check: impl Fn() -> bool) {
        for _ in 0..150 {
            if check() {
                return;
            }
            sleep(20).await;
        }
        panic!(
            "timed out waiting for {what}; the page shows:\n{}",
            self.text()
        );
    }

    /// The control labelled `label` (by its `<label for>`).
    pub fn control(&self, label: &str) -> HtmlInputElement {
        let label = self
            .all("label")
            .into_iter()
            .find(|l| {
                l.text_content()
                    .unwrap_or_default()
                    .trim_end_matches(" *")
                    .trim()
                    == label
            })
            .unwrap_or_else(|| panic!("no label {label:?}; the page shows:\n{}", self.text()));
        let id = label
            .get_attribute("for")
            .expect("label has a for attribute");
        // Within this app: an earlier test's app may still hold the same ids.
        self.find(&format!("#{id}"))
            .unwrap_or_else(|| panic!("label points at missing #{id}"))
            .unchecked_into()
    }

    /// The message shown under the control labelled `label`.
    pub fn field_error(&self, label: &str) -> String {
        let id = self.control(label).id();
        self.find(&format!("#{id}-error"))
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    }

    /// Types `value` into the control labelled `label`, as a user would.
    pub fn fill(&self, label: &str, value: &str) {
        let input = self.control(label);
        input.set_value(value);
        let init = EventInit::new();
        init.set_bubbles(true);
        input
            .dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap())
            .unwrap();
    }

    /// Picks `value` in the `<select>` labelled `label`, as a user would.
    pub fn choose(&self, label: &str, value: &str) {
        let select: HtmlSelectElement = self.control(label).unchecked_into();
        select.set_value(value);
        assert_eq!(select.value(), value, "{label} has no option {value:?}");
        let init = EventInit::new();
        init.set_bubbles(true);
        select
            .dispatch_event(&Event::new_with_event_init_dict("change", &init).unwrap())
            .unwrap();
    }

    /// The button or link whose text or accessible name is `name`, if shown.
    pub fn button(&self, name: &str) -> Option<HtmlElement> {
        self.all("button, a")
            .into_iter()
            .find(|e| {
                e.text_content().unwrap_or_default().trim() == name
                    || e.get_attribute("aria-label").as_deref() == Some(name)
            })
            .map(JsCast::unchecked_into)
    }

    /// Clicks the button or link named `name`.
    pub fn click(&self, name: &str) {
        self.button(name)
            .unwrap_or_else(|| panic!("no button {name:?}; the page shows:\n{}", self.text()))
            .click();
    }

    /// Presses `key` (a `KeyboardEvent.key`, no modifiers) where the focus is, as a user would.
    pub fn press(&self, key: &str) {
        let document = window().document().unwrap();
        let target = document
            .active_element()
            .unwrap_or_else(|| document.body().unwrap().into());
        let init = KeyboardEventInit::new();
        init.set_key(key);
        init.set_bubbles(true);
        init.set_cancelable(true);
        let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        target.dispatch_event(&event).unwrap();
    }

    /// Fails when anything was logged with `console.error` or thrown uncaught.
    pub fn assert_no_console_errors(&self) {
        let errors = self.errors.0.borrow();
        assert!(errors.is_empty(), "console errors: {errors:#?}");
    }
}

/// The current `location.pathname + location.search`.
pub fn location() -> String {
    let location = window().location();
    format!(
        "{}{}",
        location.pathname().unwrap(),
        location.search().unwrap()
    )
}

/// Follows the in-app link `href` as the router does on a click: pushes it to the history and
/// announces it with `popstate`. Tests do not click links: after an earlier test's app, a click
/// left the next app's page blank (the earlier router's click listener evidently outlives it).
pub fn follow(href: &str) {
    window()
        .history()
        .unwrap()
        .push_state_with_url(&JsValue::NULL, "", Some(href))
        .unwrap();
    window()
        .dispatch_event(&Event::new("popstate").unwrap())
        .unwrap();
}

/// Goes one step back in the browser's history, as the Back button does.
pub fn back() {
    window().history().unwrap().back().unwrap();
}

/// Waits `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Fires the window event `name` (`offline`, `online`), as the browser does.
pub fn fire_window_event(name: &str) {
    window().dispatch_event(&Event::new(name).unwrap()).unwrap();
}

/// Records `console.error` calls (still forwarding them) and uncaught errors.
struct ConsoleErrors(Rc<RefCell<Vec<String>>>);

impl ConsoleErrors {
    fn install() -> Self {
        let log = Rc::new(RefCell::new(Vec::new()));
        let console = js_sys::Reflect::get(&window(), &"console".into()).unwrap();
        let original: js_sys::Function = js_sys::Reflect::get(&console, &"error".into())
            .unwrap()
            .unchecked_into();
        let sink = log.clone();
        let forward = console.clone();
        let wrapper = Closure::<dyn Fn(JsValue)>::new(move |value: JsValue| {
            sink.borrow_mut()
                .push(value.as_string().unwrap_or_else(|| format!("{value:?}")));
            let _ = original.call1(&forward, &value);
        });
        js_sys::Reflect::set(&console, &"error".into(), wrapper.as_ref()).unwrap();
        wrapper.forget();
        let sink = log.clone();
        let on_error = Closure::<dyn Fn(Event)>::new(move |event: Event| {
            sink.borrow_mut()
                .push(format!("uncaught: {}", event.type_()));
        });
        window()
            .add_event_listener_with_callback("error", on_error.as_ref().unchecked_ref())
            .unwrap();
        on_error.forget();
        Self(log)
    }
}
