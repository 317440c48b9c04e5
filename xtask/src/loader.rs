//! Trunk's inline module loader, moved into a file of its own so that the CSP can forbid inline
//! script (`script-src 'self' 'wasm-unsafe-eval'`, no hash to keep in step with each build).
//!
//! Trunk writes `<script type="module">import init … from '/app-HASH.js'; …</script>` into
//! `dist/index.html`. [`externalize`] writes that body to `dist/loader-<hash>.js` (named after its
//! content like Trunk's own files, so it may be cached for long) and leaves
//! `<script type="module" src="loader-<hash>.js"></script>` in its place. Trunk's
//! `modulepreload`/`preload` links and their `integrity` stay as they are: they name the
//! wasm-bindgen script and the wasm, which do not change.

use std::collections::hash_map::DefaultHasher;
use std::fs;
use std::hash::{Hash, Hasher};
use std::path::Path;

use crate::util::{bail, Result};

/// Moves the inline loader of `dist/index.html` into its own file and returns that file's name.
/// Fails when there is no inline loader, or when any other inline script would remain.
pub fn externalize(dist: &Path) -> Result<String> {
    let index = dist.join("index.html");
    let html = fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let (html, name, loader) = split(&html)?;
    fs::write(dist.join(&name), loader)?;
    fs::write(&index, html)?;
    println!("loader: moved index.html's inline module script to {name}");
    Ok(name)
}

/// `index.html` with its one inline module script replaced by a reference to the returned file
/// name, and that file's content.
fn split(html: &str) -> Result<(String, String, String)> {
    let scripts = inline_scripts(html);
    let [(start, end, body)] = scripts.as_slice() else {
        bail!(
            "index.html has {} inline scripts, expected exactly Trunk's module loader",
            scripts.len()
        );
    };
    let opening = &html[*start..html[*start..].find('>').map_or(*end, |i| start + i)];
    let module = ["type=module", "type=\"module\"", "type='module'"];
    if !module.iter().any(|attr| opening.contains(attr)) {
        bail!("index.html's inline script is not Trunk's module loader: {opening}>");
    }
    let loader = format!("{}\n", body.trim());
    let mut hasher = DefaultHasher::new();
    loader.hash(&mut hasher);
    let name = format!("loader-{:016x}.js", hasher.finish());
    let tag = format!("<script type=\"module\" src=\"{name}\"></script>");
    let html = format!("{}{tag}{}", &html[..*start], &html[*end..]);
    Ok((html, name, loader))
}

/// Every `<script>` without a `src`: its start, its end (after `</script>`) and its body.
fn inline_scripts(html: &str) -> Vec<(usize, usize, &str)> {
    const CLOSE: &str = "</script>";
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(offset) = html[from..].find("<script") {
        let start = from + offset;
        let Some(open_end) = html[start..].find('>').map(|i| start + i + 1) else {
            break;
        };
        let Some(close) = html[open_end..].find(CLOSE).map(|i| open_end + i) else {
            break;
        };
        let end = close + CLOSE.len();
        if !html[start..open_end].contains(" src=") {
            found.push((start, end, &html[open_end..close]));
        }
        from = end;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What Trunk 0.21.14 writes in release mode (minified; integrity shortened).
    const TRUNK_INDEX: &str = r#"<!doctype html><html lang=en><meta charset=utf-8><base href=/><title>Customer Console</title><link href=/main-4139115b755f1ce6.css integrity=sha384-abc rel=stylesheet><script type=module>import init, * as bindings from '/customer-console-f007f01dc258f62f.js';
const wasm = await init({ module_or_path: '/customer-console-f007f01dc258f62f_bg.wasm' });


window.wasmBindings = bindings;


dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));</script><link crossorigin href=/customer-console-f007f01dc258f62f.js integrity=sha384-def rel=modulepreload><link as=fetch crossorigin href=/customer-console-f007f01dc258f62f_bg.wasm integrity=sha384-ghi rel=preload type=application/wasm></head><body><noscript>Customer Console needs JavaScript and WebAssembly.</noscript></body></html>"#;

    #[test]
    fn the_inline_loader_becomes_a_file_named_after_its_content() {
        let (html, name, loader) = split(TRUNK_INDEX).expect("Trunk's index.html");
        assert!(name.starts_with("loader-") && name.ends_with(".js") && name.len() == 26);
        assert!(loader.starts_with("import init, * as bindings from '/customer-console-"));
        assert!(loader.ends_with("{detail: {wasm}}));\n"));
        assert!(html.contains(&format!(
            "rel=stylesheet><script type=\"module\" src=\"{name}\"></script><link crossorigin"
        )));
        assert!(inline_scripts(&html).is_empty());
        // Trunk's preloads and their integrity are untouched.
        for integrity in ["sha384-abc rel", "sha384-def rel", "sha384-ghi rel"] {
            assert!(html.contains(integrity), "{integrity}");
        }
        let changed = TRUNK_INDEX.replace("f007f01dc258f62f", "0000000000000001");
        assert_ne!(
            split(&changed).expect("a loader").1,
            name,
            "a new build, a new name"
        );
    }

    #[test]
    fn any_other_inline_script_is_refused() {
        assert!(split("<html><body></body></html>").is_err(), "no loader");
        let two = TRUNK_INDEX.replace("</body>", "<script>alert(1)</script></body>");
        assert!(split(&two).is_err());
        assert!(
            split("<script>import x from '/x.js';</script>").is_err(),
            "not a module"
        );
    }
}
