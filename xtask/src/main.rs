//! Maintainer tasks:
//!
//! - `cargo xtask regenerate [--check]`: writes the bundled enums (`bce-errors/src/services/`)
//!   and the files derived from `specs/` that sit in other crates; `--check` only says which
//!   are stale (exit 1).
//! - `cargo xtask compile-cost-fixtures DIR [--app] [--before OLD_ROOT]`: writes the crates
//!   `benches/compile-cost/run.sh` builds side by side.

use std::path::Path;
use std::process::ExitCode;

use xtask::compile_cost::{Base, write_fixtures};

const USAGE: &str = "usage: cargo xtask regenerate [--check]\n       cargo xtask compile-cost-fixtures DIR [--app] [--before OLD_ROOT]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args[..] {
        ["regenerate"] => regenerate(false),
        ["regenerate", "--check"] => regenerate(true),
        ["compile-cost-fixtures", dir, ref rest @ ..] => fixtures(Path::new(dir), rest),
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn fixtures(dir: &Path, flags: &[&str]) -> ExitCode {
    let (base, before) = match flags {
        [] => (Base::Empty, None),
        ["--app"] => (Base::App, None),
        ["--before", old] => (Base::Empty, Some(Path::new(old))),
        ["--app", "--before", old] => (Base::App, Some(Path::new(old))),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match write_fixtures(&xtask::workspace_root(), dir, base, before) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

fn regenerate(check: bool) -> ExitCode {
    let root = xtask::workspace_root();
    let outputs = match xtask::regenerate(&root) {
        Ok(outputs) => outputs,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let mut stale = 0;
    for output in &outputs {
        let path = root.join(&output.path);
        if std::fs::read_to_string(&path).ok().as_deref() == Some(output.text.as_str()) {
            continue;
        }
        stale += 1;
        if check {
            println!("stale: {}", output.path.display());
        } else if let Err(e) = std::fs::write(&path, &output.text) {
            eprintln!("error: cannot write {}: {e}", path.display());
            return ExitCode::from(2);
        } else {
            println!("wrote {}", output.path.display());
        }
    }
    println!(
        "{} file(s), {stale} {}",
        outputs.len(),
        if check { "stale" } else { "rewritten" }
    );
    ExitCode::from(u8::from(check && stale > 0))
}
