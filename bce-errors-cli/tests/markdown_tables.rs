//! Differential test of the text page reader against pulldown-cmark: on every GFM pipe
//! table pulldown-cmark parses as a table (`Options::ENABLE_TABLES`), `page::text::read`
//! finds the same tables with the same cell text, row by row — on hand-written cases
//! and on random small tables (proptest).
//!
//! Only tables pulldown-cmark accepts are compared: our reader also reads tables GFM
//! rejects (no separator row, no blank line before, one cell a line), and that is not
//! tested here. Where our reader differs from GFM on purpose, [`deliberate_differences`]
//! names each difference and asserts both sides. (The five disagreements this test first
//! found that were bugs — delimiter rows of one dash a cell, `-` rows taken for
//! separators, a closed row joined with the next, a one-column table's separator kept
//! as a cell — are fixed and now agree.)

use bce_errors_cli::page::{Block, CellTable, text};
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Tables, as rows of cell texts.
type Tables = Vec<Vec<Vec<String>>>;

/// Runs of whitespace folded to one space, trimmed: the page model folds every cell
/// (deliberate difference 1), so pulldown-cmark's cells are folded before comparing.
fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// pulldown-cmark's tables. A cell's text is its Text and Code events concatenated,
/// trimmed, as a reader sees it: our reader removes inline markup too (code spans'
/// backticks, emphasis, escapes, entities). Other events (emphasis tags, inline HTML)
/// add nothing.
fn gfm(markdown: &str) -> Tables {
    let mut tables: Tables = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut cell: Option<String> = None;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Table(_)) => tables.push(Vec::new()),
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::Text(t) => {
                if let Some(c) = cell.as_mut() {
                    c.push_str(&t);
                }
            }
            Event::Code(t) => {
                if let Some(c) = cell.as_mut() {
                    c.push_str(&t);
                }
            }
            Event::End(TagEnd::TableCell) => {
                row.push(fold(cell.take().unwrap_or_default().trim()));
            }
            // The header's cells sit directly in `TableHead`, the body's in `TableRow`.
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                let cells = std::mem::take(&mut row);
                if let Some(t) = tables.last_mut() {
                    t.push(cells);
                }
            }
            _ => {}
        }
    }
    tables
}

/// The tables our text reader finds.
fn our_tables(markdown: &str) -> Vec<CellTable> {
    text::read(markdown)
        .blocks
        .into_iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            Block::Line(_) => None,
        })
        .collect()
}

fn cells(table: &CellTable) -> Vec<Vec<String>> {
    table.rows.iter().map(|r| r.cells.clone()).collect()
}

/// Our tables as GFM shapes them: every body row padded with empty cells, or cut, to
/// the header's width (deliberate difference 3: our reader keeps a row's cells as the
/// page writes them, and the importer reports rows of the wrong width).
fn ours(markdown: &str) -> Tables {
    our_tables(markdown)
        .iter()
        .map(|t| {
            let mut rows = cells(t);
            let width = rows.first().map_or(0, Vec::len);
            for row in rows.iter_mut().skip(1) {
                row.resize(width, String::new());
            }
            rows
        })
        .collect()
}

fn strings(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
        .collect()
}

/// The property: when pulldown-cmark finds tables, ours finds the same tables, none
/// written one cell a line, with the same cells.
fn assert_agree(markdown: &str) {
    let expected = gfm(markdown);
    assert!(
        !expected.is_empty(),
        "pulldown-cmark finds no table in {markdown:?}: not a case for this test"
    );
    assert_eq!(ours(markdown), expected, "{markdown:?}");
    assert!(
        our_tables(markdown).iter().all(|t| !t.one_cell_a_line),
        "{markdown:?}"
    );
}

/// Tables both readers read alike. Every case ends with a line break (a page that stops
/// inside its last line is a cut-off page, read differently on purpose).
const AGREEING: &[&str] = &[
    // Outer pipes, both, none, or on one side only.
    "| Code | Message |\n|---|---|\n| NoSuchNat | The nat is not found. |\n",
    "Code | Message\n--- | ---\nNoSuchNat | The nat is not found.\n",
    "| Code | Message\n|---|---\n| NoSuchNat | The nat is not found.\n",
    "Code | Message |\n---|---|\nNoSuchNat | The nat is not found. |\n",
    // Alignment rows.
    "| a | b | c |\n|:---|---:|:---:|\n| 1 | 2 | 3 |\n",
    "| a | b |\n| :-----: | ------: |\n| 1 | 2 |\n",
    "a|b\n:---|---:\n1|2\n",
    // Escaped pipes, in text and in code.
    "| a | b |\n|---|---|\n| x \\| y | \\| |\n",
    "| a | b |\n|---|---|\n| `p\\|q` | `a` or `b` |\n",
    // A pipe inside a code span still ends the cell (GFM splits cells first).
    "| a | b | c |\n|---|---|---|\n| `x|y` | z |\n",
    // Empty cells, an empty header cell, a row of empty cells.
    "|  | b |\n|---|---|\n| 1 |  |\n|  |  |\n",
    // Trailing spaces and tabs around cells and after the row.
    "| a | b |\n|----|---|\n| 1 | 2 |   \n| 3 |\t4\t|\n",
    // Indentation of up to three spaces.
    "   | a | b |\n  | :---: | ---: |\n | 1 | 2 |\n",
    // CJK text, full-width punctuation and the full-width bar `｜` (not a pipe).
    "| 错误码 | 错误信息 | 说明 |\n| --- | --- | --- |\n| 110 | Access token invalid | 请检查：token｜是否过期。 |\n",
    // Fewer and more cells than the header (compared padded / cut, difference 3).
    "| a | b | c |\n|---|---|---|\n| 1 |\n| 1 | 2 | 3 | 4 |\n",
    // A header and separator only.
    "| Code | Message |\n|---|---|\n",
    // Tables after a paragraph, between headings, and two tables a blank line apart.
    "Errors:\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    "# Errors\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n| c | d |\n|---|---|\n| 3 | 4 |\n\n## Next\n",
    // A table ended by the start of another block.
    "| a | b |\n|---|---|\n| 1 | 2 |\n# heading\n",
    "| a | b |\n|---|---|\n| 1 | 2 |\n> quote\n",
    // `-` as a value, as docs write "none" (a row not all dashes).
    "| code | status | message |\n| --- | --- | --- |\n| 200 | - | OK |\n",
    // Windows line breaks.
    "| a | b |\r\n|---|---|\r\n| 1 | 2 |\r\n",
    // Delimiter rows of one dash a cell.
    "| a | b |\n|:-|-:|\n| 1 | 2 |\n",
    "a|b\n-|-\n1|2\n",
    // A body row of `-` cells (docs write `-` for none) is a row, not a separator.
    "| a | b | c |\n|---|---|---|\n| - | - | - |\n| 1 | 2 | 3 |\n",
    // A closed row, then one without a leading pipe: two rows.
    "| a | b |\n|---|---|\n1 | 2 |\n",
];

#[test]
fn hand_written_tables_agree() {
    for markdown in AGREEING {
        assert_agree(markdown);
    }
}

/// Where our reader differs from GFM on purpose; each difference states both sides.
#[test]
fn deliberate_differences() {
    // 1. Whitespace inside a cell is folded (the page model folds every line and cell);
    //    pulldown-cmark keeps it.
    let md = "| a | b |\n|---|---|\n| x  y | p\tq |\n";
    assert_eq!(cells(&our_tables(md)[0])[1], ["x y", "p q"]);
    assert_eq!(raw_cells(md)[1], ["x  y", "p\tq"]);

    // 2. Inline markup is removed as GFM removes it (code spans, emphasis, entities,
    //    backslash escapes), but `<br>` is a line break inside a cell: a space, where
    //    pulldown-cmark drops the inline HTML.
    let md = "| a | b | c | d |\n|---|---|---|---|\n| `x` | *e* | &amp; | \\* x<br>y |\n";
    assert_eq!(cells(&our_tables(md)[0])[1], ["x", "e", "&", "* x y"]);
    assert_eq!(raw_cells(md)[1], ["x", "e", "&", "* xy"]);
    // `\\|`: a pipe inside the cell either way.
    let md = "| a | b |\n|---|---|\n| a\\\\|b | c |\n";
    assert_eq!(cells(&our_tables(md)[0])[1], ["a|b", "c"]);
    assert_eq!(raw_cells(md)[1], ["a|b", "c"]);

    // 3. Rows keep the cells the page writes: GFM pads a short row with empty cells
    //    and drops cells past the header's width.
    let md = "| a | b |\n|---|---|\n| 1 |\n| 1 | 2 | 3 |\n";
    assert_eq!(
        cells(&our_tables(md)[0]),
        strings(&[&["a", "b"], &["1"], &["1", "2", "3"]])
    );
    assert_eq!(gfm(md), [strings(&[&["a", "b"], &["1", ""], &["1", "2"]])]);

    // 4. A line without a pipe after a table is text, not a row (GFM's table takes it
    //    as a row of one cell).
    let md = "| a | b |\n|---|---|\n| 1 | 2 |\nbar\n";
    assert_eq!(ours(md), [strings(&[&["a", "b"], &["1", "2"]])]);
    assert_eq!(
        gfm(md),
        [strings(&[&["a", "b"], &["1", "2"], &["bar", ""]])]
    );
    assert!(
        text::read(md)
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Line(l) if l.text == "bar" && l.line == 4))
    );

    // 5. A row followed by a separator starts a new table, even with no blank line
    //    between (saved pages run tables together); GFM keeps both as body rows.
    let md = "| a | b |\n|---|---|\n| 1 | 2 |\n| c | d |\n|---|---|\n| 3 | 4 |\n";
    assert_eq!(
        ours(md),
        [
            strings(&[&["a", "b"], &["1", "2"]]),
            strings(&[&["c", "d"], &["3", "4"]])
        ]
    );
    assert_eq!(
        gfm(md),
        [strings(&[
            &["a", "b"],
            &["1", "2"],
            &["c", "d"],
            &["---", "---"],
            &["3", "4"]
        ])]
    );

    // 6. A table of one column, every line closed by a pipe, looks like a table written
    //    one cell a line: it comes back flagged `one_cell_a_line`, a row a line, for
    //    `import::cells` to regroup; its cells are GFM's.
    let md = "| a |\n| --- |\n| 1 |\n| 2 |\n";
    let tables = our_tables(md);
    assert!(tables[0].one_cell_a_line);
    assert_eq!(cells(&tables[0]), strings(&[&["a"], &["1"], &["2"]]));
    assert_eq!(gfm(md), [strings(&[&["a"], &["1"], &["2"]])]);

    // 8. A row without a leading pipe that starts like another block (`1. x | y`) ends
    //    a GFM table; saved docs pages are not markdown (their tables were flattened
    //    from HTML, where a cell may well start `1.`), so our reader keeps it as a row.
    let md = "a | b\n--- | ---\n1. x | y\n";
    assert_eq!(ours(md), [strings(&[&["a", "b"], &["1. x", "y"]])]);
    assert_eq!(gfm(md), [strings(&[&["a", "b"]])]);

    // 7. A page that stops inside its last line is a cut-off page: a line without a
    //    pipe there is the start of a row the page cut off (the row before it was closed
    //    by its pipe, so it is whole); that row is marked `cut`, to be reported.
    let md = "| a | b |\n|---|---|\n| 1 | 2 |\nbar";
    let tables = our_tables(md);
    assert_eq!(
        cells(&tables[0]),
        strings(&[&["a", "b"], &["1", "2"], &["bar"]])
    );
    assert!(!tables[0].rows[1].cut && tables[0].rows[2].cut);
}

/// pulldown-cmark's cells with only the trim the brief asks for (no folding, no
/// backticks): for stating differences 1 and 2.
fn raw_cells(markdown: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut cell: Option<String> = None;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = cell.as_mut() {
                    c.push_str(&t);
                }
            }
            Event::End(TagEnd::TableCell) => {
                row.push(cell.take().unwrap_or_default().trim().to_owned());
            }
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                rows.push(std::mem::take(&mut row));
            }
            _ => {}
        }
    }
    rows
}

/// Where a row's outer pipes are.
#[derive(Debug, Clone, Copy)]
enum Pipes {
    Both,
    Leading,
    Trailing,
    Neither,
}

impl Pipes {
    fn leading(self) -> bool {
        matches!(self, Self::Both | Self::Leading)
    }

    fn trailing(self) -> bool {
        matches!(self, Self::Both | Self::Trailing)
    }
}

/// Cell text: empty, or starting with a word, a number or a code span (so a row
/// without a leading pipe never starts another block: `-`, `#`, `>`, `1.`; difference
/// 8), then words, spaces, escaped pipes, code spans, CJK and some punctuation. No other
/// markdown syntax (difference 2), no dash-only cells (a row of them after the header
/// would be GFM's delimiter row).
fn cell() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        "[A-Za-z0-9]{1,4}(_[A-Z0-9]{1,4})?",
        Just("错误码".to_owned()),
        Just("请求参数非法".to_owned()),
        Just("鉴权失败，请重试".to_owned()),
        Just("全角｜竖线".to_owned()),
    ];
    // Not `[0-9]+` then `.`: `1. x` starts a list.
    let number = "[0-9]{1,5}";
    let code = "[a-z0-9]{1,4}(\\\\\\|[a-z0-9]{1,3})?".prop_map(|c| format!("`{c}`"));
    let start = prop_oneof![3 => word.clone(), 1 => number, 1 => code.clone()];
    let more = prop_oneof![
        4 => word.prop_map(|w| format!(" {w}")),
        1 => Just("  ".to_owned()),
        1 => Just("\t".to_owned()),
        2 => Just(" \\| ".to_owned()),
        1 => Just("\\|".to_owned()),
        2 => code.prop_map(|c| format!(" {c}")),
        1 => Just("-".to_owned()),
        1 => Just(" - ".to_owned()),
        1 => Just(" etc.".to_owned()),
        1 => Just("/".to_owned()),
        1 => Just("(x)".to_owned()),
        1 => Just(":".to_owned()),
        1 => Just("=".to_owned()),
    ];
    prop_oneof![
        1 => Just(String::new()),
        5 => (start, prop::collection::vec(more, 0..4))
            .prop_map(|(s, m)| format!("{s}{}", m.concat()).trim_end().to_owned()),
    ]
}

fn pipes() -> impl Strategy<Value = Pipes> {
    prop_oneof![
        Just(Pipes::Both),
        Just(Pipes::Leading),
        Just(Pipes::Trailing),
        Just(Pipes::Neither)
    ]
}

/// One table: its outer pipes, header, alignments and body rows (each possibly
/// narrower or wider than the header), and the spaces padding each cell.
#[derive(Debug, Clone)]
struct Table {
    pipes: Pipes,
    header: Vec<String>,
    align: Vec<(bool, usize, bool)>,
    body: Vec<Vec<String>>,
    pad: Vec<usize>,
}

fn table() -> impl Strategy<Value = Table> {
    (pipes(), 2..5usize).prop_flat_map(|(pipes, width)| {
        let row = move |min: usize, max: usize| prop::collection::vec(cell(), min..=max);
        // A row without outer pipes needs two cells to hold a pipe.
        let narrowest = if pipes.leading() || pipes.trailing() {
            1
        } else {
            2
        };
        (
            Just(pipes),
            row(width, width),
            prop::collection::vec((any::<bool>(), 3..6usize, any::<bool>()), width),
            prop::collection::vec(
                prop_oneof![
                    4 => row(width, width),
                    1 => row(narrowest, width + 1),
                ],
                0..5,
            ),
            prop::collection::vec(0..3usize, 16),
        )
            .prop_map(|(pipes, header, align, body, pad)| {
                Table {
                    pipes,
                    header,
                    align,
                    body,
                    pad,
                }
                .writable()
            })
    })
}

impl Table {
    /// Makes every row writable with its pipes: a row with no leading pipe must start
    /// with a non-empty cell, one with no trailing pipe end with one (else its pipe
    /// reads as an outer pipe).
    fn writable(mut self) -> Self {
        let pipes = self.pipes;
        for row in std::iter::once(&mut self.header).chain(&mut self.body) {
            if let Some(first) = row.first_mut().filter(|c| !pipes.leading() && c.is_empty()) {
                *first = "first".to_owned();
            }
            if let Some(last) = row.last_mut().filter(|c| !pipes.trailing() && c.is_empty()) {
                *last = "last".to_owned();
            }
        }
        self
    }

    fn row(&self, cells: &[String], out: &mut String) {
        let pad = |k: usize| " ".repeat(self.pad[k % self.pad.len()]);
        if self.pipes.leading() {
            out.push('|');
        }
        for (k, c) in cells.iter().enumerate() {
            if k > 0 {
                out.push('|');
            }
            out.push_str(&pad(k));
            out.push_str(c);
            out.push_str(&pad(k + 7));
        }
        if self.pipes.trailing() {
            out.push('|');
        }
        out.push('\n');
    }

    fn write(&self, out: &mut String) {
        self.row(&self.header, out);
        let separator: Vec<String> = self
            .align
            .iter()
            .map(|&(left, dashes, right)| {
                format!(
                    "{}{}{}",
                    if left { ":" } else { "" },
                    "-".repeat(dashes),
                    if right { ":" } else { "" }
                )
            })
            .collect();
        self.row(&separator, out);
        for r in &self.body {
            self.row(r, out);
        }
    }
}

/// A page: tables between headings and paragraphs.
fn page() -> impl Strategy<Value = (Vec<Table>, Vec<usize>)> {
    (
        prop::collection::vec(table(), 1..4),
        prop::collection::vec(0..4usize, 4),
    )
}

fn render(tables: &[Table], before: &[usize]) -> String {
    let mut md = String::new();
    for (k, t) in tables.iter().enumerate() {
        md.push_str(match before[k % before.len()] {
            0 => "\n",
            1 => "## 错误码\n\n",
            // pulldown-cmark lets a table interrupt a paragraph only when its header
            // starts with a pipe.
            2 if t.pipes.leading() => "The errors:\n",
            _ => "Some text.\n\n",
        });
        t.write(&mut md);
        md.push('\n');
    }
    md.push_str("After the tables.\n");
    md
}

proptest! {
    // No regressions file: a failing case is printed, to be copied into `AGREEING` or
    // `KNOWN_DISAGREEMENTS`.
    #![proptest_config(ProptestConfig {
        cases: 512,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_tables_agree((tables, before) in page()) {
        let md = render(&tables, &before);
        let expected = gfm(&md);
        // Every generated table is one GFM accepts.
        prop_assert_eq!(expected.len(), tables.len(), "{:?}", md);
        prop_assert_eq!(ours(&md), expected, "{:?}", md);
        prop_assert!(our_tables(&md).iter().all(|t| !t.one_cell_a_line));
    }
}
