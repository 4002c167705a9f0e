//! `cargo xtask regenerate [--check]`: writes the bundled enums (`bce-errors/src/services/`)
//! and the files derived from `specs/` that sit in other crates; `--check` only says which
//! are stale (exit 1).

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let check = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["regenerate"] => false,
        ["regenerate", "--check"] => true,
        _ => {
            eprintln!("usage: cargo xtask regenerate [--check]");
            return ExitCode::from(2);
        }
    };
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
