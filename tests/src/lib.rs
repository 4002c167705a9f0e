//! Helpers shared by the workspace tests: where the repository's files are.

use std::path::{Path, PathBuf};

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

/// A crate outside the workspace, as a user has: `target/scratch/<name>/`, with a
/// manifest whose `[dependencies]` are `dependencies` (`{bce_errors}` in it stands for
/// the path of this repository's `bce-errors`), the workspace's Cargo.lock (so nothing
/// is resolved anew), and `files` (relative path, text). Returns its directory.
pub fn scratch_crate(name: &str, dependencies: &str, files: &[(&str, &str)]) -> PathBuf {
    let root = workspace_root();
    let dir = root.join("target").join("scratch").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    let bce_errors = format!("{:?}", root.join("bce-errors").display().to_string());
    let manifest = format!(
        "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n[workspace]\n\n[dependencies]\n{}\n",
        dependencies.replace("{bce_errors}", &bce_errors)
    );
    let mut all = vec![("Cargo.toml", manifest.as_str())];
    all.extend_from_slice(files);
    for (path, text) in all {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().expect("a file in the crate")).expect("scratch dir");
        std::fs::write(&path, text).expect("scratch file");
    }
    std::fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock")).expect("Cargo.lock");
    dir
}

/// Runs `cargo ARGS` in a scratch crate, all scratch crates sharing one target directory
/// (`target/scratch/target`), and returns its stdout; panics with cargo's stderr if it
/// fails.
pub fn cargo(dir: &Path, args: &[&str]) -> String {
    let target = workspace_root()
        .join("target")
        .join("scratch")
        .join("target");
    let out = std::process::Command::new(env!("CARGO"))
        .args(args)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "cargo {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}
