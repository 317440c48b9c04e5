//! The browser policy of the built app, in one place for every server that serves it and for the
//! app itself: the `Content-Security-Policy` and the other security headers, computed from the
//! app's `config.json` (its API origin and the KYC media origins), and [`origin`], the URL rule
//! the app uses to decide which KYC media it may show as thumbnails.
//!
//! `cargo xtask build` writes these headers into `deploy/nginx.conf`; the sandbox sends them with
//! every file of the app it serves (`--dist`).
//!
//! ```
//! let policy = web_policy::Policy::from_config_json(
//!     r#"{"api_base_url": "https://obp.bank.example/", "media_origins": ["https://cdn.bank.example"]}"#,
//! ).unwrap();
//! let csp = policy.content_security_policy();
//! assert!(csp.contains("connect-src 'self' https://obp.bank.example;"));
//! assert!(csp.contains("img-src 'self' data: https://cdn.bank.example;"));
//! ```

use serde::Deserialize;

/// The `Permissions-Policy` value: every powerful feature off, none of them is used.
pub const PERMISSIONS_POLICY: &str = "accelerometer=(), autoplay=(), camera=(), \
     display-capture=(), fullscreen=(), geolocation=(), gyroscope=(), magnetometer=(), \
     microphone=(), midi=(), payment=(), publickey-credentials-get=(), usb=()";

/// The headers that do not depend on the configuration.
pub const STATIC_HEADERS: [(&str, &str); 3] = [
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Permissions-Policy", PERMISSIONS_POLICY),
];

/// What the CSP lets the app reach beyond its own origin.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Policy {
    /// The API's origin (`api_base_url`), when it is not the app's own.
    pub api_origin: Option<String>,
    /// Origins KYC media thumbnails may be loaded from (`media_origins`).
    pub media_origins: Vec<String>,
}

/// Why `config.json` cannot give a policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyError(String);

impl std::fmt::Display for PolicyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "config.json: {}", self.0)
    }
}

impl std::error::Error for PolicyError {}

/// The keys of `config.json` the policy depends on (the app reads the same file).
#[derive(Deserialize, Default)]
#[serde(default)]
struct PolicyKeys {
    api_base_url: String,
    media_origins: Vec<String>,
}

impl Policy {
    /// The policy for a `config.json` text: `api_base_url` (empty: the app's own origin) and
    /// `media_origins`, each an `http(s)` origin such as `https://cdn.bank.example`.
    pub fn from_config_json(text: &str) -> Result<Self, PolicyError> {
        let keys: PolicyKeys =
            serde_json::from_str(text).map_err(|e| PolicyError(format!("not valid: {e}")))?;
        let api_origin = match keys.api_base_url.trim() {
            "" => None,
            url => Some(origin(url).ok_or_else(|| {
                PolicyError(format!("api_base_url {url:?} is not an http(s) URL"))
            })?),
        };
        let media_origins = keys
            .media_origins
            .iter()
            .map(|entry| {
                origin(entry)
                    .filter(|o| o.eq_ignore_ascii_case(entry.trim().trim_end_matches('/')))
                    .ok_or_else(|| {
                        PolicyError(format!(
                            "media_origins entry {entry:?} is not an origin like https://cdn.bank.example"
                        ))
                    })
            })
            .collect::<Result<_, _>>()?;
        Ok(Policy {
            api_origin,
            media_origins,
        })
    }

    /// The `Content-Security-Policy` header value: nothing but the app's own files, its API and
    /// the KYC media origins; wasm may be compiled, no other code evaluated, no frame may embed it.
    pub fn content_security_policy(&self) -> String {
        let with = |base: &str, extra: &mut dyn Iterator<Item = &String>| {
            extra.fold(base.to_owned(), |all, origin| all + " " + origin)
        };
        let connect = with("'self'", &mut self.api_origin.iter());
        let img = with("'self' data:", &mut self.media_origins.iter());
        format!(
            "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
             img-src {img}; connect-src {connect}; font-src 'self'; manifest-src 'self'; \
             base-uri 'self'; form-action 'self'; object-src 'none'; frame-ancestors 'none'"
        )
    }

    /// Every header a file of the app is served with: the CSP first, then [`STATIC_HEADERS`].
    pub fn headers(&self) -> Vec<(&'static str, String)> {
        let mut headers = vec![("Content-Security-Policy", self.content_security_policy())];
        headers.extend(STATIC_HEADERS.map(|(name, value)| (name, value.to_owned())));
        headers
    }
}

/// The origin of an `http(s)` URL, lowercased and without a default port
/// (`HTTPS://CDN.Example:443/a.png` → `https://cdn.example`); `None` for anything else,
/// including URLs with credentials, spaces or characters a CSP source cannot hold.
pub fn origin(url: &str) -> Option<String> {
    let url = url.trim();
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "https" => ":443",
        "http" => ":80",
        _ => return None,
    };
    let authority = rest.split(['/', '?', '#']).next()?.to_ascii_lowercase();
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']');
    if authority.is_empty() || !authority.chars().all(allowed) {
        return None;
    }
    let host = authority.strip_suffix(default_port).unwrap_or(&authority);
    Some(format!("{scheme}://{host}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_normalised_and_anything_else_refused() {
        assert_eq!(
            origin(" HTTPS://CDN.Example:443/a.png?x=1 ").as_deref(),
            Some("https://cdn.example")
        );
        assert_eq!(
            origin("http://127.0.0.1:8080").as_deref(),
            Some("http://127.0.0.1:8080")
        );
        assert_eq!(origin("http://[::1]:80/x").as_deref(), Some("http://[::1]"));
        for refused in [
            "",
            "cdn.example/a.png",
            "ftp://cdn.example/a.png",
            "javascript://x",
            "https://user:pw@cdn.example/a.png",
            "https:///a.png",
            "https://cdn.example; script-src *",
            "https://cdn example",
            "https://*.example",
        ] {
            assert_eq!(origin(refused), None, "{refused}");
        }
    }

    #[test]
    fn the_same_origin_config_allows_nothing_else() {
        let policy = Policy::from_config_json(r#"{"api_base_url": ""}"#).expect("valid");
        assert_eq!(policy, Policy::default());
        assert_eq!(
            policy.content_security_policy(),
            "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
             img-src 'self' data:; connect-src 'self'; font-src 'self'; manifest-src 'self'; \
             base-uri 'self'; form-action 'self'; object-src 'none'; frame-ancestors 'none'"
        );
    }

    #[test]
    fn the_api_and_media_origins_widen_connect_and_img() {
        let policy = Policy::from_config_json(
            r#"{"api_base_url": "https://obp.bank.example/api/", "app_title": "x",
                "media_origins": ["https://cdn.bank.example", "http://media.local:8081/"]}"#,
        )
        .expect("valid");
        let csp = policy.content_security_policy();
        assert!(csp.contains("; connect-src 'self' https://obp.bank.example;"));
        assert!(csp
            .contains("; img-src 'self' data: https://cdn.bank.example http://media.local:8081;"));
        let names: Vec<&str> = policy.headers().iter().map(|(name, _)| *name).collect();
        assert_eq!(
            names,
            [
                "Content-Security-Policy",
                "X-Content-Type-Options",
                "Referrer-Policy",
                "Permissions-Policy"
            ]
        );
    }

    #[test]
    fn a_config_that_would_weaken_or_break_the_header_is_refused() {
        for config in [
            "not json",
            r#"{"api_base_url": "obp.bank.example"}"#,
            r#"{"api_base_url": "https://obp.bank.example; script-src *"}"#,
            r#"{"media_origins": ["*"]}"#,
            r#"{"media_origins": ["https://cdn.bank.example/kyc/"]}"#,
            r#"{"media_origins": ["https://cdn.bank.example 'unsafe-inline'"]}"#,
            r#"{"media_origins": "https://cdn.bank.example"}"#,
        ] {
            assert!(Policy::from_config_json(config).is_err(), "{config}");
        }
    }
}
