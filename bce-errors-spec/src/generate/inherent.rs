//! The enum's inherent items: `SERVICE`, `ALL`, the table of documented text every
//! method reads, and the methods.

use bce_errors_core::RetryClass;

use crate::model::Spec;
use crate::tokens::{le_bytes_lit, lit};

use super::text_pool::FIELDS;
use super::{PoolText, lookup};

/// `impl Name { … }`. `rt` is the runtime's path (`::bce_errors`); `text` the string the
/// table's texts are in.
pub(super) fn code(spec: &Spec, name: &str, rt: &str, text: &PoolText<'_>) -> String {
    let service = lit(&spec.service.name);
    let all = join(spec.rows.iter().map(|r| format!("{name}::{}", r.variant)));
    let count = spec.rows.len();
    let table = table(spec, name, rt, text);
    let from_code = lookup::from_code(spec, text.pool, rt);
    let text = &text.expr;
    format!(
        r#"
impl {name} {{
    /// The service, as its docs page names it.
    pub const SERVICE: &'static str = {service};
    /// Every code of the service, in the order of its spec.
    /// (A `static`: one copy in the binary; and rustc checks a static's array in about
    /// half the time of a constant's, which counts for specs of thousands of codes.)
    pub const ALL: &'static [Self] = {{
        static ALL: [{name}; {count}] = [{all}];
        &ALL
    }};
    /// Every text of the enum, once: a reference to a `static` (so the binary holds it
    /// once, whichever crates read it) that is a constant address (so `from_code` reads
    /// codes with no load before the compare).
    #[doc(hidden)]
    pub const __TEXT: &'static [u8] = {text};
    /// The documented text of every code, read by the methods below; entry `i` is the
    /// variant whose value (`self as usize`) is `i`: variants are declared in this order.
    #[doc(hidden)]
    pub const __TABLE: &'static {rt}::__private::Table = {{
        static TABLE: {rt}::__private::Table = {table};
        &TABLE
    }};

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

/// `__private::Table { … }`: the pool's text, then `Table::FIELDS` spans a row into it
/// (16-bit starts and lengths when the text is short enough, else 32-bit) and the
/// statuses, as byte strings. An absent description is empty.
fn table(spec: &Spec, name: &str, rt: &str, text: &PoolText<'_>) -> String {
    let statuses = le_bytes_lit(
        spec.rows.iter().map(|r| u64::from(r.status.unwrap_or(0))),
        2,
    );
    let retries = join(spec.rows.iter().enumerate().filter_map(|(i, r)| {
        Some(format!(
            "({i}, {rt}::RetryClass::{})",
            retry_variant(r.retry?)
        ))
    }));
    let spans = spec.rows.iter().flat_map(|row| {
        FIELDS.iter().flat_map(|get| {
            let [start, len] = text
                .pool
                .span(get(row).unwrap_or_default())
                .unwrap_or_default();
            [u64::from(start), u64::from(len)]
        })
    });
    let (width, bytes) = if text.pool.is_narrow() {
        ("Narrow", 2)
    } else {
        ("Wide", 4)
    };
    format!(
        "{rt}::__private::Table {{
            text: match ::core::str::from_utf8({name}::__TEXT) {{
                ::core::result::Result::Ok(text) => text,
                ::core::result::Result::Err(_) => ::core::panic!(\"spec text is UTF-8\"),
            }},
            spans: {rt}::__private::Spans::{width}({spans}),
            statuses: {statuses},
            retries: &[{retries}],
        }}",
        spans = le_bytes_lit(spans, bytes),
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
