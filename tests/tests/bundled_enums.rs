//! The generated API of the bundled enums: lookups, quirks kept as documented, Display.

use bce_errors::services::*;
use bce_errors::{RetryClass, ServiceError};

fn round_trips<E: ServiceError + std::str::FromStr>() {
    assert!(!E::ALL.is_empty());
    for e in E::ALL {
        assert_eq!(E::from_code(e.code()), Some(*e), "{}", e.code());
        assert_eq!(e.code().parse::<E>().ok(), Some(*e), "{}", e.code());
    }
    assert_eq!(E::from_code("DefinitelyNotACode"), None);
    assert!("DefinitelyNotACode".parse::<E>().is_err());
    // Near misses of every code find nothing (or the code they happen to equal).
    for e in E::ALL {
        let code = e.code();
        let flipped: String = code
            .chars()
            .enumerate()
            .map(|(i, c)| {
                if i == code.len() / 2 {
                    if c.is_ascii_uppercase() {
                        c.to_ascii_lowercase()
                    } else {
                        c.to_ascii_uppercase()
                    }
                } else {
                    c
                }
            })
            .collect();
        for near in [
            format!("{code}x"),
            code[..code.len() - 1].to_owned(),
            flipped,
            format!(" {code}"),
            code.to_lowercase(),
        ] {
            if let Some(found) = E::from_code(&near) {
                assert_eq!(found.code(), near, "{near:?} found {:?}", found.code());
            }
        }
    }
}

#[test]
fn from_code_inverts_code_for_every_enum() {
    round_trips::<GlobalError>();
    round_trips::<EipError>();
    round_trips::<EipGroupError>();
    round_trips::<BandwidthPackageError>();
    round_trips::<VpcError>();
    round_trips::<AclError>();
    round_trips::<NatError>();
    round_trips::<PeeringConnectionError>();
    round_trips::<EniError>();
    round_trips::<BlbError>();
    round_trips::<CceError>();
    round_trips::<DevMachineError>();
}

#[test]
fn quirks_stay_as_documented() {
    assert_eq!(DevMachineError::NotFound.status(), Some(403));
    assert_eq!(
        DevMachineError::NotFound.description(),
        Some("资源查询不到")
    );
    assert_eq!(NatError::CreateOrderError.code(), "createOrderError");
    assert_eq!(NatError::SubnatEmpty.code(), "subnatEmpty");
    assert_eq!(
        CceError::CceWarningUserNotExist.code(),
        "Cce.warning.UserNotExist"
    );
    assert_eq!(
        EniError::MaxKeysParamInvalidException.message(),
        "maxkeys ${maxKeys} invalid"
    );
    assert_eq!(
        BlbError::MissingParameter.message(),
        "A required parameter 'parameterName' is not supplied."
    );
    assert_eq!(
        EipError::RequestExpired.message(),
        "Request has expired. Timestamp date is <Data> ."
    );
    assert_eq!(VpcError::LimitExceeded.status(), Some(413));
    assert_eq!(NatError::LimitExceeded.status(), Some(400));
}

#[test]
fn each_enum_reports_its_own_pages_copy_of_the_global_table() {
    let blb =
        "The HTTP authorization header is invalid. Consult the service documentation for details.";
    assert_eq!(GlobalError::InvalidHTTPAuthHeader.message(), blb);
    assert_eq!(BlbError::InvalidHTTPAuthHeader.message(), blb);
    assert_eq!(DevMachineError::InvalidHTTPAuthHeader.message(), blb);
    assert_eq!(
        EipError::InvalidHTTPAuthHeader.message(),
        "The Access Key ID you provided does not exist in our records."
    );
    assert_eq!(NatError::InvalidHTTPAuthHeader.status(), Some(400));
    assert!(VpcError::from_code("QualifyNotPass").is_some());
    assert!(AclError::from_code("QualifyNotPass").is_some());
    assert!(GlobalError::from_code("QualifyNotPass").is_none());
    assert!(BlbError::from_code("QualifyNotPass").is_none());
}

#[test]
fn duplicate_row_on_the_cce_page_is_one_code() {
    let n = CceError::ALL
        .iter()
        .filter(|e| e.code() == "Cce.ClusterNotExit")
        .count();
    assert_eq!(n, 1);
}

#[test]
fn every_service_converts_from_global() {
    fn check<E: ServiceError + From<GlobalError>>() {
        for g in GlobalError::ALL {
            assert_eq!(E::from(*g).code(), g.code(), "{}", E::SERVICE);
        }
    }
    check::<EipError>();
    check::<EipGroupError>();
    check::<BandwidthPackageError>();
    check::<VpcError>();
    check::<AclError>();
    check::<NatError>();
    check::<PeeringConnectionError>();
    check::<EniError>();
    check::<BlbError>();
    check::<CceError>();
    check::<DevMachineError>();
}

#[test]
fn display_is_one_line_code_status_message() {
    assert_eq!(
        NatError::NoSuchNat.to_string(),
        "NoSuchNat (404): The specified nat is not found."
    );
    assert_eq!(
        CceError::CceWarningUserNotExist.to_string(),
        "Cce.warning.UserNotExist (404): User not exist."
    );
    assert_eq!(
        DevMachineError::NotFound.to_string(),
        "NotFound (403): Resource could not be found"
    );
    for b in BUNDLED {
        for c in b.rows() {
            assert!(!c.message.contains('\n'), "{}", c.code);
        }
    }
}

#[test]
fn retry_classes_from_status_code_and_annotation() {
    assert_eq!(
        GlobalError::InternalError.retry_class(),
        RetryClass::Transient
    );
    assert_eq!(
        GlobalError::RequestExpired.retry_class(),
        RetryClass::ClockSkew
    );
    assert_eq!(GlobalError::AccessDenied.retry_class(), RetryClass::Never);
    // 500 on the page, but annotated: the cluster is gone, retrying cannot help.
    assert_eq!(CceError::CceClusterDeleted.status(), Some(500));
    assert_eq!(CceError::CceClusterDeleted.retry_class(), RetryClass::Never);
    assert!(CceError::DuplicateCLusterUuid.is_retryable());
}

#[test]
fn chinese_descriptions_where_the_docs_have_them() {
    assert_eq!(
        GlobalError::AccessDenied.description_zh(),
        Some("无权限访问对应的资源")
    );
    assert_eq!(NatError::NoSuchNat.description_zh(), None);
}

#[test]
fn service_names_as_the_pages_name_them() {
    assert_eq!(NatError::SERVICE, "NAT gateway");
    assert_eq!(DevMachineError::SERVICE, "开发机");
}
