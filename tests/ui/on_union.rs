#[bce_errors::bce_errors("specs/ok.toml")]
pub union DemoError {
    a: u8,
}

fn main() {}
