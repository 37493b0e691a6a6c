/// A JSON value as read from a provider body, tolerant of what providers really send.
///
/// Numbers keep their text, so codes like `403`, `"403"` and `403.0` can all be read as the code `"403"`,
/// and a 40-digit number is kept rather than rounded.
package indirect enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  /// A number, as its literal text.
  case number(String)
  case string(String)
  case array([JSONValue])
  /// An object's members in document order; duplicate keys are kept (lookups take the last).
  case object([(key: String, value: JSONValue)])

  package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): true
    case (.bool(let a), .bool(let b)): a == b
    case (.number(let a), .number(let b)): a == b
    case (.string(let a), .string(let b)): a == b
    case (.array(let a), .array(let b)): a == b
    case (.object(let a), .object(let b)):
      a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    default: false
    }
  }

  package func hash(into hasher: inout Hasher) {
    switch self {
    case .null: hasher.combine(0)
    case .bool(let value): hasher.combine(value)
    case .number(let text): hasher.combine(text)
    case .string(let text): hasher.combine(text)
    case .array(let values): hasher.combine(values)
    case .object(let members):
      hasher.combine(members.count)
      for member in members {
        hasher.combine(member.key)
        hasher.combine(member.value)
      }
    }
  }

  /// The member with this key (the last one when a key is repeated), or `nil` when this is not an object.
  package subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.last(where: { $0.key == key })?.value
  }

  /// The first member found under any of `keys`, trying exact keys first and then ignoring ASCII case.
  package func member(_ keys: String...) -> JSONValue? {
    member(keys)
  }

  /// The first member found under any of `keys`, trying exact keys first and then ignoring ASCII case.
  package func member(_ keys: [String]) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    for key in keys {
      if let value = members.last(where: { $0.key == key })?.value { return value }
    }
    for key in keys {
      let wanted = Array(key.utf8)
      if let value = members.last(where: { Self.equalFoldingASCIICase($0.key, wanted) })?.value { return value }
    }
    return nil
  }

  /// Whether `key` is `wanted` (UTF-8, a name's bytes) ignoring ASCII letter case.
  static func equalFoldingASCIICase<Name: RandomAccessCollection<UInt8>>(_ key: String, _ wanted: Name) -> Bool
  where Name.Index == Int {
    guard key.utf8.count == wanted.count else { return false }
    var index = 0
    for byte in key.utf8 {
      guard index < wanted.count,
        MessageNormalization.asciiUppercased(byte) == MessageNormalization.asciiUppercased(wanted[index])
      else { return false }
      index += 1
    }
    return index == wanted.count
  }

  /// The elements of an array, or `nil`.
  package var arrayValue: [JSONValue]? {
    if case .array(let values) = self { return values }
    return nil
  }

  /// Whether this is an object.
  package var isObject: Bool {
    if case .object = self { return true }
    return false
  }

  /// Text for a code or a short value: a string (trimmed; `""` and `"null"` give `nil`), or a number's
  /// text with an integral fraction dropped (`403.0` gives `"403"`). Booleans, arrays, objects give `nil`.
  package var scalarText: String? {
    switch self {
    case .string(let text):
      return MessageKey.scalarText(text)
    case .number(let text):
      return Self.integralText(text) ?? text
    case .null, .bool, .array, .object:
      return nil
    }
  }

  /// A message: a string as it is (`"null"` and blank give `nil`), or a number's text.
  package var messageText: String? {
    switch self {
    case .string(let text):
      let trimmed = MessageNormalization.normalize(text)
      if trimmed.isEmpty || trimmed.lowercased() == "null" { return nil }
      return text
    case .number(let text): return text
    default: return nil
    }
  }

  /// The value as an integer when it is an integer written as a number or a string (`403`, `"403"`,
  /// `403.0`), within `Int`'s range.
  package var intValue: Int? {
    guard let text = scalarText else { return nil }
    return Int(text)
  }

  /// `"403.000"` → `"403"`, `"-2"` → `"-2"`, `"4.5"` and `"1e3"` → `nil`.
  static func integralText(_ text: String) -> String? {
    var bytes = Array(text.utf8)
    if let dot = bytes.firstIndex(of: UInt8(ascii: ".")) {
      guard bytes[(dot + 1)...].allSatisfy({ $0 == UInt8(ascii: "0") }) else { return nil }
      bytes.removeSubrange(dot...)
    }
    guard !bytes.contains(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) else { return nil }
    if bytes == Array("-0".utf8) { return "0" }
    return String(decoding: bytes, as: UTF8.self)
  }
}
