//! The table a generated enum's methods read: its parts, statuses and retry classes
//! packed in one static, one pointer a table.

use super::parts::{Place, place};
use super::*;
use crate::{RetryClass, Row};

/// The bytes a row has in a [`Table`]'s data after the ends: its status (2), retry
/// class (1) and place (2).
pub(super) const ROW_BYTES: usize = 5;

/// The length of a [`Table`]'s data: a text of `text` bytes, `ends` ends and `rows`
/// rows (see [`pack`]).
#[inline] // Compile time only: see the module docs of `private`.
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
#[inline] // Compile time only: see the module docs of `private`.
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
/// only its code is kept, after every own row's texts, for `from_code`. Built by rustc
/// at compile time from the rows of `code_enum!`.
#[derive(Debug)]
pub struct Table {
    /// The text, the ends, the rows' numbers (see [`pack_into`]).
    pub(super) data: &'static [u8],
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
    #[inline] // Compile time only: see the module docs of `private`.
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
