//! Tests of the everyday area.
