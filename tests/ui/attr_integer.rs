#[bce_errors::bce_errors(42)]
pub enum DemoError {}

fn main() {}
