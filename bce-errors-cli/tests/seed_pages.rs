//! Importing each seed docs page reproduces every committed spec's documented fields
//! (code, message, status, description) exactly: every row, counted and asserted.

use std::path::{Path, PathBuf};

use bce_errors_cli::import::import;
use bce_errors_cli::specs::load_specs;
use bce_errors_cli::sync::diff;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// A seed page (kept with the corpus) or an HTML fixture.
fn page(name: &str) -> String {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let path = match name.ends_with(".html") {
        true => tests.join("fixtures").join(name),
        false => tests.join("corpus/pages").join(name),
    };
    std::fs::read_to_string(path).unwrap()
}

/// (page, expected tables as (spec, rows)).
const PAGES: &[(&str, &[(&str, usize)])] = &[
    (
        "seed-000.txt",
        &[
            ("pages/eip-page-global.toml", 14),
            ("eip.toml", 8),
            ("eip_group.toml", 6),
            ("bandwidth_package.toml", 7),
        ],
    ),
    (
        "seed-001.txt",
        &[
            ("pages/vpc-page-global.toml", 15),
            ("vpc.toml", 7),
            ("acl.toml", 5),
            ("nat.toml", 34),
            ("peering_connection.toml", 4),
            ("eni.toml", 21),
        ],
    ),
    ("seed-002.txt", &[("global.toml", 14), ("blb.toml", 17)]),
    (
        "seed-003.txt",
        &[("pages/cce-page-global.toml", 14), ("cce.toml", 50)],
    ),
    (
        "seed-004.txt",
        &[("global.toml", 14), ("dev_machine.toml", 3)],
    ),
    ("nat.html", &[("nat.toml", 34)]),
];

#[test]
fn every_seed_table_matches_its_spec_exactly() {
    let specs =
        load_specs(&root().join("specs")).unwrap_or_else(|(p, d)| panic!("{}: {d}", p.display()));
    let mut rows = 0;
    let mut covered = std::collections::BTreeSet::new();
    for (name, expected) in PAGES {
        let imported = import(&page(name));
        let diffs = diff(&imported, &specs);
        let got: Vec<(&str, usize)> = diffs
            .iter()
            .map(|d| (d.spec.as_deref().unwrap_or("<none>"), d.compared))
            .collect();
        assert_eq!(got, *expected, "{name}");
        for (table, d) in imported.tables.iter().zip(&diffs) {
            assert!(
                d.changes.is_empty(),
                "{name} \"{}\": {:#?}",
                d.heading,
                d.changes
            );
            assert!(
                table.rows.skipped.is_empty(),
                "{name} \"{}\": {:?}",
                d.heading,
                table.rows.skipped
            );
            assert_eq!(
                table.rows.rows.len(),
                d.compared,
                "{name}: every row compared"
            );
            rows += d.compared;
            covered.insert(d.spec.clone().unwrap());
        }
    }
    // Rows of the five seed pages (the HTML fixture repeats the NAT table).
    assert_eq!(
        rows,
        14 + 8 + 6 + 7 + 15 + 7 + 5 + 34 + 4 + 21 + 14 + 17 + 14 + 50 + 14 + 3 + 34
    );
    // Every committed spec mirrors a table of the seed pages, except the AI platform's
    // common codes, which come from a corpus page (tests/corpus, ai-06).
    let all: std::collections::BTreeSet<String> = specs
        .iter()
        .map(|s| s.rel.clone())
        .filter(|rel| rel != "ai_platform.toml")
        .collect();
    assert_eq!(
        covered, all,
        "every committed spec mirrors a table of the seed pages"
    );
}

#[test]
fn the_identical_duplicate_on_the_cce_page_is_merged_and_reported() {
    let imported = import(&page("seed-003.txt"));
    let merged: Vec<&str> = imported.tables[1]
        .rows
        .merged
        .iter()
        .map(|n| n.message.as_str())
        .collect();
    assert_eq!(
        merged,
        ["`Cce.ClusterNotExit` is listed twice, identically (lines 69 and 76); merged"]
    );
}

#[test]
fn statuses_are_normalised_from_every_spelling_on_the_pages() {
    let vpc = import(&page("seed-001.txt"));
    let global = &vpc.tables[0];
    let status = |code: &str| {
        global
            .rows
            .rows
            .iter()
            .find(|r| r.code == code)
            .unwrap()
            .status
    };
    assert_eq!(status("AccessDenied"), Some(403)); // "403Forbidden"
    assert_eq!(status("PreconditionFailed"), Some(412)); // "412PreconditionFailed"
    assert_eq!(status("MalformedJSON"), Some(400)); // "400 BadRequest"
    let eip = import(&page("seed-000.txt"));
    let row = eip.tables[0]
        .rows
        .rows
        .iter()
        .find(|r| r.code == "InappropriateJSON")
        .unwrap();
    assert_eq!(row.status, Some(400)); // "400 Bad\nRequest" over two lines
    assert_eq!(
        row.message,
        "The JSON you provided was well-formed and valid, but not appropriate for this operation."
    );
}

#[test]
fn page_dates_and_headings() {
    let dev = import(&page("seed-004.txt"));
    assert_eq!(dev.updated.as_deref(), Some("2025-06-06"));
    assert_eq!(
        dev.tables
            .iter()
            .map(|t| t.heading.as_str())
            .collect::<Vec<_>>(),
        ["公共错误码", "开发机错误码"]
    );
}
