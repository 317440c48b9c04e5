//! The retry policy of reads: which answers are worth asking again for, and how long to wait
//! before each new attempt. Pure functions; the client sleeps through its [`super::Transport`].

use super::{ApiError, HttpResponse, Method};

/// How many times a read is sent again after its first attempt.
pub const RETRIES: u32 = 3;

/// The wait before the first retry; each later one waits [`GROWTH`] times longer.
const FIRST_DELAY_MS: f64 = 300.0;

/// Exponential growth of the waits: 300 ms, 900 ms, 2.7 s.
const GROWTH: f64 = 3.0;

/// The jitter: each wait is spread over ±30 % of its nominal value, so many clients that failed
/// together do not all come back at the same instant.
const JITTER: f64 = 0.3;

/// Whether `answer` to a `method` request is worth sending again: only GETs (reads change
/// nothing, so a second attempt is harmless), and only when there was no answer (a network
/// failure or timeout) or the server failed (5xx). A 4xx is the server's word: never retried.
/// POST, PUT and DELETE are never retried, whatever happened, so no change is made twice.
pub fn worth_retrying(method: Method, answer: &Result<HttpResponse, ApiError>) -> bool {
    method == Method::Get
        && match answer {
            Ok(response) => response.status >= 500,
            Err(error) => matches!(error, ApiError::Network(_) | ApiError::Timeout),
        }
}

/// The wait before retry number `retry` (1 for the first), with `random` in `[0, 1)` placing it
/// within the jitter: `0.5` gives the nominal wait, `0` 30 % less, nearly `1` 30 % more.
pub fn delay_ms(retry: u32, random: f64) -> u32 {
    let exponent = i32::try_from(retry.saturating_sub(1)).unwrap_or(i32::MAX);
    let nominal = FIRST_DELAY_MS * GROWTH.powi(exponent);
    let spread = 1.0 + JITTER * (2.0 * random.clamp(0.0, 1.0) - 1.0);
    // Bounded: at most 2.7 s × 1.3 for the retries there are.
    (nominal * spread).round().min(f64::from(u32::MAX)) as u32
}

/// A random number in `[0, 1)` for the jitter: `Math.random` in the browser.
#[cfg(target_arch = "wasm32")]
pub(crate) fn random_unit() -> f64 {
    js_sys::Math::random()
}

/// A random number in `[0, 1)` for the jitter: std's per-process random hash keys on host builds.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn random_unit() -> f64 {
    use std::hash::{BuildHasher, RandomState};
    let bits = RandomState::new().hash_one(std::time::SystemTime::now()) >> 11;
    bits as f64 / (1u64 << 53) as f64
}
