//! Support for generated code. Not public API: may change in any release.
//!
//! A generated enum is its declaration and one call of [`code_enum!`](crate::__code_enum)
//! holding its rows as literals; that macro writes the enum's API, the same for every
//! enum, over these functions. The only computed part, `from_code`'s table, is built
//! here by rustc at compile time from the rows and a seed the generator chose.

#[cfg(feature = "serde")]
pub use serde;

pub use crate::__code_enum as code_enum;
use crate::{RetryClass, Row};

/// The names a generated enum defines on itself (associated items of its inherent
/// `impl`): a variant may not take one. `code_enum!` defines exactly these; a test
/// reads the macro and fails when the two disagree.
pub const API: &[&str] = &[
    "SERVICE",
    "ALL",
    "ROWS",
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

/// The spec's retry class of a row: none, or the one class written.
pub const fn retry(classes: &[RetryClass]) -> Option<RetryClass> {
    match classes {
        [class] => Some(*class),
        _ => None,
    }
}

/// Eight bytes of `b` from `at`, little-endian (0 where `b` is shorter): one load.
#[inline(always)]
const fn word8(b: &[u8], at: usize) -> u64 {
    match b.split_at_checked(at) {
        Some((_, rest)) => match rest.first_chunk::<8>() {
            Some(word) => u64::from_le_bytes(*word),
            None => 0,
        },
        None => 0,
    }
}

/// Four bytes of `b` from `at`, little-endian (0 where `b` is shorter).
#[inline(always)]
const fn word4(b: &[u8], at: usize) -> u64 {
    match b.split_at_checked(at) {
        Some((_, rest)) => match rest.first_chunk::<4>() {
            Some(word) => u32::from_le_bytes(*word) as u64,
            None => 0,
        },
        None => 0,
    }
}

/// The lookup key of a code: its length and its first eight bytes and eight bytes at
/// its end mixed (four and four, or three bytes, for shorter codes). The end word
/// stops `SKIP` bytes short of the end: for specs whose codes share a prefix and a
/// suffix (`PrivateIpBlankException`, `PrivateIpInUseException`: skip `Exception`), the
/// generator picks the skip that tells them apart. Two codes with one key still work:
/// the table probes on, and every hit is confirmed by comparing the whole code.
#[inline(always)]
pub const fn key<const SKIP: usize>(b: &[u8]) -> u64 {
    let n = b.len();
    let (head, tail) = if n >= 8 {
        (word8(b, 0), word8(b, n.saturating_sub(8 + SKIP)))
    } else if n >= 4 {
        (word4(b, 0), word4(b, n - 4))
    } else if n > 0 {
        (b[0] as u64 | (b[n / 2] as u64) << 8, b[n - 1] as u64)
    } else {
        (0, 0)
    };
    head ^ tail.rotate_left(29) ^ n as u64
}

/// The first slot to probe for `key` in a table of `len` slots (a power of two):
/// Fibonacci hashing, the multiply's high bits.
#[inline(always)]
pub const fn home(key: u64, seed: u64, len: usize) -> usize {
    if len <= 1 {
        return 0;
    }
    (key.wrapping_mul(seed) >> (64 - len.trailing_zeros())) as usize
}

/// `from_code`'s index, built by rustc at compile time from the rows and the seed the
/// generator chose: `N` slots (a power of two, more than the rows), each empty or
/// holding a code and its row's index, placed by linear probing from [`home`]; and the
/// longest probe any code needs (1 when every code sits in its home slot, as the
/// generator's seed makes it for real specs). A slot holds the code itself, so a hit
/// reads the slot and compares, with no row read in between.
#[derive(Debug)]
pub struct Index<const N: usize, const SKIP: usize> {
    seed: u64,
    slots: [Option<(&'static str, u16)>; N],
    probes: usize,
}

impl<const N: usize, const SKIP: usize> Index<N, SKIP> {
    /// The index of `rows` hashed with `seed`.
    pub const fn build(rows: &'static [Row], seed: u64) -> Self {
        assert!(
            N.is_power_of_two() && N > rows.len() && rows.len() <= u16::MAX as usize,
            "a code table has a power-of-two size larger than its rows"
        );
        let mut index = Index {
            seed,
            slots: [None; N],
            probes: 1,
        };
        let mut i = 0;
        while i < rows.len() {
            let code = rows[i].code;
            let mut at = home(key::<SKIP>(code.as_bytes()), seed, N);
            let mut probes = 1;
            while index.slots[at].is_some() {
                at = (at + 1) & (N - 1);
                probes += 1;
            }
            index.slots[at] = Some((code, i as u16));
            if probes > index.probes {
                index.probes = probes;
            }
            i += 1;
        }
        index
    }

    /// The index of the row whose code is `code`.
    #[inline(always)]
    pub fn find(&self, code: &str) -> Option<usize> {
        let b = code.as_bytes();
        let home = home(key::<SKIP>(b), self.seed, N);
        for at in home..home + self.probes {
            let (known, row) = self.slots[at & (N - 1)]?;
            if same_code(known.as_bytes(), b) {
                return Some(row as usize);
            }
        }
        None
    }
}

/// For each row of `from`, the index of the row of `to` with the same code. When `to`
/// lacks some, a compile error that says which, and where the spec includes the
/// global table (`at`, `file:line:col`): `From<GlobalError>` maps by this table.
pub const fn map_codes<const N: usize>(from: &[Row], to: &[Row], at: &str) -> [u16; N] {
    assert!(N == from.len(), "one entry a row");
    let mut map = [0u16; N];
    let mut missing = Message::new();
    let mut lacking = 0;
    let mut i = 0;
    while i < N {
        let mut j = 0;
        while j < to.len() && !same_str(from[i].code, to[j].code) {
            j += 1;
        }
        if j == to.len() {
            missing.push(if lacking == 0 { " `" } else { ", `" });
            missing.push(from[i].code);
            missing.push("`");
            lacking += 1;
        } else {
            map[i] = j as u16;
        }
        i += 1;
    }
    if lacking > 0 {
        let mut message = Message::new();
        message.push(at);
        message.push(": this spec includes a `global = true` table that lacks codes of the bundled GlobalError:");
        message.push(missing.as_str());
        message.push(". Help: enums that include the global table convert from bce_errors::services::GlobalError, so it needs every global code: include the bundled specs/global.toml (or a copy with every code)");
        panic!("{}", message.as_str());
    }
    map
}

/// A message built at compile time (cut at its capacity).
struct Message {
    bytes: [u8; 2048],
    len: usize,
}

impl Message {
    const fn new() -> Self {
        Message {
            bytes: [0; 2048],
            len: 0,
        }
    }

    const fn push(&mut self, text: &str) {
        let text = text.as_bytes();
        let mut i = 0;
        while i < text.len() && self.len < self.bytes.len() {
            self.bytes[self.len] = text[i];
            self.len += 1;
            i += 1;
        }
    }

    const fn as_str(&self) -> &str {
        match core::str::from_utf8(self.bytes.split_at(self.len).0) {
            Ok(text) => text,
            Err(_) => "(message cut inside a character)",
        }
    }
}

const fn same_str(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
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
pub fn same_code(code: &[u8], input: &[u8]) -> bool {
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

/// Serializes a code as it goes on the wire: a numeric code (`110`) as a number, any
/// other as a string.
#[cfg(feature = "serde")]
pub fn serialize_code<S: serde::Serializer>(code: &str, serializer: S) -> Result<S::Ok, S::Error> {
    match crate::response::numeric_code(code) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_code_at_every_length_and_difference() {
        for n in 0..80 {
            let code: Vec<u8> = (0..n).map(|i| b'a' + (i % 26) as u8).collect();
            assert!(same_code(&code, &code));
            for i in 0..n {
                let mut other = code.clone();
                other[i] = b'Z';
                assert!(!same_code(&code, &other), "{n} {i}");
            }
            let mut longer = code.clone();
            longer.push(b'x');
            assert!(!same_code(&code, &longer));
        }
    }

    fn row(code: &'static str) -> Row {
        Row {
            code,
            variant: code,
            status: None,
            message: "",
            description: None,
            description_zh: None,
            retry: None,
        }
    }

    #[test]
    fn every_code_is_found_at_any_seed_and_every_other_code_is_not() {
        let codes: Vec<&'static str> = (0..200)
            .map(|i| &*format!("Code{}x{}{i}", i % 7, "y".repeat(i % 23)).leak())
            .chain(["", "a", "ab", "abc", "abcd", "abcdefgh", "110", "282000"])
            .collect();
        let rows: &'static [Row] = codes.iter().map(|c| row(c)).collect::<Vec<_>>().leak();
        for seed in [1, 3, 0x9E37_79B9_7F4A_7C15, u64::MAX] {
            let index = Index::<512, 9>::build(rows, seed);
            for (i, code) in codes.iter().enumerate() {
                assert_eq!(index.find(code), Some(i), "{code:?}");
            }
            for miss in [
                "Code0",
                "abcdefgi",
                "ab ",
                "2820000",
                "Code1x\u{0}",
                "Code0x0 ",
            ] {
                assert_eq!(index.find(miss), None, "{miss:?}");
            }
        }
    }

    #[test]
    fn a_table_without_rows_finds_nothing() {
        let index = Index::<1, 0>::build(&[], 7);
        assert_eq!((index.find(""), index.find("x")), (None, None));
    }

    #[test]
    fn a_perfect_seed_needs_one_probe_and_any_seed_works() {
        let rows: &'static [Row] = vec![row("a"), row("b"), row("c")].leak();
        let probes =
            |i: u64| Index::<4, 0>::build(rows, i.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1).probes;
        assert!((1..100).any(|i| probes(i) == 1));
        assert!((1..100).all(|i| probes(i) <= 3));
    }

    #[test]
    fn codes_map_by_code_whatever_the_order() {
        let from = [row("b"), row("a")];
        let to = [row("a"), row("c"), row("b")];
        assert_eq!(map_codes::<2>(&from, &to, "x.toml:1:1"), [2, 0]);
        assert_eq!(retry(&[]), None);
        assert_eq!(retry(&[RetryClass::Never]), Some(RetryClass::Never));
    }

    #[test]
    fn the_api_list_is_what_code_enum_defines() {
        let source = include_str!("code_enum.rs");
        let mut defined: Vec<&str> = source
            .lines()
            .filter_map(|line| {
                let line = line.trim_start();
                let rest = line
                    .strip_prefix("pub const fn ")
                    .or_else(|| line.strip_prefix("pub fn "))
                    .or_else(|| line.strip_prefix("pub const "))?;
                rest.split(|c: char| !c.is_alphanumeric() && c != '_')
                    .next()
            })
            .collect();
        let mut api = API.to_vec();
        defined.sort_unstable();
        api.sort_unstable();
        assert_eq!(defined, api, "API and code_enum! disagree");
    }
}
