/// Errors of the demo API.
///
/// Generated from `tests/golden/demo.toml`: Demo › API Reference › Error codes (updated at 2025-10-16). 4 codes.
#[derive(
    ::core::clone::Clone,
    ::core::marker::Copy,
    ::core::cmp::PartialEq,
    ::core::cmp::Eq,
    ::core::hash::Hash
)]
#[non_exhaustive]
pub enum DemoError {
    /// `NoSuchThing` · HTTP 404 · The thing {id} is not found: ${thing}.
    ///
    /// Create the \<thing\> first.
    ///
    /// 说明: 资源不存在
    NoSuchThing,
    /// `thing.Busy` · HTTP 503 · Busy.
    ///
    /// Another operation is running.
    ThingBusy,
    /// `404` · HTTP 404 · Not found.
    ///
    /// A numeric code.
    NumericNotFound,
    /// `110` · Access token invalid or no longer valid
    E110,
}

::bce_errors::__private::code_enum! {
    DemoError {
        service: "Demo",
        rows: 4,
        lookup: (16, 0xe220a8397b1dcdaf, 0),
    }
    NoSuchThing(Some(404), "The thing {id} is not found: ${thing}.", Some("Create the <thing> first."), Some("资源不存在")),
    ThingBusy("thing.Busy", Some(503), "Busy.", Some("Another operation is running."), None, Never),
    NumericNotFound("404", Some(404), "Not found.", Some("A numeric code."), None),
    E110("110", None, "Access token invalid or no longer valid", None, None),
}
