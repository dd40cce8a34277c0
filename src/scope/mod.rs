//! The scope: its typed model, its values, and loading it from text.

pub mod describe;
pub mod load;
pub mod model;
pub mod values;

#[cfg(test)]
mod load_props;

pub use load::{Document, ReadError, Rejected, load, load_bytes};
pub use model::*;
pub use values::{Date, Duration};
