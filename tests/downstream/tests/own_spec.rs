//! A crate outside bce-errors gets the full generated API from its own spec file.

use bce_errors::services::GlobalError;
use bce_errors::{RetryClass, ServiceError};
use downstream_fixture::{AiError, CfsError, SuffixedError, SyntheticError, tiny};

#[test]
fn own_rows_and_included_global_rows() {
    // 14 global rows, one overridden in place, plus 5 new ones.
    assert_eq!(CfsError::ALL.len(), 14 + 5);
    assert_eq!(CfsError::SERVICE, "CFS");
    let e = CfsError::from_code("NoSuchFileSystem").unwrap();
    assert_eq!(e, CfsError::NoSuchFileSystem);
    assert_eq!(e.status(), Some(404));
    assert_eq!(e.message(), "The file system {fsId} does not exist.");
    assert_eq!(e.description_zh(), Some("文件系统不存在"));
    assert_eq!(CfsError::AccessDenied.message(), "CFS access denied.");
    assert_eq!(CfsError::InternalError.status(), Some(500));
}

#[test]
fn variant_names_follow_the_documented_rule() {
    assert_eq!(
        CfsError::MountTargetQuotaExceeded.code(),
        "MountTargetQuota.Exceeded"
    );
    assert_eq!(CfsError::FsBusy.code(), "fsBusy");
    assert_eq!(CfsError::NumericNotFound.code(), "404");
    assert_eq!(
        CfsError::NumericNotFound.message(),
        "Not \"found\" \\ at all."
    );
}

#[test]
fn display_writes_braces_and_placeholders_verbatim() {
    assert_eq!(
        CfsError::NoSuchFileSystem.to_string(),
        "NoSuchFileSystem (404): The file system {fsId} does not exist."
    );
    assert_eq!(
        CfsError::MountTargetQuotaExceeded.to_string(),
        "MountTargetQuota.Exceeded (413): At most ${maxMountTargets} mount targets per file system."
    );
}

#[test]
fn retry_annotation_overrides_the_status_default() {
    assert_eq!(CfsError::FsBusy.retry_class(), RetryClass::Transient);
    assert_eq!(
        CfsError::ThrottlingException.retry_class(),
        RetryClass::Throttling
    );
    assert_eq!(
        CfsError::RequestExpired.retry_class(),
        RetryClass::ClockSkew
    );
    assert_eq!(CfsError::NoSuchFileSystem.retry_class(), RetryClass::Never);
}

#[test]
fn converts_from_the_bundled_global_enum() {
    for g in GlobalError::ALL {
        let cfs = CfsError::from(*g);
        assert_eq!(cfs.code(), g.code());
    }
    assert_eq!(
        CfsError::from(GlobalError::AccessDenied),
        CfsError::AccessDenied
    );
}

#[test]
fn user_derives_and_trait_impls_work_generically() {
    fn codes<E: ServiceError>() -> Vec<&'static str> {
        E::ALL.iter().map(|e| e.code()).collect()
    }
    assert!(codes::<CfsError>().contains(&"fsBusy"));
    // The user's own derives work too; the overriding row keeps the global row's place.
    assert!(CfsError::AccessDenied < CfsError::NoSuchFileSystem);
    let parsed: CfsError = "fsBusy".parse().unwrap();
    assert_eq!(parsed, CfsError::FsBusy);
    let err = "nope".parse::<CfsError>().unwrap_err();
    assert_eq!(
        err.to_string(),
        "\"nope\" is not a documented CFS error code"
    );
    let boxed: Box<dyn std::error::Error> = Box::new(CfsError::FsBusy);
    assert_eq!(
        boxed.to_string(),
        "fsBusy (409): File system is busy, try again later."
    );
}

#[test]
fn hand_listed_variants_generate_the_same_api() {
    assert_eq!(tiny("second.code"), Some(("second.code", Some(503))));
    assert_eq!(tiny("First"), Some(("First", Some(400))));
    assert_eq!(tiny("third"), None);
}

#[test]
fn enums_in_odd_scopes_work() {
    use downstream_fixture::odd_scopes::{E, Option as Opt, S};
    assert_eq!(S::from_code("First"), Some(S::First));
    assert_eq!(
        E::from_code("second.code").map(|e| e.status()),
        Some(Some(503))
    );
    assert_eq!(Opt::ALL.len(), 2);
}

/// Every code of `E` finds its variant; near misses of each (a byte short, a byte more
/// at either end, another case) and `misses` find nothing but a code they happen to be.
fn finds_every_code_and_nothing_else<E: ServiceError>(misses: &[&str]) {
    for &e in E::ALL {
        let code = e.code();
        assert_eq!(E::from_code(code), Some(e), "{code}");
        for near in [
            &code[..code.len() - 1],
            &format!("{code}x"),
            &format!("x{code}"),
            &code.to_ascii_lowercase(),
            &code.to_ascii_uppercase(),
        ] {
            let found = E::from_code(near);
            assert!(
                found.is_none_or(|f| f.code() == near),
                "{near} -> {}",
                found.map_or("None", |f| f.code())
            );
        }
    }
    for miss in misses {
        assert!(E::from_code(miss).is_none(), "{miss:?}");
    }
}

#[test]
fn from_code_finds_every_code_short_or_long_and_nothing_else() {
    // `404` and `fsBusy` are shorter than the eight-byte words the lookup reads.
    finds_every_code_and_nothing_else::<CfsError>(&[
        "",
        "4",
        "40",
        "4040",
        "fsBusyX",
        "\0\0\0",
        "fsBus\u{e9}",
    ]);
}

#[test]
fn from_code_tells_apart_codes_alike_at_both_ends() {
    // Same prefix, same suffix, same length: only the middle differs.
    finds_every_code_and_nothing_else::<SuffixedError>(&[
        "PrivateIpACException",
        "PrivateIpCAException",
        "PrivateIpAAExceptioN",
        "PrivateIpException",
        "PrivateIpInUsedException",
    ]);
    assert_eq!(SuffixedError::ALL.len(), 6);
}

#[test]
fn from_code_on_a_thousand_codes() {
    finds_every_code_and_nothing_else::<SyntheticError>(&[
        "",
        "NoSuchCode",
        "Backup",
        "Dns.warning.",
    ]);
    assert_eq!(SyntheticError::ALL.len(), 1000);
}

#[test]
fn numeric_colon_and_status_less_codes_round_trip() {
    let rows: Vec<_> = AiError::ALL
        .iter()
        .map(|e| (e.variant_name(), e.code(), e.status(), e.retry_class()))
        .collect();
    assert_eq!(
        rows,
        [
            ("E216100", "216100", None, RetryClass::Never),
            ("E17", "17", None, RetryClass::Throttling),
            ("B00001", "B:00001", None, RetryClass::Never),
            ("Sdk100", "SDK100", Some(400), RetryClass::Never),
        ]
    );
    finds_every_code_and_nothing_else::<AiError>(&["0", "216", "2161000", "B00001", "sdk100"]);
    assert_eq!(
        AiError::E17.to_string(),
        "17: Open api daily request limit reached"
    );
    // The body's number and the same code as a string find the same variant.
    for body in [
        &br#"{"error_code":216100,"error_msg":"x"}"#[..],
        &br#"{"error_code":"216100","error_msg":"x"}"#[..],
    ] {
        let err = bce_errors::BceError::<AiError>::check(200, (), body).unwrap_err();
        assert_eq!(err.kind(), Some(AiError::E216100));
    }
}
