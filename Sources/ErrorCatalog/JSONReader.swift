/// A small, bounded JSON reader for provider bodies.
///
/// It reads RFC 8259 JSON in one pass and gives up (returns `nil`) rather than throwing or recursing
/// without limit: nesting deeper than ``maximumDepth`` and any syntax error end the read. Invalid UTF-8
/// inside strings is replaced, not rejected, so a body with a stray byte still yields its code.
package enum JSONReader {
  /// How deeply arrays and objects may nest. Provider error bodies nest three or four levels.
  package static let maximumDepth = 64

  /// Parses `bytes` as one JSON value surrounded by optional white space (a UTF-8 byte-order mark is
  /// skipped). Returns `nil` when the bytes are not JSON.
  package static func parse(_ bytes: some Collection<UInt8>) -> JSONValue? {
    let buffer = Array(bytes)
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
      let matches = word.withUTF8Buffer { expected in
        (0..<count).allSatisfy { bytes[index + $0] == expected[$0] }
      }
      guard matches else { return nil }
      index += count
      return value
    }

    mutating func parseNumber() -> JSONValue? {
      let start = index
      if bytes[index] == UInt8(ascii: "-") { index += 1 }
      guard digits() > 0 else { return nil }
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

    mutating func parseString() -> String? {
      index += 1  // opening quote
      var out: [UInt8] = []
      while index < bytes.count {
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "\""):
          index += 1
          return String(decoding: out, as: UTF8.self)
        case UInt8(ascii: "\\"):
          index += 1
          guard index < bytes.count else { return nil }
          let escape = bytes[index]
          index += 1
          switch escape {
          case UInt8(ascii: "\""): out.append(0x22)
          case UInt8(ascii: "\\"): out.append(0x5C)
          case UInt8(ascii: "/"): out.append(0x2F)
          case UInt8(ascii: "b"): out.append(0x08)
          case UInt8(ascii: "f"): out.append(0x0C)
          case UInt8(ascii: "n"): out.append(0x0A)
          case UInt8(ascii: "r"): out.append(0x0D)
          case UInt8(ascii: "t"): out.append(0x09)
          case UInt8(ascii: "u"):
            guard var scalar = hex4() else { return nil }
            if (0xD800..<0xDC00).contains(scalar), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
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
            out.append(contentsOf: Array(String(Character(character)).utf8))
          default: return nil
          }
        case 0x00..<0x20:
          return nil
        default:
          out.append(byte)
          index += 1
        }
      }
      return nil
    }

    mutating func hex4() -> UInt32? {
      guard index + 4 <= bytes.count else { return nil }
      var value: UInt32 = 0
      for _ in 0..<4 {
        let byte = bytes[index]
        let digit: UInt32
        switch byte {
        case 0x30...0x39: digit = UInt32(byte - 0x30)
        case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
        case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
        default: return nil
        }
        value = value << 4 | digit
        index += 1
      }
      return value
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
