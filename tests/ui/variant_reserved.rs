#[bce_errors::bce_errors("specs/variant_reserved.toml")]
pub enum DemoError {}

fn main() {}
