public import ErrorCatalog

/// One classification of a catalog sample, whichever provider it came from.
///
/// ``CatalogSamples/classify(_:)-(CatalogEntry)`` returns these so that one loop can check every provider's
/// samples; in your own code, each provider's `classify` returns its typed `Classification`.
public struct SampleClassification: Sendable {
  /// How the answer ended.
  public let outcome: Outcome
  /// The error, for any outcome but success.
  public let error: (any ProviderError)?
  /// The success, when the outcome is success.
  public let success: ProviderSuccess?

  init<Failure>(_ classification: Classification<Failure>) {
    outcome = classification.outcome
    error = classification.error
    if case .success(let success) = classification { self.success = success } else { success = nil }
  }

  /// The catalog entry the answer was recognized as: the error's, or the entry that said success.
  public var entry: CatalogEntry? { error?.entry ?? success?.entry }

  /// The identifiers the answer carried.
  public var references: References { error?.references ?? success?.references ?? .none }
}
