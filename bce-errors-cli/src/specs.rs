//! A directory of committed specs (or one spec file), loaded as the macro loads them:
//! for `check`, `sync`, and `lookup`/`explain --specs`.

use std::path::{Path, PathBuf};

use bce_errors_spec::{Error as Diagnostics, Row, Spec, load_spec};

use crate::files::spec_files;

/// A committed spec, loaded.
#[derive(Debug, Clone)]
pub struct SpecView {
    /// Path relative to the specs directory (`nat.toml`, `pages/vpc-page-global.toml`).
    pub rel: String,
    /// The specs directory (the root its includes resolve against).
    pub root: PathBuf,
    /// Path on disk.
    pub path: PathBuf,
    /// The resolved spec.
    pub spec: Spec,
}

impl SpecView {
    /// The rows this spec mirrors from its table: a page copy under `pages/` mirrors
    /// its included rows too; any other spec its own rows only.
    pub fn rows(&self) -> impl Iterator<Item = &Row> {
        let own_only = !self.rel.starts_with("pages/");
        self.spec
            .rows
            .iter()
            .filter(move |r| !own_only || self.is_own(r))
    }

    /// Whether the row is written in this spec's own file.
    pub fn is_own(&self, row: &Row) -> bool {
        row.location.file == self.rel
    }

    /// The last part of `source`: the table's heading on its page.
    pub fn heading(&self) -> &str {
        self.spec.service.source.rsplit(" › ").next().unwrap_or("")
    }
}

/// The valid specs and every invalid one with its problems.
pub type Loaded = (Vec<SpecView>, Vec<(PathBuf, Diagnostics)>);

/// Loads every spec under `path` (a directory, recursively; symlink cycles walked
/// once), or the one spec file `path`.
pub fn load_each(path: &Path) -> Loaded {
    let (root, files) = if path.is_dir() {
        (path.to_path_buf(), spec_files(path))
    } else {
        one_file(path)
    };
    let mut valid = Vec::new();
    let mut invalid = Vec::new();
    for rel in files {
        match load_spec(&root, &rel) {
            Ok(spec) => valid.push(SpecView {
                path: root.join(&rel),
                root: root.clone(),
                rel,
                spec,
            }),
            Err(d) => invalid.push((root.join(&rel), d)),
        }
    }
    (valid, invalid)
}

/// The root and relative path of one spec file; a page copy keeps its `pages/` prefix,
/// as when its directory is given.
fn one_file(path: &Path) -> (PathBuf, Vec<String>) {
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match parent.file_name() {
        Some(dir) if dir == "pages" => {
            let root = parent
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            (root.to_path_buf(), vec![format!("pages/{name}")])
        }
        _ => (parent.to_path_buf(), vec![name]),
    }
}

/// Every spec under `path`, or the first invalid one with its problems.
pub fn load_specs(path: &Path) -> Result<Vec<SpecView>, (PathBuf, Diagnostics)> {
    let (valid, mut invalid) = load_each(path);
    match invalid.is_empty() {
        true => Ok(valid),
        false => Err(invalid.swap_remove(0)),
    }
}
