public import ErrorCatalog
public import Foundation

#if canImport(FoundationNetworking)
  public import FoundationNetworking
#endif

extension ResponseClassifier {
  /// Classifies what `URLSession` handed back: the response's status and headers, and the data.
  ///
  /// A response that is not an `HTTPURLResponse` (a `file:` URL, say) is classified from the body alone.
  public static func classify(_ response: URLResponse?, data: Data) -> Classification<Failure> {
    let http = response as? HTTPURLResponse
    var headers: [String: String] = [:]
    for (name, value) in http?.allHeaderFields ?? [:] {
      if let name = name as? String, let value = value as? String { headers[name] = value }
    }
    // ResponseBody copies at most its stored limit out of `data`, however large the download.
    return classify(
      status: http?.statusCode, headers: headers, body: ResponseBody(data), now: Date().timeIntervalSince1970)
  }
}
