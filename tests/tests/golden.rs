//! The generator's output for a small spec, pretty-printed and compared with the
//! checked-in `tests/golden/demo.rs`, so any change in generated code is a reviewed diff.
//! Run with `BLESS=1` to accept a change; `golden_compiles.rs` compiles the file.

use bce_errors_spec::{generate, load_spec};
use bce_errors_tests::workspace_root;

#[test]
fn generated_code_matches_the_golden_file() {
    let root = workspace_root();
    let spec = load_spec(&root, "tests/golden/demo.toml").unwrap();
    let generated = generate(&spec, "DemoError", None).unwrap();
    syn::parse2::<syn::File>(generated.clone().into_tokens()).expect("generated code parses");
    let file: syn::File = syn::parse2(generated.item).expect("generated code parses as Rust");
    let actual = format!("{}\n{}", prettyplease::unparse(&file), generated.data);
    let golden = root.join("tests/golden/demo.rs");
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&golden, &actual).unwrap();
    }
    let expected = std::fs::read_to_string(&golden).unwrap_or_default();
    assert!(
        actual == expected,
        "generated code changed; review it and rerun with BLESS=1:\n{actual}"
    );
}
