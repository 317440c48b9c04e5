//! [`Shell`]: the signed-in layout: header with the backend's pages, bank or profile picker and
//! user, the customer switcher (Ctrl+K), the offline banner, the page, and the toasts confirming changes.
//! It also guards every page behind it: without a session it sends the user to sign in and back;
//! and it tells the unsaved-changes [`Guard`] which page is shown.

use leptos::prelude::*;
use leptos_router::{
    components::{Outlet, Redirect, A},
    hooks::{use_location, use_navigate},
};

use super::{CustomerSwitcher, ErrorView, OfflineBanner, ToastRegion};
use crate::{
    api::{self, Api},
    backend::{Backend, Tenant},
    config::AppConfig,
    routes,
    state::{drafts, Guard, LastList, Session},
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
    let location = use_location();
    if let Some(guard) = use_context::<Guard>() {
        Effect::new(move || {
            guard.arrived(format!(
                "{}{}",
                location.pathname.get(),
                location.search.with(|s| match s.as_str() {
                    "" => String::new(),
                    s => format!("?{}", s.trim_start_matches('?')),
                })
            ));
        });
    }
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <Header />
        <OfflineBanner />
        <main id="main" class="app-main">
            <Outlet />
        </main>
        <ToastRegion />
    }
}

/// The sign-out button: back to sign-in with a note, after asking about unsaved changes; the
/// tab's drafts go with the session.
#[component]
fn SignOut() -> impl IntoView {
    let session = expect_context::<Session>();
    let guard = use_context::<Guard>();
    let navigate = use_navigate();
    let sign_out = move |_| {
        if guard.is_some_and(|guard| !guard.may_leave()) {
            return;
        }
        drafts::discard_all();
        navigate("/login", Default::default());
        session.end(Some("You have signed out."));
    };
    view! { <button type="button" class="secondary" on:click=sign_out>"Sign out"</button> }
}

/// The header: the backend's pages, the tenant picker, the user. With roles (OBP), the user
/// and the bank list load in parallel with the page's own data.
#[component]
fn Header() -> impl IntoView {
    let session = expect_context::<Session>();
    let config = expect_context::<AppConfig>();
    let api = expect_context::<Api>();
    let backend = expect_context::<Backend>();
    let last_list = expect_context::<LastList>();
    let caps = backend.capabilities();
    let user = caps.roles.then(|| {
        let api = api.clone();
        let user = LocalResource::new(move || {
            let api = api.clone();
            api.connection().track_reconnects();
            async move { api::users::current(&api).await }
        });
        Effect::new(move || {
            if let Some(Ok(current)) = user.get() {
                session.user.set(Some(current));
            }
        });
        user
    });
    let tenants = LocalResource::new({
        let config = config.clone();
        move || {
            api.connection().track_reconnects();
            backend.tenants(&api, &config)
        }
    });
    let username = move || {
        session.user.with(|u| match u {
            Some(user) => user.username.clone(),
            None if !caps.roles => backend.sign_in().subtitle.to_owned(),
            None => String::new(),
        })
    };

    view! {
        <header class="app-header">
            <A href="/customers" attr:class="brand">{config.app_title.clone()}</A>
            <nav class="app-nav" aria-label="Main">
                {caps.nav.iter().map(|link| {
                    // The list returns to the place this tab last showed.
                    let href = move || match link.path {
                        routes::HOME => last_list.href(),
                        path => path.to_owned(),
                    };
                    view! { <A href>{link.label}</A> }
                }).collect_view()}
            </nav>
            <CustomerSwitcher />
            <TenantPicker tenants />
            <div class="app-user">
                <span class="username">{username}</span>
                <SignOut />
            </div>
        </header>
        {move || match user.map(|user| user.get()) {
            Some(Some(Err(error))) if !error.is_session_over() => {
                Some(view! { <div class="banner"><ErrorView error /></div> })
            }
            _ => None,
        }}
    }
}

/// The bank (or profile) every page works on. Shown while the list loads, when there is a
/// choice, or when the list could not be loaded (the reason is its title).
#[component]
fn TenantPicker(tenants: LocalResource<Result<Vec<Tenant>, api::ApiError>>) -> impl IntoView {
    let session = expect_context::<Session>();
    let kind = expect_context::<Backend>().tenant();
    let options = move || {
        let current = session.tenant.get();
        let mut list = match tenants.get() {
            Some(Ok(list)) => list,
            _ => Vec::new(),
        };
        if !list.iter().any(|t| t.id == current) {
            list.insert(
                0,
                Tenant {
                    id: current.clone(),
                    name: current.clone(),
                },
            );
        }
        list
    };
    let problem = move || match tenants.get() {
        Some(Err(error)) => format!("The list could not be loaded: {error}"),
        _ => String::new(),
    };
    let choice =
        move || tenants.with(Option::is_none) || options().len() > 1 || !problem().is_empty();
    view! {
        <Show when=choice>
            <div class="bank-picker">
                <label for=kind.picker_id>{kind.label}</label>
                <select
                    id=kind.picker_id
                    title=problem
                    on:change=move |ev| session.select_tenant(event_target_value(&ev))
                >
                    {move || {
                        let current = session.tenant.get();
                        options()
                            .into_iter()
                            .map(|t| {
                                let selected = t.id == current;
                                view! { <option value=t.id selected=selected>{t.name}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
        </Show>
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
