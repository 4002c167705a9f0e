//! Property test: import never panics, on arbitrary text and on mutations of the seed pages.

use bce_errors_cli::import::import;
use proptest::prelude::*;

const SEEDS: &[&str] = &[
    include_str!("corpus/pages/seed-000.txt"),
    include_str!("corpus/pages/seed-001.txt"),
    include_str!("corpus/pages/seed-002.txt"),
    include_str!("corpus/pages/seed-003.txt"),
    include_str!("corpus/pages/seed-004.txt"),
    include_str!("fixtures/nat.html"),
];

fn page_like() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("Error code Error message Status code Description\n".to_owned()),
        Just("Error codeError descriptionHTTP status codeSemantics\n".to_owned()),
        Just("| Code | Message | HTTP Status Code | 说明 |\n|---|---|---|---|\n".to_owned()),
        Just("<table><tr><th>Code</th><th>Message</th><th>Status</th></tr>".to_owned()),
        Just("<tr><td>".to_owned()),
        Just("</td><td>".to_owned()),
        Just(" 404 ".to_owned()),
        Just("400 Bad\nRequest\n".to_owned()),
        Just(" | ".to_owned()),
        Just("\n".to_owned()),
        "[A-Za-z]{1,12}",
        "[ -~]{0,12}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(token, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in page_like()) {
        let page = import(&text);
        for t in &page.tables {
            for r in &t.rows.rows {
                prop_assert!(!r.code.is_empty());
                prop_assert!(r.status.is_none_or(|s| (100..600).contains(&s)));
            }
        }
    }

    #[test]
    fn mutated_seed_pages_never_panic(
        which in 0..SEEDS.len(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>(), 0u8..4), 1..6),
    ) {
        let mut lines: Vec<String> = SEEDS[which].lines().map(str::to_owned).collect();
        for (at, len, op) in edits {
            if lines.is_empty() {
                break;
            }
            let i = at.index(lines.len());
            match op {
                0 => { lines.remove(i); }
                1 => { let l = lines[i].clone(); let cut = len.index(l.len() + 1); lines[i] = l.chars().take(cut).collect(); }
                2 => { let l = lines[i].clone(); lines.insert(i, l); }
                _ => { let j = len.index(lines.len()); lines.swap(i, j); }
            }
        }
        let _ = import(&lines.join("\n"));
    }
}
