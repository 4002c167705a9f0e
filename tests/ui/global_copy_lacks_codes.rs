#[bce_errors::bce_errors("specs/short_global.toml")]
pub enum DemoError {}

fn main() {}
