//! Baselines for the lookup benchmark, generated from the same specs: a plain `match`
//! (what strum generates) and a `phf::Map`.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = manifest.parent().expect("benches/ is in the workspace");
    let mut out = String::new();
    for (name, dir, rel) in [
        ("NAT", root, "specs/nat.toml"),
        ("ENI", root, "specs/eni.toml"),
        ("CCE", root, "specs/cce.toml"),
        ("SYNTHETIC", manifest, "specs/synthetic_1000.toml"),
    ] {
        println!("cargo::rerun-if-changed={}", dir.join(rel).display());
        let spec = bce_errors_spec::load_spec(dir, rel).unwrap_or_else(|e| panic!("{e}"));
        let codes: Vec<&str> = spec.rows.iter().map(|r| r.code.as_str()).collect();
        let lower = name.to_lowercase();
        writeln!(
            out,
            "/// The {name} codes, in spec order.\npub static CODES_{name}: &[&str] = &{codes:?};"
        )
        .unwrap();
        writeln!(out, "/// A plain `match`, as strum generates.\npub fn match_{lower}(code: &str) -> Option<u16> {{\n    match code {{").unwrap();
        for (i, c) in codes.iter().enumerate() {
            writeln!(out, "        {c:?} => Some({i}),").unwrap();
        }
        writeln!(out, "        _ => None,\n    }}\n}}").unwrap();
        let mut map = phf_codegen::Map::new();
        for (i, c) in codes.iter().enumerate() {
            map.entry(*c, i.to_string());
        }
        writeln!(
            out,
            "/// A `phf::Map`.\npub static PHF_{name}: phf::Map<&'static str, u16> = {};",
            map.build()
        )
        .unwrap();
    }
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("baselines.rs");
    std::fs::write(dest, out).unwrap();
}
