public import ErrorCatalog
public import Foundation

extension MockTransport {
  /// One answer of a ``MockTransport``: a catalog sample, any other HTTP response, or a transport failure.
  public struct Answer: Sendable {
    enum Content {
      case response(status: Int, headers: [String: String], body: Data)
      case failure(URLError.Code)
      /// A sample that is not an answer to a request: the session throws, with this explanation.
      case notAnAnswer(String)
    }

    let content: Content

    /// The sample of a catalog entry, with its status, body and the headers
    /// ``CatalogSamples/headers(for:)`` gives it (only the headers its provider sends), plus `headers`
    /// (which win over the sample's).
    ///
    /// Only an answer to a request can be served: a webhook or delivery-report sample (Meta's 131047 comes
    /// in a status webhook) is not one, since a transport serving it would answer HTTP 200 with a webhook
    /// body, which a `classify` call reads as a success. Its request fails instead: the session throws a
    /// `URLError` (`.cannotParseResponse`) whose description names the sample and says what to do, so the
    /// test fails with that message and the other tests go on. Hand those samples to
    /// `classifyWebhook(body:)` or `GENIQ.classifyReport(body:)`, or to
    /// ``CatalogSamples/classify(_:)-(CatalogEntry)``.
    public static func sample(_ entry: CatalogEntry, headers: [String: String] = [:]) -> Answer {
      sample(entry, named: "\(entry.provider.rawValue)/\(entry.table)/\(entry.name)", headers: headers)
    }

    static func sample(_ entry: CatalogEntry, named name: String, headers: [String: String]) -> Answer {
      guard entry.sample.kind == .response else {
        return Answer(
          content: .notAnAnswer(
            "MockTransport: \(name) is a \(entry.sample.kind.rawValue) sample, not an answer to a request: classify "
              + "it with classifyWebhook(body:) or classifyReport(body:) instead of serving it"))
      }
      return Answer(
        content: .response(
          status: entry.sample.status ?? 200,
          headers: CatalogSamples.headers(for: entry).merging(headers) { _, given in given },
          body: Data(entry.sample.body.utf8)))
    }

    /// The sample of a catalog code, such as `.sample(Wolkvox.Code.tokenLimitExceeded)`, with `headers` added
    /// (as the form that takes a `CatalogEntry` does).
    public static func sample(_ code: some CatalogCode, headers: [String: String] = [:]) -> Answer {
      // "Dialog360.Code graph/reEngagementMessage (131047)": the type the test named, and the entry.
      let type = String(reflecting: Swift.type(of: code)).split(separator: ".").suffix(2).joined(separator: ".")
      return sample(code.entry, named: "\(type) \(code)", headers: headers)
    }

    /// An HTTP response of your own, such as the success answer of the call under test.
    ///
    /// - Parameters:
    ///   - status: The HTTP status.
    ///   - headers: The response headers.
    ///   - body: The body, sent as UTF-8.
    public static func response(status: Int, headers: [String: String] = [:], body: String) -> Answer {
      Answer(content: .response(status: status, headers: headers, body: Data(body.utf8)))
    }

    /// A failure before any answer arrived: the session throws a `URLError` with this code (for
    /// example `.timedOut` or `.notConnectedToInternet`).
    public static func failure(_ code: URLError.Code) -> Answer {
      Answer(content: .failure(code))
    }
  }
}
