public import ErrorCatalog

extension WhatsApp {
  /// One error reported by a WhatsApp status webhook, with the message it belongs to.
  ///
  /// Both webhook shapes are read: the Cloud API's `{"entry": [{"changes": [{"value": {"statuses": […]}}]}]}`
  /// (and errors directly under `value.errors`), and the On-Premise API's top-level `{"statuses": […]}`.
  public struct WebhookFailure: Sendable, Hashable {
    /// `code`, as text.
    public var code: String?
    /// `title`.
    public var title: String?
    /// `message` (Cloud API).
    public var message: String?
    /// `error_data.details`, or the On-Premise `details`.
    public var details: String?
    /// `href`.
    public var href: String?
    /// The status's `id`: the message the error belongs to.
    public var messageID: String?
    /// The status's `recipient_id`.
    public var recipient: String?
    /// The status's `status`, such as `failed`.
    public var status: String?
    /// The status's `timestamp`.
    public var timestamp: String?
    /// Whether the webhook used the Cloud API's `entry[].changes[]` envelope.
    public var isCloudAPI: Bool

    /// The message to match: the title, else the message, else the details.
    public var matchText: String? { title ?? message ?? details }

    /// The details worth keeping on a classified error, by parameter name.
    public var parameters: [String: String] {
      var out: [String: String] = [:]
      out["messageID"] = messageID
      out["recipient"] = recipient
      out["status"] = status
      out["timestamp"] = timestamp
      out["title"] = title
      out["details"] = details
      out["href"] = href
      if let message, message != title { out["message"] = message }
      return out
    }
  }

  /// The statuses whose delivery failed, in a webhook body, one failure per failed status (the first error
  /// of each), plus errors reported outside any status. Delivered, read and sent statuses give nothing.
  public static func webhookFailures(in json: JSONValue?) -> [WebhookFailure] {
    guard let json else { return [] }
    var failures: [WebhookFailure] = []
    if let statuses = json.member("statuses")?.arrayValue {
      failures += statusFailures(statuses, isCloudAPI: false)
    }
    if let errors = json.member("errors")?.arrayValue, json.member("statuses") != nil || json.member("contacts") != nil
    {
      failures += errors.map { failure($0, status: nil, isCloudAPI: false) }
    }
    for entry in json.member("entry")?.arrayValue ?? [] {
      for change in entry.member("changes")?.arrayValue ?? [] {
        guard let value = change.member("value") else { continue }
        failures += statusFailures(value.member("statuses")?.arrayValue ?? [], isCloudAPI: true)
        failures += (value.member("errors")?.arrayValue ?? []).map { failure($0, status: nil, isCloudAPI: true) }
      }
    }
    return failures
  }

  static func statusFailures(_ statuses: [JSONValue], isCloudAPI: Bool) -> [WebhookFailure] {
    statuses.compactMap { status in
      let errors = status.member("errors")?.arrayValue ?? []
      let state = status.member("status")?.scalarText?.lowercased()
      if let first = errors.first { return failure(first, status: status, isCloudAPI: isCloudAPI) }
      guard state == "failed" else { return nil }
      return failure(.object([]), status: status, isCloudAPI: isCloudAPI)
    }
  }

  static func failure(_ error: JSONValue, status: JSONValue?, isCloudAPI: Bool) -> WebhookFailure {
    WebhookFailure(
      code: error.member("code")?.scalarText,
      title: error.member("title")?.messageText,
      message: error.member("message")?.messageText,
      details: error.member("error_data")?.member("details")?.messageText ?? error.member("details")?.messageText,
      href: error.member("href")?.scalarText,
      messageID: status?.member("id")?.scalarText,
      recipient: status?.member("recipient_id")?.scalarText,
      status: status?.member("status")?.scalarText,
      timestamp: status?.member("timestamp")?.scalarText,
      isCloudAPI: isCloudAPI)
  }
}
