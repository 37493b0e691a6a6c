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
  }

  /// The events in a webhook body, in document order: the Cloud API's `entry[].changes[].value` with its
  /// `statuses[]`, `messages[]` (those carrying `errors`) and `errors[]`, and the On-Premise API's top-level
  /// `statuses[]` and `errors[]`.
  package static func webhookEvents(in json: JSONValue?) -> [WebhookEvent] {
    guard let json else { return [] }
    var events: [WebhookEvent] = []
    if let statuses = json.member("statuses")?.arrayValue {
      events += statuses.map { statusEvent($0, isCloudAPI: false) }
    }
    if let errors = json.member("errors")?.arrayValue, json.member("statuses") != nil || json.member("contacts") != nil
    {
      events += errors.map { WebhookEvent(item: ErrorItem($0), references: .none, isCloudAPI: false) }
    }
    for entry in json.member("entry")?.arrayValue ?? [] {
      for change in entry.member("changes")?.arrayValue ?? [] {
        guard let value = change.member("value") else { continue }
        events += (value.member("statuses")?.arrayValue ?? []).map { statusEvent($0, isCloudAPI: true) }
        for message in value.member("messages")?.arrayValue ?? [] {
          guard let first = message.member("errors")?.arrayValue?.first else { continue }
          var values: [String: String] = [:]
          values["messageID"] = message.member("id")?.scalarText
          values["sender"] = message.member("from")?.scalarText
          values["timestamp"] = message.member("timestamp")?.scalarText
          events.append(WebhookEvent(item: ErrorItem(first), references: References(values), isCloudAPI: true))
        }
        events += (value.member("errors")?.arrayValue ?? []).map {
          WebhookEvent(item: ErrorItem($0), references: .none, isCloudAPI: true)
        }
      }
    }
    return events
  }

  static let statusParameterNames: Set<String> = ["messageID", "recipient", "status", "timestamp"]

  static func statusEvent(_ status: JSONValue, isCloudAPI: Bool) -> WebhookEvent {
    var values: [String: String] = [:]
    values["messageID"] = status.member("id")?.scalarText
    values["recipient"] = status.member("recipient_id")?.scalarText
    values["status"] = status.member("status")?.scalarText
    values["timestamp"] = status.member("timestamp")?.scalarText
    values["conversationID"] = status.member("conversation")?.member("id")?.scalarText
    let item = status.member("errors")?.arrayValue?.first.flatMap(ErrorItem.init)
    return WebhookEvent(
      item: item, status: values["status"], references: References(values), isCloudAPI: isCloudAPI)
  }

  /// Classifies a webhook for any provider that reports WhatsApp statuses: one classification per event.
  /// A code is looked up in `ownTable` (the provider's own webhook codes) and in Meta's catalog; On-Premise
  /// webhooks try `ownTable` first, Cloud API webhooks Meta's catalog first. A body that is not JSON at all
  /// gives one unrecognized failure rather than nothing.
  package static func webhookClassifications<C: CatalogCode>(
    in body: ResponseBody, provider: ProviderID, ownTable: CatalogTable?
  ) -> [Classification<ClassifiedError<C>>] {
    let events = webhookEvents(in: body.json)
    if events.isEmpty && body.json == nil && !body.isBlank {
      return [.failure(ClassifiedError<C>(provider: provider, match: nil, kind: .webhook, status: nil, body: body))]
    }
    return events.map { event in
      guard event.isFailure else {
        return .success(ProviderSuccess(provider: provider, kind: .webhook, status: nil, references: event.references))
      }
      let item = event.item ?? ErrorItem()
      // The status's own fields stay in `parameters` too, where integrations have read them.
      let statusParameters = event.references.values.filter { statusParameterNames.contains($0.key) }
      let error: ClassifiedError<C> = item.error(
        provider: provider, kind: .webhook, match: item.match(ownTable: ownTable, metaFirst: event.isCloudAPI),
        status: nil, extraParameters: statusParameters, references: event.references, body: body, now: 0)
      return Classification(error)
    }
  }
}
