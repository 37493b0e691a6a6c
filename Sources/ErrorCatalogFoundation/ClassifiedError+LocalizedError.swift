public import ErrorCatalog
public import Foundation

/// Every provider's error is a `LocalizedError` once this module is linked: `localizedDescription` is the
/// error's `errorDescription` (the catalog message, never the body), and Cocoa's failure
/// reason and recovery suggestion are the entry's explanation and remedy. The conformance lives here, not
/// in `ErrorCatalog`, so that a program that does not use Foundation does not link it.
extension ClassifiedError: LocalizedError {}
