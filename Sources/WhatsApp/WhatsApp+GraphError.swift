public import ErrorCatalog

extension WhatsApp {
  /// The fields of a Graph API `error` object, as Meta's Cloud API sends it and as 360dialog and Cequens pass
  /// it through: `{"error": {"message", "type", "code", "error_subcode", "error_data": {"details"},
  /// "error_user_title", "error_user_msg", "is_transient", "fbtrace_id"}}`.
  public struct GraphError: Sendable, Hashable {
    /// `code`, as text.
    public var code: String?
    /// `error_subcode`, as text.
    public var subcode: String?
    /// `type`, such as `OAuthException`.
    public var type: String?
    /// `message`, such as `(#130429) Rate limit hit`.
    public var message: String?
    /// `error_data.details`.
    public var details: String?
    /// `error_user_title`.
    public var userTitle: String?
    /// `error_user_msg`.
    public var userMessage: String?
    /// `is_transient`.
    public var isTransient: Bool?
    /// `fbtrace_id`, for Meta support.
    public var traceID: String?

    /// Reads the Graph error in a body: `{"error": {…}}`, the Marketing Messages wrapper
    /// `{"detail": {"error": {…}}}`, or the inner object itself. `nil` when the body holds none.
    public init?(_ json: JSONValue?) {
      guard let json else { return nil }
      let object: JSONValue
      if let inner = json.member("error"), inner.isObject {
        object = inner
      } else if let inner = json.member("detail")?.member("error"), inner.isObject {
        object = inner
      } else if json.member("fbtrace_id") != nil || json.member("error_subcode") != nil {
        object = json
      } else {
        return nil
      }
      // A Graph error always has a code or a message; anything else is somebody else's `error` object.
      guard let codeValue = object.member("code"), codeValue.scalarText != nil || object.member("message") != nil
      else { return nil }
      code = codeValue.scalarText
      subcode = object.member("error_subcode")?.scalarText
      type = object.member("type")?.scalarText
      message = object.member("message")?.messageText
      details = object.member("error_data")?.member("details")?.messageText
      userTitle = object.member("error_user_title")?.messageText
      userMessage = object.member("error_user_msg")?.messageText
      if case .bool(let transient)? = object.member("is_transient") { isTransient = transient }
      traceID = object.member("fbtrace_id")?.scalarText
    }

    /// The message without Meta's `(#130429) ` prefix, for matching.
    public var bareMessage: String? {
      guard let message else { return nil }
      guard message.hasPrefix("(#"), let close = message.firstIndex(of: ")") else { return message }
      return String(message[message.index(after: close)...]).trimmingPrefixSpaces()
    }

    /// The details worth keeping on a classified error, by parameter name. The code and Meta's message are
    /// included, so an error the catalog does not know still shows them in `errcat` and in logs.
    public var parameters: [String: String] {
      var out: [String: String] = [:]
      out["code"] = code
      out["message"] = message
      out["subcode"] = subcode
      out["type"] = type
      out["details"] = details
      out["userTitle"] = userTitle
      out["userMessage"] = userMessage
      out["isTransient"] = isTransient.map { $0 ? "true" : "false" }
      out["traceID"] = traceID
      return out
    }
  }
}

extension String {
  func trimmingPrefixSpaces() -> String {
    String(drop(while: { $0 == " " }))
  }
}
