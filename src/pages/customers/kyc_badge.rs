//! [`KycBadge`]: a customer's KYC status at a glance.

use leptos::prelude::*;

/// "KYC OK" or "KYC pending" as a coloured badge.
#[component]
pub fn KycBadge(
    /// The customer's `kyc_status`.
    ok: bool,
) -> impl IntoView {
    if ok {
        view! { <span class="badge badge-ok">"KYC OK"</span> }
    } else {
        view! { <span class="badge badge-warn">"KYC pending"</span> }
    }
}
