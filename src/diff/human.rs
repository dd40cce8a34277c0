//! The terminal rendering (filled in below).
