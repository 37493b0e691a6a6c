extension CatalogTable {
  /// Reads a body whose top-level object carries a code and a message where the table's ``wire`` says, in
  /// one pass over its members, and finds the entry they name, the field the shape names deciding.
  ///
  /// - Parameter status: The HTTP status, which narrows a message that several codes share when the body
  ///   has no code (a shape whose message decides).
  /// - Returns: The code as the body gave it (`nil` when the body is no such object or has no code), the
  ///   entry the code and message name, and whether the body is JSON (of any shape).
  package func readWire(
    in body: ResponseBody, status: Int?
  ) -> (rawCode: String?, match: CatalogMatch?, isJSON: Bool) {
    // The slots and the rule are taken out of the shape before the walk, so the walk captures no table; each
    // is read in place (binding the whole shape would retain its lists of fields, unused here).
    guard var codeSlot = wire?.code.slot, var messageSlot = wire?.message.slot, let decides = wire?.decides else {
      return (nil, nil, false)
    }
    var alternateSlot = wire?.alternateMessage?.slot
    let read = JSONDocument.withRoot(of: body) { root -> (String?, CatalogMatch?) in
      guard root.isObject else { return (nil, nil) }
      root.forEachMember { key, value in
        codeSlot.offer(key, value)
        messageSlot.offer(key, value)
        alternateSlot?.offer(key, value)
      }
      let rawCode = codeSlot.value?.scalarText
      switch decides {
      case .code:
        guard let rawCode else { return (nil, nil) }
        let key = CodeText.canonical(rawCode)
        guard let message = messageSlot.value, message.hasMessageText else {
          return (rawCode, match(codeKey: key, text: nil))
        }
        return (rawCode, message.withText { match(codeKey: key, text: $0) } ?? nil)
      case .message:
        let codeKey = (rawCode ?? status.map(String.init)).map(CodeText.canonical)
        func matchMessage(_ text: JSONView?) -> CatalogMatch? {
          guard let text, text.hasMessageText else { return nil }
          return text.withText { match(text: $0, codeKey: codeKey) } ?? nil
        }
        return (rawCode, matchMessage(messageSlot.value) ?? matchMessage(alternateSlot?.value))
      }
    }
    guard let (rawCode, match) = read else { return (nil, nil, false) }
    return (rawCode, match, true)
  }
}
