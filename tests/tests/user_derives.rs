//! What users write below the attribute is kept and never doubled: derives the user
//! writes are not added again (E0119 otherwise), a derived `Debug` replaces the
//! generated one, and derives the macro does not add (`PartialOrd`, `Ord`) work on the
//! generated variants.

use std::collections::BTreeSet;

/// Every standard derive written by hand, in any spelling, plus ordering.
#[bce_errors::bce_errors("golden/demo.toml")]
#[derive(Debug, Clone, core::marker::Copy, PartialEq, Eq, ::core::hash::Hash, PartialOrd, Ord)]
pub enum AllDerived {}

/// Some written, the rest added by the macro.
#[bce_errors::bce_errors("golden/demo.toml")]
#[derive(Clone, Copy, PartialOrd)]
pub enum SomeDerived {}

#[test]
fn user_derives_are_kept_and_not_doubled() {
    let all: BTreeSet<AllDerived> = AllDerived::ALL.iter().copied().collect();
    assert_eq!(all.len(), AllDerived::ALL.len());
    assert_eq!(
        all.first(),
        AllDerived::ALL.first(),
        "declaration order is the order"
    );
    assert_eq!(
        format!("{:?}", AllDerived::ALL[0]),
        AllDerived::ALL[0].variant_name()
    );
    assert!(SomeDerived::ALL[0] < SomeDerived::ALL[1]);
    assert_eq!(SomeDerived::ALL[0], SomeDerived::ALL[0].clone());
    assert_eq!(
        format!("{:?}", SomeDerived::ALL[1]),
        SomeDerived::ALL[1].variant_name()
    );
}
