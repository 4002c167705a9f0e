//! `bce-errors catalog [SPECS…] -o errors.html`: every code of the bundled services and
//! of the specs given on one offline page that searches as you type.

use std::path::{Path, PathBuf};

use bce_errors::services::{BUNDLED, Bundled};
use bce_errors_spec::naming::enum_name;

use crate::catalog::{Catalog, Entry, Service, page, sample};
use crate::files::write_atomic;
use crate::output::{EXIT_OK, Fail, Outcome, Output};
use crate::specs::{SpecView, load_specs};

/// `bce-errors catalog`'s arguments.
#[derive(Debug, Clone, clap::Args)]
#[command(after_help = "Examples:\n  bce-errors catalog -o errors.html\n  \
    bce-errors catalog specs/ -o errors.html   # the bundled services and yours\n  \
    open 'errors.html#q=NoSuchNat'")]
pub struct Args {
    /// Spec files or directories to add (a spec with a bundled service's file name
    /// replaces that service).
    pub specs: Vec<PathBuf>,
    /// Write the page here (atomically); else to standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Leave the bundled services out.
    #[arg(long)]
    pub no_bundled: bool,
    /// The page's title.
    #[arg(long, default_value = "BCE error codes")]
    pub title: String,
}

/// Writes the catalog page.
pub fn run(args: &Args, out: &mut Output<'_>) -> Outcome {
    let mut own = Vec::new();
    for path in &args.specs {
        let specs = load_specs(path)
            .map_err(|(p, d)| Fail::finding(format!("{} is invalid:\n{d}", p.display())))?;
        own.extend(specs);
    }
    let catalog = build(
        &own,
        !args.no_bundled,
        concat!("bce-errors ", env!("CARGO_PKG_VERSION")),
    );
    let html = page(&catalog, &args.title);
    match &args.output {
        Some(path) => {
            write_atomic(path, &html)
                .map_err(|e| Fail::error(format!("cannot write {}: {e}", path.display())))?;
            out.line(format!(
                "wrote {}: {} codes of {} services",
                path.display(),
                catalog.entries.len(),
                catalog.services.len()
            ))?;
        }
        None => out.line(html.trim_end())?,
    }
    Ok(EXIT_OK)
}

/// The catalog of the bundled services (when `bundled`) and of `own` specs; an own
/// spec with a bundled service's id replaces it, and specs under `pages/` (copies of an
/// included table, with no enum of their own) are left out.
pub fn build(own: &[SpecView], bundled: bool, generated: &str) -> Catalog {
    let own: Vec<&SpecView> = own
        .iter()
        .filter(|v| !v.rel.starts_with("pages/"))
        .collect();
    let mut catalog = Catalog {
        schema: 1,
        generated: generated.to_owned(),
        services: Vec::new(),
        entries: Vec::new(),
    };
    let own_ids: Vec<String> = own.iter().map(|v| id(&v.rel)).collect();
    for b in BUNDLED.iter().filter(|_| bundled) {
        if !own_ids.contains(&id(b.spec.trim_start_matches("specs/"))) {
            add_bundled(&mut catalog, b);
        }
    }
    for view in own {
        add_spec(&mut catalog, view);
    }
    catalog.group_identical();
    catalog
}

/// A service's id: its spec's path under its directory, without `.toml`.
fn id(rel: &str) -> String {
    rel.trim_end_matches(".toml").to_owned()
}

fn add_bundled(catalog: &mut Catalog, b: &Bundled) {
    let service = id(b.spec.trim_start_matches("specs/"));
    for row in b.rows() {
        catalog.entries.push(Entry {
            service: service.clone(),
            code: row.code.to_owned(),
            status: row.status,
            message: row.message.to_owned(),
            description: row.description.map(str::to_owned),
            description_zh: row.description_zh.map(str::to_owned),
            retry: row.retry_class().as_str().to_owned(),
            retry_reason: row.retry_reason().to_owned(),
            spec: None,
            line: None,
            sample: sample(row.code, row.message),
            rust: format!("{}::{}", b.enum_name, row.variant),
            note: None,
            group: None,
        });
    }
    catalog.services.push(Service {
        id: service,
        name: b.service.to_owned(),
        url: b.url.map(str::to_owned),
        spec: b.spec.to_owned(),
        source: b.source.to_owned(),
    });
}

fn add_spec(catalog: &mut Catalog, view: &SpecView) {
    let service = id(&view.rel);
    let stem = Path::new(&view.rel)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let enum_name = enum_name(&stem).unwrap_or_else(|| "SpecError".to_owned());
    let shown = |file: &str| view.root.join(file).display().to_string();
    for row in &view.spec.rows {
        catalog.entries.push(Entry {
            service: service.clone(),
            code: row.code.clone(),
            status: row.status,
            message: row.message.clone(),
            description: row.description.clone(),
            description_zh: row.description_zh.clone(),
            retry: row.retry_class().as_str().to_owned(),
            retry_reason: row.retry_reason().to_owned(),
            spec: Some(shown(&row.location.file)),
            line: Some(row.location.line),
            sample: sample(&row.code, &row.message),
            rust: format!("{enum_name}::{}", row.variant),
            note: row.note.clone(),
            group: None,
        });
    }
    catalog.services.push(Service {
        id: service,
        name: view.spec.service.name.clone(),
        url: view.spec.service.url.clone(),
        spec: view.path.display().to_string(),
        source: view.spec.service.source.clone(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::meanings::meanings;

    #[test]
    fn groups_are_lookups_meanings() {
        let catalog = build(&[], true, "");
        for code in [
            "AccessDenied",
            "InternalError",
            "LimitExceeded",
            "NoSuchNat",
            "110",
        ] {
            let groups: Vec<usize> = meanings(code, None, None)
                .unwrap()
                .iter()
                .map(|m| m.documented_by.len())
                .collect();
            let entries: Vec<&Entry> = catalog.entries.iter().filter(|e| e.code == code).collect();
            let mut sizes: Vec<usize> = Vec::new();
            let mut seen: Vec<Option<&str>> = Vec::new();
            for e in &entries {
                let group = e.group.as_deref();
                if group.is_none() || !seen.contains(&group) {
                    seen.push(group);
                    sizes.push(match group {
                        Some(g) => entries
                            .iter()
                            .filter(|o| o.group.as_deref() == Some(g))
                            .count(),
                        None => 1,
                    });
                }
            }
            assert_eq!(
                sizes, groups,
                "{code}: the catalogue's groups are lookup's meanings"
            );
        }
    }
}
