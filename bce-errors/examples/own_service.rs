//! A service bce-errors does not ship: one spec file (`examples/specs/cfs.toml`) and
//! one line give a typed enum with everything the bundled ones have.
//!
//! Run it with `cargo run --example own_service`.

use bce_errors::services::GlobalError;
use bce_errors::{BceError, bce_errors};

/// Cloud File Storage errors, from our own spec.
#[bce_errors("examples/specs/cfs.toml")]
pub enum CfsError {}

fn main() {
    let shared = GlobalError::ALL.len();
    let own = CfsError::ALL.len() - shared;
    println!(
        "{} codes in {}: {own} from its spec, {shared} shared by every BCE service",
        CfsError::ALL.len(),
        CfsError::SERVICE
    );
    for code in [
        CfsError::FileSystemNotFound,
        CfsError::FileSystemBusy,
        CfsError::from(GlobalError::AccessDenied),
    ] {
        println!("{code}  (retry: {})", code.retry_class());
    }
    let body = br#"{"code":"MountTargetLimitExceeded","message":"The number of mount targets exceeds the limit.","requestId":"cfs-1"}"#;
    let err: BceError<CfsError> = BceError::from_response(413, (), body);
    println!("{err:#}");
    assert_eq!(err.kind(), Some(CfsError::MountTargetLimitExceeded));
}
