//! Spec loading is bounded whatever the files: every file is read once, includes are
//! followed in linear time, only regular files of at most `MAX_SPEC_BYTES` are read, and
//! each problem is one located error — never a hang, a panic or memory without bound.

use std::fs;
use std::path::{Path, PathBuf};

use bce_errors_spec::load_spec;

/// The engine's limit on a spec file (16 MiB).
const MAX_SPEC_BYTES: u64 = 16 << 20;

/// A test's own directory under the system's temp directory: removed when the test
/// passes, kept when it fails (to look at).
struct Scratch(PathBuf);

impl std::ops::Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            let _ = fs::remove_dir_all(&self.0);
        }
    }
}

fn scratch(name: &str) -> Scratch {
    let dir = std::env::temp_dir().join(format!("bce-spec-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    Scratch(dir)
}

fn spec(code: &str, includes: &[String]) -> String {
    let include = includes
        .iter()
        .map(|i| format!("{i:?}"))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "[service]\nname = \"S\"\nsource = \"x\"\ninclude = [{include}]\n\n[[error]]\ncode = \"{code}\"\nmessage = \"m\"\nstatus = 400\n"
    )
}

/// Each error of loading `rel`, its whole text (message, location, help).
fn errors(root: &Path, rel: &str) -> Vec<String> {
    match load_spec(root, rel) {
        Ok(_) => Vec::new(),
        Err(d) => d
            .to_string()
            .split("error: ")
            .skip(1)
            .map(str::to_owned)
            .collect(),
    }
}

#[test]
fn an_include_chain_doubling_at_every_level_is_one_error_a_file() {
    // f0 includes f1 twice (under two spellings), f1 includes f2 twice, … : 2^30 paths
    // if includes were followed per path.
    let dir = scratch("chain");
    const FILES: usize = 30;
    for i in 0..FILES {
        let next = i + 1;
        let includes = if next < FILES {
            vec![format!("f{next}.toml"), format!("./f{next}.toml")]
        } else {
            Vec::new()
        };
        fs::write(
            dir.join(format!("f{i}.toml")),
            spec(&format!("C{i}"), &includes),
        )
        .unwrap();
    }
    let errors = errors(&dir, "f0.toml");
    assert_eq!(errors.len(), FILES - 1, "{errors:#?}");
    assert!(
        errors.iter().all(|e| e.contains("is included twice")),
        "{errors:#?}"
    );
}

#[test]
fn a_diamond_include_is_one_set_of_rows() {
    // top includes a and b; both include base: base's row is in the enum once.
    let dir = scratch("diamond");
    fs::write(dir.join("base.toml"), spec("Base", &[])).unwrap();
    fs::write(dir.join("a.toml"), spec("A", &["base.toml".into()])).unwrap();
    fs::write(dir.join("b.toml"), spec("B", &["base.toml".into()])).unwrap();
    fs::write(
        dir.join("top.toml"),
        spec("Top", &["a.toml".into(), "b.toml".into()]),
    )
    .unwrap();
    let loaded = load_spec(&dir, "top.toml").unwrap();
    let codes: Vec<&str> = loaded.rows.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(codes, ["Base", "A", "B", "Top"]);
}

#[test]
fn an_absolute_include_is_an_error_not_a_relative_path() {
    let dir = scratch("absolute");
    fs::write(dir.join("base.toml"), spec("Base", &[])).unwrap();
    let absolute = dir.join("base.toml").display().to_string();
    fs::write(dir.join("top.toml"), spec("Top", &[absolute])).unwrap();
    let errors = errors(&dir, "top.toml");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].contains("absolute"), "{errors:#?}");
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = scratch("large");
    let file = fs::File::create(dir.join("big.toml")).unwrap();
    file.set_len(MAX_SPEC_BYTES + 1).unwrap(); // sparse: costs no disk
    let errors = errors(&dir, "big.toml");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].contains("over the limit"), "{errors:#?}");
}

#[cfg(unix)]
mod unix {
    use super::*;
    use std::os::unix::fs::symlink;
    use std::process::Command;

    #[test]
    fn a_fifo_is_refused_not_read() {
        let dir = scratch("fifo");
        let status = Command::new("mkfifo")
            .arg(dir.join("pipe.toml"))
            .status()
            .unwrap();
        assert!(status.success());
        let errors = errors(&dir, "pipe.toml");
        assert_eq!(errors.len(), 1, "{errors:#?}");
        assert!(errors[0].contains("a FIFO"), "{errors:#?}");
        // Included, too.
        fs::write(dir.join("top.toml"), spec("Top", &["pipe.toml".into()])).unwrap();
        let errors = super::errors(&dir, "top.toml");
        assert!(errors.iter().any(|e| e.contains("a FIFO")), "{errors:#?}");
    }

    #[test]
    fn a_symlink_to_dev_zero_is_refused_not_read() {
        let dir = scratch("zero");
        symlink("/dev/zero", dir.join("zero.toml")).unwrap();
        let errors = errors(&dir, "zero.toml");
        assert_eq!(errors.len(), 1, "{errors:#?}");
        assert!(errors[0].contains("a device"), "{errors:#?}");
        fs::write(dir.join("top.toml"), spec("Top", &["zero.toml".into()])).unwrap();
        let errors = super::errors(&dir, "top.toml");
        assert!(errors.iter().any(|e| e.contains("a device")), "{errors:#?}");
    }
}
