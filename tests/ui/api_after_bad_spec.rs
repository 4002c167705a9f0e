// After a bad spec the enum still has its whole API: the spec error is the only error.
#[bce_errors::bce_errors("specs/does_not_exist.toml")]
pub enum DemoError {}

fn main() {
    let found: Option<DemoError> = DemoError::from_code("NoSuchThing");
    if let Some(e) = found {
        let _: Option<u16> = e.status();
        let _: &str = e.code();
        let _: Option<&str> = e.description();
        let _ = e.retry_class().is_retryable();
        let _: Result<DemoError, _> = "x".parse::<DemoError>();
        let _ = <DemoError as bce_errors::ServiceError>::ALL;
    }
    let _ = DemoError::ALL.len() + DemoError::SERVICE.len();
}
