//! Sign in to the Enterprise API by pasting a bearer token (the API's JWTs are signed on the
//! customer's own servers), checked with one small list call, then back to where the user was.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};

use crate::{
    api::{enterprise, Api},
    components::{ErrorView, FlashMessage, FormField, FormState},
    forms::{FieldErrors, FieldKind, FieldSpec, FormValues},
    routes,
    state::{AppConfig, Session},
};

const TOKEN_FIELD: FieldSpec = FieldSpec::new("token", "Bearer token", FieldKind::Password)
    .required()
    .help("Paste the token your organisation issued. It stays in this browser tab only.");

/// The token from the form: `Bearer ` prefix and whitespace removed.
pub fn token(values: &FormValues) -> Result<String, FieldErrors> {
    let raw = values.text("token");
    let token = raw
        .strip_prefix("Bearer ")
        .unwrap_or(&raw)
        .trim()
        .to_owned();
    if token.is_empty() {
        Err([("token", "Paste a token.".to_owned())]
            .into_iter()
            .collect())
    } else if token.chars().any(char::is_whitespace) {
        let message = "A token has no spaces or line breaks; paste it again.".to_owned();
        Err([("token", message)].into_iter().collect())
    } else {
        Ok(token)
    }
}

/// The sign-in page of the Enterprise backend.
#[component]
pub fn TokenLoginPage() -> impl IntoView {
    let api = expect_context::<Api>();
    let session = expect_context::<Session>();
    let config = expect_context::<AppConfig>();
    let location = use_location();
    let navigate = use_navigate();
    let form = FormState::new(FormValues::default());

    let sign_in = Action::new_local(move |token: &String| {
        let (api, token, navigate) = (api.clone(), token.clone(), navigate.clone());
        async move {
            session.start(token);
            let profile = session.profile_id.get_untracked();
            match enterprise::list(&api, &profile, 0, 1).await {
                Ok(_) => {
                    let target = location.search.with_untracked(|s| routes::after_sign_in(s));
                    navigate(&target, Default::default());
                }
                Err(error) => {
                    session.end(None);
                    form.failure.set(Some(error));
                }
            }
        }
    });
    let submit = form.on_submit(sign_in, token);

    view! {
        <main class="centered-page login-page">
            <form class="card login-card" novalidate on:submit=submit aria-labelledby="login-title">
                <h1 id="login-title">"Sign in"</h1>
                <p class="muted">{format!("{} \u{00b7} Enterprise API", config.app_title)}</p>
                <FlashMessage />
                <FormField spec=TOKEN_FIELD form_id="login" form />
                {move || form.failure.get().map(|error| view! { <ErrorView error /> })}
                <button type="submit" class="wide" disabled=move || sign_in.pending().get()>
                    {move || if sign_in.pending().get() { "Checking the token\u{2026}" } else { "Sign in" }}
                </button>
            </form>
        </main>
    }
}
