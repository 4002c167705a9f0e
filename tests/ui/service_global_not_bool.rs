#[bce_errors::bce_errors("specs/global_not_bool.toml")]
pub enum DemoError {}

fn main() {}
