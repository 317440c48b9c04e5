//! Sign in with DirectLogin, then return to the page the user came from.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};

use crate::{
    api::{auth, Api},
    components::{ErrorView, FlashMessage, FormField, FormState},
    forms::{login, FormValues},
    routes,
    state::{AppConfig, Session},
};

/// The sign-in page.
#[component]
pub fn LoginPage() -> impl IntoView {
    let api = expect_context::<Api>();
    let session = expect_context::<Session>();
    let config = expect_context::<AppConfig>();
    let location = use_location();
    let navigate = use_navigate();

    let form = FormState::new(FormValues::from_pairs([(
        "consumer_key",
        config.consumer_key.clone(),
    )]));

    let sign_in = Action::new_local(move |credentials: &auth::Credentials| {
        let (api, credentials, navigate) = (api.clone(), credentials.clone(), navigate.clone());
        async move {
            match auth::login(&api, &credentials).await {
                Ok(token) => {
                    session.start(token);
                    let target = location.search.with_untracked(|s| routes::after_sign_in(s));
                    navigate(&target, Default::default());
                }
                Err(error) => form.failure.set(Some(error)),
            }
        }
    });
    let submit = form.on_submit(sign_in, login::build);

    view! {
        <main class="centered-page login-page">
            <form class="card login-card" novalidate on:submit=submit aria-labelledby="login-title">
                <h1 id="login-title">"Sign in"</h1>
                <p class="muted">{format!("{} \u{00b7} Open Bank Project DirectLogin", config.app_title)}</p>
                <FlashMessage />
                {login::FIELDS.iter()
                    .map(|spec| view! { <FormField spec=*spec form_id="login" form /> })
                    .collect_view()}
                {move || form.failure.get().map(|error| view! { <ErrorView error /> })}
                <button type="submit" class="wide" disabled=move || sign_in.pending().get()>
                    {move || if sign_in.pending().get() { "Signing in\u{2026}" } else { "Sign in" }}
                </button>
            </form>
        </main>
    }
}
