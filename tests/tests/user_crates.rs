//! The macro in crates set up the ways users set them up: a renamed dependency named
//! with `crate = "…"`, `#![deny(warnings)]`, specs with numeric, colon and status-less
//! codes; and spec text that tries to become a doctest, which never runs.

use bce_errors_tests::{cargo, scratch_crate};

const AI_SPEC: &str = r#"[service]
name = "OCR"
source = "文字识别 › 错误码"

[[error]]
code = 216100
message = "invalid param"
description = "请求中包含非法参数"

[[error]]
code = "B:00001"
message = "a colon code"

[[error]]
code = "SDK100"
message = "image size error"
status = 400
"#;

const RENAMED_MAIN: &str = r##"#![deny(warnings)]
//! A user who renamed the dependency and denies every warning.

/// OCR errors.
#[bce::bce_errors("specs/ocr.toml", crate = "bce")]
pub enum OcrError {}

fn main() {
    for e in OcrError::ALL {
        assert_eq!(OcrError::from_code(e.code()), Some(*e));
        println!("{e:?} {} {:?} {:?}", e.code(), e.status(), e.description());
    }
    let err = bce::BceError::<OcrError>::check(200, (), br#"{"error_code":216100,"error_msg":"x"}"#)
        .unwrap_err();
    println!("{:?}", err.kind());
}
"##;

#[test]
fn a_renamed_dependency_names_the_runtime_and_builds_without_warnings() {
    let dir = scratch_crate(
        "renamed",
        r#"bce = { package = "bce-errors", path = {bce_errors} }"#,
        &[("src/main.rs", RENAMED_MAIN), ("specs/ocr.toml", AI_SPEC)],
    );
    let out = cargo(&dir, &["run", "--quiet"]);
    assert_eq!(
        out,
        "E216100 216100 None Some(\"请求中包含非法参数\")\nB00001 B:00001 None None\nSdk100 SDK100 Some(400) None\nSome(E216100)\n"
    );
}

const HOSTILE_SPEC: &str = r#"[service]
name = "Hostile"
source = "x"
enum_doc = """
Looks harmless.

    std::process::exit(3);

```
std::process::exit(4);
```
"""

[[error]]
code = "Injected"
message = "```rust\nstd::process::exit(5);\n```"
status = 400
description = """
Indented:

    std::process::exit(6);

~~~rust
std::process::exit(7);
~~~

<pre>std::process::exit(8);</pre>
"""
"#;

const HOSTILE_LIB: &str = r#"//! A user's library whose spec text tries to become doctests.

#[bce_errors::bce_errors("specs/hostile.toml")]
pub enum HostileError {}

/// The one real doctest of this crate.
///
/// ```
/// assert_eq!(hostile::HostileError::Injected.status(), Some(400));
/// ```
pub fn documented() {}
"#;

#[test]
fn spec_text_never_becomes_a_doctest() {
    let dir = scratch_crate(
        "hostile",
        "bce-errors = { path = {bce_errors} }",
        &[
            ("src/lib.rs", HOSTILE_LIB),
            ("specs/hostile.toml", HOSTILE_SPEC),
        ],
    );
    let out = cargo(&dir, &["test", "--doc", "--quiet"]);
    // Exactly the crate's own doctest ran; none of the spec's code blocks did (each
    // would have exited with its own status and failed the run).
    assert!(out.contains("running 1 test"), "{out}");
    assert!(out.contains("1 passed"), "{out}");
}

/// The packages and their features in a scratch crate's build (`cargo tree`, normal and
/// build dependencies): one line a package, `name [feature,feature]`.
fn built_with(name: &str, dependency: &str) -> String {
    let dir = scratch_crate(name, dependency, &[("src/main.rs", "fn main() {}\n")]);
    cargo(
        &dir,
        &[
            "tree",
            "--edges",
            "normal,build",
            "--prefix",
            "none",
            "--format",
            "{p} [{f}]",
        ],
    )
    .lines()
    .map(|line| {
        let (package, _) = line.split_once(" v").expect("name and version");
        let features = &line[line.rfind('[').expect("features")..];
        format!("{package} {features}\n")
    })
    .collect()
}

#[test]
fn without_default_features_neither_the_macro_nor_the_reader_is_built() {
    // The bundled enums and their runtime alone: no proc-macro, no response reader.
    let none = built_with(
        "no-defaults",
        "bce-errors = { path = {bce_errors}, default-features = false }",
    );
    assert_eq!(
        none,
        "no-defaults []\nbce-errors []\nbce-errors-core [default]\n"
    );
    // The reader comes back with its feature, the macro does not.
    let reader = built_with(
        "reader-only",
        r#"bce-errors = { path = {bce_errors}, default-features = false, features = ["response"] }"#,
    );
    assert_eq!(
        reader,
        "reader-only []\nbce-errors [response]\nbce-errors-core [default,response]\n"
    );
}
