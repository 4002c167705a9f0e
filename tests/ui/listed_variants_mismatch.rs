#[bce_errors::bce_errors("specs/ok.toml")]
pub enum DemoError {
    NoSuchThing,
    NoSuchThin,
    Extra,
}

fn main() {}
