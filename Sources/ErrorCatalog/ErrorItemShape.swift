/// Where a provider's error items put their fields, as its catalog's `items` describes them: Meta's Graph
/// error object (`{"error": {"code", "message", "error_data": {"details"}, …}}`) and the items of a webhook's
/// `errors[]`, which 360dialog, Cequens and GENIQ pass through. One walk in this module reads them
/// (``ItemKey``), and the readers of the fields kept for later take the same names, so each name is written
/// once, in the catalog.
package struct ErrorItemShape: Sendable {
  /// The item's code.
  package let code: WireShape.Names
  /// Its title (webhooks and the On-Premise API).
  package let title: WireShape.Names
  /// Its message, such as `(#130429) Rate limit hit`: a leading `(#code)` is not part of the text matched.
  package let message: WireShape.Names
  /// The object that holds ``details`` in the Cloud API (`error_data`).
  package let errorData: WireShape.Names
  /// Its details, inside ``errorData``, else at the item's top level (On-Premise).
  package let details: WireShape.Names
  /// Its subcode.
  package let subcode: WireShape.Names
  /// Whether the provider marks it transient (a boolean).
  package let transient: WireShape.Names
  /// The title and message meant for the end user.
  package let userTitle: WireShape.Names
  package let userMessage: WireShape.Names
  /// The trace id, the documentation link and the error type, kept in parameters.
  package let traceID: WireShape.Names
  package let href: WireShape.Names
  package let type: WireShape.Names
  /// The member of an answer that holds its item (`error`).
  package let container: WireShape.Names
  /// A member whose ``container`` holds the item instead (`detail`, Meta's Marketing Messages wrapper).
  package let wrapper: WireShape.Names
  /// Members that make an answer without ``container`` an item itself (`fbtrace_id`, `error_subcode`).
  package let itemMarkers: WireShape.Names
  /// The member of an answer that holds its items as an array (`errors`, the On-Premise API's); the first
  /// item decides.
  package let list: WireShape.Names

  package init(
    code: WireShape.Names, title: WireShape.Names, message: WireShape.Names, errorData: WireShape.Names,
    details: WireShape.Names, subcode: WireShape.Names, transient: WireShape.Names, userTitle: WireShape.Names,
    userMessage: WireShape.Names, traceID: WireShape.Names, href: WireShape.Names, type: WireShape.Names,
    container: WireShape.Names, wrapper: WireShape.Names, itemMarkers: WireShape.Names, list: WireShape.Names
  ) {
    self.code = code
    self.title = title
    self.message = message
    self.errorData = errorData
    self.details = details
    self.subcode = subcode
    self.transient = transient
    self.userTitle = userTitle
    self.userMessage = userMessage
    self.traceID = traceID
    self.href = href
    self.type = type
    self.container = container
    self.wrapper = wrapper
    self.itemMarkers = itemMarkers
    self.list = list
  }

  /// The item a Graph answer holds, read in place, with its object: its ``container`` when that is an
  /// object, else the container inside its ``wrapper``, else the answer itself when it has one of the
  /// ``itemMarkers``. `nil` when there is none, or when what is there has no code member, or neither a code
  /// nor a message (a Graph error always has one).
  func graphObject(in root: JSONView) -> (object: JSONView, item: ItemKey)? {
    guard root.isObject else { return nil }
    var container = self.container.slot
    var wrapper = self.wrapper.slot
    var marker = itemMarkers.slot
    root.forEachMember { key, value in
      container.offer(key, value)
      wrapper.offer(key, value)
      marker.offer(key, value)
    }
    let object: JSONView
    if let inner = container.value, inner.isObject {
      object = inner
    } else if let inner = wrapper.value?.member(self.container), inner.isObject {
      object = inner
    } else if marker.value != nil {
      object = root
    } else {
      return nil
    }
    guard let item = ItemKey(object, shape: self), item.codeValue != nil, item.code != nil || item.message != nil
    else { return nil }
    return (object, item)
  }

  /// The fields of the Graph item a body holds (`nil` when it holds none) and the identifiers of the send
  /// answer it is, as `answer` places them, read in place.
  package func graphFields(
    in body: ResponseBody, answer: AnswerShape
  ) -> (item: ItemFields?, references: [String: String]) {
    let read = JSONDocument.withRoot(of: body) { root in (graphItem(in: root), answer.references(in: root)) }
    return read ?? (nil, [:])
  }

  /// The fields of the Graph item under `root`, if it holds one.
  func graphItem(in root: JSONView) -> ItemFields? {
    graphObject(in: root).flatMap { fields(of: $0.object) }
  }

  /// The fields of the first item of an answer's ``list`` (`{"errors": [{…}]}`), read in place: the list is
  /// looked for in the top-level object, then in each of `holders` in order (a reseller's envelope members,
  /// such as Cequens' `data` and `error`), and the first place whose list is a non-empty array decides. `nil`
  /// when no place has one, or when the first element of that list is not an object.
  func firstListedItem(in root: JSONView, holders: [WireShape.Names]) -> ItemFields? {
    guard root.isObject else { return nil }
    /// The first element of `holder`'s list, when that is a non-empty array.
    func first(in holder: JSONView?) -> JSONView? {
      guard let list = holder?.member(self.list), list.isArray else { return nil }
      return list.firstElement
    }
    if let item = first(in: root) { return fields(of: item) }
    for holder in holders {
      if let item = first(in: root.member(holder)) { return fields(of: item) }
    }
    return nil
  }

  /// What a reseller's answer holds, from one validation of its body: the body as a tree (as
  /// ``ResponseBody/json`` reads it) for the envelope rules its classifier keeps in Swift, the identifiers of
  /// the send answer (`answer`), the first listed item (`firstListedItem(in:holders:)`) and, when there is
  /// none, the Graph item (as ``graphFields(in:answer:)`` reads it). All empty when the body is not JSON.
  package func resellerAnswer(
    in body: ResponseBody, answer: AnswerShape, holders: [WireShape.Names] = []
  ) -> ResellerAnswer {
    let read = JSONDocument.withRoot(of: body) { root -> ResellerAnswer in
      JSONReader.parseObserver?(body.bytes.count)
      let listed = firstListedItem(in: root, holders: holders)
      return ResellerAnswer(
        tree: JSONValue(copying: root), references: answer.references(in: root), listedItem: listed,
        graphItem: listed == nil ? graphItem(in: root) : nil)
    }
    return read ?? ResellerAnswer(tree: nil, references: [:], listedItem: nil, graphItem: nil)
  }

  /// The decision on the Graph item a body holds, looked up in `table` (subcodes in `subcodes`); `nil` when
  /// it holds none. `isJSON` says whether the body was JSON at all.
  package func graphDecision(
    in body: ResponseBody, table: CatalogTable, subcodes: [CatalogSubcode]
  ) -> (isJSON: Bool, decision: ItemDecision?) {
    let decision = JSONDocument.withRoot(of: body) { root in
      graphObject(in: root).map { $0.item.decision(match: $0.item.match(in: table), subcodes: subcodes) }
    }
    return (decision != nil, decision ?? nil)
  }
}

extension JSONView {
  /// The member under `names`, with the walk's precedence.
  func member(_ names: WireShape.Names) -> JSONView? {
    var slot = names.slot
    forEachMember { slot.offer($0, $1) }
    return slot.value
  }
}

/// The fields of an error item that classification needs, read in place in one pass over the item's
/// members; the rest of the item is read from the body only when asked for.
struct ItemKey {
  /// `code`, as text.
  var code: String?
  var codeValue: JSONView?
  var title: JSONView?
  var message: JSONView?
  var errorData: JSONView?
  var details: JSONView?
  var subcode: JSONView?
  var transient: JSONView?
  var userTitle: JSONView?
  var userMessage: JSONView?
  /// Where `details` sits inside `errorData`.
  private var detailsNames: WireShape.Names?

  /// An item with nothing in it (a failed status that names no error).
  init() {}

  /// Reads an item; `nil` when `object` is not an object.
  init?(_ object: JSONView, shape: ErrorItemShape) {
    guard object.isObject else { return nil }
    var code = shape.code.slot
    var title = shape.title.slot
    var message = shape.message.slot
    var errorData = shape.errorData.slot
    var details = shape.details.slot
    var subcode = shape.subcode.slot
    var transient = shape.transient.slot
    var userTitle = shape.userTitle.slot
    var userMessage = shape.userMessage.slot
    object.forEachMember { key, value in
      code.offer(key, value)
      title.offer(key, value)
      message.offer(key, value)
      errorData.offer(key, value)
      details.offer(key, value)
      subcode.offer(key, value)
      transient.offer(key, value)
      userTitle.offer(key, value)
      userMessage.offer(key, value)
    }
    codeValue = code.value
    self.code = codeValue?.scalarText
    self.title = title.value
    self.message = message.value
    self.errorData = errorData.value
    self.details = details.value
    self.subcode = subcode.value
    self.transient = transient.value
    self.userTitle = userTitle.value
    self.userMessage = userMessage.value
    detailsNames = shape.details
  }

  private static func text(_ view: JSONView?) -> WireText? {
    guard let view, view.hasMessageText else { return nil }
    return WireText(view)
  }

  /// The details: inside `errorData`, else at the item's top level.
  private var detailsText: WireText? {
    Self.text(detailsNames.flatMap { errorData?.member($0) }) ?? Self.text(details)
  }

  /// The text that decides between entries sharing a code, in one precedence for every shape: the title,
  /// else the message without its `(#code)` prefix, else the details.
  var matchText: WireText? {
    Self.text(title) ?? Self.text(message)?.withoutCodePrefix ?? detailsText
  }

  /// The entry for this item in `table`: by code, with the match text deciding when a code is shared, else
  /// by the match text alone.
  func match(in table: CatalogTable) -> CatalogMatch? {
    let text = matchText
    if let code {
      let key = CodeText.canonical(code)
      guard let text else { return table.match(codeKey: key, text: nil) }
      return text.withUTF8 { table.match(codeKey: key, text: $0) }
    }
    return text.flatMap { text in text.withUTF8 { table.match(text: $0, codeKey: nil) } }
  }

  /// Whether the provider marked the error transient.
  var isTransient: Bool? { transient?.boolValue }

  /// The documented subcode, found by the subcode and the item's texts.
  func catalogSubcode(in subcodes: [CatalogSubcode]) -> CatalogSubcode? {
    guard let subcode = subcode?.scalarText else { return nil }
    let texts = [message?.messageText, userTitle?.messageText, userMessage?.messageText, detailsText?.text]
    return CatalogSubcode.match(subcode, parentCode: code, texts: texts.compactMap { $0 }, in: subcodes)
  }

  /// What classification keeps of this item once the document is gone.
  func decision(match: CatalogMatch?, subcodes: [CatalogSubcode]) -> ItemDecision {
    ItemDecision(code: code, match: match, subcode: catalogSubcode(in: subcodes), isTransient: isTransient)
  }
}

/// What ``ErrorItemShape/resellerAnswer(in:answer:holders:)`` reads from a reseller's answer.
package struct ResellerAnswer {
  /// The body as a tree, or `nil` when it is not JSON.
  package let tree: JSONValue?
  /// The identifiers of the send answer.
  package let references: [String: String]
  /// The first item of the answer's list, if any.
  package let listedItem: ItemFields?
  /// The Graph item, when the answer has no listed item.
  package let graphItem: ItemFields?
}

/// An error item's fields as text, read in place: what a classified error keeps in its raw message and
/// parameters. Strings are read as ``JSONValue/scalarText`` (codes, ids) and ``JSONValue/messageText``
/// (texts) read them.
package struct ItemFields: Sendable, Hashable {
  package var code: String?
  package var title: String?
  package var message: String?
  /// The details inside ``ErrorItemShape/errorData``, else at the item's top level.
  package var details: String?
  package var subcode: String?
  package var href: String?
  package var type: String?
  package var userTitle: String?
  package var userMessage: String?
  /// Whether the item says it is transient (a JSON boolean only).
  package var isTransient: Bool?
  package var traceID: String?

  package init() {}
}

extension ErrorItemShape {
  /// An item's fields, in one walk over its members; `nil` when `object` is not an object.
  func fields(of object: JSONView) -> ItemFields? {
    guard object.isObject else { return nil }
    var code = self.code.slot
    var title = self.title.slot
    var message = self.message.slot
    var errorData = self.errorData.slot
    var details = self.details.slot
    var subcode = self.subcode.slot
    var href = self.href.slot
    var type = self.type.slot
    var userTitle = self.userTitle.slot
    var userMessage = self.userMessage.slot
    var transient = self.transient.slot
    var traceID = self.traceID.slot
    object.forEachMember { key, value in
      code.offerOutOfLine(key, value)
      title.offerOutOfLine(key, value)
      message.offerOutOfLine(key, value)
      errorData.offerOutOfLine(key, value)
      details.offerOutOfLine(key, value)
      subcode.offerOutOfLine(key, value)
      href.offerOutOfLine(key, value)
      type.offerOutOfLine(key, value)
      userTitle.offerOutOfLine(key, value)
      userMessage.offerOutOfLine(key, value)
      transient.offerOutOfLine(key, value)
      traceID.offerOutOfLine(key, value)
    }
    var fields = ItemFields()
    fields.code = code.value?.scalarText
    fields.title = title.value?.messageText
    fields.message = message.value?.messageText
    fields.details = errorData.value?.member(self.details)?.messageText ?? details.value?.messageText
    fields.subcode = subcode.value?.scalarText
    fields.href = href.value?.scalarText
    fields.type = type.value?.scalarText
    fields.userTitle = userTitle.value?.messageText
    fields.userMessage = userMessage.value?.messageText
    if let value = transient.value, value.kind == .bool { fields.isTransient = value.boolValue }
    fields.traceID = traceID.value?.scalarText
    return fields
  }
}

/// What an error item decided, kept beyond the walk over the body: the code, the entry, the subcode and
/// whether the provider marked the error transient.
package struct ItemDecision: Sendable {
  package var code: String?
  package var match: CatalogMatch?
  package var subcode: CatalogSubcode?
  package var isTransient: Bool?

  package init(code: String?, match: CatalogMatch?, subcode: CatalogSubcode?, isTransient: Bool?) {
    self.code = code
    self.match = match
    self.subcode = subcode
    self.isTransient = isTransient
  }
}

/// Where a provider's send answer puts its identifiers, as its catalog's `answer` describes them: the
/// WhatsApp Cloud API's `{"contacts": [{"input", "wa_id"}], "messages": [{"id", "message_status"}]}`.
package struct AnswerShape: Sendable {
  /// The list of messages, whose first gives the message id and status.
  package let messages: WireShape.Names
  package let messageID: WireShape.Names
  package let messageStatus: WireShape.Names
  /// The list of contacts, whose first gives the recipient: its id, else the number as sent.
  package let contacts: WireShape.Names
  package let recipient: WireShape.Names
  package let recipientInput: WireShape.Names

  package init(
    messages: WireShape.Names, messageID: WireShape.Names, messageStatus: WireShape.Names,
    contacts: WireShape.Names, recipient: WireShape.Names, recipientInput: WireShape.Names
  ) {
    self.messages = messages
    self.messageID = messageID
    self.messageStatus = messageStatus
    self.contacts = contacts
    self.recipient = recipient
    self.recipientInput = recipientInput
  }

  /// The identifiers in an answer: `messageID` and `status` from its first message, `recipient` from its
  /// first contact.
  func references(in root: JSONView) -> [String: String] {
    guard root.isObject else { return [:] }
    var messages = self.messages.slot
    var contacts = self.contacts.slot
    root.forEachMember { key, value in
      messages.offerOutOfLine(key, value)
      contacts.offerOutOfLine(key, value)
    }
    var values: [String: String] = [:]
    if let message = messages.value?.firstElement {
      values["messageID"] = message.member(messageID)?.scalarText
      values["status"] = message.member(messageStatus)?.scalarText
    }
    if let contact = contacts.value?.firstElement {
      values["recipient"] = contact.member(recipient)?.scalarText ?? contact.member(recipientInput)?.scalarText
    }
    return values
  }
}
