//! The bundled enums are exactly the generator's output for the committed specs: adding
//! or editing a spec without `cargo xtask regenerate` fails here, naming the stale files.

use bce_errors_tests::workspace_root;

#[test]
fn every_generated_file_is_up_to_date() {
    let root = workspace_root();
    let outputs = xtask::regenerate(&root).unwrap_or_else(|e| panic!("{e}"));
    let stale: Vec<String> = outputs
        .iter()
        .filter(|o| {
            std::fs::read_to_string(root.join(&o.path)).ok().as_deref() != Some(o.text.as_str())
        })
        .map(|o| o.path.display().to_string())
        .collect();
    assert!(
        stale.is_empty(),
        "stale generated files (run `cargo xtask regenerate` and commit the result): {stale:?}"
    );
    // One enum per spec, plus the module, the catalogue and the example's global.toml.
    let specs = bce_errors_tests::bundled_spec_files().len();
    assert_eq!(outputs.len(), specs + 3);
}
