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

/// `N` (at most 8) bytes of `b` from `at`, little-endian (0 where `b` is shorter). A
/// loop of byte reads with no call: rustc evaluates it fast when it builds an index at
/// compile time (a call costs its interpreter far more than a byte read), and LLVM
/// makes it one load.
#[inline(always)]
const fn word<const N: usize>(b: &[u8], at: usize) -> u64 {
    if at > b.len() || b.len() - at < N {
        return 0;
    }
    let mut word = 0;
    let mut i = N;
    while i > 0 {
        i -= 1;
        word = word << 8 | b[at + i] as u64;
    }
    word
}

/// The lookup key of a code: its length and its first eight bytes and eight bytes at
/// its end mixed (four and four, or three bytes, for shorter codes). The end word
/// stops `SKIP` bytes short of the end: for specs whose codes share a prefix and a
/// suffix (`PrivateIpBlankException`, `PrivateIpInUseException`: skip `Exception`), the
/// generator picks the skip that tells them apart. Two codes with one key still work:
/// the table probes on, and every hit is confirmed by comparing the whole code.
#[inline(always)]
pub const fn key<const SKIP: usize>(b: &[u8]) -> u64 {
    key_at::<SKIP>(b, 0, b.len())
}

/// [`key`] of the `n` bytes of `b` from `at` (a code in a table's text, read in place
/// when the index is built).
#[inline(always)]
const fn key_at<const SKIP: usize>(b: &[u8], at: usize, n: usize) -> u64 {
    let (head, tail) = if n >= 8 {
        (
            word::<8>(b, at),
            word::<8>(b, at + n.saturating_sub(8 + SKIP)),
        )
    } else if n >= 4 {
        (word::<4>(b, at), word::<4>(b, at + n - 4))
    } else if n > 0 {
        (
            b[at] as u64 | (b[at + n / 2] as u64) << 8,
            b[at + n - 1] as u64,
        )
    } else {
        (0, 0)
    };
    head.wrapping_add(tail) ^ n as u64
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

/// The texts of a row in a [`Table`]: the variant's name, the code, the message, the
/// description and the Chinese description (empty: none).
pub const FIELDS: usize = 5;

/// The length of a table's text: its own rows' texts (`own`, as `code_enum!` joins
/// them), then the code of each row it borrows (its [`places`] entry names a row of
/// `borrowed`), so that `from_code`'s index finds every code in one text.
pub const fn text_len(own: &str, places: &[u16], borrowed: Option<&Parts>) -> usize {
    let mut len = own.len();
    let mut row = 0;
    while row < places.len() {
        if let Place::Borrowed(from, at) = place(places[row], borrowed) {
            len += from.code_at(at).0.len;
        }
        row += 1;
    }
    len
}

/// A table's text, as [`text_len`] lays it out.
pub const fn text<const N: usize>(own: &str, places: &[u16], borrowed: Option<&Parts>) -> [u8; N] {
    let mut text = [0u8; N];
    text.split_at_mut(own.len())
        .0
        .copy_from_slice(own.as_bytes());
    let mut at = own.len();
    let mut row = 0;
    while row < places.len() {
        if let Place::Borrowed(from, borrowed_row) = place(places[row], borrowed) {
            // Byte by byte, in place: see `CodeAt`.
            let code = from.code_at(borrowed_row).0;
            let mut i = code.start;
            while i < code.start + code.len {
                text[at] = code.text[i];
                (at, i) = (at + 1, i + 1);
            }
        }
        row += 1;
    }
    // Checked at the end, not by a second pass of `text_len`: a shorter `N` already
    // failed above.
    assert!(at == N, "the text has another length");
    text
}

/// What `code_enum!` writes for a row the table holds itself, before [`places`] numbers
/// the own rows.
pub const OWN: u16 = u16::MAX;

/// A row's entry in a table's `places` with this bit set: the row is the row of the
/// borrowed table in the other bits.
const BORROWED_BIT: u16 = 1 << 15;

/// The most rows a generated enum holds (a place has 15 bits); the engine refuses a
/// larger spec with a located error.
pub const MAX_ROWS: usize = BORROWED_BIT as usize;

/// The `places` of a table from what `code_enum!` writes for each row ([`OWN`], or its
/// row in the borrowed table): an own row's place is its position among the own rows
/// (where its texts' ends are in `ends`), a borrowed row's is `BORROWED_BIT` and its row
/// there.
pub const fn places<const N: usize>(rows: [u16; N]) -> [u16; N] {
    assert!(N <= MAX_ROWS, "at most 32,768 rows");
    let mut places = [0u16; N];
    let (mut own, mut row) = (0, 0);
    while row < N {
        places[row] = if rows[row] == OWN {
            own += 1;
            own - 1
        } else {
            rows[row] | BORROWED_BIT
        };
        assert!(
            rows[row] == OWN || rows[row] < BORROWED_BIT,
            "a borrowed row under 32,768"
        );
        row += 1;
    }
    places
}

/// How many rows of `places` the table holds itself.
pub const fn own_rows(places: &[u16]) -> usize {
    let (mut own, mut row) = (0, 0);
    while row < places.len() {
        if places[row] & BORROWED_BIT == 0 {
            own += 1;
        }
        row += 1;
    }
    own
}

/// Where a row is: the position among the own rows of the table that holds it, or the
/// table it borrows from (its [`Parts`] or its [`Table`]) and its row there.
enum Place<T> {
    Own(usize),
    Borrowed(T, usize),
}

/// The [`Place`] a `places` entry (see [`places`]) names, in a table that borrows from
/// `borrowed`.
const fn place<T: Copy>(place: u16, borrowed: Option<T>) -> Place<T> {
    match (place & BORROWED_BIT, borrowed) {
        (0, _) => Place::Own(place as usize),
        (_, Some(from)) => Place::Borrowed(from, (place & !BORROWED_BIT) as usize),
        (_, None) => panic!("a borrowed row in a table that borrows from none"),
    }
}

/// Where each text of a table's own rows ends in its text, from the rows' texts
/// ([`FIELDS`] a row, as `code_enum!` joins them into the text; a borrowed row's are
/// empty, its variant too, and it has no entries here).
pub const fn ends<const T: usize>(rows: &[[&str; FIELDS]]) -> [u32; T] {
    let mut ends = [0u32; T];
    let (mut end, mut i, mut row) = (0, 0, 0);
    // No division: each step costs rustc's interpreter.
    while row < rows.len() {
        let texts = &rows[row];
        row += 1;
        if texts[0].is_empty() {
            continue;
        }
        let mut field = 0;
        while field < FIELDS {
            end += texts[field].len();
            ends[i] = end as u32;
            (i, field) = (i + 1, field + 1);
        }
    }
    assert!(
        i == T,
        "five texts an own row (a row whose texts are all empty is borrowed)"
    );
    assert!(end <= u32::MAX as usize, "a text under 4 GiB");
    ends
}

/// A code where a table keeps it: the text, where the code starts there, its length.
/// Read byte by byte at compile time: rustc's interpreter pays tens of microseconds for
/// a call that slices (`split_at`, `copy_from_slice`), a few for a byte read.
#[derive(Clone, Copy)]
struct CodeAt<'a> {
    text: &'a [u8],
    start: usize,
    len: usize,
}

impl<'a> CodeAt<'a> {
    /// A whole slice as a code.
    #[cfg(test)]
    const fn of(code: &'a [u8]) -> Self {
        CodeAt {
            text: code,
            start: 0,
            len: code.len(),
        }
    }

    /// Whether the two codes are the same bytes (indexed in place: a call a byte would
    /// cost the interpreter more than the compare).
    const fn same(&self, other: &CodeAt) -> bool {
        if self.len != other.len {
            return false;
        }
        let mut i = 0;
        while i < self.len {
            if self.text[self.start + i] != other.text[other.start + i] {
                return false;
            }
            i += 1;
        }
        true
    }
}

/// A table as `code_enum!` writes it, before [`pack`]: read at compile time only, by
/// `from_code`'s [`Index`], by [`map_codes`] and for borrowed codes (see [`text`]).
/// Arrays indexed in place, where a [`Table`]'s numbers take calls to decode: rustc's
/// interpreter pays for every call, and reading the packed table doubled the bundled
/// enums' constant evaluation. No code reads it at run time, so no binary keeps it.
#[derive(Debug)]
pub struct Parts {
    /// The own rows' texts, one after another, then the borrowed rows' codes.
    pub text: &'static [u8],
    /// Where each own row's texts end in `text`.
    pub ends: &'static [u32],
    /// Where each row is (see [`places`]).
    pub places: &'static [u16],
    /// The parts of the table borrowed rows are read from.
    pub borrowed: Option<&'static Parts>,
}

impl Parts {
    /// Where text `i` is in `text`.
    const fn span(&self, i: usize) -> (usize, usize) {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        (start, self.ends[i] as usize)
    }

    /// Where row `row`'s code is kept (in the borrowed table for a borrowed row), and
    /// whether that is the borrowed table.
    const fn code_at(&self, row: usize) -> (CodeAt<'static>, bool) {
        let own = match place(self.places[row], self.borrowed) {
            Place::Borrowed(from, at) => return (from.code_at(at).0, true),
            Place::Own(own) => own,
        };
        let (mut start, mut end) = self.span(own * FIELDS + 1);
        if start == end {
            // The code is the variant's name.
            (start, end) = self.span(own * FIELDS);
        }
        let code = CodeAt {
            text: self.text,
            start,
            len: end - start,
        };
        (code, false)
    }

    /// The code of row `row` (from the borrowed table for a borrowed row).
    pub const fn code(&self, row: usize) -> &'static [u8] {
        let code = self.code_at(row).0;
        code.text
            .split_at(code.start + code.len)
            .0
            .split_at(code.start)
            .1
    }

    /// How many rows.
    pub const fn rows(&self) -> usize {
        self.places.len()
    }
}

/// The bytes a row has in a [`Table`]'s data after the ends: its status (2), retry
/// class (1) and place (2).
const ROW_BYTES: usize = 5;

/// The length of a [`Table`]'s data: a text of `text` bytes, `ends` ends and `rows`
/// rows (see [`pack`]).
pub const fn packed_len(text: usize, ends: usize, rows: usize) -> usize {
    text + ends * end_bytes(text) + rows * ROW_BYTES
}

/// How many bytes an end takes in the data of a table whose text is `text` bytes: 2
/// where every end fits (every bundled table), else 4.
const fn end_bytes(text: usize) -> usize {
    if text <= u16::MAX as usize { 2 } else { 4 }
}

/// A [`Table`]'s data, in the array it is kept in (a `static`; see [`pack_into`]).
pub const fn pack<const N: usize>(
    text: &[u8],
    ends: &[u32],
    statuses: &[u16],
    retries: &[Option<RetryClass>],
    places: &[u16],
) -> [u8; N] {
    let mut data = [0u8; N];
    pack_into(&mut data, text, ends, statuses, retries, places);
    data
}

/// Writes a table's data into `data` ([`packed_len`] bytes): the text, then each end
/// (little-endian, of `end_bytes`), then each row's status (0: none), retry class (0:
/// none, else its position in [`RetryClass::ALL`] plus one) and place, little-endian.
/// Numbers in bytes, not arrays of their own: one pointer a table, not five (a pointer
/// costs a relocation, 24 bytes, in a position-independent binary).
pub const fn pack_into(
    data: &mut [u8],
    text: &[u8],
    ends: &[u32],
    statuses: &[u16],
    retries: &[Option<RetryClass>],
    places: &[u16],
) {
    let rows = places.len();
    assert!(
        statuses.len() == rows && retries.len() == rows,
        "a status, a retry class and a place a row"
    );
    assert!(
        data.len() == packed_len(text.len(), ends.len(), rows),
        "the data has another length"
    );
    data.split_at_mut(text.len()).0.copy_from_slice(text);
    // Byte by byte, with no call: each costs rustc's interpreter more than a write.
    let wide = end_bytes(text.len()) == 4;
    let (mut at, mut i) = (text.len(), 0);
    while i < ends.len() {
        let end = ends[i];
        (data[at], data[at + 1]) = (end as u8, (end >> 8) as u8);
        at += 2;
        if wide {
            (data[at], data[at + 1]) = ((end >> 16) as u8, (end >> 24) as u8);
            at += 2;
        }
        i += 1;
    }
    let mut row = 0;
    while row < rows {
        let (status, place) = (statuses[row], places[row]);
        (data[at], data[at + 1]) = (status as u8, (status >> 8) as u8);
        data[at + 2] = match retries[row] {
            Some(class) => class as u8 + 1,
            None => 0,
        };
        (data[at + 3], data[at + 4]) = (place as u8, (place >> 8) as u8);
        (at, row) = (at + ROW_BYTES, row + 1);
    }
}

/// [`Table::row`] past the last row: every text empty.
const PAST_THE_END: Row = Row {
    code: "",
    variant: "",
    status: None,
    message: "",
    description: None,
    description_zh: None,
    retry: None,
};

/// What a generated enum documents, in one array of bytes with no pointer a row (see
/// [`pack_into`]): every own row's [`FIELDS`] texts one after another (the code empty
/// where it is the variant's name); where each text ends; each row's status, retry
/// class and place. A row the enum shares with `borrowed` (the bundled enums' copies of
/// the global table's rows) is read from there and has no texts here (see [`places`]);
/// only its code is kept, after every own row's texts, for `from_code` (see
/// [`text_len`]). Built by rustc at compile time from the rows of `code_enum!`.
#[derive(Debug)]
pub struct Table {
    /// The text, the ends, the rows' numbers (see [`pack_into`]).
    data: &'static [u8],
    /// The text's length.
    text_len: u32,
    /// How many ends: [`FIELDS`] an own row.
    ends: u32,
    /// How many rows.
    rows: u32,
    /// The table borrowed rows are read from.
    borrowed: Option<&'static Table>,
}

impl Table {
    /// The table whose data [`pack_into`] wrote from a text of `text_len` bytes and
    /// `ends` ends, borrowing rows from `borrowed`.
    pub const fn new(
        data: &'static [u8],
        text_len: usize,
        ends: usize,
        borrowed: Option<&'static Table>,
    ) -> Self {
        let numbers = data.len() - text_len - ends * end_bytes(text_len);
        assert!(
            numbers.is_multiple_of(ROW_BYTES) && text_len <= u32::MAX as usize,
            "data as `pack_into` writes it"
        );
        Table {
            data,
            text_len: text_len as u32,
            ends: ends as u32,
            rows: (numbers / ROW_BYTES) as u32,
            borrowed,
        }
    }

    /// The own rows' texts, then the borrowed rows' codes.
    pub const fn text(&self) -> &'static [u8] {
        self.data.split_at(self.text_len as usize).0
    }

    /// The `width` bytes at `at`, little-endian.
    fn le(&self, at: usize, width: usize) -> usize {
        let mut value = 0;
        let mut i = width;
        while i > 0 {
            i -= 1;
            value = value << 8 | self.data[at + i] as usize;
        }
        value
    }

    /// Where text `i` ends in the text.
    fn end(&self, i: usize) -> usize {
        let width = end_bytes(self.text_len as usize);
        self.le(self.text_len as usize + i * width, width)
    }

    /// Where row `row`'s numbers are in the data.
    fn numbers(&self, row: usize) -> usize {
        let width = end_bytes(self.text_len as usize);
        self.text_len as usize + self.ends as usize * width + row * ROW_BYTES
    }

    /// Row `row`'s [`Place`].
    fn place(&self, row: usize) -> Place<&'static Table> {
        place(self.le(self.numbers(row) + 3, 2) as u16, self.borrowed)
    }

    /// Where text `i` is in the text.
    fn span(&self, i: usize) -> (usize, usize) {
        let start = if i == 0 { 0 } else { self.end(i - 1) };
        (start, self.end(i))
    }

    /// How many rows.
    fn rows(&self) -> usize {
        self.rows as usize
    }

    /// Row `row`, as the docs give it (empty texts past the last row). One copy of this
    /// code for every table.
    pub fn row(&self, row: usize) -> Row {
        if row >= self.rows() {
            return PAST_THE_END;
        }
        let own = match self.place(row) {
            Place::Borrowed(from, at) => return from.row(at),
            Place::Own(own) => own,
        };
        let text = self.text();
        let field = |i: usize| -> &'static str {
            let (start, end) = self.span(i);
            let bytes = text.get(start..end).unwrap_or_default();
            // Always UTF-8: the text is the rows' literals, cut where each one ends.
            core::str::from_utf8(bytes).unwrap_or_default()
        };
        let optional = |text: &'static str| Some(text).filter(|t| !t.is_empty());
        let at = own * FIELDS;
        let (variant, code) = (field(at), field(at + 1));
        let numbers = self.numbers(row);
        let retry = self.le(numbers + 2, 1).checked_sub(1);
        Row {
            variant,
            // Empty: the code is the variant's name.
            code: if code.is_empty() { variant } else { code },
            message: field(at + 2),
            description: optional(field(at + 3)),
            description_zh: optional(field(at + 4)),
            status: Some(self.le(numbers, 2) as u16).filter(|&s| s != 0),
            retry: retry.and_then(|class| RetryClass::ALL.get(class).copied()),
        }
    }
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
    probes: usize,
    /// The shortest and longest code: other lengths miss at once (and when every code
    /// has eight bytes or more, the caller's key is one branch, folded).
    shortest: usize,
    longest: usize,
}

/// How many of an index's `slots` slots over `table` are narrow: all of them where
/// every start, length and row fits in a narrow slot (a text under 64 KiB, at most 256
/// rows, codes under 256 bytes: every bundled table), else none. Chosen here, by rustc,
/// not by the generator: generated code names the slots, the seed and the skip only.
pub const fn narrow_slots(slots: usize, table: &Parts) -> usize {
    let mut fits = table.text.len() <= u16::MAX as usize && table.rows() <= u8::MAX as usize + 1;
    // A borrowed code is a code of the table it is borrowed from, and so on.
    let mut holder = Some(table);
    while let (true, Some(codes)) = (fits, holder) {
        fits = own_codes_fit(codes);
        holder = codes.borrowed;
    }
    if fits { slots } else { 0 }
}

/// Whether every code `table` holds itself is under 256 bytes (an own row's code is its
/// variant's text or its code's): read off the ends, with no call a row (each costs
/// rustc's interpreter).
const fn own_codes_fit(table: &Parts) -> bool {
    let (mut i, mut start) = (0, 0);
    while i < table.ends.len() {
        let (variant_end, code_end) = (table.ends[i] as usize, table.ends[i + 1] as usize);
        if variant_end - start > u8::MAX as usize || code_end - variant_end > u8::MAX as usize {
            return false;
        }
        start = table.ends[i + FIELDS - 1] as usize;
        i += FIELDS;
    }
    true
}

impl<const NARROW: usize, const WIDE: usize, const SKIP: usize> Index<NARROW, WIDE, SKIP> {
    /// How many slots.
    const SLOTS: usize = NARROW + WIDE;

    /// The index of `table`'s codes hashed with `seed`. An empty code (no spec has one)
    /// is not placed: nothing finds it.
    pub const fn build(table: &'static Parts, seed: u64) -> Self {
        let rows = table.rows();
        assert!(
            Self::SLOTS.is_power_of_two() && Self::SLOTS > rows && rows <= u16::MAX as usize,
            "a code table has a power-of-two size larger than its rows"
        );
        assert!(
            (NARROW == 0 || WIDE == 0) && NARROW == narrow_slots(Self::SLOTS, table),
            "narrow slots where every slot fits one, wide ones elsewhere"
        );
        let mut index = Index {
            seed,
            narrow: [0; NARROW],
            wide: [0; WIDE],
            probes: 1,
            shortest: usize::MAX,
            longest: 0,
        };
        // Where the next borrowed row's code is: after every own row's texts.
        let mut tail = match table.ends.last() {
            Some(end) => *end as usize,
            None => 0,
        };
        let mut row = 0;
        while row < rows {
            // Read in place (see `CodeAt`).
            let (code, borrowed) = table.code_at(row);
            let len = code.len;
            // Where the index finds it: in place, or among the borrowed codes at the end.
            let start = if borrowed { tail } else { code.start };
            if borrowed {
                tail += len;
            }
            row += 1;
            if len == 0 {
                continue;
            }
            assert!(len <= u16::MAX as usize, "a code under 64 KiB");
            if len < index.shortest {
                index.shortest = len;
            }
            if len > index.longest {
                index.longest = len;
            }
            let mut at = home(
                key_at::<SKIP>(code.text, code.start, len),
                seed,
                Self::SLOTS,
            );
            let mut probes = 1;
            while index.slot(at).1 != 0 {
                at = (at + 1) & (Self::SLOTS - 1);
                probes += 1;
            }
            index.put(at, start, len, row - 1);
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
    #[inline(always)]
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

    /// The row whose code is `code`, at compile time: [`find`](Self::find)'s probe, with
    /// a comparison rustc can evaluate.
    const fn row_of(&self, text: &[u8], code: CodeAt) -> Option<usize> {
        let home = home(
            key_at::<SKIP>(code.text, code.start, code.len),
            self.seed,
            Self::SLOTS,
        );
        let mut probe = 0;
        while probe < self.probes {
            let (start, len, row) = self.slot(home + probe);
            if len == 0 {
                return None;
            } else if code.same(&CodeAt { text, start, len }) {
                return Some(row);
            }
            probe += 1;
        }
        None
    }

    /// The row whose code is `code`, in the table whose text is `text`.
    #[inline(always)]
    pub fn find(&self, text: &[u8], code: &str) -> Option<usize> {
        let b = code.as_bytes();
        if b.len() < self.shortest || b.len() > self.longest {
            return None;
        }
        let home = home(key::<SKIP>(b), self.seed, Self::SLOTS);
        for at in home..home + self.probes {
            let (start, len, row) = self.slot(at);
            if len == 0 {
                return None;
            }
            // Sliced by the input's length, not the slot's: the compiler knows the
            // input's bounds (`shortest`, `longest`) and drops checks in `same_code`.
            if len == b.len()
                && text
                    .get(start..start + b.len())
                    .is_some_and(|known| same_code(known, b))
            {
                return Some(row);
            }
        }
        None
    }
}

/// For each row of `from`, the row of `table` (indexed by `index`) with the same code:
/// a row `table` borrows from `from` names it in its place; any other is found through
/// the index (a scan of every pair of rows cost rustc a fifth of a second for the
/// bundled enums). When `table` lacks some, a compile error that says which, and where
/// the spec includes the global table (`at`, `file:line:col`): `From<GlobalError>` maps
/// by this table. `table` borrows from no other table than `from`.
pub const fn map_codes<
    const N: usize,
    const NARROW: usize,
    const WIDE: usize,
    const SKIP: usize,
>(
    from: &Parts,
    table: &Parts,
    index: &Index<NARROW, WIDE, SKIP>,
    at: &str,
) -> [u16; N] {
    const UNMAPPED: u16 = u16::MAX;
    let mut map = [UNMAPPED; N];
    let mut row = 0;
    while row < table.rows() {
        if let Place::Borrowed(_, at) = place(table.places[row], table.borrowed) {
            map[at] = row as u16;
        }
        row += 1;
    }
    let mut missing = Message::new();
    let mut lacking = 0;
    let mut i = 0;
    while i < N {
        if map[i] != UNMAPPED {
            i += 1;
            continue;
        }
        match index.row_of(table.text, from.code_at(i).0) {
            Some(row) => map[i] = row as u16,
            None => {
                missing.push(if lacking == 0 { " `" } else { ", `" });
                missing.push_bytes(from.code(i));
                missing.push("`");
                lacking += 1;
            }
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
        self.push_bytes(text.as_bytes());
    }

    const fn push_bytes(&mut self, text: &[u8]) {
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

    /// A table's parts and the table packed from them, leaked.
    #[derive(Clone, Copy)]
    struct Built {
        parts: &'static Parts,
        table: &'static Table,
    }

    /// A table of `codes` (each its own variant, message "m").
    fn table(codes: &[&str]) -> Built {
        own_and_borrowed(codes, &[], None)
    }

    /// A table of own rows for `codes` and of `borrowed` rows (`(row, row of from)`),
    /// in row order: own rows first, then borrowed ones; no status, no retry class.
    fn own_and_borrowed(codes: &[&str], borrowed: &[u16], from: Option<Built>) -> Built {
        let mut text = String::new();
        let mut ends = Vec::new();
        for code in codes {
            for field in [*code, *code, "m", "", ""] {
                text.push_str(field);
                ends.push(text.len() as u32);
            }
        }
        // Own rows by their position, borrowed ones by their row in `from`.
        let places: Vec<u16> = (0..codes.len() as u16)
            .chain(borrowed.iter().map(|&at| at | BORROWED_BIT))
            .collect();
        // The borrowed rows' codes after the own rows' texts, as `text` lays them out.
        let mut text = text.into_bytes();
        text.extend(
            borrowed
                .iter()
                .flat_map(|&at| from.unwrap().parts.code(at as usize)),
        );
        let rows = places.len();
        let table = packed(
            &text,
            &ends,
            &vec![0; rows],
            &vec![None; rows],
            &places,
            from.map(|from| from.table),
        );
        let parts = Box::leak(Box::new(Parts {
            text: text.leak(),
            ends: ends.leak(),
            places: places.leak(),
            borrowed: from.map(|from| from.parts),
        }));
        Built { parts, table }
    }

    /// The table of these parts, leaked (what `code_enum!` does at compile time).
    fn packed(
        text: &[u8],
        ends: &[u32],
        statuses: &[u16],
        retries: &[Option<RetryClass>],
        places: &[u16],
        borrowed: Option<&'static Table>,
    ) -> &'static Table {
        let mut data = vec![0; packed_len(text.len(), ends.len(), places.len())];
        pack_into(&mut data, text, ends, statuses, retries, places);
        let table = Table::new(data.leak(), text.len(), ends.len(), borrowed);
        Box::leak(Box::new(table))
    }

    #[test]
    fn places_number_own_rows_and_keep_borrowed_ones() {
        let places = places([OWN, 3, OWN, 0, OWN]);
        assert_eq!(places, [0, 3 | BORROWED_BIT, 1, BORROWED_BIT, 2]);
        assert_eq!(own_rows(&places), 3);
        static ENDS: [u32; 5] = ends(&[["A", "a", "m", "", ""], [""; FIELDS]]);
        assert_eq!(ENDS, [1, 2, 3, 3, 3]);
    }

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

    /// `n` codes of many lengths sharing prefixes, then short and numeric ones.
    fn codes(n: usize) -> Vec<&'static str> {
        (0..n)
            .map(|i| &*format!("Code{}x{}{i}", i % 7, "y".repeat(i % 23)).leak())
            .chain(["", "a", "ab", "abc", "abcd", "abcdefgh", "110", "282000"])
            .collect()
    }

    /// An index of `NARROW` narrow or `WIDE` wide slots over a table of `codes` finds
    /// each of them at any seed, and nothing else.
    fn finds_every_code<const NARROW: usize, const WIDE: usize>(codes: &[&str]) {
        let Built { parts, table } = table(codes);
        assert_eq!(
            narrow_slots(NARROW + WIDE, parts),
            NARROW,
            "the layout rustc picks"
        );
        for seed in [1, 3, 0x9E37_79B9_7F4A_7C15, u64::MAX] {
            let index = Index::<NARROW, WIDE, 9>::build(parts, seed);
            for (i, code) in codes.iter().enumerate() {
                // No spec has an empty code; a table that did finds nothing for it.
                let found = Some(i).filter(|_| !code.is_empty());
                assert_eq!(index.find(table.text(), code), found, "{code:?}");
                let at = CodeAt::of(code.as_bytes());
                assert_eq!(index.row_of(parts.text, at), found, "{code:?}");
                assert_eq!(table.row(i).code, *code);
            }
            for miss in [
                "Code0",
                "abcdefgi",
                "ab ",
                "2820000",
                "Code1x\u{0}",
                "Code0x0 ",
            ] {
                assert_eq!(index.find(table.text(), miss), None, "{miss:?}");
                let at = CodeAt::of(miss.as_bytes());
                assert_eq!(index.row_of(parts.text, at), None, "{miss:?}");
            }
        }
    }

    #[test]
    fn every_code_is_found_at_any_seed_and_every_other_code_is_not() {
        // At most 256 rows: narrow slots; more: wide ones.
        finds_every_code::<512, 0>(&codes(200));
        finds_every_code::<0, 512>(&codes(300));
    }

    #[test]
    fn a_long_code_or_a_long_text_takes_wide_slots() {
        let long = "L".repeat(256);
        assert_eq!(narrow_slots(4, table(&[&long[..255]]).parts), 4);
        assert_eq!(narrow_slots(4, table(&[&long]).parts), 0);
        // A borrowed code is a code of the table it is borrowed from.
        let from = |code: &str| table(&[&*code.to_owned().leak()]);
        assert_eq!(
            narrow_slots(4, own_and_borrowed(&["A"], &[0], Some(from(&long))).parts),
            0
        );
        assert_eq!(
            narrow_slots(
                4,
                own_and_borrowed(&["A"], &[0], Some(from(&long[..255]))).parts
            ),
            4
        );
        // And so on down a chain of borrowed tables.
        let chain = own_and_borrowed(&["B"], &[0], Some(from(&long)));
        assert_eq!(
            narrow_slots(4, own_and_borrowed(&["A"], &[0], Some(chain)).parts),
            0
        );
        let wordy: Vec<&str> = (0..200)
            .map(|i| &*format!("{i}{}", "z".repeat(200)).leak())
            .collect();
        assert!(table(&wordy).parts.text.len() > u16::MAX as usize);
        finds_every_code::<0, 256>(&wordy);
    }

    #[test]
    fn narrow_slots_up_to_256_rows_and_a_text_of_65535_bytes() {
        // `n` codes of `len` bytes, told apart by their first three.
        let padded = |n: usize, len: usize, from: usize| -> Vec<&'static str> {
            (from..from + n)
                .map(|i| &*format!("{i:03}{}", "x".repeat(len - 3)).leak())
                .collect()
        };
        finds_every_code::<512, 0>(&padded(256, 8, 0));
        finds_every_code::<0, 512>(&padded(257, 8, 0));
        // 255 rows of 2 × 128 + 1 bytes; then 256 rows of 2 × 128 + 1 and 2 × 127 + 1.
        let at_limit = padded(255, 128, 0);
        assert_eq!(table(&at_limit).parts.text.len(), 65_535);
        finds_every_code::<512, 0>(&at_limit);
        let over = [padded(128, 128, 0), padded(128, 127, 128)].concat();
        assert_eq!(table(&over).parts.text.len(), 65_536);
        finds_every_code::<0, 512>(&over);
    }

    #[test]
    fn rows_read_back_with_their_optional_fields() {
        let text = "NoSuchNatNoSuchNatNot found.Create it.没有E110110Token invalid";
        static ENDS: [u32; 10] = ends(&[
            ["NoSuchNat", "NoSuchNat", "Not found.", "Create it.", "没有"],
            ["E110", "110", "Token invalid", "", ""],
        ]);
        let retries = [None, Some(RetryClass::Never)];
        let table = packed(text.as_bytes(), &ENDS, &[404, 0], &retries, &[0, 1], None);
        let nat = table.row(0);
        assert_eq!(
            (nat.code, nat.message, nat.status),
            ("NoSuchNat", "Not found.", Some(404))
        );
        assert_eq!(
            (nat.description, nat.description_zh),
            (Some("Create it."), Some("没有"))
        );
        let ai = table.row(1);
        assert_eq!(
            (ai.variant, ai.code, ai.status, ai.description),
            ("E110", "110", None, None)
        );
        assert_eq!(ai.retry, Some(RetryClass::Never));
        assert_eq!(table.row(2).code, "", "past the end");
        // A text over 64 KiB: ends of 4 bytes, the numbers after them.
        let long = "d".repeat(70_000);
        let rows = [["A", "a", "M", &long, "B"], ["C", "c", "N", "", ""]];
        let (mut text, mut ends) = (String::new(), Vec::new());
        for field in rows.iter().flatten() {
            text.push_str(field);
            ends.push(text.len() as u32);
        }
        let retries = [Some(RetryClass::Throttling), None];
        let wide = packed(text.as_bytes(), &ends, &[429, 500], &retries, &[0, 1], None);
        assert_eq!(wide.data.len(), text.len() + 10 * 4 + 2 * ROW_BYTES);
        let (a, c) = (wide.row(0), wide.row(1));
        assert_eq!(
            (a.code, a.status, a.retry, a.description_zh),
            ("a", Some(429), Some(RetryClass::Throttling), Some("B"))
        );
        assert_eq!(a.description.map(str::len), Some(70_000));
        assert_eq!(
            (c.variant, c.code, c.message, c.status, c.retry),
            ("C", "c", "N", Some(500), None)
        );
    }

    #[test]
    fn every_retry_class_and_status_reads_back() {
        let classes: Vec<_> = RetryClass::ALL
            .into_iter()
            .map(Some)
            .chain([None])
            .collect();
        let rows = classes.len();
        let statuses: Vec<u16> = (0..rows as u16)
            .map(|i| [0, 200, 429, 500, 65_535][i as usize])
            .collect();
        let text = "A".repeat(rows);
        let ends: Vec<u32> = (1..=rows as u32).flat_map(|i| [i; FIELDS]).collect();
        let places: Vec<u16> = (0..rows as u16).collect();
        let table = packed(text.as_bytes(), &ends, &statuses, &classes, &places, None);
        for (row, (class, status)) in classes.iter().zip(&statuses).enumerate() {
            let read = table.row(row);
            assert_eq!(
                (read.retry, read.status),
                (*class, Some(*status).filter(|&s| s != 0))
            );
        }
    }

    #[test]
    fn borrowed_rows_are_read_from_the_borrowed_table_and_found_in_their_own() {
        let global = table(&["AccessDenied", "InternalError", "MalformedJSON"]);
        // Own: NoSuchNat, InternalError (its own words); borrowed: MalformedJSON,
        // AccessDenied.
        let nat = own_and_borrowed(&["NoSuchNat", "InternalError"], &[2, 0], Some(global));
        let codes = [
            "NoSuchNat",
            "InternalError",
            "MalformedJSON",
            "AccessDenied",
        ];
        for seed in [1, 0x9E37_79B9_7F4A_7C15] {
            let index = Index::<8, 0, 0>::build(nat.parts, seed);
            for (i, code) in codes.iter().enumerate() {
                assert_eq!(index.find(nat.table.text(), code), Some(i), "{code}");
                assert_eq!(nat.table.row(i).code, *code);
                assert_eq!(nat.parts.code(i), code.as_bytes());
            }
            assert_eq!(index.find(nat.table.text(), "Nope"), None);
        }
        assert_eq!(nat.table.row(2).variant, "MalformedJSON");
        // `text` lays out what the helper above built: own texts, then borrowed codes.
        let own = "NoSuchNatNoSuchNatmInternalErrorInternalErrorm";
        let places = [0, 1, 2 | BORROWED_BIT, BORROWED_BIT];
        assert_eq!(text_len(own, &places, Some(global.parts)), 71);
        assert_eq!(text::<71>(own, &places, Some(global.parts)), nat.parts.text);
        assert_eq!(nat.table.text(), nat.parts.text);
        let index = Index::<8, 0, 0>::build(nat.parts, 1);
        assert_eq!(
            map_codes::<3, 8, 0, 0>(global.parts, nat.parts, &index, "x.toml:1:1"),
            [3, 1, 2]
        );
        // A table of borrowed rows only.
        let copy = own_and_borrowed(&[], &[1, 2], Some(global));
        let index = Index::<4, 0, 0>::build(copy.parts, 1);
        let text = copy.table.text();
        assert_eq!(text, b"InternalErrorMalformedJSON");
        assert_eq!(
            (
                index.find(text, "InternalError"),
                index.find(text, "MalformedJSON")
            ),
            (Some(0), Some(1))
        );
        assert_eq!(
            (copy.table.row(1).message, index.find(text, "AccessDenied")),
            ("m", None)
        );
    }

    #[test]
    fn a_table_without_rows_finds_nothing() {
        let table = table(&[]);
        let index = Index::<1, 0, 0>::build(table.parts, 7);
        let text = table.table.text();
        assert_eq!((index.find(text, ""), index.find(text, "x")), (None, None));
    }

    #[test]
    fn a_perfect_seed_needs_one_probe_and_any_seed_works() {
        let table = table(&["a", "b", "c"]);
        let probes = |i: u64| {
            Index::<4, 0, 0>::build(table.parts, i.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1).probes
        };
        assert!((1..100).any(|i| probes(i) == 1));
        assert!((1..100).all(|i| probes(i) <= 3));
    }

    #[test]
    fn codes_map_by_code_whatever_the_order() {
        let from = table(&["b", "a"]);
        let to = table(&["a", "c", "b"]);
        let index = Index::<4, 0, 0>::build(to.parts, 7);
        assert_eq!(
            map_codes::<2, 4, 0, 0>(from.parts, to.parts, &index, "x.toml:1:1"),
            [2, 0]
        );
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
            // `__` names are hidden, and no variant may start with `__`.
            .filter(|name| !name.starts_with("__"))
            .collect();
        let mut api = API.to_vec();
        defined.sort_unstable();
        api.sort_unstable();
        assert_eq!(defined, api, "API and code_enum! disagree");
    }
}
