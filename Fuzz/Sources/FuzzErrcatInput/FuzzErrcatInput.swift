import FuzzSupport

@testable import ErrorCatalog

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// errcat's own input handling, compiled from the tool's sources (the files beside this one are links to
// Sources/ErrcatCommand): bounded reading from a pipe, the raw HTTP response reader (status lines, headers
// and chunked bodies of `curl -i` output) and the escaping of text output.
//
// Input: one byte picks the read limit, the rest is what arrives on the pipe.

/// The size of the pipe's buffer is 64 KiB on Linux; writing less never blocks without a reader.
let pipeCapacity = 60_000

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let input = inputBytes(data, size)
  let limit = input.first.map { Int($0) * 97 } ?? 0
  let payload = Array(input.dropFirst().prefix(pipeCapacity))
  checkReading(payload, limit: limit)
  checkRawResponse(payload)
  checkEscaping(payload)
  return 0
}

/// What comes through a pipe is kept up to the limit and counted in full.
func checkReading(_ payload: [UInt8], limit: Int) {
  var ends: [Int32] = [0, 0]
  guard pipe(&ends) == 0 else { violated("pipe failed") }
  let written = payload.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) }
  guard written == payload.count else { violated("short write to the pipe") }
  close(ends[1])
  defer { close(ends[0]) }
  let read: BoundedInput
  do {
    read = try InputReader.read(descriptor: ends[0], limit: limit)
  } catch {
    violated("reading a pipe failed: \(error)")
  }
  guard read.totalCount == payload.count else { violated("counted \(read.totalCount) of \(payload.count) bytes") }
  // Read from a pipe in pieces or all at once, the answer is the same.
  guard read == BoundedInput(payload, limit: limit) else { violated("the pipe and the whole input read differently") }
  guard read.bytes.count <= limit else { violated("kept \(read.bytes.count) bytes over the limit \(limit)") }
  if read.raw == nil {
    guard read.bytes == Array(payload.prefix(limit)) else { violated("kept bytes are not the input's prefix") }
    guard read.isTruncated == (payload.count > limit) else { violated("isTruncated") }
  } else if read.chunking == nil || read.chunking == .notEncoded {
    let body = payload[(read.raw?.headCount ?? 0)...]
    guard read.bytes == Array(body.prefix(limit)), read.bodyCount == body.count else {
      violated("the body is not what follows the head")
    }
  }
}

/// A raw response has a status in range, well-formed header names, and its heads alone parse the same.
func checkRawResponse(_ payload: [UInt8]) {
  guard let response = RawHTTPResponse.parse(payload) else {
    if payload.starts(with: Array("HTTP/1.1 200 OK\r\n".utf8)) { violated("a plain status line was not read") }
    return
  }
  guard payload.starts(with: Array("HTTP/".utf8)) else { violated("read a response that does not start HTTP/") }
  guard (100...599).contains(response.status) else { violated("status \(response.status)") }
  guard response.headCount <= payload.count, response.headCount > 0 else { violated("headCount") }
  for (name, value) in response.headers {
    let nameBytes = Array(name.utf8)
    let tokenBytes = Set(Array("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8))
    guard !nameBytes.isEmpty, nameBytes.allSatisfy(tokenBytes.contains) else {
      violated("header name \(name.debugDescription)")
    }
    guard !value.utf8.contains(0x0A), !value.utf8.contains(0x0D) else { violated("a header value holds CR or LF") }
  }
  guard let heads = RawHTTPResponse.parse(payload.prefix(response.headCount)), heads == response else {
    violated("the heads alone parse differently")
  }
}

/// Escaped text has no control, line-breaking or reordering character left.
func checkEscaping(_ payload: [UInt8]) {
  let escaped = TextEscaping.escaped(String(decoding: payload, as: UTF8.self))
  if let bad = escaped.unicodeScalars.first(where: { TextEscaping.needsEscape($0) && $0 != "\\" }) {
    violated("U+\(String(bad.value, radix: 16)) survived escaping")
  }
}
