//! [`KycBadge`]: a customer's KYC status at a glance.

use leptos::prelude::*;

use crate::backend::kyc_label;

/// "KYC OK" or "KYC pending" as a coloured badge.
#[component]
pub fn KycBadge(
    /// The customer's `kyc_status`.
    ok: bool,
) -> impl IntoView {
    let class = if ok {
        "badge badge-ok"
    } else {
        "badge badge-warn"
    };
    view! { <span class=class>{kyc_label(ok)}</span> }
}
