/// Header lookups that ignore the case of header names, as HTTP does.
package enum HTTPHeaderLookup {
  /// The value of the header named `name`, ignoring case.
  ///
  /// When several names match (a dictionary can hold `Retry-After` and `retry-after` at once), the answer
  /// is deterministic: the name spelled exactly as `name` wins, else the matching name that is smallest in
  /// byte order (so `RETRY-AFTER` before `Retry-after` before `retry-after`).
  package static func value(_ name: String, in headers: [String: String]) -> String? {
    if let exact = headers[name] { return exact }
    let wanted = Array(name.utf8).map(lowered)
    var best: (name: String, value: String)?
    for (key, value) in headers where key.utf8.count == wanted.count && key.utf8.map(lowered).elementsEqual(wanted) {
      if let current = best, !key.utf8.lexicographicallyPrecedes(current.name.utf8) { continue }
      best = (key, value)
    }
    return best?.value
  }

  /// ASCII lower case; header names are ASCII tokens, other bytes are compared as they are.
  private static func lowered(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
  }

  /// The headers as a dictionary holding the first occurrence of each name (ignoring case), under the
  /// spelling that occurrence had.
  package static func firstValues(_ headers: some Sequence<(String, String)>) -> [String: String] {
    var seen: Set<String> = []
    var result: [String: String] = [:]
    for (name, value) in headers where seen.insert(name.lowercased()).inserted {
      result[name] = value
    }
    return result
  }
}
