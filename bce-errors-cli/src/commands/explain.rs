//! `bce-errors explain BODY`: what an error response means — its code, message and ids,
//! what the docs say of the code, whether the status agrees with them, whether to retry —
//! or that it reports success.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use bce_errors::{ErrorResponse, PARSE_LIMIT, classify, is_success_code};
use serde::Serialize;

use super::Format;
use super::meanings::{Meaning, meanings, render};
use crate::output::{EXIT_FINDINGS, EXIT_OK, Fail, Outcome, Output};

/// `bce-errors explain`'s arguments.
#[derive(Debug, Clone, clap::Args)]
#[command(
    after_help = "Examples:\n  bce-errors explain '{\"code\":\"NoSuchNat\",\"message\":\"...\",\"requestId\":\"r-1\"}'\n  \
    curl -s ... | bce-errors explain - --status 404"
)]
pub struct Args {
    /// The body, or `-` to read stdin.
    pub body: String,
    /// The HTTP status of the response, if known.
    #[arg(long)]
    pub status: Option<u16>,
    /// Also look codes up in the specs under this directory.
    #[arg(long)]
    pub specs: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// Reads the body (standard input for `-`) and explains it.
pub fn run_args(args: &Args, out: &mut Output<'_>) -> Outcome {
    let body = body(&args.body)?;
    run(
        &body,
        args.status,
        args.specs.as_deref(),
        args.format.is_json(),
        out,
    )
}

/// The body: the text given, or standard input for `-`.
pub fn body(arg: &str) -> Result<Vec<u8>, Fail> {
    if arg != "-" {
        return Ok(arg.as_bytes().to_vec());
    }
    // Read at most what will be parsed, and one byte more to tell it was too large.
    let mut buf = Vec::new();
    std::io::stdin()
        .take(PARSE_LIMIT as u64 + 1)
        .read_to_end(&mut buf)
        .map_err(|e| Fail::error(format!("cannot read stdin: {e}")))?;
    Ok(buf)
}

#[derive(Serialize)]
struct Report<'a> {
    parsed: bool,
    error: Option<String>,
    success: bool,
    status: Option<u16>,
    #[serde(skip)]
    response: Option<&'a ErrorResponse>,
    body: Option<Body<'a>>,
    documented: &'a [Meaning],
    status_differs: Vec<u16>,
    retry: String,
}

/// The body's fields, as read.
#[derive(Serialize)]
struct Body<'a> {
    format: String,
    code: Option<&'a str>,
    message: Option<&'a str>,
    request_id: Option<&'a str>,
    log_id: Option<&'a str>,
    id: Option<&'a str>,
    error_type: Option<&'a str>,
}

impl<'a> Body<'a> {
    fn of(r: &'a ErrorResponse) -> Self {
        Body {
            format: format!("{:?}", r.format),
            code: r.code.as_deref(),
            message: r.message.as_deref(),
            request_id: r.request_id.as_deref(),
            log_id: r.log_id.as_deref(),
            id: r.id.as_deref(),
            error_type: r.error_type.as_deref(),
        }
    }
}

/// Explains a body answered with `status`.
pub fn run(
    body: &[u8],
    status: Option<u16>,
    specs: Option<&Path>,
    json: bool,
    out: &mut Output<'_>,
) -> Outcome {
    let (response, error) = match ErrorResponse::parse(body) {
        Ok(r) => (Some(r), None),
        Err(e) => (None, Some(e.to_string())),
    };
    let code = response.as_ref().and_then(|r| r.code.as_deref());
    let success = response
        .as_ref()
        .is_some_and(|r| status.map_or(code.is_some_and(is_success_code), |s| r.is_success(s)));
    let documented = match code.filter(|_| !success) {
        Some(code) => meanings(code, None, specs)?,
        None => Vec::new(),
    };
    // Documented statuses that differ from the response's.
    let mut status_differs: Vec<u16> = documented
        .iter()
        .filter_map(|m| m.status)
        .filter(|s| status.is_some_and(|given| given != *s))
        .collect();
    status_differs.dedup();
    let retry = match (&documented[..], status) {
        _ if success => "not an error".to_owned(),
        ([first, rest @ ..], _) if rest.iter().all(|d| d.retry == first.retry) => {
            first.retry.clone()
        }
        (_, Some(s)) => classify(s, code).as_str().to_owned(),
        (_, None) => "unknown: pass --status".to_owned(),
    };
    let report = Report {
        parsed: error.is_none(),
        error,
        success,
        status,
        response: response.as_ref(),
        body: response.as_ref().map(Body::of),
        documented: &documented,
        status_differs,
        retry,
    };
    if json {
        out.json(&report)?;
    } else {
        print(&report, out)?;
    }
    Ok(if report.parsed {
        EXIT_OK
    } else {
        EXIT_FINDINGS
    })
}

fn print(report: &Report<'_>, out: &mut Output<'_>) -> Result<(), Fail> {
    let Some(response) = report.response else {
        out.line(format!(
            "not an error body: {}",
            report.error.as_deref().unwrap_or_default()
        ))?;
        return out.line(format!("retry: {}", report.retry));
    };
    if report.success {
        return out.line("a success response, not an error".to_owned() + &code_note(response));
    }
    let text = |v: &Option<String>| v.as_deref().map(|s| s.escape_debug().to_string());
    out.line(format!(
        "code: {}",
        text(&response.code).unwrap_or("(none)".into())
    ))?;
    for (label, value) in [
        ("message", &response.message),
        ("request id", &response.request_id),
        ("log id", &response.log_id),
        ("id", &response.id),
        ("type", &response.error_type),
    ] {
        if let Some(v) = text(value) {
            out.line(format!("{label}: {v}"))?;
        }
    }
    match (&response.code, report.documented.is_empty()) {
        (Some(code), true) => out.line(format!(
            "{} is not documented by any bundled service or given spec",
            code.escape_debug()
        ))?,
        (_, false) => {
            for m in report.documented {
                for line in render(m) {
                    out.line(line)?;
                }
            }
        }
        _ => {}
    }
    if let (Some(given), false) = (report.status, report.status_differs.is_empty()) {
        let documented: Vec<String> = report.status_differs.iter().map(u16::to_string).collect();
        out.line(format!(
            "note: the response's status is {given}, the docs give {} for this code",
            documented.join(" or ")
        ))?;
    }
    out.line(format!("retry: {}", report.retry))
}

fn code_note(response: &ErrorResponse) -> String {
    match &response.code {
        Some(code) => format!(" (code {})", code.escape_debug()),
        None => String::new(),
    }
}
