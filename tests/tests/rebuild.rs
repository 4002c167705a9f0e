//! Editing a spec rebuilds the crate that uses it: a scratch crate is built, its spec
//! gains a row, and the rebuilt binary knows the new code.

use std::path::Path;
use std::process::Command;

use bce_errors_tests::workspace_root;

const SPEC_V1: &str = r#"[service]
name = "Scratch"
source = "Scratch › Error codes"
include = ["shared.toml"]

[[error]]
code = "First"
message = "first"
status = 400
description = "The first code."
"#;

const NEW_ROW: &str = r#"
[[error]]
code = "AddedLater"
message = "added later"
status = 409
description = "A row added after the first build."
"#;

const SHARED_V1: &str = r#"[service]
name = "Shared"
source = "Scratch › Shared codes"

[[error]]
code = "Shared"
message = "shared"
status = 500
description = "An included code."
"#;

const SHARED_ROW: &str = r#"
[[error]]
code = "SharedLater"
message = "shared later"
status = 503
description = "A row added to the included file."
"#;

const MAIN: &str = r#"#[bce_errors::bce_errors("specs/scratch.toml")]
enum ScratchError {}

fn main() {
    for e in ScratchError::ALL {
        println!("{e}");
    }
}
"#;

fn run(dir: &Path, target: &Path) -> String {
    let out = Command::new(env!("CARGO"))
        .args(["run", "--quiet"])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn editing_the_spec_rebuilds_the_crate() {
    let root = workspace_root();
    let dir = root.join("target").join("rebuild-scratch").join("crate");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::create_dir_all(dir.join("specs")).unwrap();
    let manifest = format!(
        "[package]\nname = \"scratch\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n[workspace]\n\n[dependencies]\nbce-errors = {{ path = {:?} }}\n",
        root.join("bce-errors").display().to_string()
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).unwrap();
    std::fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    std::fs::write(dir.join("src/main.rs"), MAIN).unwrap();
    std::fs::write(dir.join("specs/scratch.toml"), SPEC_V1).unwrap();
    std::fs::write(dir.join("specs/shared.toml"), SHARED_V1).unwrap();
    let target = root.join("target").join("rebuild-scratch").join("target");

    let before = run(&dir, &target);
    assert_eq!(before, "Shared (500): shared\nFirst (400): first\n");

    std::fs::write(
        dir.join("specs/scratch.toml"),
        format!("{SPEC_V1}{NEW_ROW}"),
    )
    .unwrap();
    let after = run(&dir, &target);
    assert_eq!(
        after,
        "Shared (500): shared\nFirst (400): first\nAddedLater (409): added later\n"
    );

    // An edit of an included file rebuilds too.
    std::fs::write(
        dir.join("specs/shared.toml"),
        format!("{SHARED_V1}{SHARED_ROW}"),
    )
    .unwrap();
    let after = run(&dir, &target);
    assert_eq!(
        after,
        "Shared (500): shared\nSharedLater (503): shared later\nFirst (400): first\nAddedLater (409): added later\n"
    );
}
