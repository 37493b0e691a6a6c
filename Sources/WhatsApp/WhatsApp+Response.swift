package import ErrorCatalog

extension WhatsApp {
  /// The identifiers of a send answer, in the Cloud API and On-Premise shapes alike (the catalog's `answer`:
  /// `{"contacts": [{"input", "wa_id"}], "messages": [{"id", "message_status"}]}`), and of Meta's
  /// `X-FB-Request-ID` and `X-FB-Trace-ID` headers; for the resellers' answers, read in place as Meta's are.
  /// `answer` holds the answer's identifiers, read by the caller with the rest of the body.
  package static func responseReferences(answer: [String: String], headers: [String: String]) -> References {
    References(headerReferences(headers).merging(answer) { _, answer in answer })
  }

  /// Meta's request and trace ids, from the `X-FB-Request-ID` and `X-FB-Trace-ID` headers.
  static func headerReferences(_ headers: [String: String]) -> [String: String] {
    var values: [String: String] = [:]
    values["requestID"] = HTTPHeaderLookup.value("X-FB-Request-ID", in: headers)
    values["traceID"] = HTTPHeaderLookup.value("X-FB-Trace-ID", in: headers)
    return values
  }
}
