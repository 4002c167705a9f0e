//! The `from_code` lookup: a perfect hash built at expansion time.
//!
//! The code's length and a few of its bytes — chosen per spec so that together they tell
//! every code apart — are mixed into one 64-bit hash. A hash-and-displace table (CHD, as
//! in `phf`) turns that hash into the index of the only code it can be, and one string
//! compare confirms it. No allocation, no loop over codes, no division. The search is
//! deterministic (same spec, same code); specs whose codes differ only in more places
//! than [`MAX_POSITIONS`] hash every byte instead, and if no table is found at all —
//! never seen for real specs — the generator falls back to a plain `match`.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// Multiplier of the mixing step (the 64-bit golden ratio).
const K: u64 = 0x9E37_79B9_7F4A_7C15;
/// At most this many sampled bytes; beyond it every byte is hashed.
const MAX_POSITIONS: usize = 8;
/// Only the first and last this-many bytes are candidates for sampling.
const WINDOW: usize = 16;
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
}

/// Which bytes are hashed.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Sample {
    Bytes(Vec<Pos>),
    All,
}

/// A perfect hash for one set of codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PerfectHash {
    sample: Sample,
    seed: u64,
    /// Per bucket, the displacement pair `(d1, d2)`.
    disps: Vec<(u32, u32)>,
    /// Per slot, the index of its code.
    map: Vec<usize>,
    min_len: usize,
    max_len: usize,
}

fn mix(seed: u64, sample: &Sample, code: &[u8]) -> u64 {
    let mut h = (seed ^ code.len() as u64).wrapping_mul(K);
    match sample {
        Sample::Bytes(positions) => {
            for p in positions {
                h = (h ^ u64::from(p.byte(code))).wrapping_mul(K);
            }
        }
        Sample::All => {
            for &b in code {
                h = (h ^ u64::from(b)).wrapping_mul(K);
            }
        }
    }
    h
}

/// `(bucket hash, f1, f2)` from the mixed hash.
fn split(h: u64) -> (u32, u32, u32) {
    (
        ((h >> 32) as u32),
        h as u32,
        ((h ^ (h >> 29)).wrapping_mul(K) >> 32) as u32,
    )
}

/// `x` scaled into `0..n` without a division (Lemire's fast range).
fn range(x: u32, n: usize) -> usize {
    ((u64::from(x) * n as u64) >> 32) as usize
}

/// The slot hash of a key under displacement `(d1, offset)`. The offset is stored
/// pre-scaled (`d2 · 2³²/n`), so that each step of `d2` moves the key by about one slot
/// after the fast range reduction.
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
        let sample = distinguishing_positions(codes).map_or(Sample::All, Sample::Bytes);
        (0..16u64).find_map(|seed| {
            let hashes: Vec<(u32, u32, u32)> = codes
                .iter()
                .map(|c| split(mix(seed, &sample, c.as_bytes())))
                .collect();
            let (disps, map) = displacements(&hashes)?;
            Some(PerfectHash {
                sample: sample.clone(),
                seed,
                disps,
                map,
                min_len: codes.iter().map(|c| c.len()).min().unwrap_or(0),
                max_len: codes.iter().map(|c| c.len()).max().unwrap_or(0),
            })
        })
    }

    /// The only code index `code` can be (for tests: the generated code does the same).
    #[cfg(test)]
    fn candidate(&self, code: &str) -> Option<usize> {
        let b = code.as_bytes();
        if b.len() < self.min_len || b.len() > self.max_len {
            return None;
        }
        let (g, f1, f2) = split(mix(self.seed, &self.sample, b));
        let d = self.disps[range(g, self.disps.len())];
        Some(self.map[range(displace(f1, f2, d), self.map.len())])
    }

    /// The body of `from_code(code: &str) -> Option<Self>`; `Self::__CODES` and
    /// `Self::ALL` must list the codes in the order given to [`find`](Self::find).
    pub(crate) fn tokens(&self) -> TokenStream {
        let (seed, min, max) = (self.seed, self.min_len, self.max_len);
        let (buckets, slots) = (self.disps.len(), self.map.len());
        let sample = match &self.sample {
            Sample::Bytes(positions) if positions.is_empty() => quote!(),
            Sample::Bytes(positions) => {
                let steps = positions.iter().map(|p| match *p {
                    Pos::From(i) => quote!(h = (h ^ b[if #i < last { #i } else { last }] as u64).wrapping_mul(K);),
                    Pos::Back(i) => quote!(h = (h ^ b[last - if #i < last { #i } else { last }] as u64).wrapping_mul(K);),
                });
                quote!(let last = b.len() - 1; #(#steps)*)
            }
            Sample::All => quote!(for &c in b {
                h = (h ^ c as u64).wrapping_mul(K);
            }),
        };
        let wide = |max: usize| {
            if max < 1 << 16 {
                quote!(u16)
            } else {
                quote!(u32)
            }
        };
        let d1_type = wide(
            self.disps
                .iter()
                .map(|&(d1, _)| d1 as usize)
                .max()
                .unwrap_or(0),
        );
        let map_type = wide(self.map.len());
        let disps = self.disps.iter().map(|&(a, b)| {
            let (a, b) = (Literal::u32_unsuffixed(a), Literal::u32_unsuffixed(b));
            quote!((#a, #b))
        });
        let map = self.map.iter().map(|&i| Literal::usize_unsuffixed(i));
        quote! {
            const K: u64 = #K;
            const DISPS: [(#d1_type, u32); #buckets] = [#(#disps),*];
            const MAP: [#map_type; #slots] = [#(#map),*];
            let b = code.as_bytes();
            if b.len() < #min || b.len() > #max {
                return ::core::option::Option::None;
            }
            #[allow(unused_mut)]
            let mut h = (#seed ^ b.len() as u64).wrapping_mul(K);
            #sample
            let (g, f1, f2) = ((h >> 32) as u32, h as u32, ((h ^ (h >> 29)).wrapping_mul(K) >> 32) as u32);
            let (d1, offset) = DISPS[((g as u64 * #buckets as u64) >> 32) as usize];
            let x = offset.wrapping_add(f1.wrapping_mul(d1 as u32)).wrapping_add(f2);
            let i = MAP[((x as u64 * #slots as u64) >> 32) as usize] as usize;
            if Self::__CODES[i].as_bytes() == b {
                ::core::option::Option::Some(Self::ALL[i])
            } else {
                ::core::option::Option::None
            }
        }
    }
}

/// Per bucket its displacement, and per slot its code.
type Displacements = (Vec<(u32, u32)>, Vec<usize>);

/// Hash and displace: one `(d1, d2)` per bucket placing each of its keys in a free slot.
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

/// Greedily picks byte positions until (length, bytes) tells every code apart; `None`
/// when more than [`MAX_POSITIONS`] would be needed.
fn distinguishing_positions(codes: &[&str]) -> Option<Vec<Pos>> {
    let max_len = codes.iter().map(|c| c.len()).max().unwrap_or(0);
    let candidates: Vec<Pos> = (0..max_len.min(WINDOW))
        .flat_map(|i| [Pos::From(i), Pos::Back(i)])
        .collect();
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
        let (count, pos) = candidates
            .iter()
            .filter(|p| !chosen.contains(*p))
            .map(|&p| (count_distinct((0..codes.len()).map(|i| key(p, i))), p))
            .max_by_key(|&(count, p)| (count, std::cmp::Reverse(matches!(p, Pos::Back(_)))))?;
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

    #[test]
    fn every_code_has_its_own_slot() {
        check(&[
            "NoSuchNat",
            "createOrderError",
            "subnatEmpty",
            "Cce.warning.UserNotExist",
            "Cce.ClusterNotExit",
            "A",
            "404",
        ]);
    }

    #[test]
    fn misses_end_at_a_length_check_or_another_code() {
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
    fn large_synthetic_sets() {
        for n in [1, 2, 10, 1000, 10_000] {
            let codes: Vec<String> = (0..n)
                .map(|i| format!("Synthetic.Service{}.Code{i:05}", i % 37))
                .collect();
            let refs: Vec<&str> = codes.iter().map(String::as_str).collect();
            check(&refs);
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
        assert_eq!(check(&refs).sample, Sample::All);
    }
}
