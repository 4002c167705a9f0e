//! `bce-errors sync PAGE SPECS`: what changed on an updated docs page, against the
//! committed specs; `--write` applies it (all files or none, under a lock), `--check`
//! fails on any drift.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{Format, read_page};
use crate::files::lock;
use crate::import::import;
use crate::output::{EXIT_FINDINGS, EXIT_OK, Fail, Outcome, Output};
use crate::specs::load_specs;
use crate::sync::{Change, TableDiff, Written, diff, write};

/// `bce-errors sync`'s arguments: what to compare.
#[derive(Debug, Clone, clap::Args)]
#[command(after_help = "Examples:\n  bce-errors sync vpc-page.txt specs/\n  \
    bce-errors sync vpc-page.txt specs/ --write\n  bce-errors sync vpc-page.txt specs/ --check")]
pub struct Args {
    /// The updated page.
    pub page: PathBuf,
    /// A spec file or a directory of specs.
    pub specs: PathBuf,
    /// Update the specs in place (all or none; keeps comments and hand-curated fields).
    #[arg(long, conflicts_with = "check")]
    pub write: bool,
    /// Exit 1 if anything differs.
    #[arg(long)]
    pub check: bool,
    /// Report format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// Runs the comparison.
pub fn run(args: &Args, out: &mut Output<'_>) -> Outcome {
    let page = import(&read_page(&args.page)?);
    if page.tables.is_empty() {
        return Err(Fail::error(format!(
            "{}: no error table found",
            args.page.display()
        )));
    }
    if !args.specs.exists() {
        return Err(Fail::error(format!(
            "{} does not exist",
            args.specs.display()
        )));
    }
    // Held from before the specs are read until they are written: a second writer
    // waits, then sees this one's changes.
    let dir = if args.specs.is_dir() {
        &args.specs
    } else {
        args.specs.parent().unwrap_or(Path::new("."))
    };
    let _lock = match args.write {
        true => Some(lock(dir).map_err(|e| Fail::error(e.to_string()))?),
        false => None,
    };
    let specs = load_specs(&args.specs)
        .map_err(|(path, d)| Fail::finding(format!("{} is invalid:\n{d}", path.display())))?;
    let diffs = diff(&page, &specs);
    let drift = diffs.iter().any(|d| !d.changes.is_empty());
    let written = match args.write {
        true => Some(write(&page, &specs, &diffs).map_err(|e| Fail::error(e.to_string()))?),
        false => None,
    };
    if args.format.is_json() {
        #[derive(Serialize)]
        struct Report<'a> {
            page: String,
            updated: Option<&'a str>,
            tables: &'a [TableDiff],
            written: Option<Vec<Written>>,
        }
        out.json(&Report {
            page: args.page.display().to_string(),
            updated: page.updated.as_deref(),
            tables: &diffs,
            written,
        })?;
    } else {
        print(
            &args.page,
            page.updated.as_deref(),
            &diffs,
            written.as_deref(),
            out,
        )?;
    }
    Ok(if args.check && drift {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}

fn print(
    page: &Path,
    updated: Option<&str>,
    diffs: &[TableDiff],
    written: Option<&[Written]>,
    out: &mut Output<'_>,
) -> Result<(), Fail> {
    let updated = updated
        .map(|u| format!(", updated {u}"))
        .unwrap_or_default();
    out.line(format!(
        "{}{updated}: {} error tables",
        page.display(),
        diffs.len()
    ))?;
    for d in diffs {
        print_diff(d, out)?;
    }
    for w in written.into_iter().flatten() {
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
