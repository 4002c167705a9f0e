//! `from_code`'s index: the hash of a code, and the slots rustc fills at compile time
//! from a table's [`Parts`] and the seed the generator chose.
//!
//! What `from_code` runs is `inline(always)` where `bce-errors-core` is built without
//! debug assertions (a release profile), so each enum's lookup folds its index in; with
//! them (a debug profile) only `inline`: nothing is optimized there, and an inlined copy
//! in every enum's `from_code` only made the bundled enums' crate slower to build.

use super::parts::{CodeKey, key_of};
use super::*;

/// The lookup key of a code: its length and its first eight bytes and eight bytes at
/// its end mixed (four and four, or three bytes, for shorter codes). The end word
/// stops `SKIP` bytes short of the end: for specs whose codes share a prefix and a
/// suffix (`PrivateIpBlankException`, `PrivateIpInUseException`: skip `Exception`), the
/// generator picks the skip that tells them apart. Two codes with one key still work:
/// the table probes on, and every hit is confirmed by comparing the whole code.
///
/// The run-time twin of the `key_of` the index is built with (a test holds them
/// equal): its words are loads of the same form as `same_code`'s, so the compiler
/// loads the code's first and last eight bytes once for both.
#[cfg_attr(debug_assertions, inline)]
#[cfg_attr(not(debug_assertions), inline(always))]
pub fn key<const SKIP: usize>(b: &[u8]) -> u64 {
    let n = b.len();
    let (head, tail) = if n >= 8 {
        let end = n.saturating_sub(8 + SKIP);
        (load::<8>(b, 0), load::<8>(b, end))
    } else if n >= 4 {
        (load::<4>(b, 0), load::<4>(b, n - 4))
    } else if n > 0 {
        (b[0] as u64 | (b[n / 2] as u64) << 8, b[n - 1] as u64)
    } else {
        (0, 0)
    };
    head.wrapping_add(tail) ^ n as u64
}

/// `N` (4 or 8) bytes of `b` from `at`, little-endian, as one load (0 where `b` is
/// shorter).
#[cfg_attr(debug_assertions, inline)]
#[cfg_attr(not(debug_assertions), inline(always))]
fn load<const N: usize>(b: &[u8], at: usize) -> u64 {
    let Some(bytes) = b.get(at..).and_then(<[u8]>::first_chunk::<N>) else {
        return 0;
    };
    let mut word = [0u8; 8];
    word[..N].copy_from_slice(bytes);
    u64::from_le_bytes(word)
}

/// The first slot to probe for `key` in a table of `len` slots (a power of two):
/// Fibonacci hashing, the multiply's high bits.
#[cfg_attr(debug_assertions, inline)]
#[cfg_attr(not(debug_assertions), inline(always))]
pub const fn home(key: u64, seed: u64, len: usize) -> usize {
    if len <= 1 {
        return 0;
    }
    (key.wrapping_mul(seed) >> (64 - len.trailing_zeros())) as usize
}

/// `from_code`'s index, built by rustc at compile time from a table's [`Parts`] and the seed
/// the generator chose: `NARROW + WIDE` slots (a power of two, more than the rows; one
/// of the two is 0, see [`narrow_slots`]), each empty or holding where a code is in the
/// table's text, its length and its row, placed by linear probing from [`home`]; and
/// the longest probe any code needs (1 when every code sits in its home slot, as the
/// generator's seed makes it for real specs). A hit reads one slot and compares the
/// code in place, in the table's text, which the caller passes: `code_enum!` passes a
/// constant, its static's address, so the index holds no pointer (and no relocation).
#[derive(Debug, Clone, Copy)]
pub struct Index<const NARROW: usize, const WIDE: usize, const SKIP: usize> {
    seed: u64,
    /// Slots of 4 bytes, where every start, length and row fits: start (16 bits),
    /// length (8), row (8).
    narrow: [u32; NARROW],
    /// Slots of 8 bytes, for any table: start (32 bits), length (16), row (16).
    wide: [u64; WIDE],
    pub(super) probes: usize,
    /// The shortest and longest code: other lengths miss at once (and when every code
    /// has eight bytes or more, the caller's key is one branch, folded).
    shortest: usize,
    longest: usize,
}

/// How many of an index's `slots` slots over `table` are narrow: all of them where
/// every start, length and row fits in a narrow slot (a text under 64 KiB, at most 256
/// rows, codes under 256 bytes: every bundled table), else none. Chosen here, by rustc,
/// not by the generator: generated code names the slots, the seed and the skip only.
#[inline] // Compile time only: see the module docs of `private`.
pub const fn narrow_slots(slots: usize, table: &Parts) -> usize {
    let mut fits = table.text.len() <= u16::MAX as usize && table.rows() <= u8::MAX as usize + 1;
    let mut row = 0;
    while fits && row < table.codes.len() {
        fits = table.codes[row].len <= u8::MAX as u32;
        row += 1;
    }
    if fits { slots } else { 0 }
}

impl<const NARROW: usize, const WIDE: usize, const SKIP: usize> Index<NARROW, WIDE, SKIP> {
    /// How many slots.
    const SLOTS: usize = NARROW + WIDE;

    /// The index of `table`'s codes hashed with `seed`. No code is empty (`layout` reads
    /// an empty one as the variant's name), so a slot of length 0 is an empty slot.
    pub const fn build(table: &'static Parts, seed: u64) -> Self {
        let rows = table.rows();
        assert!(
            Self::SLOTS.is_power_of_two() && Self::SLOTS > rows && rows <= u16::MAX as usize,
            "a code table has a power-of-two size larger than its rows"
        );
        // Which width is `narrow_slots`' choice (`code_enum!` passes it); not checked
        // again here, which would read every code once more: `put` checks that each
        // slot holds what it is given.
        assert!(NARROW == 0 || WIDE == 0, "slots of one width");
        let mut index = Index {
            seed,
            narrow: [0; NARROW],
            wide: [0; WIDE],
            probes: 1,
            shortest: usize::MAX,
            longest: 0,
        };
        assert!(table.skip == SKIP, "the codes' keys at the index's skip");
        let mut row = 0;
        while row < rows {
            let CodeKey { key, start, len } = table.codes[row];
            let len = len as usize;
            row += 1;
            assert!(len <= u16::MAX as usize, "a code under 64 KiB");
            if len < index.shortest {
                index.shortest = len;
            }
            if len > index.longest {
                index.longest = len;
            }
            let mut at = home(key, seed, Self::SLOTS);
            let mut probes = 1;
            while index.slot(at).1 != 0 {
                at = (at + 1) & (Self::SLOTS - 1);
                probes += 1;
            }
            index.put(at, start as usize, len, row - 1);
            if probes > index.probes {
                index.probes = probes;
            }
        }
        index
    }

    /// A copy, at compile time: `code_enum!`'s constant index copies the static one
    /// (built once, in the crate that defines the enum).
    pub const fn copied(&self) -> Self {
        *self
    }

    /// Slot `at`: start, length (0: empty) and row. The width is a constant: the other
    /// branch is gone once compiled.
    #[cfg_attr(debug_assertions, inline)]
    #[cfg_attr(not(debug_assertions), inline(always))]
    const fn slot(&self, at: usize) -> (usize, usize, usize) {
        if WIDE == 0 {
            let slot = self.narrow[at & NARROW.wrapping_sub(1)];
            (
                slot as u16 as usize,
                (slot >> 16) as u8 as usize,
                (slot >> 24) as usize,
            )
        } else {
            let slot = self.wide[at & WIDE.wrapping_sub(1)];
            (
                slot as u32 as usize,
                (slot >> 32) as u16 as usize,
                (slot >> 48) as usize,
            )
        }
    }

    /// Writes slot `at`.
    const fn put(&mut self, at: usize, start: usize, len: usize, row: usize) {
        assert!(
            WIDE != 0 || (start <= u16::MAX as usize && len <= 0xFF && row <= 0xFF),
            "a narrow slot holds this start, length and row"
        );
        if WIDE == 0 {
            self.narrow[at] = start as u32 | (len as u32) << 16 | (row as u32) << 24;
        } else {
            self.wide[at] = start as u64 | (len as u64) << 32 | (row as u64) << 48;
        }
    }

    /// The row whose code is the code of row `row` of `from`, in the table whose text
    /// is `text`, at compile time: [`find`](Self::find)'s probe, with a comparison
    /// rustc can evaluate.
    pub(super) const fn row_of(&self, text: &[u8], from: &Parts, row: usize) -> Option<usize> {
        let code = from.codes[row];
        let key = if from.skip == SKIP {
            code.key
        } else {
            key_of::<SKIP>(from.code(row))
        };
        let home = home(key, self.seed, Self::SLOTS);
        let at = code.start as usize;
        let mut probe = 0;
        while probe < self.probes {
            let (start, len, row) = self.slot(home + probe);
            if len == 0 {
                return None;
            } else if len == code.len as usize && same_at(text, start, from.text, at, len) {
                return Some(row);
            }
            probe += 1;
        }
        None
    }

    /// The row whose code is `code`, in the table whose text is `text`.
    #[cfg_attr(debug_assertions, inline)]
    #[cfg_attr(not(debug_assertions), inline(always))]
    pub fn find(&self, text: &[u8], code: &str) -> Option<usize> {
        let b = code.as_bytes();
        if b.len() < self.shortest || b.len() > self.longest {
            return None;
        }
        let home = home(key::<SKIP>(b), self.seed, Self::SLOTS);
        for at in home..home + self.probes {
            let (start, len, row) = self.slot(at);
            match text.get(start..start + len) {
                Some(known) if same_code(known, b) => return Some(row),
                // An empty slot ends the probe (after the compare, which it fails: a
                // hit takes no test for it, and one probe none at all).
                _ if len == 0 => return None,
                _ => {}
            }
        }
        None
    }
}

/// Whether the `len` bytes of `a` from `at_a` are those of `b` from `at_b`, at compile
/// time (indexed in place: a call a byte would cost rustc's interpreter more than the
/// compare).
#[inline] // Compile time only: see the module docs of `private`.
const fn same_at(a: &[u8], at_a: usize, b: &[u8], at_b: usize, len: usize) -> bool {
    let mut i = 0;
    while i < len {
        if a[at_a + i] != b[at_b + i] {
            return false;
        }
        i += 1;
    }
    true
}

/// `code == input`, inlined into `from_code`: from 8 to 16 bytes the first and last
/// eight, up to 32 the first and last sixteen, then sixteen bytes a round; no loop and
/// no call to `memcmp` for codes of 8 to 32 bytes (shorter ones use slice `==`).
#[cfg_attr(debug_assertions, inline)]
#[cfg_attr(not(debug_assertions), inline(always))]
pub(super) fn same_code(code: &[u8], input: &[u8]) -> bool {
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
