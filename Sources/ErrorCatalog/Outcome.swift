/// How a provider's answer ended, before any error is looked at.
///
/// The raw values are part of the `errcat` JSON contract.
@nonexhaustive
public enum Outcome: String, Sendable, Hashable, Codable, CaseIterable {
  /// The request succeeded; there is no error.
  case success
  /// The request failed.
  case failure
  /// Part of the request succeeded (Yeastar `errcode` 1, PARTIAL SUCCESS).
  case partial
  /// The request was accepted and is still being processed (Yeastar `errcode` 2, PROCESSING).
  case pending
}
