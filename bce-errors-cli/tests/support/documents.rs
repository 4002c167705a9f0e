//! The whole-document corpus (`tests/documents/`): where it is, and its manifest's
//! entries, for the tests that read it (`documents.rs` scores it, `names.rs` checks the
//! names its imports write).

use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Deserialize)]
struct Manifest {
    document: Vec<Entry>,
}

/// One document of the manifest.
#[derive(Deserialize)]
pub struct Entry {
    /// Its id (`md-01`), the stem of its file and of its labels' file.
    pub id: String,
    /// Its file, relative to [`dir`].
    pub file: String,
    /// `tune` or `holdout`.
    pub split: String,
}

/// `tests/documents/`.
pub fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/documents")
}

/// The manifest's documents, in its order.
pub fn entries() -> Vec<Entry> {
    let text = std::fs::read_to_string(dir().join("manifest.toml")).unwrap();
    let manifest: Manifest = toml::from_str(&text).unwrap();
    manifest.document
}
