//! `comanage report`: the quarterly-business-review view of a scope
//! (DESIGN.md section 5).
//!
//! [`model::build`] computes everything once; each output format is one file
//! that only renders the [`Report`], escaping scope text its own way.

pub mod coverage;
pub mod csv;
pub mod findings;
pub mod governance;
pub mod html;
pub mod json;
pub mod markdown;
pub mod model;
pub mod ownership;
pub mod portfolio;
pub mod portfolio_html;
pub mod portfolio_text;
pub mod raci;
pub mod since;
pub mod table;
pub mod text;
pub mod visuals;

pub use model::{Report, SinceChange, build};

#[cfg(test)]
mod model_tests;

#[cfg(test)]
mod html_tests;
