//! The table a generated enum's methods read: its text, ends, places, statuses and
//! retry classes, each an array of its own.

use super::parts::{Place, place};
use super::*;
use crate::{RetryClass, Row};

/// A table's text as the array it is kept in (a `static`, so that `from_code` compares
/// codes at an address known when linking, in the crate that defines the enum).
pub const fn text_array<const N: usize>(text: &[u8]) -> [u8; N] {
    match text.first_chunk::<N>() {
        Some(chunk) if text.len() == N => *chunk,
        _ => panic!("a text of the array's length"),
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

/// What a generated enum documents: every own row's [`FIELDS`] texts one after another
/// (the code empty where it is the variant's name), where each text ends, and each
/// row's status, retry class and place. A row the enum shares with `borrowed` (the
/// bundled enums' copies of the global table's rows) is read from there and has no texts
/// here (see [`places`]); only its code is kept, after every own row's texts, for
/// `from_code`. Built by rustc at compile time from the rows of `code_enum!`, each array
/// a static of its own, read as it is: packing them into one array of bytes cost rustc's
/// interpreter a step a byte, more than the four pointers it saved cost the binary.
#[derive(Debug)]
pub struct Table {
    /// The own rows' texts, then the borrowed rows' codes.
    pub(super) text: &'static [u8],
    /// Where each own row's texts end in `text`.
    ends: &'static [u32],
    /// Each row's status (0: none).
    statuses: &'static [u16],
    /// Each row's retry class, where the spec gives one.
    retries: &'static [Option<RetryClass>],
    /// Where each row is (see [`places`]).
    places: &'static [u16],
    /// The table borrowed rows are read from.
    borrowed: Option<&'static Table>,
}

impl Table {
    /// The table of these arrays (a status, a retry class and a place a row).
    #[inline] // Compile time only: see the module docs of `private`.
    pub const fn new(
        text: &'static [u8],
        ends: &'static [u32],
        statuses: &'static [u16],
        retries: &'static [Option<RetryClass>],
        places: &'static [u16],
        borrowed: Option<&'static Table>,
    ) -> Self {
        assert!(
            statuses.len() == places.len() && retries.len() == places.len(),
            "a status, a retry class and a place a row"
        );
        Table {
            text,
            ends,
            statuses,
            retries,
            places,
            borrowed,
        }
    }

    /// The own rows' texts, then the borrowed rows' codes.
    pub const fn text(&self) -> &'static [u8] {
        self.text
    }

    /// Row `row`, as the docs give it (empty texts past the last row). One copy of this
    /// code for every table.
    pub fn row(&self, row: usize) -> Row {
        let Some(&at) = self.places.get(row) else {
            return PAST_THE_END;
        };
        let own = match place(at, self.borrowed) {
            Place::Borrowed(from, at) => return from.row(at),
            Place::Own(own) => own,
        };
        let end = |i: usize| self.ends.get(i).map_or(0, |&end| end as usize);
        let field = |i: usize| -> &'static str {
            let start = if i == 0 { 0 } else { end(i - 1) };
            let bytes = self.text.get(start..end(i)).unwrap_or_default();
            // Always UTF-8: the text is the rows' literals, cut where each one ends.
            core::str::from_utf8(bytes).unwrap_or_default()
        };
        let optional = |text: &'static str| Some(text).filter(|t| !t.is_empty());
        let at = own * FIELDS;
        let (variant, code) = (field(at), field(at + 1));
        Row {
            variant,
            // Empty: the code is the variant's name.
            code: if code.is_empty() { variant } else { code },
            message: field(at + 2),
            description: optional(field(at + 3)),
            description_zh: optional(field(at + 4)),
            status: self.statuses.get(row).copied().filter(|&s| s != 0),
            retry: self.retries.get(row).copied().flatten(),
        }
    }
}
