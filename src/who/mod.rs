//! `comanage who`: who owns a function, who backs it up, who decides and
//! whom to call next.
//!
//! [`query`] finds the functions a query means, [`answer`] resolves them into
//! one data model (also the JSON output), [`human`] renders it for people.

pub mod answer;
pub mod human;
pub mod query;
