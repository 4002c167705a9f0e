#[bce_errors::bce_errors("specs/variant_method.toml")]
pub enum DemoError {}

fn main() {}
