//! Stage 1 of an import: a saved docs page → blocks, each with the page line it starts
//! on. Lines of text stay lines (tables flattened into text are found later, by
//! [`import`](crate::import)); tables whose cells the page marks — markdown pipes or
//! HTML — become [`CellTable`]s.
//!
//! - [`text`]: saved text and markdown, pipe tables with or without outer pipes, with
//!   or without a `|---|` separator, one cell per line, or a whole table on one line;
//! - [`markdown`]: a markdown document's structure around its tables (front matter,
//!   fenced code, comments, `#` headings, HTML tables inside the markdown);
//! - [`inline`]: inline markup in cells and lines (backticks, emphasis, links, escapes,
//!   tags);
//! - [`html`]: HTML through the `html5gum` tokenizer (entities, `<` in text, quoted
//!   attributes, `rowspan`/`colspan`, nested tables), the page's chrome (head,
//!   navigation, sidebars, footers) kept out of its text;
//! - [`chrome`]: a saved page's head, navigation, sidebars, breadcrumb and footer;
//! - [`tags`]: tags with too many attributes cut before tokenizing (a stack guard);
//! - [`meta`]: what a page says about itself — its title and product — from `<title>`,
//!   `<h1>`, the breadcrumb, front matter or the first `#` heading.

pub mod chrome;
pub mod html;
pub mod inline;
pub mod markdown;
pub mod meta;
pub mod tags;
pub mod text;

/// A docs page as blocks.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Page {
    /// The blocks, in page order.
    pub blocks: Vec<Block>,
    /// Whether the saved text stops inside its last line (no line break after it): a
    /// page cut off by saving, whose last row may be incomplete.
    pub ends_inside_a_line: bool,
    /// What the document's structure says about it: title and product.
    pub meta: meta::Meta,
}

/// One line of text, or a table whose cells the page marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A non-empty line of text, whitespace folded.
    Line(Line),
    /// A table with explicit cells.
    Table(CellTable),
}

/// A line of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The text, whitespace folded.
    pub text: String,
    /// 1-based page line.
    pub line: usize,
    /// A heading (`<h2>`, `## …`) as the document marks it.
    pub heading: bool,
}

/// A table with explicit cells; the first row is the header.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CellTable {
    /// The rows.
    pub rows: Vec<CellRow>,
    /// Written one cell a line (`| code |` / `说明 |` / …): each row here is one cell,
    /// and the real rows are found by the columns (see `import::cells`).
    pub one_cell_a_line: bool,
}

/// One table row.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CellRow {
    /// The cells, whitespace folded.
    pub cells: Vec<String>,
    /// 1-based page line of the row.
    pub line: usize,
    /// The page ends inside this row (no closing `|`, no `</tr>`): its last cell may
    /// be cut short.
    pub cut: bool,
    /// The saved page stops on this row's line: cells it lacks may have been cut off.
    pub at_page_end: bool,
}

/// Reads a page in any supported format: HTML when it starts as an HTML document (or
/// starts with a tag and has a `<table>`), else text and markdown (whose HTML tables
/// are read too).
pub fn read(text: &str) -> Page {
    if is_html(text) {
        html::read(text)
    } else {
        text::read(text)
    }
}

/// How far into a page to look for the start of an HTML document.
const HTML_SNIFF_BYTES: usize = 512;

fn is_html(text: &str) -> bool {
    let start = text.trim_start();
    let head = start
        .get(..HTML_SNIFF_BYTES.min(start.len()))
        .unwrap_or(start)
        .to_ascii_lowercase();
    head.starts_with("<!doctype")
        || head.starts_with("<html")
        || (head.starts_with('<')
            && (text.contains("<table") || text.contains("<TABLE"))
            && !has_markdown_lines(text))
}

/// Whether a document that starts with a tag is markdown all the same: a line of it is a
/// `#` heading or starts with a pipe.
fn has_markdown_lines(text: &str) -> bool {
    text.lines().any(|l| {
        let t = l.trim_start();
        t.starts_with('|') || (t.starts_with('#') && t.trim_start_matches('#').starts_with(' '))
    })
}

/// Folds runs of whitespace to one space and trims.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Where the lines of a text start: made once, then a byte's line in logarithmic time,
/// or a line's first byte at once.
#[derive(Debug, Default)]
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub(crate) fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { starts }
    }

    /// The 1-based line of byte `offset`.
    pub(crate) fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).max(1)
    }

    /// The first byte of 0-based line `line`, if the text has that line.
    pub(crate) fn start(&self, line: usize) -> Option<usize> {
        self.starts.get(line).copied()
    }
}

/// The cells of every table of `page`, row by row (for tests of the readers).
#[cfg(test)]
pub(crate) fn table_cells(page: Page) -> Vec<Vec<Vec<String>>> {
    page.blocks
        .into_iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t.rows.into_iter().map(|r| r.cells).collect()),
            Block::Line(_) => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::LineIndex;

    #[test]
    fn lines_of_bytes_and_bytes_of_lines() {
        let lines = LineIndex::new("ab\ncd\n\nef");
        let at: Vec<usize> = [0, 2, 3, 6, 7, 8].map(|b| lines.line_of(b)).to_vec();
        assert_eq!(at, [1, 1, 2, 3, 4, 4]);
        assert_eq!(
            (lines.start(0), lines.start(3), lines.start(4)),
            (Some(0), Some(7), None)
        );
    }
}
