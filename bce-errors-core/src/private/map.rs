//! `From<GlobalError>`'s map: for each global row, the row of an enum with its code.

use super::parts::{Place, place};
use super::*;

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
