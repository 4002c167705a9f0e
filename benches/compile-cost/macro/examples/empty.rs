//! The size baseline: a binary that does nothing with the enums.
fn main() {
    println!("{}", std::env::args().count());
}
