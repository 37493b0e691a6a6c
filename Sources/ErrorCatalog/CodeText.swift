/// The one place where code text from the wire is canonicalised, so that every table, classifier and
/// comparison agrees on when two codes are the same.
package enum CodeText {
  /// Trimmed of the white space around it, ASCII letters upper-cased, and an integer in its plain decimal
  /// form, so `" 403"`, `403`, `"0403"` and `"+403"` all meet, and so do `"exceeded_retry"` and
  /// `"EXCEEDED_RETRY"`. White space inside a code stays: `"4 03"` is not `403`.
  package static func canonical(_ code: String) -> String {
    // Most wire codes are plain decimals without a leading zero, which are already canonical.
    let alreadyCanonical =
      ByteView.ifContiguous(code) { bytes -> Bool in
        guard let first = bytes.first, first != 0x30 || bytes.count == 1 else { return false }
        for byte in bytes where byte < 0x30 || byte > 0x39 { return false }
        return true
      } ?? false
    if alreadyCanonical { return code }
    var plain = true
    var digitsOnly = !code.isEmpty
    for byte in code.utf8 {
      if MessageNormalization.isSpace(byte) || (byte >= 0x61 && byte <= 0x7A) { plain = false }
      if byte < 0x30 || byte > 0x39 { digitsOnly = false }
    }
    // A plain decimal without a leading zero is already canonical; most wire codes are.
    if digitsOnly, code.utf8.first != 0x30 || code.utf8.count == 1 { return code }
    let key =
      plain
      ? code
      : ByteWriter.string(capacity: code.utf8.count) { buffer in
        // White space around the code goes; white space inside it stays, so that `"0 0"` or `"4 03"` is no
        // code the catalog has rather than `0` or `403`.
        let bytes = code.utf8
        guard let first = bytes.firstIndex(where: { !MessageNormalization.isSpace($0) }),
          let last = bytes.lastIndex(where: { !MessageNormalization.isSpace($0) })
        else { return 0 }
        var count = 0
        for byte in bytes[first...last] {
          buffer[count] = MessageNormalization.asciiUppercased(byte)
          count += 1
        }
        return count
      }
    return Int(key).map(String.init) ?? key
  }

  /// ``canonical(_:)`` of a code written as words (a status word such as `Exceeded-Retry`): `-` and spaces
  /// become `_` and other ASCII white space goes first; `nil` when the text is not ASCII.
  package static func canonical(words text: String) -> String? {
    ByteView.of(text) { bytes -> String? in
      for byte in bytes where byte >= 0x80 { return nil }
      let key = ByteWriter.string(capacity: bytes.count) { out in
        var count = 0
        for byte in bytes where !(byte >= 0x09 && byte <= 0x0D) {
          out[count] =
            byte == UInt8(ascii: "-") || byte == 0x20 ? UInt8(ascii: "_") : MessageNormalization.asciiUppercased(byte)
          count += 1
        }
        return count
      }
      return canonical(key)
    }
  }

  /// The integer a canonical code stands for, when it is one written as ``canonical(_:)`` writes integers
  /// (plain decimal, no leading zero, `-` for negatives); parsed without building anything.
  @inline(__always)
  static func integer(_ key: String) -> Int? {
    ByteView.ifContiguous(key) { bytes -> Int? in
      guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
      var index = 0
      let negative = bytes[0] == UInt8(ascii: "-")
      if negative { index = 1 }
      guard index < bytes.count, bytes[index] != 0x30 || bytes.count == index + 1 else { return nil }
      var value = 0
      while index < bytes.count {
        let digit = Int(bytes[index]) - 0x30
        guard digit >= 0 && digit <= 9 else { return nil }
        value = value * 10 + digit
        index += 1
      }
      return negative ? (value == 0 ? nil : -value) : value
    } ?? nil
  }

  /// Whether two codes are the same code.
  package static func same(_ lhs: String?, _ rhs: String?) -> Bool {
    guard let lhs, let rhs else { return false }
    return canonical(lhs) == canonical(rhs)
  }
}
