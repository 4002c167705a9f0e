//! The layout, the table, the index and the map, each read back.

use super::index::*;
use super::parts::{BORROWED_BIT, CodeKey, key_of, layout_into};
use super::*;
use crate::RetryClass;

/// A table's parts and the table made from them, leaked.
#[derive(Clone, Copy)]
struct Built {
    parts: &'static Parts,
    table: &'static Table,
}

/// A table of `codes` (each its own variant, message "m"), its keys at skip 0.
fn table(codes: &[&str]) -> Built {
    own_and_borrowed::<0>(codes, &[], None)
}

/// A table of own rows for `codes` and of `borrowed` rows (each the row of `from` it
/// borrows), in row order: own rows first, then borrowed ones; no status, no retry
/// class; its keys at skip `SKIP`.
fn own_and_borrowed<const SKIP: usize>(
    codes: &[&str],
    borrowed: &[u16],
    from: Option<Built>,
) -> Built {
    // As `code_enum!` writes them: an own row's five texts, a borrowed row's code.
    let borrowed_codes: Vec<&'static str> = borrowed
        .iter()
        .map(|&at| std::str::from_utf8(from.unwrap().parts.code(at as usize)).unwrap())
        .collect();
    let rows: Vec<[&str; FIELDS]> = codes
        .iter()
        .map(|&code| [code, code, "m", "", ""])
        .chain(borrowed_codes.iter().map(|&code| ["", code, "", "", ""]))
        .collect();
    // The text: their texts one after another, as `code_enum!` joins them.
    let text = rows.concat().concat();
    // Own rows by their position, borrowed ones by their row in `from`.
    let places: Vec<u16> = (0..codes.len() as u16)
        .chain(borrowed.iter().map(|&at| at | BORROWED_BIT))
        .collect();
    let (ends, keys) = laid_out::<SKIP>(&rows);
    let rows = places.len();
    let (text, ends, places) = (text.into_bytes().leak(), ends.leak(), places.leak());
    let table = made(
        text,
        ends,
        &vec![0; rows],
        &vec![None; rows],
        places,
        from.map(|from| from.table),
    );
    let parts = Box::leak(Box::new(Parts {
        text,
        ends,
        codes: keys.leak(),
        skip: SKIP,
        places,
    }));
    Built { parts, table }
}

/// `layout` of `rows` (as `code_enum!` writes them).
fn laid_out<const SKIP: usize>(rows: &[[&str; FIELDS]]) -> (Vec<u32>, Vec<CodeKey>) {
    let own = rows.iter().filter(|row| !row[0].is_empty()).count();
    let mut ends = vec![0; own * FIELDS];
    let mut codes = vec![CodeKey::UNSET; rows.len()];
    layout_into::<SKIP>(rows, &mut ends, &mut codes);
    (ends, codes)
}

/// The table of these arrays, leaked (what `code_enum!` does at compile time).
fn made(
    text: &'static [u8],
    ends: &[u32],
    statuses: &[u16],
    retries: &[Option<RetryClass>],
    places: &[u16],
    borrowed: Option<&'static Table>,
) -> &'static Table {
    let table = Table::new(
        text,
        ends.to_vec().leak(),
        statuses.to_vec().leak(),
        retries.to_vec().leak(),
        places.to_vec().leak(),
        borrowed,
    );
    Box::leak(Box::new(table))
}

#[test]
fn places_number_own_rows_and_keep_borrowed_ones() {
    let places = places([OWN, 3, OWN, 0, OWN]);
    assert_eq!(places, [0, 3 | BORROWED_BIT, 1, BORROWED_BIT, 2]);
    assert_eq!(own_rows(&places), 3);
    static LAYOUT: Layout<5, 2> =
        layout::<5, 2, 0>(&[["A", "a", "m", "", ""], ["", "B", "", "", ""]]);
    assert_eq!(LAYOUT.ends, [1, 2, 3, 3, 3]);
    let [own, borrowed] = LAYOUT.codes;
    assert_eq!((own.start, own.len, own.key), (1, 1, key::<0>(b"a")));
    // A borrowed code follows the own rows' texts.
    assert_eq!(
        (borrowed.start, borrowed.len, borrowed.key),
        (3, 1, key::<0>(b"B"))
    );
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

/// `key` (run time) and `key_of` (compile time) agree at every length and skip.
#[test]
fn the_run_time_key_is_the_compile_time_key() {
    let text: Vec<u8> = (0..64u32).map(|i| (i * 37 + 11) as u8).collect();
    for n in 0..=40 {
        let code = &text[3..3 + n];
        macro_rules! agree {
            ($($skip:literal)*) => {$(
                assert_eq!(key::<$skip>(code), key_of::<$skip>(code), "n {n} skip {}", $skip);
            )*};
        }
        agree!(0 1 2 5 8 9 16);
    }
}

/// `n` codes of many lengths sharing prefixes, then short and numeric ones.
fn codes(n: usize) -> Vec<&'static str> {
    (0..n)
        .map(|i| &*format!("Code{}x{}{i}", i % 7, "y".repeat(i % 23)).leak())
        .chain(["a", "ab", "abc", "abcd", "abcdefgh", "110", "282000"])
        .collect()
}

/// An index of `NARROW` narrow or `WIDE` wide slots over a table of `codes` finds
/// each of them at any seed, and nothing else.
fn finds_every_code<const NARROW: usize, const WIDE: usize>(codes: &[&str]) {
    let Built { parts, table } = own_and_borrowed::<9>(codes, &[], None);
    assert_eq!(
        narrow_slots(NARROW + WIDE, parts),
        NARROW,
        "the layout rustc picks"
    );
    for seed in [1, 3, 0x9E37_79B9_7F4A_7C15, u64::MAX] {
        let index = Index::<NARROW, WIDE, 9>::build(parts, seed);
        for (i, code) in codes.iter().enumerate() {
            let found = Some(i);
            assert_eq!(index.find(table.text(), code), found, "{code:?}");
            assert_eq!(index.row_of(parts.text, parts, i), found, "{code:?}");
            assert_eq!(table.row(i).code, *code);
        }
        let misses = [
            "Code0",
            "abcdefgi",
            "ab ",
            "2820000",
            "Code1x\u{0}",
            "Code0x0 ",
        ];
        // At skip 9 and at another skip, which `row_of` keys again.
        let at_9 = own_and_borrowed::<9>(&misses, &[], None).parts;
        let at_0 = own_and_borrowed::<0>(&misses, &[], None).parts;
        for (i, miss) in misses.iter().enumerate() {
            assert_eq!(index.find(table.text(), miss), None, "{miss:?}");
            assert_eq!(index.row_of(parts.text, at_9, i), None, "{miss:?}");
            assert_eq!(index.row_of(parts.text, at_0, i), None, "{miss:?}");
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
        narrow_slots(
            4,
            own_and_borrowed::<0>(&["A"], &[0], Some(from(&long))).parts
        ),
        0
    );
    assert_eq!(
        narrow_slots(
            4,
            own_and_borrowed::<0>(&["A"], &[0], Some(from(&long[..255]))).parts
        ),
        4
    );
    // And so on down a chain of borrowed tables; the codes of the table borrowed from
    // that this one does not borrow do not count.
    let chain = own_and_borrowed::<0>(&["B"], &[0], Some(from(&long)));
    let a = |row| own_and_borrowed::<0>(&["A"], &[row], Some(chain)).parts;
    assert_eq!((narrow_slots(4, a(1)), narrow_slots(4, a(0))), (0, 4));
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
    const TEXT: &str = "NoSuchNatNoSuchNatNot found.Create it.没有E110110Token invalid";
    static LAYOUT: Layout<10, 2> = layout::<10, 2, 0>(&[
        ["NoSuchNat", "NoSuchNat", "Not found.", "Create it.", "没有"],
        ["E110", "110", "Token invalid", "", ""],
    ]);
    let retries = [None, Some(RetryClass::Never)];
    let table = made(
        TEXT.as_bytes(),
        &LAYOUT.ends,
        &[404, 0],
        &retries,
        &[0, 1],
        None,
    );
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
    // A text over 64 KiB.
    let long = "d".repeat(70_000);
    let rows = [["A", "a", "M", &long, "B"], ["C", "c", "N", "", ""]];
    // The text: their texts one after another, as `code_enum!` joins them.
    let text = rows.concat().concat();
    let (ends, _) = laid_out::<0>(&rows);
    let retries = [Some(RetryClass::Throttling), None];
    let text = text.into_bytes().leak();
    let wide = made(text, &ends, &[429, 500], &retries, &[0, 1], None);
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
    let text = "A".repeat(rows).into_bytes().leak();
    let ends: Vec<u32> = (1..=rows as u32).flat_map(|i| [i; FIELDS]).collect();
    let places: Vec<u16> = (0..rows as u16).collect();
    let table = made(text, &ends, &statuses, &classes, &places, None);
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
    let nat = own_and_borrowed::<0>(&["NoSuchNat", "InternalError"], &[2, 0], Some(global));
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
    // Own texts, then borrowed codes (`code_enum!` writes them in that order).
    assert_eq!(
        nat.parts.text,
        b"NoSuchNatNoSuchNatmInternalErrorInternalErrormMalformedJSONAccessDenied"
    );
    assert_eq!(nat.table.text(), nat.parts.text);
    let index = Index::<8, 0, 0>::build(nat.parts, 1);
    assert_eq!(
        map_codes::<3, 8, 0, 0>(global.parts, nat.parts, &index, "x.toml:1:1"),
        [3, 1, 2]
    );
    // A table of borrowed rows only.
    let copy = own_and_borrowed::<0>(&[], &[1, 2], Some(global));
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

/// Maps `AccessDenied` to a table whose one borrowed row (borrowing `AccessDenied`'s
/// row) is written as the variant `name`, as if `code_enum!` had written another name
/// than the code it borrows.
fn map_borrowing_as(name: &str) {
    let global = table(&["AccessDenied"]);
    let other = table(&[&*name.to_owned().leak()]);
    let nat = own_and_borrowed::<0>(&["NoSuchNat"], &[0], Some(other));
    let index = Index::<4, 0, 0>::build(nat.parts, 1);
    map_codes::<1, 4, 0, 0>(global.parts, nat.parts, &index, "x.toml:1:1");
}

#[test]
#[should_panic(expected = "a borrowed row's variant is the code of the row it borrows")]
fn a_borrowed_row_of_another_code_of_the_same_length_fails_the_build() {
    map_borrowing_as("AccessDeniex");
}

#[test]
#[should_panic(expected = "a borrowed row's variant is the code of the row it borrows")]
fn a_borrowed_row_of_another_length_fails_the_build() {
    map_borrowing_as("AccessDeny");
}

#[test]
fn a_text_array_is_the_text_of_its_length() {
    const TEXT: [u8; 3] = text_array(b"abc");
    assert_eq!(&TEXT, b"abc");
    assert_eq!(text_array::<0>(b""), [0u8; 0]);
}

#[test]
#[should_panic(expected = "a text of the array's length")]
fn a_text_array_of_another_length_fails_the_build() {
    // A text longer than the array passes `first_chunk`; the length check refuses it.
    let _ = text_array::<2>(b"abc");
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
    let source = include_str!("../code_enum.rs");
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
