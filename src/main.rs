//! The `comanage` binary: everything lives in the library.

fn main() -> std::process::ExitCode {
    comanage::cli::main()
}
