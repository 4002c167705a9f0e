//! `code_enum!`: the API of every generated enum, written once.
//!
//! The generator (the `#[bce_errors]` macro, and `cargo xtask regenerate` for the
//! bundled enums) emits the enum's declaration and one call of this macro with its
//! rows as literals, one row a line, in spec order:
//!
//! ```text
//! ::bce_errors::__private::code_enum! {
//!     NatError {
//!         service: "NAT gateway",
//!         rows: 49,
//!         lookup: (128, 0x3ac4_622d_1dd2_621d, 0),
//!         from: (::bce_errors::services::GlobalError, "specs/nat.toml:5:12"),
//!     }
//!     NoSuchNat(Some(404), "The specified nat is not found.", Some("…"), None),
//!     CreateOrderError("createOrderError", Some(400), "…", None, None, Never),
//!     AccessDenied(global),
//! }
//! ```
//!
//! A row is the variant, then its code (left out where it is the variant's name, as it
//! is for most codes: the table keeps the name once), status, message, description,
//! Chinese description and, where the spec gives one, its retry class; or
//! `Variant(global)`: the row of the same variant in the table of the `GlobalError`
//! named by `from`, word for word, its code the variant's name (the bundled enums
//! borrow the global rows they share, so the text is kept once). `lookup` is the size
//! of `from_code`'s table, the seed of its hash and how many bytes at the codes' end
//! its key skips; `from` names the `GlobalError` the enum converts from, when its spec
//! includes the global table.
//! Everything the enum does is below: inherent methods (so users call
//! `NatError::from_code(..)` with nothing imported), `Debug`, `Display`, `Error`,
//! `FromStr`, [`ServiceError`](crate::ServiceError), the serde impls (feature `serde`)
//! and `From<GlobalError>`. At compile time the rows become the table's `Parts` (their
//! texts concatenated, where each ends, where each row is, and each code's place and
//! key, found by one walk over the rows, then a short one that moves the borrowed codes
//! past the own texts; a borrowed row has only its code and its place), which
//! `from_code`'s `Index` is built from, its slots 4 or 8 bytes wide as the table
//! allows; and the `Table` the methods read: the text, the ends, the places, the
//! statuses and the retry classes, each array a static of its own (no pointer a row).
//! No code reads the codes' keys at run time, so no binary keeps them.
//!
//! A `macro_rules!` rather than a trait with provided methods: inherent methods need
//! no import, and rustc expands it in a fraction of the time a proc macro's tokens
//! take to parse; the trait's provided methods serve generic code.

/// Writes a generated enum's API over its rows (see the module docs of
/// `bce_errors_core::__private`). Not public API.
#[doc(hidden)]
#[macro_export]
macro_rules! __code_enum {
    // One row's part of each array (a row written out, or `(global)`: the row of the
    // same variant in the table of `from`). A row's code is left out where it is the
    // variant's name: an empty code stands for it (the table keeps the name once, and
    // reads it as the code). One invocation a row and array, each matched in one step:
    // expanding the rows is most of what rustc spends on this macro.
    (@text $variant:ident (global)) => { "" };
    (@text $variant:ident (
        $($code:literal,)? $has_status:ident $(($status:literal))?, $message:literal,
        $has_description:ident $(($description:literal))?,
        $has_zh:ident $(($description_zh:literal))? $(, $retry:ident)?
    )) => {
        ::core::concat!(
            ::core::stringify!($variant) $(, $code)?, $message
            $(, $description)? $(, $description_zh)?
        )
    };
    // The code a `(global)` row keeps in this table's text, after the own rows' texts,
    // where `from_code` compares it: its variant's name. The generator writes a row
    // `(global)` only where its code is that name; `map_codes` checks the two alike.
    (@code $variant:ident (global)) => { ::core::stringify!($variant) };
    (@code $variant:ident $row:tt) => { "" };
    // Literals only (no call): rustc checks and evaluates them several times faster. A
    // `(global)` row has no texts of its own (an empty variant says so), only its code.
    (@fields $variant:ident (global)) => { ["", ::core::stringify!($variant), "", "", ""] };
    (@fields $variant:ident (
        $($code:literal,)? $has_status:ident $(($status:literal))?, $message:literal,
        $has_description:ident $(($description:literal))?,
        $has_zh:ident $(($description_zh:literal))? $(, $retry:ident)?
    )) => {
        [
            ::core::stringify!($variant),
            ::core::concat!("" $(, $code)?),
            $message,
            ::core::concat!("" $(, $description)?),
            ::core::concat!("" $(, $description_zh)?),
        ]
    };
    (@status $variant:ident ($($code:literal,)? Some($status:literal), $($rest:tt)*)) => {
        $status
    };
    // No status, or a `(global)` row (whose status is in the table it borrows from).
    (@status $variant:ident $row:tt) => { 0 };
    (@retry $variant:ident (
        $($code:literal,)? $has_status:ident $(($status:literal))?, $message:literal,
        $has_description:ident $(($description:literal))?,
        $has_zh:ident $(($description_zh:literal))?, $retry:ident
    )) => {
        ::core::option::Option::Some($crate::RetryClass::$retry)
    };
    // No retry class, or a `(global)` row.
    (@retry $variant:ident $row:tt) => { ::core::option::Option::None };
    (@places $from:tt $($variant:ident $row:tt)*) => {
        $crate::__private::places([$($crate::__code_enum!(@source $from $variant $row)),*])
    };
    (@source ($global:ty) $variant:ident (global)) => { <$global>::$variant as u16 };
    (@source () $variant:ident (global)) => {
        ::core::compile_error!("a `(global)` row needs `from:` in the header")
    };
    (@source ($($global:ty)?) $variant:ident $row:tt) => { $crate::__private::OWN };
    (@borrowed $table:ident $global:ty) => { ::core::option::Option::Some(<$global>::$table) };
    (@borrowed $table:ident) => { ::core::option::Option::None };
    (
        $name:ident {
            service: $service:literal,
            rows: $rows:literal,
            lookup: ($slots:literal, $seed:literal, $skip:literal),
            $(from: ($global:ty, $at:literal),)?
            $(derived: $debug:ident,)?
        }
        $($variant:ident $row:tt,)*
    ) => {
        impl $name {
            /// The service, as its docs page names it.
            pub const SERVICE: &'static str = $service;
            /// Every code of the service, in the order of its spec.
            // Long arrays are statics: rustc checks a constant's array literal in time
            // that grows with the square of its length, a static's in linear time.
            pub const ALL: &'static [Self] = {
                static ALL: [$name; $rows] = [$($name::$variant),*];
                &ALL
            };
            /// The rows' texts, ends and places, read at compile time.
            #[doc(hidden)]
            // A spec of tens of thousands of codes runs these loops for longer than
            // rustc's guard against endless constant evaluation expects; they end.
            #[allow(long_running_const_eval)]
            pub const __PARTS: &'static $crate::__private::Parts = {
                // The own rows' texts, then the borrowed rows' codes: one literal.
                const TEXT: &str = ::core::concat!(
                    "" $(, $crate::__code_enum!(@text $variant $row))*
                    $(, $crate::__code_enum!(@code $variant $row))*
                );
                // Statics, not constants: a constant's array literal costs rustc time
                // that grows with the square of its length. No code reads the layout at
                // run time (`__TABLE` reads the places and a copy of the ends), so no
                // binary keeps its codes. By own row: a borrowed row's texts are in the
                // table it borrows from.
                static LAYOUT: $crate::__private::Layout<
                    { $crate::__private::FIELDS * $crate::__private::own_rows(&PLACES) },
                    $rows,
                > = $crate::__private::layout::<_, _, $skip>(
                    &[$($crate::__code_enum!(@fields $variant $row)),*],
                );
                static PLACES: [u16; $rows] =
                    $crate::__code_enum!(@places ($($global)?) $($variant $row)*);
                static ENDS: [u32; LAYOUT.ends.len()] = LAYOUT.ends;
                static PARTS: $crate::__private::Parts = $crate::__private::Parts {
                    text: TEXT.as_bytes(),
                    ends: &ENDS,
                    codes: &LAYOUT.codes,
                    skip: $skip,
                    places: &PLACES,
                };
                &PARTS
            };
            /// The rows' texts and numbers: what the enum's methods read.
            #[doc(hidden)]
            pub const __TABLE: &'static $crate::__private::Table = {
                const PARTS: &$crate::__private::Parts = $name::__PARTS;
                static TEXT: [u8; PARTS.text.len()] = $crate::__private::text_array(PARTS.text);
                static STATUSES: [u16; $rows] = [$($crate::__code_enum!(@status $variant $row)),*];
                static RETRIES: [::core::option::Option<$crate::RetryClass>; $rows] =
                    [$($crate::__code_enum!(@retry $variant $row)),*];
                static TABLE: $crate::__private::Table = $crate::__private::Table::new(
                    &TEXT,
                    PARTS.ends,
                    &STATUSES,
                    &RETRIES,
                    PARTS.places,
                    $crate::__code_enum!(@borrowed __TABLE $($global)?),
                );
                &TABLE
            };
            /// The table's text: a constant, so `from_code` compares codes there at an
            /// address known when linking, with no load before.
            #[doc(hidden)]
            const __TEXT: &'static [u8] = $name::__TABLE.text();
            /// How many of the index's slots are narrow: the runtime's choice, from the
            /// table (the generator names the slots, the seed and the skip only).
            const __NARROW: usize = $crate::__private::narrow_slots($slots, $name::__PARTS);
            // A constant, not a static: a caller in another crate sees the slots, the
            // seed and the probe count, and folds them into its code. It copies a
            // static, built once here: a caller reads the built index, it does not
            // build it again.
            const __INDEX: &'static $crate::__private::Index<
                { $name::__NARROW },
                { $slots - $name::__NARROW },
                $skip,
            > = {
                #[allow(long_running_const_eval)]
                static BUILT: $crate::__private::Index<
                    { $name::__NARROW },
                    { $slots - $name::__NARROW },
                    $skip,
                > = $crate::__private::Index::build($name::__PARTS, $seed);
                &BUILT.copied()
            };

            // The methods are `#[inline]` where the caller is optimized (release and
            // bench builds, without debug assertions): `from_code` then folds the
            // index into the caller's code. A debug build inlines nothing that is not
            // `inline(always)`, so there `#[inline]` would only compile each method
            // again in every crate that calls it (0.1 s of a debug build calling every
            // bundled enum); without it, the enum's crate compiles them once.

            /// What the docs say about this code: its row of the spec.
            #[cfg_attr(not(debug_assertions), inline)]
            pub fn row(self) -> $crate::Row {
                Self::__TABLE.row(self as usize)
            }
            /// The position of this code in `ALL`.
            #[inline]
            pub const fn index(self) -> usize {
                self as usize
            }
            /// The code as the server sends it.
            #[cfg_attr(not(debug_assertions), inline)]
            pub fn code(self) -> &'static str {
                self.row().code
            }
            /// The Rust variant's name.
            #[cfg_attr(not(debug_assertions), inline)]
            pub fn variant_name(self) -> &'static str {
                self.row().variant
            }
            /// The documented message.
            #[cfg_attr(not(debug_assertions), inline)]
            pub fn message(self) -> &'static str {
                self.row().message
            }
            /// The documented HTTP status; `None` where the docs give none (the AI
            /// platform reports errors in the body, often with HTTP 200).
            #[cfg_attr(not(debug_assertions), inline)]
            pub fn status(self) -> ::core::option::Option<u16> {
                self.row().status
            }
            /// The documented description; `None` where the table has none.
            #[cfg_attr(not(debug_assertions), inline)]
            pub fn description(self) -> ::core::option::Option<&'static str> {
                self.row().description
            }
            /// The Chinese description, where the docs have one.
            #[cfg_attr(not(debug_assertions), inline)]
            pub fn description_zh(self) -> ::core::option::Option<&'static str> {
                self.row().description_zh
            }
            /// Whether and how a request that failed with this code may be retried: the
            /// spec's `retry` where it has one, else the defaults by status and code.
            #[cfg_attr(not(debug_assertions), inline)]
            pub fn retry_class(self) -> $crate::RetryClass {
                self.row().retry_class()
            }
            /// True when retrying (after a backoff, or after re-signing) can succeed.
            #[cfg_attr(not(debug_assertions), inline)]
            pub fn is_retryable(self) -> bool {
                self.retry_class().is_retryable()
            }
            /// The variant for a wire code (a numeric code as its digits, `"110"`);
            /// `None` for a code this spec does not document.
            #[cfg_attr(not(debug_assertions), inline)]
            pub fn from_code(code: &str) -> ::core::option::Option<Self> {
                match Self::__INDEX.find(Self::__TEXT, code) {
                    ::core::option::Option::Some(i) => Self::ALL.get(i).copied(),
                    ::core::option::Option::None => ::core::option::Option::None,
                }
            }
        }

        $crate::__code_enum!(@debug $name $($debug)?);

        /// One line: `Code (status): message`.
        #[automatically_derived]
        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::fmt::Display::fmt(&self.row(), f)
            }
        }

        #[automatically_derived]
        impl ::core::error::Error for $name {}

        #[automatically_derived]
        impl ::core::str::FromStr for $name {
            type Err = $crate::UnknownCode;
            fn from_str(code: &str) -> ::core::result::Result<Self, Self::Err> {
                // A `match`, not `ok_or_else`: no closure and no generic call to compile
                // for each enum.
                match Self::from_code(code) {
                    ::core::option::Option::Some(kind) => ::core::result::Result::Ok(kind),
                    ::core::option::Option::None => {
                        ::core::result::Result::Err($crate::UnknownCode::new(Self::SERVICE, code))
                    }
                }
            }
        }

        #[automatically_derived]
        impl $crate::ServiceError for $name {
            const SERVICE: &'static str = $name::SERVICE;
            const ALL: &'static [Self] = $name::ALL;
            fn index(&self) -> usize {
                *self as usize
            }
            fn row(&self) -> $crate::Row {
                $name::row(*self)
            }
            fn from_code(code: &str) -> ::core::option::Option<Self> {
                $name::from_code(code)
            }
        }

        $crate::__glue!($name);

        $(
            #[automatically_derived]
            impl ::core::convert::From<$global> for $name {
                fn from(global: $global) -> Self {
                    #[allow(long_running_const_eval)]
                    static MAP: [u16; <$global>::ALL.len()] =
                        $crate::__private::map_codes(
                            <$global>::__PARTS,
                            $name::__PARTS,
                            $name::__INDEX,
                            $at,
                        );
                    Self::ALL[MAP[$crate::ServiceError::index(&global)] as usize]
                }
            }
        )?
    };
    // `Debug` is the variant's name, unless the user derives it (`derived: Debug`).
    (@debug $name:ident) => {
        #[automatically_derived]
        impl ::core::fmt::Debug for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.variant_name())
            }
        }
    };
    (@debug $name:ident Debug) => {};
}
