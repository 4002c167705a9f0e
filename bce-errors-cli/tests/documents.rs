//! The importer on whole documents: `tests/documents/` holds 59 documents (markdown files
//! as found, and HTML pages with a docs site's chrome) with hand-written labels (see its
//! README.md). Every document is imported as `bce-errors import DOC -o DIR --format json`
//! does (through the library, as `main.rs` runs it); every spec written is read back
//! through the macro's validation (`bce_errors_spec::parse_spec`, what `bce-errors check`
//! runs), and scored against the labels, per document and per split:
//!
//! - complete rows found: a labelled row (complete, an error) whose code, status and
//!   message (up to white space, case and markdown marks) are a row of a valid spec;
//! - invented rows: rows written that no label has (code and status);
//! - exact messages: rows found whose message is the label's, white space folded. A code
//!   a table lists twice with different messages counts as found and exact when the spec
//!   keeps one of them and the import reports the other with both lines;
//! - names: how many specs' service names are the label's `name` or one of its
//!   `names_ok` (for the documents in [`NAMELESS`], which never give their name, any
//!   name); and that none is markup, a section word or the site's name.
//!
//! The targets: at least 98 % of complete rows found, none invented, at least 97 % of
//! messages exact, every document writing a spec and every name a name. Four holdouts
//! were each scored blind once and then studied and tuned on (they are in the tune split
//! now); the fifth, md-47..md-54, collected after every change, is the holdout and is
//! never tuned on. Only the tune split's targets are asserted; both splits' figures are
//! printed. While tuning, `DOCUMENTS_SPLIT=tune` scores the tune documents only, and the
//! misses of holdout documents are never printed.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use bce_errors_cli::cli::{Cli, run};
use bce_errors_cli::output::Output;
use clap::Parser as _;
use serde::Deserialize;

#[path = "support/documents.rs"]
mod corpus;

#[derive(Deserialize)]
struct Labels {
    page: LabelPage,
    #[serde(default)]
    table: Vec<LabelTable>,
}

#[derive(Deserialize)]
struct LabelPage {
    name: String,
    #[serde(default)]
    names_ok: Vec<String>,
}

#[derive(Deserialize)]
struct LabelTable {
    #[serde(default)]
    row: Vec<LabelRow>,
}

#[derive(Deserialize, Clone)]
struct LabelRow {
    line: usize,
    code: String,
    status: Option<u16>,
    #[serde(default)]
    message: String,
    complete: bool,
    #[serde(default = "yes")]
    error: bool,
}

fn yes() -> bool {
    true
}

/// The part of the import's JSON report scored here.
#[derive(Deserialize)]
struct Report {
    tables: Vec<TableReport>,
}

#[derive(Deserialize)]
struct TableReport {
    service: String,
    file: String,
    merged: Vec<Note>,
    flagged: Vec<Note>,
    not_imported: Vec<Note>,
}

#[derive(Deserialize)]
struct Note {
    line: usize,
    message: String,
}

/// A row of a written spec that the validation accepts.
struct Written {
    code: String,
    status: Option<u16>,
    message: String,
}

/// What an import wrote: rows of valid specs, service names, and its reports.
#[derive(Default)]
struct Outcome {
    rows: Vec<Written>,
    names: Vec<String>,
    /// Lines of identical duplicates merged into an imported row.
    merged: Vec<usize>,
    /// Every row reported (not imported, flagged): its line and why.
    reported: Vec<(usize, String)>,
}

/// Imports `doc` into `dir` as `bce-errors import DOC -o DIR --format json` does.
fn import(id: &str, doc: &Path, dir: &Path) -> Outcome {
    if dir.exists() {
        std::fs::remove_dir_all(dir).unwrap();
    }
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let mut output = Output {
        out: &mut out,
        err: &mut err,
    };
    let (doc_arg, dir_arg) = (doc.to_string_lossy(), dir.to_string_lossy());
    let argv = [
        "bce-errors",
        "import",
        &doc_arg,
        "-o",
        &dir_arg,
        "--format",
        "json",
    ];
    let cli = Cli::try_parse_from(argv).unwrap_or_else(|e| panic!("{id}: {e}"));
    // No error table found is a failed import: nothing written.
    if run(cli.command, &mut output).is_err() {
        return Outcome::default();
    }
    let report: Report = serde_json::from_slice(&out)
        .unwrap_or_else(|e| panic!("{id}: the JSON report does not parse: {e}"));
    let mut outcome = Outcome::default();
    for table in &report.tables {
        outcome.merged.extend(table.merged.iter().map(|n| n.line));
        outcome.reported.extend(
            table
                .not_imported
                .iter()
                .chain(&table.flagged)
                .map(|n| (n.line, n.message.clone())),
        );
        let path = dir.join(&table.file);
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let spec = bce_errors_spec::parse_spec(&table.file, &text)
            .unwrap_or_else(|e| panic!("{id}: the import wrote an invalid spec:\n{e}\n{text}"));
        outcome.names.push(table.service.clone());
        outcome.rows.extend(spec.rows.into_iter().map(|r| Written {
            code: r.code,
            status: r.status,
            message: r.message,
        }));
    }
    outcome
}

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A message as compared for "found": no white space, markdown marks or case.
fn loose(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '*' | '`' | '\\' | '_' | '~'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Tune documents whose title, headings, front matter and breadcrumb never give the
/// labelled name (it is only in prose, or nowhere): names come from the document's
/// title or product, so no rule can give theirs, and their names are held to the hard
/// rule only (never markup, a section word or the site). Each was checked by reading it:
///
/// - md-04: front matter `title: 错误码列表`, headings `iOS 通用错误码`, `Android 通用错误码`;
/// - md-05: `title: 错误码`, headings `业务平台错误码`, `接入平台统一错误码`;
/// - md-14: `# Error Responses`; "S3 Glacier" only in the rows' prose;
/// - md-18: `# 错误码`; "OCR服务" only in a paragraph;
/// - md-19: `# 错误码`, `## isSupport返回错误码`, `## 通用错误码`; "Web SDK" in prose;
/// - md-21: `title: 错误码`; "Wilddog" in a paragraph;
/// - md-22: `title: 错误码`; the product is never named;
/// - md-20: Hexo `title: 错误码`; the product (Wilddog SMS) is named nowhere (its label's
///   note says so).
const NAMELESS: &[&str] = &[
    "md-04", "md-05", "md-14", "md-18", "md-19", "md-20", "md-21", "md-22",
];

/// Section words: a part of a document, never its name.
const SECTION_WORDS: &[&str] = &[
    "简介",
    "概述",
    "前言",
    "介绍",
    "概览",
    "introduction",
    "overview",
    "错误码",
    "错误码列表",
    "error codes",
    "error code",
    "errors",
];

/// The site's names, never a service's.
const SITE_NAMES: &[&str] = &[
    "百度智能云文档",
    "百度智能云",
    "文档中心",
    "documentation center",
    "baidu ai cloud",
];

/// Markup, a section word or the site's name: never a name, whatever the labels say.
fn never_a_name(name: &str) -> Option<&'static str> {
    let t = name.trim();
    let lower = t.to_lowercase();
    // `一、前言`, `1. Overview`: a numbered section.
    let unnumbered = lower
        .trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
        .trim_start_matches(['、', '.', ' ', '．']);
    if t.is_empty()
        || t.starts_with('#')
        || t.contains("**")
        || t.contains("---")
        || t.contains(['`', '<', '>', '|'])
    {
        Some("markup")
    } else if SECTION_WORDS.contains(&unnumbered) {
        Some("a section word")
    } else if SITE_NAMES.contains(&lower.as_str()) {
        Some("the site's name")
    } else {
        None
    }
}

#[derive(Default, Clone, Copy)]
struct Score {
    documents: usize,
    complete: usize,
    found: usize,
    invented: usize,
    exact: usize,
    names: usize,
    names_ok: usize,
    /// Names of [`NAMELESS`] documents that are not the label's (but are names).
    names_nameless: usize,
    /// Names that are markup, a section word or the site.
    names_bad: usize,
    /// Documents that wrote no spec (no name at all).
    names_unwritten: usize,
}

impl Score {
    fn add(&mut self, o: &Score) {
        self.documents += o.documents;
        self.complete += o.complete;
        self.found += o.found;
        self.invented += o.invented;
        self.exact += o.exact;
        self.names += o.names;
        self.names_ok += o.names_ok;
        self.names_nameless += o.names_nameless;
        self.names_bad += o.names_bad;
        self.names_unwritten += o.names_unwritten;
    }

    fn ratio(a: usize, b: usize) -> f64 {
        if b == 0 { 1.0 } else { a as f64 / b as f64 }
    }

    fn recall(&self) -> f64 {
        Self::ratio(self.found, self.complete)
    }

    fn exact_messages(&self) -> f64 {
        Self::ratio(self.exact, self.found)
    }

    /// Whether this meets the targets: rows, invented rows, exact messages, and
    /// every name a name (never markup, a section word or the site's; every document
    /// writes a spec). How many names are the label's own is reported, not asserted:
    /// where a document names its table and its page differently (md-08: heading
    /// `授权接口通用错误码`, title `需授权接口列表`), either is a name.
    fn meets_targets(&self) -> bool {
        self.recall() >= 0.98
            && self.invented == 0
            && self.exact_messages() >= 0.97
            && self.names_bad == 0
            && self.names_unwritten == 0
    }

    fn summary(&self, split: &str) -> String {
        format!(
            "{split}: {} documents, {} of {} complete rows found ({}), {} invented, exact messages {}/{} ({}), names {}/{} the label's ({} of documents that never give theirs, {} markup/section/site)",
            self.documents,
            self.found,
            self.complete,
            percent(self.recall()),
            self.invented,
            self.exact,
            self.found,
            percent(self.exact_messages()),
            self.names_ok,
            self.names,
            self.names_nameless,
            self.names_bad
        )
    }
}

fn percent(x: f64) -> String {
    format!("{:.1} %", 100.0 * x)
}

/// Scores the rows of one document; `misses` collects what went wrong.
fn score_rows(id: &str, labels: &Labels, o: &Outcome, misses: &mut Vec<String>) -> Score {
    let mut s = Score {
        documents: 1,
        ..Score::default()
    };
    let expected: Vec<&LabelRow> = labels.table.iter().flat_map(|t| &t.row).collect();
    let mut matched = vec![false; expected.len()];
    for row in &o.rows {
        let same = |k: &usize| {
            !matched[*k]
                && expected[*k].code == row.code
                && expected[*k].status == row.status
                && expected[*k].error
        };
        // The label with the same message first (a code listed twice).
        let found = (0..expected.len())
            .filter(same)
            .find(|&k| loose(&expected[k].message) == loose(&row.message))
            .or_else(|| (0..expected.len()).find(same));
        let Some(k) = found else {
            s.invented += 1;
            misses.push(format!(
                "{id}: invented {} (status {:?})",
                row.code, row.status
            ));
            continue;
        };
        matched[k] = true;
        let e = expected[k];
        if !e.complete {
            s.invented += 1;
            misses.push(format!("{id}: {} written though cut off", row.code));
        } else if loose(&e.message) != loose(&row.message) {
            misses.push(format!(
                "{id}: line {} {}: message {:?}, labelled {:?}",
                e.line, row.code, row.message, e.message
            ));
        } else {
            s.found += 1;
            if fold(&e.message) == fold(&row.message) {
                s.exact += 1;
            } else {
                misses.push(format!(
                    "{id}: line {} {}: message {:?} not exactly {:?}",
                    e.line, row.code, row.message, e.message
                ));
            }
        }
    }
    for (k, e) in expected.iter().enumerate() {
        if !(e.complete && e.error) {
            continue;
        }
        s.complete += 1;
        if matched[k] {
            continue;
        }
        if o.merged.contains(&e.line) || twice_reported(&expected, &matched, k, o) {
            s.found += 1;
            s.exact += 1;
            continue;
        }
        let why = o
            .reported
            .iter()
            .find(|(line, _)| *line == e.line)
            .map_or("not reported".to_owned(), |(_, m)| format!("reported: {m}"));
        misses.push(format!(
            "{id}: line {} {} (status {:?}) not found; {why}",
            e.line, e.code, e.status
        ));
    }
    s
}

/// A row whose code another labelled row has, with another message, that was written;
/// the import reports the two lines.
fn twice_reported(expected: &[&LabelRow], matched: &[bool], k: usize, o: &Outcome) -> bool {
    let e = expected[k];
    let other = expected.iter().enumerate().find(|(j, x)| {
        *j != k && matched[*j] && x.code == e.code && loose(&x.message) != loose(&e.message)
    });
    let Some((_, other)) = other else {
        return false;
    };
    let (a, b) = (e.line.to_string(), other.line.to_string());
    o.reported
        .iter()
        .any(|(line, m)| [e.line, other.line].contains(line) && m.contains(&a) && m.contains(&b))
}

/// Scores the names of one document's specs.
fn score_names(id: &str, labels: &Labels, o: &Outcome, s: &mut Score, misses: &mut Vec<String>) {
    let ok = |n: &str| {
        let n = fold(n);
        n == fold(&labels.page.name) || labels.page.names_ok.iter().any(|m| fold(m) == n)
    };
    // A document that writes no spec has a name that fails: none.
    if o.names.is_empty() {
        s.names += 1;
        s.names_unwritten += 1;
        misses.push(format!("{id}: no spec written"));
    }
    let nameless = NAMELESS.contains(&id);
    for name in &o.names {
        s.names += 1;
        match never_a_name(name) {
            Some(why) => {
                s.names_bad += 1;
                misses.push(format!("{id}: name {name:?} is {why}"));
            }
            None if ok(name) => s.names_ok += 1,
            None if nameless => {
                s.names_nameless += 1;
                misses.push(format!(
                    "{id}: name {name:?} (the document never gives its name)"
                ));
            }
            None => misses.push(format!(
                "{id}: name {name:?} is not {:?} nor one of {:?}",
                labels.page.name, labels.page.names_ok
            )),
        }
    }
}

#[test]
fn whole_documents_meet_the_targets() {
    let dir = corpus::dir();
    let entries = corpus::entries();
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR")).join("documents");
    let only = std::env::var("DOCUMENTS_SPLIT").ok();
    let mut table = String::from(
        "| document | split | complete rows | found | invented | exact messages | names |\n|---|---|---|---|---|---|---|\n",
    );
    let mut totals: BTreeMap<&str, Score> = BTreeMap::new();
    let mut misses = Vec::new();
    for entry in entries
        .iter()
        .filter(|e| only.as_deref().is_none_or(|s| s == e.split))
    {
        let labels: Labels = toml::from_str(
            &std::fs::read_to_string(dir.join(format!("expected/{}.toml", entry.id))).unwrap(),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", entry.id));
        let outcome = import(&entry.id, &dir.join(&entry.file), &tmp.join(&entry.id));
        let mut mine = Vec::new();
        let mut s = score_rows(&entry.id, &labels, &outcome, &mut mine);
        score_names(&entry.id, &labels, &outcome, &mut s, &mut mine);
        // The holdout's misses are never shown: it stays unseen.
        if entry.split != "holdout" {
            misses.extend(mine);
        }
        let _ = writeln!(
            table,
            "| {} | {} | {} | {} | {} | {}/{} | {}/{} |",
            entry.id,
            entry.split,
            s.complete,
            s.found,
            s.invented,
            s.exact,
            s.found,
            s.names_ok,
            s.names
        );
        totals.entry(entry.split.as_str()).or_default().add(&s);
    }
    let summary: Vec<String> = totals.iter().map(|(k, s)| s.summary(k)).collect();
    let summary = summary.join("\n");
    eprintln!("{table}\n{summary}\n\n{}", misses.join("\n"));
    let report = Path::new(env!("CARGO_TARGET_TMPDIR")).join("documents-scores.md");
    std::fs::write(&report, format!("{table}\n{summary}\n")).unwrap();
    // Each holdout scored blind once (complete rows found; invented):
    // - the first (md-06, md-08, md-09, md-10, md-17, md-20, html-05): 27 of 90 before any
    //   change, 18 invented; 44 of 90 after the first tuning, 1 invented;
    // - the second (md-23..md-30): 44 of 127 (34.6 %), 13 invented;
    // - the third (md-31..md-38): 47 of 92 (51.1 %), 0 invented;
    // - the fourth (md-39..md-46): 233 of 264 (88.3 %), 3 invented;
    // - the fifth (md-47..md-54), after every change and left unseen: 94 of 112
    //   (83.9 %), 0 invented.
    // The first four were tuned on after their score.
    if let Some(tune) = totals.get("tune") {
        assert!(tune.meets_targets(), "tune misses its targets\n{summary}");
    }
}

/// The rule itself, on names it must refuse.
#[test]
fn markup_section_words_and_the_site_are_never_names() {
    for name in [
        "## 简介",
        "# 一、前言",
        "3XX errors**",
        "---",
        "简介",
        "一、前言",
        "Overview",
        "百度智能云文档",
        "文档中心",
        "Documentation Center",
    ] {
        assert!(never_a_name(name).is_some(), "{name}");
    }
    for name in ["智能小程序", "brpc", "Azure Storage", "swan.request"] {
        assert!(never_a_name(name).is_none(), "{name}");
    }
}
