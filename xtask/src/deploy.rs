//! What deployers need next to `dist/`, written by `cargo xtask build`: `deploy/nginx.conf`, a
//! server block with the app's CSP and security headers (from `dist/config.json`, through
//! [`web_policy`], as the sandbox sends them), and `.gz` files of the hashed assets for nginx's
//! `gzip_static`.
//!
//! The e2e test `e2e/tests/nginx.rs` runs nginx with this very file, changing only the lines
//! [`LISTEN`], [`ROOT`] and the [`API_UPSTREAM`] (ports and paths).

use std::fs;
use std::path::{Path, PathBuf};

use web_policy::Policy;

use crate::util::{bail, cmd, root, Result};

/// The `listen` line as shipped.
pub const LISTEN: &str = "    listen 80;";
/// The `root` line as shipped: where deployers put the contents of `dist/`.
pub const ROOT: &str = "    root /srv/customer-console/dist;";
/// Where the optional API proxy sends requests: the sandbox of `cargo xtask run`.
pub const API_UPSTREAM: &str = "http://127.0.0.1:8080";

/// Files the build precompresses: Trunk's content-hashed assets and the loader. Never
/// `index.html` or `config.json` (deployers edit them; nginx gzips them on the fly).
const PRECOMPRESSED: [&str; 4] = ["js", "wasm", "css", "svg"];

/// The `deploy/` directory next to `dist/`.
pub fn deploy_dir() -> PathBuf {
    root().join("deploy")
}

/// Writes `deploy/nginx.conf` for the `config.json` in `dist` and the `.gz` files in `dist`.
pub fn write(dist: &Path) -> Result {
    let config_path = dist.join("config.json");
    let config =
        fs::read_to_string(&config_path).map_err(|e| format!("{}: {e}", config_path.display()))?;
    let policy = Policy::from_config_json(&config)?;
    let dir = deploy_dir();
    fs::create_dir_all(&dir)?;
    let conf = dir.join("nginx.conf");
    fs::write(&conf, nginx_conf(&policy))?;
    println!("deploy: wrote {}", conf.display());
    let compressed = precompress(dist)?;
    println!("deploy: gzip -9 of {compressed} hashed files for gzip_static");
    Ok(())
}

/// Writes `file.gz` next to each precompressed file of `dist` (recursively); returns how many.
fn precompress(dist: &Path) -> Result<usize> {
    let mut count = 0;
    let mut pending = vec![dist.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else if path
                .extension()
                .is_some_and(|ext| PRECOMPRESSED.iter().any(|p| ext == *p))
            {
                // -n: no name or time stamp inside, so the same file gives the same .gz.
                cmd("gzip", ["-9", "-n", "-k", "-f"]).args([&path]).run()?;
                count += 1;
            }
        }
    }
    if count == 0 {
        bail!(
            "{} has no js, wasm, css or svg to precompress",
            dist.display()
        );
    }
    Ok(count)
}

/// The nginx server block for `policy`. The API proxy locations are active when the app calls
/// its own origin (`api_base_url` empty), else left commented out.
fn nginx_conf(policy: &Policy) -> String {
    let headers: String = policy
        .headers()
        .iter()
        .map(|(name, value)| format!("    add_header {name} \"{value}\" always;\n"))
        .collect();
    let proxy_prefix = if policy.api_origin.is_none() {
        ""
    } else {
        "# "
    };
    let proxy = [
        "# OBP on this origin (\"api_base_url\": \"\" in config.json): DirectLogin and the API.",
        "# For an https OBP: proxy_pass https://obp.your-bank.example; proxy_ssl_server_name on;",
        "location = /my/logins/direct {",
        &format!("    proxy_pass {API_UPSTREAM};"),
        "}",
        "location /obp/ {",
        &format!("    proxy_pass {API_UPSTREAM};"),
        "}",
    ]
    .iter()
    .map(|line| format!("    {proxy_prefix}{line}\n"))
    .collect::<String>();
    format!(
        r#"# Customer Console: an nginx server block, written by `cargo xtask build` from dist/config.json.
# Put it in the http {{}} context (Debian: /etc/nginx/conf.d/customer-console.conf; it needs the
# mime.types that Debian's nginx.conf includes), then set `listen`, `root` and, if used, the
# API proxy at the end. The Content-Security-Policy allows the API origin and the KYC media
# origins of config.json as it was at build time: after changing `api_base_url` or
# `media_origins` there, run `cargo xtask build` again or edit that line to match.
server {{
{LISTEN}
{ROOT}
    index index.html;

    # The app's security headers, on every response (errors too).
{headers}
    gzip on;
    # The .gz files the build wrote next to the hashed assets.
    gzip_static on;
    gzip_vary on;
    gzip_min_length 256;
    gzip_types application/javascript application/json application/wasm image/svg+xml text/css;
    # With the brotli module (Debian: libnginx-mod-http-brotli-filter), uncomment:
    # brotli on;
    # brotli_types application/javascript application/json application/wasm image/svg+xml text/css;

    # Deep links such as /customers/ID are client routes: unknown paths get index.html.
    # index.html and config.json are revalidated on every load (Cache-Control: no-cache).
    location / {{
        try_files $uri /index.html;
        expires -1;
    }}

    # Trunk's content-hashed files (name-<hash>.js, …_bg.wasm, .css, .svg: a 64-bit hash in
    # hex, without leading zeros) and the loader never change under their name.
    location ~ "-[0-9a-f]{{8,16}}(_bg)?\.(css|js|svg|wasm)$" {{
        try_files $uri =404;
        expires 1y;
    }}

{proxy}}}
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_server_block_sends_the_policy_of_the_config() {
        let policy = Policy::from_config_json(
            r#"{"api_base_url": "", "media_origins": ["https://cdn.bank.example"]}"#,
        )
        .expect("valid");
        let conf = nginx_conf(&policy);
        let csp = format!(
            "    add_header Content-Security-Policy \"{}\" always;\n",
            policy.content_security_policy()
        );
        assert!(conf.contains(&csp), "{conf}");
        for header in [
            "X-Content-Type-Options \"nosniff\"",
            "Referrer-Policy \"no-referrer\"",
        ] {
            assert!(
                conf.contains(&format!("    add_header {header} always;\n")),
                "{header}"
            );
        }
        for line in [LISTEN, ROOT] {
            assert_eq!(conf.matches(&format!("{line}\n")).count(), 1, "{line}");
        }
        assert_eq!(
            conf.matches(&format!("\n        proxy_pass {API_UPSTREAM};\n"))
                .count(),
            2,
            "the same-origin app needs its API proxied"
        );
    }

    #[test]
    fn an_app_calling_another_origin_gets_the_proxy_commented_out() {
        let policy = Policy::from_config_json(r#"{"api_base_url": "https://obp.bank.example"}"#)
            .expect("valid");
        let conf = nginx_conf(&policy);
        assert!(conf.contains("connect-src 'self' https://obp.bank.example;"));
        assert!(conf.contains(&format!("    #     proxy_pass {API_UPSTREAM};\n")));
        assert!(!conf.contains("\n        proxy_pass"));
    }
}
