//! CRM events (v1.4.0): `GET /banks/BANK_ID/crm-events`, read-only, login only (OBP's code has a
//! TODO to add a role).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Serialize;

use crate::db::{CrmEvent, User};
use crate::http::json;
use crate::obp_error::ObpError;
use crate::routes::banks;
use crate::state::AppState;

#[derive(Serialize)]
struct CrmEventsJson {
    crm_events: Vec<CrmEvent>,
}

/// `GET /banks/BANK_ID/crm-events`: 200 `{"crm_events": [CrmEvent]}` in the order they were
/// recorded (an empty list at a bank without events); unknown bank 404 OBP-30001.
pub async fn list(
    State(state): State<AppState>,
    _user: User,
    Path(bank_id): Path<String>,
) -> Result<Response, ObpError> {
    let store = state.store();
    banks::require(&store, &bank_id)?;
    let crm_events = store.crm_events(&bank_id)?;
    Ok(json(StatusCode::OK, &CrmEventsJson { crm_events }))
}
