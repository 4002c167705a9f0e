//! `from_code`'s table: its size and the seed of its hash, chosen here; the table itself
//! is built by rustc from the rows (`bce_errors_core::__private::Index`), so the
//! generated file holds two numbers, not a table.
//!
//! Lookup hashes a code's length with its first and last eight bytes, multiplies by the
//! seed and takes the high bits: the slot to probe first (then on, linearly, to an
//! empty slot), and one compare of the whole code confirms a hit. The seed is chosen
//! so that, where the search finds one, every code sits in its own first slot: a hit is
//! one probe and one compare, and most misses end at an empty slot. The table is the
//! smallest power of two over twice the codes where the search finds such a seed, among
//! the sizes where one is likely (every slot is 4 or 8 bytes of the user's binary). The
//! search is deterministic, in integers: the same codes give the same seed everywhere.

use bce_errors_core::__private::{home, key};

/// At most this many seeds tried at one table size. Where `n` codes in `m` slots all
/// land apart with chance `p ≈ e^(-n(n-1)/2m)`, a size with `1/p` over this (`n(n-1)`
/// over `2m · LN_MAX_TRIES`) is skipped. A failed seed costs a few slot probes (it stops
/// at its first collision).
const MAX_TRIES: u64 = 1 << 16;
/// `ln(MAX_TRIES)`, rounded down: 11.09.
const LN_MAX_TRIES: usize = 11;
/// Seeds tried, counting every collision, when no size has a seed without one.
const FALLBACK_TRIES: u64 = 256;
/// The smallest table: a power of two larger than twice the rows keeps probes short.
const MIN_SLOTS: usize = 16;
/// Tables grow to at most this many slots a code, looking for a seed with no
/// collision, before settling for the seed with the fewest.
const MAX_SLOTS_PER_CODE: usize = 8;
/// The longest shared suffix the key can skip (`Exception` is nine bytes).
const MAX_SKIP: usize = 16;
/// Nor beyond this many slots (then the fewest collisions win).
const MAX_SLOTS: usize = 1 << 12;

/// The table's size and seed for these codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Lookup {
    /// How many slots (a power of two, more than twice the codes).
    pub(crate) slots: usize,
    /// The hash's multiplier (odd).
    pub(crate) seed: u64,
    /// How many bytes at the codes' end the key skips.
    pub(crate) skip: usize,
}

impl Lookup {
    /// The smallest table, and the first seed, that puts every code in its own home
    /// slot; failing that, the largest table tried and the seed with the fewest codes
    /// outside their home slot.
    pub(crate) fn find(codes: &[&str]) -> Lookup {
        // A skip helps only where two codes have one key (one length, head and tail):
        // the first skip that tells every code apart, then one search for a seed. Where
        // none does, no seed puts every code apart: straight to the fewest collisions.
        match (0..=MAX_SKIP).find(|&skip| all_distinct(&keys(codes, skip))) {
            Some(skip) => Self::find_with(codes, skip, true),
            None => Self::find_with(codes, 0, false),
        }
    }

    /// Whether every code sits in its home slot.
    #[cfg(test)]
    fn perfect(&self, codes: &[&str]) -> bool {
        Placed::new(self.slots).apart(&keys(codes, self.skip), self.seed, self.slots)
    }

    /// The search at one skip; `distinct`: whether the keys are (else only the fewest
    /// collisions can be had).
    fn find_with(codes: &[&str], skip: usize, distinct: bool) -> Lookup {
        let keys = keys(codes, skip);
        let mut slots = (2 * keys.len() + 1).next_power_of_two().max(MIN_SLOTS);
        let limit = (keys.len() * MAX_SLOTS_PER_CODE)
            .next_power_of_two()
            .clamp(slots, MAX_SLOTS.max(slots));
        let mut placed = Placed::new(limit);
        loop {
            let tries = if distinct {
                tries(keys.len(), slots)
            } else {
                0
            };
            for seed in (0..tries).map(seed) {
                if placed.apart(&keys, seed, slots) {
                    return Lookup { slots, seed, skip };
                }
            }
            if slots >= limit {
                break;
            }
            slots *= 2;
        }
        let seed = (0..FALLBACK_TRIES)
            .map(seed)
            .min_by_key(|&seed| placed.collisions(&keys, seed, slots))
            .unwrap_or(1);
        Lookup { slots, seed, skip }
    }
}

/// How many seeds to try for `codes` codes in `slots` slots: [`MAX_TRIES`] where a seed
/// that puts every code apart is likely among them, none where it is not.
fn tries(codes: usize, slots: usize) -> u64 {
    // ln(1/p) = n(n-1)/2m, p the chance that one seed puts every code apart.
    if codes * codes.saturating_sub(1) <= 2 * slots * LN_MAX_TRIES {
        MAX_TRIES
    } else {
        0
    }
}

/// The keys of `codes`, as the runtime computes them.
fn keys(codes: &[&str], skip: usize) -> Vec<u64> {
    macro_rules! keys {
        ($($skip:literal)*) => { [$(key::<$skip> as fn(&[u8]) -> u64),*] };
    }
    /// `key::<SKIP>` for each skip the search tries.
    const KEYS: [fn(&[u8]) -> u64; MAX_SKIP + 1] = keys!(0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16);
    codes.iter().map(|c| KEYS[skip](c.as_bytes())).collect()
}

/// Whether no two keys are equal.
fn all_distinct(keys: &[u64]) -> bool {
    let mut seen = std::collections::HashSet::with_capacity(keys.len());
    keys.iter().all(|key| seen.insert(*key))
}

/// Which home slots the keys take under one seed: a slot is taken in this round when it
/// holds the round's number, so a new round clears nothing.
struct Placed {
    round: u32,
    taken: Vec<u32>,
}

impl Placed {
    fn new(slots: usize) -> Self {
        Placed {
            round: 0,
            taken: vec![0; slots],
        }
    }

    /// Starts a round: every slot free.
    fn next_round(&mut self) {
        self.round = self.round.wrapping_add(1);
        if self.round == 0 {
            self.taken.fill(0);
            self.round = 1;
        }
    }

    /// Takes `key`'s home slot; whether another key had taken it.
    fn take(&mut self, key: u64, seed: u64, slots: usize) -> bool {
        let slot = &mut self.taken[home(key, seed, slots)];
        let collided = *slot == self.round;
        *slot = self.round;
        collided
    }

    /// Whether every key has a home slot of its own (stops at the first collision).
    fn apart(&mut self, keys: &[u64], seed: u64, slots: usize) -> bool {
        self.next_round();
        keys.iter().all(|&key| !self.take(key, seed, slots))
    }

    /// How many keys land on a home slot another key took first.
    fn collisions(&mut self, keys: &[u64], seed: u64, slots: usize) -> usize {
        self.next_round();
        keys.iter()
            .filter(|&&key| self.take(key, seed, slots))
            .count()
    }
}

/// The `i`-th seed tried: splitmix64's sequence, made odd.
fn seed(i: u64) -> u64 {
    let mut z = (i + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    (z ^ (z >> 31)) | 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_spec_gets_one_probe_a_code_and_large_specs_a_table() {
        let codes: Vec<String> = (0..60).map(|i| format!("Code{i}NotFound")).collect();
        let codes: Vec<&str> = codes.iter().map(String::as_str).collect();
        let lookup = Lookup::find(&codes);
        assert!(lookup.perfect(&codes), "{lookup:?}");
        assert_eq!(Lookup::find(&codes), lookup, "deterministic");

        for spec in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../specs")).unwrap() {
            let path = spec.unwrap().path();
            if path.extension().is_none_or(|e| e != "toml") {
                continue;
            }
            let root = path.parent().unwrap().parent().unwrap();
            let rel = format!("specs/{}", path.file_name().unwrap().to_string_lossy());
            let spec = crate::load_spec(root, &rel).unwrap();
            let codes: Vec<&str> = spec.rows.iter().map(|r| r.code.as_str()).collect();
            let lookup = Lookup::find(&codes);
            assert!(lookup.perfect(&codes), "{rel}: {lookup:?}");
            // The smallest table the search tries (half load or less). A new spec that
            // misses it by the luck of its hash fails here: look at its codes first.
            let smallest = (2 * codes.len() + 1).next_power_of_two().max(MIN_SLOTS);
            assert_eq!(lookup.slots, smallest, "{rel}: {lookup:?}");
        }

        // Codes with one key at every skip (they differ only in the middle): no seed
        // puts them apart, and the search does not try.
        let middle = ["Head1234X", "Head1234Y"].map(|head| format!("{head}{}", "T".repeat(24)));
        let middle = middle.each_ref().map(String::as_str);
        let lookup = Lookup::find(&middle);
        assert!(
            !lookup.perfect(&middle) && lookup.slots == MIN_SLOTS,
            "{lookup:?}"
        );

        let many: Vec<String> = (0..20_000).map(|i| format!("E{i}")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        let lookup = Lookup::find(&many);
        assert!(lookup.slots > 2 * many.len() && lookup.slots.is_power_of_two());
        assert_eq!(Lookup::find(&[]).slots, MIN_SLOTS);
    }
}
