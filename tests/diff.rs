//! Tests of the diff area.
