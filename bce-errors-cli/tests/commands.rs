//! Golden tests of the command's output, text and JSON, and its exit codes.
//! Run with `BLESS=1` to accept a change to `tests/golden/*`.

use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_bce-errors"));
    cmd.args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap());
    match stdin {
        Some(input) => {
            use std::io::Write as _;
            cmd.stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped());
            let mut child = cmd.spawn().unwrap();
            child
                .stdin
                .take()
                .unwrap()
                .write_all(input.as_bytes())
                .unwrap();
            child.wait_with_output().unwrap()
        }
        None => cmd.output().unwrap(),
    }
}

fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "{name} changed; rerun with BLESS=1 to accept:\n{actual}"
    );
}

fn check(name: &str, args: &[&str], stdin: Option<&str>, code: i32) {
    let out = run(args, stdin);
    assert_eq!(
        out.status.code(),
        Some(code),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    golden(name, &text);
    if name.ends_with(".json") {
        serde_json::from_slice::<serde_json::Value>(&out.stdout)
            .expect("--format json prints JSON");
    }
}

const BODY: &str =
    r#"{"code":"NoSuchNat","message":"The specified nat is not found.","requestId":"r-1"}"#;

#[test]
fn import_text_and_json() {
    check(
        "import_blb.txt",
        &["import", "bce-errors-cli/tests/corpus/pages/seed-002.txt"],
        None,
        0,
    );
    check(
        "import_cce.json",
        &[
            "import",
            "bce-errors-cli/tests/corpus/pages/seed-003.txt",
            "--format",
            "json",
        ],
        None,
        0,
    );
    check(
        "import_section.txt",
        &[
            "import",
            "bce-errors-cli/tests/corpus/pages/seed-001.txt",
            "--section",
            "ACL",
        ],
        None,
        0,
    );
    // A row cut off by the end of the saved page is reported: exit 1, the rest written.
    check(
        "import_cut_page.txt",
        &["import", "bce-errors-cli/tests/corpus/pages/zh-01.txt"],
        None,
        1,
    );
}

#[test]
fn sync_text_and_json() {
    check(
        "sync_vpc.txt",
        &[
            "sync",
            "bce-errors-cli/tests/corpus/pages/seed-001.txt",
            "specs",
            "--check",
        ],
        None,
        0,
    );
    check(
        "sync_eip.json",
        &[
            "sync",
            "bce-errors-cli/tests/corpus/pages/seed-000.txt",
            "specs",
            "--format",
            "json",
        ],
        None,
        0,
    );
}

#[test]
fn check_text_and_json() {
    check("check_specs.txt", &["check", "specs"], None, 0);
    check(
        "check_specs.json",
        &["check", "specs", "--format", "json"],
        None,
        0,
    );
}

#[test]
fn lookup_text_and_json() {
    check(
        "lookup_limit_exceeded.txt",
        &["lookup", "LimitExceeded"],
        None,
        0,
    );
    check(
        "lookup_nat.json",
        &[
            "lookup",
            "NoSuchNat",
            "--service",
            "nat",
            "--format",
            "json",
        ],
        None,
        0,
    );
    check("lookup_unknown.txt", &["lookup", "NoSuchThing"], None, 1);
}

#[test]
fn lookup_groups_identical_meanings_and_reads_the_users_specs() {
    // Twelve services document AccessDenied word for word: one entry, every service named.
    check(
        "lookup_access_denied.txt",
        &["lookup", "AccessDenied"],
        None,
        0,
    );
    // A numeric code from the user's own spec (`--specs`), beside the bundled AI codes.
    check(
        "lookup_own_specs.txt",
        &["lookup", "216100", "--specs", "bce-errors/examples/specs"],
        None,
        0,
    );
}

#[test]
fn explain_says_what_a_body_is() {
    // The AI platform: a numeric code and a numeric log id inside HTTP 200.
    check(
        "explain_ai_platform.txt",
        &[
            "explain",
            r#"{"error_code":110,"error_msg":"Access token invalid or no longer valid","log_id":1803053124329552748}"#,
            "--status",
            "200",
        ],
        None,
        0,
    );
    // A status other than the documented one is pointed out.
    check(
        "explain_status_differs.txt",
        &["explain", BODY, "--status", "500"],
        None,
        0,
    );
    // A success body is said to be one.
    check(
        "explain_success.txt",
        &["explain", r#"{"log_id":7,"result":[]}"#, "--status", "200"],
        None,
        0,
    );
    // A BCE body with a numeric requestId.
    check(
        "explain_numeric_request_id.txt",
        &[
            "explain",
            r#"{"code":"NoSuchNat","message":"m","requestId":12345}"#,
            "--status",
            "404",
        ],
        None,
        0,
    );
}

#[test]
fn explain_text_and_json() {
    check("explain_nat.txt", &["explain", BODY], None, 0);
    check(
        "explain_stdin.json",
        &["explain", "-", "--status", "404", "--format", "json"],
        Some(BODY),
        0,
    );
    check(
        "explain_html.txt",
        &["explain", "<html>502 Bad Gateway</html>", "--status", "502"],
        None,
        1,
    );
}

#[test]
fn generate_prints_formatted_code() {
    check(
        "generate_dev_machine.rs",
        &["generate", "specs/dev_machine.toml"],
        None,
        0,
    );
}

#[test]
fn bad_input_is_one_line_with_a_documented_exit_code() {
    for (args, code, needle) in [
        (
            &["import", "no/such/page.txt"][..],
            2,
            "cannot read no/such/page.txt",
        ),
        (&["import", "README.md"][..], 2, "no error table found"),
        (
            &[
                "import",
                "bce-errors-cli/tests/corpus/pages/seed-002.txt",
                "--section",
                "Nope",
            ][..],
            2,
            "no error table under a heading",
        ),
        (
            &[
                "sync",
                "bce-errors-cli/tests/corpus/pages/seed-002.txt",
                "no/such/dir",
            ][..],
            2,
            "does not exist",
        ),
        (
            &["check", "tests/ui/specs/duplicate_code.toml"][..],
            1,
            "duplicate code `NoSuchThing`",
        ),
        (
            &["lookup", "NoSuchNat", "--service", "nope"][..],
            2,
            "no bundled service is called",
        ),
        (
            &["generate", "tests/ui/specs/status_zero.toml"][..],
            1,
            "status 0 is not an HTTP status",
        ),
        (&["frobnicate"][..], 2, "unrecognized subcommand"),
    ] {
        let out = run(args, None);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
        assert!(stderr.contains(needle), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty() || code == 1, "{args:?}");
    }
    let binary = std::env::temp_dir().join(format!("bce-errors-binary-{}.txt", std::process::id()));
    std::fs::write(&binary, [0xFFu8, 0xFE, 0x00]).unwrap();
    let out = run(&["import", binary.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not UTF-8"));
    std::fs::remove_file(binary).unwrap();
}

#[test]
fn help_shows_examples() {
    for args in [
        &["--help"][..],
        &["import", "--help"],
        &["sync", "--help"],
        &["explain", "--help"],
    ] {
        let out = run(args, None);
        assert!(out.status.success());
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("bce-errors "),
            "{args:?}"
        );
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("Example") || args == ["--help"],
            "{args:?}"
        );
    }
}
