// URLSession exists on Apple platforms (in Foundation) and on Linux, Android and Windows (in
// FoundationNetworking); where it does not (WASI), this module keeps only the `LocalizedError` conformance.
#if canImport(FoundationNetworking) || canImport(Darwin)
  public import ErrorCatalog
  public import Foundation

  #if canImport(FoundationNetworking)
    public import FoundationNetworking
  #endif

  extension ResponseClassifier {
    /// Classifies what `URLSession` handed back: the response's status and headers, and the data.
    ///
    /// A response that is not an `HTTPURLResponse` (a `file:` URL, say) is classified from the body alone.
    /// Foundation joins repeated headers into one value separated by commas; for `Retry-After` the first
    /// value is the one read, as the other `classify` calls read a repeated header's first occurrence.
    ///
    /// ```swift
    /// let (data, response) = try await URLSession.shared.data(for: request)
    /// let outcome = Wolkvox.classify(response, data: data)
    /// ```
    ///
    /// - Parameters:
    ///   - response: The response, as `URLSession` returned it.
    ///   - data: The body.
    ///   - now: The current time, to turn a `Retry-After` date into a delay; pass a fixed date in tests.
    public static func classify(_ response: URLResponse?, data: Data, now: Date = Date()) -> Classification<Failure> {
      let http = response as? HTTPURLResponse
      var headers: [String: String] = [:]
      for (name, value) in http?.allHeaderFields ?? [:] {
        guard let name = name as? String, let value = value as? String else { continue }
        headers[name] = name.caseInsensitiveCompare("Retry-After") == .orderedSame ? firstRetryAfter(value) : value
      }
      // ResponseBody copies at most its stored limit out of `data`, however large the download.
      return classify(
        status: http?.statusCode, headers: headers, body: ResponseBody(data),
        now: WallClockTime(secondsSince1970: now.timeIntervalSince1970))
    }

    /// The first of the `Retry-After` values Foundation joined with commas: a delay ends at its comma, a date
    /// (which has commas of its own) at its `GMT`.
    private static func firstRetryAfter(_ value: String) -> String {
      guard let comma = value.firstIndex(of: ",") else { return value }
      let head = value[..<comma].trimmingCharacters(in: .whitespaces)
      if !head.isEmpty, head.allSatisfy(\.isASCII), head.allSatisfy(\.isNumber) { return head }
      if let zone = value.range(of: "GMT") { return String(value[..<zone.upperBound]) }
      return value
    }
  }
#endif
