/// The one reader of a query string (`key=value&…`, as a gateway that posts a form or calls a URL sends a
/// report), byte by byte as a server splits one.
///
/// A leading URL or `?` is skipped only when the text before the first `?` holds no `=` (a `?` is legal
/// inside a value); the query ends at a `#`; pairs are split at `&` and at line breaks (LF, VT, FF, CR, and
/// NEL, LS, PS in UTF-8); a pair without `=` is skipped. Keys and values are percent-decoded (`+` is a
/// space; a malformed escape stays as it is).
package enum QueryString {
  /// Calls `visit` with each pair's key and a way to its value, percent-decoded (invalid UTF-8 replaced), in
  /// order, until it returns `false`; a value is decoded only when asked for, so the pairs a reader skips
  /// cost no string.
  package static func forEachPair(in bytes: [UInt8], _ visit: (_ key: String, _ value: () -> String) -> Bool) {
    ByteView.of(bytes) { bytes in
      forEachPair(bytes) { key, value in visit(decoded(bytes, key), { decoded(bytes, value) }) }
    }
  }

  /// A value ``lastValues(in:of:_:)`` found, and whether its key was spelt exactly as asked.
  package struct Value: Sendable, Equatable {
    /// The value, percent-decoded.
    package let text: String
    /// Whether the key, without its white space, was spelt exactly as asked (else it differs in ASCII
    /// letter case).
    package let isExact: Bool
  }

  /// The values of two members, as ``JSONValue/member(_:)-([WireShape.Names])`` finds them in an object of the
  /// query's pairs: for each of their names (ASCII), the last pair whose key, percent-decoded and stripped of
  /// white space, is the name ignoring ASCII letter case; then a name spelt exactly before one that differs
  /// in case, an earlier name before a later one. `nil` when the text, or a key once decoded, holds bytes
  /// outside ASCII (where Unicode's rules for white space apply: see ``forEachPair(in:_:)``), or when the two
  /// members have more than three names between them: the general reader handles both. Nothing is
  /// allocated but the values found.
  package static func lastValues(
    in bytes: [UInt8], of first: WireShape.Names, _ second: WireShape.Names
  ) -> (Value?, Value?)? {
    // The names of both members, laid out as up to three: `first`'s, then `second`'s.
    let firstCount = first.count
    let count = firstCount + second.count
    guard count <= 3 else { return nil }
    func name(_ index: Int) -> ByteView {
      index < firstCount ? first.view(index) : second.view(index - firstCount)
    }
    let names = (name(0), name(min(1, count - 1)), name(min(2, count - 1)))
    return ByteView.of(bytes) { bytes -> (Value?, Value?)? in
      for byte in bytes where byte >= 0x80 { return nil }
      let longest = max(names.0.count, names.1.count, names.2.count)
      // For each name, the value's range in the last pair whose key is the name, and whether it was spelt exactly.
      var found: ((Range<Int>, Bool)?, (Range<Int>, Bool)?, (Range<Int>, Bool)?) = (nil, nil, nil)
      var ascii = true
      // Each key is decoded, without its white space, into room for the longest name: a longer key is none.
      Slots<UInt8>.withTemporary(capacity: longest) { spelt in
        forEachPair(bytes) { key, value in
          var length = 0
          forEachDecoded(bytes, key) { byte in
            guard byte < 0x80 else {
              ascii = false
              return false
            }
            if !MessageNormalization.isSpace(byte) {
              if length < longest { spelt[length] = byte }
              length += 1
            }
            return true
          }
          guard ascii else { return false }
          guard length <= longest else { return true }
          if let exact = Self.compare(spelt, length, names.0) { found.0 = (value, exact) }
          if count > 1, let exact = Self.compare(spelt, length, names.1) { found.1 = (value, exact) }
          if count > 2, let exact = Self.compare(spelt, length, names.2) { found.2 = (value, exact) }
          return true
        }
      }
      guard ascii else { return nil }
      func slot(_ index: Int) -> (Range<Int>, Bool)? {
        switch index {
        case 0: found.0
        case 1: found.1
        default: found.2
        }
      }
      /// The value a member's names give: the first spelt exactly, else the first found; only it is decoded.
      func chosen(_ indices: Range<Int>) -> Value? {
        var fallback: (Range<Int>, Bool)?
        for index in indices {
          guard let candidate = slot(index) else { continue }
          if candidate.1 { return Value(text: decoded(bytes, candidate.0), isExact: true) }
          if fallback == nil { fallback = candidate }
        }
        return fallback.map { Value(text: decoded(bytes, $0.0), isExact: $0.1) }
      }
      return (chosen(0..<firstCount), chosen(firstCount..<count))
    }
  }

  /// Whether the first `length` bytes of `spelt` are `name`: `true` when spelt exactly, `false` when equal
  /// ignoring ASCII letter case, `nil` when not the name.
  @inline(__always)
  private static func compare(_ spelt: Slots<UInt8>, _ length: Int, _ name: ByteView) -> Bool? {
    guard length == name.count else { return nil }
    var exact = true
    for index in 0..<length where spelt[index] != name[index] {
      guard UTF8Text.asciiLowered(spelt[index]) == UTF8Text.asciiLowered(name[index]) else { return nil }
      exact = false
    }
    return exact
  }

  /// Calls `body` with the key's and the value's ranges of each pair, until it returns `false`.
  static func forEachPair(_ bytes: ByteView, _ body: (Range<Int>, Range<Int>) -> Bool) {
    var start = 0
    if let mark = bytes.firstIndex(of: UInt8(ascii: "?"), in: 0..<bytes.count),
      bytes.firstIndex(of: UInt8(ascii: "="), in: 0..<mark) == nil
    {
      start = mark + 1
    }
    var end = bytes.count
    if let fragment = bytes.firstIndex(of: UInt8(ascii: "#"), in: start..<bytes.count) { end = fragment }
    var pairStart = start
    var index = start
    while index <= end {
      let separator = index == end ? 1 : separatorLength(bytes, index, end)
      guard separator > 0 else {
        index += 1
        continue
      }
      if pairStart < index, let equals = bytes.firstIndex(of: UInt8(ascii: "="), in: pairStart..<index) {
        guard body(pairStart..<equals, (equals + 1)..<index) else { return }
      }
      index += separator
      pairStart = index
    }
  }

  /// The length of the pair separator at `index` (`&` or a line break), or 0.
  @inline(__always)
  private static func separatorLength(_ bytes: ByteView, _ index: Int, _ end: Int) -> Int {
    let byte = bytes[index]
    if byte == UInt8(ascii: "&") || (byte >= 0x0A && byte <= 0x0D) { return 1 }
    // U+0085 NEXT LINE, U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR.
    if byte == 0xC2, index + 1 < end, bytes[index + 1] == 0x85 { return 2 }
    if byte == 0xE2, index + 2 < end, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
      return 3
    }
    return 0
  }

  /// Calls `body` with each byte of percent-decoded text, until it returns `false`.
  private static func forEachDecoded(_ bytes: ByteView, _ range: Range<Int>, _ body: (UInt8) -> Bool) {
    var index = range.lowerBound
    while index < range.upperBound {
      let byte = bytes[index]
      var decoded = byte
      var step = 1
      if byte == UInt8(ascii: "+") {
        decoded = UInt8(ascii: " ")
      } else if byte == UInt8(ascii: "%"), index + 2 < range.upperBound,
        let high = UTF8Text.hexValue(bytes[index + 1]), let low = UTF8Text.hexValue(bytes[index + 2])
      {
        decoded = high << 4 | low
        step = 3
      }
      guard body(decoded) else { return }
      index += step
    }
  }

  /// Percent-decoded text as a string (invalid UTF-8 replaced).
  private static func decoded(_ bytes: ByteView, _ range: Range<Int>) -> String {
    ByteWriter.string(capacity: range.count) { buffer in
      var count = 0
      forEachDecoded(bytes, range) { byte in
        buffer[count] = byte
        count += 1
        return true
      }
      return count
    }
  }
}
