#[bce_errors::bce_errors("specs/ok.toml")]
pub enum DemoError {
    #[cfg(any())]
    NoSuchThing,
}

fn main() {}
