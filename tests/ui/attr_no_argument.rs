#[bce_errors::bce_errors]
pub enum DemoError {}

fn main() {}
