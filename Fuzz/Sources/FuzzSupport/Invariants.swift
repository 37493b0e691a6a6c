// RetryAfter and HTTPHeaderLookup are package API of the root package: reached with @testable.
@testable package import ErrorCatalog

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// How an error that no catalog entry recognized may be classified.
package enum Fallback: Sendable {
  /// Exactly as ``StatusClassification/forHTTPStatus(_:)`` classifies the response's status.
  case fromStatus
  /// From the response's status or from a status the body names instead (any of 100…599).
  case fromStatusOrBody
  /// One of these (delivery reports, which have no HTTP status).
  case oneOf([StatusClassification])

  func allows(_ classification: StatusClassification, status: Int?) -> Bool {
    switch self {
    case .fromStatus:
      return classification == StatusClassification.forHTTPStatus(status)
    case .fromStatusOrBody:
      return classification == StatusClassification.forHTTPStatus(status)
        || Self.bodyStatusClassifications.contains(classification)
    case .oneOf(let allowed):
      return allowed.contains(classification)
    }
  }

  static let bodyStatusClassifications = Set((100..<600).map(StatusClassification.forHTTPStatus))
}

/// What one classifier call was given, and what every error it returns must therefore look like.
package struct Expectation: Sendable {
  /// The provider whose classifier ran.
  package var provider: ProviderID
  /// The kind of body.
  package var kind: ResponseKind
  /// The HTTP status passed in.
  package var status: Int?
  /// The headers passed in.
  package var headers: [String: String]
  /// The body passed in.
  package var body: [UInt8]
  /// How unrecognized errors may be classified.
  package var fallback: Fallback
  /// Whether a recognized error's outcome is always its entry's (false where the classifier overrides it).
  package var outcomeFollowsEntry: Bool
  /// The clock just before and just after the call, to bound a `Retry-After` date.
  package var before: Double
  package var after: Double

  /// Creates an expectation; call ``stamp(_:)`` around the classifier call.
  package init(
    provider: ProviderID, kind: ResponseKind, status: Int? = nil, headers: [String: String] = [:],
    body: [UInt8], fallback: Fallback, outcomeFollowsEntry: Bool = true
  ) {
    self.provider = provider
    self.kind = kind
    self.status = status
    self.headers = headers
    self.body = body
    self.fallback = fallback
    self.outcomeFollowsEntry = outcomeFollowsEntry
    before = 0
    after = 0
  }

  /// Runs `call` and records the clock around it.
  package mutating func stamp<T>(_ call: () -> T) -> T {
    before = Date().timeIntervalSince1970
    let result = call()
    after = Date().timeIntervalSince1970
    return result
  }

  /// Whether a `Retry-After` header gives the same delay from the call until `end` (a date in the future
  /// counts down).
  func retryAfterIsStable(until end: Double) -> Bool {
    guard let value = HTTPHeaderLookup.value("Retry-After", in: headers) else { return true }
    return RetryAfter.seconds(from: value, now: before) == RetryAfter.seconds(from: value, now: end)
  }
}

/// Checks one classification of a synchronous answer or report: the case agrees with the error's outcome,
/// the error keeps its invariants, and a second call gives the same answer.
package func check<C: CatalogCode>(
  _ classification: Classification<ClassifiedError<C>>, _ expected: Expectation,
  again: () -> Classification<ClassifiedError<C>>
) {
  if let error = classification.error {
    guard classification.outcome == error.outcome else {
      violated("classification \(classification.outcome) wraps an error whose outcome is \(error.outcome)")
    }
    check(error, expected)
  } else if classification.outcome != .success {
    violated("a classification without error is \(classification.outcome)")
  }
  let second = again()
  if expected.retryAfterIsStable(until: Date().timeIntervalSince1970), second != classification {
    violated("classifying the same answer twice gave different results")
  }
}

/// Checks the errors of one webhook: webhook kind, no status, the body kept, and a second call gives the same.
package func check<C: CatalogCode>(
  webhook events: [Classification<ClassifiedError<C>>], _ expected: Expectation,
  again: () -> [Classification<ClassifiedError<C>>]
) {
  for event in events {
    if let error = event.error {
      guard event.outcome == error.outcome else {
        violated("an event \(event.outcome) wraps an error \(error.outcome)")
      }
      check(error, expected)
    } else if event.outcome != .success {
      violated("an event without error is \(event.outcome)")
    }
  }
  let errors = events.compactMap(\.error)
  let body = ResponseBody(expected.body)
  if body.json == nil {
    // Not JSON: nothing when blank, else one unrecognized error, so nothing is silently dropped.
    guard errors.count == (body.isBlank ? 0 : 1), errors.allSatisfy({ !$0.isRecognized }) else {
      violated("a webhook body that is not JSON gave \(errors.count) errors")
    }
  }
  guard again() == events else { violated("classifying the same webhook twice gave different results") }
}

/// Checks everything a classified error promises, whatever the provider.
package func check<C: CatalogCode>(_ error: ClassifiedError<C>, _ expected: Expectation) {
  // What went in comes back.
  guard error.provider == expected.provider else { violated("provider \(error.provider)") }
  guard error.kind == expected.kind else { violated("kind \(error.kind), expected \(expected.kind)") }
  guard error.status == expected.status else { violated("status \(String(describing: error.status))") }
  checkBody(error.body, expected.body)

  // A recognized error is its entry's; an unrecognized one is classified from the status (or its fallback).
  if let entry = error.entry {
    guard let code = error.code else { violated("an entry without a code") }
    guard code.entry == entry, code.entry.message == entry.message, C(entry: entry) == code else {
      violated("code \(code) and entry \(entry) disagree")
    }
    guard error.isRecognized else { violated("an error with an entry is not recognized") }
    guard error.category == entry.category, error.retry == entry.retry, error.fault == entry.fault else {
      violated("\(entry): classified \(error.category)/\(error.retry)/\(error.fault)")
    }
    guard !expected.outcomeFollowsEntry || error.outcome == entry.outcome else {
      violated("\(entry): outcome \(error.outcome), entry says \(entry.outcome)")
    }
  } else {
    guard error.code == nil, !error.isRecognized else { violated("a code without an entry") }
    guard error.outcome == .failure else { violated("an unrecognized error with outcome \(error.outcome)") }
    let classification = StatusClassification(category: error.category, retry: error.retry, fault: error.fault)
    guard expected.fallback.allows(classification, status: expected.status) else {
      violated(
        "unrecognized, status \(String(describing: expected.status)): \(error.category)/\(error.retry)/\(error.fault)")
    }
  }

  // Raw values are either absent or say something.
  guard error.rawCode != "", error.rawMessage != "" else { violated("an empty raw code or message") }

  checkRetryAfter(error.retryAfterSeconds, expected)
  checkPrivacy(error, expected)
}

func checkBody(_ body: ResponseBody, _ input: [UInt8]) {
  guard body.totalCount == input.count else { violated("body.totalCount \(body.totalCount), input \(input.count)") }
  let kept = min(input.count, ResponseBody.storedLimit)
  guard body.bytes.count == kept, body.bytes.elementsEqual(input.prefix(kept)) else {
    violated("body.bytes is not the input's first \(kept) bytes")
  }
}

func checkRetryAfter(_ seconds: Int?, _ expected: Expectation) {
  guard let value = HTTPHeaderLookup.value("Retry-After", in: expected.headers) else {
    guard seconds == nil else { violated("retryAfterSeconds \(seconds!) without a Retry-After header") }
    return
  }
  // A later clock can only shorten the delay; a delay is never negative.
  let longest = RetryAfter.seconds(from: value, now: expected.before)
  let shortest = RetryAfter.seconds(from: value, now: expected.after)
  switch (seconds, shortest, longest) {
  case (nil, nil, nil):
    break
  case (let seconds?, let shortest?, let longest?):
    guard shortest >= 0, shortest <= seconds, seconds <= longest else {
      violated("Retry-After \(value.debugDescription): \(seconds), expected \(shortest)…\(longest)")
    }
  default:
    violated("Retry-After \(value.debugDescription) read as \(String(describing: seconds))")
  }
}

/// `description` and `errorDescription` never carry the raw message, a long raw code, the parameters or the
/// body (they can hold phone numbers and tokens) beyond what the catalog itself says.
func checkPrivacy<C: CatalogCode>(_ error: ClassifiedError<C>, _ expected: Expectation) {
  let catalogText = Array(
    (error.entry.map { "\($0.table)/\($0.name) (\($0.code)): \($0.message) \($0.title ?? "")" } ?? "").utf8)
  var secrets: [[UInt8]] = []
  if let raw = error.rawMessage, raw != error.entry?.message { secrets.append(Array(raw.utf8)) }
  if let code = error.rawCode { secrets.append(Array(code.utf8)) }
  secrets += error.parameters.values.map { Array($0.utf8) }
  secrets.append(expected.body)
  let texts = [("description", error.description), ("errorDescription", error.errorDescription ?? "")]
  for secret in secrets where secret.count > 24 && !contains(catalogText, secret) {
    for (name, text) in texts where contains(text.utf8, secret) {
      violated("\(name) contains the raw message or the body: \(text.debugDescription)")
    }
  }
  // A recognized error describes itself from its entry alone, and for an entry that covers a range of codes,
  // the code that was sent (a number inside the range, never free text).
  if let entry = error.entry {
    if let reported = error.reportedCode, reported != entry.code {
      guard let sent = Int(reported), entry.codeRange?.contains(sent) == true else {
        violated("reported code \(reported.debugDescription) is neither the entry's nor a code in its range")
      }
    }
    let twin = ClassifiedError<C>(
      .init(
        provider: error.provider, match: CatalogMatch(entry: entry), kind: error.kind, status: error.status,
        rawCode: error.rawCode, body: ResponseBody.empty))
    guard twin.description == error.description, twin.errorDescription == error.errorDescription else {
      violated("description depends on more than the entry: \(error.description.debugDescription)")
    }
  }
  guard !error.description.contains("\n") else { violated("description is not one line") }
}
