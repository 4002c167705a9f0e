//! `bce-errors generate` prints token for token what the macro expands to (minus the
//! `include_str!` lines that make cargo rebuild on a spec edit, which belong to the macro).

use std::path::Path;
use std::process::Command;

use bce_errors_spec::expand;

/// Pretty-printed, without the macro's `const _: &str = include_str!(…);` items.
fn normalized(tokens: proc_macro2::TokenStream) -> String {
    let mut file: syn::File = syn::parse2(tokens).unwrap();
    file.items.retain(|item| !matches!(item, syn::Item::Const(c) if quote::quote!(#c).to_string().contains("include_str")));
    prettyplease::unparse(&file)
}

#[test]
fn generate_is_the_macro_expansion() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    for (spec, name) in [
        ("specs/nat.toml", "NatError"),
        ("specs/dev_machine.toml", "DevMachineError"),
        ("specs/global.toml", "GlobalError"),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_bce-errors"))
            .args(["generate", spec])
            .current_dir(root)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let printed = normalized(String::from_utf8(out.stdout).unwrap().parse().unwrap());

        let attr = format!("{spec:?}").parse().unwrap();
        let item = format!("pub enum {name} {{}}").parse().unwrap();
        let expanded = normalized(expand(attr, item, Some(root)));
        let same = printed == expanded;
        let at = printed
            .chars()
            .zip(expanded.chars())
            .take_while(|(a, b)| a == b)
            .count();
        assert!(
            same,
            "{spec}: differs at char {at}: {:?}",
            printed
                .chars()
                .skip(at.saturating_sub(40))
                .take(120)
                .collect::<String>()
        );
    }
}
