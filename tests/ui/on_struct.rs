#[bce_errors::bce_errors("specs/ok.toml")]
pub struct DemoError;

fn main() {}
