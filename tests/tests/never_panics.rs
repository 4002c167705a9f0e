//! The loader and generator return errors, never panic, on every bad spec of the ui suite.

use bce_errors_spec::{generate, load_spec};
use bce_errors_tests::workspace_root;

#[test]
fn every_ui_spec_but_the_good_one_is_an_error() {
    let root = workspace_root();
    let dir = root.join("tests/ui/specs");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let rel = format!("tests/ui/specs/{name}");
        let result = std::panic::catch_unwind(|| load_spec(&root, &rel));
        let result = result.unwrap_or_else(|_| panic!("{rel}: the loader panicked"));
        // These load; the ui cases use them as good includes or good specs (a short
        // global copy is rustc's to refuse: it checks it against `GlobalError`).
        let loads = matches!(
            name.as_str(),
            "ok.toml" | "global.toml" | "short_global.toml"
        );
        match (loads, result) {
            (true, Ok(spec)) => {
                let generated = generate(&spec, "DemoError", None).unwrap();
                assert!(!generated.into_tokens().is_empty());
            }
            (true, Err(e)) => panic!("{rel}: {e}"),
            (false, Ok(_)) => panic!("{rel} should not load"),
            (false, Err(diags)) => {
                assert!(!diags.0.is_empty());
                for d in &diags.0 {
                    assert!(d.to_string().contains(" --> tests/ui/specs/"), "{rel}: {d}");
                    assert!(
                        d.help.is_some(),
                        "{rel}: every error says how to fix it: {d}"
                    );
                }
            }
        }
        checked += 1;
    }
    assert!(checked >= 28, "{checked}");
}
