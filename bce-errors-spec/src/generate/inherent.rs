//! The enum's inherent items: `SERVICE`, `ALL`, the table of documented text every
//! method reads, and the methods.

use std::fmt::Write as _;

use bce_errors_core::RetryClass;

use crate::model::{Row, Spec};
use crate::tokens::lit;

use super::lookup;

/// `impl Name { … }`. `rt` is the runtime's path (`::bce_errors`).
pub(super) fn code(spec: &Spec, name: &str, rt: &str) -> String {
    let service = lit(&spec.service.name);
    let all = join(spec.rows.iter().map(|r| format!("Self::{}", r.variant)));
    let table = table(spec, rt);
    let from_code = lookup::from_code(spec, rt);
    format!(
        r#"
impl {name} {{
    /// The service, as its docs page names it.
    pub const SERVICE: &'static str = {service};
    /// Every code of the service, in the order of its spec.
    pub const ALL: &'static [Self] = &[{all}];
    /// The documented text of every code, read by the methods below; entry `i` is the
    /// variant whose value (`self as usize`) is `i`: variants are declared in this order.
    #[doc(hidden)]
    pub const __TABLE: {rt}::__private::Table = {table};

    /// The code as the server sends it.
    #[inline]
    pub fn code(self) -> &'static str {{
        Self::__TABLE.code(self as usize)
    }}
    /// The documented message.
    #[inline]
    pub fn message(self) -> &'static str {{
        Self::__TABLE.message(self as usize)
    }}
    /// The documented HTTP status; `None` where the docs give none (the AI platform
    /// reports errors in the body, often with HTTP 200).
    #[inline]
    pub fn status(self) -> ::core::option::Option<u16> {{
        Self::__TABLE.status(self as usize)
    }}
    /// The documented description; `None` where the table has none.
    #[inline]
    pub fn description(self) -> ::core::option::Option<&'static str> {{
        Self::__TABLE.description(self as usize)
    }}
    /// The Chinese description, where the docs have one.
    #[inline]
    pub fn description_zh(self) -> ::core::option::Option<&'static str> {{
        Self::__TABLE.description_zh(self as usize)
    }}
    /// The Rust variant's name.
    #[inline]
    pub fn variant_name(self) -> &'static str {{
        Self::__TABLE.variant(self as usize)
    }}
    /// Whether and how a request that failed with this code may be retried: the
    /// spec's `retry` where it has one, else the runtime's defaults by status and code.
    #[inline]
    pub fn retry_class(self) -> {rt}::RetryClass {{
        Self::__TABLE.retry_class(self as usize)
    }}
    /// True when retrying (after a backoff, or after re-signing) can succeed.
    #[inline]
    pub fn is_retryable(self) -> bool {{
        self.retry_class().is_retryable()
    }}
    /// The variant for a wire code (a numeric code as its digits, `"110"`); `None` for
    /// a code this spec does not document.
    #[inline]
    pub fn from_code(code: &str) -> ::core::option::Option<Self> {{
        {from_code}
    }}
    /// The position of this code in `ALL`.
    #[doc(hidden)]
    #[inline]
    pub const fn __index(self) -> usize {{
        self as usize
    }}
}}
"#
    )
}

fn join(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().join(", ")
}

/// `__private::Table { … }`: each text field as one string with end offsets, so the
/// binary holds no pointer per code (a pointer costs a relocation, 24 bytes, in a
/// position-independent binary). An absent description is empty (the docs' empty cell).
fn table(spec: &Spec, rt: &str) -> String {
    let texts = |get: &dyn Fn(&Row) -> Option<&str>| texts(spec, rt, get);
    let statuses = join(spec.rows.iter().map(|r| r.status.unwrap_or(0).to_string()));
    let retries = join(spec.rows.iter().enumerate().filter_map(|(i, r)| {
        Some(format!(
            "({i}, {rt}::RetryClass::{})",
            retry_variant(r.retry?)
        ))
    }));
    format!(
        "{rt}::__private::Table {{
            codes: {codes},
            variants: {variants},
            messages: {messages},
            descriptions: {descriptions},
            descriptions_zh: {zh},
            statuses: &[{statuses}],
            retries: &[{retries}],
        }}",
        codes = texts(&|r| Some(&r.code)),
        variants = texts(&|r| Some(&r.variant)),
        messages = texts(&|r| Some(&r.message)),
        descriptions = texts(&|r| r.description.as_deref()),
        zh = texts(&|r| r.description_zh.as_deref()),
    )
}

/// One `Texts { text, ends }`: entry `i` ends at `ends[i]`; an absent one is empty.
fn texts(spec: &Spec, rt: &str, get: &dyn Fn(&Row) -> Option<&str>) -> String {
    let mut text = String::new();
    let mut ends = String::new();
    for row in &spec.rows {
        if !ends.is_empty() {
            ends.push(',');
        }
        text.push_str(get(row).unwrap_or_default());
        let _ = write!(ends, "{}", text.len());
    }
    format!(
        "{rt}::__private::Texts {{ text: {}, ends: &[{ends}] }}",
        lit(&text)
    )
}

/// The `RetryClass` variant a spec's `retry` names.
fn retry_variant(class: RetryClass) -> &'static str {
    match class {
        RetryClass::Transient => "Transient",
        RetryClass::Throttling => "Throttling",
        RetryClass::ClockSkew => "ClockSkew",
        _ => "Never",
    }
}
