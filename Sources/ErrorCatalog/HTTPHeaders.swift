/// Header lookups that ignore the case of header names, as HTTP does.
package enum HTTPHeaderLookup {
  /// The value of the first header named `name`, ignoring case.
  package static func value(_ name: String, in headers: [String: String]) -> String? {
    if let exact = headers[name] { return exact }
    let wanted = name.lowercased()
    return headers.first(where: { $0.key.lowercased() == wanted })?.value
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
