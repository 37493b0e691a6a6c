package import ErrorCatalog

extension WhatsApp {
  /// The decision on the Graph error a body holds, read in place by the core's walk over the catalog's
  /// item shape (``itemShape``) and looked up in `table`; `nil` when it holds none.
  package static func graphDecision(
    in body: ResponseBody, table: CatalogTable
  ) -> (isJSON: Bool, decision: ItemDecision?) {
    itemShape.graphDecision(in: body, table: table, subcodes: subcodes)
  }

  /// The raw message, parameters and references of a Graph answer, read in place from the body when asked
  /// for (the catalog's `items` and `answer`); `context` holds the headers.
  @Sendable package static func graphFields(
    _ body: ResponseBody, _: Int, _ headers: [String: String]
  ) -> DeferredFields.Fields {
    let (item, values) = itemShape.graphFields(in: body, answer: answerShape)
    let references = responseReferences(answer: values, headers: headers)
    guard let item else { return DeferredFields.Fields(references: references) }
    return DeferredFields.Fields(
      rawMessage: item.rawMessage, parameters: item.parameters,
      references: references.merging(References(["traceID": item.traceID ?? ""])))
  }
}

extension ItemDecision {
  /// A classified error for the item whose raw message, parameters and references `deferred` reads.
  package func error<C: CatalogCode>(
    provider: ProviderID, kind: ResponseKind, status: Int?, headers: [String: String] = [:],
    deferred: DeferredFields, body: ResponseBody, now: Double
  ) -> ClassifiedError<C>.Details {
    ClassifiedError<C>.Details(
      provider: provider, match: match, kind: kind, status: status, headers: headers, rawCode: code,
      deferred: deferred, subcode: subcode, body: body,
      fallback: isTransient == true ? WhatsApp.transientFallback : nil, now: now)
  }

  /// ``error(provider:kind:status:headers:deferred:body:now:)`` with the match's typed code already found.
  package func error<C: CatalogCode>(
    provider: ProviderID, code typed: C?, kind: ResponseKind, status: Int?, headers: [String: String] = [:],
    deferred: DeferredFields, body: ResponseBody, now: Double
  ) -> ClassifiedError<C>.Details {
    ClassifiedError<C>.Details(
      provider: provider, code: typed, match: match, kind: kind, status: status, headers: headers, rawCode: code,
      deferred: deferred, subcode: subcode, body: body,
      fallback: isTransient == true ? WhatsApp.transientFallback : nil,
      now: now)
  }
}
