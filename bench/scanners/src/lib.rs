//! YAML scanners measured side by side on comanage scope files: the walks
//! are a library so that the benchmark binary and the fuzz target run the
//! very same code.

pub mod candidates;
pub mod suite;
