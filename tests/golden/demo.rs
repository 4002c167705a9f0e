/// Errors of the demo API.
///
/// Generated from `tests/golden/demo.toml`: Demo › API Reference › Error codes (updated at 2025-10-16). 3 codes.
#[derive(
    ::core::fmt::Debug,
    ::core::clone::Clone,
    ::core::marker::Copy,
    ::core::cmp::PartialEq,
    ::core::cmp::Eq,
    ::core::hash::Hash
)]
#[non_exhaustive]
pub enum DemoError {
    /** `NoSuchThing` · HTTP 404 · The thing {id} is not found: ${thing}.

 Create the \<thing\> first.

 说明: 资源不存在*/
    NoSuchThing,
    /** `thing.Busy` · HTTP 503 · Busy.

 Another operation is running.*/
    ThingBusy,
    /** `404` · HTTP 404 · Not found.

 A numeric code.*/
    NumericNotFound,
}
#[automatically_derived]
impl DemoError {
    /// The service, as its docs page names it.
    pub const SERVICE: &'static str = "Demo";
    /// Every code of the service, in the order of its spec.
    pub const ALL: &'static [Self] = &[
        Self::NoSuchThing,
        Self::ThingBusy,
        Self::NumericNotFound,
    ];
    #[doc(hidden)]
    pub const __CODES: &'static [&'static str] = &["NoSuchThing", "thing.Busy", "404"];
    #[doc(hidden)]
    pub const __MESSAGES: &'static [&'static str] = &[
        "The thing {id} is not found: ${thing}.",
        "Busy.",
        "Not found.",
    ];
    #[doc(hidden)]
    pub const __STATUSES: &'static [u16] = &[404, 503, 404];
    #[doc(hidden)]
    pub const __DESCRIPTIONS: &'static [&'static str] = &[
        "Create the <thing> first.",
        "Another operation is running.",
        "A numeric code.",
    ];
    #[doc(hidden)]
    pub const __VARIANTS: &'static [&'static str] = &[
        "NoSuchThing",
        "ThingBusy",
        "NumericNotFound",
    ];
    /// The code as the server sends it.
    pub const fn code(self) -> &'static str {
        Self::__CODES[self as usize]
    }
    /// The documented message.
    pub const fn message(self) -> &'static str {
        Self::__MESSAGES[self as usize]
    }
    /// The documented HTTP status.
    pub const fn status(self) -> u16 {
        Self::__STATUSES[self as usize]
    }
    /// The documented description.
    pub const fn description(self) -> &'static str {
        Self::__DESCRIPTIONS[self as usize]
    }
    /// The Chinese description, where the docs have one.
    pub const fn description_zh(self) -> ::core::option::Option<&'static str> {
        #[allow(unreachable_patterns)]
        match self {
            Self::NoSuchThing => ::core::option::Option::Some("资源不存在"),
            _ => ::core::option::Option::None,
        }
    }
    /// Whether and how a request that failed with this code may be retried: the
    /// spec's `retry` where it has one, else [`bce_errors::classify`] by status and code.
    pub fn retry_class(self) -> ::bce_errors::RetryClass {
        #[allow(unreachable_patterns)]
        match self {
            Self::ThingBusy => ::bce_errors::RetryClass::Never,
            _ => {
                ::bce_errors::classify(
                    self.status(),
                    ::core::option::Option::Some(self.code()),
                )
            }
        }
    }
    /// True when retrying (after a backoff, or after re-signing) can succeed.
    pub fn is_retryable(self) -> bool {
        self.retry_class().is_retryable()
    }
    /// The variant for a wire code; `None` for a code this spec does not document.
    #[inline]
    pub fn from_code(code: &str) -> ::core::option::Option<Self> {
        use ::core::option::Option::Some as __bce_some;
        const __BCE_NONE: ::core::option::Option<DemoError> = ::core::option::Option::None;
        const FOUND: [::core::option::Option<DemoError>; 4] = [
            __BCE_NONE,
            __bce_some(DemoError::ThingBusy),
            __bce_some(DemoError::NoSuchThing),
            __bce_some(DemoError::NumericNotFound),
        ];
        const CODES: [&str; 4] = ["", "thing.Busy", "NoSuchThing", "404"];
        let b = code.as_bytes();
        if b.len() < 3 {
            return ::core::option::Option::None;
        }
        let key = b.len() as u64;
        let i = (key.wrapping_mul(6038094601263162091) >> 62) as usize;
        if ::bce_errors::__private::same_code(CODES[i], b) {
            FOUND[i]
        } else {
            ::core::option::Option::None
        }
    }
    #[doc(hidden)]
    pub const fn __index(self) -> usize {
        self as usize
    }
}
#[automatically_derived]
impl ::core::fmt::Display for DemoError {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        f.write_str(self.code())?;
        f.write_str(" (")?;
        ::core::fmt::Display::fmt(&self.status(), f)?;
        f.write_str("): ")?;
        f.write_str(self.message())
    }
}
#[automatically_derived]
impl ::core::error::Error for DemoError {}
#[automatically_derived]
impl ::core::str::FromStr for DemoError {
    type Err = ::bce_errors::UnknownCode;
    fn from_str(code: &str) -> ::core::result::Result<Self, Self::Err> {
        Self::from_code(code)
            .ok_or_else(|| ::bce_errors::UnknownCode::new(Self::SERVICE, code))
    }
}
#[automatically_derived]
impl ::bce_errors::ServiceError for DemoError {
    const SERVICE: &'static str = DemoError::SERVICE;
    const ALL: &'static [Self] = DemoError::ALL;
    fn code(&self) -> &'static str {
        DemoError::code(*self)
    }
    fn variant_name(&self) -> &'static str {
        DemoError::__VARIANTS[*self as usize]
    }
    fn message(&self) -> &'static str {
        DemoError::message(*self)
    }
    fn status(&self) -> u16 {
        DemoError::status(*self)
    }
    fn description(&self) -> &'static str {
        DemoError::description(*self)
    }
    fn description_zh(&self) -> ::core::option::Option<&'static str> {
        DemoError::description_zh(*self)
    }
    fn retry_class(&self) -> ::bce_errors::RetryClass {
        DemoError::retry_class(*self)
    }
    fn from_code(code: &str) -> ::core::option::Option<Self> {
        DemoError::from_code(code)
    }
}
::bce_errors::__glue!(DemoError);
