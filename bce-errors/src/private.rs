//! Support for generated code. Not public API: may change in any release.

#[cfg(feature = "serde")]
pub use serde;

/// Do two code lists match, item by item? `const`, so generated code can check at
/// compile time that a copied global.toml agrees with the bundled `GlobalError`.
pub const fn same_codes(a: &[&str], b: &[&str]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        let (x, y) = (a[i].as_bytes(), b[i].as_bytes());
        if x.len() != y.len() {
            return false;
        }
        let mut j = 0;
        while j < x.len() {
            if x[j] != y[j] {
                return false;
            }
            j += 1;
        }
        i += 1;
    }
    true
}

/// Deserializes a code enum from its wire string.
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
    }
    deserializer.deserialize_str(CodeVisitor(core::marker::PhantomData))
}

/// Feature-dependent impls for a generated enum. Defined here, so the features that
/// count are this crate's, and generated code needs no `cfg` of its own.
#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __glue {
    ($name:ident) => {
        #[automatically_derived]
        impl ::bce_errors::__private::serde::Serialize for $name {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: ::bce_errors::__private::serde::Serializer,
            {
                serializer.serialize_str(self.code())
            }
        }

        #[automatically_derived]
        impl<'de> ::bce_errors::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: ::bce_errors::__private::serde::Deserializer<'de>,
            {
                ::bce_errors::__private::deserialize_code(deserializer)
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
