//! The runtime half of the table layout before the redesign (commit 0a735ea), verbatim:
//! spans into one shared text, statuses as bytes.
#![allow(dead_code, missing_docs)]

use core::fmt;

use bce_errors::RetryClass;

/// Stand-in for the old private escaper: the benchmark never formats.
struct Escaped<'a>(&'a str);
impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// Where each text of each entry is in the `text` of a [`Table`]: `FIELDS` spans an entry (code,
/// variant name, message, description, Chinese description), each a start and a length,
/// little-endian. An absent text is empty. Bytes rather than a `&str` a text (a pointer
/// costs a relocation, 24 bytes, in a position-independent binary) and rather than an
/// array of integers (rustc type-checks each element of an array literal: a byte string
/// is one token, whatever the spec's size).
#[derive(Debug, Clone, Copy)]
pub enum Spans {
    /// For a text under 64 KiB: a `u16` start and a `u16` length.
    Narrow(&'static [u8]),
    /// For a larger text: a `u32` start and a `u32` length.
    Wide(&'static [u8]),
}

/// Entry `i` of `bytes` read as `W` bytes little-endian (`W` ≤ 8); 0 past the end.
#[inline(always)]
pub fn le<const W: usize>(bytes: &[u8], i: usize) -> u64 {
    let mut word = [0u8; 8];
    if let Some(entry) = bytes.get(i * W..i * W + W) {
        word[..W].copy_from_slice(entry);
    }
    u64::from_le_bytes(word)
}

/// What a generated enum documents about each of its codes, entry `i` for the variant
/// whose value is `i`. The generated methods read it; the logic lives here, compiled
/// once, not once per enum.
#[derive(Debug, Clone, Copy)]
pub struct Table {
    /// Every distinct text, once: the enum's own, or shared by every bundled enum (the
    /// docs pages repeat the common errors word for word).
    pub text: &'static str,
    /// Where entry `i`'s texts are in `text`.
    pub spans: Spans,
    /// The documented statuses, `u16` little-endian; 0 where the docs give none.
    pub statuses: &'static [u8],
    /// The spec's `retry` classes, for the rows that have one, by entry.
    pub retries: &'static [(u32, RetryClass)],
}

/// The texts of an entry, in the order of its spans.
const CODE: usize = 0;
const VARIANT: usize = 1;
const MESSAGE: usize = 2;
const DESCRIPTION: usize = 3;
const DESCRIPTION_ZH: usize = 4;

impl Table {
    /// How many spans an entry has.
    pub const FIELDS: usize = 5;

    /// Text `field` of entry `i` ("" past the end).
    #[inline]
    fn text(&self, i: usize, field: usize) -> &'static str {
        let at = 2 * (i * Self::FIELDS + field);
        let (start, len) = match self.spans {
            Spans::Narrow(spans) => (le::<2>(spans, at), le::<2>(spans, at + 1)),
            Spans::Wide(spans) => (le::<4>(spans, at), le::<4>(spans, at + 1)),
        };
        let (start, len) = (start as usize, len as usize);
        self.text.get(start..start + len).unwrap_or_default()
    }

    /// Text `field` of entry `i`, `None` when empty (a row without that field).
    fn nonempty(&self, i: usize, field: usize) -> Option<&'static str> {
        Some(self.text(i, field)).filter(|t| !t.is_empty())
    }

    /// The code of entry `i`.
    #[inline]
    pub fn code(&self, i: usize) -> &'static str {
        self.text(i, CODE)
    }

    /// The variant name of entry `i`.
    pub fn variant(&self, i: usize) -> &'static str {
        self.text(i, VARIANT)
    }

    /// The message of entry `i`.
    pub fn message(&self, i: usize) -> &'static str {
        self.text(i, MESSAGE)
    }

    /// The description of entry `i`.
    pub fn description(&self, i: usize) -> Option<&'static str> {
        self.nonempty(i, DESCRIPTION)
    }

    /// The Chinese description of entry `i`.
    pub fn description_zh(&self, i: usize) -> Option<&'static str> {
        self.nonempty(i, DESCRIPTION_ZH)
    }

    /// The status of entry `i`.
    #[inline]
    pub fn status(&self, i: usize) -> Option<u16> {
        Some(le::<2>(self.statuses, i) as u16).filter(|&s| s != 0)
    }

    /// The retry class of entry `i`: the spec's, else the defaults by code and status.
    pub fn retry_class(&self, i: usize) -> RetryClass {
        match self.retries.iter().find(|(at, _)| *at as usize == i) {
            Some((_, class)) => *class,
            None => bce_errors::classify(self.status(i).unwrap_or(200), Some(self.code(i))),
        }
    }

    /// `Display` of entry `i`: `Code (status): message`, or `Code: message` without a
    /// documented status. Spec text is trusted, but escaped all the same.
    pub fn display(&self, i: usize, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&Escaped(self.code(i)), f)?;
        if let Some(status) = self.status(i) {
            write!(f, " ({status})")?;
        }
        f.write_str(": ")?;
        fmt::Display::fmt(&Escaped(self.message(i)), f)
    }
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

