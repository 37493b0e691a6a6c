/// What every provider's classified error offers, so generic code can handle them alike.
///
/// Every error is `Encodable`: its encoding is the error object of the `errcat classify --json` contract,
/// so what a log line holds and what `errcat` prints are the same.
public protocol ProviderError: Error, Sendable, Hashable, CustomStringConvertible, Encodable {
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
  /// How long to wait before acting on the error again, and where that comes from: `Retry-After`, a
  /// documented rate-limit header, the body, or the catalog (``RetryWait``). `nil` when none says.
  var wait: RetryWait? { get }
  /// The catalog message with the provider's name, or a note that the error was not recognized; never the
  /// body. With `ErrorCatalogFoundation` linked, errors are `LocalizedError`s and this is their
  /// `localizedDescription`.
  var errorDescription: String? { get }
  /// What happened: the entry's explanation.
  var failureReason: String? { get }
  /// What to do: the entry's remedy, or a generic one from ``retry``.
  var recoverySuggestion: String? { get }
}

extension ProviderError {
  /// None, unless the type gives one (as `LocalizedError` has it).
  public var errorDescription: String? { nil }
  /// None, unless the type gives one.
  public var failureReason: String? { nil }
  /// None, unless the type gives one.
  public var recoverySuggestion: String? { nil }

  /// The `Retry-After` delay as a wait; ``ClassifiedError`` also reads rate-limit headers, the body and the
  /// catalog.
  public var wait: RetryWait? {
    retryAfterSeconds.map { RetryWait(seconds: $0, source: .retryAfter, origin: "Retry-After") }
  }

  /// What became of the request, and so whether sending it again can deliver it twice:
  /// - an answer that is not a failure: ``Delivery/notApplicable``;
  /// - a failure reported in a webhook or a delivery report: ``Delivery/acceptedThenFailed``, whatever the code;
  /// - a recognized answer: its entry's ``CatalogEntry/delivery``; an entry documented for webhooks that
  ///   comes back in a synchronous answer was refused (``Delivery/rejected``), or, with a 5xx status,
  ///   ``Delivery/unknown``;
  /// - an unrecognized answer with a 4xx status (but 408 and 499): ``Delivery/rejected``; any other
  ///   unrecognized answer (a server error, a gateway's page, an unknown code in a 2xx, no status):
  ///   ``Delivery/unknown``.
  public var delivery: Delivery { deliveryVerdict.delivery }

  /// The code as it should be reported: the entry's code, except for an entry that covers a range of codes
  /// (Meta's 200–299 permission errors), where it is the code that was sent (`230`, classified as the
  /// range); for an unrecognized answer, the raw code.
  public var reportedCode: String? {
    guard let entry else { return rawCode }
    if let range = entry.codeRange, let rawCode, let sent = Int(rawCode), range.contains(sent) {
      return String(sent)
    }
    return entry.code
  }

  /// Why ``delivery`` is what it is, in a sentence.
  public var deliveryReason: String { deliveryVerdict.reason }

  private var deliveryVerdict: (delivery: Delivery, reason: String) {
    if outcome != .failure {
      return (.notApplicable, "The answer is not a failed request.")
    }
    if kind != .response {
      return (
        .acceptedThenFailed,
        "Reported in a \(kind == .webhook ? "webhook" : "delivery report"): the provider had accepted the message, "
          + "which failed later, so a resend is a new message, paid again."
      )
    }
    guard let entry else {
      if let status, (400..<500).contains(status), status != 408, status != 499 {
        return (
          .rejected,
          "An HTTP \(status) that was not recognized: a client error status means the request was refused, not "
            + "acted on (408 and 499, a timeout and a closed connection, excepted)."
        )
      }
      return (
        .unknown,
        "The answer was not recognized (a server error, a gateway's page, a success status with an unreadable "
          + "body, no status): nothing shows whether the provider acted on the request, so a resend may deliver "
          + "it twice."
      )
    }
    if entry.delivery == .acceptedThenFailed {
      if let status, status >= 500 {
        return (.unknown, "A server error: the provider may have acted on the request before it failed.")
      }
      return (.rejected, "The provider refused the request synchronously, before accepting it.")
    }
    return (entry.delivery, entry.deliveryReason)
  }
}
