//! Rustdoc for the generated enum and its variants, from spec text.
//!
//! Spec text is data, never markup: every character markdown gives a meaning is
//! escaped, and each line is trimmed, so no spec text can become a code block — an
//! indented block or a fence is a doctest that `cargo test --doc` would run in the
//! user's crate.

use crate::item::Attribute;
use crate::model::{Row, Spec};

/// The enum's doc lines: the user's own doc comment, else the spec's `enum_doc`; then
/// where the table comes from.
pub(super) fn enum_doc(spec: &Spec, attrs: &[Attribute]) -> Vec<String> {
    let mut lines = Vec::new();
    if !attrs.iter().any(Attribute::is_doc) {
        let doc = spec
            .service
            .enum_doc
            .clone()
            .unwrap_or_else(|| format!("Errors of the {} service.", spec.service.name));
        lines.extend(text(&doc));
    }
    lines.push(String::new());
    let mut origin = format!(
        "Generated from `{}`: {}",
        spec.files[0].replace('`', "'"),
        text(&spec.service.source).join(" ")
    );
    if let Some(updated) = &spec.service.updated {
        origin.push_str(&format!(" (updated at {})", text(updated).join(" ")));
    }
    origin.push_str(&format!(". {} codes.", spec.rows.len()));
    lines.push(origin);
    if let Some(url) = &spec.service.url {
        // Validated: http(s), no spaces; `<…>` makes it a link, and `>` cannot occur
        // in it unescaped.
        lines.push(String::new());
        lines.push(format!("The docs page: <{}>", url.replace('>', "%3E")));
    }
    lines
}

/// A variant's doc lines: code, status and message first (what hover shows), then the
/// description and the Chinese description.
pub(super) fn variant_doc(row: &Row) -> Vec<String> {
    let mut head = format!("`{}`", row.code.replace('`', "'"));
    if let Some(status) = row.status {
        head.push_str(&format!(" · HTTP {status}"));
    }
    head.push_str(" · ");
    let mut lines = text(&row.message);
    lines[0].insert_str(0, &head);
    for (label, more) in [("", &row.description), ("说明: ", &row.description_zh)] {
        if let Some(more) = more.as_deref().filter(|m| !m.trim().is_empty()) {
            let mut more = text(more);
            more[0].insert_str(0, label);
            lines.push(String::new());
            lines.extend(more);
        }
    }
    lines
}

/// Spec text as inert rustdoc lines: each trimmed (no indented code block), markdown
/// characters escaped (no fence, tag, link or emphasis). At least one line.
pub(super) fn text(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = text.lines().map(|line| escape(line.trim())).collect();
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

fn escape(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_text_cannot_open_a_code_block() {
        let hostile = "ok\n    std::process::exit(3);\n```\nfn main() {}\n```\n~~~\n<script>";
        let doc = text(hostile);
        for line in &doc {
            assert!(!line.starts_with("  "), "{line:?}");
            assert!(!line.trim_start().starts_with("```"), "{line:?}");
            assert!(!line.trim_start().starts_with("~~~"), "{line:?}");
        }
        assert!(doc.contains(&"\\<script\\>".to_owned()), "{doc:?}");
    }
}
