//! Compile-fail tests: every class of bad spec and bad attribute use is one rustc-style
//! error at file:line:col with a fix, and never a panic (tests/ui/*.rs + .stderr).
//!
//! trybuild compiles each case in its own scratch crate, whose `CARGO_MANIFEST_DIR` is
//! `<target>/tests/trybuild/bce-errors-tests/`; the fixture specs are copied there first,
//! so the cases name them `specs/x.toml`, as a user would.

use std::path::{Path, PathBuf};

use bce_errors_tests::workspace_root;

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

#[test]
fn ui() {
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
