//! When the docs change, the regenerated file of a bundled enum is the review: its diff
//! must read as the change of the docs. Measured on `specs/nat.toml` as `cargo xtask
//! regenerate` writes it: editing one message changes at most 4 lines (added plus
//! removed) and 1,000 characters; adding one code at most 20 lines and 3,000 characters;
//! and no line longer than 160 characters (doc comments aside) holds the text of more
//! than one row.

use std::collections::HashMap;

use bce_errors_spec::{generate, load_spec, load_spec_with};
use bce_errors_tests::workspace_root;

const NAT: &str = "specs/nat.toml";

/// `specs/nat.toml`'s generated file, with the spec's text replaced by `text`.
fn generated(text: &str) -> String {
    let overlay = HashMap::from([(NAT.to_owned(), text.to_owned())]);
    let spec = load_spec_with(&workspace_root(), NAT, &overlay).unwrap_or_else(|e| panic!("{e}"));
    // As `regenerate` writes it: the rows NAT shares with GlobalError borrowed.
    let global = load_spec(&workspace_root(), "specs/global.toml").unwrap();
    let global = generate(&global, "GlobalError", Some("crate")).unwrap();
    xtask::enum_source(&spec, "NatError", NAT, Some(&global)).unwrap()
}

/// Lines removed and added between two texts (as a line diff of a local edit counts
/// them: each side's lines that the other lacks, with multiplicity), and their characters.
fn changed(before: &str, after: &str) -> (usize, usize) {
    let mut count: HashMap<&str, i64> = HashMap::new();
    for line in before.lines() {
        *count.entry(line).or_default() += 1;
    }
    for line in after.lines() {
        *count.entry(line).or_default() -= 1;
    }
    count.iter().fold((0, 0), |(lines, chars), (line, n)| {
        let n = n.unsigned_abs() as usize;
        (lines + n, chars + n * (line.chars().count() + 1))
    })
}

#[test]
fn one_edited_message_is_a_small_diff() {
    let text = std::fs::read_to_string(workspace_root().join(NAT)).unwrap();
    let edited = text.replace(
        "message = \"The specified nat is not found.\"",
        "message = \"The specified NAT gateway does not exist.\"",
    );
    assert_ne!(text, edited);
    let (lines, chars) = changed(&generated(&text), &generated(&edited));
    println!("edit one message: {lines} lines, {chars} characters");
    assert!(
        lines <= 4 && chars <= 1_000,
        "{lines} lines, {chars} characters"
    );
}

#[test]
fn one_added_code_is_a_small_diff() {
    let text = std::fs::read_to_string(workspace_root().join(NAT)).unwrap();
    let added = format!(
        "{text}\n[[error]]\ncode = \"NatLocked\"\nmessage = \"The NAT gateway is locked.\"\nstatus = 409\ndescription = \"The NAT gateway is locked by an order in progress.\"\n"
    );
    let (lines, chars) = changed(&generated(&text), &generated(&added));
    println!("add one code: {lines} lines, {chars} characters");
    assert!(
        lines <= 20 && chars <= 3_000,
        "{lines} lines, {chars} characters"
    );
}

#[test]
fn a_long_line_holds_one_row_at_most() {
    for entry in std::fs::read_dir(workspace_root().join("bce-errors/src/services")).unwrap() {
        let path = entry.unwrap().path();
        // `mod.rs` lists the services, one a line.
        if path.ends_with("mod.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for line in text.lines() {
            let code = line.trim_start();
            if code.starts_with("//") || line.chars().count() <= 160 {
                continue;
            }
            // A row line: `Variant(["code", ]status, "message", description, zh[, retry]),`
            let is_row = code
                .split('(')
                .next()
                .is_some_and(|v| v.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
                && code.ends_with("),");
            assert!(
                is_row,
                "{}: a long line that is not one row: {line}",
                path.display()
            );
        }
    }
}
