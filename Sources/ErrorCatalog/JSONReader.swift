/// JSON as a tree (``JSONValue``), for the readers that keep a whole envelope (the resellers' own shapes,
/// GENIQ's reports, `errcat`'s output).
///
/// There is one JSON reader: ``JSONDocument`` validates the bytes (RFC 8259, nesting at most
/// ``maximumDepth``, a leading byte-order mark skipped) and its views are copied into the tree, so the two
/// accept exactly the same documents and read the same text. Any syntax error gives `nil` rather than
/// throwing. Invalid UTF-8 inside strings is replaced, not rejected, so a body with a stray byte still
/// yields its code.
package enum JSONReader {
  /// How deeply arrays and objects may nest. Provider error bodies nest three or four levels.
  package static let maximumDepth = 64

  #if DEBUG
    /// Called with the length of every text this reader parses. Tests bind it to count the work that
    /// classifying and reading fields does, in bytes rather than seconds, so that growth with the body is
    /// checked without timing anything. Debug builds only: a task-local's first read costs a program's first
    /// classification about 55,000 instructions.
    @TaskLocal package static var parseObserver: (@Sendable (Int) -> Void)?
    /// Whether ``parseObserver`` is called (debug builds).
    package static let observesParsing = true
  #else
    /// Never called in release builds (see the debug declaration).
    @inline(__always) package static var parseObserver: (@Sendable (Int) -> Void)? { nil }
    /// Whether ``parseObserver`` is called (debug builds).
    package static let observesParsing = false
  #endif

  /// Parses `bytes` as one JSON value surrounded by optional white space (a UTF-8 byte-order mark is
  /// skipped). Returns `nil` when the bytes are not JSON.
  package static func parse(_ bytes: some Collection<UInt8>) -> JSONValue? {
    let buffer = Array(bytes)
    parseObserver?(buffer.count)
    return JSONDocument(validating: buffer)?.withRoot { JSONValue(copying: $0) }
  }

  /// Parses a string's UTF-8.
  package static func parse(_ text: String) -> JSONValue? {
    parse(Array(text.utf8))
  }
}

extension JSONValue {
  /// A validated document's value, copied into a tree (its depth is bounded by validation).
  init(copying view: JSONView) {
    switch view.kind {
    case .object:
      var members: [(key: String, value: JSONValue)] = []
      view.forEachMember { key, value in members.append((key.decoded, JSONValue(copying: value))) }
      self = .object(members)
    case .array:
      var values: [JSONValue] = []
      view.forEachElement { element in
        values.append(JSONValue(copying: element))
        return true
      }
      self = .array(values)
    case .string: self = .string(view.decodedString ?? "")
    case .number: self = .number(view.buffer.string(view.textRange))
    case .bool: self = .bool(view.boolValue ?? false)
    case .null: self = .null
    }
  }
}
