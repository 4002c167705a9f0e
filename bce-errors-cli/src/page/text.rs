//! Saved text and markdown: lines, and pipe tables as docs sites actually save them.
//!
//! A pipe table is a run of lines holding `|`: with or without outer pipes, with or
//! without a `|---|` separator (GFM requires one; many saved pages have none), one cell
//! per line (`| 错误码 |` / `错误信息 |` …, a row starting at each line that starts with
//! `|`), or a whole table flattened onto one line (`| A | B | | --- | --- | | a | b |`).
//! `\|` is a pipe inside a cell and `<br>` a line break. pulldown-cmark finds 13 of the
//! 31 error tables on the corpus's pipe-format pages (it needs the separator and a
//! blank line before the table), so this reader is our own; a differential test holds
//! it to pulldown-cmark on the tables GFM defines.

use super::inline::plain;
use super::markdown::{Kind, structure};
use super::{Block, CellRow, CellTable, Line, LineIndex, Page, meta};

/// Reads text and markdown: front matter, fenced code and comments are not text, `#`
/// headings are headings, and HTML tables inside the markdown are read as HTML.
pub fn read(text: &str) -> Page {
    let doc = structure(text);
    let lines: Vec<&str> = doc.lines.iter().map(|l| l.as_ref()).collect();
    let ends_inside_a_line = !text.is_empty() && !text.ends_with('\n');
    let mut blocks = Vec::new();
    // Where each line of `text` starts, made once when an HTML table needs it: counting
    // from the top for each table would be quadratic in tables × lines.
    let mut starts: Option<LineIndex> = None;
    let mut i = 0;
    while i < lines.len() {
        match doc.kinds[i] {
            Kind::Hidden => {}
            Kind::Heading(_) => push_line(&mut blocks, lines[i], i, true),
            Kind::Html { end } => {
                let starts = starts.get_or_insert_with(|| LineIndex::new(text));
                html_blocks(text, starts, i, end, &mut blocks);
                i = end + 1;
                continue;
            }
            Kind::Text => {
                let run = text_block(&lines, i, ends_inside_a_line, &mut blocks);
                i += run.max(1);
                continue;
            }
        }
        i += 1;
    }
    let h1s = (0..lines.len())
        .filter(|&k| doc.kinds[k] == Kind::Heading(1))
        .map(|k| lines[k]);
    Page {
        meta: meta::from_markdown(doc.title.as_deref(), h1s),
        blocks,
        ends_inside_a_line,
    }
}

/// Reads the table or line at `lines[i]`; returns how many lines it took.
fn text_block(
    lines: &[&str],
    i: usize,
    ends_inside_a_line: bool,
    blocks: &mut Vec<Block>,
) -> usize {
    let run = pipe_run(&lines[i..], ends_inside_a_line);
    if run > 0 {
        let at_page_end = ends_inside_a_line && i + run == lines.len();
        if run == 1 {
            if let Some(table) = inline_table(lines[i], i + 1) {
                blocks.push(Block::Table(table));
                return run;
            }
        } else {
            for (start, end) in tables_in_run(&lines[i..i + run]) {
                let last = at_page_end && end == run;
                let table = table(&lines[i + start..i + end], i + start + 1, last);
                blocks.push(Block::Table(table));
            }
            return run;
        }
    }
    push_line(blocks, lines[i], i, false);
    1
}

/// A line of text (0-based `i`), markup removed, unless it is blank.
fn push_line(blocks: &mut Vec<Block>, text: &str, i: usize, heading: bool) {
    let text = plain(text);
    if !text.is_empty() {
        blocks.push(Block::Line(Line {
            text,
            line: i + 1,
            heading,
        }));
    }
}

/// The blocks of the HTML table on lines `start..=end` (0-based) of `text` (`starts`:
/// where its lines start), at their page lines.
fn html_blocks(text: &str, starts: &LineIndex, start: usize, end: usize, blocks: &mut Vec<Block>) {
    let from = starts.start(start).unwrap_or(text.len());
    let to = starts.start(end + 1).unwrap_or(text.len());
    let page = super::html::read(&text[from..to]);
    for mut block in page.blocks {
        match &mut block {
            Block::Line(l) => l.line += start,
            Block::Table(t) => t.rows.iter_mut().for_each(|r| r.line += start),
        }
        blocks.push(block);
    }
}

/// The fewest lines of one cell each (`含义 |`) that make a table: a header of two
/// columns and one row.
const MIN_ONE_CELL_LINES: usize = 4;

/// How many lines from the start of `lines` form a pipe table (0: none). A table is two
/// or more lines holding `|` with at least two cells among them, or one line that is a
/// whole flattened table. When rows start with `|`, a line without one continues the
/// row before it (a cell wrapped onto the next line) when that row is still open and a
/// row follows, or when the saved page stops inside it.
fn pipe_run(lines: &[&str], ends_inside_a_line: bool) -> usize {
    let leading = lines
        .first()
        .is_some_and(|l| l.trim_start().starts_with('|'));
    let mut n = 0;
    while let Some(line) = lines.get(n) {
        // A blank line between two one-cell lines (and not before a new table's `|`
        // header) is a gap inside a table written one cell a line.
        if line.trim().is_empty()
            && n > 0
            && is_one_cell(lines[n - 1])
            && lines
                .get(n + 1)
                .is_some_and(|next| is_one_cell(next) && !next.trim_start().starts_with('|'))
        {
            n += 1;
            continue;
        }
        let piped = line.contains('|') && !line.trim().is_empty();
        // A cell wrapped onto a line of its own: the line before left its row open, or
        // the saved page stops inside this line.
        let wrapped = leading
            && n > 0
            && !line.trim().is_empty()
            && match lines.get(n + 1) {
                Some(next) => next.trim_start().starts_with('|') && !closes(lines[n - 1]),
                None => ends_inside_a_line,
            };
        // The last cell of a table written one cell a line, cut by the end of the page
        // before its closing pipe.
        let cut_cell = n > 0
            && ends_inside_a_line
            && n + 1 == lines.len()
            && is_one_cell(lines[n - 1])
            && !line.trim().is_empty();
        if !(piped || wrapped || cut_cell) {
            break;
        }
        n += 1;
    }
    match n {
        0 => 0,
        1 if is_inline_table(lines[0]) => 1,
        1 => 0,
        // Two pipe lines of prose (`a | b`) are no table unless one is a separator, or
        // they start with a pipe, or a row has two or more cells, or the lines are cells
        // ending in a pipe, enough for a header and a row of two columns each.
        _ if lines[..n].iter().any(|l| is_separator(l))
            || lines.get(1).is_some_and(|l| n > 1 && is_delimiter_row(l))
            || lines[0].trim_start().starts_with('|')
            || lines[..n]
                .iter()
                .filter(|l| split_cells(l).len() >= 2)
                .count()
                >= 2
            || lines[..n].iter().filter(|l| is_one_cell(l)).count() >= MIN_ONE_CELL_LINES =>
        {
            n
        }
        _ => 0,
    }
}

/// A line that is one cell: `| code |`, `说明 |`.
fn is_one_cell(line: &str) -> bool {
    let t = line.trim();
    closes(t) && split_cells(t).len() == 1
}

/// The tables of a run: a separator after the first row starts a new table at the row
/// before it (two tables with nothing between them).
fn tables_in_run(lines: &[&str]) -> Vec<(usize, usize)> {
    let mut starts = vec![0];
    for k in 2..lines.len() {
        if is_separator(lines[k])
            && !is_separator(lines[k - 1])
            && k - 1 > *starts.last().unwrap_or(&0)
        {
            starts.push(k - 1);
        }
    }
    let ends = starts.iter().skip(1).copied().chain([lines.len()]);
    starts.iter().copied().zip(ends).collect()
}

/// `|---|:---:|` or `--- | ---`: a delimiter row as GFM writes it (cells of dashes with
/// optional colons, `|:-|-:|` too), whose cells have at least two dashes each (three in
/// all): such a line is a separator wherever it stands, and starts a new table after a
/// row. A row of single dashes (`| - | - |`, what docs write for "none") is a separator
/// only right after the header ([`is_delimiter_row`]).
fn is_separator(line: &str) -> bool {
    delimiter_dashes(line).is_some_and(|(fewest, all)| fewest >= 2 && all >= 3)
}

/// Any GFM delimiter row (`|:-|-:|`, `-|-`, `| - | - |`): every cell dashes with optional
/// colons, and a pipe unless it has three dashes.
fn is_delimiter_row(line: &str) -> bool {
    delimiter_dashes(line).is_some_and(|(_, all)| all >= 3 || line.contains('|'))
}

/// For a line of delimiter cells, the fewest dashes in a cell and the dashes in all.
fn delimiter_dashes(line: &str) -> Option<(usize, usize)> {
    let cells = split_cells(line);
    let mut fewest = usize::MAX;
    let mut all = 0;
    for cell in &cells {
        let dashes = cell.trim_start_matches(':').trim_end_matches(':');
        if dashes.is_empty() || !dashes.chars().all(|c| c == '-') {
            return None;
        }
        fewest = fewest.min(dashes.len());
        all += dashes.len();
    }
    (!cells.is_empty()).then_some((fewest, all))
}

fn is_dashes(cell: &str) -> bool {
    !cell.is_empty() && cell.chars().all(|c| matches!(c, '-' | ':'))
}

/// A whole table on one line: `| A | B | | --- | --- | | a | b |`.
fn is_inline_table(line: &str) -> bool {
    let cells = split_cells(line);
    cells.iter().any(|c| is_dashes(c)) && cells.len() >= 6
}

fn inline_table(line: &str, number: usize) -> Option<CellTable> {
    let cells = split_cells(line);
    let width = cells.iter().position(|c| is_dashes(c))?;
    let body: Vec<String> = cells[width..]
        .iter()
        .filter(|c| !is_dashes(c) && !c.is_empty())
        .cloned()
        .collect();
    let mut rows = vec![CellRow {
        cells: cells[..width]
            .iter()
            .filter(|c| !c.is_empty())
            .cloned()
            .collect(),
        line: number,
        ..CellRow::default()
    }];
    let width = rows[0].cells.len().max(1);
    rows.extend(body.chunks(width).map(|chunk| CellRow {
        cells: chunk.to_vec(),
        line: number,
        ..CellRow::default()
    }));
    Some(CellTable {
        rows,
        one_cell_a_line: false,
    })
}

/// The rows of a pipe run. When its first line starts with `|`, a row starts at each
/// line that does (so cells may continue over lines without pipes at the start);
/// otherwise every line is a row. When the page stops inside the run's last line
/// (`at_page_end`), its last row is cut unless it ends with a closing pipe like the
/// table's other rows.
fn table(lines: &[&str], first: usize, at_page_end: bool) -> CellTable {
    // One cell a line; the saved page may stop inside the last cell.
    let whole = match at_page_end {
        true => &lines[..lines.len() - 1],
        false => lines,
    };
    let filled = whole.iter().filter(|l| !l.trim().is_empty());
    if filled.clone().count() > 2 && filled.clone().all(|l| is_one_cell(l)) {
        return one_cell_a_line(lines, first, at_page_end);
    }
    let leading = lines[0].trim_start().starts_with('|');
    let mut rows: Vec<(String, usize)> = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        if is_separator(line) || (k == 1 && is_delimiter_row(line)) {
            continue;
        }
        // With rows starting with `|`, a line that does not continues the row before it
        // (a cell wrapped onto the next line) — unless that row was closed by its pipe.
        let starts_row = !leading
            || line.trim_start().starts_with('|')
            || rows.last().is_some_and(|(text, _)| closes(text));
        match rows.last_mut() {
            Some((text, _)) if !starts_row => {
                text.push(' ');
                text.push_str(line);
            }
            _ => rows.push(((*line).to_owned(), first + k)),
        }
    }
    let pipes_close_rows = rows.iter().any(|(t, _)| closes(t));
    let last = rows.len().saturating_sub(1);
    CellTable {
        one_cell_a_line: false,
        rows: rows
            .iter()
            .enumerate()
            .map(|(k, (text, line))| CellRow {
                cells: split_cells(text),
                line: *line,
                cut: at_page_end && k == last && !(pipes_close_rows && closes(text)),
                at_page_end: at_page_end && k == last,
            })
            .collect(),
    }
}

/// A table written one cell a line: a row a line, one cell each, for `import::cells` to
/// regroup. The page's last line, when the page stops inside it, is cut.
fn one_cell_a_line(lines: &[&str], first: usize, at_page_end: bool) -> CellTable {
    let last = lines.len() - 1;
    let rows = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !is_separator(l))
        .map(|(k, line)| CellRow {
            cells: split_cells(line),
            line: first + k,
            cut: at_page_end && k == last && !closes(line),
            at_page_end: at_page_end && k == last,
        })
        .collect();
    CellTable {
        rows,
        one_cell_a_line: true,
    }
}

/// Whether a row's text ends with its closing pipe.
fn closes(row: &str) -> bool {
    let t = row.trim_end();
    t.ends_with('|') && !t.ends_with("\\|")
}

/// Cells of a row, with or without leading and trailing pipes; `\|` is a pipe inside a
/// cell and `<br>` a line break.
pub(crate) fn split_cells(line: &str) -> Vec<String> {
    let t = line.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = if closes(t) { &t[..t.len() - 1] } else { t };
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cell.push('|');
                chars.next();
            }
            '|' => cells.push(std::mem::take(&mut cell)),
            c => cell.push(c),
        }
    }
    cells.push(cell);
    cells.iter().map(|c| plain(c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables(text: &str) -> Vec<Vec<Vec<String>>> {
        crate::page::table_cells(read(text))
    }

    #[test]
    fn markdown_tables_with_and_without_pipes_or_separators() {
        for text in [
            "| A | B |\n|---|---|\n| 1 | 2 |\n",
            "A | B\n--- | ---\n1 | 2\n",
            "A | B |\n1 | 2 |\n",
        ] {
            assert_eq!(
                tables(text),
                vec![vec![vec!["A", "B"], vec!["1", "2"]]],
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_table_on_one_line() {
        assert_eq!(
            tables("| A | B | | --- | --- | | 1 | 2 | | 3 | 4 |"),
            vec![vec![vec!["A", "B"], vec!["1", "2"], vec!["3", "4"]]]
        );
    }

    #[test]
    fn prose_with_one_pipe_is_no_table() {
        assert!(tables("a | b\n").is_empty());
        assert!(tables("x\nthis | that\nmore\n").is_empty());
    }

    #[test]
    fn escaped_pipes_and_breaks_stay_in_the_cell() {
        assert_eq!(split_cells(r"| a \| b | c<br>d |"), vec!["a | b", "c d"]);
    }

    #[test]
    fn the_last_row_is_cut_when_the_page_stops_inside_it() {
        let page = read("| A | B |\n|---|---|\n| 1 | 2 |\n| 3 | thr");
        let Block::Table(t) = &page.blocks[0] else {
            panic!()
        };
        assert_eq!(
            t.rows.iter().map(|r| r.cut).collect::<Vec<_>>(),
            [false, false, true]
        );
        assert!(page.ends_inside_a_line);
    }
}
