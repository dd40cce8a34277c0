//! Editor features over a loaded scope.
