public import ErrorCatalog

extension WhatsApp: ResponseClassifier, WebhookClassifier {
  /// Classifies one Cloud API (Graph) answer: the `error` object's `code` decides, its `error_subcode`,
  /// details and trace id come back in `parameters`. A 2xx answer without an `error` is success.
  public static func classify(
    status: Int?, headers: [String: String], body: ResponseBody, now: Double
  ) -> Classification<Error> {
    let json = body.json
    guard let graph = GraphError(json) else {
      if body.isPlainSuccess(status: status) { return .success }
      return .failure(Error(provider: .whatsapp, match: nil, status: status, headers: headers, body: body, now: now))
    }
    return .failure(error(for: graph, provider: .whatsapp, status: status, headers: headers, body: body, now: now))
  }

  /// Classifies a Cloud API status webhook: one error per failed status. Delivered, read and sent statuses
  /// are not errors, so a webhook without failures gives an empty array.
  public static func classifyWebhook(body: [UInt8]) -> [Error] {
    webhookErrors(in: ResponseBody(body), provider: .whatsapp, ownTable: nil)
  }

  /// Classifies a status webhook for any provider that reports WhatsApp statuses: one error per failed
  /// status, with its details in `parameters`. A code is looked up in `ownTable` (the provider's own
  /// webhook codes) and in Meta's catalog; On-Premise webhooks try `ownTable` first, Cloud API webhooks
  /// Meta's catalog first. A body that is not JSON at all gives one unrecognized error rather than none.
  public static func webhookErrors<C: CatalogCode>(
    in body: ResponseBody, provider: ProviderID, ownTable: CatalogTable?
  ) -> [ClassifiedError<C>] {
    let failures = webhookFailures(in: body.json)
    if failures.isEmpty && body.json == nil && !body.isBlank {
      return [ClassifiedError<C>(provider: provider, match: nil, kind: .webhook, status: nil, body: body)]
    }
    return failures.map { failure in
      let own = failure.code.flatMap { code in ownTable?.match(code: code, message: failure.matchText) }
      let meta = match(failure)
      return ClassifiedError<C>(
        provider: provider, match: failure.isCloudAPI ? meta ?? own : own ?? meta, kind: .webhook, status: nil,
        rawCode: failure.code, rawMessage: failure.matchText, parameters: failure.parameters, body: body)
    }
  }

  /// The catalog entry for a Graph error: by code, with Meta's message deciding when a code is shared.
  public static func match(_ graph: GraphError) -> CatalogMatch? {
    if let code = graph.code { return Code.table.match(code: code, message: graph.bareMessage) }
    return graph.bareMessage.flatMap { Code.table.match(message: $0) }
  }

  /// The catalog entry for a webhook error.
  public static func match(_ failure: WebhookFailure) -> CatalogMatch? {
    if let code = failure.code { return Code.table.match(code: code, message: failure.matchText) }
    return failure.matchText.flatMap { Code.table.match(message: $0) }
  }

  /// A classified error of any provider's code type for a Graph error, so providers that pass Meta's
  /// errors through (360dialog, Cequens) report them alike.
  public static func error<C: CatalogCode>(
    for graph: GraphError, provider: ProviderID, status: Int?, headers: [String: String], body: ResponseBody,
    now: Double
  ) -> ClassifiedError<C> {
    // Meta flags some errors as transient; for a code the catalog does not know, that beats the status.
    let transient = StatusClassification(category: .provider, retry: .backoff, fault: .provider)
    return ClassifiedError<C>(
      provider: provider, match: match(graph), status: status, headers: headers, rawCode: graph.code,
      rawMessage: graph.message, parameters: graph.parameters, body: body,
      fallback: graph.isTransient == true ? transient : nil, now: now)
  }
}
