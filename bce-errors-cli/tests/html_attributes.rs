//! A tag with a great many double-quoted attributes: html5gum 0.8 recurses once an
//! attribute and would overflow the stack (an abort); the reader cuts such tags first
//! (`page::tags`), so the page imports.

use std::fmt::Write as _;

use bce_errors_cli::import::import;

#[test]
fn a_tag_with_a_million_attributes_imports() {
    let mut attributes = String::new();
    for k in 0..1_000_000 {
        let _ = write!(attributes, " a{k}=\"v\"");
    }
    let page = format!(
        "<!DOCTYPE html>\n<html><body><div{attributes}>x</div>\n<table><tr><th>Error code</th><th>Message</th></tr>\n<tr><td>NoSuchNat</td><td>The nat is not found.</td></tr></table></body></html>\n"
    );
    let page = import(&page);
    assert_eq!(page.tables.len(), 1);
    assert_eq!(page.tables[0].rows.rows[0].code, "NoSuchNat");
    assert_eq!(page.tables[0].rows.rows[0].line, 4);
}
