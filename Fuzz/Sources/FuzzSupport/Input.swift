// RetryAfter and HTTPHeaderLookup are package API of the root package: reached with @testable.
@testable import ErrorCatalog

/// Stops the process with a message, so that libFuzzer records the input as a crash.
package func violated(_ what: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line) -> Never {
  fatalError("fuzz invariant violated: \(what())", file: file, line: line)
}

/// The bytes libFuzzer hands over, copied.
package func inputBytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
  Array(UnsafeBufferPointer(start: data, count: size))
}

/// A synchronous answer decoded from fuzz input: an HTTP status, maybe a `Retry-After` header, and a body.
///
/// Layout: two bytes of status (big-endian), one mode byte, then the body. Inputs shorter than three bytes
/// are a body without status or headers.
/// - Status: `0xFFFF` is no status; `0xF000…0xFFFE` pick an odd value (negative, zero, huge); anything else
///   is taken modulo 1000, so `0x00C8` is 200.
/// - Mode, low two bits: 0 no header; 1 `Retry-After` of `mode >> 2` seconds; 2 `Retry-After` and 3
///   `retry-after` whose value is the text up to the first newline after the mode byte (the body follows the
///   newline).
package struct ResponseInput: Sendable {
  /// The HTTP status.
  package var status: Int?
  /// The headers.
  package var headers: [String: String]
  /// The body.
  package var body: [UInt8]

  /// Decodes fuzz input.
  package init(_ input: [UInt8]) {
    guard input.count >= 3 else {
      status = nil
      headers = [:]
      body = input
      return
    }
    status = Self.status(UInt16(input[0]) << 8 | UInt16(input[1]))
    let mode = input[2]
    var rest = input[3...]
    switch mode & 3 {
    case 0:
      headers = [:]
    case 1:
      headers = ["Retry-After": String(mode >> 2)]
    default:
      let end = rest.firstIndex(of: 0x0A) ?? rest.endIndex
      headers = [mode & 3 == 2 ? "Retry-After" : "retry-after": String(decoding: rest[..<end], as: UTF8.self)]
      rest = end == rest.endIndex ? rest[end...] : rest[(end + 1)...]
    }
    body = Array(rest)
  }

  static let oddStatuses: [Int?] = [-1, 0, Int.min, Int.max, 1000, 65_535, 99, 600]

  static func status(_ raw: UInt16) -> Int? {
    if raw == 0xFFFF { return nil }
    if raw >= 0xF000 { return oddStatuses[Int(raw & 7)] }
    return Int(raw % 1000)
  }

  /// Fuzz input that decodes to this answer (a status outside 0…999 becomes no status; only `Retry-After`
  /// is kept of the headers).
  package static func encode(status: Int?, headers: [String: String], body: [UInt8]) -> [UInt8] {
    let raw: UInt16 = status.flatMap { (0..<1000).contains($0) ? UInt16($0) : nil } ?? 0xFFFF
    var out = [UInt8(raw >> 8), UInt8(raw & 0xFF)]
    if let retryAfter = HTTPHeaderLookup.value("Retry-After", in: headers), !retryAfter.utf8.contains(0x0A) {
      out.append(2)
      out += Array(retryAfter.utf8) + [0x0A]
    } else {
      out.append(0)
    }
    return out + body
  }
}

/// Byte-wise substring search (no Unicode equivalence, so what is found is what was written).
package func contains(_ haystack: some Collection<UInt8>, _ needle: some Collection<UInt8>) -> Bool {
  let haystack = Array(haystack)
  let needle = Array(needle)
  guard !needle.isEmpty else { return true }
  guard needle.count <= haystack.count else { return false }
  for start in 0...(haystack.count - needle.count)
  where haystack[start] == needle[0] && haystack[start..<(start + needle.count)].elementsEqual(needle) {
    return true
  }
  return false
}
