/// Where a provider's status webhooks put their events, as its catalog's `webhook` describes them: the
/// WhatsApp Cloud API's `entry[].changes[].value` with its `statuses[]`, `messages[]` (those that carry
/// `errors`) and `errors[]`, and the On-Premise API's top-level `statuses[]` and `errors[]` (the latter only
/// beside `statuses` or `contacts`). One walk in this module finds the events in place
/// (``forEachEvent(in:_:)``), both to decide them and to read the fields kept for later.
package struct WebhookShape: Sendable {
  /// The list of status events.
  package let statuses: WireShape.Names
  /// The list of error items (top level, or in a change's value).
  package let errors: WireShape.Names
  /// The On-Premise list whose presence makes a top-level ``errors`` a webhook's.
  package let contacts: WireShape.Names
  /// The Cloud API's list of entries, each with its list of changes, each with its value.
  package let entry: WireShape.Names
  package let changes: WireShape.Names
  package let value: WireShape.Names
  /// The list of inbound messages in a change's value.
  package let messages: WireShape.Names
  /// A status event's status word.
  package let status: WireShape.Names
  /// A status's or message's identifiers: its id, the recipient, the timestamp, the conversation (an
  /// object with its own ``id``) and an inbound message's sender.
  package let id: WireShape.Names
  package let recipient: WireShape.Names
  package let timestamp: WireShape.Names
  package let conversation: WireShape.Names
  package let sender: WireShape.Names
  /// The events' error items.
  package let items: ErrorItemShape
  /// Whether a failed event's code is looked up in the shared table (Meta's) before the reseller's own, in
  /// the Cloud API's envelope and in the On-Premise one (the catalog's `webhook.lookup`).
  package let cloudAPISharedFirst: Bool
  package let onPremiseSharedFirst: Bool

  package init(
    statuses: WireShape.Names, errors: WireShape.Names, contacts: WireShape.Names, entry: WireShape.Names,
    changes: WireShape.Names, value: WireShape.Names, messages: WireShape.Names, status: WireShape.Names,
    id: WireShape.Names, recipient: WireShape.Names, timestamp: WireShape.Names, conversation: WireShape.Names,
    sender: WireShape.Names, items: ErrorItemShape, cloudAPISharedFirst: Bool, onPremiseSharedFirst: Bool
  ) {
    self.cloudAPISharedFirst = cloudAPISharedFirst
    self.onPremiseSharedFirst = onPremiseSharedFirst
    self.statuses = statuses
    self.errors = errors
    self.contacts = contacts
    self.entry = entry
    self.changes = changes
    self.value = value
    self.messages = messages
    self.status = status
    self.id = id
    self.recipient = recipient
    self.timestamp = timestamp
    self.conversation = conversation
    self.sender = sender
    self.items = items
  }

  /// Calls `body` with each event, in document order, with its position: the top-level statuses, the
  /// top-level errors (beside statuses or contacts), then each change's statuses, failed messages (their
  /// first error) and errors.
  func forEachEvent(in root: JSONView, _ body: (Int, EventKey) -> Void) {
    guard root.isObject else { return }
    var position = 0
    func emit(_ event: EventKey) {
      body(position, event)
      position += 1
    }
    var statuses = self.statuses.slot
    var errors = self.errors.slot
    var contacts = self.contacts.slot
    var entries = entry.slot
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
      entry.member(changes)?.forEachElement { change in
        guard let value = change.member(self.value) else { return true }
        var statuses = self.statuses.slot
        var messages = self.messages.slot
        var errors = self.errors.slot
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
          if let first = message.member(self.errors)?.firstElement {
            emit(EventKey(item: first, isCloudAPI: true, source: .message(message)))
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

  func statusKey(_ status: JSONView, isCloudAPI: Bool) -> EventKey {
    var word = self.status.slot
    var errors = self.errors.slot
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
      item: errors.value?.firstElement, hasFailedStatus: failed, hasSentStatus: sent, isCloudAPI: isCloudAPI,
      source: .status(status))
  }

  /// Every event's fields, in the order and positions of ``forEachEventDecision(in:own:shared:subcodes:_:)``,
  /// found by the same walk (in a pass of their own, made only when fields are wanted); empty when the body
  /// is not JSON.
  package func eventFields(in body: ResponseBody) -> [EventFields] {
    JSONDocument.withRoot(of: body) { root in
      var events: [EventFields] = []
      forEachEvent(in: root) { _, event in events.append(fields(of: event)) }
      return events
    } ?? []
  }

  /// An event's identifiers, status word and error.
  func fields(of event: EventKey) -> EventFields {
    var fields = EventFields(isCloudAPI: event.isCloudAPI)
    fields.item = event.itemObject.flatMap { items.fields(of: $0) }
    switch event.source {
    case .status(let status):
      var id = self.id.slot
      var recipient = self.recipient.slot
      var word = self.status.slot
      var timestamp = self.timestamp.slot
      var conversation = self.conversation.slot
      status.forEachMember { key, value in
        id.offerOutOfLine(key, value)
        recipient.offerOutOfLine(key, value)
        word.offerOutOfLine(key, value)
        timestamp.offerOutOfLine(key, value)
        conversation.offerOutOfLine(key, value)
      }
      fields.status = word.value?.scalarText
      fields.references["messageID"] = id.value?.scalarText
      fields.references["recipient"] = recipient.value?.scalarText
      fields.references["status"] = fields.status
      fields.references["timestamp"] = timestamp.value?.scalarText
      fields.references["conversationID"] = conversation.value?.member(self.id)?.scalarText
    case .message(let message):
      var id = self.id.slot
      var sender = self.sender.slot
      var timestamp = self.timestamp.slot
      message.forEachMember { key, value in
        id.offerOutOfLine(key, value)
        sender.offerOutOfLine(key, value)
        timestamp.offerOutOfLine(key, value)
      }
      fields.references["messageID"] = id.value?.scalarText
      fields.references["sender"] = sender.value?.scalarText
      fields.references["timestamp"] = timestamp.value?.scalarText
    case nil:
      break
    }
    return fields
  }

  /// What decided each event of a webhook body, in document order with its position: whether it failed,
  /// whether its status is `sent`, and for a failed event the decision on its first error (an empty one when
  /// a failed status names none). A failure's code is looked up in `own` and `shared` in the order the
  /// catalog's `webhook.lookup` gives for the event's envelope. Returns whether the body was JSON.
  package func forEachEventDecision(
    in body: ResponseBody, own: CatalogTable?, shared: CatalogTable, subcodes: [CatalogSubcode],
    _ visit: (Int, EventDecision) -> Void
  ) -> Bool {
    // The tables are reached through pointers: captured by the walk's nested closures, a table (a struct of a
    // dozen references) was copied at every level, 17 copies per event.
    let (cloudAPISharedFirst, onPremiseSharedFirst) = (self.cloudAPISharedFirst, self.onPremiseSharedFirst)
    return Borrowed.with(shared) { shared in
      Borrowed.with(own) { own in
        JSONDocument.withRoot(of: body) { root in
          forEachEvent(in: root) { position, event in
            guard event.isFailure else {
              visit(position, EventDecision(isFailure: false, hasSentStatus: event.hasSentStatus, decision: nil))
              return
            }
            let item = event.itemObject.flatMap { ItemKey($0, shape: items) } ?? ItemKey()
            let ownMatch = { own.value.flatMap { item.match(in: $0) } }
            let sharedFirst = event.isCloudAPI ? cloudAPISharedFirst : onPremiseSharedFirst
            let match =
              sharedFirst
              ? item.match(in: shared.value) ?? ownMatch() : ownMatch() ?? item.match(in: shared.value)
            let decision = item.decision(match: match, subcodes: subcodes)
            visit(position, EventDecision(isFailure: true, hasSentStatus: event.hasSentStatus, decision: decision))
          }
          return true
        } ?? false
      }
    }
  }
}

/// What decides one webhook event, read in place.
struct EventKey {
  /// The object of the event's first error, if it reports one; read into an ``ItemKey`` only for a failed
  /// event (most events are successes, and an item key is large).
  var itemObject: JSONView?
  /// Whether the status is `failed`.
  var hasFailedStatus = false
  /// Whether the status is `sent`: the message is under way and can still fail.
  var hasSentStatus = false
  /// Whether the webhook used the Cloud API's envelope.
  var isCloudAPI: Bool
  /// The status or inbound message the event is, whose identifiers it carries; `nil` for an error reported
  /// on its own.
  var source: Source?

  /// What an event is.
  enum Source {
    case status(JSONView)
    case message(JSONView)
  }

  /// An event whose error, if any, is the object `item`.
  init(
    item: JSONView?, hasFailedStatus: Bool = false, hasSentStatus: Bool = false, isCloudAPI: Bool,
    source: Source? = nil
  ) {
    itemObject = item.flatMap { $0.isObject ? $0 : nil }
    self.hasFailedStatus = hasFailedStatus
    self.hasSentStatus = hasSentStatus
    self.isCloudAPI = isCloudAPI
    self.source = source
  }

  /// Whether the event reports a failure: it carries an error, or its status is `failed`.
  var isFailure: Bool { itemObject != nil || hasFailedStatus }
}

/// One webhook event's fields as text, read in place: its error's fields, its status word, and its
/// identifiers (a status's `messageID`, `recipient`, `status`, `timestamp` and `conversationID`; an inbound
/// message's `messageID`, `sender` and `timestamp`).
package struct EventFields: Sendable {
  package var item: ItemFields?
  package var status: String?
  package var references: [String: String] = [:]
  package var isCloudAPI: Bool

  init(isCloudAPI: Bool) {
    self.isCloudAPI = isCloudAPI
  }
}

/// What one webhook event decided, kept beyond the walk over the body.
package struct EventDecision: Sendable {
  /// Whether the event reports a failure.
  package var isFailure: Bool
  /// Whether its status is `sent`.
  package var hasSentStatus: Bool
  /// For a failure, the decision on its first error.
  package var decision: ItemDecision?
}
