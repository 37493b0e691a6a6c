public import ErrorCatalog
import ErrorCatalogFoundation
public import Foundation

#if canImport(FoundationNetworking)
  public import FoundationNetworking
#endif

/// Every catalog's sample wire answers, ready for tests: as `URLSession` would hand them back, and
/// classified by the right call of the right provider.
///
/// Each catalog entry carries a sample (`CatalogEntry.sample`): the status and body the provider sends
/// with that code. Feed them to your error paths instead of hand-writing provider bodies:
///
/// ```swift
/// let (data, response) = CatalogSamples.response(for: Wolkvox.Code.tokenLimitExceeded)
/// let outcome = Wolkvox.classify(response, data: data)
/// ```
///
/// Headers: a sample carries the headers its catalog gives it (only headers the provider really sends), plus
/// `Content-Type` (`application/json` for a JSON body, `text/html` for HTML, `text/plain` otherwise) when it
/// has none. No `Retry-After` is added: a provider that states its wait in the body or in a rate-limit
/// header must be tested with that, not with a header it never sends.
public enum CatalogSamples {
  /// Formerly the `Retry-After` delay added to rate-limit samples; samples no longer get a header their
  /// provider does not send.
  @available(*, deprecated, message: "Samples carry only the headers their provider sends; none gets Retry-After")
  public static let defaultRetryAfterSeconds = 1

  /// Every entry of every provider's catalog, once each (Meta's codes appear once, under `whatsapp`, though
  /// 360dialog and Cequens pass them through).
  public static let allEntries: [CatalogEntry] = {
    var seen: Set<String> = []
    return everyProvidersTables.filter { seen.insert("\($0.provider.rawValue)/\($0.id)").inserted }.flatMap(\.entries)
  }()

  /// The headers `entry`'s sample is answered with: its own, plus the defaults described on
  /// ``CatalogSamples``.
  public static func headers(for entry: CatalogEntry) -> [String: String] {
    var headers = entry.sample.headers
    func has(_ name: String) -> Bool { headers.keys.contains { $0.caseInsensitiveCompare(name) == .orderedSame } }
    if !has("Content-Type") { headers["Content-Type"] = contentType(of: entry.sample.body) }
    return headers
  }

  /// `entry`'s sample as `URLSession` hands an answer back: the body, and an `HTTPURLResponse` with its
  /// status and ``headers(for:)``. Webhooks and delivery reports, which have no status of their own, come
  /// as HTTP 200.
  ///
  /// - Parameters:
  ///   - entry: The catalog entry whose sample to answer with.
  ///   - url: The URL the response says it answers.
  public static func response(
    for entry: CatalogEntry, url: URL = URL(fileURLWithPath: "/")
  ) -> (data: Data, response: HTTPURLResponse) {
    (
      Data(entry.sample.body.utf8),
      httpResponse(status: entry.sample.status ?? 200, headers: headers(for: entry), url: url)
    )
  }

  /// `code`'s sample as `URLSession` hands an answer back; see ``response(for:url:)-(CatalogEntry,_)``.
  public static func response(
    for code: some CatalogCode, url: URL = URL(fileURLWithPath: "/")
  ) -> (data: Data, response: HTTPURLResponse) {
    response(for: code.entry, url: url)
  }

  /// Classifies `entry`'s sample with the call its provider and kind need, with the headers
  /// ``headers(for:)`` gives it:
  ///
  /// - a synchronous answer: the provider's `classify(status:headers:body:)`, or, for GENIQ's template
  ///   table, `GENIQ.classifyTemplateResponse(status:headers:body:)`;
  /// - a webhook: the provider's `classifyWebhook(body:)`, one classification per event;
  /// - a delivery report (GENIQ's reason and status tables): `GENIQ.classifyReport(body:)`.
  ///
  /// A report's status decides before its reason, so GENIQ's reason-code samples whose outcome is success
  /// come back as a success through the `delivered` status entry.
  ///
  /// - Returns: One classification per event the sample reports, in order; one for a response or a
  ///   report.
  public static func classify(_ entry: CatalogEntry) -> [SampleClassification] {
    classify(entry, through: entry.provider)
  }

  /// Classifies `entry`'s sample with `provider`'s calls: a reseller's (360dialog's, Cequens') for a Meta
  /// entry it passes through, so that the errors are the reseller's type.
  static func classify(_ entry: CatalogEntry, through provider: ProviderID) -> [SampleClassification] {
    classifySample(entry, through: provider, headers: headers(for: entry)) ?? []
  }

  /// Classifies `code`'s sample; see ``classify(_:)-(CatalogEntry)``. A reseller's code for a Meta error
  /// (`Dialog360.Code.cloudAPI(_:)`, `Cequens.Code.cloudAPI(_:)`) goes through the reseller's calls, as its
  /// answers do in production: the error is a `Dialog360.Error` or `Cequens.Error`.
  public static func classify(_ code: some CatalogCode) -> [SampleClassification] {
    classify(code.entry, through: provider(classifying: code))
  }

  static func httpResponse(status: Int, headers: [String: String], url: URL) -> HTTPURLResponse {
    guard let response = HTTPURLResponse(url: url, statusCode: status, httpVersion: "HTTP/1.1", headerFields: headers)
    else { preconditionFailure("HTTPURLResponse refused status \(status)") }
    return response
  }

  static func contentType(of body: String) -> String {
    switch body.first(where: { !$0.isWhitespace }) {
    case "{", "[": "application/json"
    case "<": "text/html"
    default: "text/plain"
    }
  }
}
