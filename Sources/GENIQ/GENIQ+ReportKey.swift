import ErrorCatalog

extension GENIQ {
  /// The two fields of a delivery report that decide its classification, `status` and `reasonCode`, read
  /// from the body's bytes in one pass, with exactly the values ``DeliveryReport`` reads.
  enum ReportKey {
    /// The status as `trimmedText` gives it and the reason as `scalarText` gives it.
    static func read(_ body: ResponseBody) -> (status: String?, reason: String?) {
      // The names are read from the shape one by one: a copy of the whole shape retains its lists.
      let (status, reason) = (GENIQ.reportShape.status, GENIQ.reportShape.reason)
      if let fromJSON = body.topLevelTexts(status, .trimmed, reason, .scalar) { return fromJSON }
      if let query = readQuery(body) { return query }
      // Text that is not ASCII: the general reader, whose Unicode rules (white space, new lines) apply.
      guard let fields = DeliveryReport.queryFields(body) else { return (nil, nil) }
      return (fields.member(status)?.trimmedText, fields.member(reason)?.scalarText)
    }

    /// `CodeText.canonical(DeliveryReport.statusCode(status))`, built in one step for ASCII text.
    static func statusKey(_ status: String) -> String {
      CodeText.canonical(words: status) ?? CodeText.canonical(DeliveryReport.statusCode(status))
    }

    /// Reads an ASCII query string as ``DeliveryReport/queryFields(_:)`` does; `nil` when the text holds
    /// bytes outside ASCII (before or after percent-decoding a key), which the general reader handles.
    static func readQuery(_ body: ResponseBody) -> (status: String?, reason: String?)? {
      guard !body.isTruncated else { return (nil, nil) }
      guard
        let (status, reason) = QueryString.lastValues(
          in: body.bytes, of: GENIQ.reportShape.status, GENIQ.reportShape.reason)
      else { return nil }
      return (status.flatMap { JSONValue.trimmed($0.text) }, reason.flatMap { MessageKey.scalarText($0.text) })
    }
  }
}
