//! Problems found in a spec, rendered the way rustc renders its own errors.

use std::fmt;
use std::ops::Range;

/// Where in a spec file a problem is: the path as the user wrote it (relative to the
/// crate root), 1-based line and column, and the text of that line for the caret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The spec file, relative to the crate root (`specs/nat.toml`).
    pub file: String,
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// The whole source line, without its line break.
    pub source_line: String,
    /// How many characters the caret underlines (at least 1).
    pub width: usize,
}

impl Location {
    /// Locates the byte range `span` of `text`, the contents of `file`.
    pub fn from_span(file: &str, text: &str, span: Range<usize>) -> Location {
        let line = text[..floor_char_boundary(text, span.start.min(text.len()))]
            .matches('\n')
            .count()
            + 1;
        Location::on_line(file, text, span, line)
    }

    /// Like [`from_span`](Self::from_span), with the 1-based line already known.
    fn on_line(file: &str, text: &str, span: Range<usize>, line: usize) -> Location {
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let end = floor_char_boundary(text, span.end.clamp(start, text.len()));
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let source_line = text[line_start..line_end].trim_end_matches('\r');
        let column = text[line_start..start].chars().count() + 1;
        // A caret stops at the line's end, before a `\r\n`'s `\r`.
        let line_end = line_start + source_line.len();
        let width = text[start..end.min(line_end).max(start)]
            .chars()
            .count()
            .max(1);
        Location {
            file: file.to_owned(),
            line,
            column,
            source_line: source_line.to_owned(),
            width,
        }
    }
}

/// Line starts of a text, so that locating many spans stays linear in the file size.
#[derive(Debug, Clone)]
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { starts }
    }

    /// The 1-based line of the byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).max(1)
    }

    /// [`Location::from_span`], in logarithmic time.
    pub fn locate(&self, file: &str, text: &str, span: Range<usize>) -> Location {
        let line = self.line_of(span.start.min(text.len()));
        Location::on_line(file, text, span, line)
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One problem with a spec: what is wrong, where, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// What is wrong, in one line (`duplicate code `NoSuchNat``).
    pub message: String,
    /// The file alone when there is no position (a missing file), else file:line:col.
    pub file: String,
    /// The position in `file`, when the problem has one.
    pub location: Option<Location>,
    /// How to fix it.
    pub help: Option<String>,
    /// Secondary positions worth showing (the first of two duplicate rows).
    pub notes: Vec<(String, Location)>,
}

impl Diagnostic {
    /// A problem with a whole file (missing, unreadable).
    pub fn file(file: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            message: message.into(),
            file: file.to_owned(),
            location: None,
            help: None,
            notes: Vec::new(),
        }
    }

    /// A problem at the byte range `span` of `text`, the contents of `file`.
    pub fn at(file: &str, text: &str, span: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            message: message.into(),
            file: file.to_owned(),
            location: Some(Location::from_span(file, text, span)),
            help: None,
            notes: Vec::new(),
        }
    }

    /// A problem at a known location.
    pub fn located(location: Location, message: impl Into<String>) -> Self {
        Diagnostic {
            message: message.into(),
            file: location.file.clone(),
            location: Some(location),
            help: None,
            notes: Vec::new(),
        }
    }

    /// Adds the fix to suggest.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a secondary position with a note.
    pub fn note(mut self, note: impl Into<String>, location: Location) -> Self {
        self.notes.push((note.into(), location));
        self
    }
}

fn write_snippet(
    f: &mut fmt::Formatter<'_>,
    loc: &Location,
    label: &str,
    width: usize,
) -> fmt::Result {
    let gutter = " ".repeat(width);
    writeln!(f, "{gutter}--> {}:{}:{}", loc.file, loc.line, loc.column)?;
    writeln!(f, "{gutter} |")?;
    writeln!(f, "{:>width$} | {}", loc.line, loc.source_line)?;
    let pad: String = loc
        .source_line
        .chars()
        .take(loc.column - 1)
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    write!(f, "{gutter} | {pad}{}", "^".repeat(loc.width))?;
    if !label.is_empty() {
        write!(f, " {label}")?;
    }
    writeln!(f)
}

/// Renders like rustc: the message, `--> file:line:col`, the line with a caret, `= help:`.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.message)?;
        let width = self
            .location
            .iter()
            .chain(self.notes.iter().map(|(_, l)| l))
            .map(|l| l.line.to_string().len())
            .max();
        match &self.location {
            Some(loc) => write_snippet(f, loc, "", width.unwrap_or(1))?,
            None => writeln!(f, " --> {}", self.file)?,
        }
        for (note, loc) in &self.notes {
            write_snippet(f, loc, note, width.unwrap_or(1))?;
        }
        if let Some(help) = &self.help {
            let gutter = " ".repeat(width.unwrap_or(1));
            writeln!(f, "{gutter} = help: {help}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostic {}

/// Every problem found in one spec (and the files it includes), in the order found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Adds one problem.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    /// True when nothing is wrong.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Sorts by file and position (stable: problems at one place keep their order), so
    /// that checks run in any order report in reading order.
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| {
            let key = |d: &Diagnostic| {
                (
                    d.file.clone(),
                    d.location.as_ref().map(|l| (l.line, l.column)),
                )
            };
            key(a).cmp(&key(b))
        });
    }

    /// `Ok(value)` when nothing is wrong, else `Err(self)`.
    pub fn into_result<T>(self, value: T) -> Result<T, Diagnostics> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "error: {d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_like_rustc() {
        let text = "[service]\nname = 1\n";
        let d = Diagnostic::at("specs/x.toml", text, 17..18, "`name` must be a string")
            .help("write name = \"NAT\"");
        assert_eq!(
            d.to_string(),
            "`name` must be a string\n --> specs/x.toml:2:8\n  |\n2 | name = 1\n  |        ^\n  = help: write name = \"NAT\"\n"
        );
    }

    #[test]
    fn line_index_agrees_with_a_direct_count() {
        let text = "a\n\nbc 开发机\r\nd\n";
        let index = LineIndex::new(text);
        for start in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            assert_eq!(
                index.locate("f", text, start..start),
                Location::from_span("f", text, start..start),
                "{start}"
            );
        }
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "name = \"开发机\" x";
        let at = text.find('x').unwrap();
        let loc = Location::from_span("f", text, at..at + 1);
        assert_eq!((loc.line, loc.column), (1, 14));
    }
}
