//! Files the app downloads: Chromium saves them into a folder of the test's own (CDP
//! `Browser.setDownloadBehavior`), and a test waits for one to be complete.

use std::path::{Path, PathBuf};

use serde_json::json;

use crate::error::Result;
use crate::Harness;

impl Harness {
    /// Makes the browser save downloads, without asking, into a new empty folder; returns it.
    pub async fn save_downloads(&self) -> Result<PathBuf> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let dir =
            std::env::temp_dir().join(format!("e2e-downloads-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        self.cdp(
            "Browser.setDownloadBehavior",
            json!({ "behavior": "allow", "downloadPath": dir }),
        )
        .await?;
        Ok(dir)
    }

    /// The bytes of the file `name` in `dir`, once the browser has finished saving it.
    pub async fn downloaded(&self, dir: &Path, name: &str) -> Result<Vec<u8>> {
        let path = dir.join(name);
        self.poll(&format!("the download {name} in {}", dir.display()), || {
            let path = path.clone();
            async move {
                // Chromium writes `name.crdownload` and renames it when done.
                Ok(if path.is_file() {
                    Some(std::fs::read(&path)?)
                } else {
                    None
                })
            }
        })
        .await
    }
}
