/// Header lookups that ignore the case of header names, as HTTP does.
package enum HTTPHeaderLookup {
  /// The value of the first header named `name`, ignoring case.
  package static func value(_ name: String, in headers: [String: String]) -> String? {
    if let exact = headers[name] { return exact }
    let wanted = name.lowercased()
    return headers.first(where: { $0.key.lowercased() == wanted })?.value
  }
}
