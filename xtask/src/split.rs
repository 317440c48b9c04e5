//! The app's wasm, split by route, into `dist/`: what `cargo leptos --split` does, as a step of
//! `cargo xtask build` (Trunk 0.21 cannot split, trunk-rs/trunk#1022, so it builds only
//! index.html, the CSS, the icon and config.json).
//!
//! 1. cargo builds the app for wasm32 with the `split` feature (app.rs's lazy routes become
//!    wasm-split points) in the `wasm-release` profile, linked with `--emit-relocs`, which
//!    wasm-split needs to move functions between modules;
//! 2. [`wasm_split_cli_support`] cuts it into the main module, one chunk per lazy route plus
//!    chunks of code that several routes share, and a JS link module that fetches and
//!    instantiates a chunk (and the chunks it needs) the first time its route is shown;
//! 3. wasm-bindgen writes the main module's JS, keeping the exports the chunks import;
//! 4. wasm-opt (npm binaryen 132 in `tools/`, never another) shrinks the main module and each
//!    chunk;
//! 5. each file lands in `dist/` under a content-derived name.
//!
//! The main module imports the link module by name, and the link module imports the main JS by
//! name, so those two names are fixed before wasm-bindgen runs: both carry the hash of the cargo
//! output and of this pipeline's tools and flags ([`build_id`]), which determine all that follows.
//! The chunks are named after their own bytes; the link module is rewritten to match.

use std::fs;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::setup::wasm_bindgen_version;
use crate::util::{bail, cmd, npm_bin_dir, probe, root, target_dir, Result};

/// The cargo package and binary of the app.
const APP: &str = "customer-console";
/// The cargo profile of the browser app (Cargo.toml).
const PROFILE: &str = "wasm-release";
/// wasm-opt's flags for every module. The chunks carry no `target_features` section, so the
/// features rustc's wasm32 target emits are named. `--converge` repeats `-Oz` while it still
/// shrinks the module (a few KB on the main one).
const WASM_OPT_ARGS: [&str; 8] = [
    "-Oz",
    "--converge",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// The split app's files in `dist/`, by name.
pub struct Bundle {
    /// wasm-bindgen's JS for the main module: the loader imports it.
    pub script: String,
    /// The main wasm module.
    pub wasm: String,
    /// wasm-split's link module: the main module imports it, it fetches the chunks on demand.
    pub link: String,
}

/// Builds, splits, binds and optimizes the app's wasm, and writes it to `dist`.
pub fn build(dist: &Path) -> Result<Bundle> {
    let input = cargo_build()?;
    let wasm = fs::read(&input).map_err(|e| format!("{}: {e}", input.display()))?;
    let id = build_id(&wasm)?;
    let work = target_dir()?.join("wasm-split");
    if work.exists() {
        fs::remove_dir_all(&work)?;
    }
    let chunks_dir = work.join("chunks");
    let script = format!("{APP}-{id}.js");
    let link = format!("split-{id}.js");
    let main_in = work.join("main.wasm");
    let main_module = format!("./{script}");
    let link_name = format!("./{link}");
    let split = wasm_split_cli_support::transform({
        let mut opts = wasm_split_cli_support::Options::new(&wasm);
        opts.output_dir = &chunks_dir;
        opts.main_out_path = &main_in;
        opts.main_module = &main_module;
        opts.link_name = &link_name;
        opts
    })
    .map_err(|e| format!("wasm-split: {e:?}"))?;
    println!(
        "wasm-split: the main module and {} chunks",
        split.split_modules.len()
    );

    let out_name = format!("{APP}-{id}");
    cmd(
        "wasm-bindgen",
        [
            "--target",
            "web",
            "--no-typescript",
            "--keep-lld-exports",
            "--no-demangle",
            "--out-name",
            &out_name,
        ],
    )
    .args([
        "--out-dir".as_ref(),
        work.join("bindgen").as_os_str(),
        main_in.as_os_str(),
    ])
    .run()?;

    let main_wasm = format!("{out_name}_bg.wasm");
    wasm_opt(
        &work.join("bindgen").join(&main_wasm),
        &dist.join(&main_wasm),
    )?;
    fs::copy(work.join("bindgen").join(&script), dist.join(&script))?;
    let mut link_js = fs::read_to_string(chunks_dir.join(&link))?;
    for chunk in &split.split_modules {
        let stem = file_stem(chunk)?;
        let optimized = dist.join(format!("{stem}.wasm"));
        wasm_opt(chunk, &optimized)?;
        let name = format!("{stem}-{}.wasm", short_hash(&fs::read(&optimized)?));
        let reference = format!("\"./{stem}.wasm\"");
        if !link_js.contains(&reference) {
            bail!("wasm-split's link module does not fetch {reference}");
        }
        link_js = link_js.replace(&reference, &format!("\"./{name}\""));
        fs::rename(&optimized, dist.join(&name))?;
    }
    fs::write(dist.join(&link), link_js)?;
    Ok(Bundle {
        script,
        wasm: main_wasm,
        link,
    })
}

/// `--cfg erase_components` for every crate of the wasm build: Leptos then type-erases views,
/// routes and attributes instead of monomorphizing each. Measured on the split build (then one
/// chunk per page), gzip -9: main module 356,061 bytes without, 329,292 with; all of dist/'s
/// wasm+js+css 829,164 without, 704,128 with. Kept for being smaller. The wasm tests build
/// without it (dev profile).
const RUSTFLAGS: &str = "--cfg erase_components";

/// `cargo rustc` of the app's binary for wasm32 with the `split` feature and [`RUSTFLAGS`]; the
/// path of its wasm. `--emit-relocs` goes to this crate's link only (`cargo rustc`).
fn cargo_build() -> Result<PathBuf> {
    cmd(
        "cargo",
        [
            "rustc",
            "--package",
            APP,
            "--bin",
            APP,
            "--target",
            "wasm32-unknown-unknown",
            "--profile",
            PROFILE,
            "--features",
            "split",
            "--",
            "-C",
            "link-arg=--emit-relocs",
        ],
    )
    .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS", RUSTFLAGS)
    .run()?;
    Ok(target_dir()?
        .join("wasm32-unknown-unknown")
        .join(PROFILE)
        .join(format!("{APP}.wasm")))
}

/// 16 hex digits naming this build's main JS and link module: the hash of the cargo output, the
/// wasm-bindgen and wasm-opt versions and the flags, which together fix every byte written.
fn build_id(wasm: &[u8]) -> Result<String> {
    let wasm_opt = probe(wasm_opt_bin(), &["--version"]).unwrap_or_default();
    let mut hasher = Sha256::new();
    hasher.update(wasm);
    hasher.update(wasm_bindgen_version()?);
    hasher.update(wasm_opt);
    hasher.update(WASM_OPT_ARGS.join(" "));
    Ok(hex16(&hasher.finalize()))
}

/// The first 16 hex digits of the SHA-256 of `bytes`.
pub fn short_hash(bytes: &[u8]) -> String {
    hex16(&Sha256::digest(bytes))
}

fn hex16(digest: &[u8]) -> String {
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// The npm binaryen wasm-opt that `cargo xtask setup` installs into `tools/`.
fn wasm_opt_bin() -> PathBuf {
    npm_bin_dir().join("wasm-opt")
}

/// wasm-opt of `input` into `output`, printing both sizes.
fn wasm_opt(input: &Path, output: &Path) -> Result {
    cmd(
        wasm_opt_bin().to_str().ok_or("tools/ path is not UTF-8")?,
        WASM_OPT_ARGS,
    )
    .args([input.as_os_str(), "-o".as_ref(), output.as_os_str()])
    .run()?;
    println!(
        "wasm-opt: {} {} -> {} bytes",
        input.strip_prefix(root()).unwrap_or(input).display(),
        fs::metadata(input)?.len(),
        fs::metadata(output)?.len()
    );
    Ok(())
}

fn file_stem(path: &Path) -> Result<String> {
    path.file_stem()
        .and_then(|s| s.to_str())
        .map(str::to_string)
        .ok_or_else(|| format!("{}: no file name", path.display()).into())
}
