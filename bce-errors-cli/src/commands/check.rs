//! `bce-errors check SPECS…`: the macro's own validation over spec files (the same code,
//! so the same verdict and messages), plus a report of codes documented differently by
//! different specs.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Serialize;

use super::Format;
use crate::output::{EXIT_FINDINGS, EXIT_OK, Fail, Outcome, Output};
use crate::specs::{SpecView, load_each};

/// `bce-errors check`'s arguments.
#[derive(Debug, Clone, clap::Args)]
#[command(after_help = "Examples:\n  bce-errors check specs/\n  bce-errors check specs/nat.toml")]
pub struct Args {
    /// Spec files or directories.
    #[arg(required = true)]
    pub specs: Vec<PathBuf>,
    /// Report format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// Checks every spec under the paths given.
pub fn run(args: &Args, out: &mut Output<'_>) -> Outcome {
    let (paths, json) = (&args.specs, args.format.is_json());
    let mut specs = Vec::new();
    let mut invalid = Vec::new();
    for path in paths {
        if !path.exists() {
            return Err(Fail::error(format!("{} does not exist", path.display())));
        }
        let (mut valid, bad) = load_each(path);
        if valid.is_empty() && bad.is_empty() {
            return Err(Fail::error(format!(
                "{}: no spec files (*.toml) to check",
                path.display()
            )));
        }
        specs.append(&mut valid);
        invalid.extend(
            bad.into_iter()
                .map(|(file, d)| (file.display().to_string(), d.to_string())),
        );
    }
    let disagreements = disagreements(&specs);
    let rows: usize = specs.iter().map(|s| s.spec.rows.len()).sum();
    if json {
        #[derive(Serialize)]
        struct Report<'a> {
            valid: usize,
            rows: usize,
            invalid: &'a [(String, String)],
            disagreements: &'a [Disagreement],
        }
        out.json(&Report {
            valid: specs.len(),
            rows,
            invalid: &invalid,
            disagreements: &disagreements,
        })?;
    } else {
        for (_, d) in &invalid {
            out.note(d)?;
        }
        out.line(format!(
            "{} spec(s) valid, {} rows; {} invalid",
            specs.len(),
            rows,
            invalid.len()
        ))?;
        if !disagreements.is_empty() {
            out.line("codes documented differently by different specs:")?;
            for d in &disagreements {
                let values: Vec<String> = d
                    .values
                    .iter()
                    .map(|(v, s)| format!("{v:?} in {}", s.join(", ")))
                    .collect();
                out.line(format!("  {} {}: {}", d.code, d.field, values.join("; ")))?;
            }
        }
    }
    Ok(if invalid.is_empty() {
        EXIT_OK
    } else {
        EXIT_FINDINGS
    })
}

/// One code documented with different statuses or messages in different specs.
#[derive(Debug, Clone, Serialize)]
pub struct Disagreement {
    /// The code.
    pub code: String,
    /// `status` or `message`.
    pub field: &'static str,
    /// Each value, with the specs that document it.
    pub values: Vec<(String, Vec<String>)>,
}

/// Codes whose status or message differ between specs (page copies under `pages/`
/// excluded: the specs that include them carry the same rows).
fn disagreements(specs: &[SpecView]) -> Vec<Disagreement> {
    let mut by_code: BTreeMap<&str, Vec<(&str, String, String)>> = BTreeMap::new();
    for view in specs.iter().filter(|v| !v.rel.starts_with("pages/")) {
        for row in &view.spec.rows {
            by_code.entry(&row.code).or_default().push((
                &view.rel,
                row.status
                    .map_or_else(|| "none".to_owned(), |s| s.to_string()),
                row.message.clone(),
            ));
        }
    }
    let mut out = Vec::new();
    for (code, entries) in by_code {
        for (field, pick) in [("status", 1), ("message", 2)] {
            let mut values: Vec<(String, Vec<String>)> = Vec::new();
            for e in &entries {
                let v = if pick == 1 { &e.1 } else { &e.2 };
                match values.iter_mut().find(|(x, _)| x == v) {
                    Some((_, specs)) => specs.push(e.0.to_owned()),
                    None => values.push((v.clone(), vec![e.0.to_owned()])),
                }
            }
            if values.len() > 1 {
                out.push(Disagreement {
                    code: code.to_owned(),
                    field,
                    values,
                });
            }
        }
    }
    out
}
