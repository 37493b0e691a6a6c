public import ErrorCatalog
public import Foundation

extension MockTransport {
  /// One answer of a ``MockTransport``: a catalog sample, any other HTTP response, or a transport failure.
  public struct Answer: Sendable {
    enum Content {
      case response(status: Int, headers: [String: String], body: Data)
      case failure(URLError.Code)
    }

    let content: Content

    /// The sample of a catalog entry, with its status, body and the headers
    /// ``CatalogSamples/headers(for:)`` gives it (only the headers its provider sends).
    public static func sample(_ entry: CatalogEntry) -> Answer {
      Answer(
        content: .response(
          status: entry.sample.status ?? 200, headers: CatalogSamples.headers(for: entry),
          body: Data(entry.sample.body.utf8)))
    }

    /// The sample of a catalog code, such as `.sample(Wolkvox.Code.tokenLimitExceeded)`.
    public static func sample(_ code: some CatalogCode) -> Answer {
      sample(code.entry)
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
