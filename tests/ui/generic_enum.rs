#[bce_errors::bce_errors("specs/ok.toml")]
pub enum DemoError<T> {}

fn main() {}
