#[bce_errors::bce_errors("specs/code_self.toml")]
pub enum DemoError {}

fn main() {}
