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
impl DemoError {
    /// The service, as its docs page names it.
    pub const SERVICE: &'static str = "Demo";
    /// Every code of the service, in the order of its spec.
    /// (A `static`: one copy in the binary; and rustc checks a static's array in about
    /// half the time of a constant's, which counts for specs of thousands of codes.)
    pub const ALL: &'static [Self] = {
        static ALL: [DemoError; 4] = [
            DemoError::NoSuchThing,
            DemoError::ThingBusy,
            DemoError::NumericNotFound,
            DemoError::E110,
        ];
        &ALL
    };
    /// Every text of the enum, once: a reference to a `static` (so the binary holds it
    /// once, whichever crates read it) that is a constant address (so `from_code` reads
    /// codes with no load before the compare).
    #[doc(hidden)]
    pub const __TEXT: &'static [u8] = {
        static TEXT: [u8; 231] = *b"NoSuchThingthing.Busy404110ThingBusyNumericNotFoundE110The thing {id} is not found: ${thing}.Busy.Not found.Access token invalid or no longer validCreate the <thing> first.Another operation is running.A numeric code.\xE8\xB5\x84\xE6\xBA\x90\xE4\xB8\x8D\xE5\xAD\x98\xE5\x9C\xA8";
        &TEXT
    };
    /// The documented text of every code, read by the methods below; entry `i` is the
    /// variant whose value (`self as usize`) is `i`: variants are declared in this order.
    #[doc(hidden)]
    pub const __TABLE: &'static ::bce_errors::__private::Table = {
        static TABLE: ::bce_errors::__private::Table = ::bce_errors::__private::Table {
            text: match ::core::str::from_utf8(DemoError::__TEXT) {
                ::core::result::Result::Ok(text) => text,
                ::core::result::Result::Err(_) => ::core::panic!("spec text is UTF-8"),
            },
            spans: ::bce_errors::__private::Spans::Narrow(
                b"\0\0\x0B\0\0\0\x0B\x007\0&\0\x93\0\x19\0\xD8\0\x0F\0\x0B\0\n\0\x1B\0\t\0]\0\x05\0\xAC\0\x1D\0\0\0\0\0\x15\0\x03\0$\0\x0F\0b\0\n\0\xC9\0\x0F\0\0\0\0\0\x18\0\x03\x003\0\x04\0l\0'\0\0\0\0\0\0\0\0\0",
            ),
            statuses: b"\x94\x01\xF7\x01\x94\x01\0\0",
            retries: &[(1, ::bce_errors::RetryClass::Never)],
        };
        &TABLE
    };
    /// The code as the server sends it.
    #[inline]
    pub fn code(self) -> &'static str {
        Self::__TABLE.code(self as usize)
    }
    /// The documented message.
    #[inline]
    pub fn message(self) -> &'static str {
        Self::__TABLE.message(self as usize)
    }
    /// The documented HTTP status; `None` where the docs give none (the AI platform
    /// reports errors in the body, often with HTTP 200).
    #[inline]
    pub fn status(self) -> ::core::option::Option<u16> {
        Self::__TABLE.status(self as usize)
    }
    /// The documented description; `None` where the table has none.
    #[inline]
    pub fn description(self) -> ::core::option::Option<&'static str> {
        Self::__TABLE.description(self as usize)
    }
    /// The Chinese description, where the docs have one.
    #[inline]
    pub fn description_zh(self) -> ::core::option::Option<&'static str> {
        Self::__TABLE.description_zh(self as usize)
    }
    /// The Rust variant's name.
    #[inline]
    pub fn variant_name(self) -> &'static str {
        Self::__TABLE.variant(self as usize)
    }
    /// Whether and how a request that failed with this code may be retried: the
    /// spec's `retry` where it has one, else the runtime's defaults by status and code.
    #[inline]
    pub fn retry_class(self) -> ::bce_errors::RetryClass {
        Self::__TABLE.retry_class(self as usize)
    }
    /// True when retrying (after a backoff, or after re-signing) can succeed.
    #[inline]
    pub fn is_retryable(self) -> bool {
        self.retry_class().is_retryable()
    }
    /// The variant for a wire code (a numeric code as its digits, `"110"`); `None` for
    /// a code this spec does not document.
    #[inline]
    pub fn from_code(code: &str) -> ::core::option::Option<Self> {
        static SLOTS: [u8; 16] = *b"\x18\0\x03\x03\x15\0\x03\x02\x0B\0\n\x01\0\0\x0B\0";
        let b = code.as_bytes();
        if b.len() < 3 {
            return ::core::option::Option::None;
        }
        let key = (b.len() as u64) | ((b[b.len() - 1] as u64) << 8);
        let slot = ::bce_errors::__private::le::<
            4,
        >(&SLOTS, (key.wrapping_mul(17909611376780542445) >> 62) as usize);
        let start = slot as u16 as usize;
        let len = (slot >> 16) as u8 as usize;
        match Self::__TEXT.get(start..start + len) {
            ::core::option::Option::Some(
                known,
            ) if ::bce_errors::__private::same_code(known, b) => {
                ::core::option::Option::Some(Self::ALL[(slot >> 24) as usize])
            }
            _ => ::core::option::Option::None,
        }
    }
    /// The position of this code in `ALL`.
    #[doc(hidden)]
    #[inline]
    pub const fn __index(self) -> usize {
        self as usize
    }
}
#[automatically_derived]
impl ::core::fmt::Debug for DemoError {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        f.write_str(self.variant_name())
    }
}
#[automatically_derived]
impl ::core::fmt::Display for DemoError {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        Self::__TABLE.display(*self as usize, f)
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
        DemoError::variant_name(*self)
    }
    fn message(&self) -> &'static str {
        DemoError::message(*self)
    }
    fn status(&self) -> ::core::option::Option<u16> {
        DemoError::status(*self)
    }
    fn description(&self) -> ::core::option::Option<&'static str> {
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
