//! `bce-errors sync PAGE SPECS`: what changed on an updated docs page, against the
//! committed specs; `--write` applies it (all files or none, under a lock), `--check`
//! fails on any drift.

use std::path::Path;

use serde::Serialize;

use super::{FetchArgs, Format, drawn_by_script_hint, load_page};
use crate::fetch::Fetcher;
use crate::files::lock;
use crate::import::import;
use crate::output::{EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, Fail, Outcome, Output};
use crate::specs::{SpecView, load_specs};
use crate::sync::{Change, TableDiff, Written, diff, write};

/// `bce-errors sync`'s arguments: what to compare.
#[derive(Debug, Clone, clap::Args)]
#[command(after_help = "Examples:\n  bce-errors sync vpc-page.txt specs/\n  \
    bce-errors sync vpc-page.txt specs/ --write\n  \
    bce-errors sync https://intl.cloud.baidu.com/en/doc/VPC/s/sjwvyuhe7-intl-en specs/\n  \
    bce-errors sync specs/ --check --cache .bce-errors-cache   # every spec's `url`, in CI")]
pub struct Args {
    /// `PAGE SPECS`: a saved page or its address, and a spec file or directory; or
    /// `SPECS` alone: each distinct `url` of the specs is fetched once and compared
    /// with the specs that name it.
    #[arg(required = true, num_args = 1..=2, value_names = ["PAGE", "SPECS"])]
    pub paths: Vec<String>,
    /// Update the specs in place (all or none; keeps comments and hand-curated fields).
    #[arg(long, conflicts_with = "check")]
    pub write: bool,
    /// Exit 1 if anything differs.
    #[arg(long)]
    pub check: bool,
    /// How addresses are fetched.
    #[command(flatten)]
    pub fetch: FetchArgs,
    /// Report format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// One page compared with the specs that mirror it.
#[derive(Serialize)]
struct PageReport {
    page: String,
    updated: Option<String>,
    tables: Vec<TableDiff>,
    written: Option<Vec<Written>>,
}

/// Every page of a `sync SPECS` run.
#[derive(Serialize)]
struct Report {
    pages: Vec<PageReport>,
    /// Pages that could not be fetched or read, and why.
    failed: Vec<Failed>,
    /// Specs that name no page.
    without_url: Vec<String>,
}

#[derive(Serialize)]
struct Failed {
    page: String,
    error: String,
}

/// Runs the comparison.
pub fn run(args: &Args, out: &mut Output<'_>) -> Outcome {
    let (page, specs_path) = match args.paths.as_slice() {
        [specs] => (None, Path::new(specs)),
        [page, specs] => (Some(page.as_str()), Path::new(specs)),
        _ => return Err(Fail::error("usage: bce-errors sync [PAGE] SPECS")),
    };
    if !specs_path.exists() {
        return Err(Fail::error(format!(
            "{} does not exist",
            specs_path.display()
        )));
    }
    // Held from before the specs are read until they are written: a second writer
    // waits, then sees this one's changes.
    let dir = if specs_path.is_dir() {
        specs_path
    } else {
        specs_path.parent().unwrap_or(Path::new("."))
    };
    let _lock = match args.write {
        true => Some(lock(dir).map_err(|e| Fail::error(e.to_string()))?),
        false => None,
    };
    let specs = load_specs(specs_path)
        .map_err(|(path, d)| Fail::finding(format!("{} is invalid:\n{d}", path.display())))?;
    let fetcher = args.fetch.fetcher();
    match page {
        Some(page) => sync_one(args, page, &specs, &fetcher, out),
        None => sync_all(args, &specs, &fetcher, out),
    }
}

/// `sync PAGE SPECS`: one page against every spec given.
fn sync_one(
    args: &Args,
    source: &str,
    specs: &[SpecView],
    fetcher: &Fetcher,
    out: &mut Output<'_>,
) -> Outcome {
    let report = compare(args, source, specs, fetcher)?;
    let drift = has_drift(&report);
    if args.format.is_json() {
        out.json(&report)?;
    } else {
        print(&report, out)?;
    }
    Ok(if args.check && drift {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}

/// `sync SPECS`: each distinct `url` fetched once, compared with the specs naming it.
/// A page that fails is reported and the others are still compared; then exit 2.
fn sync_all(args: &Args, specs: &[SpecView], fetcher: &Fetcher, out: &mut Output<'_>) -> Outcome {
    let mut report = Report {
        pages: Vec::new(),
        failed: Vec::new(),
        without_url: Vec::new(),
    };
    let mut urls: Vec<&str> = Vec::new();
    for view in specs {
        match view.spec.service.url.as_deref() {
            Some(url) if !urls.contains(&url) => urls.push(url),
            Some(_) => {}
            None => report.without_url.push(view.rel.clone()),
        }
    }
    if urls.is_empty() {
        return Err(Fail::error(format!(
            "no spec under {} names its page: give the page (`sync PAGE SPECS`) or add `url = \"…\"` to their [service] tables",
            args.paths[0]
        )));
    }
    for url in urls {
        let mirrors: Vec<SpecView> = specs
            .iter()
            .filter(|v| v.spec.service.url.as_deref() == Some(url))
            .cloned()
            .collect();
        match compare(args, url, &mirrors, fetcher) {
            Ok(page) => report.pages.push(page),
            Err(Fail::ClosedPipe) => return Err(Fail::ClosedPipe),
            Err(Fail::Error(_, error)) => report.failed.push(Failed {
                page: url.to_owned(),
                error,
            }),
        }
    }
    let drift = report.pages.iter().any(has_drift);
    if args.format.is_json() {
        out.json(&report)?;
    } else {
        for page in &report.pages {
            print(page, out)?;
        }
        for failed in &report.failed {
            out.line(format!("! {}", failed.error))?;
        }
        for rel in &report.without_url {
            out.line(format!("? {rel}: names no page (no `url`): not compared"))?;
        }
    }
    Ok(match (report.failed.is_empty(), args.check && drift) {
        (false, _) => EXIT_ERROR,
        (true, true) => EXIT_FINDINGS,
        (true, false) => EXIT_OK,
    })
}

/// One page (file or address) compared with `specs`, and written when `--write`.
fn compare(
    args: &Args,
    source: &str,
    specs: &[SpecView],
    fetcher: &Fetcher,
) -> Result<PageReport, Fail> {
    let loaded = load_page(source, fetcher)?;
    let page = import(&loaded.text);
    if page.tables.is_empty() {
        return Err(Fail::error(format!(
            "{source}: no error table found{}",
            drawn_by_script_hint(loaded.url.as_deref())
        )));
    }
    let tables = diff(&page, specs);
    let written = match args.write {
        true => Some(write(&page, specs, &tables).map_err(|e| Fail::error(e.to_string()))?),
        false => None,
    };
    Ok(PageReport {
        page: source.to_owned(),
        updated: page.updated.clone(),
        tables,
        written,
    })
}

fn has_drift(page: &PageReport) -> bool {
    page.tables.iter().any(|d| !d.changes.is_empty())
}

fn print(page: &PageReport, out: &mut Output<'_>) -> Result<(), Fail> {
    let updated = page
        .updated
        .as_deref()
        .map(|u| format!(", updated {u}"))
        .unwrap_or_default();
    out.line(format!(
        "{}{updated}: {} error tables",
        page.page,
        page.tables.len()
    ))?;
    for d in &page.tables {
        print_diff(d, out)?;
    }
    for w in page.written.iter().flatten() {
        out.line(format!("wrote {}: {} change(s) applied", w.spec, w.applied))?;
        for s in &w.skipped {
            out.line(format!("  not applied: {s}"))?;
        }
    }
    Ok(())
}

fn print_diff(d: &TableDiff, out: &mut Output<'_>) -> Result<(), Fail> {
    let Some(spec) = &d.spec else {
        return out.line(format!(
            "+ \"{}\" (line {}): a new table, {} rows; no spec matches it — `bce-errors import` it",
            d.heading,
            d.line,
            d.changes.len()
        ));
    };
    if d.changes.is_empty() {
        return out.line(format!(
            "= {spec} ← \"{}\" (line {}): {} rows, in sync",
            d.heading, d.line, d.compared
        ));
    }
    out.line(format!(
        "~ {spec} ← \"{}\" (line {}): {} rows compared, {} change(s)",
        d.heading,
        d.line,
        d.compared,
        d.changes.len()
    ))?;
    for c in &d.changes {
        out.line(match c {
            Change::Added {
                code,
                line,
                message,
                status,
            } => {
                let status = status.map(|s| format!(" ({s})")).unwrap_or_default();
                format!("    + {code}{status}: {message}  [page line {line}]")
            }
            Change::Removed { code, at } => format!("    - {code}  [{at}]"),
            Change::Changed {
                code,
                field,
                spec,
                page,
                line,
            } => format!("    ~ {code} {field}: {spec:?} → {page:?}  [page line {line}]"),
        })?;
    }
    Ok(())
}
