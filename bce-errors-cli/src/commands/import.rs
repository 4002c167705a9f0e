//! `bce-errors import PAGE [-o DIR]`: one spec per error table of a saved docs page.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{FetchArgs, Format, Page, drawn_by_script_hint, load_page};
use crate::files::write_all;
use crate::import::rows::Note;
use crate::import::{PageImport, SkippedTable, import, names};
use crate::output::{EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, Fail, Outcome, Output};
use crate::specfile::{Origin, new_spec};

/// `bce-errors import`'s arguments: what to import, and where to.
#[derive(Debug, Clone, clap::Args)]
#[command(after_help = "Examples:\n  bce-errors import nat-errors.html\n  \
    bce-errors import nat-errors.html -o specs/\n  \
    bce-errors import page.txt --section \"NAT gateway\" --name NAT -o specs/\n  \
    bce-errors import https://intl.cloud.baidu.com/en/doc/VPC/s/sjwvyuhe7-intl-en -o specs/\n  \
    bce-errors import saved.html --url https://cloud.baidu.com/doc/VPC/s/x -o specs/")]
pub struct Args {
    /// The page: a saved file (text, markdown or HTML), or its address.
    pub page: String,
    /// The address the saved page came from (written into each spec as `url`, so that
    /// `sync DIR` can fetch it).
    #[arg(long, conflicts_with = "cache")]
    pub url: Option<String>,
    /// How addresses are fetched.
    #[command(flatten)]
    pub fetch: FetchArgs,
    /// Only tables whose heading contains this text.
    #[arg(long)]
    pub section: Option<String>,
    /// Write one spec file per table into this directory (new files only).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// The service's name (and the spec's file name), instead of the page's.
    #[arg(long)]
    pub name: Option<String>,
    /// Report format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// One table's outcome.
#[derive(Debug, Serialize)]
struct TableReport {
    heading: String,
    line: usize,
    service: String,
    file: String,
    rows: usize,
    merged: Vec<Note>,
    flagged: Vec<Note>,
    not_imported: Vec<Note>,
    #[serde(skip)]
    text: String,
}

/// The whole import, as reported.
#[derive(Debug, Serialize)]
struct Report {
    page: String,
    tables: Vec<TableReport>,
    skipped_tables: Vec<SkippedTable>,
    rows_written: usize,
    rows_reported: usize,
}

/// Runs the import.
pub fn run(args: &Args, out: &mut Output<'_>) -> Outcome {
    if let Some(url) = &args.url {
        bce_errors_spec::naming::check_url(url)
            .map_err(|why| Fail::error(format!("--url {why}")))?;
    }
    let source = load_page(&args.page, &args.fetch.fetcher())?;
    let url = source.url.clone().or_else(|| args.url.clone());
    let mut page = import(&source.text);
    if let Some(section) = &args.section {
        let needle = section.to_lowercase();
        page.tables
            .retain(|t| t.heading.to_lowercase().contains(&needle));
    }
    if page.tables.is_empty() {
        return no_table(args, &page, &source);
    }
    let report = report(args, &page, url.as_deref());
    if let Some(dir) = &args.output {
        write_specs(dir, &report)?;
    } else if !args.format.is_json() {
        for table in report.tables.iter().filter(|t| !t.text.is_empty()) {
            out.line(&table.text)?;
        }
    }
    if args.format.is_json() {
        out.json(&report)?;
    } else {
        print_report(&report, out)?;
    }
    Ok(match (report.rows_written, report.rows_reported) {
        (0, _) => EXIT_ERROR,
        (_, 0) => EXIT_OK,
        _ => EXIT_FINDINGS,
    })
}

fn no_table(args: &Args, page: &PageImport, source: &Page) -> Outcome {
    let page_name = &args.page;
    let hint = drawn_by_script_hint(source.url.as_deref());
    let why = match (&args.section, page.skipped.is_empty()) {
        (Some(section), _) => {
            format!("{page_name}: no error table under a heading containing {section:?}")
        }
        (None, true) => format!(
            "{page_name}: no error table found (looked for a header naming code and message columns, in English or Chinese){hint}"
        ),
        (None, false) => {
            let seen: Vec<String> = page
                .skipped
                .iter()
                .map(|s| format!("line {}: {}", s.line, s.reason))
                .collect();
            format!(
                "{page_name}: no error table found; tables seen: {}{hint}",
                seen.join("; ")
            )
        }
    };
    Err(Fail::error(why))
}

fn report(args: &Args, page: &PageImport, url: Option<&str>) -> Report {
    // An address's last path segment stands for a file name (`sjwvyuhe7-intl-en`).
    let page_path = Path::new(args.page.trim_end_matches('/'));
    let page_file = page_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let page_stem = page_path
        .file_stem()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Only tables with rows get a spec, so only they take a name: no `x_2.toml` beside
    // no `x.toml`.
    let headings: Vec<&str> = page
        .tables
        .iter()
        .filter(|t| !t.rows.rows.is_empty())
        .map(|t| t.heading.as_str())
        .collect();
    let mut names = names::spec_names(
        &headings,
        page.product.as_deref(),
        page.title.as_deref(),
        args.name.as_deref(),
        &page_stem,
    )
    .into_iter();
    let mut tables = Vec::new();
    for table in &page.tables {
        let (service, file) = match table.rows.rows.is_empty() {
            true => (String::new(), String::new()),
            false => {
                let (service, stem) = names.next().unwrap_or_default();
                (service, format!("{stem}.toml"))
            }
        };
        let origin = Origin {
            page,
            page_file: &page_file,
            name: &service,
            file: &file,
            url,
        };
        let spec = new_spec(origin, table);
        let mut not_imported = table.rows.skipped.clone();
        not_imported.extend(spec.dropped);
        not_imported.sort_by_key(|n| n.line);
        tables.push(TableReport {
            heading: table.heading.clone(),
            line: table.line,
            service,
            file,
            rows: spec.rows,
            merged: table.rows.merged.clone(),
            flagged: table.rows.flagged.clone(),
            not_imported,
            text: spec.text,
        });
    }
    Report {
        page: args.page.clone(),
        rows_written: tables.iter().map(|t| t.rows).sum(),
        rows_reported: tables
            .iter()
            .map(|t| t.not_imported.len() + t.flagged.len())
            .sum(),
        tables,
        skipped_tables: page.skipped.clone(),
    }
}

/// Writes every spec with rows into `dir`, all or none; existing files are `sync`'s.
fn write_specs(dir: &Path, report: &Report) -> Result<(), Fail> {
    std::fs::create_dir_all(dir)
        .map_err(|e| Fail::error(format!("cannot create {}: {e}", dir.display())))?;
    let files: Vec<(PathBuf, String)> = report
        .tables
        .iter()
        .filter(|t| !t.text.is_empty())
        .map(|t| (dir.join(&t.file), t.text.clone()))
        .collect();
    if let Some((existing, _)) = files.iter().find(|(f, _)| f.exists()) {
        return Err(Fail::error(format!(
            "{} exists: use `bce-errors sync` to update a spec",
            existing.display()
        )));
    }
    write_all(&files).map_err(|e| Fail::error(format!("nothing written: {e}")))
}

fn print_report(report: &Report, out: &mut Output<'_>) -> Result<(), Fail> {
    out.note(format!(
        "{}: {} error table(s), {} row(s) written, {} reported; {} other table(s) skipped",
        report.page,
        report.tables.len(),
        report.rows_written,
        report.rows_reported,
        report.skipped_tables.len()
    ))?;
    for t in &report.tables {
        out.note(match t.file.is_empty() {
            true => format!("  \"{}\" (line {}): no row to write", t.heading, t.line),
            false => format!(
                "  \"{}\" (line {}) → {} ({}): {} row(s)",
                t.heading, t.line, t.file, t.service, t.rows
            ),
        })?;
        for (label, notes) in [
            ("not imported", &t.not_imported),
            ("check by hand", &t.flagged),
            ("merged", &t.merged),
        ] {
            for n in notes {
                out.note(format!("    line {}: {label}: {}", n.line, n.message))?;
            }
        }
    }
    for s in &report.skipped_tables {
        out.note(format!("  skipped line {}: {}", s.line, s.reason))?;
    }
    Ok(())
}
