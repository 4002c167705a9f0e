//! Support for generated code. Not public API: may change in any release.

#[cfg(feature = "serde")]
pub use serde;

/// `a == b`, usable in `const` (generated `From<GlobalError>` tables are built at
/// compile time).
pub const fn same_str(a: &str, b: &str) -> bool {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    if x.len() != y.len() {
        return false;
    }
    let mut i = 0;
    while i < x.len() {
        if x[i] != y[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// `code == input`, inlined into `from_code`: from 8 to 16 bytes the first and last
/// eight, up to 32 the first and last sixteen, then sixteen bytes a round; no loop and
/// no call to `memcmp` for codes of 8 to 32 bytes (shorter ones use slice `==`).
#[inline(always)]
pub fn same_code(code: &str, input: &[u8]) -> bool {
    let code = code.as_bytes();
    if code.len() != input.len() {
        return false;
    }
    let word = |s: &[u8], at: usize| -> u64 {
        let mut w = [0u8; 8];
        w.copy_from_slice(&s[at..at + 8]);
        u64::from_ne_bytes(w)
    };
    let n = code.len();
    if n < 8 {
        return code == input;
    }
    if n <= 16 {
        // The first and the last eight bytes (overlapping when shorter than sixteen).
        return word(code, 0) == word(input, 0) && word(code, n - 8) == word(input, n - 8);
    }
    let pair = |s: &[u8]| -> u128 {
        let mut w = [0u8; 16];
        w.copy_from_slice(&s[..16]);
        u128::from_ne_bytes(w)
    };
    let tail = n - 16;
    if n <= 32 {
        // The first and the last sixteen bytes.
        return pair(code) == pair(input) && pair(&code[tail..]) == pair(&input[tail..]);
    }
    // Sixteen bytes a round, then the last sixteen (overlapping the last round).
    for (x, y) in code.chunks_exact(16).zip(input.chunks_exact(16)) {
        if pair(x) != pair(y) {
            return false;
        }
    }
    pair(&code[tail..]) == pair(&input[tail..])
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_code_at_every_length_and_difference() {
        for n in 0..80 {
            let code: String = (0..n).map(|i| (b'a' + (i % 26) as u8) as char).collect();
            assert!(same_code(&code, code.as_bytes()));
            for i in 0..n {
                let mut other = code.clone().into_bytes();
                other[i] = b'Z';
                assert!(!same_code(&code, &other), "{n} {i}");
            }
            assert!(!same_code(&code, format!("{code}x").as_bytes()));
        }
    }

    #[test]
    fn const_string_equality() {
        const { assert!(same_str("NoSuchNat", "NoSuchNat")) };
        assert!(!same_str("NoSuchNat", "NoSuchNaT"));
        assert!(!same_str("a", "ab"));
    }
}
