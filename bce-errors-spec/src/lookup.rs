//! The `from_code` lookup: a perfect hash built at expansion time.
//!
//! The code's length and a few of its bytes — chosen per spec so that together they tell
//! every code apart — are packed into one 64-bit key. For specs up to a few dozen codes
//! one multiply by a searched constant sends each key to its own slot of a small table;
//! larger specs use hash-and-displace (CHD, as in `phf`). Either way the slot names the
//! only code the input can be, and one string compare confirms it: no allocation, no loop
//! over codes, no division, and most misses end at the length check or an empty slot.
//! The search is deterministic (same spec, same code). Codes alike in too many bytes are
//! hashed whole, and if no table is found — never seen for real specs — the generator
//! falls back to a plain `match`.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// Multiplier of the mixing steps (the 64-bit golden ratio).
const K: u64 = 0x9E37_79B9_7F4A_7C15;
/// At most this many sampled bytes (they share a `u64` with the length).
const MAX_POSITIONS: usize = 7;
/// Only the first and last this-many bytes are candidates for sampling.
const WINDOW: usize = 16;
/// The largest direct table: beyond it (about 90 codes) hash-and-displace is used.
const MAX_DIRECT_BITS: u32 = 12;
/// Average keys per displacement bucket.
const LAMBDA: usize = 4;

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
            Key::Mixed => code.iter().fold(code.len() as u64, |h, &b| {
                (h ^ u64::from(b)).wrapping_mul(K)
            }),
        }
    }

    /// Tokens computing `key` from `b` (a `&[u8]` at least `min_len` long).
    fn tokens(&self, min_len: usize) -> TokenStream {
        match self {
            Key::Packed(positions) => {
                let bytes = positions.iter().enumerate().map(|(j, p)| {
                    let shift = 8 * (j as u32 + 1);
                    let i = p.index();
                    // Within the shortest code no clamp is needed (and no bounds check).
                    let at = match (*p, i < min_len) {
                        (Pos::From(_), true) => quote!(#i),
                        (Pos::Back(_), true) => quote!(b.len() - 1 - #i),
                        (Pos::From(_), false) => {
                            quote!(if #i < b.len() - 1 { #i } else { b.len() - 1 })
                        }
                        (Pos::Back(_), false) => {
                            quote!(b.len() - 1 - if #i < b.len() - 1 { #i } else { b.len() - 1 })
                        }
                    };
                    quote!(| ((b[#at] as u64) << #shift))
                });
                quote!(let key = (b.len() as u64) #(#bytes)*;)
            }
            Key::Mixed => quote! {
                let mut key = b.len() as u64;
                for &c in b {
                    key = (key ^ c as u64).wrapping_mul(#K);
                }
            },
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
    /// Hash and displace: per bucket `(d1, offset)`, per slot the code's index.
    Displaced {
        seed: u64,
        disps: Vec<(u32, u32)>,
        map: Vec<usize>,
    },
}

/// A perfect hash for one set of codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PerfectHash {
    key: Key,
    table: Table,
    min_len: usize,
    max_len: usize,
}

/// A well-spread odd multiplier for search step `i` (splitmix64).
fn multiplier(i: u64) -> u64 {
    let mut z = i.wrapping_add(1).wrapping_mul(K);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    (z ^ (z >> 31)) | 1
}

/// `(bucket hash, f1, f2)` for hash-and-displace.
fn split(seed: u64, key: u64) -> (u32, u32, u32) {
    let h = (key ^ seed).wrapping_mul(K);
    let h2 = (h ^ (h >> 29)).wrapping_mul(K);
    ((h >> 32) as u32, h2 as u32, (h2 >> 32) as u32)
}

/// `x` scaled into `0..n` without a division (Lemire's fast range).
fn range(x: u32, n: usize) -> usize {
    ((u64::from(x) * n as u64) >> 32) as usize
}

/// The slot hash of a key under displacement `(d1, offset)`; the offset is stored
/// pre-scaled (`d2 · 2³²/n`) so each step of `d2` moves a key by about one slot.
fn displace(f1: u32, f2: u32, (d1, offset): (u32, u32)) -> u32 {
    offset.wrapping_add(f1.wrapping_mul(d1)).wrapping_add(f2)
}

impl PerfectHash {
    /// Builds a perfect hash for `codes` (distinct, non-empty), if one is found.
    pub(crate) fn find(codes: &[&str]) -> Option<PerfectHash> {
        if codes.is_empty() || codes.iter().any(|c| c.is_empty()) || codes.len() > u32::MAX as usize
        {
            return None;
        }
        let min_len = codes.iter().map(|c| c.len()).min()?;
        let max_len = codes.iter().map(|c| c.len()).max()?;
        let key = match distinguishing_positions(codes, min_len) {
            Some(positions) if max_len < 256 => Key::Packed(positions),
            _ => Key::Mixed,
        };
        let keys: Vec<u64> = codes.iter().map(|c| key.of(c.as_bytes())).collect();
        let table = direct(&keys).or_else(|| displaced(&keys))?;
        Some(PerfectHash {
            key,
            table,
            min_len,
            max_len,
        })
    }

    /// The only code index `code` can be (for tests: the generated code does the same).
    #[cfg(test)]
    fn candidate(&self, code: &str) -> Option<usize> {
        let b = code.as_bytes();
        if b.len() < self.min_len || b.len() > self.max_len {
            return None;
        }
        let key = self.key.of(b);
        match &self.table {
            Table::Direct { mul, bits, slots } => {
                slots[(key.wrapping_mul(*mul) >> (64 - bits)) as usize].checked_sub(1)
            }
            Table::Displaced { seed, disps, map } => {
                let (g, f1, f2) = split(*seed, key);
                Some(map[range(displace(f1, f2, disps[range(g, disps.len())]), map.len())])
            }
        }
    }

    /// The body of `from_code(code: &str) -> Option<Self>`; `Self::__CODES` and
    /// `Self::ALL` must list the codes in the order given to [`find`](Self::find).
    pub(crate) fn tokens(&self) -> TokenStream {
        let (min, max) = (self.min_len, self.max_len);
        let key = self.key.tokens(min);
        let int = |max: usize| {
            if max < 1 << 8 {
                quote!(u8)
            } else if max < 1 << 16 {
                quote!(u16)
            } else {
                quote!(u32)
            }
        };
        let lookup = match &self.table {
            Table::Direct { mul, bits, slots } => {
                let (size, shift, ty) = (
                    slots.len(),
                    64 - bits,
                    int(slots.iter().copied().max().unwrap_or(0)),
                );
                let slots = slots.iter().map(|&s| Literal::usize_unsuffixed(s));
                quote! {
                    const SLOTS: [#ty; #size] = [#(#slots),*];
                    let i = match SLOTS[(key.wrapping_mul(#mul) >> #shift) as usize] {
                        0 => return ::core::option::Option::None,
                        slot => slot as usize - 1,
                    };
                }
            }
            Table::Displaced { seed, disps, map } => {
                let (buckets, slots) = (disps.len(), map.len());
                let d1_type = int(disps.iter().map(|&(d1, _)| d1 as usize).max().unwrap_or(0));
                let map_type = int(map.len());
                let disps = disps.iter().map(|&(a, b)| {
                    let (a, b) = (Literal::u32_unsuffixed(a), Literal::u32_unsuffixed(b));
                    quote!((#a, #b))
                });
                let map = map.iter().map(|&i| Literal::usize_unsuffixed(i));
                quote! {
                    const DISPS: [(#d1_type, u32); #buckets] = [#(#disps),*];
                    const MAP: [#map_type; #slots] = [#(#map),*];
                    let h = (key ^ #seed).wrapping_mul(#K);
                    let h2 = (h ^ (h >> 29)).wrapping_mul(#K);
                    let (d1, offset) = DISPS[(((h >> 32) * #buckets as u64) >> 32) as usize];
                    let x = offset.wrapping_add((h2 as u32).wrapping_mul(d1 as u32)).wrapping_add((h2 >> 32) as u32);
                    let i = MAP[((x as u64 * #slots as u64) >> 32) as usize] as usize;
                }
            }
        };
        quote! {
            let b = code.as_bytes();
            if b.len() < #min || b.len() > #max {
                return ::core::option::Option::None;
            }
            #key
            #lookup
            if Self::__CODES[i].as_bytes() == b {
                ::core::option::Option::Some(Self::ALL[i])
            } else {
                ::core::option::Option::None
            }
        }
    }
}

/// One multiply into a table of at most 2^[`MAX_DIRECT_BITS`] slots, every key alone.
fn direct(keys: &[u64]) -> Option<Table> {
    let min_bits = usize::BITS - (keys.len() * 2).leading_zeros();
    let mut slots = Vec::new();
    for bits in min_bits.max(1)..=MAX_DIRECT_BITS {
        for i in 0..256 {
            let mul = multiplier(i);
            slots.clear();
            slots.resize(1 << bits, 0usize);
            let ok = keys.iter().enumerate().all(|(n, key)| {
                let slot = &mut slots[(key.wrapping_mul(mul) >> (64 - bits)) as usize];
                let free = *slot == 0;
                *slot = n + 1;
                free
            });
            if ok {
                return Some(Table::Direct { mul, bits, slots });
            }
        }
    }
    None
}

/// Hash and displace: one `(d1, offset)` per bucket placing each of its keys in a free slot.
fn displaced(keys: &[u64]) -> Option<Table> {
    (0..16).find_map(|seed| {
        let hashes: Vec<(u32, u32, u32)> = keys.iter().map(|&k| split(seed, k)).collect();
        let (disps, map) = displacements(&hashes)?;
        Some(Table::Displaced { seed, disps, map })
    })
}

/// Per bucket its displacement, and per slot its code.
type Displacements = (Vec<(u32, u32)>, Vec<usize>);

fn displacements(hashes: &[(u32, u32, u32)]) -> Option<Displacements> {
    let n = hashes.len();
    let buckets_len = n.div_ceil(LAMBDA);
    let mut buckets: Vec<Vec<usize>> = vec![Vec::new(); buckets_len];
    for (i, &(g, _, _)) in hashes.iter().enumerate() {
        buckets[range(g, buckets_len)].push(i);
    }
    let mut order: Vec<usize> = (0..buckets_len).collect();
    order.sort_by_key(|&b| std::cmp::Reverse(buckets[b].len()));
    let mut map: Vec<Option<usize>> = vec![None; n];
    let mut tried = vec![0u64; n];
    let mut generation = 0u64;
    let mut disps = vec![(0u32, 0u32); buckets_len];
    let mut placed: Vec<(usize, usize)> = Vec::new();
    let limit = (n as u32).clamp(16, 1 << 12);
    let step = ((1u64 << 32) / n as u64).max(1) as u32;
    for b in order {
        if buckets[b].is_empty() {
            continue;
        }
        let found = (0..limit)
            .flat_map(|d1| (0..limit).map(move |d2| (d1, d2.wrapping_mul(step))))
            .find(|&d| {
                generation += 1;
                placed.clear();
                for &key in &buckets[b] {
                    let (_, f1, f2) = hashes[key];
                    let slot = range(displace(f1, f2, d), n);
                    if map[slot].is_some() || tried[slot] == generation {
                        return false;
                    }
                    tried[slot] = generation;
                    placed.push((slot, key));
                }
                true
            })?;
        disps[b] = found;
        for &(slot, key) in &placed {
            map[slot] = Some(key);
        }
    }
    Some((disps, map.into_iter().collect::<Option<Vec<usize>>>()?))
}

/// Greedily picks byte positions until (length, bytes) tells every code apart,
/// preferring positions within the shortest code (no clamping); `None` when more than
/// [`MAX_POSITIONS`] would be needed.
fn distinguishing_positions(codes: &[&str], min_len: usize) -> Option<Vec<Pos>> {
    let max_len = codes.iter().map(|c| c.len()).max().unwrap_or(0);
    let mut candidates: Vec<Pos> = (0..max_len.min(WINDOW))
        .flat_map(|i| [Pos::Back(i), Pos::From(i)])
        .collect();
    candidates.sort_by_key(|p| p.index() >= min_len);
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
        self.0 = (self.0 ^ v).wrapping_mul(K).rotate_left(29);
    }
}

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
    fn misses_end_at_a_length_check_an_empty_slot_or_another_code() {
        let codes = ["NoSuchNat", "NoSuchEip", "LimitExceeded"];
        let ph = check(&codes);
        assert_eq!(ph.candidate(""), None);
        assert_eq!(ph.candidate("A very long code that no spec has"), None);
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
        for n in [1000, 10_000] {
            let codes = synthetic(n);
            let refs: Vec<&str> = codes.iter().map(String::as_str).collect();
            assert!(matches!(check(&refs).table, Table::Displaced { .. }), "{n}");
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
