//! The file system, carefully: finding spec files (no symlink cycle is walked twice),
//! writing files atomically (through symlinks, keeping permissions, refusing read-only
//! files), writing several files all or none, and a lock so that two writers cannot
//! interleave.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The spec files under `dir` (`*.toml`, recursively), relative to it, sorted. The real
/// tree is walked first, then symlinked directories, each once (by real path): a link
/// back up the tree is not walked again, and a link to a directory of the tree never
/// names its files in place of their real path (`specs/a_pages -> pages` leaves
/// `pages/x.toml` named so, not `a_pages/x.toml`).
pub fn spec_files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let mut links = Vec::new();
    walk(dir, dir, &mut seen, &mut links, &mut out);
    // Links found while walking links are walked after those: breadth first, so the
    // shortest name wins.
    while !links.is_empty() {
        for link in std::mem::take(&mut links) {
            walk(dir, &link, &mut seen, &mut links, &mut out);
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Walks the real directories under `dir`; symlinked directories go to `links`.
fn walk(
    root: &Path,
    dir: &Path,
    seen: &mut HashSet<PathBuf>,
    links: &mut Vec<PathBuf>,
    out: &mut Vec<String>,
) {
    let Ok(real) = fs::canonicalize(dir) else {
        return;
    };
    if !seen.insert(real) {
        return;
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        let is_link = fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
        if path.is_dir() {
            if is_link {
                links.push(path);
            } else {
                walk(root, &path, seen, links, out);
            }
        } else if path.extension().is_some_and(|e| e == "toml")
            && path.is_file()
            && let Ok(rel) = path.strip_prefix(root)
        {
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
}

/// Where a write to `path` lands: the file a symlink points to (so the link stays a
/// link), or `path` itself.
fn target(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => fs::canonicalize(path).unwrap_or(path.to_owned()),
        _ => path.to_owned(),
    }
}

/// A file written beside its target, not yet in place.
struct Staged {
    temp: PathBuf,
    target: PathBuf,
    /// The target's previous contents, to put back if a later rename fails.
    before: Option<Vec<u8>>,
}

/// Writes every `(path, text)` or none: all temporary files are written and synced
/// first, then renamed into place; if any step fails, every temporary file is removed
/// and every file already replaced gets its contents back. Symlinks are written
/// through, permissions kept, read-only files refused (nothing written).
pub fn write_all(files: &[(PathBuf, String)]) -> io::Result<()> {
    let mut staged: Vec<Staged> = Vec::new();
    let result = stage_all(files, &mut staged).and_then(|()| commit(&mut staged));
    if result.is_err() {
        for s in &staged {
            let _ = fs::remove_file(&s.temp);
        }
    }
    result
}

/// Writes one file atomically (a temporary file beside it, then a rename).
pub fn write_atomic(path: &Path, text: &str) -> io::Result<()> {
    write_all(&[(path.to_owned(), text.to_owned())])
}

fn stage_all(files: &[(PathBuf, String)], staged: &mut Vec<Staged>) -> io::Result<()> {
    for (path, _) in files {
        let target = target(path);
        if fs::metadata(&target).is_ok_and(|m| m.permissions().readonly()) {
            return Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                format!("{} is read-only: nothing was written", path.display()),
            ));
        }
    }
    for (path, text) in files {
        let target = target(path);
        let dir = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = target
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("spec.toml");
        let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
        staged.push(Staged {
            temp: temp.clone(),
            target: target.clone(),
            before: fs::read(&target).ok(),
        });
        let mut file = File::create(&temp).map_err(|e| with_path(e, &temp))?;
        file.write_all(text.as_bytes())
            .and_then(|()| file.sync_all())
            .map_err(|e| with_path(e, &temp))?;
        if let Ok(m) = fs::metadata(&target) {
            fs::set_permissions(&temp, m.permissions()).map_err(|e| with_path(e, &temp))?;
        }
    }
    Ok(())
}

fn commit(staged: &mut [Staged]) -> io::Result<()> {
    for done in 0..staged.len() {
        if let Err(e) = fs::rename(&staged[done].temp, &staged[done].target) {
            // Put back what was already replaced.
            for s in &staged[..done] {
                if let Some(before) = &s.before {
                    let _ = fs::write(&s.target, before);
                }
            }
            return Err(with_path(e, &staged[done].target));
        }
    }
    Ok(())
}

fn with_path(e: io::Error, path: &Path) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}

/// How long a writer waits for another to finish before giving up.
const LOCK_WAIT: Duration = Duration::from_secs(30);
/// How often it looks again.
const LOCK_POLL: Duration = Duration::from_millis(50);

/// An exclusive lock on a directory of specs, held until dropped (the operating system
/// releases it if the process dies, so it never goes stale).
pub struct Lock {
    _file: File,
}

/// Locks `dir` for writing: waits up to 30 s for another writer, then fails saying so.
pub fn lock(dir: &Path) -> io::Result<Lock> {
    let path = dir.join(".bce-errors.lock");
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| with_path(e, &path))?;
    let start = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(Lock { _file: file }),
            Err(fs::TryLockError::WouldBlock) if start.elapsed() < LOCK_WAIT => {
                std::thread::sleep(LOCK_POLL);
            }
            Err(fs::TryLockError::WouldBlock) => {
                return Err(io::Error::new(
                    io::ErrorKind::WouldBlock,
                    format!(
                        "another bce-errors is writing the specs in {} (lock {} held for {}s); try again when it is done",
                        dir.display(),
                        path.display(),
                        LOCK_WAIT.as_secs()
                    ),
                ));
            }
            Err(fs::TryLockError::Error(e)) => return Err(with_path(e, &path)),
        }
    }
}

/// The integration tests' scratch directories.
#[cfg(test)]
#[path = "../tests/support/scratch.rs"]
mod scratch;

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> scratch::Scratch {
        scratch::Scratch::new(&format!("files-{name}"))
    }

    #[test]
    fn all_or_nothing() {
        let dir = scratch("all");
        let a = dir.join("a.toml");
        fs::write(&a, "old a").unwrap();
        let bad = dir.join("missing-dir/b.toml");
        let result = write_all(&[(a.clone(), "new a".into()), (bad, "b".into())]);
        assert!(result.is_err());
        assert_eq!(fs::read_to_string(&a).unwrap(), "old a");
        let left: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(left, ["a.toml"]);
    }

    #[cfg(unix)]
    #[test]
    fn through_symlinks_keeping_modes_refusing_read_only() {
        use std::os::unix::fs::{PermissionsExt as _, symlink};
        let dir = scratch("links");
        let real = dir.join("real.toml");
        fs::write(&real, "x").unwrap();
        fs::set_permissions(&real, fs::Permissions::from_mode(0o600)).unwrap();
        let link = dir.join("link.toml");
        symlink(&real, &link).unwrap();
        write_atomic(&link, "y").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).unwrap(), "y");
        assert_eq!(
            fs::metadata(&real).unwrap().permissions().mode() & 0o777,
            0o600
        );
        fs::set_permissions(&real, fs::Permissions::from_mode(0o400)).unwrap();
        assert!(write_atomic(&link, "z").is_err());
        assert_eq!(fs::read_to_string(&real).unwrap(), "y");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_a_directory_of_the_tree_does_not_rename_its_files() {
        let dir = scratch("alias");
        fs::create_dir_all(dir.join("pages")).unwrap();
        fs::write(dir.join("pages/x.toml"), "").unwrap();
        std::os::unix::fs::symlink(dir.join("pages"), dir.join("a_pages")).unwrap();
        std::os::unix::fs::symlink(dir.join("pages"), dir.join("pages/again")).unwrap();
        assert_eq!(spec_files(&dir), ["pages/x.toml"]);
    }

    #[cfg(unix)]
    #[test]
    fn symlink_cycles_are_walked_once() {
        let dir = scratch("cycle");
        fs::write(dir.join("a.toml"), "").unwrap();
        std::os::unix::fs::symlink(&dir, dir.join("loop")).unwrap();
        std::os::unix::fs::symlink(&dir, dir.join("loop2")).unwrap();
        assert_eq!(spec_files(&dir), ["a.toml"]);
    }
}
