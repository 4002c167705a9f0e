//! HTML pages, tokenized by `html5gum` (a WHATWG-conformant tokenizer: entities, `<` in
//! text, quoted and unquoted attributes, raw text in `<script>` and `<style>`). We keep
//! the table assembly: `<table>` elements become tables (rows, cells, `rowspan` and
//! `colspan` filled in; a table nested in a cell is a table of its own and text of the
//! cell), headings, paragraphs and other text become lines. Linear in the page size:
//! every token is handled once, and open tables are a stack.

use html5gum::{DefaultEmitter, Token, Tokenizer};

use super::{Block, CellRow, CellTable, Line, Page, fold};

/// Elements whose start or end breaks a line of text.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "pre",
    "title",
    "dt",
    "dd",
    "hr",
    "main",
    "body",
    "blockquote",
    "caption",
    "aside",
    "figure",
    "figcaption",
    "details",
    "summary",
    "dl",
];

/// A cell spans at most this many columns (HTML allows 1,000; an error table has a
/// handful, and a hostile page must not make every row a thousand cells).
const MAX_COLSPAN: usize = 64;
/// A cell spans at most this many rows (HTML allows 65,534).
const MAX_ROWSPAN: usize = 1024;

/// A `<table>` being read.
#[derive(Default)]
struct OpenTable {
    rows: Vec<CellRow>,
    row: Option<CellRow>,
    cell: Option<String>,
    /// The current cell's `colspan` and `rowspan`.
    span: (usize, usize),
    /// Cells of earlier rows that reach into later ones: column → (rows left, text).
    pending: Vec<Option<(usize, String)>>,
}

impl OpenTable {
    fn open_row(&mut self, line: usize) {
        self.close_row();
        self.row = Some(CellRow {
            cells: Vec::new(),
            line,
            ..CellRow::default()
        });
        self.fill_pending();
    }

    /// Copies cells spanning down from earlier rows into the current row's next columns.
    fn fill_pending(&mut self) {
        let Some(row) = self.row.as_mut() else { return };
        while let Some(Some((left, text))) = self.pending.get_mut(row.cells.len()) {
            row.cells.push(text.clone());
            *left -= 1;
            if *left == 0 {
                self.pending[row.cells.len() - 1] = None;
            }
        }
    }

    fn open_cell(&mut self, line: usize, span: (usize, usize)) {
        self.close_cell();
        if self.row.is_none() {
            self.open_row(line);
        }
        self.cell = Some(String::new());
        self.span = span;
    }

    fn close_cell(&mut self) {
        let Some(cell) = self.cell.take() else { return };
        let text = fold(&cell);
        let Some(row) = self.row.as_mut() else { return };
        let (colspan, rowspan) = self.span;
        for k in 0..colspan {
            let column = row.cells.len();
            // A spanned cell's text goes in its first column; the others stay empty.
            let value = if k == 0 { text.clone() } else { String::new() };
            if rowspan > 1 {
                if self.pending.len() <= column {
                    self.pending.resize(column + 1, None);
                }
                self.pending[column] = Some((rowspan - 1, value.clone()));
            }
            row.cells.push(value);
        }
        self.fill_pending();
    }

    fn close_row(&mut self) {
        self.close_cell();
        if let Some(row) = self.row.take()
            && !row.cells.is_empty()
        {
            self.rows.push(row);
        }
    }

    /// The text of the cell being read, if any.
    fn cell_text(&mut self) -> Option<&mut String> {
        self.cell.as_mut()
    }
}

/// What the page reader has open.
struct Reader {
    blocks: Vec<Block>,
    text: String,
    text_start: usize,
    tables: Vec<OpenTable>,
    /// Inside `<script>` or `<style>`: their text is not page text.
    raw: Option<Vec<u8>>,
    lines: LineIndex,
}

/// Reads an HTML page into blocks.
pub fn read(html: &str) -> Page {
    let mut reader = Reader {
        blocks: Vec::new(),
        text: String::new(),
        text_start: 0,
        tables: Vec::new(),
        raw: None,
        lines: LineIndex::new(html),
    };
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        reader.token(token);
    }
    reader.finish()
}

impl Reader {
    fn token(&mut self, token: Token<usize>) {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                let number = |key: &str, max: usize| {
                    tag.attributes
                        .get(key.as_bytes())
                        .and_then(|v| String::from_utf8_lossy(v).trim().parse::<usize>().ok())
                        .map_or(1, |n| n.clamp(1, max))
                };
                let span = (
                    number("colspan", MAX_COLSPAN),
                    number("rowspan", MAX_ROWSPAN),
                );
                let line = self.lines.line_of(tag.span.start);
                self.start_tag(&name, line, span, tag.self_closing);
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                self.end_tag(&name);
            }
            Token::String(text) if self.raw.is_none() => {
                let start = text.span.start;
                let text = String::from_utf8_lossy(&text.value);
                // The line of the first character that is not white space.
                let blank = text.len() - text.trim_start().len();
                let line = self.lines.line_of(start + blank);
                self.push_text(&text, line);
            }
            _ => {}
        }
    }

    fn start_tag(&mut self, name: &str, line: usize, span: (usize, usize), self_closing: bool) {
        if self.raw.is_some() {
            return;
        }
        match name {
            "script" | "style" if !self_closing => self.raw = Some(name.as_bytes().to_vec()),
            "table" => {
                self.flush_line();
                self.tables.push(OpenTable::default());
            }
            "tr" => {
                if let Some(t) = self.tables.last_mut() {
                    t.open_row(line);
                }
            }
            "td" | "th" => {
                if let Some(t) = self.tables.last_mut() {
                    t.open_cell(line, span);
                }
            }
            _ if BLOCK_TAGS.contains(&name) => self.break_line(),
            _ => {}
        }
    }

    fn end_tag(&mut self, name: &str) {
        if let Some(raw) = &self.raw {
            if raw == name.as_bytes() {
                self.raw = None;
            }
            return;
        }
        match name {
            "table" => self.close_table(),
            "tr" => {
                if let Some(t) = self.tables.last_mut() {
                    t.close_row();
                }
            }
            "td" | "th" => {
                if let Some(t) = self.tables.last_mut() {
                    t.close_cell();
                }
            }
            _ if BLOCK_TAGS.contains(&name) => self.break_line(),
            _ => {}
        }
    }

    fn close_table(&mut self) {
        let Some(mut table) = self.tables.pop() else {
            return;
        };
        table.close_row();
        if table.rows.is_empty() {
            return;
        }
        // A nested table is also text of the cell holding it.
        if let Some(cell) = self.tables.last_mut().and_then(OpenTable::cell_text) {
            for row in &table.rows {
                cell.push(' ');
                cell.push_str(&row.cells.join(" "));
            }
        }
        self.blocks.push(Block::Table(CellTable {
            rows: table.rows,
            one_cell_a_line: false,
        }));
    }

    /// A line break in text: in a cell, a space; elsewhere the end of a line block.
    fn break_line(&mut self) {
        if self.tables.is_empty() {
            return self.flush_line();
        }
        if let Some(cell) = self.tables.last_mut().and_then(OpenTable::cell_text) {
            cell.push(' ');
        }
    }

    fn push_text(&mut self, text: &str, line: usize) {
        match self.tables.last_mut() {
            Some(table) => {
                if let Some(cell) = table.cell_text() {
                    cell.push_str(text);
                }
            }
            None => {
                if self.text.trim().is_empty() {
                    self.text_start = line;
                }
                self.text.push_str(text);
            }
        }
    }

    fn flush_line(&mut self) {
        let folded = fold(&self.text);
        if !folded.is_empty() {
            self.blocks.push(Block::Line(Line {
                text: folded,
                line: self.text_start,
            }));
        }
        self.text.clear();
    }

    fn finish(mut self) -> Page {
        self.flush_line();
        // Tables still open when the page ends: their last row is cut.
        let mut cut_any = false;
        while let Some(mut table) = self.tables.pop() {
            let open_row = table.row.is_some() || table.cell.is_some();
            table.close_row();
            if let (true, Some(row)) = (open_row && !cut_any, table.rows.last_mut()) {
                row.cut = true;
                row.at_page_end = true;
                cut_any = true;
            }
            if !table.rows.is_empty() {
                self.blocks.push(Block::Table(CellTable {
                    rows: table.rows,
                    one_cell_a_line: false,
                }));
            }
        }
        Page {
            blocks: self.blocks,
            ends_inside_a_line: false,
        }
    }
}

/// The 1-based line of a byte offset of the page, in logarithmic time.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { starts }
    }

    fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables(html: &str) -> Vec<Vec<Vec<String>>> {
        crate::page::table_cells(read(html))
    }

    #[test]
    fn tables_and_headings_with_lines() {
        let html = "<html><body>\n<h2>NAT gateway error codes</h2>\n<table>\n<tr><th>Error code</th><th>Message</th></tr>\n<tr><td>NoSuchNat</td><td>The nat &amp; <b>its</b><br>rules.</td></tr>\n</table></body></html>";
        let page = read(html);
        assert_eq!(
            page.blocks[0],
            Block::Line(Line {
                text: "NAT gateway error codes".into(),
                line: 2
            })
        );
        let Block::Table(table) = &page.blocks[1] else {
            panic!("{:?}", page.blocks)
        };
        assert_eq!(
            table.rows[1].cells,
            vec!["NoSuchNat", "The nat & its rules."]
        );
        assert_eq!(table.rows[1].line, 5);
    }

    #[test]
    fn text_that_looks_like_markup_and_entities() {
        let t = tables(
            "<table><tr><td>count < 10 and > 0</td><td><span title=it's>a</span>&mdash;&hellip;&eacute;</td></tr></table><p>after</p>",
        );
        assert_eq!(t, vec![vec![vec!["count < 10 and > 0", "a—…é"]]]);
    }

    #[test]
    fn rowspan_and_colspan_are_filled_in() {
        let t = tables(
            "<table><tr><td rowspan=2>400</td><td>A</td><td>a</td></tr><tr><td>B</td><td>b</td></tr><tr><td colspan=2>C</td><td>c</td></tr></table>",
        );
        assert_eq!(
            t,
            vec![vec![
                vec!["400", "A", "a"],
                vec!["400", "B", "b"],
                vec!["C", "", "c"]
            ]]
        );
    }

    #[test]
    fn nested_tables_are_tables_and_cell_text() {
        let t = tables("<table><tr><td>x<table><tr><td>in</td></tr></table></td></tr></table>");
        assert_eq!(t, vec![vec![vec!["in"]], vec![vec!["x in"]]]);
    }

    #[test]
    fn a_table_cut_off_by_the_end_of_the_page() {
        let page = read("<table><tr><td>A</td></tr><tr><td>B</td><td>cut sho");
        let Block::Table(table) = &page.blocks[0] else {
            panic!()
        };
        assert_eq!(
            table.rows.iter().map(|r| r.cut).collect::<Vec<_>>(),
            [false, true]
        );
    }

    #[test]
    fn script_and_style_are_not_text() {
        let page =
            read("<p>a</p><script>if (a < b) { x(\"</p>\") }</script><style>p{}</style><p>b</p>");
        let lines: Vec<String> = page
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Line(l) => Some(l.text.clone()),
                Block::Table(_) => None,
            })
            .collect();
        assert_eq!(lines, ["a", "b"]);
    }
}
