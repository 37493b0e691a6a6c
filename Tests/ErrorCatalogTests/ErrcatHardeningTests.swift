import ErrorCatalog
import Foundation
import Testing

@testable import ErrcatCommand

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Issue 21: what an attack on `errcat` found in its JSON escaping, its raw HTTP reader and its handling of
/// a closed output pipe.
@Suite("errcat hardening")
struct ErrcatHardeningTests: ErrcatJSONReading {
  // MARK: JSON escaping

  @Test("--json escapes C1 controls, separators and bidirectional controls as \\uXXXX and stays valid JSON")
  func jsonEscapesWhatTextEscapes() throws {
    let hostile =
      "a\u{85}b\u{9B}2Jc\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}d\u{2066}\u{2067}\u{2068}\u{2069}e"
      + "\u{2028}f\u{2029}g\u{200E}\u{200F}\u{61C}h\u{7F}\u{1B}"
    let escapedBody = hostile.unicodeScalars.map { "\\u" + String(format: "%04x", $0.value) }.joined()
    let body = #"{"code":400,"error":"x \#(escapedBody)","msg":"BAD"}"#
    let output = Errcat.run(arguments: ["classify", "wolkvox", "--status", "400", "--body", body, "--json"])
    #expect(output.status == 0)
    let raw = output.standardOutput.unicodeScalars
    for scalar in hostile.unicodeScalars where TextEscaping.needsEscape(scalar) {
      #expect(!raw.contains(scalar), "U+\(String(scalar.value, radix: 16)) printed raw")
      #expect(output.standardOutput.contains("\\u" + String(format: "%04x", scalar.value)))
    }
    // Parsed back, the value is the provider's text again.
    let error = try #require((try json(output)["errors"] as? [[String: Any]])?.first)
    let parameters = try #require(error["parameters"] as? [String: String])
    #expect(parameters.values.contains { $0.contains(hostile) })
  }

  @Test("Every character text output escapes is escaped by JSON output too")
  func jsonAndTextAgree() throws {
    for value in UInt32(0)...0x2100 {
      guard let scalar = Unicode.Scalar(value), TextEscaping.needsEscape(scalar) else { continue }
      let quoted = JSONOutput.quoted(String(Character(scalar)))
      #expect(quoted.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 }, "U+\(String(value, radix: 16))")
      let parsed = try JSONSerialization.jsonObject(with: Data("[\(quoted)]".utf8)) as? [String]
      #expect(parsed == [String(Character(scalar))])
    }
  }

  // MARK: A closed output pipe

  /// The `errcat` executable this test run built, beside the test bundle.
  static let errcatBinary: URL? = {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = folder.appendingPathComponent("errcat")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      folder.deleteLastPathComponent()
    }
    return nil
  }()

  @Test(
    "errcat writing to a pipe whose reader is gone exits 1 with one line, not 141 (SIGPIPE)",
    .enabled(if: errcatBinary != nil, "the errcat executable was not built beside the tests"))
  func brokenPipe() throws {
    let binary = try #require(Self.errcatBinary)
    var ends: [Int32] = [0, 0]
    try #require(pipe(&ends) == 0)
    // The reader goes away before errcat writes a byte: every write fails with EPIPE.
    close(ends[0])
    let output = FileHandle(fileDescriptor: ends[1], closeOnDealloc: true)
    let errors = Pipe()
    let process = Process()
    process.executableURL = binary
    process.arguments = ["list"]
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    try output.close()
    let message = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 1)
    let text = String(decoding: message, as: UTF8.self)
    #expect(text.contains("cannot write output"))
    #expect(text.split(separator: "\n").count == 1)
  }

  // MARK: Repeated header lines

  @Test("Joining repeated header lines is linear: four times the lines, four times the work")
  func repeatedHeadersLinear() throws {
    func work(_ count: Int, distinct: Bool) -> Int {
      let fields = (0..<count).map { (name: $0 % 2 == 0 ? "X-Dup" : "x-dup", value: distinct ? "v\($0)" : "same") }
      var work = 0
      _ = RawHTTPResponse.combined(fields, work: &work)
      return work
    }
    for distinct in [true, false] {
      #expect(work(4000, distinct: distinct) <= 4 * work(1000, distinct: distinct))
    }
    // The whole reader on 4k lines of one name: every value kept once, in order.
    let head = "HTTP/1.1 200 OK\r\n" + (0..<4000).map { "X-Dup: v\($0)\r\n" }.joined() + "\r\n"
    let parsed = try #require(RawHTTPResponse.parse(Array(head.utf8)))
    #expect(parsed.headers["X-Dup"] == (0..<4000).map { "v\($0)" }.joined(separator: ", "))
    #expect(parsed.droppedHeaderLines == 0)
  }

  // MARK: A long head

  /// A raw response whose head is `headerLines` lines of 90 bytes, then `Retry-After: 5`, then `body`.
  func rawResponse(headerLines: Int, body: [UInt8]) -> [UInt8] {
    var head = "HTTP/1.1 403 Forbidden\r\n"
    for line in 0..<headerLines { head += "X-Pad-\(line): " + String(repeating: "a", count: 76) + "\r\n" }
    head += "Retry-After: 5\r\n\r\n"
    return Array(head.utf8) + body
  }

  /// A Wolkvox quota error padded to `count` bytes of JSON.
  func paddedBody(_ count: Int) -> [UInt8] {
    let start = #"{"code":403,"error":"FORBIDDEN","msg":"TOKEN LIMIT EXCEEDED","pad":""#
    return Array((start + String(repeating: "x", count: count - start.utf8.count - 2) + #""}"#).utf8)
  }

  @Test("A head over 64 KiB never takes the body's room: lines beyond are dropped and reported, truncated is true")
  func longHead() throws {
    let body = paddedBody(999_999)
    let input = rawResponse(headerLines: 2200, body: body)
    #expect(input.count - body.count > 190_000)
    let read = BoundedInput(input)
    #expect(read.bytes == body)
    #expect(read.bodyCount == 999_999)
    let raw = try #require(read.raw)
    #expect(raw.droppedHeaderLines > 1000)
    #expect(raw.headers["Retry-After"] == nil, "a line beyond the allowance is dropped")
    #expect(raw.headCount == input.count - body.count)

    let json = try self.json(Errcat.run(arguments: ["classify", "wolkvox", "--json"]) { _ in read })
    let error = try #require((json["errors"] as? [[String: Any]])?.first)
    #expect(error["name"] as? String == "tokenLimitExceeded")
    let member = try #require(json["input"] as? [String: Any])
    #expect(member["bytes"] as? Int == 999_999)
    #expect(member["truncated"] as? Bool == true)
    #expect((member["droppedHeaderLines"] as? Int ?? 0) > 1000)
    let text = Errcat.run(arguments: ["classify", "wolkvox"]) { _ in read }.standardOutput
    #expect(text.contains("header lines dropped"))
    #expect(text.contains("tokenLimitExceeded"))

    // Under the allowance nothing is dropped and nothing is said.
    let short = BoundedInput(rawResponse(headerLines: 10, body: body))
    #expect(short.raw?.droppedHeaderLines == 0)
    #expect(short.raw?.headers["Retry-After"] == "5")
    #expect(!short.isTruncated)
  }

  @Test("Memory stays bounded whatever the head: one huge header line, many lines, many responses")
  func boundedHead() throws {
    let hugeLine =
      Array("HTTP/1.1 200 OK\r\nX-Big: ".utf8) + [UInt8](repeating: 0x61, count: 3 << 20)
      + Array("\r\nRetry-After: 3\r\n\r\n{}".utf8)
    let chain =
      Array(String(repeating: "HTTP/1.1 100 Continue\r\nX-A: b\r\n\r\n", count: 50_000).utf8)
      + Array("HTTP/1.1 503 Busy\r\n\r\nbody".utf8)
    for input in [hugeLine, chain, rawResponse(headerLines: 40_000, body: [0x7B, 0x7D])] {
      var reader = RawHTTPResponse.Reader(bodyLimit: 100, headLimit: InputReader.headAllowance)
      // Fed in pieces, as a pipe delivers it.
      var offset = 0
      while offset < input.count {
        reader.append(input[offset..<min(input.count, offset + 65_536)])
        offset += 65_536
      }
      let result = reader.finish()
      let raw = try #require(result.raw)
      #expect(raw.headers.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count } <= InputReader.headAllowance)
      #expect(result.body.count <= 100)
      #expect(raw.headCount + result.bodyCount == input.count)
    }
    let chained = try #require(RawHTTPResponse.parse(chain))
    #expect(chained.status == 503)
    #expect(chained.earlierResponses == 50_000)
    // The head is kept up to the first line that does not fit: here the first.
    let huge = try #require(RawHTTPResponse.parse(hugeLine))
    #expect(huge.headers.isEmpty)
    #expect(huge.droppedHeaderLines == 2)
    #expect(BoundedInput(hugeLine).bytes == [0x7B, 0x7D])
  }

  @Test("Reading byte by byte, in pieces or at once gives the same answer")
  func piecewise() {
    let inputs = [
      rawResponse(headerLines: 3, body: paddedBody(200)),
      Array("HTTP/1.1 100 Continue\r\n\r\nHTTP/2 429\nRetry-After: 1\n\n{\"a\":1}".utf8),
      Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;x=y\r\nabcd\r\n2\r\nef\r\n0\r\nT: 1\r\n\r\n".utf8),
      Array("HTTP/1.1 200 OK\r".utf8), Array("HTTP/1.1 200".utf8), Array("{\"a\":1}".utf8), [],
    ]
    for input in inputs {
      var whole = RawHTTPResponse.Reader(bodyLimit: 1000, headLimit: 64)
      whole.append(input)
      var bytewise = RawHTTPResponse.Reader(bodyLimit: 1000, headLimit: 64)
      for byte in input { bytewise.append([byte]) }
      #expect(whole.finish() == bytewise.finish(), "\(String(decoding: input, as: UTF8.self))")
    }
  }

  // MARK: Chunked bodies

  func chunked(_ body: String, head: String = "HTTP/1.1 403 Forbidden\r\nTransfer-Encoding: chunked\r\n\r\n")
    -> BoundedInput
  {
    BoundedInput(Array((head + body).utf8))
  }

  static let quota = #"{"code":403,"error":"FORBIDDEN","msg":"TOKEN LIMIT EXCEEDED"}"#

  /// `text` as chunks of `size` bytes, with the last chunk and a trailer.
  static func encoded(_ text: String, size: Int, newline: String = "\r\n") -> String {
    let bytes = Array(text.utf8)
    var out = ""
    var offset = 0
    while offset < bytes.count {
      let piece = bytes[offset..<min(bytes.count, offset + size)]
      out += String(piece.count, radix: 16) + (offset == 0 ? ";name=value" : "") + newline
      out += String(decoding: piece, as: UTF8.self) + newline
      offset += size
    }
    return out + "0" + newline + "Expires: never" + newline + newline
  }

  @Test("curl --raw -i: a chunked body is decoded before it is classified")
  func chunkedDecoded() throws {
    for newline in ["\r\n", "\n"] {
      let input = chunked(Self.encoded(Self.quota, size: 7, newline: newline))
      #expect(input.bytes == Array(Self.quota.utf8))
      #expect(input.chunking == .decoded)
      #expect(!input.isTruncated)
      let json = try self.json(Errcat.run(arguments: ["classify", "wolkvox", "--json"]) { _ in input })
      #expect((json["errors"] as? [[String: Any]])?.first?["name"] as? String == "tokenLimitExceeded")
      let member = try #require(json["input"] as? [String: Any])
      #expect(member["chunked"] as? String == "decoded")
      #expect(member["bytes"] as? Int == Self.quota.utf8.count)
      #expect(member["truncated"] as? Bool == false)
    }
    // `Transfer-Encoding: gzip, chunked` ends in chunked too; a body already decoded (curl -i) is read as is.
    let listed = chunked(
      Self.encoded(Self.quota, size: 100),
      head: "HTTP/1.1 403 X\r\ntransfer-encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n")
    #expect(listed.chunking == .decoded)
    let plain = chunked(Self.quota)
    #expect(plain.chunking == .notEncoded)
    #expect(plain.bytes == Array(Self.quota.utf8))
    #expect(Errcat.run(arguments: ["classify", "wolkvox"]) { _ in plain }.standardOutput.contains("not chunk-encoded"))
  }

  @Test("A malformed or incomplete chunked body: what could be read is classified, and the output says so")
  func chunkedBroken() throws {
    let encoded = Self.encoded(Self.quota, size: 20)
    let cut = chunked(String(decoding: encoded.utf8.prefix(30), as: UTF8.self))
    #expect(cut.chunking == .incomplete)
    #expect(cut.isTruncated)
    // 30 bytes: the size line `14;name=value` and CRLF (15 bytes), then 15 of the first chunk's 20.
    #expect(cut.bytes == Array(Self.quota.utf8.prefix(15)))

    let bad = chunked("14\r\n" + String(Self.quota.prefix(20)) + "\r\nzz\r\nrest of it")
    #expect(bad.chunking == .malformed)
    #expect(bad.bytes == Array(Self.quota.utf8.prefix(20)))
    #expect(bad.unreadCount == "zz\r\nrest of it".utf8.count)
    let noLineEnd = chunked("14\r\n" + String(Self.quota.prefix(20)) + "XX0\r\n\r\n")
    #expect(noLineEnd.chunking == .malformed)

    for input in [cut, bad] {
      let json = try self.json(Errcat.run(arguments: ["classify", "wolkvox", "--json"]) { _ in input })
      let member = try #require(json["input"] as? [String: Any])
      #expect(member["truncated"] as? Bool == true)
      #expect(member["chunked"] as? String == input.chunking?.rawValue)
      let text = Errcat.run(arguments: ["classify", "wolkvox"]) { _ in input }.standardOutput
      #expect(text.contains("classified what was read"))
    }
  }

  @Test("A chunked body over 1 MiB keeps 1 MiB of decoded data and counts the rest")
  func chunkedLong() throws {
    let chunk = String(repeating: "y", count: 65_536)
    let body = String(repeating: "10000\r\n" + chunk + "\r\n", count: 40) + "0\r\n\r\n"
    let input = chunked(body)
    #expect(input.chunking == .decoded)
    #expect(input.bodyCount == 40 * 65_536)
    #expect(input.bytes.count == InputReader.keptLimit)
    #expect(input.isTruncated)
  }
}
