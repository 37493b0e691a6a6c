/// One value inside a validated ``JSONDocument``, read in place.
///
/// It answers what ``JSONValue`` answers (members with the same precedence, `scalarText`, `messageText`,
/// `intValue`) without building a tree; text becomes a `String` only when asked for, and a message can be
/// matched against a catalog from the body's own bytes.
///
/// A view points into its document's bytes: it is valid only inside ``JSONDocument/withRoot(_:)``, which
/// hands out the first one, and must not be kept beyond it. That way walking the document costs no
/// reference counting.
struct JSONView {
  /// What a value is, told by its first byte.
  enum Kind: Sendable {
    case object, array, string, number, bool, null
  }

  @usableFromInline let base: UnsafePointer<UInt8>
  /// The document's length.
  @usableFromInline let count: Int
  /// The offset of the value's first byte.
  @usableFromInline let start: Int
  /// The offset just past the value.
  @usableFromInline let end: Int
  /// Whether the document's strings have no escapes and no bytes outside ASCII.
  @usableFromInline let plain: Bool
  /// The document's table of container ends (see ``JSONDocument/containers``), or, when `holdsMembers`,
  /// this object's members as validation recorded them (see ``JSONDocument/validateShort(_:members:)``),
  /// four offsets each. One field serves both, which keeps views small: members are recorded only for short
  /// documents, which have no table of container ends.
  @usableFromInline let table: UnsafeBufferPointer<Int32>
  @usableFromInline let holdsMembers: Bool

  /// The document's table of container ends, possibly empty.
  @inlinable
  var containers: UnsafeBufferPointer<Int32> { holdsMembers ? UnsafeBufferPointer(start: nil, count: 0) : table }
  /// This object's recorded members; empty when they were not recorded (every view but a short document's
  /// root).
  @inlinable
  var members: UnsafeBufferPointer<Int32> { holdsMembers ? table : UnsafeBufferPointer(start: nil, count: 0) }

  /// A view; `members`, when not empty, are the object's recorded members (and `containers` is then
  /// empty, as it is for every document short enough to have its members recorded).
  @inlinable
  init(
    base: UnsafePointer<UInt8>, count: Int, start: Int, end: Int, plain: Bool, containers: UnsafeBufferPointer<Int32>,
    members: UnsafeBufferPointer<Int32> = UnsafeBufferPointer(start: nil, count: 0)
  ) {
    self.base = base
    self.count = count
    self.start = start
    self.end = end
    self.plain = plain
    holdsMembers = !members.isEmpty
    table = members.isEmpty ? containers : members
  }

  /// The end of the value at `index`: from the table of container ends when it has the container, else by
  /// walking.
  @inlinable @inline(__always)
  func end(of index: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
    let byte = buffer[index]
    if containers.count >= 2, byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
      var low = 0
      var high = containers.count / 2
      while low < high {
        let middle = (low + high) / 2
        let start = Int(containers[2 * middle])
        if start == index { return Int(containers[2 * middle + 1]) }
        if start < index { low = middle + 1 } else { high = middle }
      }
    }
    return Self.end(of: index, in: buffer)
  }

  @inlinable
  var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

  @inlinable
  var kind: Kind {
    switch base[start] {
    case UInt8(ascii: "{"): .object
    case UInt8(ascii: "["): .array
    case UInt8(ascii: "\""): .string
    case UInt8(ascii: "t"), UInt8(ascii: "f"): .bool
    case UInt8(ascii: "n"): .null
    default: .number
    }
  }

  /// Whether this object's members were recorded while validating, so that walking them reads no bytes.
  var hasRecordedMembers: Bool { !members.isEmpty }

  @inlinable
  var isObject: Bool { base[start] == UInt8(ascii: "{") }

  /// The value of a boolean.
  @inlinable
  var boolValue: Bool? {
    switch base[start] {
    case UInt8(ascii: "t"): true
    case UInt8(ascii: "f"): false
    default: nil
    }
  }

  // MARK: - Walking

  /// The offset just past the value at `index` (the document is valid, so this only counts brackets).
  @inlinable
  static func end(of index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var index = index
    switch bytes[index] {
    case UInt8(ascii: "\""):
      return stringEnd(index, in: bytes)
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      var depth = 0
      while true {
        switch bytes[index] {
        case UInt8(ascii: "\""):
          index = stringEnd(index, in: bytes)
          continue
        case UInt8(ascii: "{"), UInt8(ascii: "["):
          depth += 1
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
          depth -= 1
          if depth == 0 { return index + 1 }
        default:
          break
        }
        index += 1
      }
    default:
      while index < bytes.count {
        switch bytes[index] {
        case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09: return index
        default: index += 1
        }
      }
      return index
    }
  }

  /// The offset just past the closing quote of the string opening at `index`.
  @inlinable @inline(__always)
  static func stringEnd(_ index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var index = index + 1
    while true {
      if let base = bytes.baseAddress { index = ByteScan.skipStringBody(base, from: index, end: bytes.count) }
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") { return index + 1 }
      index += byte == UInt8(ascii: "\\") ? 2 : 1
    }
  }

  @inlinable @inline(__always)
  static func skipWhitespace(_ index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var index = index
    while index < bytes.count, JSONDocument.isWhitespace(bytes[index]) { index += 1 }
    return index
  }

  /// Calls `body` with each member's key (the range of its text between the quotes) and value, in
  /// document order; nothing when this is not an object.
  @inlinable @inline(__always)
  func forEachMember(_ body: (JSONKey, JSONView) -> Void) {
    guard isObject else { return }
    let buffer = buffer
    if !members.isEmpty {
      var offset = 0
      while offset + 4 <= members.count {
        let key = Int(members[offset])..<Int(members[offset + 1])
        let escaped = !plain && buffer[key].contains(UInt8(ascii: "\\"))
        body(
          JSONKey(base: base, range: key, escaped: escaped),
          JSONView(
            base: base, count: count, start: Int(members[offset + 2]), end: Int(members[offset + 3]), plain: plain,
            containers: containers))
        offset += 4
      }
      return
    }
    var index = Self.skipWhitespace(start + 1, in: buffer)
    guard buffer[index] != UInt8(ascii: "}") else { return }
    while true {
      let keyEnd = Self.stringEnd(index, in: buffer)
      let escaped = !plain && buffer[(index + 1)..<(keyEnd - 1)].contains(UInt8(ascii: "\\"))
      let key = JSONKey(base: base, range: (index + 1)..<(keyEnd - 1), escaped: escaped)
      index = Self.skipWhitespace(keyEnd, in: buffer) + 1  // past ':'
      index = Self.skipWhitespace(index, in: buffer)
      let valueEnd = end(of: index, in: buffer)
      body(key, JSONView(base: base, count: count, start: index, end: valueEnd, plain: plain, containers: containers))
      index = Self.skipWhitespace(valueEnd, in: buffer)
      guard buffer[index] == UInt8(ascii: ",") else { return }
      index = Self.skipWhitespace(index + 1, in: buffer)
    }
  }

  /// Calls `body` with each element, in order, until it returns `false`; nothing when this is not an array.
  @inlinable
  func forEachElement(_ body: (JSONView) -> Bool) {
    guard base[start] == UInt8(ascii: "[") else { return }
    let buffer = buffer
    var index = Self.skipWhitespace(start + 1, in: buffer)
    guard buffer[index] != UInt8(ascii: "]") else { return }
    while true {
      let valueEnd = end(of: index, in: buffer)
      guard body(JSONView(base: base, count: count, start: index, end: valueEnd, plain: plain, containers: containers))
      else { return }
      index = Self.skipWhitespace(valueEnd, in: buffer)
      guard buffer[index] == UInt8(ascii: ",") else { return }
      index = Self.skipWhitespace(index + 1, in: buffer)
    }
  }

  /// The first element of an array.
  var firstElement: JSONView? {
    var first: JSONView?
    forEachElement {
      first = $0
      return false
    }
    return first
  }

  /// Whether this is an array.
  @inlinable
  var isArray: Bool { base[start] == UInt8(ascii: "[") }

  /// The member under `key`, as ``JSONValue/member(_:)-(String...)`` finds it.
  func member(_ key: StaticString) -> JSONView? {
    var slot = MemberSlot(key)
    forEachMember { slot.offer($0, $1) }
    return slot.value
  }

  /// The member under the first of the keys found, as ``JSONValue/member(_:)-(String...)`` finds it.
  func member(_ first: StaticString, _ second: StaticString, _ third: StaticString? = nil) -> JSONView? {
    var slot = MemberSlot(first, second, third)
    forEachMember { slot.offer($0, $1) }
    return slot.value
  }

  // MARK: - Text

  /// The range of a string's text between its quotes, or of a number's literal.
  @inlinable
  var textRange: Range<Int> {
    base[start] == UInt8(ascii: "\"") ? (start + 1)..<(end - 1) : start..<end
  }

  /// Whether a string's text is its bytes as they stand: no escapes and ASCII only.
  @inlinable
  static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    for index in range where bytes[index] >= 0x80 || bytes[index] == UInt8(ascii: "\\") { return false }
    return true
  }

  /// A string's text decoded as ``JSONReader`` decodes it (invalid UTF-8 replaced), or `nil` when this is
  /// not a string.
  @usableFromInline
  var decodedString: String? {
    guard base[start] == UInt8(ascii: "\"") else { return nil }
    let range = textRange
    let buffer = buffer
    if plain || !buffer[range].contains(UInt8(ascii: "\\")) {
      return String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
    }
    return String(decoding: Self.unescaped(buffer, range), as: UTF8.self)
  }

  /// The bytes of escaped string text, decoded exactly as ``JSONReader`` does.
  @usableFromInline
  static func unescaped(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(range.count)
    var index = range.lowerBound
    func hex4() -> UInt32? {
      guard index + 4 <= range.upperBound else { return nil }
      var value: UInt32 = 0
      for offset in 0..<4 {
        guard let digit = UTF8Text.hexValue(bytes[index + offset]) else { return nil }
        value = value << 4 | UInt32(digit)
      }
      index += 4
      return value
    }
    while index < range.upperBound {
      let byte = bytes[index]
      guard byte == UInt8(ascii: "\\") else {
        out.append(byte)
        index += 1
        continue
      }
      let escape = bytes[index + 1]
      index += 2
      switch escape {
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        var scalar = hex4() ?? 0xFFFD
        if (0xD800..<0xDC00).contains(scalar), index + 1 < range.upperBound, bytes[index] == UInt8(ascii: "\\"),
          bytes[index + 1] == UInt8(ascii: "u")
        {
          let save = index
          index += 2
          if let low = hex4(), (0xDC00..<0xE000).contains(low) {
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          } else {
            index = save
          }
        }
        let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
        out.append(contentsOf: String(Character(character)).utf8)
      default: out.append(escape)  // `"`, `\` and `/` stand for themselves
      }
    }
    return out
  }

  /// Calls `body` with the text of a string (decoded) or of a number (its literal); `nil` for other kinds.
  @inlinable @inline(__always)
  func withText<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
    switch base[start] {
    case UInt8(ascii: "\""):
      let range = textRange
      if plain || Self.isPlain(buffer, range) { return body(UnsafeBufferPointer(rebasing: buffer[range])) }
      var text = decodedString ?? ""
      return text.withUTF8 { body($0) }
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return body(UnsafeBufferPointer(rebasing: buffer[textRange]))
    default:
      return nil
    }
  }

  /// Whether ``messageText`` is not `nil`: a number, or a string that is neither blank nor `"null"`.
  @inlinable
  var hasMessageText: Bool {
    switch base[start] {
    case UInt8(ascii: "\""): withText { !MessageKey.isBlankOrNull($0) } ?? false
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
    default: false
    }
  }

  /// As ``JSONValue/messageText``: a string as it is (blank and `"null"` give `nil`), or a number's text.
  var messageText: String? {
    guard hasMessageText else { return nil }
    if let text = decodedString { return text }
    return String(decoding: UnsafeBufferPointer(rebasing: buffer[textRange]), as: UTF8.self)
  }

  /// As ``JSONValue/scalarText``: a string normalised (blank and `"null"` give `nil`), or a number's text
  /// with an integral fraction dropped.
  var scalarText: String? {
    switch base[start] {
    case UInt8(ascii: "\""):
      return withText { text -> String? in
        guard !MessageKey.isBlankOrNull(text) else { return nil }
        return MessageKey.normalizedString(text)
      } ?? nil
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      let text = UnsafeBufferPointer(rebasing: buffer[textRange])
      let plain = !text.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
      if plain {
        if text.count == 2, text[0] == UInt8(ascii: "-"), text[1] == 0x30 { return "0" }
        return String(decoding: text, as: UTF8.self)
      }
      let literal = String(decoding: text, as: UTF8.self)
      return JSONValue.integralText(literal) ?? literal
    default:
      return nil
    }
  }

  /// As ``JSONValue/intValue``.
  var intValue: Int? { scalarText.flatMap { Int($0) } }
}

/// A member's key inside a ``JSONDocument``: the range of its text between the quotes.
struct JSONKey {
  @usableFromInline let base: UnsafePointer<UInt8>
  @usableFromInline let range: Range<Int>
  /// Whether the key's text has escapes, so that it must be decoded before comparing.
  @usableFromInline let escaped: Bool

  @inlinable
  init(base: UnsafePointer<UInt8>, range: Range<Int>, escaped: Bool) {
    self.base = base
    self.range = range
    self.escaped = escaped
  }

  /// The key's length in bytes, or `nil` when it has escapes (its decoded length may differ).
  @inlinable
  var plainLength: Int? { escaped ? nil : range.count }

  /// How the key compares with the `count` bytes at `wanted`: 2 when equal, 1 when equal ignoring ASCII
  /// case, 0 otherwise.
  @inlinable @inline(__always)
  func comparison(with wanted: UnsafePointer<UInt8>, _ count: Int) -> Int {
    if !escaped {
      guard range.count == count else { return 0 }
      return Self.compare(UnsafeBufferPointer(start: base + range.lowerBound, count: count), wanted, count)
    }
    let decoded = JSONView.unescaped(UnsafeBufferPointer(start: base, count: range.upperBound), range)
    guard decoded.count == count else { return 0 }
    return decoded.withUnsafeBufferPointer { Self.compare($0, wanted, count) }
  }

  @inlinable @inline(__always)
  static func compare(_ key: UnsafeBufferPointer<UInt8>, _ wanted: UnsafePointer<UInt8>, _ count: Int) -> Int {
    var result = 2
    for index in 0..<count {
      let actual = key[index]
      let byte = wanted[index]
      if actual != byte {
        guard MessageNormalization.asciiUppercased(actual) == MessageNormalization.asciiUppercased(byte) else {
          return 0
        }
        result = 1
      }
    }
    return result
  }
}

/// Finds one member while walking an object's members once, with ``JSONValue/member(_:)-(String...)``'s
/// precedence: an exact key before a key equal ignoring ASCII case, earlier keys before later ones, and the
/// last of repeated keys.
struct MemberSlot {
  /// The keys' UTF-8 (a key that is absent repeats the first, with length -1).
  @usableFromInline let names: (UnsafePointer<UInt8>, UnsafePointer<UInt8>, UnsafePointer<UInt8>)
  /// The keys' lengths (-1 for none), which rule out most members before any byte is compared.
  @usableFromInline let lengths: (Int32, Int32, Int32)
  @usableFromInline var rank = Int32.max
  /// The member found so far.
  var value: JSONView?

  @inlinable @inline(__always)
  init(_ first: StaticString, _ second: StaticString? = nil, _ third: StaticString? = nil) {
    names = (first.utf8Start, second?.utf8Start ?? first.utf8Start, third?.utf8Start ?? first.utf8Start)
    lengths = (
      Int32(first.utf8CodeUnitCount), second.map { Int32($0.utf8CodeUnitCount) } ?? -1,
      third.map { Int32($0.utf8CodeUnitCount) } ?? -1
    )
  }

  /// A slot for names already laid out (``WireShape/Names``).
  @inline(__always)
  init(
    names: (UnsafePointer<UInt8>, UnsafePointer<UInt8>, UnsafePointer<UInt8>), lengths: (Int32, Int32, Int32)
  ) {
    self.names = names
    self.lengths = lengths
  }

  /// Considers one member.
  @inlinable @inline(__always)
  mutating func offer(_ key: JSONKey, _ value: JSONView) {
    if let length = key.plainLength.map(Int32.init(truncatingIfNeeded:)),
      length != lengths.0 && length != lengths.1 && length != lengths.2
    {
      return
    }
    compare(key, value)
  }

  /// ``offer(_:_:)`` as a call, for readers that run only when a field is asked for: inlined in each of
  /// their many slots, the length test cost code size for no measurable time.
  @inline(never)
  mutating func offerOutOfLine(_ key: JSONKey, _ value: JSONView) {
    offer(key, value)
  }

  @usableFromInline
  mutating func compare(_ key: JSONKey, _ value: JSONView) {
    // An exact match on the first key is the best this member can do: the others need not be compared.
    let comparison = key.comparison(with: names.0, Int(lengths.0))
    consider(comparison, 0, value)
    if comparison == 2 { return }
    if lengths.1 >= 0 { consider(key.comparison(with: names.1, Int(lengths.1)), 1, value) }
    if lengths.2 >= 0 { consider(key.comparison(with: names.2, Int(lengths.2)), 2, value) }
  }

  @inlinable @inline(__always)
  mutating func consider(_ comparison: Int, _ position: Int32, _ value: JSONView) {
    guard comparison > 0 else { return }
    let rank = comparison == 2 ? position : 3 + position
    if rank <= self.rank {
      self.rank = rank
      self.value = value
    }
  }
}

/// Text read from a body: its bytes in place when the text is plain (ASCII, no escapes), else a string.
/// Like a ``JSONView``, it is valid only inside ``JSONDocument/withRoot(_:)``.
struct WireText {
  private let bytes: UnsafeBufferPointer<UInt8>
  private let string: String?

  /// A string's decoded text or a number's literal; `nil` for other kinds.
  init?(_ view: JSONView) {
    switch view.kind {
    case .string:
      let range = view.textRange
      if view.plain || JSONView.isPlain(view.buffer, range) {
        self.init(bytes: UnsafeBufferPointer(rebasing: view.buffer[range]))
      } else {
        guard let text = view.decodedString else { return nil }
        self.init(text)
      }
    case .number: self.init(bytes: UnsafeBufferPointer(rebasing: view.buffer[view.textRange]))
    default: return nil
    }
  }

  init(_ string: String) {
    bytes = UnsafeBufferPointer(start: nil, count: 0)
    self.string = string
  }

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    string = nil
  }

  /// The text as a string.
  var text: String { string ?? String(decoding: bytes, as: UTF8.self) }

  /// Calls `body` with the text's UTF-8.
  func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if var string { return string.withUTF8(body) }
    return body(bytes)
  }

  /// The text without Meta's `(#130429) ` prefix, as `String` reads it for plain text: everything after the
  /// first `)` when the text starts with `(#`, without the spaces that follow.
  var withoutCodePrefix: WireText {
    guard let string else {
      guard bytes.count >= 2, bytes[0] == UInt8(ascii: "("), bytes[1] == UInt8(ascii: "#"),
        var start = bytes.firstIndex(of: UInt8(ascii: ")"))
      else { return self }
      start += 1
      while start < bytes.count, bytes[start] == 0x20 { start += 1 }
      return WireText(bytes: UnsafeBufferPointer(rebasing: bytes[start...]))
    }
    guard string.hasPrefix("(#"), let close = string.firstIndex(of: ")") else { return self }
    return WireText(String(string[string.index(after: close)...].drop(while: { $0 == " " })))
  }
}

// Views, keys and slots point into a document's bytes for the length of one call: they are not Sendable, and
// say so.
@available(*, unavailable)
extension JSONView: Sendable {}
@available(*, unavailable)
extension JSONKey: Sendable {}
@available(*, unavailable)
extension MemberSlot: Sendable {}
