//! The command line: its arguments (clap) and which command each runs. The commands
//! themselves are in [`crate::commands`].

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::commands::{check, explain, generate, import, lookup, sync};
use crate::output::{Fail, Output};

/// `bce-errors`'s arguments.
#[derive(Parser)]
#[command(
    name = "bce-errors",
    version,
    long_about = None,
    about = "Typed BCE error codes from the docs: import, sync, check, lookup, explain, generate."
)]
#[command(
    after_help = "Exit codes: 0 ok, 1 findings (drift, an invalid spec, a code not found, \
rows an import reported), 2 usage or I/O error, or nothing usable found.\n\n\
The regenerate-from-docs workflow:\n  \
bce-errors import saved-page.html -o specs/      # first time: one spec per table\n  \
bce-errors sync updated-page.html specs/          # later: what changed?\n  \
bce-errors sync updated-page.html specs/ --write  # apply it, keeping your edits\n  \
bce-errors check specs/                           # in CI"
)]
pub struct Cli {
    #[command(subcommand)]
    /// The command to run.
    pub command: Command,
}

/// How a command reports.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people.
    Text,
    /// For tools.
    Json,
}

/// The commands.
#[derive(Subcommand)]
pub enum Command {
    /// Read a docs page (saved text, markdown or HTML) into one spec per error table.
    #[command(after_help = "Examples:\n  bce-errors import nat-errors.html\n  \
        bce-errors import nat-errors.html -o specs/\n  \
        bce-errors import page.txt --section \"NAT gateway\" --name NAT -o specs/")]
    Import {
        /// The saved page.
        page: PathBuf,
        /// Only tables whose heading contains this text.
        #[arg(long)]
        section: Option<String>,
        /// Write one spec file per table into this directory (new files only).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// The service's name (and the spec's file name), instead of the page's.
        #[arg(long)]
        name: Option<String>,
        /// Report format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Compare an updated docs page with committed specs: added, removed, changed rows.
    #[command(after_help = "Examples:\n  bce-errors sync vpc-page.txt specs/\n  \
        bce-errors sync vpc-page.txt specs/ --write\n  bce-errors sync vpc-page.txt specs/ --check")]
    Sync {
        /// The updated page.
        page: PathBuf,
        /// A spec file or a directory of specs.
        specs: PathBuf,
        /// Update the specs in place (all or none; keeps comments and hand-curated fields).
        #[arg(long, conflicts_with = "check")]
        write: bool,
        /// Exit 1 if anything differs.
        #[arg(long)]
        check: bool,
        /// Report format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Validate spec files as the macro does, and report codes documented differently.
    #[command(
        after_help = "Examples:\n  bce-errors check specs/\n  bce-errors check specs/nat.toml"
    )]
    Check {
        /// Spec files or directories.
        #[arg(required = true)]
        specs: Vec<PathBuf>,
        /// Report format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// What a code means, in every bundled service and in your own specs.
    #[command(after_help = "Examples:\n  bce-errors lookup NoSuchNat\n  \
        bce-errors lookup LimitExceeded --service nat --format json\n  bce-errors lookup 110 --specs specs/")]
    Lookup {
        /// The error code.
        code: String,
        /// Only this service (enum name, service name or spec name, any case).
        #[arg(long)]
        service: Option<String>,
        /// Also look in the specs under this directory.
        #[arg(long)]
        specs: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Explain an error response body (or `-` for stdin): what it means, whether to retry.
    #[command(
        after_help = "Examples:\n  bce-errors explain '{\"code\":\"NoSuchNat\",\"message\":\"...\",\"requestId\":\"r-1\"}'\n  \
        curl -s ... | bce-errors explain - --status 404"
    )]
    Explain {
        /// The body, or `-` to read stdin.
        body: String,
        /// The HTTP status of the response, if known.
        #[arg(long)]
        status: Option<u16>,
        /// Also look codes up in the specs under this directory.
        #[arg(long)]
        specs: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Print the Rust code the macro generates for a spec, formatted.
    #[command(
        after_help = "Examples:\n  bce-errors generate specs/cfs.toml -o src/cfs_error.rs\n  \
        bce-errors generate specs/cfs.toml --name CfsError"
    )]
    Generate {
        /// The spec file.
        spec: PathBuf,
        /// The enum's name (default: from the file name, `cfs.toml` → `CfsError`).
        #[arg(long)]
        name: Option<String>,
        /// The runtime's path in the code, for a renamed dependency (default `::bce_errors`).
        #[arg(long = "crate")]
        runtime: Option<String>,
        /// Write the code to this file (atomically) instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

/// Runs `command`, printing to `out`; the exit code, or how it failed.
pub fn run(command: Command, out: &mut Output<'_>) -> Result<u8, Fail> {
    match command {
        Command::Import {
            page,
            section,
            output,
            name,
            format,
        } => import::run(
            &import::Args {
                page: &page,
                section: section.as_deref(),
                output: output.as_deref(),
                name: name.as_deref(),
                json: format == Format::Json,
            },
            out,
        ),
        Command::Sync {
            page,
            specs,
            write,
            check,
            format,
        } => sync::run(
            &sync::Args {
                page: &page,
                specs: &specs,
                write,
                check,
                json: format == Format::Json,
            },
            out,
        ),
        Command::Check { specs, format } => check::run(&specs, format == Format::Json, out),
        Command::Lookup {
            code,
            service,
            specs,
            format,
        } => lookup::run(
            &code,
            service.as_deref(),
            specs.as_deref(),
            format == Format::Json,
            out,
        ),
        Command::Explain {
            body,
            status,
            specs,
            format,
        } => {
            let body = explain::body(&body)?;
            explain::run(&body, status, specs.as_deref(), format == Format::Json, out)
        }
        Command::Generate {
            spec,
            name,
            runtime,
            output,
        } => generate::run(
            &generate::Args {
                spec: &spec,
                name: name.as_deref(),
                runtime: runtime.as_deref(),
                output: output.as_deref(),
            },
            out,
        ),
    }
}
