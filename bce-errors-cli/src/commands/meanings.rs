//! What a code means, in every bundled service and in the user's own specs, one entry
//! per distinct meaning: a global code documented identically by twelve services is one
//! entry naming the twelve.

use std::path::Path;

use bce_errors::Row;
use bce_errors::services::{BUNDLED, Bundled};
use serde::Serialize;

use crate::output::Fail;
use crate::specs::load_specs;

/// Who documents a code: a bundled enum, or a spec of the user's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Documenter {
    /// The service, as its docs page names it.
    pub service: String,
    /// The bundled enum (`NatError`), or the spec file of the user's.
    pub source: String,
    /// The variant.
    pub variant: String,
    /// The docs page the spec mirrors (`[service] url`), where it is known.
    pub url: Option<String>,
}

/// One meaning of a code, and everyone who documents it so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Meaning {
    /// The code.
    pub code: String,
    /// The documented status, where the docs give one.
    pub status: Option<u16>,
    /// The documented message.
    pub message: String,
    /// The documented description.
    pub description: Option<String>,
    /// The Chinese description.
    pub description_zh: Option<String>,
    /// The retry class, as a spec writes it.
    pub retry: String,
    /// Why, in a few words.
    pub retry_reason: String,
    /// Who documents it so.
    pub documented_by: Vec<Documenter>,
}

impl Meaning {
    fn same(&self, other: &Meaning) -> bool {
        (
            &self.status,
            &self.message,
            &self.description,
            &self.description_zh,
            &self.retry,
        ) == (
            &other.status,
            &other.message,
            &other.description,
            &other.description_zh,
            &other.retry,
        )
    }
}

/// Does `name` (enum name, service name or spec name, any case) name this service?
fn names_bundled(b: &Bundled, name: &str) -> bool {
    let stem = b
        .spec
        .trim_start_matches("specs/")
        .trim_end_matches(".toml");
    [b.enum_name, b.service, stem]
        .iter()
        .any(|n| n.eq_ignore_ascii_case(name))
}

fn from_bundled(b: &Bundled, row: &Row) -> Meaning {
    Meaning {
        code: row.code.to_owned(),
        status: row.status,
        message: row.message.to_owned(),
        description: row.description.map(str::to_owned),
        description_zh: row.description_zh.map(str::to_owned),
        retry: row.retry_class().as_str().to_owned(),
        retry_reason: row.retry_reason().to_owned(),
        documented_by: vec![Documenter {
            service: b.service.to_owned(),
            source: b.enum_name.to_owned(),
            variant: row.variant.to_owned(),
            url: b.url.map(str::to_owned),
        }],
    }
}

/// Every meaning of `code`, bundled first, then the specs under `specs`; `service`
/// keeps only services it names. Identical meanings are one entry.
pub fn meanings(
    code: &str,
    service: Option<&str>,
    specs: Option<&Path>,
) -> Result<Vec<Meaning>, Fail> {
    let mut all: Vec<Meaning> = BUNDLED
        .iter()
        .filter(|b| service.is_none_or(|s| names_bundled(b, s)))
        .filter_map(|b| b.lookup(code).map(|info| from_bundled(b, &info)))
        .collect();
    if let Some(dir) = specs {
        let views = load_specs(dir)
            .map_err(|(path, d)| Fail::finding(format!("{} is invalid:\n{d}", path.display())))?;
        for view in &views {
            let stem = view.rel.trim_end_matches(".toml");
            let wanted = service.is_none_or(|s| {
                s.eq_ignore_ascii_case(&view.spec.service.name) || s.eq_ignore_ascii_case(stem)
            });
            let Some(row) = view.spec.row(code).filter(|_| wanted) else {
                continue;
            };
            all.push(Meaning {
                code: row.code.clone(),
                status: row.status,
                message: row.message.clone(),
                description: row.description.clone(),
                description_zh: row.description_zh.clone(),
                retry: row.retry_class().as_str().to_owned(),
                retry_reason: row.retry_reason().to_owned(),
                documented_by: vec![Documenter {
                    service: view.spec.service.name.clone(),
                    source: view.path.display().to_string(),
                    variant: row.variant.clone(),
                    url: view.spec.service.url.clone(),
                }],
            });
        }
    }
    let mut grouped: Vec<Meaning> = Vec::new();
    for m in all {
        match grouped.iter_mut().find(|g| g.same(&m)) {
            Some(g) => g.documented_by.extend(m.documented_by),
            None => grouped.push(m),
        }
    }
    Ok(grouped)
}

/// Whether any bundled service is named `name`.
pub fn is_bundled_service(name: &str) -> bool {
    BUNDLED.iter().any(|b| names_bundled(b, name))
}

/// A meaning in a few lines, for people on call.
pub fn render(m: &Meaning) -> Vec<String> {
    let status = m.status.map(|s| format!(" ({s})")).unwrap_or_default();
    let who: Vec<&str> = m.documented_by.iter().map(|d| d.service.as_str()).collect();
    let by = match who.len() {
        1 => format!("documented by {}", who[0]),
        n => format!("documented identically by {n} services: {}", who.join(", ")),
    };
    let mut lines = vec![format!("{}{status}: {} — {by}", m.code, m.message)];
    if let Some(d) = &m.description {
        lines.push(format!("    {d}"));
    }
    if let Some(zh) = &m.description_zh {
        lines.push(format!("    {zh}"));
    }
    lines.push(format!("    retry: {} ({})", m.retry, m.retry_reason));
    let sources: Vec<String> = m
        .documented_by
        .iter()
        .map(|d| format!("{}::{}", d.source, d.variant))
        .collect();
    lines.push(format!("    in: {}", sources.join(", ")));
    let mut pages: Vec<&str> = Vec::new();
    for url in m.documented_by.iter().filter_map(|d| d.url.as_deref()) {
        if !pages.contains(&url) {
            pages.push(url);
        }
    }
    if !pages.is_empty() {
        lines.push(format!("    docs: {}", pages.join(" ")));
    }
    lines
}
