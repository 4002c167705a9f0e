//! Compile-fail tests: every class of bad spec and bad attribute use is one rustc-style
//! error at file:line:col with a fix, and never a panic (tests/ui/*.rs + .stderr).
//!
//! trybuild compiles each case in its own scratch crate, whose `CARGO_MANIFEST_DIR` is
//! `<target>/tests/trybuild/bce-errors-tests/` (wherever `CARGO_TARGET_DIR` puts
//! `<target>`); the fixture specs are copied there first, so the cases name them
//! `specs/x.toml`, as a user would, and no expected output holds a path of this machine.
//!
//! The expected `.stderr` files hold rustc's own rendering, which changes between rustc
//! releases: they are checked on the release they were written for ([`WRITTEN_FOR`]),
//! and skipped with a message on any other (as thiserror gates its ui tests). Rewrite
//! them for a new release with `TRYBUILD=overwrite cargo test -p bce-errors-tests --test
//! ui` and review the diff.

use std::path::{Path, PathBuf};
use std::process::Command;

use bce_errors_tests::workspace_root;

/// The rustc release (major.minor) the `.stderr` files were written for.
const WRITTEN_FOR: &str = "1.95";

/// `<target>`, found from this test binary (`<target>/debug/deps/ui-…`).
fn target_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    exe.ancestors()
        .nth(3)
        .expect("<target>/debug/deps/exe")
        .to_path_buf()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

/// The major.minor release of the rustc that cargo runs.
fn rustc_release() -> Option<String> {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let out = Command::new(rustc).arg("--version").output().ok()?;
    let version = String::from_utf8(out.stdout).ok()?;
    let number = version.split_whitespace().nth(1)?;
    let mut parts = number.split('.');
    Some(format!("{}.{}", parts.next()?, parts.next()?))
}

#[test]
fn ui() {
    match rustc_release() {
        Some(release) if release == WRITTEN_FOR => {}
        other => {
            eprintln!(
                "skipping the ui tests: their expected output was written for rustc {WRITTEN_FOR}, this is rustc {}",
                other.as_deref().unwrap_or("of unknown version")
            );
            return;
        }
    }
    let scratch = target_dir()
        .join("tests")
        .join("trybuild")
        .join("bce-errors-tests");
    copy_dir(
        &workspace_root().join("tests/ui/specs"),
        &scratch.join("specs"),
    );
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/*.rs");
}
