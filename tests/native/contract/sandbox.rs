//! The sandbox in process as the client's [`Transport`]: a fresh in-memory sandbox with the demo
//! data, each request sent through its axum router with tower's `oneshot`, and the last answer
//! kept for the contract's key comparison.

use std::sync::{Arc, Mutex};

use axum::{
    body::{to_bytes, Body},
    http::Request,
    Router,
};
use customer_console::api::{ApiError, HttpRequest, HttpResponse, LocalFuture, Method, Transport};
use sandbox::{router, AppState, Db, Options};
use tower::ServiceExt;

/// The demo sandbox answering the client's requests.
pub struct Sandbox {
    router: Router,
    last: Arc<Mutex<Option<Exchange>>>,
}

/// One answered request.
#[derive(Clone, Debug)]
pub struct Exchange {
    /// The request's verb.
    pub method: Method,
    /// The request's URL (path and query).
    pub url: String,
    /// The answer's status.
    pub status: u16,
    /// The answer's body.
    pub body: String,
}

impl Sandbox {
    /// A fresh in-memory sandbox with the demo data, and the password of `username`, a demo
    /// login.
    pub fn start(username: &str) -> (Arc<Sandbox>, String) {
        let options = Options {
            db: Db::Memory,
            quiet: true,
            ..Options::default()
        };
        let state = AppState::open(&options).expect("the sandbox opens");
        let password = state
            .users()
            .iter()
            .find(|user| user.username == username)
            .map(|user| user.password.clone())
            .unwrap_or_else(|| panic!("no demo user {username}"));
        let sandbox = Sandbox {
            router: router(state),
            last: Arc::default(),
        };
        (Arc::new(sandbox), password)
    }

    /// The last answered request.
    pub fn last(&self) -> Exchange {
        self.last.lock().unwrap().clone().expect("nothing was sent")
    }
}

impl Transport for Sandbox {
    fn send(&self, request: HttpRequest) -> LocalFuture<Result<HttpResponse, ApiError>> {
        let method = match request.method {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        };
        let mut builder = Request::builder().method(method).uri(&request.url);
        for (name, value) in &request.headers {
            builder = builder.header(*name, value);
        }
        let body = Body::from(request.body.clone().unwrap_or_default());
        let call = self.router.clone().oneshot(builder.body(body).unwrap());
        let last = Arc::clone(&self.last);
        Box::pin(async move {
            let response = call.await.expect("the router never fails");
            let status = response.status().as_u16();
            let bytes = to_bytes(response.into_body(), usize::MAX)
                .await
                .map_err(|e| ApiError::Network(e.to_string()))?;
            let body = String::from_utf8_lossy(&bytes).into_owned();
            *last.lock().unwrap() = Some(Exchange {
                method: request.method,
                url: request.url,
                status,
                body: body.clone(),
            });
            Ok(HttpResponse { status, body })
        })
    }

    /// Waits between retries are skipped: the router answers at once.
    fn sleep(&self, _ms: u32) -> LocalFuture<()> {
        Box::pin(std::future::ready(()))
    }
}
