//! Shared pieces of the benchmarks: the enums under test, the baselines beside them,
//! and the inputs of each workload.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

include!(concat!(env!("OUT_DIR"), "/baselines.rs"));

pub use bce_errors_before as before;

/// 1,000 synthetic codes through the macro, as a user's crate would have them.
#[bce_errors::bce_errors("specs/synthetic_1000.toml")]
pub enum SyntheticError {}

/// Inputs per measured iteration.
pub const BATCH: usize = 1024;

/// A small deterministic generator (xorshift), so every run measures the same inputs.
pub struct Rng(u64);

impl Rng {
    /// Seeded generator.
    pub fn new(seed: u64) -> Self {
        Rng(seed | 1)
    }
    /// Next number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// The three workloads: one code again and again, unknown codes, and codes drawn at
/// random (what real traffic looks like).
pub fn workloads(codes: &[&'static str]) -> [(&'static str, Vec<String>); 3] {
    let mut rng = Rng::new(42);
    let hot = vec![codes[codes.len() / 2].to_owned(); BATCH];
    let misses = (0..BATCH)
        .map(|i| {
            let c = codes[rng.below(codes.len())];
            match i % 4 {
                0 => format!("{c}X"),
                1 => c.to_lowercase(),
                2 => c[..c.len() - 1].to_owned(),
                _ => format!("Unknown{i}"),
            }
        })
        .filter(|m| !codes.contains(&m.as_str()))
        .collect();
    let random = (0..BATCH)
        .map(|_| codes[rng.below(codes.len())].to_owned())
        .collect();
    [
        ("hot_hits", hot),
        ("misses", misses),
        ("random_hits", random),
    ]
}

/// `std::collections::HashMap` from code to index.
pub fn std_map(codes: &[&'static str]) -> HashMap<&'static str, u16> {
    codes
        .iter()
        .enumerate()
        .map(|(i, c)| (*c, i as u16))
        .collect()
}

/// `FxHashMap` from code to index.
pub fn fx_map(codes: &[&'static str]) -> FxHashMap<&'static str, u16> {
    codes
        .iter()
        .enumerate()
        .map(|(i, c)| (*c, i as u16))
        .collect()
}

/// The hand-rolled baseline: length and three bytes mixed into a slot of an
/// open-addressing table four times the size of the code set, then a compare.
pub struct PerfectBaseline {
    codes: Vec<&'static str>,
    slots: Vec<u16>,
    shift: u32,
}

impl PerfectBaseline {
    fn hash(b: &[u8]) -> u64 {
        let n = b.len();
        let key = (n as u64)
            | (u64::from(b[0]) << 16)
            | (u64::from(b[n / 2]) << 24)
            | (u64::from(b[n - 1]) << 32);
        key.wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }

    /// Builds the table.
    pub fn new(codes: &[&'static str]) -> Self {
        let bits = usize::BITS - (codes.len() * 4 - 1).leading_zeros();
        let mut slots = vec![u16::MAX; 1 << bits];
        let shift = 64 - bits;
        for (i, c) in codes.iter().enumerate() {
            let mut s = (Self::hash(c.as_bytes()) >> shift) as usize;
            while slots[s] != u16::MAX {
                s = (s + 1) & (slots.len() - 1);
            }
            slots[s] = i as u16;
        }
        PerfectBaseline {
            codes: codes.to_vec(),
            slots,
            shift,
        }
    }

    /// The index of `code`.
    #[inline]
    pub fn get(&self, code: &str) -> Option<u16> {
        let b = code.as_bytes();
        if b.is_empty() {
            return None;
        }
        let mut s = (Self::hash(b) >> self.shift) as usize;
        loop {
            let i = self.slots[s];
            if i == u16::MAX {
                return None;
            }
            if self.codes[i as usize].as_bytes() == b {
                return Some(i);
            }
            s = (s + 1) & (self.slots.len() - 1);
        }
    }
}

/// The documented body, as the response benchmarks parse it.
pub const TYPICAL_BODY: &[u8] =
    br#"{"requestId":"ae2225f7-1c2e-427a-a1ad-5413b762957d","code":"NoSuchNat","message":"The specified nat is not found."}"#;

/// A 4 KB error body: the documented fields among extra ones (a list of field errors,
/// nested details, numbers, escapes), as gateways and newer services send.
pub fn large_body() -> Vec<u8> {
    let mut errors = String::new();
    for i in 0..24 {
        if i > 0 {
            errors.push(',');
        }
        errors.push_str(&format!(
            r#"{{"field":"spec.rules[{i}].cidr","reason":"The value \"10.0.{i}.0/33\" is not a valid CIDR block","limit":{},"ratio":0.{i}5,"retryable":false,"tags":["vpc","nat","rule-{i}"]}}"#,
            100 + i
        ));
    }
    format!(
        r#"{{"requestId":"ae2225f7-1c2e-427a-a1ad-5413b762957d","timestamp":"2026-11-30T16:28:10Z","errors":[{errors}],"details":{{"service":"nat","region":"bj","trace":{{"span":"a1b2c3","depth":3,"path":["gateway","nat","rules"]}}}},"code":"NoSuchNat","message":"The specified nat is not found."}}"#
    )
    .into_bytes()
}

/// The serde_json baseline a careful user writes: borrowed `Cow` fields (escapes
/// allocate, plain text does not), missing fields allowed.
#[derive(serde::Deserialize)]
pub struct CowBody<'a> {
    /// `code`.
    #[serde(borrow)]
    pub code: Option<std::borrow::Cow<'a, str>>,
    /// `message`.
    #[serde(borrow)]
    pub message: Option<std::borrow::Cow<'a, str>>,
    /// `requestId`.
    #[serde(rename = "requestId", borrow)]
    pub request_id: Option<std::borrow::Cow<'a, str>>,
}

/// The serde_json baseline with owned fields.
#[derive(serde::Deserialize)]
pub struct OwnedBody {
    /// `code`.
    pub code: String,
    /// `message`.
    pub message: String,
    /// `requestId`.
    #[serde(rename = "requestId")]
    pub request_id: String,
}

/// The serde_json baseline with borrowed fields.
#[derive(serde::Deserialize)]
pub struct BorrowedBody<'a> {
    /// `code`.
    pub code: &'a str,
    /// `message`.
    pub message: &'a str,
    /// `requestId`.
    #[serde(rename = "requestId")]
    pub request_id: &'a str,
}

/// A synthetic spec of `n` codes, as TOML text (for generator timing).
pub fn synthetic_spec(n: usize) -> String {
    let mut s = String::from("[service]\nname = \"Synthetic\"\nsource = \"Benchmarks\"\n");
    for i in 0..n {
        s.push_str(&format!(
            "\n[[error]]\ncode = \"Service{}.Resource{}Error{i}\"\nmessage = \"Message {i}.\"\nstatus = {}\ndescription = \"Row {i}.\"\n",
            i % 13,
            i % 7,
            400 + (i % 100)
        ));
    }
    s
}

/// The interleaved harness of the benches, for a shared, noisy machine: each round
/// times `calls` calls of one side, then of the other (the order alternates each
/// round), and the ratio is taken per round. Prints one table row: the medians of
/// each side in ns a call, and the median ratio `ours / theirs` with its quartiles.
pub fn interleaved(
    name: &str,
    rounds: usize,
    calls: usize,
    ours: &mut dyn FnMut() -> usize,
    theirs: &mut dyn FnMut() -> usize,
) {
    let time = |f: &mut dyn FnMut() -> usize| {
        let start = std::time::Instant::now();
        let mut sink = 0usize;
        for _ in 0..calls {
            sink = sink.wrapping_add(f());
        }
        std::hint::black_box(sink);
        start.elapsed().as_nanos() as f64 / calls as f64
    };
    for _ in 0..rounds / 10 {
        time(ours);
        time(theirs);
    }
    let (mut ratios, mut a, mut b) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..rounds {
        let (x, y) = if round % 2 == 0 {
            let x = time(ours);
            (x, time(theirs))
        } else {
            let y = time(theirs);
            (time(ours), y)
        };
        ratios.push(x / y);
        a.push(x);
        b.push(y);
    }
    let q = |v: &mut Vec<f64>, at: f64| {
        v.sort_by(f64::total_cmp);
        v[((v.len() - 1) as f64 * at).round() as usize]
    };
    println!(
        "| {name} | {:.1} | {:.1} | **{:.2}×** ({:.2}–{:.2}) |",
        q(&mut a, 0.5),
        q(&mut b, 0.5),
        q(&mut ratios, 0.5),
        q(&mut ratios, 0.25),
        q(&mut ratios, 0.75),
    );
}
