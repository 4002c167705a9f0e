//! Helpers shared by the workspace tests: where the repository's files are.

use std::path::PathBuf;

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ is in the workspace")
        .to_path_buf()
}

/// The bundled spec files that get an enum (`specs/*.toml`), relative to the root, sorted.
pub fn bundled_spec_files() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(workspace_root().join("specs"))
        .expect("specs/ exists")
        .map(|e| {
            e.expect("readable specs/ entry")
                .file_name()
                .into_string()
                .expect("UTF-8 file name")
        })
        .filter(|n| n.ends_with(".toml"))
        .map(|n| format!("specs/{n}"))
        .collect();
    files.sort();
    files
}
