#[bce_errors::bce_errors("specs/ok.toml", "specs/ok.toml")]
pub enum DemoError {}

fn main() {}
