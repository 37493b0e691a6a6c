/// A provider whose synchronous answers can be classified from status, headers and body.
public protocol ResponseClassifier {
  /// The provider's classified error.
  associatedtype Failure: ProviderError
  /// Classifies one synchronous API answer.
  ///
  /// - Parameters:
  ///   - status: The HTTP status, if the response had one.
  ///   - headers: The response headers (`Retry-After` is read from them).
  ///   - body: The response body, as kept by ``ResponseBody``.
  ///   - now: The current time, to turn a `Retry-After` date into a delay (``WallClockTime/now``, or a
  ///     fixed moment in a test).
  static func classify(
    status: Int?, headers: [String: String], body: ResponseBody, now: WallClockTime
  ) -> Classification<Failure>
}

extension ResponseClassifier {
  /// Classifies one synchronous API answer: the HTTP status (if any), the headers and the body's bytes.
  public static func classify(
    status: Int?, headers: [String: String] = [:], body: [UInt8]
  ) -> Classification<Failure> {
    classify(status: status, headers: headers, body: ResponseBody(body), now: .now)
  }

  /// Classifies one synchronous API answer whose body is text.
  public static func classify(
    status: Int?, headers: [String: String] = [:], body: String
  ) -> Classification<Failure> {
    classify(status: status, headers: headers, body: Array(body.utf8))
  }

  /// Classifies one synchronous API answer whose headers are name/value pairs in the order they arrived,
  /// repeated names included, as HTTP clients keep them: an array, or AsyncHTTPClient's `HTTPHeaders`
  /// (`headers.map { ($0.name, $0.value) }`) and swift-http-types' `HTTPFields`
  /// (`fields.map { ($0.name.rawName, $0.value) }`).
  ///
  /// Names are compared ignoring case. Where a name is repeated, its **first** occurrence is the one read:
  /// two `Retry-After` headers give the first one's delay.
  ///
  /// ```swift
  /// let outcome = Wolkvox.classify(status: 429, headers: [("Retry-After", "30")], body: bytes)
  /// ```
  public static func classify(
    status: Int?, headers: some Sequence<(String, String)>, body: [UInt8]
  ) -> Classification<Failure> {
    classify(status: status, headers: HTTPHeaderLookup.firstValues(headers), body: body)
  }

  /// Classifies one synchronous API answer whose headers are name/value pairs and whose body is text; the
  /// first occurrence of a repeated header is the one read.
  public static func classify(
    status: Int?, headers: some Sequence<(String, String)>, body: String
  ) -> Classification<Failure> {
    classify(status: status, headers: HTTPHeaderLookup.firstValues(headers), body: Array(body.utf8))
  }
}

/// A provider whose status webhooks can be classified: one classification per event the webhook reports.
public protocol WebhookClassifier {
  /// The provider's classified error.
  associatedtype Failure: ProviderError
  /// Classifies one webhook body: one classification per status or error it carries, in document order.
  ///
  /// A delivered or read status is a ``Classification/success(_:)`` that keeps the message id,
  /// recipient, status and timestamp in its references; a sent status is ``Classification/pending(_:)``
  /// (the message can still fail; retry `notNeeded`); a failed status, or an error reported outside any
  /// status, is a ``Classification/failure(_:)``. A body that is not JSON at all gives one
  /// unrecognized failure; a JSON body that reports nothing gives an empty array.
  static func classifyWebhook(body: [UInt8]) -> [Classification<Failure>]
}

extension WebhookClassifier {
  /// Classifies one webhook body given as text.
  public static func classifyWebhook(body: String) -> [Classification<Failure>] {
    classifyWebhook(body: Array(body.utf8))
  }
}
