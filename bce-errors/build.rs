//! Declares one enum per spec in `specs/` (not `specs/pages/`, which holds includable
//! page copies): adding a service is adding a spec file, nothing else.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=specs");
    let mut specs: Vec<String> = std::fs::read_dir("specs")
        .expect("bce-errors ships its specs/ directory")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".toml"))
        .collect();
    specs.sort();
    let mut out = String::new();
    let mut catalog = String::new();
    for file in &specs {
        let stem = file.trim_end_matches(".toml");
        let name = upper_camel(stem);
        writeln!(
            out,
            "#[crate::bce_errors(\"specs/{file}\")]\npub enum {name}Error {{}}\n"
        )
        .unwrap();
        writeln!(
            catalog,
            "    Bundled::of::<{name}Error>(\"{name}Error\", \"specs/{file}\"),"
        )
        .unwrap();
    }
    writeln!(out, "/// Every bundled service, in file-name order.\npub static BUNDLED: &[Bundled] = &[\n{catalog}];").unwrap();
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("services.rs");
    std::fs::write(dest, out).unwrap();
}

/// The variant naming rule of bce-errors-spec (`naming::variant_name`), for file stems:
/// `eip_group` → `EipGroup`, `bcc_API` → `BccApi`. Kept in step by a test in tests/.
fn upper_camel(stem: &str) -> String {
    stem.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|p| !p.is_empty())
        .map(|p| {
            let shouting = p.len() > 1
                && !p.bytes().any(|b| b.is_ascii_lowercase())
                && p.bytes().filter(u8::is_ascii_alphabetic).count() > 1;
            let rest = if shouting {
                p[1..].to_ascii_lowercase()
            } else {
                p[1..].to_owned()
            };
            p[..1].to_ascii_uppercase() + &rest
        })
        .collect()
}
