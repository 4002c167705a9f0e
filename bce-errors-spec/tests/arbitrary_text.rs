//! Property test: the spec loader never panics on arbitrary or mangled TOML.

use bce_errors_spec::parse_spec;
use proptest::prelude::*;

const GOOD: &str = r#"[service]
name = "NAT gateway"
source = "VPC › NAT"
updated = "2025-10-16"
include = []

[[error]]
code = "NoSuchNat"
message = "The specified nat is not found. ${x} {y} 'z'"
status = 404
description = "Not found."
retry = "never"
variant = "NoSuchNat"
description_zh = "未找到"
note = "n"
"#;

fn toml_like() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("[service]\n".to_owned()),
        Just("[[error]]\n".to_owned()),
        Just("code = ".to_owned()),
        Just("status = ".to_owned()),
        Just("name = ".to_owned()),
        Just("variant = ".to_owned()),
        Just("retry = ".to_owned()),
        Just("include = [".to_owned()),
        Just("\"".to_owned()),
        Just("'''".to_owned()),
        Just("\n".to_owned()),
        "[ -~]{0,8}",
        "-?[0-9]{1,25}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(token, 0..64).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in toml_like()) {
        let _ = parse_spec("specs/x.toml", &text);
    }

    #[test]
    fn mangled_good_spec_never_panics(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<char>(), any::<bool>()), 1..6),
    ) {
        let mut text: Vec<char> = GOOD.chars().collect();
        for (at, c, insert) in edits {
            let i = at.index(text.len() + 1);
            if insert || i == text.len() {
                text.insert(i, c);
            } else {
                text.remove(i);
            }
        }
        let text: String = text.into_iter().collect();
        if let Err(diags) = parse_spec("specs/x.toml", &text) {
            prop_assert!(!diags.0.is_empty());
            for d in &diags.0 {
                prop_assert!(!d.to_string().is_empty());
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// The whole macro, on arbitrary attribute and item tokens: errors, never a panic.
    #[test]
    fn expand_never_panics(attr in "[ -~]{0,24}", item in "[ -~]{0,64}") {
        let (Ok(attr), Ok(item)) = (attr.parse(), item.parse()) else { return Ok(()) };
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let _ = bce_errors_spec::expand(attr, item, Some(root));
    }
}

#[test]
fn the_unmangled_spec_is_valid() {
    let spec = parse_spec("specs/x.toml", GOOD).unwrap();
    assert_eq!(spec.rows.len(), 1);
    assert_eq!(spec.service.updated.as_deref(), Some("2025-10-16"));
}
