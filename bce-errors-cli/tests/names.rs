//! The names an import gives its specs, on the real docs pages of the corpus: for every
//! page, `bce-errors import PAGE -o DIR` (run through the library, as `main.rs` runs
//! it) writes at least one spec, every file it writes is `STEM.toml` with `STEM`
//! matching `[a-z0-9_]+`, at most 40 characters and not a default (`table_1`,
//! `errors`), and every spec's service name is a name, not a sentence.
//!
//! Stricter rules hold too, with no exception: a stem holds a letter, a `_2` file has its
//! first, a service name holds a letter and no code, does not hang on `and` / `的` or
//! introduce what follows, and is more than "table". (When this test was written, ten
//! names broke them — a sentence above the table, `Common Headers and`, `及常见原因`,
//! `表`, `_2` files without a first — and the importer was fixed.)
//!
//! The pages are the 51 tune and first-holdout pages of the page corpus (the second
//! holdout, `h2-`, was kept unseen while the rules were written) and the whole documents
//! of `tests/documents/` outside their holdout.

use std::path::{Path, PathBuf};

use bce_errors_cli::commands::Format;
use bce_errors_cli::commands::import::{Args, run};
use bce_errors_cli::output::Output;
use serde::Deserialize;

#[path = "support/documents.rs"]
mod corpus;

/// The part of the import's JSON report the names are in.
#[derive(Deserialize)]
struct Report {
    tables: Vec<TableReport>,
}

#[derive(Deserialize)]
struct TableReport {
    service: String,
    file: String,
}

/// What one page's import wrote, and the file stems of its tables that wrote nothing.
struct Import {
    written: Vec<Written>,
    unwritten: Vec<String>,
}

/// One spec written: the page it comes from, its file stem and its service name.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Written {
    page: String,
    stem: String,
    service: String,
}

/// The longest file stem or service name.
const MAX_CHARS: usize = 40;
/// Words a service name has at most.
const MAX_WORDS: usize = 8;

/// Stems that say nothing about the service: what a tool writes when it has no name.
fn is_default(stem: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let numbered = |base: &str| {
        stem.strip_prefix(base)
            .is_some_and(|rest| rest.is_empty() || digits(rest.trim_start_matches('_')))
    };
    ["table", "spec", "page", "sheet", "untitled", "unnamed"]
        .iter()
        .any(|base| numbered(base))
        || [
            "error",
            "errors",
            "error_code",
            "error_codes",
            "code",
            "codes",
            "default",
        ]
        .contains(&stem)
}

/// More than [`MAX_WORDS`] words, full-width sentence punctuation anywhere, or `. `,
/// `; `, `! `, `? ` between words.
fn is_sentence(service: &str) -> bool {
    service.split_whitespace().count() > MAX_WORDS
        || service.contains(['。', '；', '！', '？', '，'])
        || [". ", "; ", "! ", "? "]
            .iter()
            .any(|p| service.trim().contains(p))
}

/// The rules every name keeps, without exception (the brief's rules).
fn hard_problems(w: &Written) -> Vec<String> {
    let mut problems = Vec::new();
    if w.stem.is_empty()
        || !w
            .stem
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    {
        problems.push("the stem is not [a-z0-9_]+".to_owned());
    }
    if w.stem.len() > MAX_CHARS {
        problems.push(format!("the stem is longer than {MAX_CHARS} characters"));
    }
    if is_default(&w.stem) {
        problems.push("the stem is a default name".to_owned());
    }
    if w.service.trim().is_empty() {
        problems.push("the service name is empty".to_owned());
    }
    if w.service.chars().count() > MAX_CHARS {
        problems.push(format!(
            "the service name is longer than {MAX_CHARS} characters"
        ));
    }
    if is_sentence(&w.service) {
        problems.push("the service name is a sentence".to_owned());
    }
    problems
}

/// Words a name does not end on (or, the first four, start with): it was cut out of a
/// longer phrase.
const DANGLING: &[&str] = &["and", "or", "of", "the", "for", "with", "to", "in"];
const DANGLING_ZH: &[&str] = &["及", "和", "与", "或", "的"];
/// Phrases that introduce what follows: a sentence above a table, not its name.
const INTRODUCING: &[&str] = &[
    "如下",
    "以下",
    "例如",
    "as follows",
    "following",
    "below",
    "for example",
    "e.g.",
];
/// Words that only say "error table".
const GENERIC: &[&str] = &[
    "表", "列表", "错误", "码", "table", "list", "error", "errors", "code", "codes",
];

/// The stricter rules, calibrated on what the importer writes for the corpus;
/// `unwritten` are the stems of the page's tables that wrote no spec.
fn strict_problems(w: &Written, unwritten: &[&str]) -> Vec<String> {
    let mut problems = Vec::new();
    let stem = w.stem.as_str();
    if !stem.bytes().any(|b| b.is_ascii_lowercase())
        || stem.starts_with('_')
        || stem.ends_with('_')
        || stem.contains("__")
    {
        problems.push("the stem is not words joined by `_`".to_owned());
    }
    if let Some((base, n)) = stem.rsplit_once('_')
        && n.parse::<u32>().is_ok_and(|n| n >= 2)
        && unwritten.contains(&base)
    {
        problems.push(format!(
            "`{stem}` is written without `{base}`: a table that wrote no spec took the name"
        ));
    }
    let service = w.service.as_str();
    if !service.chars().any(char::is_alphabetic) || service.contains(['{', '}', '[', ']', '"', '='])
    {
        problems.push("the service name is not words (code, or a number)".to_owned());
    }
    let lower = service.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let first = words.first().copied().unwrap_or_default();
    let last = words.last().copied().unwrap_or_default();
    if DANGLING.contains(&last)
        || DANGLING[..4].contains(&first)
        || DANGLING_ZH.iter().any(|w| lower.ends_with(w))
        || DANGLING_ZH[..4].iter().any(|w| lower.starts_with(w))
    {
        problems.push("the service name hangs on a connective".to_owned());
    }
    if INTRODUCING.iter().any(|p| lower.contains(p)) {
        problems.push("the service name introduces what follows".to_owned());
    }
    if words.iter().all(|w| GENERIC.contains(w)) {
        problems.push("the service name only says \"error table\"".to_owned());
    }
    problems
}

/// Imports `page` into `dir` as `bce-errors import PAGE -o DIR --json` does.
fn import(page: &Path, dir: &Path) -> Import {
    if dir.exists() {
        std::fs::remove_dir_all(dir).unwrap();
    }
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let args = Args {
        page: page.display().to_string(),
        url: None,
        fetch: Default::default(),
        section: None,
        output: Some(dir.to_path_buf()),
        name: None,
        format: Format::Json,
    };
    let mut output = Output {
        out: &mut out,
        err: &mut err,
    };
    let id = page.file_stem().unwrap().to_string_lossy().into_owned();
    if let Err(e) = run(&args, &mut output) {
        panic!("{id}: import failed: {e:?}");
    }
    let report: Report = serde_json::from_slice(&out)
        .unwrap_or_else(|e| panic!("{id}: the JSON report does not parse: {e}"));
    let written: Vec<Written> = report
        .tables
        .iter()
        .filter(|t| dir.join(&t.file).is_file())
        .map(|t| Written {
            page: id.clone(),
            stem: t
                .file
                .strip_suffix(".toml")
                .unwrap_or_else(|| panic!("{id}: {} is not a .toml file", t.file))
                .to_owned(),
            service: t.service.clone(),
        })
        .collect();
    let unwritten = report
        .tables
        .iter()
        .filter(|t| !dir.join(&t.file).is_file())
        .map(|t| t.file.trim_end_matches(".toml").to_owned())
        .collect();
    // Everything in the directory is in the report.
    let files = std::fs::read_dir(dir).map_or(0, |d| d.count());
    assert_eq!(files, written.len(), "{id}: files written but not reported");
    Import { written, unwritten }
}

/// The corpus pages, except the blind holdout (`h2-*`), which is never opened.
fn pages() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/pages");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| !n.starts_with("h2-") && n.ends_with(".txt"))
        })
        .collect();
    pages.sort();
    pages
}

/// The whole documents of `tests/documents/` (markdown files and saved pages), except
/// its holdout, which is never opened here.
fn documents() -> Vec<PathBuf> {
    corpus::entries()
        .into_iter()
        .filter(|e| e.split != "holdout")
        .map(|e| {
            let path = corpus::dir().join(&e.file);
            // The import's id is the file's stem: the manifest's id, as the labels use it.
            assert_eq!(
                path.file_stem().and_then(|s| s.to_str()),
                Some(e.id.as_str())
            );
            path
        })
        .collect()
}

#[test]
fn every_spec_an_import_writes_has_a_name() {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR")).join("names");
    let mut pages = pages();
    assert!(pages.len() >= 51, "{} corpus pages", pages.len());
    let documents = documents();
    assert!(documents.len() >= 35, "{} whole documents", documents.len());
    pages.extend(documents);
    let mut all = Vec::new();
    let mut failures = Vec::new();
    for page in &pages {
        let id = page.file_stem().unwrap().to_string_lossy().into_owned();
        let Import { written, unwritten } = import(page, &tmp.join(&id));
        if written.is_empty() {
            failures.push(format!("{id}: no spec written"));
        }
        let unwritten: Vec<&str> = unwritten.iter().map(String::as_str).collect();
        for w in &written {
            for p in hard_problems(w) {
                failures.push(format!("{} {} ({:?}): {p}", w.page, w.stem, w.service));
            }
            for p in strict_problems(w, &unwritten) {
                failures.push(format!("{} {} ({:?}): {p}", w.page, w.stem, w.service));
            }
        }
        all.extend(written);
    }
    // The whole list, for eyeballing (`-- --nocapture`).
    for w in &all {
        println!("| {} | {} | {} |", w.page, w.stem, w.service);
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// The rules themselves, on names they must and must not let through.
#[test]
fn the_rules_tell_names_from_sentences_and_defaults() {
    let w = |stem: &str, service: &str| Written {
        page: "p".into(),
        stem: stem.into(),
        service: service.into(),
    };
    for (stem, service) in [
        ("nat_gateway", "NAT gateway"),
        ("global", "BCE global"),
        ("dev_machine", "开发机"),
        ("ai_06", "ai-06"),
        ("log_service", "Log Service"),
        ("api_auth_throttling", "接口流控及鉴权"),
        ("eipgroup", "EIPGROUP"),
    ] {
        let n = w(stem, service);
        assert_eq!(hard_problems(&n), Vec::<String>::new(), "{stem}");
        assert_eq!(strict_problems(&n, &[]), Vec::<String>::new(), "{stem}");
    }
    for (stem, service) in [
        ("table_1", "NAT"),
        ("table1", "NAT"),
        ("errors", "NAT"),
        ("Nat", "NAT"),
        ("nat-gateway", "NAT"),
        (
            "nat",
            "The following table is the common error codes in API response",
        ),
        ("nat", "Errors are listed below. See the API"),
        ("nat", "错误码如下。请参考"),
        ("nat", "认证失败，会返回错误码"),
        ("a_very_long_stem_that_nobody_would_ever_type_in", "NAT"),
    ] {
        assert!(
            !hard_problems(&w(stem, service)).is_empty(),
            "{stem} {service}"
        );
    }
    for (stem, service) in [
        ("5", "5}"),
        ("headers_and", "Common Headers and"),
        ("code_message", "其中code、message字段定义如下"),
        ("api", "所有接口的"),
        ("x", "及常见原因"),
        ("x", "表"),
        ("access_token", "例如Access Token失效"),
    ] {
        assert!(
            !strict_problems(&w(stem, service), &[]).is_empty(),
            "{stem} {service}"
        );
    }
    // A `_2` file whose first table wrote no spec; a page named `ai-06`.
    assert!(!strict_problems(&w("qf_02_2", "qf"), &["qf_02"]).is_empty());
    assert!(strict_problems(&w("qf_02_2", "qf"), &[]).is_empty());
    assert!(strict_problems(&w("ai_06", "ai-06"), &["ai_05"]).is_empty());
}
