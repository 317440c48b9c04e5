//! The app's `config.json` as served: the dist's file as it is, or in Enterprise mode pointed at
//! this sandbox's Enterprise API.

use std::path::Path;

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use sandbox::seed::enterprise::PROFILE_IDS;
use serde_json::{Map, Value};

/// The app's runtime configuration, next to its `index.html`.
pub const CONFIG_PATH: &str = "/config.json";

/// Which backend the served app is configured for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum AppBackend {
    /// OBP: `/config.json` is the dist's file as it is.
    #[default]
    Obp,
    /// The Enterprise API: `/config.json` is the dist's file with `"backend": "enterprise"`,
    /// `"profile_ids"` (the seeded profiles) and `"api_base_url": ""` (this origin) set.
    Enterprise,
}

impl std::str::FromStr for AppBackend {
    type Err = String;

    /// `obp` or `enterprise`.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "obp" => Ok(AppBackend::Obp),
            "enterprise" => Ok(AppBackend::Enterprise),
            other => Err(format!("not obp or enterprise: {other}")),
        }
    }
}

/// The `config.json` the app gets: `dist/config.json` (an empty object if there is none), in
/// Enterprise mode with `backend` `enterprise`, the seeded `profile_ids` and an empty
/// `api_base_url` (this origin) set, every other key kept. Why not, when the file cannot be read
/// or is not a JSON object.
pub fn app_config(dist: &Path, backend: AppBackend) -> Result<Map<String, Value>, String> {
    let file = dist.join("config.json");
    let unusable = |reason: String| {
        format!(
            "cannot use {} as the app's config: {reason}",
            file.display()
        )
    };
    let text = match std::fs::read_to_string(&file) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => "{}".to_owned(),
        Err(error) => return Err(unusable(error.to_string())),
    };
    let mut config: Map<String, Value> =
        serde_json::from_str(&text).map_err(|error| unusable(error.to_string()))?;
    if backend == AppBackend::Enterprise {
        config.insert("backend".into(), "enterprise".into());
        config.insert("profile_ids".into(), PROFILE_IDS.as_slice().into());
        config.insert("api_base_url".into(), "".into());
    }
    Ok(config)
}

/// 500 with a plain-text reason: the Enterprise config could not be made.
pub fn config_error(reason: &str) -> Response {
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        reason.to_owned(),
    )
        .into_response()
}
