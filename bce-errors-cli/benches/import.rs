//! Import is linear in the page: `bce_errors_cli::import::import` (what `bce-errors
//! import` runs on a saved page: read it, find its error tables and rows) timed on
//! synthetic pages at two sizes, ten times apart, with `Throughput::Bytes` — linear
//! means the same time per byte at both sizes:
//!
//! - `html_error_tables`: a docs page shell with error tables, 1 MB and 10 MB;
//! - `text_pipe_rows`: one markdown pipe table, 10,000 and 100,000 rows;
//! - `html_nested_inline`: `<i> </i>` 20,000 and 200,000 times inside one cell;
//! - `html_unclosed_tables`: 100,000 and 1,000,000 `<table>` tags, none closed;
//! - one family for each shape of HTML that once cost more than linear time or could,
//!   1 MB and 10 MB of it before one error table: `inline_whitespace` (`<i> </i>`
//!   repeated: the reader rescanned its blank text for every piece, 23 s for 160,000
//!   pieces), `empty_elements` (`<span></span>`), `comments`, `many_attributes` (one
//!   tag), `long_attribute` (one `class` value), `deep_lists` (`<ul><li>` nested, then
//!   closed), and in markdown `markdown_html_tables` (HTML tables between prose:
//!   each table's lines were once counted from the top) and `markdown_inline_markup`
//!   (one paragraph of mostly unclosed inline markup, read by pulldown-cmark).
//!
//! `cargo bench -p bce-errors-cli --bench import -- --warm-up-time 1 --measurement-time 3`
//! takes about a minute and a half. (This bench found `Rows::add` checking duplicates by
//! scanning the rows before: the 100,000-row table took 38 s, 18x the 10,000-row one
//! per byte; with an index of codes, 0.67 s.)

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::Duration;

use bce_errors_cli::import::import;
use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};

const MB: usize = 1 << 20;

/// One error table: a heading, the header and `rows` rows, with codes unique on the page.
fn html_table(out: &mut String, table: usize, rows: usize) {
    let _ = write!(
        out,
        "<h2>Service {table} error codes</h2>\n<p>The errors the service returns.</p>\n<table>\n<tr><th>Error code</th><th>Message</th><th>HTTP status</th><th>Description</th></tr>\n"
    );
    for r in 0..rows {
        let _ = writeln!(
            out,
            "<tr><td>Service{table}Error{r}</td><td>The resource &amp; its <b>rules</b> are not valid.</td><td>400 Bad Request</td><td>Check the request<br>and retry.</td></tr>"
        );
    }
    out.push_str("</table>\n");
}

/// (a) An HTML docs page of about `bytes`: head, navigation, error tables, footer.
fn html_page(bytes: usize) -> String {
    let mut page = String::from(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Error codes - Baidu AI Cloud</title>\n<style>td { padding: 4px; } a < b {}</style>\n<script>if (a < b && c > d) { document.write(\"</p>\"); }</script></head>\n<body><nav><ul><li>Baidu AI Cloud</li><li>All Product Document</li><li>Virtual Private Cloud</li></ul></nav>\n<main><h1>Error code</h1>\n<p>Updated at:2025-10-16</p>\n",
    );
    let mut table = 0;
    while page.len() < bytes {
        html_table(&mut page, table, 20);
        table += 1;
    }
    page.push_str("</main><footer><p>© Baidu AI Cloud</p></footer></body></html>\n");
    page
}

/// (b) A text page with one pipe table of `rows` rows.
fn text_page(rows: usize) -> String {
    let mut page = String::from(
        "Error code\nUpdated at:2025-10-16\n## NAT gateway error codes\n| Error code | Message | HTTP status | Description |\n|---|---|---|---|\n",
    );
    for r in 0..rows {
        let _ = writeln!(
            page,
            "| NoSuchNat{r} | The nat \\| gateway is not found. | 404 Not Found | Create it first<br>and retry. |"
        );
    }
    page
}

/// (c) `<i> </i>` `n` times inside one table cell.
fn nested_inline(n: usize) -> String {
    let mut page =
        String::from("<table><tr><th>Error code</th><th>Message</th></tr><tr><td>Deep</td><td>");
    for _ in 0..n {
        page.push_str("<i> </i>");
    }
    page.push_str("</td></tr></table>\n");
    page
}

/// (d) `n` `<table>` tags, none closed.
fn unclosed_tables(n: usize) -> String {
    "<table>".repeat(n)
}

/// The error table each family's page ends with.
const FAMILY_TABLE: &str = "<h2>NAT error codes</h2>\n<table><tr><th>Error code</th><th>Message</th><th>HTTP status</th></tr>\n<tr><td>NoSuchNat</td><td>The nat is not found.</td><td>404</td></tr>\n<tr><td>NatBusy</td><td>The nat is busy.</td><td>409</td></tr></table>\n";

/// A page of about `bytes`: `open`, then `unit` repeated, then `close`, then the table.
fn family_page(bytes: usize, open: &str, unit: &str, close: &str) -> String {
    let n = bytes.saturating_sub(open.len() + close.len()) / unit.len().max(1);
    let mut page = String::with_capacity(bytes + FAMILY_TABLE.len());
    page.push_str("<!DOCTYPE html>\n<html><body>\n");
    page.push_str(open);
    for _ in 0..n {
        page.push_str(unit);
    }
    page.push_str(close);
    page.push_str(FAMILY_TABLE);
    page.push_str("</body></html>\n");
    page
}

/// `<ul><li>` nested `n` deep, then closed, in about `bytes`.
fn deep_lists(bytes: usize) -> String {
    let (open, close) = ("<ul><li>x", "</li></ul>");
    let n = bytes / (open.len() + close.len());
    let mut page = String::from("<!DOCTYPE html>\n<html><body>\n");
    page.push_str(&open.repeat(n));
    page.push_str(&close.repeat(n));
    page.push_str(FAMILY_TABLE);
    page
}

/// A markdown document of HTML tables between prose lines, in about `bytes`: each
/// table's lines were once found by counting from the top (tables × lines).
fn markdown_html_tables(bytes: usize) -> String {
    let unit =
        "Some prose about the next table.\n\n<table>\n<tr><td>a</td><td>b</td></tr>\n</table>\n\n";
    let mut page = String::from("# Error codes\n\n");
    page.push_str(&unit.repeat(bytes / unit.len()));
    page.push_str(MARKDOWN_ERROR_TABLE);
    page
}

/// The error table the markdown families end with: two rows.
const MARKDOWN_ERROR_TABLE: &str = "\n| Code | Message |\n|---|---|\n| NoSuchThing | The thing is not found. |\n| NoSuchOther | The other is not found. |\n";

/// One markdown paragraph of about `bytes` of inline markup, much of it unclosed (links,
/// emphasis, code spans, escapes): what pulldown-cmark reads in every line and cell.
fn markdown_inline_markup(bytes: usize) -> String {
    let unit = "[a *b `c` \\* **d [e](f) _g <i> &amp; ";
    let mut page = String::from("# Error codes\n\n");
    page.push_str(&unit.repeat(bytes / unit.len()));
    page.push('\n');
    page.push_str(MARKDOWN_ERROR_TABLE);
    page
}

/// One `<div>` with attributes of distinct names, in about `bytes`.
fn many_attributes(bytes: usize) -> String {
    let mut attributes = String::with_capacity(bytes);
    let mut k = 0;
    while attributes.len() < bytes {
        let _ = write!(attributes, "a{k}=\"v\" ");
        k += 1;
    }
    family_page(0, &format!("<div {attributes}>x</div>"), "", "")
}

/// Makes a page of about the given size.
type MakePage = fn(usize) -> String;

/// The families of HTML shapes, by name.
fn families() -> Vec<(&'static str, MakePage)> {
    vec![
        ("inline_whitespace", |b| {
            family_page(b, "<p>", "<i> </i>", "</p>")
        }),
        ("empty_elements", |b| {
            family_page(b, "<div>", "<span></span>", "</div>")
        }),
        ("comments", |b| family_page(b, "", "<!-- a comment -->", "")),
        ("many_attributes", many_attributes),
        ("long_attribute", |b| {
            family_page(b, "<div class=\"", "x", "\">x</div>")
        }),
        ("deep_lists", deep_lists),
        ("markdown_html_tables", markdown_html_tables),
        ("markdown_inline_markup", markdown_inline_markup),
    ]
}

/// Times `import` on `(label, page)` inputs, flat sampling (each run is long), ten
/// samples.
fn group(c: &mut Criterion, name: &str, inputs: &[(String, String)]) {
    let mut g = c.benchmark_group(format!("import/{name}"));
    g.sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    for (label, page) in inputs {
        g.throughput(Throughput::Bytes(page.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(label), page, |b, page| {
            b.iter(|| black_box(import(black_box(page))))
        });
    }
    g.finish();
}

fn import_is_linear(c: &mut Criterion) {
    // Each input is checked once, so the timings are of real work.
    let html: Vec<(String, String)> = [MB, 10 * MB]
        .into_iter()
        .map(|n| (format!("{}MB", n / MB), html_page(n)))
        .collect();
    let small = import(&html[0].1);
    let rows: usize = small.tables.iter().map(|t| t.rows.rows.len()).sum();
    assert!(small.tables.len() > 100 && rows == small.tables.len() * 20);
    group(c, "html_error_tables", &html);

    let text: Vec<(String, String)> = [10_000, 100_000]
        .into_iter()
        .map(|n| (format!("{n}_rows"), text_page(n)))
        .collect();
    let small = import(&text[0].1);
    assert_eq!(small.tables.len(), 1);
    assert_eq!(small.tables[0].rows.rows.len(), 10_000);
    group(c, "text_pipe_rows", &text);

    let nested: Vec<(String, String)> = [20_000, 200_000]
        .into_iter()
        .map(|n| (format!("{n}_tags"), nested_inline(n)))
        .collect();
    let _ = import(&nested[0].1);
    group(c, "html_nested_inline", &nested);

    let unclosed: Vec<(String, String)> = [100_000, 1_000_000]
        .into_iter()
        .map(|n| (format!("{n}_tables"), unclosed_tables(n)))
        .collect();
    assert!(import(&unclosed[0].1).tables.is_empty());
    group(c, "html_unclosed_tables", &unclosed);

    for (name, make) in families() {
        let pages: Vec<(String, String)> = [MB, 10 * MB]
            .into_iter()
            .map(|n| (format!("{}MB", n / MB), make(n)))
            .collect();
        let small = import(&pages[0].1);
        assert_eq!(small.tables.len(), 1, "{name}");
        assert_eq!(small.tables[0].rows.rows.len(), 2, "{name}");
        group(c, name, &pages);
    }
}

criterion_group!(benches, import_is_linear);
criterion_main!(benches);
