public import ErrorCatalog

extension Wolkvox: ResponseClassifier {
  /// Finds the entry for a code or message, as `errcat explain` does: a message is matched against every
  /// entry (placeholders capture), a bare code only when exactly one entry has it.
  public static func lookup(_ codeOrMessage: String) -> CatalogMatch? {
    Code.table.lookup(codeOrMessage)
  }

  /// Classifies one Wolkvox API answer.
  ///
  /// The body's own `code` is trusted before the HTTP status (Wolkvox sends it as a number or a string),
  /// and its `msg` decides which error it is, since one status covers many messages. Values inside
  /// messages (skill and campaign ids, record counts, limits) come back in `parameters`.
  /// A body that is not JSON, or a message the catalog does not know, gives an unrecognized error
  /// classified from the status, with the body kept.
  ///
  /// - Parameters:
  ///   - status: The HTTP status, if the response had one.
  ///   - headers: The response headers (`Retry-After` is read from them).
  ///   - body: The response body.
  ///   - now: The current time, seconds since 1970, for a `Retry-After` date.
  public static func classify(
    status: Int?, headers: [String: String], body: ResponseBody, now: Double
  ) -> Classification<Error> {
    let envelope = Envelope(body.json)
    var match: CatalogMatch?
    for text in [envelope.message, envelope.errorText].compactMap({ $0 }) {
      match = Code.table.match(message: text, code: envelope.code ?? status.map(String.init))
      if match != nil { break }
    }
    // The body's own 2xx code is success; without one, a 2xx answer is success unless its message is an error.
    if let code = envelope.status, (200..<300).contains(code) { return .success }
    if envelope.status == nil, match == nil, body.isPlainSuccess(status: status) { return .success }
    var parameters: [String: String] = [:]
    if let errorText = envelope.errorText { parameters["error"] = errorText }
    let error = Error(
      provider: .wolkvox, match: match, status: status, headers: headers, rawCode: envelope.code,
      rawMessage: envelope.message ?? envelope.errorText, parameters: parameters, body: body,
      fallbackStatus: envelope.status ?? status, now: now)
    return .failure(error)
  }

  /// The fields of Wolkvox's `{"code", "error", "msg"}` envelope.
  struct Envelope {
    var code: String?
    var status: Int?
    var message: String?
    var errorText: String?

    init(_ json: JSONValue?) {
      guard let json, json.isObject else { return }
      let codeValue = json.member("code", "status_code", "statusCode")
      code = codeValue?.scalarText
      if let number = codeValue?.intValue, (100..<600).contains(number) { status = number }
      message = json.member("msg", "message", "mensaje")?.messageText
      errorText = json.member("error")?.messageText
    }
  }
}
