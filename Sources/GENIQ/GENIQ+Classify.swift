public import ErrorCatalog

extension GENIQ: ResponseClassifier {
  /// Classifies one answer of GENIQ's RESTful API (send SMS, send WhatsApp, token and message calls).
  ///
  /// The body's `responseCode` decides, whatever the HTTP status: GENIQ answers errors inside HTTP 200 and
  /// does not document the status of its errors. The code is looked up in the API response table only
  /// (``ResponseCode``), never in the delivery-report or template tables, whose numbers mean other
  /// things, and its entry's outcome decides: `"0"` (``ResponseCode/success``) is success. The code may
  /// arrive as a string or a number.
  ///
  /// `reference`, `messageIds` (joined with commas) and `responseMessage` come back in `parameters`; the
  /// references hold `requestID` (from `reference`), `messageID` (the first id) and, when there are several,
  /// `messageIDs`, on success too.
  /// A body without a `responseCode` (HTML, empty, malformed or binary, or JSON of another shape) is
  /// never success, not even with HTTP 200: it gives an unrecognized error classified from the status,
  /// with the body kept. Template management answers use other codes: classify them with
  /// `classifyTemplateResponse(status:headers:body:)`.
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
    // One pass over the top-level members finds the code and the message where the catalog's `wire` says;
    // the rest is read from the body by `fields` only when asked for.
    let (rawCode, match, _) = ResponseCode.table.readWire(in: body, status: status)
    let error = Error.Details(
      provider: .geniq, code: match.flatMap { ResponseCode.code(of: $0.entry).map(Code.response) }, match: match,
      kind: .response, status: status, headers: headers, rawCode: rawCode,
      deferred: DeferredFields(reader: fields), body: body, now: seconds)
    return Classification(error)
  }

  /// The raw message, parameters and references of an API answer, read from the body when asked for.
  @Sendable static func fields(_ body: ResponseBody, _: Int, _: [String: String]) -> DeferredFields.Fields {
    let envelope = Envelope(body.json)
    return DeferredFields.Fields(
      rawMessage: envelope.message, parameters: envelope.parameters, references: envelope.references)
  }

  /// The fields of GENIQ's `{"reference", "responseMessage", "responseCode", "messageIds"}` envelope,
  /// shared by API answers and template management answers.
  struct Envelope {
    /// The code as the body gave it.
    var rawCode: String?
    var message: String?
    var parameters: [String: String] = [:]
    var references = References.none
    /// Whether the body names an error in a way other than `responseCode` (an `error` member).
    var hasErrorMember = false

    /// Reads the envelope; with `readingMetaError`, a Graph-style `{"error": {"code", "message"}}` supplies
    /// the code when `responseCode` is missing.
    init(_ json: JSONValue?, readingMetaError: Bool = false) {
      guard let json, json.isObject, let wire = ResponseCode.table.wire else { return }
      rawCode = json.member(wire.code)?.scalarText
      message = json.member(wire.message)?.messageText
      let names = GENIQ.EnvelopeNames.self
      if let error = json.member(names.metaError), error != .null {
        hasErrorMember = true
        if readingMetaError, rawCode == nil, error.isObject {
          rawCode = error.member(names.metaErrorCode)?.scalarText
          message = message ?? error.member(names.metaErrorMessage)?.messageText
        }
      }
      wire.fields.parameters(in: json, into: &parameters)
      if let message { parameters["responseMessage"] = message }
      references = wire.fields.references(in: json)
    }

    /// An error carrying this envelope's code, message and parameters.
    func error(
      match: CatalogMatch?, status: Int?, headers: [String: String], body: ResponseBody, now: Double
    ) -> Error.Details {
      Error.Details(
        provider: .geniq, match: match, kind: .response, status: status, headers: headers, rawCode: rawCode,
        rawMessage: message, parameters: parameters, references: references, body: body, now: now)
    }
  }
}
