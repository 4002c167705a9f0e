//! `bce-errors catalog` pages in a real browser: headless Chromium (Debian's `chromium`,
//! installed here when missing and the tests run as root, as `.ci/run` does; `CHROMIUM`
//! names another) loads pages the command wrote and
//! prints the DOM after load (`--dump-dom`), which these tests read.
//!
//! - the bundled catalogue holds each bundled (service, code) exactly once;
//! - `#q=NoSuchNat` shows exactly that entry, `#q=` a Chinese phrase finds its code,
//!   `#service=nat` shows exactly NAT's codes;
//! - a spec of hostile text runs nothing (no injected element, the title unchanged) and
//!   nothing is fetched (no `src`, a CSP that allows only the page's own style and
//!   script, no request but the page itself);
//! - screenshots at desktop and phone width, in dark mode too, are written for people
//!   to look at (`target/catalog-screenshots/`), not compared.
//!
//! Timing (20,000 codes) is a benchmark, not a test: `bash benches/catalog.sh`.

#[path = "support/scratch.rs"]
mod scratch;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use scratch::Scratch;

use bce_errors::services::BUNDLED;

fn chromium() -> String {
    static FOUND: std::sync::OnceLock<Result<String, String>> = std::sync::OnceLock::new();
    FOUND
        .get_or_init(find_or_install)
        .clone()
        .unwrap_or_else(|why| panic!("{why}"))
}

/// Chromium: `CHROMIUM`, else `chromium` on the path; on a machine without it where
/// this runs as root with apt (a fresh CI or development machine), Debian's package is
/// installed first, once for the whole test binary.
fn find_or_install() -> Result<String, String> {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "chromium".to_owned());
    let works = |c: &str| {
        Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if works(&chromium) {
        return Ok(chromium);
    }
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0"));
    if root && std::env::var_os("CHROMIUM").is_none() {
        let install =
            "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium";
        let _ = Command::new("sh").args(["-c", install]).output();
        if works("chromium") {
            return Ok("chromium".to_owned());
        }
    }
    Err(
        "these tests need headless Chromium: `apt-get install chromium` (or CHROMIUM=/path/to/it)"
            .into(),
    )
}

fn scratch(name: &str) -> Scratch {
    Scratch::new(&format!("catalog-{name}"))
}

/// Runs the command; panics with its output unless it succeeds.
fn bce(dir: &Path, args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_bce-errors"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Runs Chromium with `extra` after its flags: headless, no sandbox (CI runs as root),
/// nothing of its own on the network, a fresh profile (removed when it has exited).
fn browser(extra: &[&str]) -> Output {
    let profile = scratch("profile");
    let mut command = Command::new(chromium());
    command.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
    ]);
    command.arg(format!("--user-data-dir={}", profile.display()));
    command.args(extra);
    command.output().unwrap()
}

/// The DOM after load of `page` opened at `hash`, once its timers and frames have run
/// (virtual time: on a busy machine a plain dump can come before the page has drawn
/// every entry).
fn dom(page: &Path, hash: &str) -> String {
    let url = format!("file://{}{hash}", page.display());
    let out = browser(&["--virtual-time-budget=10000", "--dump-dom", &url]);
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Each entry element's opening tag.
fn entries(dom: &str) -> Vec<&str> {
    dom.match_indices("<article")
        .map(|(at, _)| &dom[at..at + dom[at..].find('>').unwrap_or(0)])
        .filter(|tag| tag.contains("data-code="))
        .collect()
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(&tag[at..at + tag[at..].find('"')?])
}

fn shown(dom: &str) -> Vec<&str> {
    entries(dom)
        .into_iter()
        .filter(|tag| !tag.contains(" hidden"))
        .filter_map(|tag| attr(tag, "id"))
        .collect()
}

/// The bundled catalogue, written in a directory of its own (kept while it is used).
fn bundled_page() -> (Scratch, PathBuf) {
    let dir = scratch("bundled");
    bce(&dir, &["catalog", "-o", "errors.html"]);
    let page = dir.join("errors.html");
    (dir, page)
}

#[test]
fn every_bundled_code_is_there_once_and_a_linked_search_finds_it() {
    let (_dir, page) = bundled_page();
    let all = dom(&page, "");
    let ids: Vec<&str> = entries(&all)
        .into_iter()
        .filter_map(|t| attr(t, "id"))
        .collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    let rows: usize = BUNDLED.iter().map(|b| b.len).sum();
    assert_eq!(
        (ids.len(), unique.len()),
        (rows, rows),
        "each (service, code) once"
    );

    assert_eq!(shown(&dom(&page, "#q=NoSuchNat")), ["nat/NoSuchNat"]);

    // 无权限访问对应的资源: AccessDenied's Chinese description.
    let zh = dom(
        &page,
        "#q=%E6%97%A0%E6%9D%83%E9%99%90%E8%AE%BF%E9%97%AE%E5%AF%B9%E5%BA%94%E7%9A%84%E8%B5%84%E6%BA%90",
    );
    let found = shown(&zh);
    assert!(
        found.len() >= 12 && found.iter().all(|id| id.ends_with("/AccessDenied")),
        "{found:?}"
    );

    let nat_dom = dom(&page, "#service=nat");
    let nat = shown(&nat_dom);
    let nat_rows = BUNDLED
        .iter()
        .find(|b| b.enum_name == "NatError")
        .unwrap()
        .len;
    assert_eq!(nat.len(), nat_rows);
    assert!(nat.iter().all(|id| id.starts_with("nat/")), "{nat:?}");
}

#[test]
fn hostile_spec_text_runs_nothing_and_nothing_is_fetched() {
    let dir = scratch("hostile");
    std::fs::create_dir_all(dir.join("specs")).unwrap();
    std::fs::write(
        dir.join("specs/evil.toml"),
        r#"[service]
name = "Evil <script>document.title='pwned'</script>"
source = "\"><img src=x onerror=\"document.title='pwned'\">"
url = "https://cloud.baidu.com/doc/x?a=1&b=\"><script>alert(1)</script>"

[[error]]
code = "ScriptInMessage"
message = "<script>document.title='pwned'</script></script><!--"
status = 400
description = "\"><img src=x onerror=\"document.title='pwned'\"> {{SCRIPT}} {{DATA}}"

[[error]]
code = "U2028"
message = "line separator \u2028 paragraph separator \u2029 end"
status = 500
"#,
    )
    .unwrap();
    bce(
        &dir,
        &[
            "catalog",
            "specs",
            "--no-bundled",
            "-o",
            "evil.html",
            "--title",
            "Safe",
        ],
    );
    let page = dir.join("evil.html");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(
        html.contains("default-src 'none'; script-src 'sha256-"),
        "a CSP by hash"
    );
    for tag in ["<img", "<iframe", "<link rel=\"stylesheet", "<script src"] {
        assert!(!html.contains(tag), "nothing to fetch: {tag}");
    }

    let after = dom(&page, "");
    assert!(
        after.contains("<title>Safe</title>"),
        "the title was not changed by a script"
    );
    let body = &after[after.find("<body").unwrap()..];
    assert!(!body.contains("<img"), "no element injected");
    assert_eq!(
        body.matches("<script").count(),
        2,
        "only the page's own data and script"
    );
    assert_eq!(entries(&after).len(), 2);
    assert!(
        after.contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;"),
        "shown as written"
    );
}

#[test]
fn the_page_asks_for_nothing_but_itself() {
    // Chromium's network log lists every request a page makes.
    let (_dir, page) = bundled_page();
    let log = page.with_file_name("netlog.json");
    let out = browser(&[
        &format!("--log-net-log={}", log.display()),
        "--dump-dom",
        &format!("file://{}#q=quota", page.display()),
    ]);
    assert!(out.status.success());
    let net: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&log).unwrap()).unwrap();
    let events = net["events"].as_array().unwrap();
    assert!(!events.is_empty(), "the log was written");
    // The browser's own requests (its updater, its account check) have no initiating
    // origin; a request the page made would name the page's (`null` for file://).
    let from_page: Vec<&str> = events
        .iter()
        .filter(|e| e["params"]["url"].is_string() && e["params"]["method"].is_string())
        .filter(|e| e["params"]["initiator"].as_str() != Some("not an origin"))
        .filter_map(|e| e["params"]["url"].as_str())
        .collect();
    assert!(
        from_page.is_empty(),
        "requests left the file: {from_page:?}"
    );
}

#[test]
fn screenshots_at_desktop_and_phone_width() {
    let (_dir, page) = bundled_page();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("catalog-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    for (name, size, dark) in [
        ("desktop", "1280,900", false),
        ("phone", "390,844", false),
        ("phone-dark", "390,844", true),
    ] {
        let shot = dir.join(format!("{name}.png"));
        let _ = std::fs::remove_file(&shot);
        let mut args = vec![
            format!("--screenshot={}", shot.display()),
            format!("--window-size={size}"),
        ];
        if dark {
            args.push("--force-dark-mode".into());
        }
        args.push(format!("file://{}#q=quota", page.display()));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = browser(&args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let bytes = std::fs::read(&shot).unwrap();
        assert!(
            bytes.starts_with(b"\x89PNG") && bytes.len() > 10_000,
            "{name}: a real picture"
        );
    }
}
