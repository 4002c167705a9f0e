//! `bce-errors`: import BCE docs pages into specs, keep specs in sync with the docs, and
//! explain error codes and responses. The arguments are `bce_errors_cli::cli`; the
//! commands `bce_errors_cli::commands`.

use std::io::Write as _;
use std::process::ExitCode;

use bce_errors_cli::cli::{Cli, run};
use bce_errors_cli::output::{EXIT_ERROR, EXIT_OK, Fail, Output};
use clap::Parser as _;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (stdout, stderr) = (std::io::stdout(), std::io::stderr());
    let (mut stdout, mut stderr) = (stdout.lock(), stderr.lock());
    let mut out = Output {
        out: &mut stdout,
        err: &mut stderr,
    };
    let result = run(cli.command, &mut out).and_then(|code| out.flush().map(|()| code));
    let code = match result {
        Ok(code) => code,
        Err(Fail::ClosedPipe) => EXIT_OK,
        Err(Fail::Error(code, message)) => {
            // If even this cannot be written, there is no one to tell.
            let _ = writeln!(stderr, "error: {message}");
            code
        }
    };
    ExitCode::from(code.min(EXIT_ERROR))
}
