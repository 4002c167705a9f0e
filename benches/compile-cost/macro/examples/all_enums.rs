//! A binary that uses every bundled enum: looks up its arguments in all services.
fn main() {
    for code in std::env::args().skip(1) {
        for line in macro_fixture::describe(&code) {
            println!("{line}");
        }
    }
}
