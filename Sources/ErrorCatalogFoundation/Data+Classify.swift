public import ErrorCatalog
public import Foundation

extension ResponseClassifier {
  /// Classifies one synchronous API answer whose body is `Data`, as HTTP clients built on Foundation hand it
  /// over; the same as the `[UInt8]` call (at most `ResponseBody.storedLimit` bytes are kept).
  ///
  /// ```swift
  /// let outcome = Yeastar.classify(status: 200, body: data)
  /// ```
  public static func classify(status: Int?, headers: [String: String] = [:], body: Data) -> Classification<Failure> {
    classify(status: status, headers: headers, body: ResponseBody(body), now: .now)
  }
}

extension WebhookClassifier {
  /// Classifies one webhook body given as `Data`, such as a server framework's request body; the same as the
  /// `[UInt8]` call.
  ///
  /// ```swift
  /// for outcome in Dialog360.classifyWebhook(body: data) { … }
  /// ```
  public static func classifyWebhook(body: Data) -> [Classification<Failure>] {
    classifyWebhook(body: [UInt8](body))
  }
}
