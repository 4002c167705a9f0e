//! Editing a spec rebuilds the crate that uses it: a scratch crate is built, its spec
//! gains a row, and the rebuilt binary knows the new code.

use std::path::Path;

use bce_errors_tests::{cargo, scratch_crate};

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

#[test]
fn editing_the_spec_rebuilds_the_crate() {
    let dir = scratch_crate(
        "rebuild",
        "bce-errors = { path = {bce_errors} }",
        &[
            ("src/main.rs", MAIN),
            ("specs/scratch.toml", SPEC_V1),
            ("specs/shared.toml", SHARED_V1),
        ],
    );
    let run = |dir: &Path| cargo(dir, &["run", "--quiet"]);

    let before = run(&dir);
    assert_eq!(before, "Shared (500): shared\nFirst (400): first\n");

    std::fs::write(
        dir.join("specs/scratch.toml"),
        format!("{SPEC_V1}{NEW_ROW}"),
    )
    .unwrap();
    let after = run(&dir);
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
    let after = run(&dir);
    assert_eq!(
        after,
        "Shared (500): shared\nSharedLater (503): shared later\nFirst (400): first\nAddedLater (409): added later\n"
    );
}
