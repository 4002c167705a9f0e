//! The `from_code` lookup: a perfect hash built at expansion time.
//!
//! [`from_code`] writes the body of the generated `from_code`: the perfect hash below,
//! or a plain `match` for a set it cannot place (never seen for real specs).
//!
//! The code's length, its first eight bytes and eight bytes at its end (two word loads;
//! a suffix every code shares, like `Exception`, can be skipped) are folded into one
//! 64-bit key; sets told apart by the length and at most one byte pack those instead,
//! and sets the two words do not tell apart pack the length with a few single bytes
//! chosen per spec. For specs up to about a hundred codes one multiply by a
//! searched constant sends each key to its own slot of a small table; larger specs add a
//! per-bucket displacement to that slot (hash and displace, as in `phf` and PTHash, with
//! the cheapest displacement: an addition). Either way the slot names the only code the
//! input can be, and one string compare confirms it: no allocation, no loop over codes,
//! no division, and most misses end at the compare's length check. The search is
//! deterministic (same spec, same code). Codes alike in too many bytes are hashed whole,
//! and if no table is found — never seen for real specs — the generator falls back to a
//! plain `match`.

use super::TextPool;
use crate::tokens::le_bytes_lit;

/// Multiplier of the mixing steps (the 64-bit golden ratio).
const K: u64 = 0x9E37_79B9_7F4A_7C15;
/// At most this many sampled bytes (they share a `u64` with the length).
const MAX_POSITIONS: usize = 7;
/// Only the first and last this-many bytes are candidates for sampling.
const WINDOW: usize = 16;
/// The largest direct table: beyond it hash-and-displace is used.
const MAX_DIRECT_BITS: u32 = 10;
/// A direct table has at most 2^this slots per code (every slot costs 4 or 8 bytes).
const MAX_SPARSITY_BITS: u32 = 3;
/// Multipliers tried per size of a direct table (a few hundred microseconds at most).
const DIRECT_TRIES: u64 = 4096;
/// A direct table is not tried at a size where a random multiplier would give more
/// collisions than this on average (success then is about `e^-MAX_COLLISIONS` a try).
const MAX_COLLISIONS: usize = 9;
/// Average keys per displacement bucket.
const LAMBDA: usize = 2;
/// Rotations of the tail word tried by the word key, in this order: halves first, then
/// quarters, then the odd bytes, so the first one that works spreads the words most.
const TAIL_ROTATIONS: [u32; 8] = [0, 32, 16, 48, 8, 24, 40, 56];
/// Multipliers tried for a displaced table (each try places every bucket).
const DISPLACED_TRIES: u64 = 64;
/// Displaced tables draw their multipliers from this step of the sequence on, apart from
/// the ones direct tables try (a spec that failed those gets fresh ones).
const DISPLACED_FIRST_STEP: u64 = 1000;
/// Slot and bucket bits come from the top of one 64-bit product; more than this many
/// together (2^48 slots) is no real table.
const MAX_INDEX_BITS: u32 = 48;

/// The body of the generated `from_code(code: &str) -> Option<Self>`.
/// The codes are read from the table's text, where `pool` put them.
pub(super) fn from_code(spec: &crate::Spec, pool: &TextPool, rt: &str) -> String {
    let codes: Vec<&str> = spec.rows.iter().map(|r| r.code.as_str()).collect();
    let starts: Option<Vec<u64>> = codes
        .iter()
        .map(|c| Some(u64::from(pool.span(c)?[0])))
        .collect();
    match (PerfectHash::find(&codes), starts) {
        (Some(hash), Some(starts)) => hash.code(&codes, &starts, rt),
        _ => {
            let arms: String = spec
                .rows
                .iter()
                .map(|r| {
                    format!(
                        "{} => ::core::option::Option::Some(Self::{}),",
                        crate::tokens::lit(&r.code),
                        r.variant
                    )
                })
                .collect();
            format!("match code {{ {arms} _ => ::core::option::Option::None }}")
        }
    }
}

/// A sampled byte: `From(i)` is the i-th byte, `Back(i)` the i-th from the end; each
/// index is clamped into the code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pos {
    From(usize),
    Back(usize),
}

impl Pos {
    fn byte(self, code: &[u8]) -> u8 {
        let last = code.len() - 1;
        match self {
            Pos::From(i) => code[i.min(last)],
            Pos::Back(i) => code[last - i.min(last)],
        }
    }

    fn index(self) -> usize {
        match self {
            Pos::From(i) | Pos::Back(i) => i,
        }
    }
}

/// How a code becomes its 64-bit key.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Key {
    /// Length in the low byte, then one byte per position.
    Packed(Vec<Pos>),
    /// The first eight bytes and the eight bytes ending `skip` bytes before the end, as
    /// two words, for codes told apart by length and those bytes alone:
    /// `len ^ head ^ tail.rotate_left(rot)`. Skipping a shared suffix (`Exception`) lets
    /// the tail word see the bytes that differ; `skip` leaves every code eight bytes for
    /// the tail. A code shorter than eight bytes (only when `skip` is 0) is `len ^` its
    /// bytes, zero-padded.
    Words { skip: usize, rot: u32 },
    /// Every byte mixed in (codes alike in too many places, or very long).
    Mixed,
}

impl Key {
    fn of(&self, code: &[u8]) -> u64 {
        match self {
            Key::Packed(positions) => positions
                .iter()
                .enumerate()
                .fold(code.len() as u64, |k, (j, p)| {
                    k | (u64::from(p.byte(code)) << (8 * (j + 1)))
                }),
            Key::Words { skip, rot } => {
                let word = |bytes: &[u8]| {
                    let mut w = [0u8; 8];
                    w[..bytes.len()].copy_from_slice(bytes);
                    u64::from_le_bytes(w)
                };
                let (n, len) = (code.len(), code.len() as u64);
                if n < 8 {
                    len ^ word(code)
                } else {
                    let tail = &code[n - 8 - skip..n - skip];
                    len ^ word(&code[..8]) ^ word(tail).rotate_left(*rot)
                }
            }
            Key::Mixed => code.iter().fold(code.len() as u64, |h, &b| {
                (h ^ u64::from(b)).wrapping_mul(K)
            }),
        }
    }

    /// Two word loads instead of many byte loads, when a skip (the least that works) and
    /// a rotation keep the keys of `codes` (at least `min_len` long) apart.
    fn words(codes: &[&str], min_len: usize) -> Option<Key> {
        let skips = 0..=min_len.saturating_sub(8).min(WINDOW - 8);
        skips
            .flat_map(|skip| TAIL_ROTATIONS.map(|rot| Key::Words { skip, rot }))
            .find(|key| all_distinct(codes.iter().map(|c| key.of(c.as_bytes()))))
    }

    /// Code computing `key` from `b` (a `&[u8]` at least `min_len` long).
    fn code(&self, min_len: usize) -> String {
        match self {
            Key::Packed(positions) => {
                let mut code = String::from(if positions.is_empty() {
                    "let key = b.len() as u64"
                } else {
                    "let key = (b.len() as u64)"
                });
                for (j, p) in positions.iter().enumerate() {
                    let i = p.index();
                    // Within the shortest code no clamp is needed (and no bounds check).
                    let at = match (*p, i < min_len) {
                        (Pos::From(_), true) => format!("{i}"),
                        (Pos::Back(_), true) if i == 0 => "b.len() - 1".to_owned(),
                        (Pos::Back(_), true) => format!("b.len() - 1 - {i}"),
                        (Pos::From(_), false) => {
                            format!("if {i} < b.len() - 1 {{ {i} }} else {{ b.len() - 1 }}")
                        }
                        (Pos::Back(_), false) => format!(
                            "b.len() - 1 - if {i} < b.len() - 1 {{ {i} }} else {{ b.len() - 1 }}"
                        ),
                    };
                    code.push_str(&format!(" | ((b[{at}] as u64) << {})", 8 * (j + 1)));
                }
                code.push(';');
                code
            }
            Key::Words { skip, rot } => {
                // Codes shorter than a word (only possible when `min_len` allows) are
                // zero-padded into one.
                let short = if min_len < 8 {
                    "let mut word = [0u8; 8];
                     word[..b.len()].copy_from_slice(b);
                     b.len() as u64 ^ ::core::primitive::u64::from_le_bytes(word)"
                } else {
                    "return ::core::option::Option::None"
                };
                let rotate = match rot {
                    0 => String::new(),
                    _ => format!(".rotate_left({rot})"),
                };
                // `b.len() >= min_len >= 8 + skip`: the slice cannot fail.
                let tail = match skip {
                    0 => "b".to_owned(),
                    _ => format!("b[..b.len() - {skip}]"),
                };
                format!(
                    "let key = match (b.first_chunk::<8>(), {tail}.last_chunk::<8>()) {{
                         (::core::option::Option::Some(head), ::core::option::Option::Some(tail)) =>
                             b.len() as u64 ^ ::core::primitive::u64::from_le_bytes(*head)
                                 ^ ::core::primitive::u64::from_le_bytes(*tail){rotate},
                         _ => {{ {short} }}
                     }};"
                )
            }
            Key::Mixed => format!(
                "let mut key = b.len() as u64; for &c in b {{ key = (key ^ c as u64).wrapping_mul({K}); }}"
            ),
        }
    }
}

/// The table that sends a key to its code.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Table {
    /// `slots[(key * mul) >> (64 - bits)]` is the code's index plus one, or 0.
    Direct {
        mul: u64,
        bits: u32,
        slots: Vec<usize>,
    },
    /// For larger specs: the top `bucket_bits` of `key * mul` pick a bucket whose
    /// displacement is added to the next `bits` bits; `slots` as above.
    Displaced {
        mul: u64,
        bucket_bits: u32,
        bits: u32,
        disps: Vec<usize>,
        slots: Vec<usize>,
    },
}

/// A perfect hash for one set of codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PerfectHash {
    key: Key,
    table: Table,
    min_len: usize,
}

/// A well-spread odd multiplier for search step `i` (splitmix64).
fn multiplier(i: u64) -> u64 {
    let mut z = i.wrapping_add(1).wrapping_mul(K);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    (z ^ (z >> 31)) | 1
}

impl PerfectHash {
    /// Builds a perfect hash for `codes` (distinct, non-empty), if one is found.
    pub(crate) fn find(codes: &[&str]) -> Option<PerfectHash> {
        let text_len: usize = codes.iter().map(|c| c.len()).sum();
        if codes.is_empty()
            || codes.len() > MAX_CODES
            || codes
                .iter()
                .any(|c| c.is_empty() || c.len() > usize::from(u16::MAX))
            || text_len > u32::MAX as usize
        {
            return None;
        }
        let min_len = codes.iter().map(|c| c.len()).min()?;
        let max_len = codes.iter().map(|c| c.len()).max()?;
        // The length alone or with one byte is cheapest, then two word loads; when those
        // do not tell the codes apart, a few sampled bytes; failing that, every byte.
        let packed = distinguishing_positions(codes, min_len).filter(|_| max_len < 256);
        let key = match packed {
            Some(positions) if positions.len() <= 1 => Key::Packed(positions),
            packed => Key::words(codes, min_len)
                .or(packed.map(Key::Packed))
                .unwrap_or(Key::Mixed),
        };
        let keys: Vec<u64> = codes.iter().map(|c| key.of(c.as_bytes())).collect();
        let table = direct(&keys).or_else(|| displaced(&keys))?;
        Some(PerfectHash {
            key,
            table,
            min_len,
        })
    }

    /// The only code index `code` can be (for tests: the generated code does the same).
    #[cfg(test)]
    fn candidate(&self, code: &str) -> Option<usize> {
        let b = code.as_bytes();
        if b.len() < self.min_len {
            return None;
        }
        let key = self.key.of(b);
        match &self.table {
            Table::Direct { mul, bits, slots } => {
                slots[(key.wrapping_mul(*mul) >> (64 - bits)) as usize].checked_sub(1)
            }
            Table::Displaced {
                mul,
                bucket_bits,
                bits,
                disps,
                slots,
            } => {
                let h = key.wrapping_mul(*mul);
                let base = ((h << bucket_bits) >> (64 - bits)) as usize;
                let slot = (base + disps[(h >> (64 - bucket_bits)) as usize]) & (slots.len() - 1);
                slots[slot].checked_sub(1)
            }
        }
    }

    /// The body of `from_code(code: &str) -> Option<Self>`, for the `codes` given to
    /// [`find`](Self::find) (in `ALL` order). The codes are read from the enum's
    /// `__TEXT`, where code `i` starts at `starts[i]`.
    pub(crate) fn code(&self, codes: &[&str], starts: &[u64], rt: &str) -> String {
        let min = self.min_len;
        let slots = match &self.table {
            Table::Direct { slots, .. } | Table::Displaced { slots, .. } => slots,
        };
        // Each slot packs where its code is in the text (start, length) and its
        // variant's index: `start | len << LEN | index << INDEX`, in 32 bits when they
        // fit 16, 8 and 8 bits (the bundled enums), else 64 (32, 16, 16). An empty slot
        // is 0: a code of length 0, which no input equals (inputs are at least `min`
        // bytes long). So one compare follows the hash, reading the code by slot, with
        // no other branch; and no slot holds a pointer (a relocation each in a
        // position-independent binary).
        let width = SlotWidth::of(codes, starts);
        let packed = slots.iter().map(|s| match s.checked_sub(1) {
            None => 0,
            Some(i) => {
                starts[i]
                    | (codes[i].len() as u64) << width.len_shift()
                    | (i as u64) << width.index_shift()
            }
        });
        let slot_bytes = width.bytes();
        let index = match &self.table {
            Table::Direct { mul, bits, .. } => {
                format!("(key.wrapping_mul({mul}) >> {}) as usize", 64 - bits)
            }
            Table::Displaced {
                mul,
                bucket_bits,
                bits,
                disps,
                ..
            } => {
                let max = disps.iter().copied().max().unwrap_or(0);
                let width = if max < 1 << 8 {
                    1
                } else if max < 1 << 16 {
                    2
                } else {
                    4
                };
                format!(
                    "{{
                         static DISPS: [u8; {len}] = *{disps};
                         let h = key.wrapping_mul({mul});
                         let disp = {rt}::__private::le::<{width}>(&DISPS, (h >> {bucket_shift}) as usize) as usize;
                         (((h << {bucket_bits}) >> {shift}) as usize + disp) & {mask}
                     }}",
                    len = disps.len() * width,
                    disps = le_bytes_lit(disps.iter().map(|&d| d as u64), width),
                    shift = 64 - bits,
                    bucket_shift = 64 - bucket_bits,
                    mask = slots.len() - 1,
                )
            }
        };
        let too_short = match min {
            1 => "b.is_empty()".to_owned(),
            _ => format!("b.len() < {min}"),
        };
        format!(
            "static SLOTS: [u8; {size}] = *{packed};
             let b = code.as_bytes();
             if {too_short} {{
                 return ::core::option::Option::None;
             }}
             {key}
             let slot = {rt}::__private::le::<{slot_bytes}>(&SLOTS, {index});
             let start = slot as {start_type} as usize;
             let len = (slot >> {len_shift}) as {len_type} as usize;
             match Self::__TEXT.get(start..start + len) {{
                 ::core::option::Option::Some(known) if {rt}::__private::same_code(known, b) => {{
                     ::core::option::Option::Some(Self::ALL[(slot >> {index_shift}) as usize])
                 }}
                 _ => ::core::option::Option::None,
             }}",
            size = slots.len() * slot_bytes,
            packed = le_bytes_lit(packed, slot_bytes),
            key = self.key.code(min),
            start_type = width.start_type(),
            len_type = width.len_type(),
            len_shift = width.len_shift(),
            index_shift = width.index_shift(),
        )
    }
}

/// How wide a `from_code` slot is: the code's start in the text in the low half, then
/// its length and its variant's index in a quarter each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SlotWidth {
    /// `u32`: starts under 64 KiB, codes under 256 bytes, fewer than 256 codes.
    Narrow,
    /// `u64`: anything [`MAX_CODES`] allows.
    Wide,
}

impl SlotWidth {
    fn of(codes: &[&str], starts: &[u64]) -> SlotWidth {
        let fits = |value: u64, bits: u32| value < 1 << bits;
        let narrow = codes
            .iter()
            .zip(starts)
            .all(|(code, &start)| fits(start, 16) && fits(code.len() as u64, 8))
            && fits(codes.len() as u64, 8);
        if narrow {
            SlotWidth::Narrow
        } else {
            SlotWidth::Wide
        }
    }

    fn bytes(self) -> usize {
        match self {
            SlotWidth::Narrow => 4,
            SlotWidth::Wide => 8,
        }
    }

    fn start_type(self) -> &'static str {
        match self {
            SlotWidth::Narrow => "u16",
            SlotWidth::Wide => "u32",
        }
    }

    fn len_type(self) -> &'static str {
        match self {
            SlotWidth::Narrow => "u8",
            SlotWidth::Wide => "u16",
        }
    }

    fn len_shift(self) -> u32 {
        match self {
            SlotWidth::Narrow => 16,
            SlotWidth::Wide => 32,
        }
    }

    fn index_shift(self) -> u32 {
        match self {
            SlotWidth::Narrow => 24,
            SlotWidth::Wide => 48,
        }
    }
}

/// Most codes a perfect hash is built for: a variant's index has 16 bits in a slot.
pub(crate) const MAX_CODES: usize = u16::MAX as usize;

/// One multiply into the smallest table (at most 2^[`MAX_DIRECT_BITS`] slots, and
/// 2^[`MAX_SPARSITY_BITS`] per key) in which every key is alone, trying
/// [`DIRECT_TRIES`] multipliers per size. Sizes where that many tries are hopeless
/// (expected collisions `n²/2m` over [`MAX_COLLISIONS`]) are skipped.
fn direct(keys: &[u64]) -> Option<Table> {
    let n = keys.len();
    let min_bits = usize::BITS - (n - 1).leading_zeros();
    let mut slots = vec![0usize; 1 << MAX_DIRECT_BITS];
    for bits in min_bits.max(1)..=MAX_DIRECT_BITS.min(min_bits + MAX_SPARSITY_BITS) {
        if n * (n - 1) / 2 > MAX_COLLISIONS << bits {
            continue;
        }
        let slot = |key: u64, mul: u64| (key.wrapping_mul(mul) >> (64 - bits)) as usize;
        for i in 0..DIRECT_TRIES {
            let mul = multiplier(i);
            let mut placed = 0;
            let alone = keys.iter().all(|&key| {
                let s = &mut slots[slot(key, mul)];
                let free = *s == 0;
                if free {
                    placed += 1;
                    *s = placed;
                }
                free
            });
            if alone {
                slots.truncate(1 << bits);
                return Some(Table::Direct { mul, bits, slots });
            }
            for &key in &keys[..placed] {
                slots[slot(key, mul)] = 0;
            }
        }
    }
    None
}

/// For specs too large for one multiply: keys are grouped in buckets of about
/// [`LAMBDA`] by the top bits of `key * mul`; each bucket gets the displacement that
/// puts all its keys in free slots of a table about twice the size of the spec.
fn displaced(keys: &[u64]) -> Option<Table> {
    let n = keys.len();
    let bits = usize::BITS - (n * 2 - 1).leading_zeros();
    let bucket_bits = (usize::BITS - (n / LAMBDA).max(2).leading_zeros() - 1).max(1);
    if bits + bucket_bits > MAX_INDEX_BITS {
        return None;
    }
    let size = 1usize << bits;
    (0..DISPLACED_TRIES).find_map(|i| {
        let mul = multiplier(DISPLACED_FIRST_STEP + i);
        let mut buckets: Vec<Vec<(usize, usize)>> = vec![Vec::new(); 1 << bucket_bits];
        for (k, key) in keys.iter().enumerate() {
            let h = key.wrapping_mul(mul);
            let base = ((h << bucket_bits) >> (64 - bits)) as usize;
            buckets[(h >> (64 - bucket_bits)) as usize].push((k, base));
        }
        let mut order: Vec<usize> = (0..buckets.len()).collect();
        order.sort_unstable_by_key(|&b| (std::cmp::Reverse(buckets[b].len()), b));
        let mut slots = vec![0usize; size];
        let mut disps = vec![0usize; buckets.len()];
        for b in order {
            let bucket = &buckets[b];
            if bucket.is_empty() {
                continue;
            }
            let disp = (0..size).find(|&d| {
                let mut taken: Vec<usize> = Vec::with_capacity(bucket.len());
                bucket.iter().all(|&(_, base)| {
                    let slot = (base + d) & (size - 1);
                    let free = slots[slot] == 0 && !taken.contains(&slot);
                    taken.push(slot);
                    free
                })
            })?;
            for &(k, base) in bucket {
                slots[(base + disp) & (size - 1)] = k + 1;
            }
            disps[b] = disp;
        }
        Some(Table::Displaced {
            mul,
            bucket_bits,
            bits,
            disps,
            slots,
        })
    })
}

/// Greedily picks byte positions until (length, bytes) tells every code apart,
/// preferring positions within the shortest code (no clamping); `None` when more than
/// [`MAX_POSITIONS`] would be needed.
fn distinguishing_positions(codes: &[&str], min_len: usize) -> Option<Vec<Pos>> {
    let max_len = codes.iter().map(|c| c.len()).max().unwrap_or(0);
    // Positions within the shortest code first: they need no clamping.
    let all = (0..max_len.min(WINDOW)).flat_map(|i| [Pos::Back(i), Pos::From(i)]);
    let (mut candidates, clamped): (Vec<Pos>, Vec<Pos>) = all.partition(|p| p.index() < min_len);
    candidates.extend(clamped);
    // Codes in the same group are not told apart yet; groups start by length.
    let mut groups: Vec<u32> = relabel(codes.iter().map(|c| c.len() as u64));
    let mut chosen = Vec::new();
    let mut distinct = count_distinct(groups.iter().map(|&g| u64::from(g)));
    while distinct < codes.len() {
        if chosen.len() == MAX_POSITIONS {
            return None;
        }
        let key =
            |p: Pos, i: usize| (u64::from(groups[i]) << 8) | u64::from(p.byte(codes[i].as_bytes()));
        let (count, _, pos) = candidates
            .iter()
            .enumerate()
            .filter(|(_, p)| !chosen.contains(*p))
            .map(|(rank, &p)| {
                (
                    count_distinct((0..codes.len()).map(|i| key(p, i))),
                    std::cmp::Reverse(rank),
                    p,
                )
            })
            .max_by_key(|&(count, rank, _)| (count, rank))?;
        if count <= distinct {
            return None;
        }
        groups = relabel((0..codes.len()).map(|i| key(pos, i)));
        chosen.push(pos);
        distinct = count;
    }
    Some(chosen)
}

/// A multiply hasher for the `u64` keys of the position search (SipHash is needlessly
/// slow for 10,000-code specs).
#[derive(Default)]
struct MulHasher(u64);

impl std::hash::Hasher for MulHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, v: u64) {
        // The multiply leaves its best bits high; the rotation brings some down to the
        // low bits the table indexes by.
        self.0 = (self.0 ^ v).wrapping_mul(K).rotate_left(HASHER_ROTATION);
    }
}

/// How far [`MulHasher`] rotates after each multiply (any odd amount near 32 works).
const HASHER_ROTATION: u32 = 29;

type Fast = std::hash::BuildHasherDefault<MulHasher>;

/// Dense ids for the distinct values, in first-seen order.
fn relabel(values: impl Iterator<Item = u64>) -> Vec<u32> {
    let mut ids: std::collections::HashMap<u64, u32, Fast> = std::collections::HashMap::default();
    values
        .map(|v| {
            let next = ids.len() as u32;
            *ids.entry(v).or_insert(next)
        })
        .collect()
}

/// Whether no value repeats; stops at the first that does.
fn all_distinct(mut values: impl Iterator<Item = u64>) -> bool {
    let mut seen: std::collections::HashSet<u64, Fast> = std::collections::HashSet::default();
    values.all(|v| seen.insert(v))
}

fn count_distinct(values: impl Iterator<Item = u64>) -> usize {
    let mut seen: std::collections::HashSet<u64, Fast> = std::collections::HashSet::default();
    values.for_each(|v| {
        seen.insert(v);
    });
    seen.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(codes: &[&str]) -> PerfectHash {
        let ph = PerfectHash::find(codes).expect("a perfect hash");
        for (i, code) in codes.iter().enumerate() {
            assert_eq!(ph.candidate(code), Some(i), "{code}");
        }
        ph
    }

    fn synthetic(n: usize) -> Vec<String> {
        (0..n)
            .map(|i| format!("Synthetic.Service{}.Code{i:05}", i % 37))
            .collect()
    }

    #[test]
    fn every_code_has_its_own_slot() {
        let ph = check(&[
            "NoSuchNat",
            "createOrderError",
            "subnatEmpty",
            "Cce.warning.UserNotExist",
            "Cce.ClusterNotExit",
            "A",
            "404",
        ]);
        assert!(matches!(ph.table, Table::Direct { .. }));
    }

    #[test]
    fn length_and_a_byte_then_two_words_then_sampled_bytes() {
        assert_eq!(check(&["NoSuchNat", "A", "404"]).key, Key::Packed(vec![]));
        // No single byte tells the three NoSuch codes apart.
        let short_and_long = ["NoSuchNat", "NoSuchEip", "NoSuchNip", "A", "404", "Cce.x"];
        assert!(matches!(check(&short_and_long).key, Key::Words { .. }));
        // A shared suffix is skipped so the tail word sees the bytes that differ.
        let suffixed = [
            "PrivateIpAAException",
            "PrivateIpABException",
            "PrivateIpBAException",
            "PrivateIpBBException",
        ];
        assert!(matches!(check(&suffixed).key, Key::Words { skip: 3.., .. }));
        // Only bytes outside the first eight and the last sixteen differ.
        let alike = [
            "Eip.Quota.AA.Exceeded.ForToday",
            "Eip.Quota.AB.Exceeded.ForToday",
            "Eip.Quota.BA.Exceeded.ForToday",
        ];
        assert!(matches!(check(&alike).key, Key::Packed(_)));
    }

    #[test]
    fn misses_end_at_a_length_check_an_empty_slot_or_another_code() {
        let codes = ["NoSuchNat", "NoSuchEip", "LimitExceeded"];
        let ph = check(&codes);
        assert_eq!(ph.candidate(""), None);
        // Anything else lands on an empty slot or on one other code, which the final
        // compare rejects.
        let long = "A very long code that no spec has";
        assert!(ph.candidate(long).is_none_or(|i| codes[i] != long));
        assert!(
            ph.candidate("NoSuchNaT")
                .is_none_or(|i| codes[i] != "NoSuchNaT")
        );
    }

    #[test]
    fn small_sets_use_one_multiply_large_ones_displacement() {
        for n in [1, 2, 10, 64] {
            let codes = synthetic(n);
            let refs: Vec<&str> = codes.iter().map(String::as_str).collect();
            assert!(matches!(check(&refs).table, Table::Direct { .. }), "{n}");
        }
        // Direct tables stay dense: at most 2^MAX_SPARSITY_BITS slots per code, rounded.
        for n in 1..=100 {
            let codes = synthetic(n);
            let refs: Vec<&str> = codes.iter().map(String::as_str).collect();
            if let Table::Direct { slots, .. } = check(&refs).table {
                assert!(
                    slots.len() <= n.next_power_of_two() << MAX_SPARSITY_BITS,
                    "{n}"
                );
            }
        }
        for n in [200, 1000, 10_000] {
            let codes = synthetic(n);
            let refs: Vec<&str> = codes.iter().map(String::as_str).collect();
            assert!(matches!(check(&refs).table, Table::Displaced { .. }), "{n}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 200, ..Default::default() })]

        /// Any set of distinct codes gets a table in which every code finds itself.
        #[test]
        fn random_code_sets(codes in proptest::collection::btree_set("[A-Za-z0-9._-]{1,40}", 1..300)) {
            let codes: Vec<&str> = codes.iter().map(String::as_str).collect();
            let ph = PerfectHash::find(&codes).expect("a perfect hash");
            for (i, code) in codes.iter().enumerate() {
                proptest::prop_assert_eq!(ph.candidate(code), Some(i));
            }
        }
    }

    #[test]
    fn deterministic() {
        let codes = ["AccessDenied", "InternalError", "NoSuchNat"];
        assert_eq!(PerfectHash::find(&codes), PerfectHash::find(&codes));
    }

    #[test]
    fn codes_alike_in_most_bytes_hash_every_byte() {
        // Each code differs from the base in one middle byte: no few bytes tell them apart.
        let base = "a".repeat(40);
        let codes: Vec<String> = std::iter::once(base.clone())
            .chain((0..12).map(|i| {
                let mut c = base.clone().into_bytes();
                c[14 + i] = b'b';
                String::from_utf8(c).unwrap()
            }))
            .collect();
        let refs: Vec<&str> = codes.iter().map(String::as_str).collect();
        assert_eq!(check(&refs).key, Key::Mixed);
    }
}
