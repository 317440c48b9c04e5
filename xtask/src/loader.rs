//! The app's start script and the tags that load it, written into `dist/` after the wasm is built
//! (see [`crate::split`]; Trunk builds no wasm, so it writes no loader of its own).
//!
//! The start script is a file, `loader-<hash>.js` (named after its content like every asset, so
//! it may be cached for long), never inline: the CSP forbids inline script
//! (`script-src 'self' 'wasm-unsafe-eval'`, no hash to keep in step with each build).
//! In `index.html` the rust link Trunk skipped (`<link data-trunk rel="rust" data-trunk-skip>`,
//! which Trunk leaves as it is) becomes a `modulepreload` of the main JS and of wasm-split's link
//! module, a `preload` of the main wasm (each with its `integrity`, as Trunk wrote them) and the
//! `<script type="module">` of the loader. The chunks are not preloaded: they belong to routes
//! the first page may never show. Before them comes `public/prefetch.js`, as
//! `prefetch-<hash>.js`: a classic script, run as soon as it is parsed, that starts the API
//! reads the page needed the last time it was loaded in this tab (see `src/api/prefetch.rs`).

use std::fs;
use std::path::Path;

use base64::Engine as _;
use sha2::{Digest, Sha384};

use crate::split::{short_hash, Bundle};
use crate::util::{bail, root, Result};

/// Writes the loader of `bundle` into `dist` and its tags into `dist/index.html`; returns the
/// loader's file name. Fails when index.html has no skipped rust link, or has an inline script.
pub fn install(dist: &Path, bundle: &Bundle) -> Result<String> {
    let index = dist.join("index.html");
    let html = fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let loader = loader(bundle);
    let name = format!("loader-{}.js", short_hash(loader.as_bytes()));
    fs::write(dist.join(&name), &loader)?;
    let prefetch = fs::read(root().join("public/prefetch.js"))?;
    let prefetch_name = format!("prefetch-{}.js", short_hash(&prefetch));
    fs::write(dist.join(&prefetch_name), &prefetch)?;
    let integrity = |file: &str| -> Result<String> { Ok(integrity(&fs::read(dist.join(file))?)) };
    let tags = [
        format!(
            r#"<script src="/{prefetch_name}" integrity="{}"></script>"#,
            integrity(&prefetch_name)?
        ),
        format!(
            r#"<link rel="modulepreload" href="/{}" integrity="{}" crossorigin>"#,
            bundle.script,
            integrity(&bundle.script)?
        ),
        format!(
            r#"<link rel="modulepreload" href="/{}" integrity="{}" crossorigin>"#,
            bundle.link,
            integrity(&bundle.link)?
        ),
        format!(
            r#"<link rel="preload" href="/{}" as="fetch" type="application/wasm" integrity="{}" crossorigin>"#,
            bundle.wasm,
            integrity(&bundle.wasm)?
        ),
        format!(
            r#"<script type="module" src="/{name}" integrity="{}"></script>"#,
            integrity(&name)?
        ),
    ];
    fs::write(&index, with_tags(&html, &tags.concat())?)?;
    println!("loader: {name}, preloading {}", bundle.script);
    Ok(name)
}

/// The start script: loads the main module (its JS fetches the wasm).
fn loader(bundle: &Bundle) -> String {
    format!(
        "import init from '/{}';\nawait init({{ module_or_path: '/{}' }});\n",
        bundle.script, bundle.wasm
    )
}

/// `sha384-…` of `bytes`, for an `integrity` attribute.
fn integrity(bytes: &[u8]) -> String {
    let digest = Sha384::digest(bytes);
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// `html` with `tags` in place of Trunk's skipped rust link; refused if it has an inline script
/// (the CSP would block it) or no such link.
fn with_tags(html: &str, tags: &str) -> Result<String> {
    if let Some(opening) = inline_script(html) {
        bail!("index.html has an inline script, which the CSP forbids: {opening}");
    }
    let skipped = html.match_indices("<link").find_map(|(start, _)| {
        let end = start + html[start..].find('>')? + 1;
        let tag = &html[start..end];
        (tag.contains("data-trunk-skip") && tag.contains("rel=rust")).then_some((start, end))
    });
    let Some((start, end)) = skipped else {
        bail!("index.html has no <link data-trunk rel=\"rust\" data-trunk-skip> for the loader");
    };
    Ok(format!("{}{tags}{}", &html[..start], &html[end..]))
}

/// The opening tag of the first `<script>` without a `src`, if any.
fn inline_script(html: &str) -> Option<&str> {
    html.match_indices("<script").find_map(|(start, _)| {
        let opening = &html[start..start + html[start..].find('>')? + 1];
        (!opening.contains(" src=")).then_some(opening)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What Trunk 0.21.14 writes in release mode for index.html with a skipped rust asset
    /// (integrity shortened).
    const TRUNK_INDEX: &str = r#"<!doctype html><html lang=en><meta charset=utf-8><base href=/><title>Customer Console</title><link href=/main-4139115b755f1ce6.css integrity=sha384-abc rel=stylesheet><link data-trunk data-trunk-id=3 data-trunk-skip rel=rust></head><body><noscript>Customer Console needs JavaScript and WebAssembly.</noscript></body></html>"#;

    #[test]
    fn the_tags_replace_the_skipped_rust_link() {
        let html = with_tags(TRUNK_INDEX, "<script type=module src=/l.js></script>").unwrap();
        assert!(html.contains("rel=stylesheet><script type=module src=/l.js></script></head>"));
        assert!(
            html.contains("integrity=sha384-abc rel"),
            "Trunk's integrity stays"
        );
    }

    #[test]
    fn an_inline_script_or_no_skipped_rust_link_is_refused() {
        let inline = TRUNK_INDEX.replace("</body>", "<script>alert(1)</script></body>");
        assert!(with_tags(&inline, "").is_err());
        assert!(with_tags("<html><head></head><body></body></html>", "").is_err());
        let external = TRUNK_INDEX.replace("</body>", "<script src=/x.js></script></body>");
        assert!(with_tags(&external, "").is_ok());
    }

    #[test]
    fn integrity_is_the_base64_sha384() {
        // sha384("abc"), as `openssl dgst -sha384 -binary | base64` prints it.
        assert_eq!(
            integrity(b"abc"),
            "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"
        );
    }

    #[test]
    fn the_loader_starts_the_main_module_with_its_wasm() {
        let bundle = Bundle {
            script: "app-0123456789abcdef.js".into(),
            wasm: "app-0123456789abcdef_bg.wasm".into(),
            link: "split-0123456789abcdef.js".into(),
        };
        assert_eq!(
            loader(&bundle),
            "import init from '/app-0123456789abcdef.js';\n\
             await init({ module_or_path: '/app-0123456789abcdef_bg.wasm' });\n"
        );
    }
}
