//! Every bundled enum reports exactly its spec's rows, read from the spec files at test
//! time (not from a copied list).

use bce_errors::services::BUNDLED;
use bce_errors::{RetryClass, classify};
use bce_errors_spec::{Row, load_spec};
use bce_errors_tests::{bundled_spec_files, workspace_root};

fn expected_retry(row: &Row) -> RetryClass {
    // The AI platform's rows document no status: its codes decide, as for a 200.
    row.retry
        .unwrap_or_else(|| classify(row.status.unwrap_or(200), Some(&row.code)))
}

#[test]
fn every_spec_file_has_exactly_one_bundled_enum() {
    let mut bundled: Vec<&str> = BUNDLED.iter().map(|b| b.spec).collect();
    bundled.sort();
    assert_eq!(bundled, bundled_spec_files());
    assert_eq!(
        bundled.len(),
        13,
        "global + 11 service tables of the seed pages + the AI platform's common codes"
    );
}

#[test]
fn every_bundled_enum_reports_its_spec_row_for_row() {
    let mut rows_checked = 0;
    for file in bundled_spec_files() {
        let spec = load_spec(&workspace_root(), &file).unwrap_or_else(|e| panic!("{file}:\n{e}"));
        let bundled = BUNDLED.iter().find(|b| b.spec == file).expect("bundled");
        assert_eq!(bundled.service, spec.service.name, "{file}");
        let codes: Vec<_> = bundled.rows().collect();
        assert_eq!(codes.len(), spec.rows.len(), "{file}: row count");
        for (row, info) in spec.rows.iter().zip(codes.iter().copied()) {
            let got = (
                info.code,
                info.message,
                info.status,
                info.description,
                info.description_zh,
                info.retry_class(),
            );
            let want = (
                row.code.as_str(),
                row.message.as_str(),
                row.status,
                row.description.as_deref(),
                row.description_zh.as_deref(),
                expected_retry(row),
            );
            assert_eq!(got, want, "{file}: {}", row.code);
            assert_eq!(info.variant, row.variant, "{file}");
            assert_eq!(
                bundled.lookup(&row.code),
                Some(info),
                "{file}: lookup {}",
                row.code
            );
            rows_checked += 1;
        }
    }
    // 14 global + 177 service rows + the global rows each service enum includes.
    assert!(rows_checked > 300, "{rows_checked}");
}

#[test]
fn unknown_codes_are_not_found_in_any_service() {
    for bundled in BUNDLED {
        for code in [
            "",
            "NoSuchThing",
            "nosuchnat",
            "NoSuchNat ",
            "Cce.warning.usernotexist",
        ] {
            assert_eq!(bundled.lookup(code), None, "{} {code:?}", bundled.enum_name);
        }
    }
}

#[test]
fn enum_names_follow_the_variant_rule_of_their_file_names() {
    // `cargo xtask regenerate` names enums with the rule the macro names variants with.
    for bundled in BUNDLED {
        let stem = bundled
            .spec
            .trim_start_matches("specs/")
            .trim_end_matches(".toml");
        let expected = format!(
            "{}Error",
            bce_errors_spec::naming::variant_name(stem).unwrap()
        );
        assert_eq!(bundled.enum_name, expected);
    }
}
