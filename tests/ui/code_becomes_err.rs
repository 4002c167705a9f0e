#[bce_errors::bce_errors("specs/code_err.toml")]
pub enum DemoError {}

fn main() {}
