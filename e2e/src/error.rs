//! The harness's error: a message written for the person reading a failed test.

use std::fmt;

/// What a harness step returns.
pub type Result<T = (), E = Error> = std::result::Result<T, E>;

/// A failed harness step. Its `Debug` is the plain message, so a test returning
/// `Err` prints it as written (with its line breaks).
pub struct Error(String);

impl Error {
    /// An error with the given message.
    pub fn new(message: impl Into<String>) -> Self {
        Error(message.into())
    }

    /// The element went away between finding and using it (the app re-rendered it).
    pub fn is_stale_element(&self) -> bool {
        self.0.contains("stale element")
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl From<fantoccini::error::CmdError> for Error {
    fn from(err: fantoccini::error::CmdError) -> Self {
        Error(format!("webdriver command failed: {err}"))
    }
}

impl From<fantoccini::error::NewSessionError> for Error {
    fn from(err: fantoccini::error::NewSessionError) -> Self {
        Error(format!("could not open a browser session: {err}"))
    }
}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Self {
        Error(err.to_string())
    }
}

impl From<serde_json::Error> for Error {
    fn from(err: serde_json::Error) -> Self {
        Error(format!("JSON: {err}"))
    }
}
