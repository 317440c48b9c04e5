//! Banks: `GET /banks` (v4.0.0 shape) and `GET /banks/BANK_ID` (v5.0.0 shape, with `bank_code`).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Serialize;

use crate::auth::MaybeUser;
use crate::db::{Bank, Store};
use crate::http::json;
use crate::obp_error::ObpError;
use crate::routes::EMPTY_LIST;
use crate::state::AppState;

#[derive(Serialize)]
struct BankRoutingJson<'a> {
    scheme: &'a str,
    address: &'a str,
}

/// BankJson400 (list) and BankJson500 (single bank) differ only in the name of the second key.
#[derive(Serialize)]
struct BankJson<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    short_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    bank_code: Option<&'a str>,
    full_name: &'a str,
    logo: Option<&'a str>,
    website: Option<&'a str>,
    bank_routings: Vec<BankRoutingJson<'a>>,
    attributes: &'a [serde_json::Value],
}

impl<'a> BankJson<'a> {
    fn new(bank: &'a Bank) -> Self {
        let routings = [("OBP", bank.bank_id.as_str()), ("BIC", bank.bic.as_str())];
        BankJson {
            id: &bank.bank_id,
            short_name: None,
            bank_code: None,
            full_name: &bank.full_name,
            logo: bank.logo.as_deref(),
            website: bank.website.as_deref(),
            bank_routings: routings
                .into_iter()
                .filter(|(_, address)| !address.is_empty())
                .map(|(scheme, address)| BankRoutingJson { scheme, address })
                .collect(),
            attributes: EMPTY_LIST,
        }
    }
}

#[derive(Serialize)]
struct BanksJson<'a> {
    banks: Vec<BankJson<'a>>,
}

/// The bank, or 404 OBP-30001.
pub(crate) fn require(store: &Store, bank_id: &str) -> Result<Bank, ObpError> {
    store
        .bank(bank_id)?
        .ok_or_else(|| ObpError::bank_not_found(bank_id))
}

/// `GET /banks`: every bank; anonymous access allowed (200).
pub async fn list(State(state): State<AppState>, _caller: MaybeUser) -> Result<Response, ObpError> {
    let banks = state.store().banks()?;
    let body = BanksJson {
        banks: banks
            .iter()
            .map(|bank| BankJson {
                short_name: Some(&bank.short_name),
                ..BankJson::new(bank)
            })
            .collect(),
    };
    Ok(json(StatusCode::OK, &body))
}

/// `GET /banks/BANK_ID`: one bank (200) or 404 OBP-30001; anonymous access allowed.
pub async fn get(
    State(state): State<AppState>,
    _caller: MaybeUser,
    Path(bank_id): Path<String>,
) -> Result<Response, ObpError> {
    let bank = require(&state.store(), &bank_id)?;
    Ok(json(
        StatusCode::OK,
        &BankJson {
            bank_code: Some(&bank.short_name),
            ..BankJson::new(&bank)
        },
    ))
}
