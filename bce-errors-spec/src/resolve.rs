//! From a top-level spec file to the full row list: reading files, following includes,
//! applying overrides, and the checks that need every row at once.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::path::Path;

use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use crate::load::parse_file;
use crate::model::{Row, Spec, SpecFile};

/// A spec held in memory: its path (for diagnostics) and its text.
#[derive(Debug, Clone, Copy)]
pub struct SpecSource<'a> {
    /// The path shown in diagnostics, relative to the crate root.
    pub file: &'a str,
    /// The TOML text.
    pub text: &'a str,
}

impl<'a> SpecSource<'a> {
    /// A spec named `file` with contents `text`.
    pub fn new(file: &'a str, text: &'a str) -> Self {
        SpecSource { file, text }
    }
}

/// Loads the spec at `rel` (relative to `root`, the crate root), following its includes.
///
/// Every problem in every file is reported together; nothing panics.
pub fn load_spec(root: &Path, rel: &str) -> Result<Spec, Diagnostics> {
    if Path::new(rel).is_absolute() || rel.starts_with('/') || rel.starts_with('\\') {
        return Err(Diagnostic::file(rel, format!("spec path `{rel}` is absolute"))
            .help("write the path relative to the crate root (the directory of Cargo.toml), e.g. \"specs/nat.toml\"")
            .into());
    }
    let rel = normalize(rel);
    let mut read = |file: &str| read_spec(root, file);
    Resolver::new(&mut read).run(&rel)
}

/// Checks a spec held in memory; it may not include other files.
pub fn parse_spec(source: SpecSource<'_>) -> Result<Spec, Diagnostics> {
    let mut read = |file: &str| {
        if file == source.file {
            Ok(source.text.to_owned())
        } else {
            let why = format!("cannot read `{file}`: this spec was given as text, not a file");
            Err(Box::new(Diagnostic::file(file, why)))
        }
    };
    Resolver::new(&mut read).run(source.file)
}

fn read_spec(root: &Path, file: &str) -> Result<String, Box<Diagnostic>> {
    let path = root.join(file);
    let bytes = std::fs::read(&path).map_err(|e| {
        Box::new(
            Diagnostic::file(file, format!("cannot read spec file `{file}`: {e}")).help(format!(
                "looked for {}; paths are relative to the crate root",
                path.display()
            )),
        )
    })?;
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

/// Reads a spec file by its path relative to the crate root.
type Read<'r> = &'r mut dyn FnMut(&str) -> Result<String, Box<Diagnostic>>;

/// Not generic over the reader: one copy of this code in every user's build.
struct Resolver<'r> {
    read: Read<'r>,
    diags: Diagnostics,
    files: Vec<String>,
    stack: Vec<String>,
    global: Option<Vec<String>>,
}

impl<'r> Resolver<'r> {
    /// A resolver that reads files with `read`.
    fn new(read: Read<'r>) -> Self {
        Resolver {
            read,
            diags: Diagnostics::default(),
            files: Vec::new(),
            stack: Vec::new(),
            global: None,
        }
    }

    fn run(mut self, rel: &str) -> Result<Spec, Diagnostics> {
        let resolved = match (self.read)(rel) {
            Ok(text) => self.file(rel, &text),
            Err(d) => {
                self.diags.push(*d);
                None
            }
        };
        let Some((top, rows)) = resolved else {
            return Err(self.diags);
        };
        if rows.is_empty() {
            self.diags.push(
                Diagnostic::file(rel, "spec defines no error codes").help("add an [[error]] row"),
            );
        }
        check_variants(&rows, &mut self.diags);
        let spec = Spec {
            service: top.service,
            rows,
            files: self.files,
            global_codes: self.global,
        };
        self.diags.into_result(spec)
    }

    /// Parses `rel` and resolves its includes; `None` if it could not be parsed at all.
    fn file(&mut self, rel: &str, text: &str) -> Option<(SpecFile, Vec<Row>)> {
        if !self.files.iter().any(|f| f == rel) {
            self.files.push(rel.to_owned());
        }
        let file = match parse_file(rel, text) {
            Ok(f) => f,
            Err(d) => {
                self.diags.0.extend(d.0);
                return None;
            }
        };
        self.stack.push(rel.to_owned());
        let mut rows: Vec<Row> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        for inc in &file.service.include {
            let path = normalize(&format!("{}{}", dir_of(rel), inc.path));
            if let Some(start) = self.stack.iter().position(|f| *f == path) {
                let chain: Vec<&str> = self.stack[start..]
                    .iter()
                    .map(String::as_str)
                    .chain([path.as_str()])
                    .collect();
                self.diags.push(
                    located(
                        &inc.location,
                        format!("include cycle: {}", chain.join(" → ")),
                    )
                    .help("remove one of these includes; a spec cannot include itself"),
                );
                continue;
            }
            let text = match (self.read)(&path) {
                Ok(t) => t,
                Err(e) => {
                    let help = e.help.clone().unwrap_or_default();
                    self.diags.push(
                        located(&inc.location, format!("cannot read included spec `{path}`")).help(
                            format!(
                                "{}; includes are relative to the including file. {help}",
                                e.message
                            ),
                        ),
                    );
                    continue;
                }
            };
            let Some((_, included)) = self.file(&path, &text) else {
                continue;
            };
            if path.rsplit('/').next() == Some("global.toml") {
                self.global = Some(included.iter().map(|r| r.code.clone()).collect());
            }
            for row in included {
                if let Some(prev) = index.get(&row.code).map(|&i| &rows[i]) {
                    self.diags.push(
                        located(
                            &inc.location,
                            format!("code `{}` comes from two includes", row.code),
                        )
                        .note("defined here", prev.location.clone())
                        .note("and here", row.location.clone())
                        .help("include only one of them, or override the row in this file"),
                    );
                } else {
                    index.insert(row.code.clone(), rows.len());
                    rows.push(row);
                }
            }
        }
        self.stack.pop();

        let mut seen: HashMap<&str, &Row> = HashMap::new();
        let mut own = Vec::with_capacity(file.rows.len());
        for row in &file.rows {
            match seen.entry(&row.code) {
                Entry::Occupied(first) => self.diags.push(
                    located(&row.location, format!("duplicate code `{}`", row.code))
                        .note("first defined here", first.get().location.clone())
                        .help("a code appears once per spec: merge the rows (keep a `note` if the docs list it twice)"),
                ),
                Entry::Vacant(slot) => {
                    slot.insert(row);
                    own.push(row);
                }
            }
        }
        for row in own {
            match index.get(&row.code) {
                Some(&i) => {
                    let mut row = row.clone();
                    row.overrides = Some(rows[i].location.file.clone());
                    rows[i] = row;
                }
                None => rows.push(row.clone()),
            }
        }
        Some((file, rows))
    }
}

fn located(location: &Location, message: String) -> Diagnostic {
    Diagnostic {
        message,
        file: location.file.clone(),
        location: Some(location.clone()),
        help: None,
        notes: Vec::new(),
    }
}

/// Two codes that derive the same variant name cannot both be variants.
fn check_variants(rows: &[Row], diags: &mut Diagnostics) {
    let mut seen: HashMap<&str, &Row> = HashMap::new();
    for row in rows {
        if let Some(first) = seen.get(row.variant.as_str()).copied() {
            diags.push(
                located(
                    &row.location,
                    format!(
                        "codes `{}` and `{}` both become the variant `{}`",
                        first.code, row.code, row.variant
                    ),
                )
                .note(format!("`{}` is here", first.code), first.location.clone())
                .help("give one of the rows its own name with variant = \"...\""),
            );
        } else {
            seen.insert(&row.variant, row);
        }
    }
}

fn dir_of(path: &str) -> &str {
    path.rfind('/').map_or("", |i| &path[..=i])
}

/// Folds `.` and `..` and doubled slashes out of a `/`-separated relative path.
fn normalize(path: &str) -> String {
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
