//! The golden expansion (`tests/golden/demo.rs`), compiled as a user's crate compiles
//! the macro's output: a template that does not compile fails here, not in a user's
//! build.

/// The golden file, compiled as a user's crate would compile the macro's output.
#[allow(dead_code)] // Not every generated method is called here.
mod compiled {
    include!("../golden/demo.rs");
}

#[test]
fn the_golden_file_compiles_and_works() {
    use compiled::DemoError;
    assert_eq!(
        DemoError::from_code("thing.Busy"),
        Some(DemoError::ThingBusy)
    );
    assert_eq!(DemoError::from_code("110"), Some(DemoError::E110));
    assert_eq!(DemoError::E110.status(), None);
    assert_eq!(DemoError::E110.description(), None);
    assert_eq!(
        DemoError::E110.to_string(),
        "110: Access token invalid or no longer valid"
    );
    assert_eq!(
        DemoError::NoSuchThing.to_string(),
        "NoSuchThing (404): The thing {id} is not found: ${thing}."
    );
    assert_eq!(
        format!("{:?}", DemoError::NumericNotFound),
        "NumericNotFound"
    );
    assert_eq!(
        DemoError::ThingBusy.retry_class(),
        bce_errors::RetryClass::Never
    );
    assert_eq!(DemoError::NoSuchThing.description_zh(), Some("资源不存在"));
}
