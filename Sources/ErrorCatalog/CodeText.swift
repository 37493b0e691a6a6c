/// The one place where code text from the wire is canonicalised, so that every table, classifier and
/// comparison agrees on when two codes are the same.
package enum CodeText {
  /// Trimmed of white space, ASCII letters upper-cased, and an integer in its plain decimal form, so
  /// `" 403"`, `403`, `"0403"` and `"+403"` all meet, and so do `"exceeded_retry"` and `"EXCEEDED_RETRY"`.
  package static func canonical(_ code: String) -> String {
    let key = MessageNormalization.lookupKey(bytes: Array(code.utf8).filter { !MessageNormalization.isSpace($0) })
    return Int(key).map(String.init) ?? key
  }

  /// Whether two codes are the same code.
  package static func same(_ lhs: String?, _ rhs: String?) -> Bool {
    guard let lhs, let rhs else { return false }
    return canonical(lhs) == canonical(rhs)
  }
}
