#[bce_errors::bce_errors("specs/toml_date.toml")]
pub enum DemoError {}

// The enum still exists with Display and Error: no follow-on errors.
fn describe(e: &DemoError) -> String {
    e.to_string()
}

fn main() {
    let _: fn(&DemoError) -> String = describe;
    let _: Option<&dyn std::error::Error> = None::<&DemoError>.map(|e| e as _);
}
