//! The command against a hostile file system and hostile streams: `sync --write` through
//! symlinks, into read-only specs, failing half-way (all files or none, no temporary left),
//! waiting for another writer's lock; `generate -o` atomic; output into a closed pipe
//! (quiet success) or a full disk (one-line error); symlink loops and absolute includes in
//! a specs directory.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{BufRead as _, BufReader, Read, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The documented exit codes (`bce-errors --help`).
const EXIT_OK: i32 = 0;
const EXIT_FINDINGS: i32 = 1;
const EXIT_ERROR: i32 = 2;

/// The spec files of the VPC docs page (and what they include).
const VPC_SPECS: [&str; 7] = [
    "global.toml",
    "nat.toml",
    "vpc.toml",
    "acl.toml",
    "eni.toml",
    "peering_connection.toml",
    "pages/vpc-page-global.toml",
];

/// A fresh directory with `specs/` holding copies of the VPC page's specs.
fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("bce-errors-hostile-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("specs/pages")).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    for f in VPC_SPECS {
        fs::copy(root.join("specs").join(f), dir.join("specs").join(f)).unwrap();
    }
    dir
}

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_bce-errors"))
}

/// Runs the command in `dir`.
fn bce(dir: &Path, args: &[&str]) -> Output {
    bin().args(args).current_dir(dir).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The exit code, with the output shown when an assertion on it fails.
fn code(out: &Output) -> (i32, String) {
    (
        out.status.code().expect("exited, not killed by a signal"),
        format!(
            "stdout:\n{}\nstderr:\n{}",
            text(&out.stdout),
            text(&out.stderr)
        ),
    )
}

fn stderr_lines(out: &Output) -> Vec<String> {
    text(&out.stderr).lines().map(str::to_owned).collect()
}

/// The NAT table's NoSuchNat row, as the seed page writes it and as changed.
const NAT_ROW: &str = "NoSuchNat The specified nat is not found. 404";
const NAT_ROW_CHANGED: &str = "NoSuchNat The specified NAT gateway is not found. 410";
/// The same row in `nat.toml`, before and after `sync --write`.
const NAT_SPEC: &str =
    "code = \"NoSuchNat\"\nmessage = \"The specified nat is not found.\"\nstatus = 404\n";
const NAT_SPEC_CHANGED: &str =
    "code = \"NoSuchNat\"\nmessage = \"The specified NAT gateway is not found.\"\nstatus = 410\n";
/// The ENI table's EniIdBlankException row (the page's last table, after NAT's).
const ENI_ROW: &str = "EniIdBlankException eniId is blank 400";
const ENI_ROW_CHANGED: &str = "EniIdBlankException eniId is blank 404";
/// The same row in `eni.toml`, before and after `sync --write`.
const ENI_SPEC: &str =
    "code = \"EniIdBlankException\"\nmessage = \"eniId is blank\"\nstatus = 400\n";
const ENI_SPEC_CHANGED: &str =
    "code = \"EniIdBlankException\"\nmessage = \"eniId is blank\"\nstatus = 404\n";

/// Writes `dir/page.txt`: the VPC docs page with NoSuchNat's message and status changed,
/// and, if `eni`, EniIdBlankException's status too (a change to a second spec file).
fn write_page(dir: &Path, eni: bool) {
    let page = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/pages/seed-001.txt"),
    )
    .unwrap();
    assert!(page.contains(NAT_ROW) && page.contains(ENI_ROW));
    let mut page = page.replace(NAT_ROW, NAT_ROW_CHANGED);
    if eni {
        page = page.replace(ENI_ROW, ENI_ROW_CHANGED);
    }
    fs::write(dir.join("page.txt"), page).unwrap();
}

/// Every regular file under `dir` (symlinks not followed), by path, with its bytes.
fn contents(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in fs::read_dir(&d).unwrap().flatten() {
            let kind = entry.file_type().unwrap();
            if kind.is_dir() {
                todo.push(entry.path());
            } else if kind.is_file() {
                out.insert(entry.path(), fs::read(entry.path()).unwrap());
            }
        }
    }
    out
}

/// Temporary files (`.NAME.PID.tmp`) left under `dir`, recursively.
fn temporaries(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in fs::read_dir(&d).unwrap().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if entry.file_type().unwrap().is_dir() {
                todo.push(entry.path());
            } else if name.starts_with('.') && name.ends_with(".tmp") {
                out.push(entry.path());
            }
        }
    }
    out
}

/// Asserts that the files under `dir` are byte for byte those of `before`, the lock file
/// `sync --write` creates aside.
fn assert_unchanged(dir: &Path, before: &BTreeMap<PathBuf, Vec<u8>>) {
    let lock = dir.join(".bce-errors.lock");
    let mut after = contents(dir);
    after.remove(&lock);
    assert_eq!(
        after.keys().collect::<Vec<_>>(),
        before.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in before {
        assert!(after[path] == *bytes, "{} changed", path.display());
    }
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt as _;
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt as _;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(unix)]
#[test]
fn sync_write_through_a_symlinked_spec_keeps_the_link_and_the_targets_mode() {
    let dir = scratch("symlink");
    let outside = dir.join("outside");
    fs::create_dir(&outside).unwrap();
    let target = outside.join("nat.toml");
    let link = dir.join("specs/nat.toml");
    fs::rename(&link, &target).unwrap();
    set_mode(&target, 0o600);
    std::os::unix::fs::symlink("../outside/nat.toml", &link).unwrap();
    let before = fs::read_to_string(&target).unwrap();
    assert!(before.contains(NAT_SPEC));
    write_page(&dir, false);

    let out = bce(&dir, &["sync", "page.txt", "specs", "--write"]);
    let (status, shown) = code(&out);
    assert_eq!(status, EXIT_OK, "{shown}");
    assert!(
        text(&out.stdout).contains("wrote nat.toml: 2 change(s) applied\n"),
        "{shown}"
    );
    assert!(out.stderr.is_empty(), "{shown}");

    let meta = fs::symlink_metadata(&link).unwrap();
    assert!(meta.file_type().is_symlink(), "the link is still a link");
    assert_eq!(
        fs::read_link(&link).unwrap(),
        Path::new("../outside/nat.toml")
    );
    assert_eq!(
        fs::read_to_string(&target).unwrap(),
        before.replace(NAT_SPEC, NAT_SPEC_CHANGED),
        "the target has the change, and only it"
    );
    assert_eq!(mode(&target), 0o600);
    assert_eq!(temporaries(&dir), Vec::<PathBuf>::new());

    let out = bce(&dir, &["sync", "page.txt", "specs", "--check"]);
    let (status, shown) = code(&out);
    assert_eq!(status, EXIT_OK, "in sync through the link: {shown}");
    fs::remove_dir_all(dir).unwrap();
}

#[cfg(unix)]
#[test]
fn sync_write_refuses_a_read_only_spec_and_writes_no_file() {
    let dir = scratch("read-only");
    write_page(&dir, true);
    // Both specs drift: the write would touch nat.toml, then eni.toml.
    let out = bce(&dir, &["sync", "page.txt", "specs", "--check"]);
    let (status, shown) = code(&out);
    assert_eq!(status, EXIT_FINDINGS, "{shown}");
    let report = text(&out.stdout);
    assert!(report.contains("~ nat.toml ← ") && report.contains("~ eni.toml ← "));

    let eni = dir.join("specs/eni.toml");
    set_mode(&eni, 0o444);
    let before = contents(&dir.join("specs"));

    let out = bce(&dir, &["sync", "page.txt", "specs", "--write"]);
    let (status, shown) = code(&out);
    assert_eq!(status, EXIT_ERROR, "{shown}");
    assert!(out.stdout.is_empty(), "{shown}");
    assert_eq!(
        stderr_lines(&out),
        ["error: nothing written: specs/eni.toml is read-only: nothing was written"],
        "{shown}"
    );
    assert_unchanged(&dir.join("specs"), &before);
    assert_eq!(mode(&eni), 0o444);
    assert_eq!(temporaries(&dir), Vec::<PathBuf>::new());
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn sync_write_that_fails_staging_a_later_file_writes_none_and_leaves_no_temporary() {
    let dir = scratch("staging");
    write_page(&dir, true);
    // The ENI spec under a name whose temporary (`.NAME.PID.tmp`) is longer than a file
    // name may be (255 bytes): creating it fails, for root too, after nat.toml's
    // temporary was written.
    let long = format!("{}.toml", "e".repeat(245));
    fs::rename(dir.join("specs/eni.toml"), dir.join("specs").join(&long)).unwrap();
    let out = bce(&dir, &["sync", "page.txt", "specs", "--check"]);
    let (status, shown) = code(&out);
    assert_eq!(status, EXIT_FINDINGS, "{shown}");
    let report = text(&out.stdout);
    let nat_at = report.find("~ nat.toml ← ").expect("nat.toml drifts");
    let eni_at = report
        .find(&format!("~ {long} ← "))
        .expect("the ENI spec drifts");
    assert!(nat_at < eni_at, "nat.toml is staged first: {report}");
    let before = contents(&dir.join("specs"));

    let out = bce(&dir, &["sync", "page.txt", "specs", "--write"]);
    let (status, shown) = code(&out);
    assert_eq!(status, EXIT_ERROR, "{shown}");
    assert!(out.stdout.is_empty(), "{shown}");
    let lines = stderr_lines(&out);
    assert_eq!(lines.len(), 1, "{shown}");
    assert!(
        lines[0].starts_with(&format!("error: nothing written: specs/.{long}.")),
        "{shown}"
    );
    assert_unchanged(&dir.join("specs"), &before);
    assert_eq!(temporaries(&dir), Vec::<PathBuf>::new());
    fs::remove_dir_all(dir).unwrap();
}

/// Sets the immutable attribute (`chattr +i`) on a file while alive.
#[cfg(target_os = "linux")]
struct Immutable(PathBuf);

#[cfg(target_os = "linux")]
impl Immutable {
    /// `None` if the attribute cannot be set here (no `chattr`, no capability, a file
    /// system without it).
    fn set(path: &Path) -> Option<Self> {
        let ok = Command::new("chattr")
            .arg("+i")
            .arg(path)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| Immutable(path.to_owned()))
    }
}

#[cfg(target_os = "linux")]
impl Drop for Immutable {
    fn drop(&mut self) {
        let _ = Command::new("chattr").arg("-i").arg(&self.0).status();
    }
}

#[cfg(target_os = "linux")]
#[test]
fn sync_write_that_fails_renaming_a_later_file_puts_the_first_back() {
    let dir = scratch("rename");
    write_page(&dir, true);
    let before = contents(&dir.join("specs"));
    // An immutable eni.toml: its mode says writable, its temporary is written, but the
    // rename over it fails (EPERM, for root too) after nat.toml was renamed into place.
    let Some(immutable) = Immutable::set(&dir.join("specs/eni.toml")) else {
        eprintln!("skipped: cannot set the immutable attribute here (needs chattr and root)");
        fs::remove_dir_all(dir).unwrap();
        return;
    };

    let out = bce(&dir, &["sync", "page.txt", "specs", "--write"]);
    let (status, shown) = code(&out);
    assert_eq!(status, EXIT_ERROR, "{shown}");
    assert!(out.stdout.is_empty(), "{shown}");
    let lines = stderr_lines(&out);
    assert_eq!(lines.len(), 1, "{shown}");
    assert!(
        lines[0].starts_with("error: nothing written: specs/eni.toml: "),
        "{shown}"
    );
    assert_unchanged(&dir.join("specs"), &before);
    assert_eq!(temporaries(&dir), Vec::<PathBuf>::new());
    drop(immutable);
    fs::remove_dir_all(dir).unwrap();
}

/// Whether process `pid` has `path` open (Linux: `/proc/PID/fd`); `None` elsewhere.
fn has_open(pid: u32, path: &Path) -> Option<bool> {
    let fds = fs::read_dir(format!("/proc/{pid}/fd")).ok()?;
    let path = fs::canonicalize(path).ok()?;
    Some(
        fds.flatten()
            .any(|fd| fs::read_link(fd.path()).is_ok_and(|p| p == path)),
    )
}

#[test]
fn a_second_writer_waits_for_the_lock_then_compares_with_what_the_first_wrote() {
    let dir = scratch("lock");
    write_page(&dir, true);
    let nat = dir.join("specs/nat.toml");
    let eni = dir.join("specs/eni.toml");
    let eni_before = fs::read_to_string(&eni).unwrap();
    assert!(eni_before.contains(ENI_SPEC));
    let lock_path = dir.join("specs/.bce-errors.lock");
    let lock = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .unwrap();
    lock.lock().unwrap();

    let mut child = bin()
        .args(["sync", "page.txt", "specs", "--write"])
        .current_dir(&dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Where the system shows it, wait until the child has the lock file open: it is then
    // at the lock, not merely slow to start.
    let deadline = Instant::now() + Duration::from_secs(20);
    while has_open(child.id(), &lock_path) == Some(false) && Instant::now() < deadline {
        assert!(
            child.try_wait().unwrap().is_none(),
            "exited without the lock"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_ne!(
        has_open(child.id(), &lock_path),
        Some(false),
        "the second writer never opened the lock file"
    );
    std::thread::sleep(Duration::from_millis(500));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the second writer must wait while the lock is held"
    );
    assert_eq!(fs::read_to_string(&eni).unwrap(), eni_before);
    // The first writer, under the lock, brings nat.toml in line with the page (and
    // leaves a comment); eni.toml it leaves to the second.
    let first = format!(
        "# Synced by the first writer.\n{}",
        fs::read_to_string(&nat)
            .unwrap()
            .replace(NAT_SPEC, NAT_SPEC_CHANGED)
    );
    fs::write(&nat, &first).unwrap();
    drop(lock);

    let out = child.wait_with_output().unwrap();
    let (status, shown) = code(&out);
    assert_eq!(status, EXIT_OK, "{shown}");
    assert!(out.stderr.is_empty(), "{shown}");
    // It read the specs after the lock was released: nat.toml was in sync by then.
    let report = text(&out.stdout);
    assert!(report.contains("\n= nat.toml ← "), "{shown}");
    let wrote: Vec<&str> = report.lines().filter(|l| l.starts_with("wrote ")).collect();
    assert_eq!(wrote, ["wrote eni.toml: 1 change(s) applied"], "{shown}");
    assert_eq!(fs::read_to_string(&nat).unwrap(), first);
    assert_eq!(
        fs::read_to_string(&eni).unwrap(),
        eni_before.replace(ENI_SPEC, ENI_SPEC_CHANGED)
    );
    assert_eq!(temporaries(&dir), Vec::<PathBuf>::new());
    fs::remove_dir_all(dir).unwrap();
}

/// A valid spec of `n` rows, no includes (as `benches::synthetic_spec`).
fn synthetic_spec(n: usize) -> String {
    let mut s = String::from("[service]\nname = \"Synthetic\"\nsource = \"Benchmarks\"\n");
    for i in 0..n {
        s.push_str(&format!(
            "\n[[error]]\ncode = \"Service{}.Resource{}Error{i}\"\nmessage = \"Message {i}.\"\nstatus = {}\ndescription = \"Row {i}.\"\n",
            i % 13,
            i % 7,
            400 + (i % 100)
        ));
    }
    s
}

/// Spawns the command with stdout and stderr piped, writes `stdin` (if any) and closes
/// it, reads the first line of stdout, closes stdout, and waits.
fn read_one_line_then_close(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> (String, Output) {
    let mut child = bin()
        .args(args)
        .current_dir(dir)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        pipe.write_all(input).unwrap();
    }
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    drop(reader);
    (line, child.wait_with_output().unwrap())
}

#[test]
fn generate_into_a_closed_pipe_exits_quietly() {
    let dir = scratch("pipe-generate");
    fs::write(dir.join("big.toml"), synthetic_spec(8_000)).unwrap();
    // Far more than a pipe holds (64 KiB by default, 1 MiB at most unprivileged).
    let full = bce(&dir, &["generate", "big.toml"]);
    assert_eq!(code(&full).0, EXIT_OK);
    assert!(full.stdout.len() > 1 << 20, "{} bytes", full.stdout.len());

    let (line, out) = read_one_line_then_close(&dir, &["generate", "big.toml"], None);
    assert_eq!(
        line,
        "// Generated by `bce-errors generate big.toml`; edit the spec, not this file.\n"
    );
    let (status, shown) = code(&out);
    assert_eq!(status, EXIT_OK, "{shown}");
    assert!(out.stderr.is_empty(), "{shown}");
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn explain_into_a_closed_pipe_exits_quietly() {
    let dir = scratch("pipe-explain");
    // A body just under the parse limit (1 MiB), its message printed in full.
    let body = format!(
        r#"{{"code":"NoSuchNat","message":"{}","requestId":"r-1"}}"#,
        "x".repeat(1_000_000)
    );
    // Read from stdin: as an argument it would exceed the system's limit.
    let mut child = bin()
        .args(["explain", "-"])
        .current_dir(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(body.as_bytes())
        .unwrap();
    let full = child.wait_with_output().unwrap();
    let (status, shown) = code(&full);
    assert_eq!(status, EXIT_OK, "{}", &shown[..shown.len().min(2000)]);
    assert!(full.stdout.len() > 1_000_000, "{} bytes", full.stdout.len());

    let (line, out) = read_one_line_then_close(&dir, &["explain", "-"], Some(body.as_bytes()));
    assert_eq!(line, "code: NoSuchNat\n");
    let (status, shown) = code(&out);
    assert_eq!(status, EXIT_OK, "{shown}");
    assert!(out.stderr.is_empty(), "{shown}");
    fs::remove_dir_all(dir).unwrap();
}

/// Runs the command in `dir` with stdout on `/dev/full`; `None` where there is none.
#[cfg(unix)]
fn into_full_disk(dir: &Path, args: &[&str]) -> Option<Output> {
    let full = File::options().write(true).open("/dev/full").ok()?;
    Some(
        bin()
            .args(args)
            .current_dir(dir)
            .stdout(Stdio::from(full))
            .stderr(Stdio::piped())
            .output()
            .unwrap(),
    )
}

#[cfg(unix)]
#[test]
fn check_writing_to_a_full_disk_fails_with_one_line() {
    if !Path::new("/dev/full").exists() {
        eprintln!("skipped: no /dev/full");
        return;
    }
    let dir = scratch("full-check");
    let out = into_full_disk(&dir, &["check", "specs"]).unwrap();
    let (status, shown) = code(&out);
    assert_eq!(status, EXIT_ERROR, "{shown}");
    let lines = stderr_lines(&out);
    assert_eq!(lines.len(), 1, "{shown}");
    assert!(
        lines[0].starts_with("error: cannot write the output: "),
        "{shown}"
    );
    assert!(!lines[0].contains("panicked"), "{shown}");
    fs::remove_dir_all(dir).unwrap();
}

#[cfg(unix)]
#[test]
fn generate_writing_to_a_full_disk_fails_with_one_line() {
    if !Path::new("/dev/full").exists() {
        eprintln!("skipped: no /dev/full");
        return;
    }
    let dir = scratch("full-generate");
    fs::write(dir.join("big.toml"), synthetic_spec(3_000)).unwrap();
    let out = into_full_disk(&dir, &["generate", "big.toml"]).unwrap();
    let (status, shown) = code(&out);
    assert_eq!(status, EXIT_ERROR, "{shown}");
    let lines = stderr_lines(&out);
    assert_eq!(lines.len(), 1, "{shown}");
    assert!(
        lines[0].starts_with("error: cannot write the output: "),
        "{shown}"
    );
    assert!(!lines[0].contains("panicked"), "{shown}");
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn check_of_a_directory_without_specs_fails_with_one_line() {
    let dir = scratch("no-specs");
    fs::create_dir(dir.join("empty")).unwrap();
    fs::create_dir(dir.join("docs")).unwrap();
    fs::write(dir.join("docs/README.md"), "no specs here\n").unwrap();
    fs::write(dir.join("docs/nat.toml.bak"), "not a spec\n").unwrap();
    for sub in ["empty", "docs"] {
        let out = bce(&dir, &["check", sub]);
        let (status, shown) = code(&out);
        assert_eq!(status, EXIT_ERROR, "{shown}");
        assert!(out.stdout.is_empty(), "{shown}");
        assert_eq!(
            stderr_lines(&out),
            [format!("error: {sub}: no spec files (*.toml) to check")],
            "{shown}"
        );
    }
    fs::remove_dir_all(dir).unwrap();
}

#[cfg(unix)]
#[test]
fn generate_output_file_is_replaced_atomically_or_not_at_all() {
    let dir = scratch("generate-o");
    let target = dir.join("out.rs");
    fs::write(&target, "// the previous code\n").unwrap();
    set_mode(&target, 0o640);
    fs::write(dir.join("bad.toml"), "[service]\nname = \"Bad\"\n").unwrap();
    fs::write(
        dir.join("tiny.toml"),
        "[service]\nname = \"Tiny\"\nsource = \"Tests\"\n\n[[error]]\ncode = \"Boom\"\nmessage = \"It broke.\"\nstatus = 500\n",
    )
    .unwrap();

    let out = bce(&dir, &["generate", "bad.toml", "-o", "out.rs"]);
    let (status, shown) = code(&out);
    assert_eq!(status, EXIT_FINDINGS, "{shown}");
    assert!(out.stdout.is_empty(), "{shown}");
    assert!(
        text(&out.stderr).starts_with("error: bad.toml is invalid:\n"),
        "{shown}"
    );
    assert_eq!(
        fs::read_to_string(&target).unwrap(),
        "// the previous code\n"
    );
    assert_eq!(mode(&target), 0o640);
    assert_eq!(temporaries(&dir), Vec::<PathBuf>::new());

    let printed = bce(&dir, &["generate", "tiny.toml"]);
    assert_eq!(code(&printed).0, EXIT_OK);
    assert!(text(&printed.stdout).contains("Boom"));
    let out = bce(&dir, &["generate", "tiny.toml", "-o", "out.rs"]);
    let (status, shown) = code(&out);
    assert_eq!(status, EXIT_OK, "{shown}");
    assert!(out.stdout.is_empty() && out.stderr.is_empty(), "{shown}");
    assert_eq!(fs::read(&target).unwrap(), printed.stdout);
    assert_eq!(mode(&target), 0o640, "the file keeps its mode");
    assert_eq!(temporaries(&dir), Vec::<PathBuf>::new());
    fs::remove_dir_all(dir).unwrap();
}

/// Runs the command in `dir`, killing it (and failing) if it has not finished within
/// `limit`: for a command that could loop forever.
#[cfg(unix)]
fn bce_within(dir: &Path, args: &[&str], limit: Duration) -> Output {
    let mut child = bin()
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            pipe.read_to_end(&mut bytes).map(|_| bytes)
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let deadline = Instant::now() + limit;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "`bce-errors {}` did not finish in {limit:?}",
                args.join(" ")
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: stdout.join().unwrap().unwrap(),
        stderr: stderr.join().unwrap().unwrap(),
    }
}

/// The number of valid specs `check` reports on its first line.
#[cfg(unix)]
fn valid_count(report: &str) -> usize {
    let first = report.lines().next().unwrap_or_default();
    first
        .split_once(" spec(s) valid")
        .and_then(|(n, _)| n.parse().ok())
        .unwrap_or_else(|| panic!("no count in {first:?}"))
}

#[cfg(unix)]
#[test]
fn check_walks_symlink_loops_once() {
    let dir = scratch("loops");
    let out = bce(&dir, &["check", "specs"]);
    let (status, shown) = code(&out);
    assert_eq!(status, EXIT_OK, "{shown}");
    let without = text(&out.stdout);
    assert_eq!(valid_count(&without), VPC_SPECS.len());

    // A link to the directory itself, one to its parent (which holds it), and one from
    // inside a subdirectory back up to the top.
    std::os::unix::fs::symlink(".", dir.join("specs/loop")).unwrap();
    std::os::unix::fs::symlink("..", dir.join("specs/loop2")).unwrap();
    std::os::unix::fs::symlink("..", dir.join("specs/pages/up")).unwrap();
    let out = bce_within(&dir, &["check", "specs"], Duration::from_secs(60));
    let (status, shown) = code(&out);
    assert_eq!(status, EXIT_OK, "{shown}");
    assert!(out.stderr.is_empty(), "{shown}");
    let with = text(&out.stdout);
    assert_eq!(valid_count(&with), VPC_SPECS.len());
    assert_eq!(with, without, "the same specs, under the same names");
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn check_rejects_an_absolute_include_naming_file_and_line() {
    let dir = scratch("absolute");
    let out = bce(&dir, &["check", "specs"]);
    let (status, shown) = code(&out);
    assert_eq!(status, EXIT_OK, "{shown}");
    let clean = text(&out.stdout);
    let first = clean.lines().next().unwrap();
    assert!(first.ends_with("; 0 invalid"), "{first}");

    // The include names a valid spec that exists: only its being absolute is wrong.
    let global = fs::canonicalize(dir.join("specs/global.toml")).unwrap();
    let global = global.to_str().unwrap();
    fs::write(
        dir.join("specs/abs.toml"),
        format!(
            "[service]\nname = \"Abs\"\nsource = \"Tests\"\ninclude = ['{global}']\n\n[[error]]\ncode = \"Boom\"\nmessage = \"It broke.\"\n"
        ),
    )
    .unwrap();
    let out = bce(&dir, &["check", "specs"]);
    let (status, shown) = code(&out);
    assert_eq!(status, EXIT_FINDINGS, "{shown}");
    assert_eq!(
        text(&out.stdout).lines().next().unwrap(),
        first.replace("; 0 invalid", "; 1 invalid"),
        "{shown}"
    );
    let err = text(&out.stderr);
    assert!(
        err.starts_with(&format!("error: include `{global}` is absolute\n")),
        "{shown}"
    );
    assert!(err.contains("\n --> abs.toml:4:12\n"), "{shown}");
    fs::remove_dir_all(dir).unwrap();
}
