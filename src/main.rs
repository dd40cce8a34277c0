//! The `comanage` binary: everything lives in the library.

// Loading a scope allocates one small value per YAML node; mimalloc makes
// that markedly cheaper than the system allocator (see BENCHMARKS.md). It is
// built without transparent huge pages (`no_thp`): with them the kernel backs
// its arenas with 2 MiB pages, and a 10,000-function lint peaked at 55 MiB
// resident instead of 38.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    comanage::cli::main()
}
