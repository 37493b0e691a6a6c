public import ErrorCatalog

extension GENIQ: ResponseClassifier {
  /// Finds the entry of one table for a code or a message, as `errcat explain` does: a message is matched
  /// against the table's entries (placeholders capture), then the text is tried as a code.
  ///
  /// A bare code must be scoped to a table, because `10` is "Could not route message" as a `responseCode`,
  /// "SMSC Congestion" as a `reasonCode` and "Permission is either not granted or has been removed" as a
  /// template code.
  ///
  /// - Parameters:
  ///   - codeOrMessage: A wire code such as `132001`, or a message.
  ///   - table: One of ``tables``, such as `GENIQ.TemplateCode.table`.
  public static func lookup(_ codeOrMessage: String, in table: CatalogTable) -> CatalogMatch? {
    table.lookup(codeOrMessage)
  }

  /// Finds a code or message in every table: at most one match per table, in table order (API responses,
  /// delivery reasons, template codes).
  public static func lookup(_ codeOrMessage: String) -> [CatalogMatch] {
    tables.compactMap { lookup(codeOrMessage, in: $0) }
  }

  /// Classifies one answer of GENIQ's RESTful API (send SMS, send WhatsApp, token and message calls).
  ///
  /// The body's `responseCode` decides, whatever the HTTP status: GENIQ answers errors inside HTTP 200 and
  /// does not document the status of its errors. `"0"` is success; any other code is looked up in the
  /// API response table only (``ResponseCode``), never in the delivery-report or template tables, whose
  /// numbers mean other things. The code may arrive as a string or a number.
  ///
  /// `reference`, `messageIds` (joined with commas) and `responseMessage` come back in `parameters`.
  /// A body without a `responseCode` (HTML, empty, malformed or binary, or JSON of another shape) is
  /// never success, not even with HTTP 200: it gives an unrecognized error classified from the status,
  /// with the body kept. Template management answers use other codes: classify them with
  /// `classifyTemplateResponse(status:headers:body:)`.
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
    guard let code = envelope.code else {
      return .failure(envelope.error(match: nil, status: status, headers: headers, body: body, now: now))
    }
    if code == successCode { return .success }
    let match = ResponseCode.table.match(code: code, message: envelope.message)
    return Classification(envelope.error(match: match, status: status, headers: headers, body: body, now: now))
  }

  /// The `responseCode` of a successful API call.
  static let successCode = "0"

  /// A code as the tables index it: an integer loses leading zeros and a plus sign (`"05"` and `5` give
  /// `"5"`); anything else is kept as it came.
  static func canonicalCode(_ text: String?) -> String? {
    guard let text else { return nil }
    return Int(text).map(String.init) ?? text
  }

  /// The text of a short field worth keeping as a parameter: a string trimmed of surrounding white space,
  /// or a number's literal text.
  static func fieldText(_ value: JSONValue?) -> String? {
    switch value {
    case .string(let text)?:
      guard let first = text.firstIndex(where: { !$0.isWhitespace }),
        let last = text.lastIndex(where: { !$0.isWhitespace })
      else { return nil }
      return String(text[first...last])
    case .number(let text)?:
      return text
    default:
      return nil
    }
  }

  /// The fields of GENIQ's `{"reference", "responseMessage", "responseCode", "messageIds"}` envelope,
  /// shared by API answers and template management answers.
  struct Envelope {
    /// The code as the tables index it.
    var code: String?
    /// The code as the body gave it.
    var rawCode: String?
    var message: String?
    var parameters: [String: String] = [:]
    /// Whether the body names an error in a way other than `responseCode` (an `error` member).
    var hasErrorMember = false

    /// Reads the envelope; with `readingMetaError`, a Graph-style `{"error": {"code", "message"}}` supplies
    /// the code when `responseCode` is missing.
    init(_ json: JSONValue?, readingMetaError: Bool = false) {
      guard let json, json.isObject else { return }
      rawCode = json.member("responseCode", "response_code")?.scalarText
      message = json.member("responseMessage", "response_message")?.messageText
      if let error = json.member("error", "errors"), error != .null {
        hasErrorMember = true
        if readingMetaError, rawCode == nil, error.isObject {
          rawCode = error.member("code")?.scalarText
          message = message ?? error.member("message")?.messageText
        }
      }
      code = GENIQ.canonicalCode(rawCode)
      if let reference = GENIQ.fieldText(json.member("reference")) { parameters["reference"] = reference }
      if let ids = Self.messageIDs(json.member("messageIds", "messageId", "message_ids")) {
        parameters["messageIds"] = ids
      }
      if let message { parameters["responseMessage"] = message }
    }

    /// The message ids, joined with commas: GENIQ returns one id per recipient in an array.
    static func messageIDs(_ value: JSONValue?) -> String? {
      if let elements = value?.arrayValue {
        let ids = elements.compactMap(GENIQ.fieldText)
        return ids.isEmpty ? nil : ids.joined(separator: ",")
      }
      return GENIQ.fieldText(value)
    }

    /// An error carrying this envelope's code, message and parameters.
    func error(
      match: CatalogMatch?, status: Int?, headers: [String: String], body: ResponseBody, now: Double
    ) -> Error {
      Error(
        provider: .geniq, match: match, kind: .response, status: status, headers: headers, rawCode: rawCode,
        rawMessage: message, parameters: parameters, body: body, now: now)
    }
  }
}
