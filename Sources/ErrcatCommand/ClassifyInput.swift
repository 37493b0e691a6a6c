import ErrorCatalog

/// What `errcat classify` hands a classifier: the body (at most `ResponseBody.storedLimit` plus one byte,
/// so that a longer body still reads as longer), the status and the headers, taken from a raw HTTP response
/// when the input is one and no option overrides them.
struct ClassifyInput {
  var body: [UInt8]
  /// The body's full length, beyond what was kept (decoded when chunked).
  var bodyCount: Int
  var status: Int?
  var headers: [String: String]
  /// The response's head, when the input was a raw HTTP response.
  var raw: RawHTTPResponse?
  /// What became of a chunked body.
  var chunking: RawHTTPResponse.Chunking?
  /// Input bytes after a malformed or finished chunked body, not read.
  var unreadCount: Int

  /// `status` and `headers` are what the options gave: they win over the raw response's.
  init(_ input: BoundedInput, status: Int?, headers: [String: String]) {
    var merged = headers
    var status = status
    raw = input.raw
    if let raw = input.raw {
      status = status ?? raw.status
      merged = raw.headers
      for (name, value) in headers {
        for key in merged.keys where key.lowercased() == name.lowercased() { merged[key] = nil }
        merged[name] = value
      }
    }
    body = Array(input.bytes.prefix(ResponseBody.storedLimit + 1))
    bodyCount = input.bodyCount
    chunking = input.chunking
    unreadCount = input.unreadCount
    self.status = status
    self.headers = merged
  }

  /// Whether the body was longer than the library reads.
  var isBodyTruncated: Bool { bodyCount > ResponseBody.storedLimit }

  /// Whether anything of the input was not read: the body beyond 1 MiB, header lines beyond the head's
  /// allowance, or what follows a malformed chunk (or an incomplete chunked body, cut before its end).
  var isTruncated: Bool {
    isBodyTruncated || (raw?.droppedHeaderLines ?? 0) > 0 || unreadCount > 0 || chunking == .malformed
      || chunking == .incomplete
  }

  /// An `"input"` member added at the end of `object`: the body's full length, whether anything of the input
  /// was not read, whether a raw HTTP response was recognized (how many responses it held, how long its
  /// heads were, how many header lines were dropped), and what became of a chunked body.
  func addingInputMember(to object: JSONOutput) -> JSONOutput {
    guard case .object(var members) = object else { return object }
    var input: [(String, JSONOutput)] = [("bytes", .int(bodyCount)), ("truncated", .bool(isTruncated))]
    input.append(("rawHTTP", .bool(raw != nil)))
    if let raw {
      input.append(("responses", .int(raw.earlierResponses + 1)))
      input.append(("headBytes", .int(raw.headCount)))
      input.append(("droppedHeaderLines", .int(raw.droppedHeaderLines)))
    }
    if let chunking {
      input.append(("chunked", .string(chunking.rawValue)))
      if unreadCount > 0 { input.append(("unreadBytes", .int(unreadCount))) }
    }
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
      if raw.droppedHeaderLines > 0 {
        lines.append(
          "input:   head longer than \(InputReader.headAllowance) bytes: \(raw.droppedHeaderLines) header \(raw.droppedHeaderLines == 1 ? "line" : "lines") dropped, not read"
        )
      }
    }
    switch chunking {
    case .decoded?: lines.append("input:   chunked body decoded")
    case .incomplete?:
      lines.append("input:   chunked body incomplete (the input ended before the last chunk): classified what was read")
    case .malformed?:
      lines.append(
        "input:   chunked body malformed after \(bodyCount) bytes of data (\(unreadCount) bytes not read): classified what was read"
      )
    case .notEncoded?:
      lines.append("input:   Transfer-Encoding says chunked, but the body is not chunk-encoded: read as it is")
    case nil: break
    }
    if isBodyTruncated {
      lines.append("input:   \(bodyCount) bytes of body, only the first \(ResponseBody.storedLimit) read")
    }
    return lines
  }
}
