//! `bce-errors lookup CODE`: what a code means, in every bundled service and in your own
//! specs (`--specs DIR`), one entry per distinct meaning.

use std::path::PathBuf;

use super::Format;
use super::meanings::{is_bundled_service, meanings, render};
use crate::output::{EXIT_FINDINGS, EXIT_OK, Fail, Outcome, Output};

/// `bce-errors lookup`'s arguments.
#[derive(Debug, Clone, clap::Args)]
#[command(after_help = "Examples:\n  bce-errors lookup NoSuchNat\n  \
    bce-errors lookup LimitExceeded --service nat --format json\n  bce-errors lookup 110 --specs specs/")]
pub struct Args {
    /// The error code.
    pub code: String,
    /// Only this service (enum name, service name or spec name, any case).
    #[arg(long)]
    pub service: Option<String>,
    /// Also look in the specs under this directory.
    #[arg(long)]
    pub specs: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// Looks the code up.
pub fn run(args: &Args, out: &mut Output<'_>) -> Outcome {
    let (code, service) = (args.code.as_str(), args.service.as_deref());
    let (specs, json) = (args.specs.as_deref(), args.format.is_json());
    if let Some(s) = service.filter(|s| specs.is_none() && !is_bundled_service(s)) {
        return Err(Fail::error(format!("no bundled service is called {s:?}")));
    }
    let found = meanings(code, service, specs)?;
    if json {
        out.json(&found)?;
    } else if found.is_empty() {
        out.line(format!(
            "{code}: not documented by any bundled service or given spec"
        ))?;
    } else {
        for m in &found {
            for line in render(m) {
                out.line(line)?;
            }
        }
    }
    Ok(if found.is_empty() {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}
