//! What the command prints, and how it fails: one-line errors with an exit code, and
//! output that stops quietly when the reader goes away (`bce-errors generate x.toml |
//! head -1`) and fails with a one-line error when it cannot be written (a full disk).

use std::fmt;
use std::io::{self, Write};

/// Exit code: success, nothing to report.
pub const EXIT_OK: u8 = 0;
/// Exit code: findings — drift (`sync --check`), an invalid spec, a code not found,
/// rows or tables an import reported.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: a usage or I/O error, or nothing usable found.
pub const EXIT_ERROR: u8 = 2;

/// Why a command stopped.
#[derive(Debug)]
pub enum Fail {
    /// The reader of standard output went away: stop, quietly, successfully.
    ClosedPipe,
    /// An error, with its exit code and a one-line message.
    Error(u8, String),
}

impl Fail {
    /// A usage or I/O error (exit 2).
    pub fn error(message: impl Into<String>) -> Self {
        Fail::Error(EXIT_ERROR, message.into())
    }

    /// A finding that fails the command (exit 1).
    pub fn finding(message: impl Into<String>) -> Self {
        Fail::Error(EXIT_FINDINGS, message.into())
    }
}

impl From<io::Error> for Fail {
    fn from(e: io::Error) -> Self {
        match e.kind() {
            io::ErrorKind::BrokenPipe => Fail::ClosedPipe,
            _ => Fail::error(format!("cannot write the output: {e}")),
        }
    }
}

/// The result of a command: its exit code.
pub type Outcome = Result<u8, Fail>;

/// Where a command writes: its report (standard output) and its notes (standard error).
pub struct Output<'a> {
    /// The report.
    pub out: &'a mut dyn Write,
    /// Notes about the run.
    pub err: &'a mut dyn Write,
}

impl Output<'_> {
    /// Writes a line of the report.
    pub fn line(&mut self, text: impl fmt::Display) -> Result<(), Fail> {
        writeln!(self.out, "{text}")?;
        Ok(())
    }

    /// Writes a note.
    pub fn note(&mut self, text: impl fmt::Display) -> Result<(), Fail> {
        writeln!(self.err, "{text}")?;
        Ok(())
    }

    /// Writes a value as pretty JSON.
    pub fn json<T: serde::Serialize>(&mut self, value: &T) -> Result<(), Fail> {
        let text = serde_json::to_string_pretty(value)
            .map_err(|e| Fail::error(format!("cannot write JSON: {e}")))?;
        self.line(text)
    }

    /// Flushes both streams, so a write error shows up here and not at exit.
    pub fn flush(&mut self) -> Result<(), Fail> {
        self.out.flush()?;
        self.err.flush()?;
        Ok(())
    }
}
