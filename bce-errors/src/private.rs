//! Support for generated code. Not public API: may change in any release.

/// Do two code lists match, item by item? `const`, so generated code can check at
/// compile time that a copied global.toml agrees with the bundled `GlobalError`.
pub const fn same_codes(a: &[&str], b: &[&str]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        let (x, y) = (a[i].as_bytes(), b[i].as_bytes());
        if x.len() != y.len() {
            return false;
        }
        let mut j = 0;
        while j < x.len() {
            if x[j] != y[j] {
                return false;
            }
            j += 1;
        }
        i += 1;
    }
    true
}

/// Feature-dependent impls for a generated enum. Expands in this crate's feature
/// context, so generated code never needs `cfg(feature)` of its own.
#[doc(hidden)]
#[macro_export]
macro_rules! __glue {
    ($name:ident) => {};
}
