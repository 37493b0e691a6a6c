package import ErrorCatalog

extension WhatsApp {
  /// The Graph API `error` object in a body: `{"error": {…}}`, the Marketing Messages wrapper
  /// `{"detail": {"error": {…}}}`, or the inner object itself. `nil` when the body holds none, or holds an
  /// `error` member of another shape (a Graph error always has a code or a message).
  package static func graphError(in json: JSONValue?) -> ErrorItem? {
    guard let json else { return nil }
    let shape = itemShape
    let object: JSONValue
    if let inner = json.member(shape.container), inner.isObject {
      object = inner
    } else if let inner = json.member(shape.wrapper)?.member(shape.container), inner.isObject {
      object = inner
    } else if json.member(shape.itemMarkers) != nil {
      object = json
    } else {
      return nil
    }
    guard let codeValue = object.member(shape.code), codeValue.scalarText != nil || object.member(shape.message) != nil
    else { return nil }
    return ErrorItem(object)
  }

  /// The identifiers of a send answer, in the Cloud API and On-Premise shapes alike (the catalog's `answer`:
  /// `{"contacts": [{"input", "wa_id"}], "messages": [{"id", "message_status"}]}`), and of Meta's
  /// `X-FB-Request-ID` and `X-FB-Trace-ID` headers; for the resellers, whose envelopes are read as a tree.
  package static func responseReferences(in json: JSONValue?, headers: [String: String]) -> References {
    References(headerReferences(headers).merging(json?.answerReferences(answerShape) ?? [:]) { _, answer in answer })
  }

  /// Meta's request and trace ids, from the `X-FB-Request-ID` and `X-FB-Trace-ID` headers.
  static func headerReferences(_ headers: [String: String]) -> [String: String] {
    var values: [String: String] = [:]
    values["requestID"] = HTTPHeaderLookup.value("X-FB-Request-ID", in: headers)
    values["traceID"] = HTTPHeaderLookup.value("X-FB-Trace-ID", in: headers)
    return values
  }
}
