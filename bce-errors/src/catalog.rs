//! The bundled services as data, for tools that list or search every one of them (the
//! `bce-errors lookup` and `explain` commands): [`BUNDLED`](crate::services::BUNDLED).

use crate::{RetryClass, ServiceError};

/// One documented code of any service, as plain data (for tools that list or search
/// every bundled service, like the `bce-errors lookup` command).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CodeInfo {
    /// The service, as its docs page names it.
    pub service: &'static str,
    /// The Rust variant (`NoSuchNat`).
    pub variant: &'static str,
    /// The code as the server sends it.
    pub code: &'static str,
    /// The documented message.
    pub message: &'static str,
    /// The documented HTTP status, where the docs give one.
    pub status: Option<u16>,
    /// The documented description, where the table has one.
    pub description: Option<&'static str>,
    /// The Chinese description, where the docs have one.
    pub description_zh: Option<&'static str>,
    /// How a request that failed with this code may be retried.
    pub retry_class: RetryClass,
}

impl CodeInfo {
    /// The data of one generated variant.
    pub fn of<E: ServiceError>(e: E) -> Self {
        CodeInfo {
            service: E::SERVICE,
            variant: e.variant_name(),
            code: e.code(),
            message: e.message(),
            status: e.status(),
            description: e.description(),
            description_zh: e.description_zh(),
            retry_class: e.retry_class(),
        }
    }
}

/// A bundled service: its enum, the spec it was generated from, and its codes.
#[derive(Debug, Clone, Copy)]
pub struct Bundled {
    /// The enum's name in this module (`NatError`).
    pub enum_name: &'static str,
    /// The spec file, relative to this crate's root (`specs/nat.toml`).
    pub spec: &'static str,
    /// The service, as its docs page names it.
    pub service: &'static str,
    /// How many codes the service documents.
    len: usize,
    /// The `i`-th code (`i < len`); the only per-enum code, so the catalog stays small.
    nth: fn(usize) -> CodeInfo,
    lookup: fn(&str) -> Option<CodeInfo>,
}

impl Bundled {
    /// The entry for the bundled enum `E`, generated from `spec`.
    pub(crate) const fn of<E: ServiceError>(enum_name: &'static str, spec: &'static str) -> Self {
        Bundled {
            enum_name,
            spec,
            service: E::SERVICE,
            len: E::ALL.len(),
            nth: |i| CodeInfo::of(E::ALL[i]),
            lookup: |code| E::from_code(code).map(CodeInfo::of),
        }
    }

    /// Every code of the service, in spec order.
    pub fn codes(&self) -> Vec<CodeInfo> {
        (0..self.len).map(self.nth).collect()
    }

    /// The code's documentation, if this service documents it.
    pub fn lookup(&self, code: &str) -> Option<CodeInfo> {
        (self.lookup)(code)
    }
}
