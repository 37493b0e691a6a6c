public import ErrorCatalog

extension GENIQ {
  /// Classifies one answer of GENIQ's WhatsApp template management calls
  /// (`/rest/v1/whatsapp/message_templates`: create, list, delete).
  ///
  /// These answers use the API envelope, but their `responseCode` holds Meta's Graph codes, so it is looked
  /// up in the template table only (``TemplateCode``), whatever the HTTP status. There `0` is "Access
  /// token expired/revoked", a failure, and not the API table's success.
  ///
  /// Success is accepted conservatively, only where nothing can be an error:
  /// - `responseCode` `0` with the `responseMessage` "Success" (``TemplateCode/success``): GENIQ's
  ///   create-template page lists "0: Success" among the answers of that call. `0` with any other message,
  ///   or none, is ``TemplateCode/accessTokenRevoked``, since the table never infers success.
  /// - An HTTP 2xx JSON answer with no `responseCode`, no `responseMessage` and no `error` member (a
  ///   template or a list of templates), and HTTP 204 with an empty body.
  ///
  /// A Graph-style `{"error": {"code", "message"}}` is read when there is no `responseCode`. Anything else
  /// (HTML, empty, malformed, binary, or an unknown code) gives an unrecognized error classified from the
  /// HTTP status, with the body kept. GENIQ's own codes that only the API table has (88, 311, 312) are not
  /// borrowed from it: they come back unrecognized, with the code in `rawCode`.
  ///
  /// - Parameters:
  ///   - status: The HTTP status, if the response had one.
  ///   - headers: The response headers (`Retry-After` is read from them).
  ///   - body: The response body.
  public static func classifyTemplateResponse(
    status: Int?, headers: [String: String] = [:], body: [UInt8]
  ) -> Classification<Error> {
    classifyTemplateResponse(
      status: status, headers: headers, body: ResponseBody(body), now: WallClock.now)
  }

  /// Classifies one template management answer whose body is any collection of bytes, such as Foundation's
  /// `Data` or a server framework's buffer view, as the `[UInt8]` overload does (at most
  /// `ResponseBody.storedLimit` bytes are kept).
  public static func classifyTemplateResponse<Bytes: Collection<UInt8>>(
    status: Int?, headers: [String: String] = [:], body: Bytes
  ) -> Classification<Error> {
    classifyTemplateResponse(status: status, headers: headers, body: ResponseBody(body), now: WallClock.now)
  }

  /// Classifies one template management answer whose body is text, as the byte overload does.
  public static func classifyTemplateResponse(
    status: Int?, headers: [String: String] = [:], body: String
  ) -> Classification<Error> {
    classifyTemplateResponse(status: status, headers: headers, body: Array(body.utf8))
  }

  /// Classifies one template management answer whose headers are name/value pairs in the order they
  /// arrived; the first occurrence of a repeated header is the one read.
  public static func classifyTemplateResponse(
    status: Int?, headers: some Sequence<(String, String)>, body: [UInt8]
  ) -> Classification<Error> {
    classifyTemplateResponse(status: status, headers: HTTPHeaderLookup.firstValues(headers), body: body)
  }

  /// Classifies one template management answer whose headers are name/value pairs and whose body is text;
  /// the first occurrence of a repeated header is the one read.
  public static func classifyTemplateResponse(
    status: Int?, headers: some Sequence<(String, String)>, body: String
  ) -> Classification<Error> {
    classifyTemplateResponse(status: status, headers: HTTPHeaderLookup.firstValues(headers), body: Array(body.utf8))
  }

  static func classifyTemplateResponse(
    status: Int?, headers: [String: String], body: ResponseBody, now: Double
  ) -> Classification<Error> {
    let json = body.json
    let envelope = Envelope(json, readingMetaError: true)
    if let code = envelope.rawCode {
      let match = TemplateCode.table.match(code: code, message: envelope.message)
      return Classification(envelope.error(match: match, status: status, headers: headers, body: body, now: now))
    }
    if let status, (200..<300).contains(status) {
      let isPlainJSON: Bool
      switch json {
      case .object?: isPlainJSON = envelope.message == nil && !envelope.hasErrorMember
      case .array?: isPlainJSON = true
      default: isPlainJSON = false
      }
      if isPlainJSON || (status == 204 && body.isBlank) {
        return .success(
          ProviderSuccess(provider: .geniq, kind: .response, status: status, references: envelope.references))
      }
    }
    return Classification(envelope.error(match: nil, status: status, headers: headers, body: body, now: now))
  }
}
