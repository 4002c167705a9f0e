#[bce_errors::bce_errors("specs/url_credentials.toml")]
pub enum DemoError {}

fn main() {}
