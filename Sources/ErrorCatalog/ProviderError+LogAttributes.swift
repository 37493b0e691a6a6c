extension ProviderError {
  /// The error as flat attributes for a log line or a tracing span, safe to record: names follow
  /// OpenTelemetry's semantic conventions where one exists, and use the `errcat.` prefix otherwise.
  ///
  /// | attribute | value |
  /// | --- | --- |
  /// | `error.type` | `provider.table.name` of the entry (`wolkvox.api.tokenLimitExceeded`), or `provider.unrecognized` |
  /// | `http.response.status_code` | the HTTP status, when there was one |
  /// | `errcat.provider` | the provider that answered (`360dialog`), which can differ from the entry's catalog |
  /// | `errcat.code` | the entry's wire code; for an unrecognized error, the raw code only when it is a short number |
  /// | `errcat.category`, `errcat.retry`, `errcat.fault`, `errcat.outcome`, `errcat.kind` | the classification |
  /// | `errcat.situation` | the provider-independent situation, when the entry names one |
  /// | `errcat.retry_after` | the `Retry-After` delay in seconds, when the response had one |
  /// | `errcat.wait`, `errcat.wait_source` | the wait in seconds and where it comes from (``RetryWait``), when there is one |
  /// | `errcat.delivery` | what became of the request (``Delivery``) |
  /// | `errcat.message_id`, `errcat.request_id`, `errcat.trace_id` | the identifiers support asks for, when present |
  ///
  /// Never included: the body, the raw message, parameters captured from it, or the recipient, since those
  /// can hold phone numbers, names and tokens. Absent values are left out rather than written empty.
  ///
  /// ```swift
  /// logger.warning("send failed", metadata: error.logAttributes.mapValues { .string($0) })
  /// ```
  public var logAttributes: [String: String] {
    var attributes: [String: String] = [
      "errcat.provider": provider.rawValue,
      "errcat.category": category.rawValue,
      "errcat.retry": retry.rawValue,
      "errcat.fault": fault.rawValue,
      "errcat.outcome": outcome.rawValue,
      "errcat.kind": kind.rawValue,
    ]
    if let entry {
      attributes["error.type"] = "\(entry.provider.rawValue).\(entry.table).\(entry.name)"
      attributes["errcat.code"] = reportedCode ?? entry.code
    } else {
      attributes["error.type"] = "\(provider.rawValue).unrecognized"
      if let rawCode, Self.isShortNumber(rawCode) { attributes["errcat.code"] = rawCode }
    }
    if let situation { attributes["errcat.situation"] = situation.rawValue }
    if let status { attributes["http.response.status_code"] = String(status) }
    if let retryAfterSeconds { attributes["errcat.retry_after"] = String(retryAfterSeconds) }
    if let wait {
      attributes["errcat.wait"] = String(wait.seconds)
      attributes["errcat.wait_source"] = wait.source.rawValue
    }
    attributes["errcat.delivery"] = delivery.rawValue
    attributes["errcat.message_id"] = references.messageID
    attributes["errcat.request_id"] = references.requestID
    attributes["errcat.trace_id"] = references.traceID
    return attributes
  }

  /// Whether a code an error did not recognize is safe to record: anything but a short number might be a
  /// token someone put in a code field.
  private static func isShortNumber(_ code: String) -> Bool {
    !code.isEmpty && code.utf8.count <= 12
      && code.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "-") }
  }
}
