//! `sync --write` keeps comments, order and hand-curated fields while applying the page's
//! changes; `--check` fails on a one-field drift.

use std::path::{Path, PathBuf};
use std::process::Command;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("bce-errors-sync-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("specs/pages")).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    for f in [
        "global.toml",
        "nat.toml",
        "vpc.toml",
        "acl.toml",
        "eni.toml",
        "peering_connection.toml",
        "pages/vpc-page-global.toml",
    ] {
        std::fs::copy(root.join("specs").join(f), dir.join("specs").join(f)).unwrap();
    }
    dir
}

fn bce(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_bce-errors"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

fn vpc_page() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/pages/seed-001.txt"),
    )
    .unwrap()
}

#[test]
fn write_round_trip_keeps_comments_and_curated_fields() {
    let dir = scratch("write");
    let nat = dir.join("specs/nat.toml");
    // A maintainer's comment and curated fields.
    let text = std::fs::read_to_string(&nat).unwrap().replace(
        "code = \"NoSuchNat\"",
        "# Seen in production as a 404 with an empty body, too.\ncode = \"NoSuchNat\"\nretry = \"never\"\nvariant = \"NatNotFound\"",
    );
    std::fs::write(&nat, &text).unwrap();

    // The docs changed: one status, one message, a new row, a removed row.
    let page = vpc_page()
        .replace("NoSuchNat The specified nat is not found. 404", "NoSuchNat The specified NAT gateway is not found. 410")
        .replace(
            "NatPostpaid Postpaid nat cannot be renewed. 400 Postpay NAT instances cannot be renewed.\n",
            "NatPostpaid Postpaid nat cannot be renewed. 400 Postpay NAT instances cannot be renewed.\nNatLocked The NAT gateway is locked. 409 The NAT gateway is locked by an order.\n",
        )
        .replace("RuleIdNotExist The rule id is not exist 404 The ruleId is invalid\n", "");
    std::fs::write(dir.join("page.txt"), page).unwrap();

    let (code, out) = bce(&dir, &["sync", "page.txt", "specs", "--check"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("~ NoSuchNat status: \"404\" → \"410\""),
        "{out}"
    );
    assert!(
        out.contains("+ NatLocked (409): The NAT gateway is locked."),
        "{out}"
    );
    assert!(out.contains("- RuleIdNotExist"), "{out}");

    let (code, out) = bce(&dir, &["sync", "page.txt", "specs", "--write"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("wrote nat.toml: 4 change(s) applied"), "{out}");
    let after = std::fs::read_to_string(&nat).unwrap();
    assert!(
        after.contains(
            "# Seen in production as a 404 with an empty body, too.\ncode = \"NoSuchNat\""
        ),
        "{after}"
    );
    assert!(
        after.contains("retry = \"never\"\nvariant = \"NatNotFound\""),
        "{after}"
    );
    assert!(after.contains("status = 410"), "{after}");
    assert!(
        after.contains("message = \"The specified NAT gateway is not found.\""),
        "{after}"
    );
    assert!(!after.contains("RuleIdNotExist"), "{after}");
    let locked = after.find("code = \"NatLocked\"").unwrap();
    assert!(
        after.find("code = \"NatPostpaid\"").unwrap() < locked
            && locked < after.find("code = \"ReservationLengthInvalid\"").unwrap()
    );
    // Everything else is byte for byte as before.
    let untouched = |s: &str| {
        s[s.find("code = \"SpecInvalid\"").unwrap()..s.find("code = \"NatPostpaid\"").unwrap()]
            .to_owned()
    };
    assert_eq!(untouched(&after), untouched(&text));

    let (code, out) = bce(&dir, &["sync", "page.txt", "specs", "--check"]);
    assert_eq!(code, 0, "in sync after --write: {out}");
    let (code, out) = bce(&dir, &["check", "specs"]);
    assert_eq!(code, 0, "{out}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_page_copy_difference_becomes_an_override_in_the_overlay() {
    let dir = scratch("overlay");
    let page = vpc_page().replace(
        "OptInRequired A subscription for the service is required. 403Forbidden",
        "OptInRequired A subscription is required. 403Forbidden",
    );
    std::fs::write(dir.join("page.txt"), page).unwrap();
    let (code, out) = bce(&dir, &["sync", "page.txt", "specs", "--write"]);
    assert_eq!(code, 0, "{out}");
    let overlay = std::fs::read_to_string(dir.join("specs/pages/vpc-page-global.toml")).unwrap();
    assert!(
        overlay.contains("code = \"OptInRequired\"\nmessage = \"A subscription is required.\""),
        "{overlay}"
    );
    let global = std::fs::read_to_string(dir.join("specs/global.toml")).unwrap();
    assert!(
        global.contains("A subscription for the service is required."),
        "the included file is not touched"
    );
    assert_eq!(bce(&dir, &["sync", "page.txt", "specs", "--check"]).0, 0);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn check_fails_on_a_single_field_drift() {
    let dir = scratch("check");
    std::fs::write(
        dir.join("page.txt"),
        vpc_page().replace(
            "CidrConflict This subnet's cidr has conflict with other subnets'. 409",
            "CidrConflict This subnet's cidr has conflict with other subnets'. 400",
        ),
    )
    .unwrap();
    let (code, out) = bce(&dir, &["sync", "page.txt", "specs", "--check"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("~ CidrConflict status: \"409\" → \"400\""),
        "{out}"
    );
    assert!(out.contains("1 change(s)"), "{out}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn check_reports_every_invalid_spec() {
    let dir = scratch("check-all");
    std::fs::write(dir.join("specs/bad_one.toml"), "[service]\nname = \"A\"\nsource = \"A\"\n\n[[error]]\ncode = \"X\"\nmessage = \"m\"\nstatus = 0\ndescription = \"d\"\n").unwrap();
    std::fs::write(dir.join("specs/bad_two.toml"), "[service]\nname = \"B\"\n").unwrap();
    let (code, out) = bce(&dir, &["check", "specs"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("status 0 is not an HTTP status"), "{out}");
    assert!(out.contains("missing the required field `source`"), "{out}");
    assert!(out.contains("7 spec(s) valid"), "{out}");
    assert!(out.contains("2 invalid"), "{out}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn import_names_tables_apart_and_writes_specs_check_accepts() {
    let dir = scratch("import");
    let page = "NAT gateway error codes\n| Code | Message |\n|---|---|\n| A | a |\n\nNAT gateway error return codes\n| Code | Message | Status |\n|---|---|---|\n| B | b | 400 |\n";
    std::fs::write(dir.join("page.md"), page).unwrap();
    let (code, out) = bce(&dir, &["import", "page.md", "-o", "new"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        dir.join("new/nat_gateway.toml").exists() && dir.join("new/nat_gateway_2.toml").exists(),
        "{out}"
    );
    // A table without a status column is a spec all the same.
    let (code, out) = bce(&dir, &["check", "new"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("2 spec(s) valid"), "{out}");
    std::fs::remove_dir_all(dir).unwrap();
}
