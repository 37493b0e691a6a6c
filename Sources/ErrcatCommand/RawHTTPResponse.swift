/// An HTTP response as `curl -i` prints it: a status line, header lines, a blank line and the body.
///
/// `errcat classify` checks whether its input starts with a status line (`HTTP/1.1 429 Too Many Requests`,
/// `HTTP/2 429`); if so it takes the status and the headers from the head and classifies what follows the
/// blank line as the body. Lines may end in CRLF or LF. When the body itself starts with another status line
/// (an interim `100 Continue`, the hops of `curl -iL` through redirects, a proxy's `200 Connection
/// established`), the last response is the one classified.
struct RawHTTPResponse: Equatable {
  /// The status code of the last response.
  var status: Int
  /// The last response's headers. A name that repeats (ignoring case) keeps its first spelling, and its
  /// values are joined with ", " as RFC 9110 section 5.3 allows (an exact repeat of the same value is kept
  /// once).
  var headers: [String: String]
  /// How many bytes of the input the heads took (all status lines and header sections).
  var headCount: Int
  /// How many responses came before the last one.
  var earlierResponses: Int

  /// The heads of every response at the start of `bytes`, or `nil` when `bytes` does not start with an HTTP
  /// status line. The body is `bytes[headCount...]`.
  static func parse(_ bytes: some RandomAccessCollection<UInt8>) -> RawHTTPResponse? {
    guard bytes.starts(with: Array("HTTP/".utf8)) else { return nil }
    let bytes = Array(bytes)
    var offset = 0
    var parsed: RawHTTPResponse?
    while let head = parseHead(bytes, from: offset) {
      offset = head.end
      parsed = RawHTTPResponse(
        status: head.status, headers: head.headers, headCount: offset,
        earlierResponses: parsed.map { $0.earlierResponses + 1 } ?? 0)
    }
    return parsed
  }

  // MARK: Grammar

  private struct Head {
    var status: Int
    var headers: [String: String]
    var end: Int
  }

  /// `HTTP/1.1 429 Reason` or `HTTP/2 429`: `HTTP/`, a digit with an optional `.digit`, a space, three
  /// digits (100 to 599), and then nothing or a space and a reason phrase.
  private static func statusLine(_ line: ArraySlice<UInt8>) -> Int? {
    var index = line.startIndex
    func take(_ byte: UInt8) -> Bool {
      guard index < line.endIndex, line[index] == byte else { return false }
      index += 1
      return true
    }
    func digit() -> Int? {
      guard index < line.endIndex, (0x30...0x39).contains(line[index]) else { return nil }
      defer { index += 1 }
      return Int(line[index] - 0x30)
    }
    guard take(0x48), take(0x54), take(0x54), take(0x50), take(0x2F), digit() != nil else { return nil }
    if take(0x2E) { guard digit() != nil else { return nil } }
    guard take(0x20), let hundreds = digit(), let tens = digit(), let units = digit() else { return nil }
    let status = hundreds * 100 + tens * 10 + units
    guard (100...599).contains(status), index == line.endIndex || line[index] == 0x20 else { return nil }
    return status
  }

  /// The line starting at `offset`, without its CRLF or LF, and where the next one starts; `nil` at the end.
  private static func line(_ bytes: [UInt8], from offset: Int) -> (text: ArraySlice<UInt8>, next: Int)? {
    guard offset < bytes.count else { return nil }
    guard let feed = bytes[offset...].firstIndex(of: 0x0A) else {
      return (bytes[offset...], bytes.count)
    }
    var end = feed
    if end > offset, bytes[end - 1] == 0x0D { end -= 1 }
    return (bytes[offset..<end], feed + 1)
  }

  private static func parseHead(_ bytes: [UInt8], from offset: Int) -> Head? {
    guard let first = line(bytes, from: offset), let status = statusLine(first.text) else { return nil }
    var fields: [(name: String, value: String)] = []
    var position = first.next
    while let next = line(bytes, from: position) {
      position = next.next
      let text = next.text
      if text.isEmpty { break }
      if let lead = text.first, lead == 0x20 || lead == 0x09 {
        // An obsolete folded line continues the previous field's value.
        if !fields.isEmpty { fields[fields.count - 1].value += " " + fieldValue(text) }
        continue
      }
      guard let colon = text.firstIndex(of: 0x3A), colon > text.startIndex, text[..<colon].allSatisfy(isTokenByte)
      else { continue }  // Not a field line (its name is not an HTTP token): ignored.
      fields.append((String(decoding: text[..<colon], as: UTF8.self), fieldValue(text[(colon + 1)...])))
    }
    return Head(status: status, headers: combined(fields), end: position)
  }

  /// A `tchar` of RFC 9110 section 5.6.2: letters, digits and ``!#$%&'*+-.^_`|~``.
  private static func isTokenByte(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
    case 0x21, 0x23, 0x24, 0x25, 0x26, 0x27, 0x2A, 0x2B, 0x2D, 0x2E, 0x5E, 0x5F, 0x60, 0x7C, 0x7E: true
    default: false
    }
  }

  private static func combined(_ fields: [(name: String, value: String)]) -> [String: String] {
    var spelling: [String: String] = [:]
    var values: [String: [String]] = [:]
    for field in fields {
      let key = field.name.lowercased()
      if spelling[key] == nil { spelling[key] = field.name }
      if values[key, default: []].contains(field.value) { continue }
      values[key, default: []].append(field.value)
    }
    var headers: [String: String] = [:]
    for (key, name) in spelling { headers[name] = values[key, default: []].joined(separator: ", ") }
    return headers
  }

  /// A field value without the white space around it, with each bare CR replaced by a space (RFC 9112
  /// section 2.2 allows that).
  private static func fieldValue(_ bytes: ArraySlice<UInt8>) -> String {
    trimmed(ArraySlice(bytes.map { $0 == 0x0D ? 0x20 : $0 }))
  }

  private static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
    let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
    guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(decoding: bytes[first...last], as: UTF8.self)
  }
}
