//! [`Shell`]: the signed-in layout: header with bank picker and user, flash message, the page.
//! It also guards every page behind it: without a session it sends the user to sign in and back.

use leptos::prelude::*;
use leptos_router::{
    components::{Outlet, Redirect, A},
    hooks::{use_location, use_navigate},
};

use super::ErrorView;
use crate::{
    api::{self, Api},
    routes,
    state::{AppConfig, Backend, Session},
};

/// The layout around every signed-in page.
#[component]
pub fn Shell() -> impl IntoView {
    let session = expect_context::<Session>();
    let location = use_location();
    // Untracked: once the redirect has moved on, the way back must not be recomputed.
    let login_path = move || {
        let mut here = location.pathname.get_untracked();
        let search = location.search.get_untracked();
        if !search.is_empty() {
            here.push('?');
            here.push_str(search.trim_start_matches('?'));
        }
        routes::login_path(&here)
    };
    move || {
        if session.token.with(Option::is_none) {
            view! { <Redirect path=login_path() /> }.into_any()
        } else {
            view! { <SignedIn /> }.into_any()
        }
    }
}

#[component]
fn SignedIn() -> impl IntoView {
    let config = expect_context::<AppConfig>();
    let header = match config.backend {
        Backend::Obp => view! { <ObpHeader /> }.into_any(),
        Backend::Enterprise => view! { <EnterpriseHeader /> }.into_any(),
    };
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        {header}
        <FlashMessage />
        <main id="main" class="app-main">
            <Outlet />
        </main>
    }
}

/// The sign-out button: back to sign-in with a note.
#[component]
fn SignOut() -> impl IntoView {
    let session = expect_context::<Session>();
    let navigate = use_navigate();
    let sign_out = move |_| {
        navigate("/login", Default::default());
        session.end(Some("You have signed out."));
    };
    view! { <button type="button" class="secondary" on:click=sign_out>"Sign out"</button> }
}

/// The OBP header: pages, bank picker, the user. The user (with roles) and the bank list load
/// in parallel with the page's own data.
#[component]
fn ObpHeader() -> impl IntoView {
    let session = expect_context::<Session>();
    let config = expect_context::<AppConfig>();
    let api = expect_context::<Api>();
    let user = LocalResource::new({
        let api = api.clone();
        move || {
            let api = api.clone();
            async move { api::users::current(&api).await }
        }
    });
    Effect::new(move || {
        if let Some(Ok(current)) = user.get() {
            session.user.set(Some(current));
        }
    });
    let banks = LocalResource::new(move || {
        let api = api.clone();
        async move { api::banks::list(&api).await }
    });

    view! {
        <header class="app-header">
            <A href="/customers" attr:class="brand">{config.app_title.clone()}</A>
            <nav class="app-nav" aria-label="Main">
                <A href="/customers">"Customers"</A>
                <A href="/attribute-definitions">"Attribute definitions"</A>
                <A href="/account-links">"Account links"</A>
                <A href="/my/links">"My links"</A>
                <A href="/meetings">"Meetings"</A>
                <A href="/crm-events">"CRM events"</A>
            </nav>
            <BankPicker banks />
            <div class="app-user">
                <span class="username">
                    {move || session.user.with(|u| u.as_ref().map(|u| u.username.clone()))}
                </span>
                <SignOut />
            </div>
        </header>
        {move || match user.get() {
            Some(Err(error)) if !error.is_session_over() => {
                Some(view! { <div class="banner"><ErrorView error /></div> })
            }
            _ => None,
        }}
    }
}

/// The Enterprise header: the customer pages only, and the profile (a picker when
/// `config.json` lists several).
#[component]
fn EnterpriseHeader() -> impl IntoView {
    let session = expect_context::<Session>();
    let config = expect_context::<AppConfig>();
    let profiles = config.profile_ids.clone();
    let picker = (profiles.len() > 1).then(|| {
        view! {
            <div class="bank-picker">
                <label for="profile-picker">"Profile"</label>
                <select id="profile-picker" prop:value=move || session.profile_id.get()
                    on:change=move |ev| session.select_profile(event_target_value(&ev))>
                    {profiles.into_iter().map(|p| { let text = p.clone(); view! { <option value=p>{text}</option> } }).collect_view()}
                </select>
            </div>
        }
    });
    view! {
        <header class="app-header">
            <A href="/customers" attr:class="brand">{config.app_title.clone()}</A>
            <nav class="app-nav" aria-label="Main">
                <A href="/customers">"Customers"</A>
            </nav>
            {picker}
            <div class="app-user">
                <span class="username">"Enterprise API"</span>
                <SignOut />
            </div>
        </header>
    }
}

/// The bank every page works on, chosen from `/banks`.
#[component]
fn BankPicker(banks: LocalResource<Result<Vec<api::banks::Bank>, api::ApiError>>) -> impl IntoView {
    let session = expect_context::<Session>();
    let options = move || {
        let current = session.bank_id.get();
        let mut list = match banks.get() {
            Some(Ok(list)) => list
                .into_iter()
                .map(|b| (b.id.clone(), b.display_name().to_owned()))
                .collect::<Vec<_>>(),
            _ => Vec::new(),
        };
        if !list.iter().any(|(id, _)| *id == current) {
            list.insert(0, (current.clone(), current.clone()));
        }
        list.into_iter()
            .map(|(id, name)| {
                let selected = id == current;
                view! { <option value=id selected=selected>{name}</option> }
            })
            .collect_view()
    };
    let problem = move || match banks.get() {
        Some(Err(error)) => format!("Banks could not be loaded: {error}"),
        _ => String::new(),
    };
    view! {
        <div class="bank-picker">
            <label for="bank-picker">"Bank"</label>
            <select
                id="bank-picker"
                title=problem
                on:change=move |ev| session.select_bank(event_target_value(&ev))
            >
                {options}
            </select>
        </div>
    }
}

/// The one-time message meant for the current page, if any.
#[component]
pub fn FlashMessage() -> impl IntoView {
    let session = expect_context::<Session>();
    let location = use_location();
    move || {
        let path = location.pathname.get();
        session
            .flash
            .get()
            .filter(|flash| flash.path == path)
            .map(|flash| {
                view! {
                    <div class="flash" role="status">
                        <span>{flash.text}</span>
                        <button type="button" class="link" aria-label="Dismiss message"
                            on:click=move |_| session.flash.set(None)>
                            "\u{00d7}"
                        </button>
                    </div>
                }
            })
    }
}
