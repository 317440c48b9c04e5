//! OBP-compatible sandbox.
