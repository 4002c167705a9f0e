//! A docs page as blocks: lines of text and tables with explicit cells, each with the
//! page line it starts on. Saved text, markdown and HTML all end up here.

use crate::html;

/// One line of text, or a table whose cells are known (markdown or HTML).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A non-empty line of text, whitespace folded.
    Line {
        /// The text.
        text: String,
        /// 1-based page line.
        line: usize,
    },
    /// A table with explicit cells; the first row is the header.
    Table {
        /// Rows of cells, whitespace folded.
        rows: Vec<Cells>,
    },
}

/// One table row with explicit cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cells {
    /// The cells, whitespace folded.
    pub cells: Vec<String>,
    /// 1-based page line of the row.
    pub line: usize,
}

/// Reads a page in any supported format: HTML when it has a `<table>` or starts as an
/// HTML document, else text with markdown tables.
pub fn read(text: &str) -> Vec<Block> {
    let head = text
        .trim_start()
        .get(..512.min(text.trim_start().len()))
        .unwrap_or("")
        .to_ascii_lowercase();
    if head.starts_with("<!doctype")
        || head.starts_with("<html")
        || text.contains("<table")
        || text.contains("<TABLE")
    {
        html::blocks(text)
    } else {
        text_blocks(text)
    }
}

/// Folds runs of whitespace to one space and trims.
pub fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn text_blocks(text: &str) -> Vec<Block> {
    let lines: Vec<&str> = text.lines().collect();
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if is_table_start(&lines, i) {
            let mut rows = vec![Cells {
                cells: split_row(lines[i]),
                line: i + 1,
            }];
            i += 2; // header and separator
            while i < lines.len() && lines[i].contains('|') && !lines[i].trim().is_empty() {
                if !is_separator(lines[i]) {
                    rows.push(Cells {
                        cells: split_row(lines[i]),
                        line: i + 1,
                    });
                }
                i += 1;
            }
            blocks.push(Block::Table { rows });
            continue;
        }
        let text = fold(lines[i]);
        if !text.is_empty() {
            blocks.push(Block::Line { text, line: i + 1 });
        }
        i += 1;
    }
    blocks
}

/// A markdown table: a row with at least two cells, then a `---|---` separator.
fn is_table_start(lines: &[&str], i: usize) -> bool {
    lines[i].contains('|')
        && lines.get(i + 1).is_some_and(|next| is_separator(next))
        && split_row(lines[i]).len() >= 2
}

/// `|---|:---:|` or `--- | ---`: dashes, colons, pipes and spaces only.
fn is_separator(line: &str) -> bool {
    let t = line.trim();
    t.matches('-').count() >= 3 && t.chars().all(|c| matches!(c, '-' | ':' | '|' | ' ' | '\t'))
}

/// Cells of a markdown row, with or without leading and trailing pipes; `\|` is a pipe
/// inside a cell and `<br>` a line break.
fn split_row(line: &str) -> Vec<String> {
    let t = line.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = if t.ends_with('|') && !t.ends_with("\\|") {
        &t[..t.len() - 1]
    } else {
        t
    };
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
    cells
        .iter()
        .map(|c| {
            fold(
                &c.replace("<br>", " ")
                    .replace("<br/>", " ")
                    .replace("<br />", " "),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_tables_with_and_without_pipes() {
        for text in [
            "| A | B |\n|---|---|\n| 1 | 2 |\n",
            "A | B\n--- | ---\n1 | 2\n",
        ] {
            let blocks = read(text);
            assert_eq!(
                blocks,
                vec![Block::Table {
                    rows: vec![
                        Cells {
                            cells: vec!["A".into(), "B".into()],
                            line: 1
                        },
                        Cells {
                            cells: vec!["1".into(), "2".into()],
                            line: 3
                        },
                    ]
                }]
            );
        }
    }

    #[test]
    fn escaped_pipes_and_breaks_stay_in_the_cell() {
        assert_eq!(split_row(r"| a \| b | c<br>d |"), vec!["a | b", "c d"]);
    }
}
