//! `bce-errors lookup CODE`: what a code means, in every bundled service and in your own
//! specs (`--specs DIR`), one entry per distinct meaning.

use std::path::Path;

use super::meanings::{is_bundled_service, meanings, render};
use crate::output::{EXIT_FINDINGS, EXIT_OK, Fail, Outcome, Output};

/// Looks `code` up.
pub fn run(
    code: &str,
    service: Option<&str>,
    specs: Option<&Path>,
    json: bool,
    out: &mut Output<'_>,
) -> Outcome {
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
