#[bce_errors::bce_errors(specs)]
pub enum DemoError {}

fn main() {}
