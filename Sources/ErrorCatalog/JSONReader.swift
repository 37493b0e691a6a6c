/// A small, bounded JSON reader for provider bodies.
///
/// It reads RFC 8259 JSON in one pass and gives up (returns `nil`) rather than throwing or recursing
/// without limit: nesting deeper than ``maximumDepth`` and any syntax error end the read. Invalid UTF-8
/// inside strings is replaced, not rejected, so a body with a stray byte still yields its code.
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
    var parser = Parser(bytes: buffer)
    return parser.parseDocument()
  }

  /// Parses a string's UTF-8.
  package static func parse(_ text: String) -> JSONValue? {
    parse(Array(text.utf8))
  }

  struct Parser {
    let bytes: [UInt8]
    var index = 0

    init(bytes: [UInt8]) {
      self.bytes = bytes
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    mutating func parseDocument() -> JSONValue? {
      skipWhitespace()
      guard let value = parseValue(depth: 0) else { return nil }
      skipWhitespace()
      return index == bytes.count ? value : nil
    }

    mutating func skipWhitespace() {
      while index < bytes.count {
        switch bytes[index] {
        case 0x20, 0x09, 0x0A, 0x0D: index += 1
        default: return
        }
      }
    }

    mutating func parseValue(depth: Int) -> JSONValue? {
      guard index < bytes.count else { return nil }
      switch bytes[index] {
      case UInt8(ascii: "{"): return parseObject(depth: depth + 1)
      case UInt8(ascii: "["): return parseArray(depth: depth + 1)
      case UInt8(ascii: "\""): return parseString().map(JSONValue.string)
      case UInt8(ascii: "t"): return parseLiteral("true", .bool(true))
      case UInt8(ascii: "f"): return parseLiteral("false", .bool(false))
      case UInt8(ascii: "n"): return parseLiteral("null", .null)
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return parseNumber()
      default: return nil
      }
    }

    mutating func parseLiteral(_ word: StaticString, _ value: JSONValue) -> JSONValue? {
      let count = word.utf8CodeUnitCount
      guard index + count <= bytes.count else { return nil }
      let expected = ByteView(word)
      let matches = (0..<count).allSatisfy { bytes[index + $0] == expected[$0] }
      guard matches else { return nil }
      index += count
      return value
    }

    mutating func parseNumber() -> JSONValue? {
      let start = index
      if bytes[index] == UInt8(ascii: "-") { index += 1 }
      let integer = index
      let integerDigits = digits()
      // RFC 8259: the integer part is 0 or starts with 1-9 (`010004` is not a number).
      guard integerDigits > 0, integerDigits == 1 || bytes[integer] != UInt8(ascii: "0") else { return nil }
      if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
        index += 1
        guard digits() > 0 else { return nil }
      }
      if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
        index += 1
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
          index += 1
        }
        guard digits() > 0 else { return nil }
      }
      return .number(String(decoding: bytes[start..<index], as: UTF8.self))
    }

    mutating func digits() -> Int {
      let start = index
      while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
      return index - start
    }

    /// Reads a string: ``JSONDocument``'s validation finds its closing quote (rejecting control bytes and
    /// malformed escapes), and ``JSONView/unescaped(_:_:)``, the one decoder of escapes, decodes it.
    mutating func parseString() -> String? {
      let start = index
      // Whether a byte looked at has an escape or a byte outside ASCII (possibly past the string's end).
      var high: UInt64 = 0
      return ByteView.of(bytes) { buffer -> String? in
        guard let end = JSONDocument.stringEnd(buffer, start, high: &high) else { return nil }
        index = end
        let text = (start + 1)..<(end - 1)
        return high & ByteScan.highs == 0
          ? buffer.string(text) : String(decoding: JSONView.unescaped(buffer, text), as: UTF8.self)
      }
    }

    mutating func parseArray(depth: Int) -> JSONValue? {
      guard depth <= JSONReader.maximumDepth else { return nil }
      index += 1
      var values: [JSONValue] = []
      skipWhitespace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
        index += 1
        return .array(values)
      }
      while true {
        skipWhitespace()
        guard let value = parseValue(depth: depth) else { return nil }
        values.append(value)
        skipWhitespace()
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: ",") {
          index += 1
        } else if bytes[index] == UInt8(ascii: "]") {
          index += 1
          return .array(values)
        } else {
          return nil
        }
      }
    }

    mutating func parseObject(depth: Int) -> JSONValue? {
      guard depth <= JSONReader.maximumDepth else { return nil }
      index += 1
      var members: [(key: String, value: JSONValue)] = []
      skipWhitespace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
        index += 1
        return .object(members)
      }
      while true {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = parseString() else { return nil }
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
        index += 1
        skipWhitespace()
        guard let value = parseValue(depth: depth) else { return nil }
        members.append((key, value))
        skipWhitespace()
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: ",") {
          index += 1
        } else if bytes[index] == UInt8(ascii: "}") {
          index += 1
          return .object(members)
        } else {
          return nil
        }
      }
    }
  }
}
