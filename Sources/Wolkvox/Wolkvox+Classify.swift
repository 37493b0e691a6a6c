public import ErrorCatalog

extension Wolkvox: ResponseClassifier {
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
  ///   - now: The current time, for a `Retry-After` date.
  public static func classify(
    status: Int?, headers: [String: String], body: ResponseBody, now: WallClockTime
  ) -> Classification<Error> {
    let seconds = now.secondsSince1970
    // One pass over the top-level members finds the code and the message where the catalog's `wire` says
    // (`code`; `msg`, else `error`); the rest is read from the body by `fields` only when asked for.
    let (rawCode, match, isJSON) = Code.table.readWire(in: body, status: status)
    let bodyStatus = rawCode.flatMap { Int($0) }.flatMap { (100..<600).contains($0) ? $0 : nil }
    let deferred = DeferredFields(reader: fields)
    // The body's own 2xx code is success; without one, a 2xx answer is success unless its message is an error.
    let succeeded =
      bodyStatus.map { (200..<300).contains($0) }
      ?? (match == nil && body.isPlainSuccess(status: status, isJSON: isJSON))
    if succeeded {
      return .success(
        ProviderSuccess(provider: .wolkvox, kind: .response, status: status, deferred: deferred, body: body))
    }
    let error = Error.Details(
      provider: .wolkvox, code: match.flatMap { Code.code(of: $0.entry) }, match: match, status: status,
      headers: headers, rawCode: rawCode, deferred: deferred,
      body: body, fallbackStatus: bodyStatus ?? status, now: seconds)
    return Classification(error)
  }

  /// The raw message, parameters and references, read from the body when asked for.
  @Sendable static func fields(_ body: ResponseBody, _: Int, _: [String: String]) -> DeferredFields.Fields {
    let envelope = Envelope(body.json)
    var parameters: [String: String] = [:]
    if let errorText = envelope.errorText { parameters["error"] = errorText }
    return DeferredFields.Fields(
      rawMessage: envelope.message ?? envelope.errorText, parameters: parameters, references: envelope.references)
  }

  /// The fields of Wolkvox's `{"code", "error", "msg"}` envelope.
  struct Envelope {
    var code: String?
    var status: Int?
    var message: String?
    var errorText: String?
    var references = References.none

    init(_ json: JSONValue?) {
      guard let json, json.isObject, let wire = Code.table.wire else { return }
      let codeValue = json.member(wire.code)
      code = codeValue?.scalarText
      if let number = codeValue?.intValue, (100..<600).contains(number) { status = number }
      message = json.member(wire.message)?.messageText
      errorText = wire.alternateMessage.flatMap { json.member($0) }?.messageText
      references = wire.fields.references(in: json)
    }
  }
}
