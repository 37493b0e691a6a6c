@_spi(Reader) package import ErrorCatalog

extension WhatsApp {
  /// The fields of an error item that classification needs, read in place in one pass over the item's
  /// members, with exactly the values ``ErrorItem`` reads; the rest of the item is read from the body only
  /// when asked for.
  package struct ItemKey {
    /// `code`, as text.
    package var code: String?
    var codeValue: JSONView?
    var title: JSONView?
    var message: JSONView?
    var errorData: JSONView?
    var details: JSONView?
    var subcode: JSONView?
    var transient: JSONView?
    var userTitle: JSONView?
    var userMessage: JSONView?

    /// An item with nothing in it.
    package init() {}

    /// Reads an item; `nil` when `object` is not an object.
    package init?(_ object: JSONView) {
      guard object.isObject else { return nil }
      var slots = (
        code: MemberSlot("code"), title: MemberSlot("title"), message: MemberSlot("message"),
        errorData: MemberSlot("error_data"), details: MemberSlot("details"), subcode: MemberSlot("error_subcode"),
        transient: MemberSlot("is_transient"), userTitle: MemberSlot("error_user_title"),
        userMessage: MemberSlot("error_user_msg")
      )
      object.forEachMember { key, value in
        // The key's length picks the slots it can fill (an escaped key is offered to all).
        let length = key.plainLength
        if length == nil || length == 4 { slots.code.offer(key, value) }
        if length == nil || length == 5 { slots.title.offer(key, value) }
        if length == nil || length == 7 {
          slots.message.offer(key, value)
          slots.details.offer(key, value)
        }
        if length == nil || length == 10 { slots.errorData.offer(key, value) }
        if length == nil || length == 13 { slots.subcode.offer(key, value) }
        if length == nil || length == 12 { slots.transient.offer(key, value) }
        if length == nil || length == 16 { slots.userTitle.offer(key, value) }
        if length == nil || length == 14 { slots.userMessage.offer(key, value) }
      }
      codeValue = slots.code.value
      code = codeValue?.scalarText
      title = slots.title.value
      message = slots.message.value
      errorData = slots.errorData.value
      details = slots.details.value
      subcode = slots.subcode.value
      transient = slots.transient.value
      userTitle = slots.userTitle.value
      userMessage = slots.userMessage.value
    }

    private static func text(_ view: JSONView?) -> WireText? {
      guard let view, view.hasMessageText else { return nil }
      return WireText(view)
    }

    /// `error_data.details`, else `details`, as ``ErrorItem/details``.
    private var detailsText: WireText? {
      Self.text(errorData?.member("details")) ?? Self.text(details)
    }

    /// ``ErrorItem/matchText``: the title, else the message without its `(#code)` prefix, else the details.
    var matchText: WireText? {
      Self.text(title) ?? Self.text(message)?.withoutCodePrefix ?? detailsText
    }

    /// ``ErrorItem/match(in:)``.
    package func match(in table: CatalogTable) -> CatalogMatch? {
      let text = matchText
      if let code {
        let key = CodeText.canonical(code)
        guard let text else { return table.match(codeKey: key, text: nil) }
        return text.withUTF8 { table.match(codeKey: key, text: $0) }
      }
      return text.flatMap { text in text.withUTF8 { table.match(text: $0, codeKey: nil) } }
    }

    /// ``ErrorItem/match(ownTable:metaFirst:)``.
    package func match(ownTable: CatalogTable?, metaFirst: Bool) -> CatalogMatch? {
      if metaFirst { return match(in: Code.table) ?? ownTable.flatMap { match(in: $0) } }
      return ownTable.flatMap { match(in: $0) } ?? match(in: Code.table)
    }

    /// ``ErrorItem/isTransient``.
    var isTransient: Bool? { transient?.boolValue }

    /// The documented subcode, as ``ErrorItem/error(provider:kind:match:status:headers:extraParameters:references:body:now:)``
    /// finds it.
    var catalogSubcode: CatalogSubcode? {
      guard let subcode = subcode?.scalarText else { return nil }
      let texts = [message?.messageText, userTitle?.messageText, userMessage?.messageText, detailsText?.text]
      return CatalogSubcode.match(
        subcode, parentCode: code, texts: texts.compactMap { $0 }, in: WhatsApp.subcodes)
    }

    /// What classification keeps of this item once the document is gone: the code, the entry, the subcode
    /// and whether Meta marked the error transient.
    package func decision(match: CatalogMatch?) -> Decision {
      Decision(code: code, match: match, subcode: catalogSubcode, isTransient: isTransient)
    }
  }

  /// What an error item decided, kept beyond the walk over the body.
  package struct Decision {
    @usableFromInline package var code: String?
    @usableFromInline package var match: CatalogMatch?
    @usableFromInline package var subcode: CatalogSubcode?
    @usableFromInline package var isTransient: Bool?

    /// How an error Meta marks transient is classified when its code is unknown.
    @usableFromInline static var transient: StatusClassification { WhatsApp.transientFallback }

    /// A classified error for the item whose raw message, parameters and references `deferred` reads.
    package func error<C: CatalogCode>(
      provider: ProviderID, kind: ResponseKind, status: Int?, headers: [String: String] = [:],
      deferred: DeferredFields, body: ResponseBody, now: Double
    ) -> ClassifiedError<C> {
      ClassifiedError<C>(
        provider: provider, match: match, kind: kind, status: status, headers: headers, rawCode: code,
        deferred: deferred, subcode: subcode, body: body,
        fallback: isTransient == true ? WhatsApp.transientFallback : nil, now: now)
    }

    /// ``error(provider:kind:status:headers:deferred:body:now:)`` with the match's typed code already found.
    /// Inlinable so that each provider's module specialises it for its own code type.
    @inlinable
    package func error<C: CatalogCode>(
      provider: ProviderID, code typed: C?, kind: ResponseKind, status: Int?, headers: [String: String] = [:],
      deferred: DeferredFields, body: ResponseBody, now: Double
    ) -> ClassifiedError<C> {
      ClassifiedError<C>(
        provider: provider, code: typed, match: match, kind: kind, status: status, headers: headers, rawCode: code,
        deferred: deferred, subcode: subcode, body: body, fallback: isTransient == true ? Decision.transient : nil,
        now: now)
    }
  }

  /// ``graphError(in:)`` in place.
  package static func graphItem(in root: JSONView) -> ItemKey? {
    guard root.isObject else { return nil }
    var error = MemberSlot("error")
    var detail = MemberSlot("detail")
    var trace = MemberSlot("fbtrace_id")
    var subcode = MemberSlot("error_subcode")
    root.forEachMember { key, value in
      error.offer(key, value)
      detail.offer(key, value)
      trace.offer(key, value)
      subcode.offer(key, value)
    }
    let object: JSONView
    if let inner = error.value, inner.isObject {
      object = inner
    } else if let inner = detail.value?.member("error"), inner.isObject {
      object = inner
    } else if trace.value != nil || subcode.value != nil {
      object = root
    } else {
      return nil
    }
    guard let item = ItemKey(object), item.codeValue != nil, item.code != nil || item.message != nil else {
      return nil
    }
    return item
  }

  /// The decision on the Graph error a body holds, looked up in `table`; `nil` when it holds none.
  package static func graphDecision(in body: ResponseBody, table: CatalogTable) -> (isJSON: Bool, decision: Decision?) {
    let decision = JSONDocument.withRoot(of: body) { root in
      graphItem(in: root).map { $0.decision(match: $0.match(in: table)) }
    }
    return (decision != nil, decision ?? nil)
  }

  /// The raw message, parameters and references of a Graph answer (see ``graphError(in:)`` and
  /// ``responseReferences(in:headers:)``), read from the body when asked for; `context` holds the headers.
  @Sendable package static func graphFields(
    _ body: ResponseBody, _: Int, _ headers: [String: String]
  ) -> DeferredFields.Fields {
    let json = body.json
    let references = responseReferences(in: json, headers: headers)
    guard let item = graphError(in: json) else { return DeferredFields.Fields(references: references) }
    return DeferredFields.Fields(
      rawMessage: item.rawMessage, parameters: item.parameters,
      references: references.merging(References(["traceID": item.traceID ?? ""])))
  }
}
