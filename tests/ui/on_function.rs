#[bce_errors::bce_errors("specs/ok.toml")]
pub fn demo() {}

fn main() {}
