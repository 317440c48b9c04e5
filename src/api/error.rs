//! [`ApiError`]: every way a call can fail, with the OBP code and a plain-language hint.

use serde::Deserialize;

/// Why an API call failed. Cheap to clone, so it can live in signals and error boundaries.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ApiError {
    /// The request never got an HTTP answer (server down, CORS refused, offline).
    #[error("Cannot reach the API: {0}")]
    Network(String),
    /// No answer within the configured timeout (a read: nothing changed).
    #[error("The API did not answer in time")]
    Timeout,
    /// A change (POST, PUT or DELETE) got no answer in time: the server may or may not have made
    /// it, so retrying blindly could make it twice.
    #[error("The API did not answer in time: the change may or may not have been made")]
    OutcomeUnknown,
    /// No session, or the session token is invalid or expired (HTTP 401, OBP-20001, OBP-20003).
    #[error("{message}")]
    NotLoggedIn {
        /// The OBP code when the server gave one.
        code: Option<String>,
        /// The server's message.
        message: String,
    },
    /// The user lacks a role the endpoint requires (HTTP 403, OBP-20006).
    #[error("{message}")]
    MissingRole {
        /// The role (or alternatives, "A or B") the server named.
        role: String,
        /// The server's message.
        message: String,
    },
    /// An OBP error answer: HTTP status, `OBP-NNNNN` code and message.
    #[error("{message}")]
    Obp {
        /// HTTP status.
        status: u16,
        /// The `OBP-NNNNN` code.
        code: String,
        /// The server's message, code included.
        message: String,
    },
    /// A refusal with a message but no OBP code (the Enterprise API's errors), with the fields it
    /// names.
    #[error("{message}")]
    Rejected {
        /// HTTP status.
        status: u16,
        /// The server's message.
        message: String,
        /// `(field, message)` for each invalid field, e.g. `("address.country", "…")`.
        fields: Vec<(String, String)>,
    },
    /// A non-success answer that is not in OBP's error format (a proxy page, for instance).
    #[error("The API answered HTTP {status}")]
    Http {
        /// HTTP status.
        status: u16,
    },
    /// A success answer whose body is not what the endpoint documents.
    #[error("The API sent a response the console cannot read: {0}")]
    Decode(String),
}

#[derive(Deserialize)]
struct ErrorBody {
    message: String,
    #[serde(default)]
    errors: Vec<FieldError>,
}

#[derive(Deserialize)]
struct FieldError {
    #[serde(default)]
    field: String,
    #[serde(default)]
    message: String,
}

impl ApiError {
    /// Maps a non-success HTTP answer to an error, reading OBP's `{"code", "message"}` body.
    pub fn from_response(status: u16, body: &str) -> Self {
        let Some(ErrorBody { message, errors }) = serde_json::from_str::<ErrorBody>(body).ok()
        else {
            return if status == 401 {
                Self::NotLoggedIn {
                    code: None,
                    message: "You are not signed in.".to_owned(),
                }
            } else {
                Self::Http { status }
            };
        };
        let code = obp_code(&message);
        match code.as_deref() {
            Some("OBP-20001" | "OBP-20003") => Self::NotLoggedIn { code, message },
            Some("OBP-20006") => Self::MissingRole {
                role: missing_role(&message),
                message,
            },
            Some(_) => Self::Obp {
                status,
                code: code.unwrap_or_default(),
                message,
            },
            None if status == 401 => Self::NotLoggedIn {
                code: None,
                message,
            },
            None => Self::Rejected {
                status,
                message,
                fields: errors.into_iter().map(|e| (e.field, e.message)).collect(),
            },
        }
    }

    /// The error as seen by a change (POST, PUT or DELETE that writes): a timeout there leaves
    /// the outcome unknown.
    pub fn after_change(self) -> Self {
        match self {
            Self::Timeout => Self::OutcomeUnknown,
            error => error,
        }
    }

    /// True when a change may have been made although no answer said so: check before retrying.
    pub fn outcome_unknown(&self) -> bool {
        matches!(self, Self::OutcomeUnknown)
    }

    /// The message the server gave for `field`, if it named it.
    pub fn field_message(&self, field: &str) -> Option<&str> {
        match self {
            Self::Rejected { fields, .. } => fields
                .iter()
                .find(|(name, _)| name == field)
                .map(|(_, message)| message.as_str()),
            _ => None,
        }
    }

    /// The `OBP-NNNNN` code, when the server gave one.
    pub fn code(&self) -> Option<&str> {
        match self {
            Self::NotLoggedIn { code, .. } => code.as_deref(),
            Self::MissingRole { .. } => Some("OBP-20006"),
            Self::Obp { code, .. } if !code.is_empty() => Some(code),
            _ => None,
        }
    }

    /// True when the session is over and the user must sign in again.
    pub fn is_session_over(&self) -> bool {
        matches!(self, Self::NotLoggedIn { .. })
    }

    /// A short title for the error, for headings.
    pub fn title(&self) -> &'static str {
        match self {
            Self::Network(_) => "Cannot reach the API",
            Self::Timeout => "The API did not answer in time",
            Self::OutcomeUnknown => "Not confirmed: the change may or may not have been saved",
            Self::NotLoggedIn { .. } => "Please sign in",
            Self::MissingRole { .. } => "Missing role",
            Self::Obp { status: 404, .. } | Self::Rejected { status: 404, .. } => "Not found",
            Self::Obp { status: 500.., .. }
            | Self::Rejected { status: 500.., .. }
            | Self::Http { status: 500.. } => "Server error",
            Self::Obp { .. } | Self::Rejected { .. } | Self::Http { .. } => {
                "The API refused the request"
            }
            Self::Decode(_) => "Unexpected response",
        }
    }

    /// What the user can do about it, in plain language.
    pub fn hint(&self) -> String {
        match self {
            Self::Network(_) => "Check your connection. If it persists, the API may be down or \
                config.json may point at the wrong api_base_url."
                .to_owned(),
            Self::Timeout => "The API is slow or unreachable. Try again in a moment.".to_owned(),
            Self::OutcomeUnknown => "The API did not answer in time, so the console cannot tell \
                whether this was saved. What you typed is kept: check whether the change is \
                there before you save again."
                .to_owned(),
            Self::MissingRole { role, .. } => format!(
                "Your user needs the role {role} for this. Ask an OBP administrator to grant it."
            ),
            Self::Rejected { status: 400, .. } => {
                "Check the fields the API named and try again; what you typed is kept.".to_owned()
            }
            Self::Rejected { status: 404, .. } => {
                "It no longer exists, or it belongs to another profile. Reload the list.".to_owned()
            }
            Self::Http { status } => format!(
                "HTTP {status} without an OBP error body: a proxy or gateway may be in the way."
            ),
            Self::Decode(_) => "The API version may differ from v5.1.0. Reload; if it \
                persists, report it with the page you were on."
                .to_owned(),
            other => hint_for_code(other.code().unwrap_or_default()).to_owned(),
        }
    }
}

/// Extracts `OBP-NNNNN` from the start of an OBP message.
pub(crate) fn obp_code(message: &str) -> Option<String> {
    let code = message.trim_start().split(':').next()?.trim();
    let digits = code.strip_prefix("OBP-")?;
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then(|| code.to_owned())
}

/// The role text after "missing one or more roles:", without OBP's trailing bank context
/// (` at Bank(ID)` from v3 endpoints, ` for BankId(ID).` from v4 and later).
fn missing_role(message: &str) -> String {
    let after = message.split_once("roles:").map_or("", |(_, rest)| rest);
    let end = [" at Bank(", " for BankId("]
        .iter()
        .filter_map(|context| after.find(context))
        .min()
        .unwrap_or(after.len());
    after[..end].trim().trim_end_matches('.').to_owned()
}

/// The plain-language hint for an OBP error code.
pub fn hint_for_code(code: &str) -> &'static str {
    match code {
        "OBP-00009" | "OBP-00012" => {
            "This OBP instance has allow_customer_firehose off, so the customer firehose is \
                        not available. Ask the API operator to enable it, or pick another list."
        }
        "OBP-10001" => "The API could not read the request body. Check the fields and try again.",
        "OBP-10020" => {
            "Some fields contradict each other: the number of dependants must match \
                        the dates of birth of dependants."
        }
        "OBP-10023" => "The sort direction must be ASC or DESC.",
        "OBP-10024" => "The offset must be a whole number of at least 0.",
        "OBP-10025" => "The page size (limit) must be a whole number of at least 1.",
        "OBP-10026" => "The from and to dates must be real dates. Pick them again.",
        "OBP-10404" => {
            "This API does not offer that endpoint. Check api_base_url and \
                        api_version in config.json, or whether the endpoint is disabled."
        }
        "OBP-20001" => "Your session has ended. Sign in again.",
        "OBP-20002" | "OBP-20082" | "OBP-20083" => {
            "The login request was incomplete: username, password and consumer key are all needed."
        }
        "OBP-20003" => "Your session token is invalid or has expired. Sign in again.",
        "OBP-20004" => "The username or password is wrong.",
        "OBP-20006" => {
            "Your user lacks a role this action needs. Ask an administrator to grant it."
        }
        "OBP-20008" => {
            "The consumer key is unknown or disabled. Check consumer_key in config.json \
                        or ask the API operator for a valid key."
        }
        "OBP-20013" => "This user is locked. Ask an administrator to unlock it.",
        "OBP-30001" => "This bank does not exist on the API. Pick another bank.",
        "OBP-30002" => "No customer has that customer number at this bank.",
        "OBP-30006" => {
            "Another customer at this bank already has that customer number. \
                        Choose a different number."
        }
        "OBP-20057" => "No user has that user id. Check the id on the user's profile.",
        "OBP-30007" => "That user is already linked to a customer at this bank.",
        "OBP-30008" | "OBP-30035" => {
            "The customer is not linked to a user, or that link no longer exists."
        }
        "OBP-30018" => "No account has that id at this bank. Check the account id.",
        "OBP-30046" => "No customer has that id. It may have been deleted.",
        "OBP-30069" => "That attribute no longer exists. Reload the list.",
        "OBP-30071" => "That attribute definition no longer exists. Reload the list.",
        "OBP-30113" => {
            "This customer belongs to another bank. Open it again from a list or a link: the \
                        console then works at the customer's own bank."
        }
        "OBP-30223" => "That account is already linked to this customer.",
        "OBP-30225" => "That account link no longer exists. Reload the list.",
        "OBP-30300" => "That tax residence no longer exists. Reload the list.",
        "OBP-30310" => "That address no longer exists. Reload the list.",
        "OBP-30104" => {
            "No meeting has that id at this bank. It may belong to another bank; go back to \
                        the meetings list."
        }
        "OBP-50000" => {
            "The API had an unexpected error. Try again; if it persists, \
                        contact the API operator."
        }
        _ => "The API refused the request. The message above says why.",
    }
}
