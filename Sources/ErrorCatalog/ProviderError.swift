#if canImport(FoundationEssentials)
  public import FoundationEssentials
#else
  public import Foundation
#endif

/// What every provider's classified error offers, so generic code can handle them alike.
///
/// Every error is `Encodable`: its encoding is the error object of the `errcat classify --json` contract,
/// so what a log line holds and what `errcat` prints are the same.
public protocol ProviderError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError, Encodable {
  /// The provider that answered.
  var provider: ProviderID { get }
  /// The catalog entry, or `nil` when the answer was not recognized.
  var entry: CatalogEntry? { get }
  /// Whether a catalog entry was found.
  var isRecognized: Bool { get }
  /// How the answer ended: `.failure`, or `.partial` / `.pending` for the codes that mean so.
  var outcome: Outcome { get }
  /// What went wrong.
  var category: ErrorCategory { get }
  /// Whether and when to retry.
  var retry: Retry { get }
  /// Whose side must act.
  var fault: Fault { get }
  /// The provider-independent situation, when the entry names one (`nil` when unrecognized).
  var situation: Situation? { get }
  /// Whether the body was an API response, a webhook or a delivery report.
  var kind: ResponseKind { get }
  /// The HTTP status of the response, when there was one.
  var status: Int? { get }
  /// The code exactly as the body gave it (after reading numbers and strings alike).
  var rawCode: String? { get }
  /// The message exactly as the body gave it.
  var rawMessage: String? { get }
  /// Values captured from the message and details read from the body, by name.
  var parameters: [String: String] { get }
  /// The delay the response asked for in `Retry-After`, in seconds.
  var retryAfterSeconds: Int? { get }
  /// The body, or its first ``ResponseBody/storedLimit`` bytes.
  var body: ResponseBody { get }
  /// The identifiers the answer carried (message id, recipient, request and trace ids).
  var references: References { get }
}
