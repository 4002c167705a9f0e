//! Pages from the network, against a docs-site double on 127.0.0.1 (never anything
//! else): redirects and a loop, gzip, ETag and 304 with the cache, `--offline`, 500 then
//! 200, 429 with `Retry-After`, a server slower than the timeout, a body over the limit,
//! a GBK page, a wrong content type, a reset mid-body; then `sync DIR` end to end: no
//! drift exits 0, a changed status exits 1 naming the row, a server that is down exits
//! 2 and leaves every spec byte for byte as it was.

#[path = "support/page_server.rs"]
mod page_server;
#[path = "support/scratch.rs"]
mod scratch;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

use bce_errors_cli::fetch::{Cache, FetchError, Fetcher, Options};
use page_server::{PageServer, error_page};
use scratch::Scratch;

fn fetcher(cache: Option<&Path>, offline: bool) -> Fetcher {
    Fetcher::new(Options {
        cache: cache.map(Cache::new),
        offline,
        connect_timeout: Duration::from_secs(1),
        timeout: Duration::from_secs(1),
        // Loopback only: never a proxy the environment names.
        env_proxy: false,
    })
}

fn scratch(name: &str) -> Scratch {
    Scratch::new(&format!("fetch-{name}"))
}

#[test]
fn redirects_are_followed_a_few_times_and_a_loop_is_an_error() {
    let server = PageServer::start();
    let page = fetcher(None, false)
        .fetch(&server.url("/redirect/3"))
        .unwrap();
    assert!(page.text.contains("NoSuchNat"));
    let err = fetcher(None, false)
        .fetch(&server.url("/loop"))
        .unwrap_err();
    assert!(matches!(err, FetchError::TooManyRedirects(_)), "{err}");
    assert!(err.to_string().contains("/loop") && err.to_string().contains("redirect"));
    assert!(server.hits("/loop") <= 6, "{}", server.hits("/loop"));
}

#[test]
fn gzip_and_gbk_pages_read_as_text() {
    let server = PageServer::start();
    let page = fetcher(None, false).fetch(&server.url("/gzip")).unwrap();
    assert!(page.text.contains("The specified nat is not found."));
    let page = fetcher(None, false).fetch(&server.url("/gbk")).unwrap();
    assert!(page.text.contains("找不到指定的NAT网关"), "{}", page.text);
}

#[test]
fn an_unchanged_page_is_not_downloaded_again_and_offline_reads_the_cache() {
    let server = PageServer::start();
    let dir = scratch("cache");
    let url = server.url("/etag");
    let first = fetcher(Some(&dir), false).fetch(&url).unwrap();
    assert!(!first.from_cache);
    let second = fetcher(Some(&dir), false).fetch(&url).unwrap();
    assert!(second.from_cache, "a 304 answers from the cache");
    assert_eq!(first.text, second.text);
    {
        let state = server.state.lock().unwrap();
        let asked: Vec<_> = state.requests.iter().map(|r| r.1.clone()).collect();
        assert_eq!(asked, [None, Some("\"v1\"".to_owned())]);
    }
    let offline = fetcher(Some(&dir), true).fetch(&url).unwrap();
    assert_eq!((offline.from_cache, offline.text), (true, first.text));
    assert_eq!(server.hits("/etag"), 2, "--offline asks nothing");
    let missing = fetcher(Some(&dir), true)
        .fetch(&server.url("/sample"))
        .unwrap_err();
    assert!(matches!(missing, FetchError::NotCached(_)), "{missing}");
}

#[test]
fn server_errors_are_retried_and_retry_after_is_honoured() {
    let server = PageServer::start();
    let page = fetcher(None, false).fetch(&server.url("/flaky")).unwrap();
    assert!(page.text.contains("NoSuchNat"));
    assert_eq!(server.hits("/flaky"), 2);

    fetcher(None, false)
        .fetch(&server.url("/throttled"))
        .unwrap();
    let state = server.state.lock().unwrap();
    let times: Vec<_> = state
        .requests
        .iter()
        .filter(|r| r.0 == "/throttled")
        .map(|r| r.2)
        .collect();
    assert_eq!(times.len(), 2);
    assert!(
        times[1] - times[0] >= Duration::from_secs(1),
        "Retry-After: 1 waits a second"
    );
}

#[test]
fn failures_are_one_line_naming_the_address() {
    let server = PageServer::start();
    for (path, what) in [
        ("/missing", "HTTP 404"),
        ("/pdf", "application/pdf"),
        ("/big", "larger than"),
        ("/reset", "mid-page"),
        ("/slow", "in time"),
    ] {
        let url = server.url(path);
        let err = fetcher(None, false).fetch(&url).unwrap_err().to_string();
        assert!(err.contains(&url) && err.contains(what), "{path}: {err}");
        assert!(!err.contains('\n'), "{err}");
    }
    assert_eq!(server.hits("/missing"), 1, "a 404 is final");
    assert_eq!(server.hits("/pdf"), 1, "a wrong type is final");
    assert_eq!(
        server.hits("/reset"),
        3,
        "a cut body is retried, a few times"
    );
    // Nothing listens on the port of a server that was dropped.
    let gone = {
        let down = PageServer::start();
        down.url("/sample")
    };
    std::thread::sleep(Duration::from_millis(100));
    let err = fetcher(None, false).fetch(&gone).unwrap_err().to_string();
    assert!(err.contains(&gone), "{err}");
}

// `sync DIR` end to end, through the binary.

const NAT_ROWS: &[(&str, &str, u16)] = &[
    ("NoSuchNat", "The specified nat is not found.", 404),
    ("NatIdInvalid", "The natId is invalid", 400),
];

fn spec(url: &str) -> String {
    format!(
        "[service]\nname = \"NAT\"\nsource = \"NAT › Error codes\"\nurl = \"{url}\"\n\n\
         [[error]]\ncode = \"NoSuchNat\"\nmessage = \"The specified nat is not found.\"\nstatus = 404\n\n\
         [[error]]\ncode = \"NatIdInvalid\"\nmessage = \"The natId is invalid\"\nstatus = 400\n"
    )
}

fn bce(dir: &Path, args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_bce-errors"));
    for var in [
        "ALL_PROXY",
        "all_proxy",
        "HTTPS_PROXY",
        "https_proxy",
        "HTTP_PROXY",
        "http_proxy",
    ] {
        command.env_remove(var);
    }
    command.args(args).current_dir(dir).output().unwrap()
}

fn report(out: &Output) -> String {
    format!(
        "stdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn sync_dir_checks_every_spec_against_its_page() {
    let server = PageServer::start();
    let dir = scratch("sync");
    fs::create_dir_all(dir.join("specs")).unwrap();
    let url = server.url("/nat.html");
    fs::write(dir.join("specs/nat.toml"), spec(&url)).unwrap();
    server.set_page("/nat.html", &error_page("NAT", NAT_ROWS));

    let out = bce(&dir, &["sync", "specs", "--check", "--timeout", "3"]);
    assert_eq!(out.status.code(), Some(0), "{}", report(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("in sync"),
        "{}",
        report(&out)
    );

    let changed = [NAT_ROWS[0], ("NatIdInvalid", "The natId is invalid", 409)];
    server.set_page("/nat.html", &error_page("NAT", &changed));
    let out = bce(&dir, &["sync", "specs", "--check", "--timeout", "3"]);
    assert_eq!(out.status.code(), Some(1), "{}", report(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("NatIdInvalid status: \"400\" → \"409\""),
        "{}",
        report(&out)
    );
    assert_eq!(server.hits("/nat.html"), 2, "each page fetched once a run");
}

#[test]
fn a_server_that_is_down_fails_with_2_and_writes_nothing() {
    let gone = {
        let down = PageServer::start();
        down.url("/nat.html")
    };
    std::thread::sleep(Duration::from_millis(100));
    let server = PageServer::start();
    let up = server.url("/eip.html");
    server.set_page("/eip.html", &error_page("NAT", NAT_ROWS));
    let dir = scratch("down");
    fs::create_dir_all(dir.join("specs")).unwrap();
    let before_down = spec(&gone);
    let before_up = spec(&up).replace("409", "400");
    fs::write(dir.join("specs/nat.toml"), &before_down).unwrap();
    fs::write(dir.join("specs/eip.toml"), &before_up).unwrap();

    let out = bce(&dir, &["sync", "specs", "--write", "--timeout", "2"]);
    assert_eq!(out.status.code(), Some(2), "{}", report(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains(&format!("! {gone}")), "{}", report(&out));
    assert!(
        stdout.contains(&up),
        "the page that loaded is still compared: {}",
        report(&out)
    );
    assert_eq!(
        fs::read_to_string(dir.join("specs/nat.toml")).unwrap(),
        before_down
    );
    assert_eq!(
        fs::read_to_string(dir.join("specs/eip.toml")).unwrap(),
        before_up
    );
}

#[test]
fn import_from_an_address_records_it_and_a_page_without_a_table_says_why() {
    let server = PageServer::start();
    let dir = scratch("import");
    let url = server.url("/sample");
    let out = bce(&dir, &["import", &url, "-o", "specs", "--timeout", "3"]);
    assert_eq!(out.status.code(), Some(0), "{}", report(&out));
    let written: Vec<_> = fs::read_dir(dir.join("specs")).unwrap().collect();
    assert_eq!(written.len(), 1);
    let text = fs::read_to_string(written[0].as_ref().unwrap().path()).unwrap();
    assert!(text.contains(&format!("url = \"{url}\"")), "{text}");

    server.set_page(
        "/script.html",
        "<html><body><div id=app></div><script>render()</script></body></html>",
    );
    let out = bce(
        &dir,
        &["import", &server.url("/script.html"), "--timeout", "3"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", report(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("drawn by script") && stderr.lines().count() == 1,
        "{stderr}"
    );

    let saved = dir.join("saved.html");
    fs::write(&saved, error_page("NAT", NAT_ROWS)).unwrap();
    let out = bce(
        &dir,
        &[
            "import",
            "saved.html",
            "--url",
            "https://cloud.baidu.com/doc/NAT/s/x",
        ],
    );
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .contains("url = \"https://cloud.baidu.com/doc/NAT/s/x\""),
        "{}",
        report(&out)
    );
    let out = bce(
        &dir,
        &[
            "import",
            "saved.html",
            "--url",
            "https://u:p@cloud.baidu.com/x",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", report(&out));
}
