package import ErrorCatalog

extension WhatsApp {
  /// One event a WhatsApp webhook reports: a message status, an inbound message that could not be
  /// processed, or an error reported on its own.
  package struct WebhookEvent: Sendable, Hashable {
    /// The first error of the event, if it reports one.
    package var item: ErrorItem?
    /// The status word (`sent`, `delivered`, `read`, `failed`), for status events.
    package var status: String?
    /// The event's identifiers (message id, recipient or sender, status, timestamp).
    package var references: References
    /// Whether the webhook used the Cloud API's `entry[].changes[]` envelope.
    package var isCloudAPI: Bool

    /// Whether the event reports a failure: it carries an error, or its status is `failed`.
    package var isFailure: Bool { item != nil || status?.lowercased() == "failed" }

    /// An event as the core's walk over the webhook shape (``webhookShape``) read it, with its fields.
    init(_ fields: EventFields) {
      item = fields.item
      status = fields.status
      references = References(fields.references)
      isCloudAPI = fields.isCloudAPI
    }
  }
}

extension WhatsApp {
  /// The names of a status's own fields, which stay in a failed event's `parameters` too.
  static let statusParameterNames: Set<String> = ["messageID", "recipient", "status", "timestamp"]

  /// The code key of the `sent` status's entry (``Code/messageSent``).
  static let sentKey = CodeText.canonical("sent")

  /// Classifies a webhook for any provider that reports WhatsApp statuses: one classification per event.
  /// A code is looked up in `ownTable` (the provider's own webhook codes) and in Meta's catalog; On-Premise
  /// webhooks try `ownTable` first, Cloud API webhooks Meta's catalog first. A body that is not JSON at all
  /// gives one unrecognized failure rather than nothing.
  ///
  /// The events are found in place, by the core's walk over the catalog's webhook shape
  /// (``webhookShape``). A webhook of one event keeps its position, from which `webhookFields` reads its
  /// identifiers and details when asked for. A webhook of several events has every event's fields read in
  /// one more pass over the body, and kept: reading them on demand would read the whole body again for each
  /// event, which grows with the square of the body.
  package static func webhookClassifications<C: CatalogCode>(
    in body: ResponseBody, provider: ProviderID, ownTable: CatalogTable?
  ) -> [Classification<ClassifiedError<C>>] {
    var results: [Classification<ClassifiedError<C>>] = []
    let isJSON = webhookShape.forEachEventDecision(in: body, own: ownTable, shared: Code.table, subcodes: subcodes) {
      position, event in
      let deferred = DeferredFields(anchor: position, reader: webhookFields)
      guard let decision = event.decision else {
        if event.hasSentStatus, let sent = Code.table.match(codeKey: sentKey) {
          // Sent is a step, not a delivery: the message can still fail (issue 22).
          results.append(
            Classification(
              ClassifiedError<C>.Details(
                provider: provider, match: sent, kind: .webhook, status: nil, deferred: deferred, body: body, now: 0)))
          return
        }
        results.append(
          .success(ProviderSuccess(provider: provider, kind: .webhook, status: nil, deferred: deferred, body: body)))
        return
      }
      let error: ClassifiedError<C>.Details = decision.error(
        provider: provider, kind: .webhook, status: nil, deferred: deferred, body: body, now: 0)
      results.append(Classification(error))
    }
    if !isJSON && !body.isBlank {
      return [
        Classification(
          ClassifiedError<C>.Details(provider: provider, match: nil, kind: .webhook, status: nil, body: body))
      ]
    }
    guard results.count > 1 else { return results }
    // Read by the same walk as the decisions, so an event's fields are its own by construction.
    let events = webhookShape.eventFields(in: body)
    guard events.count == results.count else { return results }
    for index in results.indices {
      var fields = fields(of: WebhookEvent(events[index]))
      fields.bodyShape = .json
      results[index] = results[index].keeping(fields)
    }
    return results
  }

  /// An event's raw message, parameters and references, read from the body when asked for; `anchor` is the
  /// event's position in the walk.
  @Sendable static func webhookFields(_ body: ResponseBody, _ anchor: Int, _: [String: String]) -> DeferredFields.Fields
  {
    // Only a webhook of one event reads its fields this way (several keep theirs when classified).
    let events = webhookShape.eventFields(in: body)
    guard anchor < events.count else { return DeferredFields.Fields() }
    return fields(of: WebhookEvent(events[anchor]))
  }

  /// An event's raw message, parameters and references.
  static func fields(of event: WebhookEvent) -> DeferredFields.Fields {
    guard event.isFailure else { return DeferredFields.Fields(references: event.references) }
    let item = event.item ?? ErrorItem()
    // The status's own fields stay in `parameters` too, where integrations have read them.
    let statusParameters = event.references.values.filter { statusParameterNames.contains($0.key) }
    return DeferredFields.Fields(
      rawMessage: item.rawMessage, parameters: item.parameters.merging(statusParameters) { _, extra in extra },
      references: event.references.merging(References(["traceID": item.traceID ?? ""])))
  }
}
