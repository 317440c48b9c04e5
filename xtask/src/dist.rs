//! `cargo xtask build`: the release bundle in `dist/` (trunk, then a check that wasm-opt ran, then
//! the inline loader moved to a file, see [`crate::loader`]), the size table of what a browser
//! downloads, and what deployers need in `deploy/` (see [`crate::deploy`]).
//!
//! wasm-opt is trunk's own step: Trunk.toml pins `wasm_opt = "version_132"`, trunk takes the
//! `wasm-opt` first on PATH when its `--version` says `version 132`, and that is the npm binaryen
//! in `tools/` (setup puts it there and first on PATH). Trunk hashes the file names and writes the
//! integrity attributes after wasm-opt, so index.html stays valid. This module proves it ran by
//! comparing trunk's wasm-bindgen output with its wasm-opt output and the wasm in `dist/`.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::util::{bail, cmd, gzip_size, human_bytes, root, target_dir, Result};
use crate::{deploy, loader};

/// The dist directory trunk writes (Trunk.toml `dist`).
pub fn dist_dir() -> PathBuf {
    root().join("dist")
}

/// Runs `trunk build --release --offline`, checks wasm-opt ran, moves the loader out of
/// index.html, prints the sizes and writes `deploy/`.
pub fn build() -> Result {
    build_and_measure().map(drop)
}

/// [`build`], returning the sizes it printed.
pub fn build_and_measure() -> Result<Vec<KindSize>> {
    println!("== build: release bundle into dist/");
    if !root().join("index.html").is_file() {
        bail!("index.html is missing at the workspace root: trunk has nothing to build");
    }
    let started = SystemTime::now();
    cmd("trunk", ["build", "--release", "--offline"]).run()?;
    check_wasm_opt_ran(started)?;
    loader::externalize(&dist_dir())?;
    let sizes = bundle_sizes()?;
    print_sizes(&sizes);
    deploy::write(&dist_dir())?;
    Ok(sizes)
}

/// Fails unless trunk's wasm-opt output is fresh and is what landed in dist/. Trunk names its
/// output directories after the cargo profile (`wasm-release`, see index.html), so every
/// profile's directory is looked at.
fn check_wasm_opt_ran(since: SystemTime) -> Result {
    let target = target_dir()?;
    let fresh_wasm = |tool: &str| -> Option<(PathBuf, u64)> {
        let profiles = fs::read_dir(target.join(tool)).ok()?.flatten();
        profiles
            .filter_map(|profile| fs::read_dir(profile.path()).ok())
            .flat_map(|files| files.flatten())
            .find_map(|entry| {
                let meta = entry.metadata().ok()?;
                let name = entry.file_name();
                (name.to_string_lossy().ends_with("_bg.wasm") && meta.modified().ok()? >= since)
                    .then(|| (entry.path(), meta.len()))
            })
    };
    let Some((bindgen_path, bindgen)) = fresh_wasm("wasm-bindgen") else {
        bail!(
            "trunk wrote no wasm-bindgen output under {}",
            target.display()
        );
    };
    let Some((opt_path, opt)) = fresh_wasm("wasm-opt") else {
        bail!("wasm-opt did not run: is data-wasm-opt set on the rust link in index.html?");
    };
    let dist = files_with_ext(&dist_dir(), "wasm")?;
    let dist_size: u64 = dist.iter().map(|(_, size)| size).sum();
    if dist.len() != 1 || dist_size != opt {
        bail!(
            "dist/ wasm ({dist_size} bytes in {} files) is not wasm-opt's output {} ({opt} bytes)",
            dist.len(),
            opt_path.display()
        );
    }
    // wasm-opt drops the debug name section, so compare the rest too: that is its real work.
    let names = name_section_size(&fs::read(&bindgen_path)?);
    let before = bindgen - names;
    println!(
        "wasm-opt: {} -> {} ({:.1}% smaller; wasm-bindgen's output also had a {} name section, now gone)",
        human_bytes(before),
        human_bytes(opt),
        100.0 * before.saturating_sub(opt) as f64 / before.max(1) as f64,
        human_bytes(names)
    );
    Ok(())
}

/// The bytes taken by the custom `name` section (with its header) in a wasm module; 0 if none.
fn name_section_size(wasm: &[u8]) -> u64 {
    fn leb128(bytes: &[u8], at: &mut usize) -> Option<usize> {
        let (mut value, mut shift) = (0usize, 0);
        loop {
            let byte = *bytes.get(*at)?;
            *at += 1;
            value |= usize::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(value);
            }
            shift += 7;
        }
    }
    let mut at = 8; // magic and version
    while at < wasm.len() {
        let start = at;
        let id = wasm[at];
        at += 1;
        let Some(len) = leb128(wasm, &mut at) else {
            return 0;
        };
        let body = at;
        if id == 0 {
            let mut name_at = body;
            if let Some(name_len) = leb128(wasm, &mut name_at) {
                if wasm.get(name_at..name_at + name_len) == Some(b"name".as_slice()) {
                    return (body + len - start) as u64;
                }
            }
        }
        at = body + len;
    }
    0
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

#[cfg(test)]
mod tests {
    use super::name_section_size;

    #[test]
    fn measures_the_name_section() {
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.extend([1, 2, 0x60, 0]); // a type section of 2 bytes
        wasm.extend([0, 6, 4, b'n', b'a', b'm', b'e', 9]); // custom "name", 6 bytes
        assert_eq!(name_section_size(&wasm), 8);
        assert_eq!(name_section_size(&wasm[..12]), 0);
    }
}
