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

  /// The document's bytes.
  let buffer: ByteView
  /// The offset of the value's first byte.
  let start: Int
  /// The offset just past the value.
  let end: Int
  /// Whether the document's strings have no escapes and no bytes outside ASCII.
  let plain: Bool
  /// The document's table of container ends (see ``JSONDocument/containers``), or, when `holdsMembers`,
  /// this object's members as validation recorded them (see ``JSONDocument/validateShort(_:members:)``),
  /// four offsets each. One field serves both, which keeps views small: members are recorded only for short
  /// documents, which have no table of container ends.
  let table: OffsetTable
  let holdsMembers: Bool

  /// The document's table of container ends, possibly empty.
  var containers: OffsetTable { holdsMembers ? OffsetTable() : table }
  /// This object's recorded members; empty when they were not recorded (every view but a short document's
  /// root).
  var members: OffsetTable { holdsMembers ? table : OffsetTable() }

  /// A view; `members`, when not empty, are the object's recorded members (and `containers` is then
  /// empty, as it is for every document short enough to have its members recorded).
  init(
    buffer: ByteView, start: Int, end: Int, plain: Bool, containers: OffsetTable, members: OffsetTable = OffsetTable()
  ) {
    self.buffer = buffer
    self.start = start
    self.end = end
    self.plain = plain
    holdsMembers = !members.isEmpty
    table = members.isEmpty ? containers : members
  }

  /// The end of the value at `index`: from the table of container ends when it has the container, else by
  /// walking.
  @inline(__always)
  func end(of index: Int, in buffer: ByteView) -> Int {
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

  var kind: Kind {
    switch buffer[start] {
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

  var isObject: Bool { buffer[start] == UInt8(ascii: "{") }

  /// The value of a boolean.
  var boolValue: Bool? {
    switch buffer[start] {
    case UInt8(ascii: "t"): true
    case UInt8(ascii: "f"): false
    default: nil
    }
  }

  // MARK: - Walking

  /// The offset just past the value at `index` (the document is valid, so this only counts brackets).
  static func end(of index: Int, in bytes: ByteView) -> Int {
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
  @inline(__always)
  static func stringEnd(_ index: Int, in bytes: ByteView) -> Int {
    var index = index + 1
    while true {
      index = ByteScan.skipStringBody(bytes, from: index, end: bytes.count)
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") { return index + 1 }
      index += byte == UInt8(ascii: "\\") ? 2 : 1
    }
  }

  @inline(__always)
  static func skipWhitespace(_ index: Int, in bytes: ByteView) -> Int {
    var index = index
    while index < bytes.count, JSONDocument.isWhitespace(bytes[index]) { index += 1 }
    return index
  }

  /// Calls `body` with each member's key (the range of its text between the quotes) and value, in
  /// document order; nothing when this is not an object.
  @inline(__always)
  func forEachMember(_ body: (JSONKey, JSONView) -> Void) {
    guard isObject else { return }
    let buffer = buffer
    if !members.isEmpty {
      var offset = 0
      while offset + 4 <= members.count {
        let key = Int(members[offset])..<Int(members[offset + 1])
        let escaped = !plain && buffer[key].contains(UInt8(ascii: "\\"))
        body(
          JSONKey(buffer: buffer, range: key, escaped: escaped),
          JSONView(
            buffer: buffer, start: Int(members[offset + 2]), end: Int(members[offset + 3]), plain: plain,
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
      let key = JSONKey(buffer: buffer, range: (index + 1)..<(keyEnd - 1), escaped: escaped)
      index = Self.skipWhitespace(keyEnd, in: buffer) + 1  // past ':'
      index = Self.skipWhitespace(index, in: buffer)
      let valueEnd = end(of: index, in: buffer)
      body(key, JSONView(buffer: buffer, start: index, end: valueEnd, plain: plain, containers: containers))
      index = Self.skipWhitespace(valueEnd, in: buffer)
      guard buffer[index] == UInt8(ascii: ",") else { return }
      index = Self.skipWhitespace(index + 1, in: buffer)
    }
  }

  /// Calls `body` with each element, in order, until it returns `false`; nothing when this is not an array.
  func forEachElement(_ body: (JSONView) -> Bool) {
    guard buffer[start] == UInt8(ascii: "[") else { return }
    let buffer = buffer
    var index = Self.skipWhitespace(start + 1, in: buffer)
    guard buffer[index] != UInt8(ascii: "]") else { return }
    while true {
      let valueEnd = end(of: index, in: buffer)
      guard body(JSONView(buffer: buffer, start: index, end: valueEnd, plain: plain, containers: containers))
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
  var isArray: Bool { buffer[start] == UInt8(ascii: "[") }

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
  var textRange: Range<Int> {
    buffer[start] == UInt8(ascii: "\"") ? (start + 1)..<(end - 1) : start..<end
  }

  /// Whether a string's text is its bytes as they stand: no escapes and ASCII only.
  static func isPlain(_ bytes: ByteView, _ range: Range<Int>) -> Bool {
    for index in range where bytes[index] >= 0x80 || bytes[index] == UInt8(ascii: "\\") { return false }
    return true
  }

  /// A string's text, decoded (invalid UTF-8 replaced), or `nil` when this is
  /// not a string.
  var decodedString: String? {
    guard buffer[start] == UInt8(ascii: "\"") else { return nil }
    let range = textRange
    let buffer = buffer
    if plain || !buffer[range].contains(UInt8(ascii: "\\")) {
      return buffer.string(range)
    }
    return String(decoding: Self.unescaped(buffer, range), as: UTF8.self)
  }

  /// The bytes of escaped string text, decoded: the one decoder of JSON escapes.
  static func unescaped(_ bytes: ByteView, _ range: Range<Int>) -> [UInt8] {
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
  @inline(__always)
  func withText<R>(_ body: (ByteView) -> R) -> R? {
    switch buffer[start] {
    case UInt8(ascii: "\""):
      let range = textRange
      if plain || Self.isPlain(buffer, range) { return body(buffer.extracting(range)) }
      return ByteView.of(decodedString ?? "", body)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return body(buffer.extracting(textRange))
    default:
      return nil
    }
  }

  /// Whether ``messageText`` is not `nil`: a number, or a string that is neither blank nor `"null"`.
  var hasMessageText: Bool {
    switch buffer[start] {
    case UInt8(ascii: "\""): withText { !MessageKey.isBlankOrNull($0) } ?? false
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
    default: false
    }
  }

  /// As ``JSONValue/messageText``: a string as it is (blank and `"null"` give `nil`), or a number's text.
  var messageText: String? {
    guard hasMessageText else { return nil }
    if let text = decodedString { return text }
    return buffer.string(textRange)
  }

  /// As ``JSONValue/scalarText``: a string normalised (blank and `"null"` give `nil`), or a number's text
  /// with an integral fraction dropped.
  var scalarText: String? {
    switch buffer[start] {
    case UInt8(ascii: "\""):
      return withText { text -> String? in
        guard !MessageKey.isBlankOrNull(text) else { return nil }
        return MessageKey.normalizedString(text)
      } ?? nil
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      let text = buffer.extracting(textRange)
      let plain = !text.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
      if plain {
        if text.count == 2, text[0] == UInt8(ascii: "-"), text[1] == 0x30 { return "0" }
        return text.string
      }
      let literal = text.string
      return JSONValue.integralText(literal) ?? literal
    default:
      return nil
    }
  }

  /// As ``JSONValue/intValue``.
  var intValue: Int? { scalarText.flatMap { Int($0) } }
}

/// A member's key inside a ``JSONDocument``: its text between the quotes.
struct JSONKey {
  /// The key's text as it stands between the quotes.
  let text: ByteView
  /// Whether the key's text has escapes, so that it must be decoded before comparing.
  let escaped: Bool

  init(buffer: ByteView, range: Range<Int>, escaped: Bool) {
    text = buffer.extracting(range)
    self.escaped = escaped
  }

  /// The key's text, decoded as a string's is.
  var decoded: String {
    escaped ? String(decoding: JSONView.unescaped(text, 0..<text.count), as: UTF8.self) : text.string
  }

  /// The key's length in bytes, or `nil` when it has escapes (its decoded length may differ).
  var plainLength: Int? { escaped ? nil : text.count }

  /// How the key compares with `wanted`: 2 when equal, 1 when equal ignoring ASCII case, 0 otherwise.
  @inline(__always)
  func comparison(with wanted: ByteView) -> Int {
    if !escaped {
      guard text.count == wanted.count else { return 0 }
      return Self.compare(text, from: 0, wanted)
    }
    let decoded = JSONView.unescaped(text, 0..<text.count)
    guard decoded.count == wanted.count else { return 0 }
    return ByteView.of(decoded) { Self.compare($0, from: 0, wanted) }
  }

  /// How `key`'s bytes from `start` compare with `wanted`, which they outnumber or equal in count.
  @inline(__always)
  static func compare(_ key: ByteView, from start: Int, _ wanted: ByteView) -> Int {
    var result = 2
    for index in 0..<wanted.count {
      let actual = key[start + index]
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
  let names: (StaticBytes, StaticBytes, StaticBytes)
  /// The keys' lengths (-1 for none), which rule out most members before any byte is compared.
  let lengths: (Int32, Int32, Int32)
  var rank = Int32.max
  /// The member found so far.
  var value: JSONView?

  @inline(__always)
  init(_ first: StaticString, _ second: StaticString? = nil, _ third: StaticString? = nil) {
    names = (StaticBytes(first), StaticBytes(second ?? first), StaticBytes(third ?? first))
    lengths = (
      Int32(first.utf8CodeUnitCount), second.map { Int32($0.utf8CodeUnitCount) } ?? -1,
      third.map { Int32($0.utf8CodeUnitCount) } ?? -1
    )
  }

  /// A slot for names already laid out (``WireShape/Names``).
  @inline(__always)
  init(
    names: (StaticBytes, StaticBytes, StaticBytes), lengths: (Int32, Int32, Int32)
  ) {
    self.names = names
    self.lengths = lengths
  }

  /// Considers one member.
  @inline(__always)
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

  mutating func compare(_ key: JSONKey, _ value: JSONView) {
    // An exact match on the first key is the best this member can do: the others need not be compared.
    let comparison = key.comparison(with: names.0.view(count: Int(lengths.0)))
    consider(comparison, 0, value)
    if comparison == 2 { return }
    if lengths.1 >= 0 { consider(key.comparison(with: names.1.view(count: Int(lengths.1))), 1, value) }
    if lengths.2 >= 0 { consider(key.comparison(with: names.2.view(count: Int(lengths.2))), 2, value) }
  }

  @inline(__always)
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
  private let bytes: ByteView
  private let string: String?

  /// A string's decoded text or a number's literal; `nil` for other kinds.
  init?(_ view: JSONView) {
    switch view.kind {
    case .string:
      let range = view.textRange
      if view.plain || JSONView.isPlain(view.buffer, range) {
        self.init(bytes: view.buffer.extracting(range))
      } else {
        guard let text = view.decodedString else { return nil }
        self.init(text)
      }
    case .number: self.init(bytes: view.buffer.extracting(view.textRange))
    default: return nil
    }
  }

  init(_ string: String) {
    bytes = ByteView()
    self.string = string
  }

  init(bytes: ByteView) {
    self.bytes = bytes
    string = nil
  }

  /// The text as a string.
  var text: String { string ?? bytes.string }

  /// Calls `body` with the text's UTF-8.
  func withUTF8<R>(_ body: (ByteView) -> R) -> R {
    if let string { return ByteView.of(string, body) }
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
      return WireText(bytes: bytes.extracting(from: start))
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
