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
    ///`NoSuchThing` · HTTP 404 · The thing {id} is not found: ${thing}.
    ///
    ///Create the \<thing\> first.
    ///
    ///说明: 资源不存在
    NoSuchThing,
    ///`thing.Busy` · HTTP 503 · Busy.
    ///
    ///Another operation is running.
    ThingBusy,
    ///`404` · HTTP 404 · Not found.
    ///
    ///A numeric code.
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
    /// The code as the server sends it.
    pub const fn code(self) -> &'static str {
        match self {
            Self::NoSuchThing => "NoSuchThing",
            Self::ThingBusy => "thing.Busy",
            Self::NumericNotFound => "404",
        }
    }
    /// The documented message.
    pub const fn message(self) -> &'static str {
        match self {
            Self::NoSuchThing => "The thing {id} is not found: ${thing}.",
            Self::ThingBusy => "Busy.",
            Self::NumericNotFound => "Not found.",
        }
    }
    /// The documented HTTP status.
    pub const fn status(self) -> u16 {
        match self {
            Self::NoSuchThing => 404u16,
            Self::ThingBusy => 503u16,
            Self::NumericNotFound => 404u16,
        }
    }
    /// The documented description.
    pub const fn description(self) -> &'static str {
        match self {
            Self::NoSuchThing => "Create the <thing> first.",
            Self::ThingBusy => "Another operation is running.",
            Self::NumericNotFound => "A numeric code.",
        }
    }
    /// The Chinese description, where the docs have one.
    pub const fn description_zh(self) -> ::core::option::Option<&'static str> {
        match self {
            Self::NoSuchThing => ::core::option::Option::Some("资源不存在"),
            Self::ThingBusy => ::core::option::Option::None,
            Self::NumericNotFound => ::core::option::Option::None,
        }
    }
    /// Whether and how a request that failed with this code may be retried.
    pub fn retry_class(self) -> ::bce_errors::RetryClass {
        match self {
            Self::NoSuchThing => {
                ::bce_errors::classify(
                    404u16,
                    ::core::option::Option::Some("NoSuchThing"),
                )
            }
            Self::ThingBusy => ::bce_errors::RetryClass::Never,
            Self::NumericNotFound => {
                ::bce_errors::classify(404u16, ::core::option::Option::Some("404"))
            }
        }
    }
    /// True when retrying (after a backoff, or after re-signing) can succeed.
    pub fn is_retryable(self) -> bool {
        self.retry_class().is_retryable()
    }
    /// The variant for a wire code; `None` for a code this spec does not document.
    pub fn from_code(code: &str) -> ::core::option::Option<Self> {
        let b = code.as_bytes();
        if b.len() < 3usize || b.len() > 11usize {
            return ::core::option::Option::None;
        }
        let key = (b.len() as u64);
        const SLOTS: [u8; 8usize] = [2, 1, 3, 0, 0, 0, 0, 0];
        let i = match SLOTS[(key.wrapping_mul(1961750202426094747u64) >> 61u32) as usize]
        {
            0 => return ::core::option::Option::None,
            slot => slot as usize - 1,
        };
        if Self::__CODES[i].as_bytes() == b {
            ::core::option::Option::Some(Self::ALL[i])
        } else {
            ::core::option::Option::None
        }
    }
    #[doc(hidden)]
    pub const fn __index(self) -> usize {
        match self {
            Self::NoSuchThing => 0usize,
            Self::ThingBusy => 1usize,
            Self::NumericNotFound => 2usize,
        }
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
impl ::std::error::Error for DemoError {}
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
        match self {
            Self::NoSuchThing => ::core::stringify!(NoSuchThing),
            Self::ThingBusy => ::core::stringify!(ThingBusy),
            Self::NumericNotFound => ::core::stringify!(NumericNotFound),
        }
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
