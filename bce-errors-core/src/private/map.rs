//! `From<GlobalError>`'s map: for each global row, the row of an enum with its code.

use super::parts::BORROWED_BIT;
use super::*;

/// A global row no row of the table has the code of (yet).
const UNMAPPED: u16 = u16::MAX;

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
    let mut map = [UNMAPPED; N];
    let mut row = 0;
    while row < table.rows() {
        // A borrowed row: the row of `from` in the other bits (see `places`; read in
        // place, as a call costs rustc's interpreter more).
        let place = table.places[row];
        if place & BORROWED_BIT != 0 {
            let at = (place & !BORROWED_BIT) as usize;
            // `code_enum!` keeps a borrowed row's code as its variant's name: the
            // generator borrows only rows whose code that is. Checked by length, and by
            // key where both keys are made alike (the round trip of every bundled code,
            // in tests/, checks the bytes).
            let (own, theirs) = (table.codes[row], from.codes[at]);
            assert!(
                own.len == theirs.len && (table.skip != from.skip || own.key == theirs.key),
                "a borrowed row's variant is the code of the row it borrows"
            );
            map[at] = row as u16;
        }
        row += 1;
    }
    let mut complete = true;
    let mut i = 0;
    while i < N {
        if map[i] == UNMAPPED {
            match index.row_of(table.text, from, i) {
                Some(row) => map[i] = row as u16,
                None => complete = false,
            }
        }
        i += 1;
    }
    if !complete {
        let message = lacking_codes(from, &map, at);
        panic!("{}", message.as_str());
    }
    map
}

/// The error when the table lacks `from`'s rows whose `map` entry is unmapped.
#[inline] // Compile time only: see the module docs of `private`.
const fn lacking_codes(from: &Parts, map: &[u16], at: &str) -> Message {
    let mut missing = Message::new();
    let mut i = 0;
    while i < map.len() {
        if map[i] == UNMAPPED {
            missing.push(if missing.len == 0 { " `" } else { ", `" });
            missing.push_bytes(from.code(i));
            missing.push("`");
        }
        i += 1;
    }
    let mut message = Message::new();
    message.push(at);
    message.push(
        ": this spec includes a `global = true` table that lacks codes of the bundled GlobalError:",
    );
    message.push(missing.as_str());
    message.push(". Help: enums that include the global table convert from bce_errors::services::GlobalError, so it needs every global code: include the bundled specs/global.toml (or a copy with every code)");
    message
}

/// A message built at compile time (cut at its capacity).
struct Message {
    bytes: [u8; 2048],
    len: usize,
}

impl Message {
    #[inline] // Compile time only: see the module docs of `private`.
    const fn new() -> Self {
        Message {
            bytes: [0; 2048],
            len: 0,
        }
    }

    #[inline] // Compile time only: see the module docs of `private`.
    const fn push(&mut self, text: &str) {
        self.push_bytes(text.as_bytes());
    }

    #[inline] // Compile time only: see the module docs of `private`.
    const fn push_bytes(&mut self, text: &[u8]) {
        let mut i = 0;
        while i < text.len() && self.len < self.bytes.len() {
            self.bytes[self.len] = text[i];
            self.len += 1;
            i += 1;
        }
    }

    #[inline] // Compile time only: see the module docs of `private`.
    const fn as_str(&self) -> &str {
        match core::str::from_utf8(self.bytes.split_at(self.len).0) {
            Ok(text) => text,
            Err(_) => "(message cut inside a character)",
        }
    }
}
