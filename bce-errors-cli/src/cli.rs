//! The command line: its arguments (clap) and which command each runs. The commands
//! themselves are in [`crate::commands`].

use clap::{Parser, Subcommand};

use crate::commands::{catalog, check, explain, generate, import, lookup, sync};
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

/// The commands: each one's arguments are declared in its module.
#[derive(Subcommand)]
pub enum Command {
    /// Read a docs page (saved text, markdown or HTML) into one spec per error table.
    Import(import::Args),
    /// Compare an updated docs page with committed specs: added, removed, changed rows.
    Sync(sync::Args),
    /// Validate spec files as the macro does, and report codes documented differently.
    Check(check::Args),
    /// What a code means, in every bundled service and in your own specs.
    Lookup(lookup::Args),
    /// Explain an error response body (or `-` for stdin): what it means, whether to retry.
    Explain(explain::Args),
    /// Print the Rust code the macro generates for a spec, formatted.
    Generate(generate::Args),
    /// Write one offline page that searches every code (bundled, and your specs).
    Catalog(catalog::Args),
}

/// Runs `command`, printing to `out`; the exit code, or how it failed.
pub fn run(command: Command, out: &mut Output<'_>) -> Result<u8, Fail> {
    match command {
        Command::Import(args) => import::run(&args, out),
        Command::Sync(args) => sync::run(&args, out),
        Command::Check(args) => check::run(&args, out),
        Command::Lookup(args) => lookup::run(&args, out),
        Command::Explain(args) => explain::run_args(&args, out),
        Command::Generate(args) => generate::run(&args, out),
        Command::Catalog(args) => catalog::run(&args, out),
    }
}
