//! Stage 3: from a top-level spec path to every file it needs and the merged row list.
//!
//! Files are read once each (an include reached by two paths is not read twice), only
//! if they are regular files of at most [`MAX_SPEC_BYTES`], so no path — a FIFO, a
//! device, a huge file — can hang or exhaust the compiler. Includes are followed depth
//! first; a file's merged rows are computed once and reused, so a chain of files that
//! each include the next costs one merge per include, not one per path. Merging is where
//! overrides happen: included rows first, in include order; a file's own row replaces an
//! included row with the same code. Clashes found on the way (a code twice in one file,
//! or brought by two includes) are recorded for [`validate`](crate::validate) to report.

use std::collections::HashMap;
use std::io::Read as _;
use std::path::Path;
use std::rc::Rc;

use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use crate::spec_file::{SpecFile, read_spec_file};

/// The largest spec file read (16 MiB: a 20,000-code spec is about 3 MiB).
pub const MAX_SPEC_BYTES: u64 = 16 << 20;

/// A row of one of the loaded files: `files[file].rows[row]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowRef {
    /// Index into [`Loaded::files`].
    pub file: usize,
    /// Index into that file's rows.
    pub row: usize,
}

/// A row that merging set aside, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shadowed {
    /// The same code earlier in the same file.
    Duplicate {
        /// The later row (dropped).
        row: RowRef,
        /// The first row with the code (kept).
        first: RowRef,
    },
    /// The same code from two different included files.
    FromTwoIncludes {
        /// The later row (dropped).
        row: RowRef,
        /// The row kept.
        first: RowRef,
        /// The include that brought the later one.
        include: Location,
    },
    /// A file's own row replacing an included row: allowed, and visible in the docs.
    Overrides {
        /// The overriding row.
        row: RowRef,
        /// The included row it replaces.
        replaced: RowRef,
    },
}

/// Everything a spec needs, read and merged, with the problems found on the way.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// Every file read; the top-level one first.
    pub files: Vec<SpecFile>,
    /// The rows of the enum, in order (only rows that have a code).
    pub rows: Vec<RowRef>,
    /// Rows set aside while merging.
    pub shadowed: Vec<Shadowed>,
    /// Files that could not be read or followed: missing, not regular, too large, not
    /// UTF-8, absolute or repeated includes, cycles.
    pub problems: Diagnostics,
    /// Where a file that says `global = true` is included, when one is (directly or
    /// through another file).
    pub global_include: Option<Location>,
}

/// Reads a file by its path relative to the crate root.
type Read<'r> = &'r mut dyn FnMut(&str) -> Result<String, Box<Diagnostic>>;

/// Loads the spec at `rel`, relative to `root` (the crate root), with its includes.
pub fn load_files(root: &Path, rel: &str) -> Loaded {
    let mut read = |file: &str| read_spec(root, file);
    if is_absolute(rel) {
        let d = Diagnostic::file(rel, format!("spec path `{rel}` is absolute")).help(
            "write the path relative to the crate root (the directory of Cargo.toml), e.g. \"specs/nat.toml\"",
        );
        return Loader::new(&mut read).failed(d);
    }
    Loader::new(&mut read).run(&normalize(rel))
}

/// Loads the spec at `rel` as [`load_files`] does, reading a file from `overlay` (path
/// relative to `root` → text) instead of the disk when it is there: for checking edits
/// before they are written.
pub fn load_files_with(
    root: &Path,
    rel: &str,
    overlay: &std::collections::HashMap<String, String>,
) -> Loaded {
    let mut read = |file: &str| match overlay.get(file) {
        Some(text) => Ok(text.clone()),
        None => read_spec(root, file),
    };
    Loader::new(&mut read).run(&normalize(rel))
}

/// Loads a spec held in memory (`file` names it in diagnostics); it may not include
/// other files.
pub fn load_text(file: &str, text: &str) -> Loaded {
    let mut read = |name: &str| {
        if name == file {
            Ok(text.to_owned())
        } else {
            let why = format!("cannot read `{name}`: this spec was given as text, not a file");
            Err(Box::new(Diagnostic::file(name, why)))
        }
    };
    Loader::new(&mut read).run(file)
}

fn is_absolute(path: &str) -> bool {
    Path::new(path).is_absolute() || path.starts_with(['/', '\\'])
}

/// Reads a spec file: a regular file, at most [`MAX_SPEC_BYTES`], UTF-8.
fn read_spec(root: &Path, file: &str) -> Result<String, Box<Diagnostic>> {
    let path = root.join(file);
    let fail = |message: String, help: String| Box::new(Diagnostic::file(file, message).help(help));
    let metadata = std::fs::metadata(&path).map_err(|e| {
        fail(
            format!("cannot read spec file `{file}`: {e}"),
            "paths are relative to the crate root (the directory of Cargo.toml)".into(),
        )
    })?;
    if !metadata.is_file() {
        return Err(fail(
            format!(
                "spec file `{file}` is not a regular file but {}",
                file_kind(&metadata)
            ),
            "point the path at a .toml file; directories, FIFOs and devices are never read".into(),
        ));
    }
    let too_large = |len: u64| {
        fail(
            format!("spec file `{file}` is {len} bytes, over the limit of {MAX_SPEC_BYTES}"),
            "split it into several specs joined by `include`".into(),
        )
    };
    if metadata.len() > MAX_SPEC_BYTES {
        return Err(too_large(metadata.len()));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(&path)
        .and_then(|f| f.take(MAX_SPEC_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| {
            fail(
                format!("cannot read spec file `{file}`: {e}"),
                String::new(),
            )
        })?;
    if bytes.len() as u64 > MAX_SPEC_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let prefix = String::from_utf8_lossy(valid);
        let mut d = Diagnostic::at(
            file,
            &prefix,
            prefix.len()..prefix.len(),
            format!("spec file `{file}` is not UTF-8"),
        );
        if let Some(loc) = &mut d.location {
            loc.source_line.push('\u{FFFD}');
        }
        Box::new(d.help("save the file as UTF-8"))
    })
}

fn file_kind(metadata: &std::fs::Metadata) -> &'static str {
    let kind = metadata.file_type();
    if kind.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    "not a file"
}

/// Where a file stands in the depth-first walk.
#[derive(Clone)]
enum State {
    /// Being merged: reaching it again is a cycle.
    Open,
    /// Merged: its rows, ready to reuse.
    Done(Rc<Vec<RowRef>>),
}

/// The rows of one file being merged with its includes.
#[derive(Default)]
struct Merged {
    rows: Vec<RowRef>,
    /// Each code's position in `rows`, and whether the row there is the file's own.
    by_code: HashMap<String, (usize, bool)>,
}

impl Merged {
    fn push(&mut self, code: String, row: RowRef, own: bool) {
        self.by_code.insert(code, (self.rows.len(), own));
        self.rows.push(row);
    }
}

/// Not generic over the reader: one copy of this code in every user's build.
struct Loader<'r> {
    read: Read<'r>,
    loaded: Loaded,
    /// Every path asked for: its file, or `None` when it could not be read.
    by_path: HashMap<String, Option<usize>>,
    state: Vec<State>,
    stack: Vec<usize>,
}

impl<'r> Loader<'r> {
    fn new(read: Read<'r>) -> Self {
        Loader {
            read,
            loaded: Loaded {
                files: Vec::new(),
                rows: Vec::new(),
                shadowed: Vec::new(),
                problems: Diagnostics::default(),
                global_include: None,
            },
            by_path: HashMap::new(),
            state: Vec::new(),
            stack: Vec::new(),
        }
    }

    fn failed(mut self, problem: Diagnostic) -> Loaded {
        self.loaded.problems.push(problem);
        self.loaded
    }

    fn run(mut self, rel: &str) -> Loaded {
        match (self.read)(rel) {
            Ok(text) => {
                let top = self.add_file(rel, &text);
                self.loaded.rows = self.merge(top).to_vec();
            }
            Err(d) => self.loaded.problems.push(*d),
        }
        self.loaded
    }

    fn add_file(&mut self, rel: &str, text: &str) -> usize {
        let index = self.loaded.files.len();
        self.loaded.files.push(read_spec_file(rel, text));
        self.state.push(State::Open);
        self.by_path.insert(rel.to_owned(), Some(index));
        index
    }

    /// The file at `rel` (read and merged now unless done before), or `None` when it
    /// cannot be read (reported once).
    fn file_at(&mut self, rel: &str, include: &Location) -> Option<usize> {
        if let Some(&index) = self.by_path.get(rel) {
            return index;
        }
        match (self.read)(rel) {
            Ok(text) => {
                let index = self.add_file(rel, &text);
                self.merge(index);
                Some(index)
            }
            Err(e) => {
                let help = e.help.clone().unwrap_or_default();
                let d = Diagnostic::located(
                    include.clone(),
                    format!("cannot read included spec `{rel}`"),
                )
                .help(format!(
                    "{}; includes are relative to the including file. {help}",
                    e.message
                ));
                self.loaded.problems.push(d);
                self.by_path.insert(rel.to_owned(), None);
                None
            }
        }
    }

    /// Merges file `index` with its includes (once; later calls reuse the result).
    fn merge(&mut self, index: usize) -> Rc<Vec<RowRef>> {
        if let State::Done(rows) = &self.state[index] {
            return rows.clone();
        }
        self.state[index] = State::Open;
        self.stack.push(index);
        let mut merged = Merged::default();
        self.merge_includes(index, &mut merged);
        self.merge_own_rows(index, &mut merged);
        self.stack.pop();
        let rows = Rc::new(merged.rows);
        self.state[index] = State::Done(rows.clone());
        rows
    }

    /// The rows of file `index`'s includes, in include order; a code two includes both
    /// have is kept from the first (the second is recorded as shadowed), unless it is
    /// the same row reached twice (a diamond).
    fn merge_includes(&mut self, index: usize, merged: &mut Merged) {
        let includes = self.loaded.files[index]
            .service
            .as_ref()
            .map(|s| s.include.clone())
            .unwrap_or_default();
        let dir = dir_of(&self.loaded.files[index].file).to_owned();
        let mut seen_paths: Vec<String> = Vec::new();
        for include in includes {
            let Some(path) = self.include_path(&dir, &include.value, &include.at) else {
                continue;
            };
            if seen_paths.contains(&path) {
                let d =
                    Diagnostic::located(include.at.clone(), format!("`{path}` is included twice"))
                        .help("list each include once");
                self.loaded.problems.push(d);
                continue;
            }
            seen_paths.push(path.clone());
            let Some(included) = self.included_rows(&path, &include.at) else {
                continue;
            };
            if self.says_global(&path) && self.loaded.global_include.is_none() {
                self.loaded.global_include = Some(include.at.clone());
            }
            for row in included.iter().copied() {
                let code = self.code(row).to_owned();
                match merged.by_code.get(&code).map(|&(p, _)| merged.rows[p]) {
                    // The same row reached through two includes (a diamond): one row.
                    Some(first) if first == row => {}
                    Some(first) => self.loaded.shadowed.push(Shadowed::FromTwoIncludes {
                        row,
                        first,
                        include: include.at.clone(),
                    }),
                    None => merged.push(code, row, false),
                }
            }
        }
    }

    /// File `index`'s own rows after its includes': one with an included code takes that
    /// row's place (an override); a code twice in the file is a duplicate.
    fn merge_own_rows(&mut self, index: usize, merged: &mut Merged) {
        for (i, fields) in self.loaded.files[index].rows.iter().enumerate() {
            let Some(code) = &fields.code else { continue };
            let row = RowRef {
                file: index,
                row: i,
            };
            match merged.by_code.get(&code.value).copied() {
                Some((p, true)) => self.loaded.shadowed.push(Shadowed::Duplicate {
                    row,
                    first: merged.rows[p],
                }),
                Some((p, false)) => {
                    self.loaded.shadowed.push(Shadowed::Overrides {
                        row,
                        replaced: merged.rows[p],
                    });
                    merged.rows[p] = row;
                    merged.by_code.insert(code.value.clone(), (p, true));
                }
                None => merged.push(code.value.clone(), row, true),
            }
        }
    }

    /// Rows of the included file at `path`, or `None` (reported) when it cannot be used.
    fn included_rows(&mut self, path: &str, at: &Location) -> Option<Rc<Vec<RowRef>>> {
        let index = self.file_at(path, at)?;
        match self.state[index].clone() {
            State::Done(rows) => Some(rows),
            State::Open => {
                let start = self.stack.iter().position(|&f| f == index).unwrap_or(0);
                let chain: Vec<&str> = self.stack[start..]
                    .iter()
                    .map(|&f| self.loaded.files[f].file.as_str())
                    .chain([path])
                    .collect();
                let d = Diagnostic::located(
                    at.clone(),
                    format!("include cycle: {}", chain.join(" → ")),
                )
                .help("remove one of these includes; a spec cannot include itself");
                self.loaded.problems.push(d);
                None
            }
        }
    }

    /// Whether the file read at `path` says `global = true`.
    fn says_global(&self, path: &str) -> bool {
        self.loaded.files.iter().any(|f| {
            f.file == path
                && f.service
                    .as_ref()
                    .and_then(|s| s.global.as_ref())
                    .is_some_and(|g| g.value)
        })
    }

    /// The include's path relative to the crate root, or `None` (reported) if absolute.
    fn include_path(&mut self, dir: &str, path: &str, at: &Location) -> Option<String> {
        if is_absolute(path) {
            let d = Diagnostic::located(at.clone(), format!("include `{path}` is absolute"))
                .help("write includes relative to the including file, e.g. \"../global.toml\"");
            self.loaded.problems.push(d);
            return None;
        }
        Some(normalize(&format!("{dir}{path}")))
    }

    fn code(&self, row: RowRef) -> &str {
        self.loaded.files[row.file].rows[row.row]
            .code
            .as_ref()
            .map_or("", |c| c.value.as_str())
    }
}

fn dir_of(path: &str) -> &str {
    path.rfind('/').map_or("", |i| &path[..=i])
}

/// Folds `.` and `..` and doubled slashes out of a `/`-separated relative path.
pub(crate) fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." if parts.last().is_some_and(|p| *p != "..") => {
                parts.pop();
            }
            _ => parts.push(part),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_paths() {
        assert_eq!(normalize("specs/pages/../global.toml"), "specs/global.toml");
        assert_eq!(normalize("./specs//nat.toml"), "specs/nat.toml");
        assert_eq!(normalize("../x.toml"), "../x.toml");
    }
}
