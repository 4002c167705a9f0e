//! Prints a synthetic spec of N codes shaped like BCE codes (`benches/compile-cost/scale.sh`):
//! `cargo run -p bce-errors-bench --bin synthetic-spec -- 10000 > spec.toml`.

fn main() -> std::process::ExitCode {
    let n = std::env::args()
        .nth(1)
        .and_then(|n| n.parse::<usize>().ok());
    let Some(n) = n.filter(|&n| n > 0) else {
        eprintln!("usage: synthetic-spec N (a number of codes, at least 1)");
        return std::process::ExitCode::from(2);
    };
    let text = bce_errors_bench::synthetic_spec(n);
    match std::io::Write::write_all(&mut std::io::stdout().lock(), text.as_bytes()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot write the spec: {e}");
            std::process::ExitCode::from(1)
        }
    }
}
