//! Browser entry point: everything else is in the library.

fn main() {
    #[cfg(target_arch = "wasm32")]
    customer_console::start();
}
