//! The contract between the client and the sandbox: every call of `src/api/` is made, through the
//! real client functions, against an in-process sandbox with the demo data, signed in as the
//! demo staff user (DirectLogin; the Enterprise API with its demo bearer token). Each answer must
//! decode with the client's types, carry the reference's success status, and have the JSON keys
//! and value kinds of the documentation's example for that endpoint (`tests/fixtures/obp`,
//! `tests/fixtures/enterprise`); where the reference (`/work/shared/obp-api-reference.md`) says
//! OBP answers otherwise, or the documentation has no example, the reference's shape.

mod endpoints;
mod keys;
mod sandbox;

use std::{cell::RefCell, collections::HashMap, rc::Rc, sync::Arc};

use customer_console::api::{auth::Credentials, Api, ApiError, AuthScheme, LocalFuture};
use leptos::prelude::*;
use serde_json::{json, Value};

use endpoints::ENDPOINTS;
use keys::differences;
use sandbox::{Exchange, Sandbox};

/// The demo login the contract signs in with (it holds every customer-area role).
const USERNAME: &str = "staff";

/// One client call and what its answer must be.
struct Endpoint {
    /// `module::function` in `src/api/`, with the variant in parentheses when it has several.
    name: &'static str,
    /// The reference's success status.
    status: u16,
    example: Example,
    call: fn(Env) -> LocalFuture<Result<(), ApiError>>,
}

/// Keys the reference (`/work/shared/obp-api-reference.md`) marks optional: Account500's
/// `contracts` and its account attributes' `contract_code`, the current user's `views`.
const OPTIONAL_KEYS: &[&str] = &["contracts", "contract_code", "views"];

/// What the answer must look like: the documentation's example, or the reference's.
enum Example {
    /// `tests/fixtures/obp/NAME.json`
    Obp(&'static str),
    /// `tests/fixtures/obp/NAME.json` where the reference says OBP answers otherwise: `fix` turns
    /// the example into the reference's shape.
    ObpFixed(&'static str, fn(Value) -> Value),
    /// `tests/fixtures/enterprise/NAME.json`
    Enterprise(&'static str),
    /// The reference's shape, where the documentation has no example.
    Reference(fn() -> Value),
    /// An answer without keys: the reference's body (`true`, or empty).
    Plain(&'static str),
}

impl Example {
    /// The example whose keys the answer must have, or the plain answer it must be.
    fn expected(&self) -> Expected {
        let (dir, name, fix): (_, _, fn(Value) -> Value) = match self {
            Example::Obp(name) => ("obp", name, |example| example),
            Example::ObpFixed(name, fix) => ("obp", name, *fix),
            Example::Enterprise(name) => ("enterprise", name, |example| example),
            Example::Reference(shape) => return Expected::Keys(shape()),
            Example::Plain(body) => return Expected::Plain(body),
        };
        let path = format!(
            "{}/tests/fixtures/{dir}/{name}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        Expected::Keys(fix(
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
        ))
    }
}

/// What an answer is checked against.
enum Expected {
    /// The keys of this example.
    Keys(Value),
    /// Exactly this body.
    Plain(&'static str),
}

/// What the calls share: the client on the sandbox (OBP and Enterprise), the session token the
/// login sets, and the ids earlier calls found or made.
#[derive(Clone)]
struct Env {
    obp: Api,
    enterprise: Api,
    token: RwSignal<Option<String>>,
    credentials: Rc<Credentials>,
    ids: Rc<RefCell<HashMap<&'static str, String>>>,
}

impl Env {
    fn new(sandbox: Arc<Sandbox>, password: String) -> Env {
        let token = RwSignal::new(None);
        let obp = Api::new(sandbox.clone(), "", "v5.1.0", token.into(), None);
        let enterprise = Api::new(
            sandbox,
            "",
            "v5.1.0",
            Signal::stored(Some(::sandbox::enterprise::DEMO_TOKEN.to_owned())),
            None,
        )
        .with_scheme(AuthScheme::Bearer, "");
        let credentials = Credentials {
            username: USERNAME.to_owned(),
            password,
            consumer_key: ::sandbox::Options::default().consumer_key,
        };
        Env {
            obp,
            enterprise,
            token,
            credentials: Rc::new(credentials),
            ids: Rc::default(),
        }
    }

    /// Keeps an id for later calls.
    fn keep(&self, name: &'static str, id: impl Into<String>) {
        self.ids.borrow_mut().insert(name, id.into());
    }

    /// An id an earlier call kept.
    fn id(&self, name: &str) -> String {
        self.ids
            .borrow()
            .get(name)
            .cloned()
            .unwrap_or_else(|| panic!("no {name} id kept yet"))
    }
}

#[test]
fn every_client_call_decodes_the_sandboxs_answer_which_has_the_documented_keys() {
    let (sandbox, password) = Sandbox::start(USERNAME);
    let env = Env::new(sandbox.clone(), password);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let mut failures = Vec::new();
    for endpoint in ENDPOINTS {
        let result = runtime.block_on((endpoint.call)(env.clone()));
        let Exchange {
            method,
            url,
            status,
            body,
        } = sandbox.last();
        let call = format!("{} ({method:?} {url})", endpoint.name);
        if let Err(error) = result {
            failures.push(format!("{call}: {error}; the answer: {status} {body:.300}"));
            continue;
        }
        if status != endpoint.status {
            failures.push(format!(
                "{call}: answered {status}, the reference {}",
                endpoint.status
            ));
        }
        match endpoint.example.expected() {
            Expected::Keys(example) => {
                let answer: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
                for difference in differences(&answer, &example, OPTIONAL_KEYS) {
                    failures.push(format!("{call}: {difference}"));
                }
            }
            Expected::Plain(expected) => {
                if body != expected {
                    failures.push(format!(
                        "{call}: answered {body:?}, the reference {expected:?}"
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn the_contract_makes_every_call_of_the_client() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/api");
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let module = path.file_stem().unwrap().to_string_lossy().into_owned();
        let source = std::fs::read_to_string(&path).unwrap();
        for line in source.lines() {
            let Some(rest) = line.strip_prefix("pub async fn ") else {
                continue;
            };
            let function = rest.split(['(', '<']).next().unwrap();
            let name = format!("{module}::{function}");
            let covered = ENDPOINTS
                .iter()
                .any(|e| e.name.split(' ').next() == Some(name.as_str()));
            if !covered {
                missing.push(name);
            }
        }
    }
    assert!(missing.is_empty(), "not in the contract: {missing:?}");
}

#[test]
fn key_differences_are_found_at_any_depth() {
    let example = json!({"customers": [{"id": "1", "limit": {"amount": "1"}, "tags": []}]});
    let same = json!({"customers": [{"id": "2", "limit": {"amount": "9"}, "tags": ["x"]}]});
    assert!(differences(&same, &example, &[]).is_empty());
    let answer = json!({"customers": [{"id": "2", "limit": {"value": "9"}, "tags": "x"}]});
    assert_eq!(
        differences(&answer, &example, &[]),
        [
            r#"customers[0].limit: only the sandbox has ["value"], only the example ["amount"]"#,
            "customers[0].tags: the sandbox has a string, the example an array",
        ]
    );
    assert_eq!(
        differences(&answer, &example, &["value", "amount"]),
        ["customers[0].tags: the sandbox has a string, the example an array"]
    );
    assert_eq!(
        differences(&json!({"customers": []}), &example, &[]),
        ["customers: the sandbox's list is empty, nothing to compare"]
    );
    let unwrapped = json!([{"id": "1"}]);
    assert_eq!(differences(&unwrapped, &example, &[]).len(), 1);
    let numbered = json!({"customers": [{"id": 2, "limit": null, "tags": []}]});
    assert_eq!(
        differences(&numbered, &example, &[]),
        ["customers[0].id: the sandbox has a number, the example a string"]
    );
}
