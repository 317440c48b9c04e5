//! The sandbox's log: one line a request on stdout (unless `--quiet`), and every error on stderr
//! (whatever `--quiet` says), prefixed `sandbox:`. Neither ever carries a header, so never a token.
//!
//! A line that cannot be written is dropped: logging never fails or panics a request (`println!`
//! panics when stdout is closed).

use std::fmt::Arguments;
use std::io::Write;

/// Writes a request line to stdout.
pub(crate) fn request(line: Arguments<'_>) {
    // Nothing better to do with a log line that cannot be written.
    let _ = writeln!(std::io::stdout().lock(), "{line}");
}

/// Writes an error line to stderr.
pub(crate) fn error(line: Arguments<'_>) {
    // Nothing better to do with a log line that cannot be written.
    let _ = writeln!(std::io::stderr().lock(), "sandbox: {line}");
}
