import ErrorCatalog

/// What `errcat classify` hands a classifier: the body (at most `ResponseBody.storedLimit` plus one byte,
/// so that a longer body still reads as longer), the status and the headers, taken from a raw HTTP response
/// when the input is one and no option overrides them.
struct ClassifyInput {
  var body: [UInt8]
  /// The body's full length, beyond what was kept.
  var bodyCount: Int
  var status: Int?
  var headers: [String: String]
  /// The response's head, when the input was a raw HTTP response.
  var raw: RawHTTPResponse?

  /// `status` and `headers` are what the options gave: they win over the raw response's.
  init(_ input: BoundedInput, status: Int?, headers: [String: String]) {
    var body = input.bytes[...]
    var count = input.totalCount
    var merged = headers
    var status = status
    if let raw = RawHTTPResponse.parse(input.bytes) {
      self.raw = raw
      body = input.bytes[raw.headCount...]
      count = input.totalCount - raw.headCount
      status = status ?? raw.status
      merged = raw.headers
      for (name, value) in headers {
        for key in merged.keys where key.lowercased() == name.lowercased() { merged[key] = nil }
        merged[name] = value
      }
    }
    self.body = Array(body.prefix(ResponseBody.storedLimit + 1))
    bodyCount = count
    self.status = status
    self.headers = merged
  }

  /// Whether the body was longer than the library reads.
  var isTruncated: Bool { bodyCount > ResponseBody.storedLimit }

  /// An `"input"` member added at the end of `object`: the body's full length, whether it was longer than
  /// the 1 MiB that is read, and whether a raw HTTP response was recognized (and how many responses it held).
  func addingInputMember(to object: JSONOutput) -> JSONOutput {
    guard case .object(var members) = object else { return object }
    var input: [(String, JSONOutput)] = [("bytes", .int(bodyCount)), ("truncated", .bool(isTruncated))]
    input.append(("rawHTTP", .bool(raw != nil)))
    if let raw { input.append(("responses", .int(raw.earlierResponses + 1))) }
    members.append(("input", .object(input)))
    return .object(members)
  }

  /// Lines for the text output saying how the input was read, when that is worth saying.
  var textLines: [String] {
    var lines: [String] = []
    if let raw {
      let earlier = raw.earlierResponses == 0 ? "" : " (the last of \(raw.earlierResponses + 1) responses)"
      lines.append(
        "input:   raw HTTP response, status \(raw.status), \(raw.headers.count) \(raw.headers.count == 1 ? "header" : "headers")\(earlier)"
      )
    }
    if isTruncated {
      lines.append("input:   \(bodyCount) bytes of body, only the first \(ResponseBody.storedLimit) read")
    }
    return lines
  }
}
