extension CatalogTable {
  /// Reads a body whose top-level object carries a code and a message (Yeastar's `errcode`/`errmsg`, GENIQ's
  /// `responseCode`/`responseMessage`) in one pass over its members, and finds the entry they name.
  ///
  /// - Returns: The code as the body gave it (`nil` when the body is no such object or has no code), and
  ///   the match, found by the code with the message deciding between entries that share it.
  package func matchTopLevel(
    in body: ResponseBody, code codeSlot: MemberSlot, message messageSlot: MemberSlot
  ) -> (rawCode: String?, match: CatalogMatch?) {
    JSONDocument.withRoot(of: body) { root -> (String?, CatalogMatch?) in
      guard root.isObject else { return (nil, nil) }
      var codeSlot = codeSlot
      var messageSlot = messageSlot
      root.forEachMember { key, value in
        codeSlot.offer(key, value)
        messageSlot.offer(key, value)
      }
      guard let rawCode = codeSlot.value?.scalarText else { return (nil, nil) }
      let key = CodeText.canonical(rawCode)
      guard let message = messageSlot.value, message.hasMessageText else {
        return (rawCode, match(codeKey: key, text: nil))
      }
      return (rawCode, message.withText { match(codeKey: key, text: $0) } ?? nil)
    } ?? (nil, nil)
  }
}
