// A derive written above the attribute is applied by rustc to the enum as written,
// before the macro gives it variants: write derives below `#[bce_errors]`.
#[derive(PartialOrd, PartialEq)]
#[bce_errors::bce_errors("specs/ok.toml")]
pub enum DemoError {}

fn main() {}
