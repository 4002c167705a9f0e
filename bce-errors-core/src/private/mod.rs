//! Support for generated code. Not public API: may change in any release.
//!
//! A generated enum is its declaration and one call of [`code_enum!`](crate::__code_enum)
//! holding its rows as literals; that macro writes the enum's API, the same for every
//! enum, over these functions, in stages: the rows' [`Parts`] (`parts.rs`), laid out by
//! [`layout`]; the [`Table`] the methods read (`table.rs`), the parts'
//! arrays with the statuses and retry classes; `from_code`'s [`Index`] (`index.rs`),
//! the only computed part, built by rustc at compile time from the parts and a seed the
//! generator chose; and `From<GlobalError>`'s map (`map.rs`).
//!
//! The functions only rustc's interpreter runs (building the parts, tables, indexes
//! and maps) are `#[inline]` where they are not generic: rustc then compiles one to
//! machine code only in a crate that calls it at run time, which none does, instead of
//! compiling each in this crate for nothing.

#[cfg(feature = "serde")]
pub use serde;

pub use crate::__code_enum as code_enum;

mod index;
mod map;
mod parts;
mod table;
#[cfg(test)]
mod tests;

pub use index::{Index, home, key, narrow_slots};
pub use map::map_codes;
pub use parts::{CodeKey, FIELDS, Layout, MAX_ROWS, OWN, Parts, layout, own_rows, places};
pub use table::{Table, text_array};

/// The names a generated enum defines on itself (associated items of its inherent
/// `impl`): a variant may not take one. `code_enum!` defines exactly these; a test
/// reads the macro and fails when the two disagree.
pub const API: &[&str] = &[
    "SERVICE",
    "ALL",
    "row",
    "index",
    "code",
    "variant_name",
    "message",
    "status",
    "description",
    "description_zh",
    "retry_class",
    "is_retryable",
    "from_code",
];

/// Serializes a code as it goes on the wire: a numeric code (`110`) as a number, any
/// other as a string.
#[cfg(feature = "serde")]
pub fn serialize_code<S: serde::Serializer>(code: &str, serializer: S) -> Result<S::Ok, S::Error> {
    match crate::numeric::numeric_code(code) {
        Some(n) => serializer.serialize_i64(n),
        None => serializer.serialize_str(code),
    }
}

/// Deserializes a code enum from its wire code: a string, or a number (`110`).
#[cfg(feature = "serde")]
pub fn deserialize_code<'de, D, E>(deserializer: D) -> Result<E, D::Error>
where
    D: serde::Deserializer<'de>,
    E: crate::ServiceError,
{
    struct CodeVisitor<E>(core::marker::PhantomData<E>);
    impl<E: crate::ServiceError> serde::de::Visitor<'_> for CodeVisitor<E> {
        type Value = E;
        fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            write!(f, "a documented {} error code", E::SERVICE)
        }
        fn visit_str<Err: serde::de::Error>(self, code: &str) -> Result<E, Err> {
            E::from_code(code)
                .ok_or_else(|| Err::invalid_value(serde::de::Unexpected::Str(code), &self))
        }
        fn visit_i64<Err: serde::de::Error>(self, code: i64) -> Result<E, Err> {
            self.visit_str(&code.to_string())
        }
        fn visit_u64<Err: serde::de::Error>(self, code: u64) -> Result<E, Err> {
            self.visit_str(&code.to_string())
        }
    }
    deserializer.deserialize_any(CodeVisitor(core::marker::PhantomData))
}

/// Feature-dependent impls for a generated enum. Defined here, so the features that
/// count are this crate's, and generated code needs no `cfg` of its own; `$crate` is
/// this crate whatever the user renamed the runtime to.
#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __glue {
    ($name:ident) => {
        #[automatically_derived]
        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: $crate::__private::serde::Serializer,
            {
                $crate::__private::serialize_code(self.code(), serializer)
            }
        }

        #[automatically_derived]
        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: $crate::__private::serde::Deserializer<'de>,
            {
                $crate::__private::deserialize_code(deserializer)
            }
        }
    };
}

/// Feature-dependent impls for a generated enum (none without the `serde` feature).
#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __glue {
    ($name:ident) => {};
}
