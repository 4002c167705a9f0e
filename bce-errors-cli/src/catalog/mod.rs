//! `bce-errors catalog`: every code of the given specs on one self-contained, offline
//! page (`page.html` with `page.css`, `page.js` and the data inlined; SCHEMA.md beside
//! this file describes the data and the filling rules).
//!
//! [`Catalog`] is the data: services and one [`Entry`] per (service, code), built from
//! the bundled enums' rows and from spec files alike. [`page`] fills the template in one
//! pass (spec text inserted there is never scanned again), escapes the data so that no
//! `<` reaches the script element, and writes a Content-Security-Policy that allows
//! only the page's own style and script, by hash: nothing outside the file can load.

use base64::Engine as _;
use serde::Serialize;
use sha2::{Digest, Sha256};

const TEMPLATE: &str = include_str!("page.html");
const STYLE: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("page.js");

/// The catalog's data (schema 1 of SCHEMA.md).
#[derive(Debug, Clone, Serialize)]
pub struct Catalog {
    /// The data's version.
    pub schema: u32,
    /// What made the page (shown in its footer).
    pub generated: String,
    /// The services, in the order the filter lists them.
    pub services: Vec<Service>,
    /// Every (service, code), in display order.
    pub entries: Vec<Entry>,
}

/// One service: a spec, bundled or the user's.
#[derive(Debug, Clone, Serialize)]
pub struct Service {
    /// Unique: the spec's path under its directory, without `.toml` (`nat`).
    pub id: String,
    /// `[service] name`.
    pub name: String,
    /// `[service] url`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The spec file, as the user reads it (`specs/nat.toml`).
    pub spec: String,
    /// `[service] source`.
    pub source: String,
}

/// One documented code of one service.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// A [`Service::id`].
    pub service: String,
    /// The wire code.
    pub code: String,
    /// The documented status.
    pub status: Option<u16>,
    /// The documented message.
    pub message: String,
    /// The documented description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The Chinese description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description_zh: Option<String>,
    /// The retry class, as a spec writes it.
    pub retry: String,
    /// Why.
    pub retry_reason: String,
    /// The file that defines the row, when it is not the service's own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<String>,
    /// The row's line in that file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// A sample body, as a server sends it (`ErrorResponse::documented`), pretty-printed.
    pub sample: String,
    /// The Rust variant (`NatError::NoSuchNat`).
    pub rust: String,
    /// The row's `note`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Entries documented identically (same code and meaning) share a group.
    pub group: Option<String>,
}

impl Catalog {
    /// Gives entries documented identically by several services one group id each
    /// (`g1`, `g2`, …): the same code, status, message, descriptions and retry class.
    pub fn group_identical(&mut self) {
        type Meaning<'a> = (
            &'a str,
            Option<u16>,
            &'a str,
            Option<&'a str>,
            Option<&'a str>,
            &'a str,
        );
        let mut by_meaning: std::collections::HashMap<Meaning<'_>, Vec<usize>> =
            std::collections::HashMap::new();
        let mut order: Vec<Meaning<'_>> = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            let key = (
                e.code.as_str(),
                e.status,
                e.message.as_str(),
                e.description.as_deref(),
                e.description_zh.as_deref(),
                e.retry.as_str(),
            );
            let members = by_meaning.entry(key).or_default();
            if members.is_empty() {
                order.push(key);
            }
            members.push(i);
        }
        let groups: Vec<Vec<usize>> = order
            .iter()
            .filter_map(|key| by_meaning.get(key).filter(|m| m.len() > 1).cloned())
            .collect();
        for (n, members) in groups.into_iter().enumerate() {
            for i in members {
                self.entries[i].group = Some(format!("g{}", n + 1));
            }
        }
    }
}

/// The sample body of a code, pretty-printed as a server sends it.
pub fn sample(code: &str, message: &str) -> String {
    let compact = bce_errors::ErrorResponse::documented_code(
        code,
        message,
        "4a2b9d4e-5f3c-4e1a-9b7d-1c2e3f4a5b6c",
    )
    .to_json();
    serde_json::from_str::<serde_json::Value>(&compact)
        .and_then(|v| serde_json::to_string_pretty(&v))
        .unwrap_or(compact)
}

/// The Content-Security-Policy: nothing but the page's own style and script.
pub fn csp() -> String {
    format!(
        "default-src 'none'; script-src 'sha256-{}'; style-src 'sha256-{}'; img-src data:; base-uri 'none'; form-action 'none'",
        hash(SCRIPT),
        hash(STYLE)
    )
}

fn hash(text: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
}

/// The page: the template with its five placeholders filled in one pass.
pub fn page(catalog: &Catalog, title: &str) -> String {
    let data = json_for_script(catalog);
    let mut out = String::with_capacity(TEMPLATE.len() + STYLE.len() + SCRIPT.len() + data.len());
    let mut rest = TEMPLATE;
    while let Some(at) = rest.find("{{") {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let (filled, len) = match after {
            a if a.starts_with("{{CSP}}") => (csp(), "{{CSP}}".len()),
            a if a.starts_with("{{TITLE}}") => (escape_html(title), "{{TITLE}}".len()),
            a if a.starts_with("{{STYLE}}") => (STYLE.to_owned(), "{{STYLE}}".len()),
            a if a.starts_with("{{SCRIPT}}") => (SCRIPT.to_owned(), "{{SCRIPT}}".len()),
            a if a.starts_with("{{DATA}}") => (data.clone(), "{{DATA}}".len()),
            _ => ("{{".to_owned(), 2),
        };
        out.push_str(&filled);
        rest = &after[len..];
    }
    out.push_str(rest);
    out
}

/// The data as JSON that cannot end its script element: `<`, `>`, `&`, U+2028 and
/// U+2029 escaped (they only occur inside strings, where the escape means the same).
fn json_for_script(catalog: &Catalog) -> String {
    let json = serde_json::to_string(catalog).unwrap_or_else(|_| "{}".to_owned());
    let mut out = String::with_capacity(json.len() + json.len() / 32);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(service: &str, code: &str, message: &str) -> Entry {
        Entry {
            service: service.into(),
            code: code.into(),
            status: Some(403),
            message: message.into(),
            description: None,
            description_zh: None,
            retry: "never".into(),
            retry_reason: "a client error".into(),
            spec: None,
            line: None,
            sample: sample(code, message),
            rust: format!("E::{code}"),
            note: None,
            group: None,
        }
    }

    #[test]
    fn spec_text_stays_text_and_placeholders_are_filled_once() {
        let catalog = Catalog {
            schema: 1,
            generated: "{{SCRIPT}}".into(),
            services: Vec::new(),
            entries: vec![entry(
                "x",
                "A",
                "</script><img src=x onerror=alert(1)> & {{DATA}}",
            )],
        };
        let html = page(&catalog, "<b>\"T\"</b>");
        // The data's placeholder-like text is left as it is: in `generated`, and in the
        // message and its sample body.
        assert_eq!(html.matches("{{SCRIPT}}").count(), 1);
        assert_eq!(html.matches("{{DATA}}").count(), 2);
        assert_eq!(html.matches(SCRIPT).count(), 1);
        assert!(!html.contains("</script><img"));
        assert!(html.contains("\\u003c/script\\u003e\\u003cimg"));
        assert!(html.contains("<title>&lt;b&gt;&quot;T&quot;&lt;/b&gt;</title>"));
        assert!(html.contains(&format!("<style>{STYLE}</style>")));
        assert!(html.contains(&format!("<script>{SCRIPT}</script>")));
        assert!(html.contains(&csp()));
    }

    #[test]
    fn identical_meanings_share_a_group() {
        let mut catalog = Catalog {
            schema: 1,
            generated: String::new(),
            services: Vec::new(),
            entries: vec![
                entry("a", "AccessDenied", "Access denied."),
                entry("b", "AccessDenied", "Access denied."),
                entry("c", "AccessDenied", "Access denied!"),
                entry("c", "Other", "x"),
            ],
        };
        catalog.group_identical();
        let groups: Vec<_> = catalog.entries.iter().map(|e| e.group.as_deref()).collect();
        assert_eq!(groups, [Some("g1"), Some("g1"), None, None]);
    }
}
