//! The `comanage` binary: everything lives in the library.

// Loading a scope allocates one small value per YAML node; mimalloc makes
// that markedly cheaper than the system allocator (see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    comanage::cli::main()
}
