//! A table as `code_enum!` writes it: its text, where each text ends, where each row
//! is. Read at compile time only, by `from_code`'s index and by `From<GlobalError>`'s
//! map; [`pack`](super::pack) turns it into the [`Table`](super::Table) the methods
//! read.

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
/// table it borrows from (its [`Parts`] or its [`Table`](super::Table)) and its row
/// there.
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

/// Where each text of a table's own rows ends in its text, from the rows' texts
/// ([`FIELDS`] a row, as `code_enum!` joins them into the text; a borrowed row's are
/// empty, its variant too, and it has no entries here).
pub const fn ends<const T: usize>(rows: &[[&str; FIELDS]]) -> [u32; T] {
    let mut ends = [0u32; T];
    let (mut end, mut i, mut row) = (0, 0, 0);
    // No division, no loop over the fields, one `len` a text: each step and each call
    // costs rustc's interpreter.
    while row < rows.len() {
        let [variant, code, message, description, description_zh] = rows[row];
        row += 1;
        let variant = variant.len();
        if variant == 0 {
            continue;
        }
        end += variant;
        ends[i] = end as u32;
        end += code.len();
        ends[i + 1] = end as u32;
        end += message.len();
        ends[i + 2] = end as u32;
        end += description.len();
        ends[i + 3] = end as u32;
        end += description_zh.len();
        ends[i + 4] = end as u32;
        i += FIELDS;
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
pub(super) struct CodeAt<'a> {
    pub(super) text: &'a [u8],
    pub(super) start: usize,
    pub(super) len: usize,
}

impl<'a> CodeAt<'a> {
    /// A whole slice as a code.
    #[cfg(test)]
    pub(super) const fn of(code: &'a [u8]) -> Self {
        CodeAt {
            text: code,
            start: 0,
            len: code.len(),
        }
    }

    /// Whether the two codes are the same bytes (indexed in place: a call a byte would
    /// cost the interpreter more than the compare).
    #[inline] // Compile time only: see the module docs of `private`.
    pub(super) const fn same(&self, other: &CodeAt) -> bool {
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

/// A table as `code_enum!` writes it, before [`pack`](super::pack): read at compile
/// time only, by `from_code`'s [`Index`](super::Index) and by
/// [`map_codes`](super::map_codes). Arrays indexed in place, where a
/// [`Table`](super::Table)'s numbers take calls to decode: rustc's interpreter pays for
/// every call, and reading the packed table doubled the bundled enums' constant
/// evaluation. No code reads it at run time, so no binary keeps it.
#[derive(Debug)]
pub struct Parts {
    /// The own rows' texts, one after another, then the borrowed rows' codes (a
    /// borrowed row's code is its variant's name: `code_enum!` writes it there).
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
    #[inline] // Compile time only: see the module docs of `private`.
    const fn span(&self, i: usize) -> (usize, usize) {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        (start, self.ends[i] as usize)
    }

    /// Where row `row`'s code is kept (in the borrowed table for a borrowed row), and
    /// whether that is the borrowed table.
    #[inline] // Compile time only: see the module docs of `private`.
    pub(super) const fn code_at(&self, row: usize) -> (CodeAt<'static>, bool) {
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
    #[inline] // Compile time only: see the module docs of `private`.
    pub const fn code(&self, row: usize) -> &'static [u8] {
        let code = self.code_at(row).0;
        code.text
            .split_at(code.start + code.len)
            .0
            .split_at(code.start)
            .1
    }

    /// How many rows.
    #[inline] // Compile time only: see the module docs of `private`.
    pub const fn rows(&self) -> usize {
        self.places.len()
    }
}
