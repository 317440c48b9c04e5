//! Sign in as the backend asks (OBP: DirectLogin; the Enterprise API: a pasted bearer token,
//! checked with one small list call), then return to the page the user came from.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};

use crate::{
    api::Api,
    backend::Backend,
    components::{ErrorView, FlashMessage, FormField, FormState},
    config::AppConfig,
    routes,
    state::Session,
};

/// The sign-in page.
#[component]
pub fn LoginPage() -> impl IntoView {
    let api = expect_context::<Api>();
    let backend = expect_context::<Backend>();
    let session = expect_context::<Session>();
    let config = expect_context::<AppConfig>();
    let location = use_location();
    let navigate = use_navigate();
    let sign_in = backend.sign_in();
    let form = FormState::new(backend.sign_in_values(&config));

    let start =
        move |values: &_| backend.start_sign_in(&api, &session.tenant.get_untracked(), values);
    let signed_in = move |token: String| {
        session.start(token);
        let target = location.search.with_untracked(|s| routes::after_sign_in(s));
        navigate(&target, Default::default());
    };
    let submit = form.on_submit(start, signed_in, |_| {});
    let pending = form.submission.pending();

    view! {
        <main class="centered-page login-page">
            <form class="card login-card" novalidate on:submit=submit aria-labelledby="login-title">
                <h1 id="login-title">"Sign in"</h1>
                <p class="muted">{format!("{} \u{00b7} {}", config.app_title, sign_in.subtitle)}</p>
                <FlashMessage />
                {sign_in.fields.iter()
                    .map(|spec| view! { <FormField spec=*spec form_id="login" form /> })
                    .collect_view()}
                {move || form.failure.get().map(|error| view! { <ErrorView error /> })}
                <button type="submit" class="wide" disabled=move || pending.get()>
                    {move || if pending.get() { sign_in.pending_label } else { "Sign in" }}
                </button>
            </form>
        </main>
    }
}
