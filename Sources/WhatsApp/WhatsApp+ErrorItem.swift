package import ErrorCatalog

extension WhatsApp {
  /// One WhatsApp error item, read the same way wherever it arrives: the Graph API's `error` object, a
  /// webhook's `errors[]` (Cloud API and On-Premise), and the On-Premise API's `errors[]`, as Meta,
  /// 360dialog, Cequens and GENIQ send them: the fields the core's walk reads in place (``ItemFields``),
  /// with what WhatsApp makes of them.
  package typealias ErrorItem = ItemFields
}

extension ItemFields {
  /// The message without Meta's `(#130429) ` prefix.
  package var bareMessage: String? {
    guard let message else { return nil }
    guard message.hasPrefix("(#"), let close = message.firstIndex(of: ")") else { return message }
    return String(message[message.index(after: close)...].drop(while: { $0 == " " }))
  }

  /// The text that decides between entries sharing a code, in one precedence for every shape: the title,
  /// else the message without its `(#code)` prefix, else the details.
  package var matchText: String? { title ?? bareMessage ?? details }

  /// The message as the body gave it: the message, else the title, else the details.
  package var rawMessage: String? { message ?? title ?? details }

  /// The details worth keeping on a classified error, by parameter name. The code and message are
  /// included, so an error the catalog does not know still shows them in `errcat` and in logs.
  package var parameters: [String: String] {
    var out: [String: String] = [:]
    out["code"] = code
    out["title"] = title
    if let message, message != title { out["message"] = message }
    out["details"] = details
    out["subcode"] = subcode
    out["href"] = href
    out["type"] = type
    out["userTitle"] = userTitle
    out["userMessage"] = userMessage
    out["isTransient"] = isTransient.map { $0 ? "true" : "false" }
    out["traceID"] = traceID
    return out
  }

  /// The entry for this item in `table`: by code, with the match text deciding when a code is shared,
  /// else by the match text alone.
  package func match(in table: CatalogTable) -> CatalogMatch? {
    if let code { return table.match(code: code, message: matchText) }
    return matchText.flatMap { table.match(message: $0) }
  }

  /// A classified error of any provider's code type for this item.
  package func error<C: CatalogCode>(
    provider: ProviderID, kind: ResponseKind, match: CatalogMatch?, status: Int?, headers: [String: String] = [:],
    extraParameters: [String: String] = [:], references: References, body: ResponseBody, now: Double
  ) -> ClassifiedError<C>.Details {
    ClassifiedError<C>.Details(
      provider: provider, match: match, kind: kind, status: status, headers: headers, rawCode: code,
      rawMessage: rawMessage, parameters: parameters.merging(extraParameters) { _, extra in extra },
      references: references.merging(References(["traceID": traceID ?? ""])),
      subcode: subcode.flatMap {
        CatalogSubcode.match(
          $0, parentCode: code, texts: [message, userTitle, userMessage, details].compactMap { $0 },
          in: WhatsApp.subcodes)
      }, body: body,
      fallback: isTransient == true ? WhatsApp.transientFallback : nil, now: now)
  }
}
