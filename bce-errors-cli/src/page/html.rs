//! HTML pages, tokenized by `html5gum` (a WHATWG-conformant tokenizer: entities, `<` in
//! text, quoted and unquoted attributes, raw text in `<script>` and `<style>`). We keep
//! the table assembly: `<table>` elements become tables (rows, cells, `rowspan` and
//! `colspan` filled in; a table nested in a cell is a table of its own and text of the
//! cell), headings, paragraphs and other text become lines; a `<caption>` is the
//! table's heading. The page's chrome (head, navigation, sidebars, footer: see
//! [`chrome`](super::chrome)) is not text; its `<title>`, first `<h1>` and breadcrumb
//! give the page's [`Meta`](super::meta::Meta). Linear in the page size: every token is
//! handled once, and open tables and chrome elements are stacks.

use html5gum::{DefaultEmitter, Token, Tokenizer};

use super::chrome::{Chrome, MAX_MARK_BYTES};
use super::tags::BLOCK_TAGS;
use super::{Block, CellRow, CellTable, Line, Page, fold, meta};

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
    /// Whether the current row has opened a cell of its own yet.
    opened_a_cell: bool,
}

impl OpenTable {
    fn open_row(&mut self, line: usize) {
        self.close_row();
        self.opened_a_cell = false;
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
        // A row's line is its first own cell's (a cell spanning down from an earlier
        // row does not count), not its `<tr>`'s.
        if let Some(row) = self.row.as_mut()
            && !self.opened_a_cell
        {
            row.line = line;
        }
        self.opened_a_cell = true;
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
#[derive(Default)]
struct Reader {
    blocks: Vec<Block>,
    text: String,
    /// `text` is white space only (kept so, not rescanned: a page of many blank inline
    /// elements stays linear).
    text_blank: bool,
    text_start: usize,
    tables: Vec<OpenTable>,
    /// Inside `<script>` or `<style>`: their text is not page text.
    raw: Option<Vec<u8>>,
    lines: super::LineIndex,
    chrome: Chrome,
    /// Inside a heading (`<h1>`…`<h6>`) or a `<caption>`: the line is a heading.
    in_heading: bool,
    in_caption: bool,
    /// The `<title>` and the first `<h1>`, as read so far (`None` until they start).
    title: Option<String>,
    in_title: bool,
    h1: Option<String>,
    in_h1: bool,
}

/// Reads an HTML page into blocks.
pub fn read(html: &str) -> Page {
    let html = super::tags::cap_attributes(html);
    let html = html.as_ref();
    let mut reader = Reader {
        text_blank: true,
        lines: super::LineIndex::new(html),
        ..Reader::default()
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
                if self.raw.is_none() {
                    let attribute = |key: &str| {
                        tag.attributes
                            .get(key.as_bytes())
                            .filter(|v| v.len() <= MAX_MARK_BYTES)
                            .map(|v| String::from_utf8_lossy(v).into_owned())
                    };
                    self.chrome.start(&name, attribute, tag.self_closing);
                }
                self.start_tag(&name, line, span, tag.self_closing);
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if self.raw.is_none() {
                    self.chrome.end(&name);
                }
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
            "title" => {
                self.in_title = true;
                self.title.get_or_insert_with(String::new);
            }
            "caption" => {
                self.flush_line();
                self.in_caption = true;
            }
            _ if heading_level(name).is_some() => {
                self.break_line();
                self.in_heading = true;
                if name == "h1" && self.h1.is_none() {
                    self.in_h1 = true;
                    self.h1 = Some(String::new());
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
            "title" => self.in_title = false,
            "caption" => {
                self.flush_line();
                self.in_caption = false;
            }
            _ if heading_level(name).is_some() => {
                self.break_line();
                self.in_heading = false;
                self.in_h1 = false;
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
        if self.in_title {
            self.title.get_or_insert_with(String::new).push_str(text);
            return;
        }
        if self.in_h1
            && let Some(h1) = self.h1.as_mut()
        {
            h1.push_str(text);
        }
        if self.chrome.text(text) {
            return;
        }
        if let Some(cell) = self.tables.last_mut().and_then(OpenTable::cell_text) {
            return cell.push_str(text);
        }
        let caption = self.in_caption && !self.tables.is_empty();
        if (self.tables.is_empty() || caption) && !self.chrome.hides_text() {
            if self.text_blank {
                self.text_start = line;
                self.text_blank = text.trim().is_empty();
            }
            self.text.push_str(text);
        }
    }

    fn flush_line(&mut self) {
        if !self.text_blank {
            self.blocks.push(Block::Line(Line {
                text: fold(&self.text),
                line: self.text_start,
                heading: self.in_heading || self.in_caption,
            }));
        }
        self.text.clear();
        self.text_blank = true;
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
        let title = self.title.as_deref().map(fold);
        let h1 = self.h1.as_deref().map(fold);
        Page {
            blocks: self.blocks,
            ends_inside_a_line: false,
            meta: meta::from_html(title.as_deref(), h1.as_deref(), &self.chrome.crumbs),
        }
    }
}

/// `h1` … `h6` → 1 … 6.
fn heading_level(name: &str) -> Option<u8> {
    match name.as_bytes() {
        [b'h', d @ b'1'..=b'6'] => Some(d - b'0'),
        _ => None,
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
                line: 2,
                heading: true,
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
    fn a_row_is_on_the_line_of_its_first_own_cell() {
        let page = read(
            "<table>\n<tr>\n<td rowspan=2>400</td><td>A</td></tr>\n<tr>\n\n<td>B</td></tr></table>",
        );
        let Block::Table(table) = &page.blocks[0] else {
            panic!("{:?}", page.blocks)
        };
        let lines: Vec<usize> = table.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [3, 6], "{:?}", table.rows);
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
