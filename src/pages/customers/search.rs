//! Search as you type on the customer list, over the customer index of the bank or profile
//! ([`CustomerIndex`]): a labelled search box whose text lives in the URL (`?q=`), the index's
//! status, and the ranked matches with the matched parts marked, a page at a time ("Show more").

use leptos::prelude::*;
use leptos_router::{
    hooks::{use_location, use_navigate},
    NavigateOptions,
};

use super::{
    export::{ExportButton, ExportSet},
    CustomerTable,
};
use crate::{
    components::{with_thousands, IndexStatusLine},
    query::{route_keys, url_query::with_value},
    routes,
    search::Query,
    state::{CustomerIndex, Session},
};

/// Matches shown at first, and added by each "Show more".
const SHOWN: usize = 25;
/// How long typing pauses before the URL takes the search text (moving the router on every
/// keystroke would cost each one a frame).
const URL_AFTER: std::time::Duration = std::time::Duration::from_millis(300);

/// The search text: the list URL's `q`, following back and forward.
pub fn search_text() -> RwSignal<String> {
    let in_url = route_keys::kept_query(routes::HOME, "q");
    let text = RwSignal::new(in_url.get_untracked());
    Effect::new(move || {
        let wanted = in_url.get();
        if text.with_untracked(|typed| *typed != wanted) {
            text.set(wanted);
        }
    });
    text
}

/// The search box and the index's status. Its first use (focus, typing, a search in the URL)
/// starts indexing the bank or profile. The URL follows the text once typing pauses.
#[component]
pub fn CustomerSearchBox(
    /// The search text.
    text: RwSignal<String>,
) -> impl IntoView {
    let index = expect_context::<CustomerIndex>();
    let session = expect_context::<Session>();
    let location = use_location();
    let navigate = use_navigate();
    let start = move || index.ensure(&session.tenant.get_untracked());
    if !text.get_untracked().trim().is_empty() {
        start();
    }
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let to_url = move || {
        let search = with_value(&location.search.get_untracked(), "q", &text.get_untracked());
        let options = NavigateOptions {
            replace: true,
            scroll: false,
            ..Default::default()
        };
        navigate(&format!("{}{search}", routes::HOME), options);
    };
    let typed = move |ev| {
        text.set(event_target_value(&ev));
        start();
        if let Some(earlier) = pending.get_value() {
            earlier.clear();
        }
        pending.set_value(set_timeout_with_handle(to_url.clone(), URL_AFTER).ok());
    };
    on_cleanup(move || {
        if let Some(earlier) = pending.try_get_value().flatten() {
            earlier.clear();
        }
    });
    view! {
        <div class="customer-search" role="search">
            <div class="field">
                <label for="customer-search">"Search customers"</label>
                <input id="customer-search" type="search" autocomplete="off" spellcheck="false" data-shortcut-search
                    placeholder="Name, e-mail, phone or customer number"
                    aria-describedby="customer-search-help"
                    prop:value=move || text.get()
                    on:input=typed
                    on:focus=move |_| start() />
                <p id="customer-search-help" class="field-help">
                    "Any words in any order; case and accents do not matter."
                </p>
            </div>
            <IndexStatusLine />
        </div>
    }
}

/// The customers matching the search text, best first, a page at a time.
#[component]
pub fn CustomerSearchResults(
    /// The search text.
    text: RwSignal<String>,
) -> impl IntoView {
    let index = expect_context::<CustomerIndex>();
    let session = expect_context::<Session>();
    let query = Memo::new(move |_| Query::parse(&text.get()));
    let shown = RwSignal::new(SHOWN);
    // Back to one page for a new query; setting it unchanged would search a second time.
    Effect::watch(
        move || query.track(),
        move |_, _, _| {
            if shown.get_untracked() != SHOWN {
                shown.set(SHOWN);
            }
        },
        false,
    );
    // The query travels with its matches, so the rows are marked for the query they matched.
    let found = Memo::new(move |_| {
        let query = query.get();
        let (total, rows) = index.matches(&session.tenant.get(), &query, shown.get());
        (total, rows, query)
    });
    // What "Export CSV…" offers: the matches shown, or every match (found only when the export
    // dialog opens and asks).
    let export = Signal::derive(move || {
        let shown = found.with(|(_, rows, _)| rows.clone());
        let every = index.all_matches(&session.tenant.get(), &query.get());
        vec![
            ExportSet {
                label: "The matches shown".to_owned(),
                rows: shown,
            },
            ExportSet {
                label: "Every match".to_owned(),
                rows: every,
            },
        ]
    });
    let caption = move || {
        let total = found.with(|(total, _, _)| *total);
        let indexed = index
            .status(&session.tenant.get())
            .map(|s| (s.count, s.loading.is_some()));
        let of = match indexed {
            Some((count, true)) => format!(" among the {} indexed so far", with_thousands(count)),
            Some((count, false)) => format!(" among {} customers", with_thousands(count)),
            None => String::new(),
        };
        let noun = if total == 1 {
            "customer matches"
        } else {
            "customers match"
        };
        format!(
            "{} {noun} \u{201c}{}\u{201d}{of}",
            with_thousands(total),
            text.get().trim()
        )
    };
    let more = move || found.with(|(total, rows, _)| *total > rows.len());
    view! {
        <p class="results-caption" role="status">{caption}</p>
        {move || {
            let (_, rows, marks) = found.get();
            (!rows.is_empty()).then(|| view! {
                <div class="list-actions"><ExportButton sets=export /></div>
                <CustomerTable customers=rows marks />
            })
        }}
        <Show when=more>
            <button type="button" class="secondary show-more"
                on:click=move |_| shown.update(|n| *n += SHOWN)>
                "Show more"
            </button>
        </Show>
    }
}
