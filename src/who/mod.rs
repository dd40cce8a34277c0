//! `comanage who`: who owns a function, who backs it up, who decides and
//! whom to call next — or, asked about a party, everything it is on the hook
//! for.
//!
//! [`query`] finds the functions (or the party) a query means, [`answer`]
//! and [`party`] resolve them into one data model each (also the JSON
//! output), [`human`] and [`party_human`] render them for people, and
//! [`duty`] says which coverage is on duty at a moment of the week.

pub mod answer;
pub mod duty;
pub mod human;
pub mod party;
pub mod party_human;
pub mod query;
