//! Tests of the validate area.
