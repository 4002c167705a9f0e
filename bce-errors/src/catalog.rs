//! The bundled services as data, for tools that list or search every one of them (a
//! catalogue page, the `bce-errors lookup` and `explain` commands):
//! [`BUNDLED`](crate::services::BUNDLED).

use crate::{Row, ServiceError};

/// A bundled service: its enum, the spec it was generated from, and its rows.
///
/// ```
/// use bce_errors::services::BUNDLED;
///
/// let nat = BUNDLED.iter().find(|b| b.enum_name == "NatError").unwrap();
/// assert_eq!((nat.service, nat.spec), ("NAT gateway", "specs/nat.toml"));
/// assert!(nat.url.is_some_and(|url| url.starts_with("https://")));
/// assert_eq!(nat.lookup("NoSuchNat").map(|row| row.status), Some(Some(404)));
/// let everywhere = BUNDLED.iter().filter(|b| b.lookup("LimitExceeded").is_some()).count();
/// assert!(everywhere > 1);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Bundled {
    /// The enum's name in [`services`](crate::services) (`NatError`).
    pub enum_name: &'static str,
    /// The spec file, relative to the workspace root (`specs/nat.toml`).
    pub spec: &'static str,
    /// The service, as its docs page names it.
    pub service: &'static str,
    /// Where the table is documented (`VPC › API Reference › … › NAT gateway error
    /// return code`).
    pub source: &'static str,
    /// The address of the docs page the spec mirrors, where it is known.
    pub url: Option<&'static str>,
    /// How many codes the service documents.
    pub len: usize,
    row: fn(usize) -> Row,
    from_code: fn(&str) -> Option<usize>,
}

impl Bundled {
    /// The entry for the bundled enum `E`, generated from `spec`.
    pub(crate) const fn of<E: ServiceError>(
        enum_name: &'static str,
        spec: &'static str,
        source: &'static str,
        url: Option<&'static str>,
    ) -> Self {
        Bundled {
            enum_name,
            spec,
            source,
            url,
            service: E::SERVICE,
            len: E::ALL.len(),
            row: row_of::<E>,
            from_code: index_of::<E>,
        }
    }

    /// Every code's row, in spec order.
    pub fn rows(&self) -> impl Iterator<Item = Row> + '_ {
        (0..self.len).map(self.row)
    }

    /// The code's row, if this service documents it (through the enum's `from_code`).
    pub fn lookup(&self, code: &str) -> Option<Row> {
        (self.from_code)(code).map(self.row)
    }
}

// Functions, not closures: a closure turned into a `fn` pointer compiles a shim too, and
// `Option::map` a copy of its own, for each bundled enum.

/// `E`'s row `i`.
fn row_of<E: ServiceError>(i: usize) -> Row {
    E::ALL[i].row()
}

/// The position in `E::ALL` of `code`'s variant.
#[allow(clippy::manual_map)] // `map` is the generic copy a `match` avoids
fn index_of<E: ServiceError>(code: &str) -> Option<usize> {
    match E::from_code(code) {
        Some(kind) => Some(kind.index()),
        None => None,
    }
}
