@_spi(Reader) package import ErrorCatalog

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

  /// The code key of the `sent` status's entry (``Code/messageSent``).
  static let sentKey = CodeText.canonical("sent")

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
  ///
  /// The events are found in place (``forEachEventKey(in:_:)``). A webhook of one event keeps its position,
  /// from which `webhookFields` reads its identifiers and details when asked for. A webhook of several
  /// events has every event's fields read in one more pass over the body, and kept: reading them on demand
  /// would read the whole body again for each event, which grows with the square of the body.
  package static func webhookClassifications<C: CatalogCode>(
    in body: ResponseBody, provider: ProviderID, ownTable: CatalogTable?
  ) -> [Classification<ClassifiedError<C>>] {
    var results: [Classification<ClassifiedError<C>>] = []
    let isJSON =
      JSONDocument.withRoot(of: body) { root in
        forEachEventKey(in: root) { position, event in
          let deferred = DeferredFields(anchor: position, reader: webhookFields)
          guard event.isFailure else {
            if event.hasSentStatus, let sent = Code.table.match(codeKey: sentKey, text: nil) {
              // Sent is a step, not a delivery: the message can still fail (issue 22).
              results.append(
                Classification(
                  ClassifiedError<C>(
                    provider: provider, match: sent, kind: .webhook, status: nil, deferred: deferred, body: body,
                    now: 0)))
              return
            }
            results.append(
              .success(ProviderSuccess(provider: provider, kind: .webhook, status: nil, deferred: deferred, body: body))
            )
            return
          }
          let item = event.item ?? ItemKey()
          let decision = item.decision(match: item.match(ownTable: ownTable, metaFirst: event.isCloudAPI))
          let error: ClassifiedError<C> = decision.error(
            provider: provider, kind: .webhook, status: nil, deferred: deferred, body: body, now: 0)
          results.append(Classification(error))
        }
        return true
      } ?? false
    if !isJSON && !body.isBlank {
      return [.failure(ClassifiedError<C>(provider: provider, match: nil, kind: .webhook, status: nil, body: body))]
    }
    guard results.count > 1 else { return results }
    let events = webhookEvents(in: body.json)
    guard events.count == results.count else { return results }
    for index in results.indices {
      var fields = fields(of: events[index])
      fields.bodyShape = .json
      results[index] = results[index].keeping(fields)
    }
    return results
  }

  /// What decides one webhook event, read in place.
  package struct EventKey {
    /// The object of the event's first error, if it reports one; read into an ``ItemKey`` only for a failed
    /// event (most events are successes, and an item key is large).
    var itemObject: JSONView?
    /// Whether the status is `failed`.
    package var hasFailedStatus = false
    /// Whether the status is `sent`: the message is under way and can still fail.
    package var hasSentStatus = false
    /// Whether the webhook used the Cloud API's envelope.
    package var isCloudAPI: Bool

    /// An event whose error, if any, is the object `item`.
    init(item: JSONView?, hasFailedStatus: Bool = false, hasSentStatus: Bool = false, isCloudAPI: Bool) {
      itemObject = item.flatMap { $0.isObject ? $0 : nil }
      self.hasFailedStatus = hasFailedStatus
      self.hasSentStatus = hasSentStatus
      self.isCloudAPI = isCloudAPI
    }

    /// The event's first error, if it reports one.
    package var item: ItemKey? { itemObject.flatMap(ItemKey.init) }

    /// ``WebhookEvent/isFailure``.
    package var isFailure: Bool { itemObject != nil || hasFailedStatus }
  }

  /// Calls `body` with each event of ``webhookEvents(in:)``, in the same order, with its position there.
  package static func forEachEventKey(in root: JSONView, _ body: (Int, EventKey) -> Void) {
    guard root.isObject else { return }
    var position = 0
    func emit(_ event: EventKey) {
      body(position, event)
      position += 1
    }
    var statuses = MemberSlot("statuses")
    var errors = MemberSlot("errors")
    var contacts = MemberSlot("contacts")
    var entries = MemberSlot("entry")
    root.forEachMember { key, value in
      statuses.offer(key, value)
      errors.offer(key, value)
      contacts.offer(key, value)
      entries.offer(key, value)
    }
    statuses.value?.forEachElement {
      emit(statusKey($0, isCloudAPI: false))
      return true
    }
    if let list = errors.value, list.isArray, statuses.value != nil || contacts.value != nil {
      list.forEachElement {
        emit(EventKey(item: $0, isCloudAPI: false))
        return true
      }
    }
    entries.value?.forEachElement { entry in
      entry.member("changes")?.forEachElement { change in
        guard let value = change.member("value") else { return true }
        var statuses = MemberSlot("statuses")
        var messages = MemberSlot("messages")
        var errors = MemberSlot("errors")
        value.forEachMember { key, member in
          statuses.offer(key, member)
          messages.offer(key, member)
          errors.offer(key, member)
        }
        statuses.value?.forEachElement {
          emit(statusKey($0, isCloudAPI: true))
          return true
        }
        messages.value?.forEachElement { message in
          if let first = message.member("errors")?.firstElement {
            emit(EventKey(item: first, isCloudAPI: true))
          }
          return true
        }
        errors.value?.forEachElement {
          emit(EventKey(item: $0, isCloudAPI: true))
          return true
        }
        return true
      }
      return true
    }
  }

  static func statusKey(_ status: JSONView, isCloudAPI: Bool) -> EventKey {
    var word = MemberSlot("status")
    var errors = MemberSlot("errors")
    status.forEachMember { key, value in
      word.offer(key, value)
      errors.offer(key, value)
    }
    var failed = false
    var sent = false
    if let value = word.value, value.kind == .string {
      value.withText {
        failed = MessageKey.isFailed($0)
        sent = MessageKey.isSent($0)
      }
    }
    return EventKey(
      item: errors.value?.firstElement, hasFailedStatus: failed, hasSentStatus: sent, isCloudAPI: isCloudAPI)
  }

  /// An event's raw message, parameters and references, read from the body when asked for; `anchor` is the
  /// event's position in ``webhookEvents(in:)``.
  @Sendable static func webhookFields(_ body: ResponseBody, _ anchor: Int, _: [String: String]) -> DeferredFields.Fields
  {
    let events = webhookEvents(in: body.json)
    guard anchor < events.count else { return DeferredFields.Fields() }
    return fields(of: events[anchor])
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
