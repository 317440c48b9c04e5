//! `cargo xtask build`: the release bundle in `dist/`. Trunk builds index.html, the CSS, the
//! icon and config.json (it cannot split the wasm, trunk-rs/trunk#1022); [`crate::split`] builds
//! the wasm split by route into the same folder, and [`crate::loader`] writes the script that
//! starts it. Then the size table of what a browser may download, and what deployers need in
//! `deploy/` (see [`crate::deploy`]).

use std::fs;
use std::path::{Path, PathBuf};

use crate::util::{bail, cmd, gzip_size, human_bytes, root, Result};
use crate::{deploy, loader, split};

/// The dist directory trunk writes (Trunk.toml `dist`).
pub fn dist_dir() -> PathBuf {
    root().join("dist")
}

/// Runs `trunk build --release --offline`, builds the split wasm and its loader, prints the
/// sizes and writes `deploy/`.
pub fn build() -> Result {
    build_and_measure().map(drop)
}

/// [`build`], returning the sizes it printed.
pub fn build_and_measure() -> Result<Vec<KindSize>> {
    println!("== build: release bundle into dist/");
    if !root().join("index.html").is_file() {
        bail!("index.html is missing at the workspace root: trunk has nothing to build");
    }
    cmd("trunk", ["build", "--release", "--offline"]).run()?;
    let bundle = split::build(&dist_dir())?;
    loader::install(&dist_dir(), &bundle)?;
    print_files(&dist_dir())?;
    let sizes = bundle_sizes()?;
    print_sizes(&sizes);
    deploy::write(&dist_dir())?;
    Ok(sizes)
}

/// Raw and gzip bytes of the files of one kind in dist/.
pub struct KindSize {
    /// File extension: `wasm`, `js` or `css`.
    pub ext: &'static str,
    /// How many files of that kind.
    pub files: usize,
    /// Bytes on disk.
    pub raw: u64,
    /// Bytes after `gzip -9`.
    pub gzip: u64,
}

/// The wasm, js and css of dist/ (snippets included), raw and gzipped.
fn bundle_sizes() -> Result<Vec<KindSize>> {
    let dist = dist_dir();
    ["wasm", "js", "css"]
        .into_iter()
        .map(|ext| {
            let files = files_with_ext(&dist, ext)?;
            let mut gzip = 0;
            for (path, _) in &files {
                gzip += gzip_size(path)?;
            }
            Ok(KindSize {
                ext,
                files: files.len(),
                raw: files.iter().map(|(_, size)| size).sum(),
                gzip,
            })
        })
        .collect()
}

/// Prints each wasm and js file of `dist` with its raw and gzip bytes.
fn print_files(dist: &Path) -> Result {
    println!("{:<48} {:>10} {:>10}", "file", "raw bytes", "gzip -9");
    for ext in ["wasm", "js"] {
        for (path, size) in files_with_ext(dist, ext)? {
            let name = path
                .strip_prefix(dist)
                .unwrap_or(&path)
                .display()
                .to_string();
            println!("{name:<48} {size:>10} {:>10}", gzip_size(&path)?);
        }
    }
    Ok(())
}

/// Prints the size table (exact bytes) with a total row.
fn print_sizes(sizes: &[KindSize]) {
    println!(
        "{:<6} {:>5} {:>12} {:>12}",
        "kind", "files", "raw bytes", "gzip -9"
    );
    for s in sizes {
        println!("{:<6} {:>5} {:>12} {:>12}", s.ext, s.files, s.raw, s.gzip);
    }
    let raw: u64 = sizes.iter().map(|s| s.raw).sum();
    let gzip: u64 = sizes.iter().map(|s| s.gzip).sum();
    let files: usize = sizes.iter().map(|s| s.files).sum();
    println!("{:<6} {files:>5} {raw:>12} {gzip:>12}", "total");
    println!(
        "total: {} raw, {} gzipped",
        human_bytes(raw),
        human_bytes(gzip)
    );
}

/// Files under `dir` (recursively) whose name ends in `.ext`, with their sizes.
fn files_with_ext(dir: &Path, ext: &str) -> Result<Vec<(PathBuf, u64)>> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))? {
            let entry = entry?;
            let meta = entry.metadata()?;
            if meta.is_dir() {
                pending.push(entry.path());
            } else if entry.path().extension().is_some_and(|e| e == ext) {
                found.push((entry.path(), meta.len()));
            }
        }
    }
    found.sort();
    Ok(found)
}
