/// The one place where code text from the wire is canonicalised, so that every table, classifier and
/// comparison agrees on when two codes are the same.
package enum CodeText {
  /// Trimmed of white space, ASCII letters upper-cased, and an integer in its plain decimal form, so
  /// `" 403"`, `403`, `"0403"` and `"+403"` all meet, and so do `"exceeded_retry"` and `"EXCEEDED_RETRY"`.
  package static func canonical(_ code: String) -> String {
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
      : String(unsafeUninitializedCapacity: code.utf8.count) { buffer in
        var count = 0
        for byte in code.utf8 where !MessageNormalization.isSpace(byte) {
          buffer[count] = MessageNormalization.asciiUppercased(byte)
          count += 1
        }
        return count
      }
    return Int(key).map(String.init) ?? key
  }

  /// Whether two codes are the same code.
  package static func same(_ lhs: String?, _ rhs: String?) -> Bool {
    guard let lhs, let rhs else { return false }
    return canonical(lhs) == canonical(rhs)
  }
}
