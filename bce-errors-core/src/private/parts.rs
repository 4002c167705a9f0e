//! A table as `code_enum!` writes it: its text, where each text ends, where each row
//! is, and each code's place and key, all found by [`layout`].
//! Read at compile time, by `from_code`'s index and by `From<GlobalError>`'s map; the
//! [`Table`](super::Table) the methods read shares its ends and places, and copies its
//! text into a static of its own.

/// The texts of a row in a [`Table`](super::Table): the variant's name, the code, the
/// message, the description and the Chinese description (empty: none).
pub const FIELDS: usize = 5;

/// What `code_enum!` writes for a row the table holds itself, before [`places`] numbers
/// the own rows.
pub const OWN: u16 = u16::MAX;

/// A row's entry in a table's `places` with this bit set: the row is the row of the
/// borrowed table in the other bits.
pub(super) const BORROWED_BIT: u16 = 1 << 15;

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
#[inline] // Compile time only: see the module docs of `private`.
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
/// [`Table`](super::Table) it borrows from and its row there.
pub(super) enum Place<T> {
    Own(usize),
    Borrowed(T, usize),
}

/// The [`Place`] a `places` entry (see [`places`]) names, in a table that borrows from
/// `borrowed`.
pub(super) const fn place<T: Copy>(place: u16, borrowed: Option<T>) -> Place<T> {
    match (place & BORROWED_BIT, borrowed) {
        (0, _) => Place::Own(place as usize),
        (_, Some(from)) => Place::Borrowed(from, (place & !BORROWED_BIT) as usize),
        (_, None) => panic!("a borrowed row in a table that borrows from none"),
    }
}

/// A row's code as the index reads it, at compile time: its key ([`key`](super::key)
/// at the table's skip), where it starts in the table's text and its length (a borrowed
/// row's code is among the borrowed codes, after the own rows' texts).
#[derive(Debug, Clone, Copy)]
pub struct CodeKey {
    pub(super) key: u64,
    pub(super) start: u32,
    pub(super) len: u32,
}

impl CodeKey {
    /// A row's entry before [`layout`] writes it.
    pub(super) const UNSET: CodeKey = CodeKey {
        key: 0,
        start: 0,
        len: 0,
    };
}

/// What [`layout`] finds at compile time: where each own row's texts end, and each
/// row's [`CodeKey`].
#[derive(Debug)]
pub struct Layout<const T: usize, const R: usize> {
    /// Where each own row's texts end in the table's text.
    pub ends: [u32; T],
    /// Each row's code, its place and its key.
    pub codes: [CodeKey; R],
}

/// The [`Layout`] of a table's rows ([`FIELDS`] texts a row, as `code_enum!` joins them
/// into its text; a borrowed row's variant is empty and its code is its variant's name,
/// which `code_enum!` writes after the own rows' texts), its keys at skip `SKIP`.
pub const fn layout<const T: usize, const R: usize, const SKIP: usize>(
    rows: &[[&str; FIELDS]; R],
) -> Layout<T, R> {
    let mut layout = Layout {
        ends: [0; T],
        codes: [CodeKey::UNSET; R],
    };
    layout_into::<SKIP>(rows, &mut layout.ends, &mut layout.codes);
    layout
}

/// Writes [`layout`]'s ends and codes into `ends` and `codes`.
pub(super) const fn layout_into<const SKIP: usize>(
    rows: &[[&str; FIELDS]],
    ends: &mut [u32],
    codes: &mut [CodeKey],
) {
    // `end`: where the own rows' texts end so far; `tail`: the borrowed codes' length
    // so far (their starts count from the own rows' end until it is known).
    let (mut end, mut tail, mut i, mut row) = (0, 0, 0, 0);
    // No division, no loop over the fields, one `len` a text: each step and each call
    // costs rustc's interpreter.
    while row < rows.len() {
        let [variant, code, message, description, description_zh] = rows[row];
        let (variant_len, code) = (variant.len(), code.as_bytes());
        if variant_len == 0 {
            codes[row] = code_key::<SKIP>(code, tail);
            tail += code.len();
            row += 1;
            continue;
        }
        let start = end;
        end += variant_len;
        ends[i] = end as u32;
        codes[row] = if code.is_empty() {
            // The code is the variant's name.
            code_key::<SKIP>(variant.as_bytes(), start)
        } else {
            code_key::<SKIP>(code, end)
        };
        end += code.len();
        ends[i + 1] = end as u32;
        end += message.len();
        ends[i + 2] = end as u32;
        end += description.len();
        ends[i + 3] = end as u32;
        end += description_zh.len();
        ends[i + 4] = end as u32;
        (i, row) = (i + FIELDS, row + 1);
    }
    assert!(
        i == ends.len(),
        "five texts an own row (a row whose variant is empty is borrowed)"
    );
    assert!(end + tail <= u32::MAX as usize, "a text under 4 GiB");
    // The borrowed codes follow the own rows' texts.
    row = 0;
    while row < rows.len() {
        if rows[row][0].is_empty() {
            codes[row].start += end as u32;
        }
        row += 1;
    }
}

/// The [`CodeKey`] of `code`, starting at `start`.
const fn code_key<const SKIP: usize>(code: &[u8], start: usize) -> CodeKey {
    CodeKey {
        key: key_of::<SKIP>(code),
        start: start as u32,
        len: code.len() as u32,
    }
}

/// [`key`](super::key) at compile time: the same words, read by slice patterns, which
/// bind bytes with no bounds check and no call (each costs rustc's interpreter more
/// than the read). A test holds the two equal.
pub(super) const fn key_of<const SKIP: usize>(code: &[u8]) -> u64 {
    let n = code.len();
    let head = match code {
        [a, b, c, d, e, f, g, h, ..] => u64::from_le_bytes([*a, *b, *c, *d, *e, *f, *g, *h]),
        [a, b, c, d, ..] => u32::from_le_bytes([*a, *b, *c, *d]) as u64,
        [a, ..] => *a as u64 | (code[n / 2] as u64) << 8,
        [] => 0,
    };
    // Eight bytes or more: the tail word ends `SKIP` bytes short of the end, or is the
    // head word.
    let mut skip = if n > 8 + SKIP {
        SKIP
    } else {
        n.saturating_sub(8)
    };
    let mut end = code;
    while skip > 0 {
        if let [rest @ .., _] = end {
            end = rest;
        }
        skip -= 1;
    }
    let tail = match end {
        [.., a, b, c, d, e, f, g, h] => u64::from_le_bytes([*a, *b, *c, *d, *e, *f, *g, *h]),
        [.., a, b, c, d] => u32::from_le_bytes([*a, *b, *c, *d]) as u64,
        [.., last] => *last as u64,
        [] => 0,
    };
    head.wrapping_add(tail) ^ n as u64
}

/// A table as `code_enum!` writes it: read at compile time, by `from_code`'s
/// [`Index`](super::Index) and by [`map_codes`](super::map_codes). No code reads it at
/// run time, so no binary keeps it, nor its codes (the [`Table`](super::Table) shares
/// only its ends and places).
#[derive(Debug)]
pub struct Parts {
    /// The own rows' texts, one after another, then the borrowed rows' codes (a
    /// borrowed row's code is its variant's name: `code_enum!` writes it there).
    pub text: &'static [u8],
    /// Where each own row's texts end in `text`.
    pub ends: &'static [u32],
    /// Each row's code (see [`layout`]).
    pub codes: &'static [CodeKey],
    /// The skip the codes' keys were made with.
    pub skip: usize,
    /// Where each row is (see [`places`]).
    pub places: &'static [u16],
}

impl Parts {
    /// The code of row `row`.
    #[inline] // Compile time only: see the module docs of `private`.
    pub(super) const fn code(&self, row: usize) -> &'static [u8] {
        let CodeKey { start, len, .. } = self.codes[row];
        let (start, len) = (start as usize, len as usize);
        self.text.split_at(start + len).0.split_at(start).1
    }

    /// How many rows.
    #[inline] // Compile time only: see the module docs of `private`.
    pub const fn rows(&self) -> usize {
        self.places.len()
    }
}
